// The formatting half of fmt (Go's fmt/format.go): one operand of a known basic kind rendered under the
// current verb's flags, width and precision into the output buffer, with padding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gb::vm::natives {

struct FmtFlags {
  bool wid_present = false;
  bool prec_present = false;
  bool minus = false;
  bool plus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  // %+v and %#v: plus and sharp are moved here for the v verb so they do not affect nested operands'
  // number formatting.
  bool plus_v = false;
  bool sharp_v = false;
};

class Formatter {
 public:
  explicit Formatter(std::string& buf) : buf_(buf) {}

  FmtFlags f;
  int wid = 0;
  int prec = 0;

  void clear_flags() {
    f = FmtFlags{};
    wid = 0;
    prec = 0;
  }

  std::string& buf() { return buf_; }

  void write_padding(int n);
  // Pads to the width counting runes, on the left unless '-'.
  void pad(std::string_view s);
  void fmt_boolean(bool v);
  void fmt_unicode(std::uint64_t u);
  // digits: "0123456789abcdefx" or the upper-case set.
  void fmt_integer(std::uint64_t u, int base, bool is_signed, char32_t verb, bool upper);
  void fmt_s(std::string_view s);
  void fmt_sbx(std::string_view s, bool upper);
  void fmt_q(std::string_view s);
  void fmt_c(std::uint64_t c);
  void fmt_qc(std::uint64_t c);
  void fmt_float(double v, int size, char32_t verb, int default_prec);

 private:
  std::string truncate(std::string_view s) const;
  std::string& buf_;
};

}  // namespace gb::vm::natives
