// Natives of package unicode/utf8 over strings and byte slices (unicode_text.h does the decoding).
#include "scheduler/vm/natives/natives.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives {

namespace {

// func RuneCountInString(s string) (n int)
void rune_count_in_string(NativeHost& host) {
  Frame f(host);
  f.set_int(2, rune_count(f.string_at(0)));
}

// func DecodeRuneInString(s string) (r rune, size int)
void decode_rune_in_string(NativeHost& host) {
  Frame f(host);
  const Decoded d = decode_rune(f.string_at(0));
  f.set_int(2, d.rune);
  f.set_int(3, d.size);
}

// func DecodeLastRuneInString(s string) (r rune, size int)
void decode_last_rune_in_string(NativeHost& host) {
  Frame f(host);
  const Decoded d = decode_last_rune(f.string_at(0));
  f.set_int(2, d.rune);
  f.set_int(3, d.size);
}

// func ValidString(s string) bool
void valid_string(NativeHost& host) {
  Frame f(host);
  f.set_bool(2, valid_utf8(f.string_at(0)));
}

// func FullRuneInString(s string) bool
void full_rune_in_string(NativeHost& host) {
  Frame f(host);
  f.set_bool(2, full_rune(f.string_at(0)));
}

// func RuneCount(p []byte) int
void rune_count_bytes(NativeHost& host) {
  Frame f(host);
  f.set_int(3, rune_count(load_bytes(host, f.slice_at(0))));
}

// func DecodeRune(p []byte) (r rune, size int)
void decode_rune_bytes(NativeHost& host) {
  Frame f(host);
  const SliceRef s = f.slice_at(0);
  SliceRef head = s;
  if (head.len > 4) head.len = 4;  // one rune is at most 4 bytes
  const Decoded d = decode_rune(load_bytes(host, head));
  f.set_int(3, d.rune);
  f.set_int(4, d.size);
}

// func DecodeLastRune(p []byte) (r rune, size int)
void decode_last_rune_bytes(NativeHost& host) {
  Frame f(host);
  SliceRef s = f.slice_at(0);
  if (s.len > 4) {
    s.data += static_cast<Word>(s.len - 4);
    s.len = 4;
  }
  const Decoded d = decode_last_rune(load_bytes(host, s));
  f.set_int(3, d.rune);
  f.set_int(4, d.size);
}

// func Valid(p []byte) bool
void valid_bytes(NativeHost& host) {
  Frame f(host);
  f.set_bool(3, valid_utf8(load_bytes(host, f.slice_at(0))));
}

}  // namespace

void register_utf8_natives(NativeTable& table) {
  table.push_back({"utf8.RuneCountInString", rune_count_in_string});
  table.push_back({"utf8.DecodeRuneInString", decode_rune_in_string});
  table.push_back({"utf8.DecodeLastRuneInString", decode_last_rune_in_string});
  table.push_back({"utf8.ValidString", valid_string});
  table.push_back({"utf8.FullRuneInString", full_rune_in_string});
  table.push_back({"utf8.RuneCount", rune_count_bytes});
  table.push_back({"utf8.DecodeRune", decode_rune_bytes});
  table.push_back({"utf8.DecodeLastRune", decode_last_rune_bytes});
  table.push_back({"utf8.Valid", valid_bytes});
}

}  // namespace gb::vm::natives
