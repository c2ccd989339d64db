// The natives of package encoding/json (sim/go/stdlib/encoding_json.go): each reads its arguments from the
// frame, runs the C++ half (json.h) and returns the text or the error's parts, from which the Go half builds
// Go's error values.
#include "scheduler/vm/natives/json.h"

#include "scheduler/vm/natives/fmt_values.h"
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

// func marshal(v any, escapeHTML bool) (s string, kind int, detail string)
void marshal_native(NativeHost& host) {
  Frame f(host);
  const auto type = static_cast<TypeId>(f.word(0));
  const Word data = f.word(1);
  const bool escape_html = f.bool_at(2);
  std::vector<Word> words;
  if (type != kNoType) words = Printer::unbox(host, type, data).words;
  std::string out;
  const json::EncodeError e = json::marshal(host, type, words, escape_html, out);
  f.set_string(3, out);
  f.set_int(5, static_cast<std::int64_t>(e.kind));
  f.set_string(6, e.detail);
}

// func unmarshal(data []byte, v any, objects any, arrays any)
//     (kind int, msg string, value string, typ string, offset int64, strct string, field string)
void unmarshal_native(NativeHost& host) {
  Frame f(host);
  const std::string data = load_bytes(host, f.slice_at(0));
  const auto type = static_cast<TypeId>(f.word(3));
  const Word v = f.word(4);
  const json::InterfaceTypes any{static_cast<TypeId>(f.word(5)), static_cast<TypeId>(f.word(7))};
  const json::DecodeError e = json::unmarshal(host, data, type, v, any);
  f.set_int(9, static_cast<std::int64_t>(e.kind));
  f.set_string(10, e.message);
  f.set_string(12, e.value);
  f.set_string(14, e.type);
  f.set_int(16, e.offset);
  f.set_string(17, e.struct_name);
  f.set_string(19, e.field);
}

// The results (out string, msg string, offset int64) from word `at` on.
void set_text_result(Frame& f, std::size_t at, const std::string& out, const json::SyntaxFailure& e) {
  f.set_string(at, out);
  f.set_string(at + 2, e.message);
  f.set_int(at + 4, e.offset);
}

// func indentText(src []byte, prefix, indent string) (out string, msg string, offset int64)
void indent_native(NativeHost& host) {
  Frame f(host);
  std::string out;
  const json::SyntaxFailure e = json::indent(load_bytes(host, f.slice_at(0)), f.string_at(3), f.string_at(5), out);
  set_text_result(f, 7, out, e);
}

// func compactText(src []byte, escapeHTML bool) (out string, msg string, offset int64)
void compact_native(NativeHost& host) {
  Frame f(host);
  std::string out;
  const json::SyntaxFailure e = json::compact(load_bytes(host, f.slice_at(0)), f.bool_at(3), out);
  set_text_result(f, 4, out, e);
}

// func Valid(data []byte) bool
void valid_native(NativeHost& host) {
  Frame f(host);
  f.set_bool(3, json::check_valid(load_bytes(host, f.slice_at(0))).message.empty());
}

}  // namespace

void register_json_natives(NativeTable& table) {
  table.push_back({"json.marshal", marshal_native});
  table.push_back({"json.unmarshal", unmarshal_native});
  table.push_back({"json.indentText", indent_native});
  table.push_back({"json.compactText", compact_native});
  table.push_back({"json.Valid", valid_native});
}

}  // namespace gb::vm::natives
