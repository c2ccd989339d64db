// The helpers of natives.h.
#include "scheduler/vm/natives/natives.h"

#include <bit>

namespace gb::vm::natives {

double Frame::float_at(std::size_t i) {
  return std::bit_cast<double>(word(i));
}

void Frame::set_float(std::size_t i, double v) {
  set_word(i, std::bit_cast<Word>(v));
}

void Frame::set_string(std::size_t i, std::string_view s) {
  Word out[2] = {0, 0};
  host_.make_string(s, out);
  Word* f = host_.frame();
  f[i] = out[0];
  f[i + 1] = out[1];
}

void Frame::set_string_slice(std::size_t i, const std::vector<std::string>& items) {
  const auto n = static_cast<std::uint32_t>(items.size());
  const Word base = host_.allocate(2 * n);
  for (std::uint32_t k = 0; k < n; ++k) {
    Word out[2] = {0, 0};
    host_.make_string(items[k], out);
    host_.store(base + 2 * k, out[0]);
    host_.store(base + 2 * k + 1, out[1]);
  }
  Word* f = host_.frame();
  f[i] = base;
  f[i + 1] = n;
  f[i + 2] = n;
}

std::string load_string(NativeHost& host, Word addr) {
  Word w[2] = {host.load(addr), host.load(addr + 1)};
  return std::string(host.string_bytes(w));
}

std::string load_bytes(NativeHost& host, const SliceRef& s) {
  std::string out;
  out.reserve(static_cast<std::size_t>(s.len));
  for (std::int64_t k = 0; k < s.len; ++k)
    out.push_back(static_cast<char>(host.load(s.data + static_cast<Word>(k))));
  return out;
}

Word wrap_to_kind(Word v, Kind k) {
  switch (k) {
    case Kind::Int8:
      return static_cast<Word>(static_cast<std::int64_t>(static_cast<std::int8_t>(v)));
    case Kind::Int16:
      return static_cast<Word>(static_cast<std::int64_t>(static_cast<std::int16_t>(v)));
    case Kind::Int32:
      return static_cast<Word>(static_cast<std::int64_t>(static_cast<std::int32_t>(v)));
    case Kind::Uint8:
      return v & 0xFFu;
    case Kind::Uint16:
      return v & 0xFFFFu;
    case Kind::Uint32:
      return v & 0xFFFFFFFFu;
    default:
      return v;
  }
}

}  // namespace gb::vm::natives
