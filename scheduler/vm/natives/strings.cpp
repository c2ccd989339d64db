// Natives of package strings: searching, splitting, joining, case mapping and trimming, with Go's results
// for the edge cases (empty separators, invalid UTF-8, n limits) and Go's panics.
#include <limits>

#include "scheduler/vm/natives/natives.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives {

namespace {

using Strings = std::vector<std::string>;

std::int64_t index_of(std::string_view s, std::string_view sub) {
  const auto p = s.find(sub);
  return p == std::string_view::npos ? -1 : static_cast<std::int64_t>(p);
}

std::int64_t count(std::string_view s, std::string_view sub) {
  if (sub.empty()) return rune_count(s) + 1;
  std::int64_t n = 0;
  for (std::size_t p = s.find(sub); p != std::string_view::npos; p = s.find(sub, p + sub.size())) ++n;
  return n;
}

std::int64_t index_rune(std::string_view s, std::int64_t r) {
  if (r >= 0 && r < 0x80) return index_of(s, std::string(1, static_cast<char>(r)));
  if (r == kRuneError) {
    for (std::size_t i = 0; i < s.size();) {
      const Decoded d = decode_rune(s.substr(i));
      if (d.rune == kRuneError) return static_cast<std::int64_t>(i);
      i += static_cast<std::size_t>(d.size);
    }
    return -1;
  }
  if (!valid_rune(r)) return -1;
  std::string enc;
  encode_rune(enc, r);
  return index_of(s, enc);
}

// genSplit: sep_save bytes of the separator stay with each piece; n < 0 means all.
bool split(std::string_view s, std::string_view sep, std::size_t sep_save, std::int64_t n, Strings& out) {
  if (n == 0) return false;  // nil
  if (sep.empty()) {
    // One piece per UTF-8 sequence (an invalid byte is a piece of its own).
    const std::int64_t runes = rune_count(s);
    if (n < 0 || n > runes) n = runes;
    for (std::int64_t i = 0; i + 1 < n; ++i) {
      const auto size = static_cast<std::size_t>(decode_rune(s).size);
      out.emplace_back(s.substr(0, size));
      s.remove_prefix(size);
    }
    if (n > 0) out.emplace_back(s);
    return true;
  }
  if (n < 0) n = count(s, sep) + 1;
  for (std::int64_t i = 0; i + 1 < n; ++i) {
    const std::size_t m = s.find(sep);
    if (m == std::string_view::npos) break;
    out.emplace_back(s.substr(0, m + sep_save));
    s.remove_prefix(m + sep.size());
  }
  out.emplace_back(s);
  return true;
}

void set_split(Frame& f, std::size_t at, bool non_nil, const Strings& parts) {
  if (!non_nil) {
    f.set_word(at, 0);
    f.set_word(at + 1, 0);
    f.set_word(at + 2, 0);
    return;
  }
  f.set_string_slice(at, parts);
}

template <typename MapRune>
std::string map_runes(std::string_view s, MapRune m) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_rune(s.substr(i));
    encode_rune(out, static_cast<std::int64_t>(m(d.rune)));  // invalid bytes become U+FFFD, as strings.Map
    i += static_cast<std::size_t>(d.size);
  }
  return out;
}

bool in_cutset(std::string_view cutset, char32_t r) {
  return index_rune(cutset, r) >= 0;
}

std::string_view trim_left(std::string_view s, std::string_view cutset) {
  while (!s.empty()) {
    const Decoded d = decode_rune(s);
    if (!in_cutset(cutset, d.rune)) break;
    s.remove_prefix(static_cast<std::size_t>(d.size));
  }
  return s;
}

std::string_view trim_right(std::string_view s, std::string_view cutset) {
  while (!s.empty()) {
    const Decoded d = decode_last_rune(s);
    if (!in_cutset(cutset, d.rune)) break;
    s.remove_suffix(static_cast<std::size_t>(d.size));
  }
  return s;
}

// [SECTION] Natives

void index(NativeHost& host) {
  Frame f(host);
  f.set_int(4, index_of(f.string_at(0), f.string_at(2)));
}

void last_index(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0), sub = f.string_at(2);
  const auto p = std::string_view(s).rfind(sub);
  f.set_int(4, p == std::string_view::npos ? -1 : static_cast<std::int64_t>(p));
}

void index_byte(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0);
  const auto p = s.find(static_cast<char>(f.word(2)));
  f.set_int(3, p == std::string::npos ? -1 : static_cast<std::int64_t>(p));
}

void last_index_byte(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0);
  const auto p = s.rfind(static_cast<char>(f.word(2)));
  f.set_int(3, p == std::string::npos ? -1 : static_cast<std::int64_t>(p));
}

void index_rune_native(NativeHost& host) {
  Frame f(host);
  f.set_int(3, index_rune(f.string_at(0), f.int_at(2)));
}

void index_any(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0), chars = f.string_at(2);
  std::int64_t result = -1;
  if (!chars.empty()) {
    for (std::size_t i = 0; i < s.size();) {
      const Decoded d = decode_rune(std::string_view(s).substr(i));
      if (index_rune(chars, d.rune) >= 0) {
        result = static_cast<std::int64_t>(i);
        break;
      }
      i += static_cast<std::size_t>(d.size);
    }
  }
  f.set_int(4, result);
}

void count_native(NativeHost& host) {
  Frame f(host);
  f.set_int(4, count(f.string_at(0), f.string_at(2)));
}

void equal_fold(NativeHost& host) {
  Frame f(host);
  const std::string a = f.string_at(0), b = f.string_at(2);
  std::string_view s = a, t = b;
  bool equal = true;
  while (!s.empty() && !t.empty()) {
    const Decoded x = decode_rune(s), y = decode_rune(t);
    if (!fold_equal(x.rune, y.rune)) {
      equal = false;
      break;
    }
    s.remove_prefix(static_cast<std::size_t>(x.size));
    t.remove_prefix(static_cast<std::size_t>(y.size));
  }
  f.set_bool(4, equal && s.empty() && t.empty());
}

void split_native(NativeHost& host) {
  Frame f(host);
  Strings parts;
  const bool non_nil = split(f.string_at(0), f.string_at(2), 0, -1, parts);
  set_split(f, 4, non_nil, parts);
}

void split_n(NativeHost& host) {
  Frame f(host);
  Strings parts;
  const bool non_nil = split(f.string_at(0), f.string_at(2), 0, f.int_at(4), parts);
  set_split(f, 5, non_nil, parts);
}

void split_after(NativeHost& host) {
  Frame f(host);
  Strings parts;
  const std::string sep = f.string_at(2);
  const bool non_nil = split(f.string_at(0), sep, sep.size(), -1, parts);
  set_split(f, 4, non_nil, parts);
}

void fields(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0);
  Strings parts;
  std::size_t start = std::string::npos;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_rune(std::string_view(s).substr(i));
    const bool space = !(d.rune == kRuneError && d.size == 1) && is_space(d.rune);
    if (space) {
      if (start != std::string::npos) parts.push_back(s.substr(start, i - start));
      start = std::string::npos;
    } else if (start == std::string::npos) {
      start = i;
    }
    i += static_cast<std::size_t>(d.size);
  }
  if (start != std::string::npos) parts.push_back(s.substr(start));
  f.set_string_slice(2, parts);
}

void join(NativeHost& host) {
  Frame f(host);
  const SliceRef elems = f.slice_at(0);
  const std::string sep = f.string_at(3);
  std::string out;
  for (std::int64_t i = 0; i < elems.len; ++i) {
    if (i > 0) out += sep;
    out += load_string(host, elems.data + 2 * static_cast<Word>(i));
  }
  f.set_string(5, out);
}

void repeat(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0);
  const std::int64_t n = f.int_at(2);
  if (n < 0) return host.panic_string("strings: negative Repeat count");
  // Go panics when len(s)*n overflows an int; the simulator also refuses strings past 1 GiB.
  if (!s.empty() && n > 0 &&
      (static_cast<std::uint64_t>(n) > std::numeric_limits<std::int64_t>::max() / s.size() ||
       s.size() * static_cast<std::uint64_t>(n) > (1ull << 30))) {
    return host.panic_string("strings: Repeat count causes overflow");
  }
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out += s;
  f.set_string(3, out);
}

void replace(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0), old_s = f.string_at(2), new_s = f.string_at(4);
  std::int64_t n = f.int_at(6);
  if (old_s == new_s || n == 0) return f.set_string(7, s);
  const std::int64_t m = count(s, old_s);
  if (m == 0) return f.set_string(7, s);
  if (n < 0 || m < n) n = m;
  std::string out;
  std::size_t start = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    std::size_t j = start;
    if (old_s.empty()) {
      if (i > 0) j += static_cast<std::size_t>(decode_rune(std::string_view(s).substr(start)).size);
    } else {
      j = s.find(old_s, start);
    }
    out.append(s, start, j - start);
    out += new_s;
    start = j + old_s.size();
  }
  out.append(s, start);
  f.set_string(7, out);
}

void to_upper_native(NativeHost& host) {
  Frame f(host);
  f.set_string(2, map_runes(f.string_at(0), to_upper));
}

void to_lower_native(NativeHost& host) {
  Frame f(host);
  f.set_string(2, map_runes(f.string_at(0), to_lower));
}

// Title maps the first letter of each word to title case (words end at separators: not a letter, digit or
// '_').
void title(NativeHost& host) {
  Frame f(host);
  auto is_separator = [](char32_t r) {
    if (r < 0x80) {
      return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
    }
    return is_space(r);
  };
  char32_t prev = ' ';
  f.set_string(2, map_runes(f.string_at(0), [&](char32_t r) {
                 const bool start = is_separator(prev);
                 prev = r;
                 return start ? to_title(r) : r;
               }));
}

void trim_space(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0);
  std::string_view v = s;
  while (!v.empty()) {
    const Decoded d = decode_rune(v);
    if (d.size == 1 && d.rune == kRuneError) break;
    if (!is_space(d.rune)) break;
    v.remove_prefix(static_cast<std::size_t>(d.size));
  }
  while (!v.empty()) {
    const Decoded d = decode_last_rune(v);
    if (d.size == 1 && d.rune == kRuneError) break;
    if (!is_space(d.rune)) break;
    v.remove_suffix(static_cast<std::size_t>(d.size));
  }
  f.set_string(2, v);
}

void trim(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0), cutset = f.string_at(2);
  if (s.empty() || cutset.empty()) return f.set_string(4, s);
  f.set_string(4, trim_right(trim_left(s, cutset), cutset));
}

void trim_left_native(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0), cutset = f.string_at(2);
  if (s.empty() || cutset.empty()) return f.set_string(4, s);
  f.set_string(4, trim_left(s, cutset));
}

void trim_right_native(NativeHost& host) {
  Frame f(host);
  const std::string s = f.string_at(0), cutset = f.string_at(2);
  if (s.empty() || cutset.empty()) return f.set_string(4, s);
  f.set_string(4, trim_right(s, cutset));
}

}  // namespace

void register_strings_natives(NativeTable& table) {
  table.push_back({"strings.Index", index});
  table.push_back({"strings.LastIndex", last_index});
  table.push_back({"strings.IndexByte", index_byte});
  table.push_back({"strings.LastIndexByte", last_index_byte});
  table.push_back({"strings.IndexRune", index_rune_native});
  table.push_back({"strings.IndexAny", index_any});
  table.push_back({"strings.Count", count_native});
  table.push_back({"strings.EqualFold", equal_fold});
  table.push_back({"strings.Split", split_native});
  table.push_back({"strings.SplitN", split_n});
  table.push_back({"strings.SplitAfter", split_after});
  table.push_back({"strings.Fields", fields});
  table.push_back({"strings.Join", join});
  table.push_back({"strings.Repeat", repeat});
  table.push_back({"strings.Replace", replace});
  table.push_back({"strings.ToUpper", to_upper_native});
  table.push_back({"strings.ToLower", to_lower_native});
  table.push_back({"strings.Title", title});
  table.push_back({"strings.TrimSpace", trim_space});
  table.push_back({"strings.Trim", trim});
  table.push_back({"strings.TrimLeft", trim_left_native});
  table.push_back({"strings.TrimRight", trim_right_native});
}

}  // namespace gb::vm::natives
