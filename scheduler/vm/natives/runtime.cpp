// Natives of package runtime that the compiler lowers builtin print and println to; they write to standard
// error in the formats of gc's runtime/print.go. (Gosched, NumGoroutine and GOMAXPROCS are the
// interpreter's.)
#include <bit>
#include <cmath>

#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

std::string hex(std::uint64_t v) {
  std::string s;
  do {
    s.insert(s.begin(), "0123456789abcdef"[v % 16]);
    v /= 16;
  } while (v != 0);
  return "0x" + s;
}

// The runtime's float format: sign, 7 significant digits, exponent with sign and 3 digits ("+1.500000e+000").
// The digits come from repeated scaling by 10, as the runtime does it, so they match to the last digit.
std::string runtime_float(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  constexpr int n = 7;
  char buf[n + 7];
  buf[0] = '+';
  int e = 0;
  if (v == 0) {
    if (std::signbit(v)) buf[0] = '-';
  } else {
    if (v < 0) {
      v = -v;
      buf[0] = '-';
    }
    while (v >= 10) {
      ++e;
      v /= 10;
    }
    while (v < 1) {
      --e;
      v *= 10;
    }
    double h = 5.0;
    for (int i = 0; i < n; ++i) h /= 10;
    v += h;
    if (v >= 10) {
      ++e;
      v /= 10;
    }
  }
  for (int i = 0; i < n; ++i) {
    const int s = static_cast<int>(v);
    buf[i + 2] = static_cast<char>(s + '0');
    v -= s;
    v *= 10;
  }
  buf[1] = buf[2];
  buf[2] = '.';
  buf[n + 2] = 'e';
  buf[n + 3] = '+';
  if (e < 0) {
    e = -e;
    buf[n + 3] = '-';
  }
  buf[n + 4] = static_cast<char>(e / 100 + '0');
  buf[n + 5] = static_cast<char>(e / 10 % 10 + '0');
  buf[n + 6] = static_cast<char>(e % 10 + '0');
  return std::string(buf, sizeof buf);
}

void printbool(NativeHost& host) {
  host.write_stderr(host.frame()[0] != 0 ? "true" : "false");
}

void printint(NativeHost& host) {
  host.write_stderr(std::to_string(static_cast<std::int64_t>(host.frame()[0])));
}

void printuint(NativeHost& host) {
  host.write_stderr(std::to_string(host.frame()[0]));
}

void printfloat(NativeHost& host) {
  host.write_stderr(runtime_float(std::bit_cast<double>(host.frame()[0])));
}

// print.go's printcomplex: "(" real imag "i)", each part as printfloat writes it.
void printcomplex(NativeHost& host) {
  std::string s = "(";
  s += runtime_float(std::bit_cast<double>(host.frame()[0]));
  s += runtime_float(std::bit_cast<double>(host.frame()[1]));
  s += "i)";
  host.write_stderr(s);
}

void printstring(NativeHost& host) {
  Frame f(host);
  host.write_stderr(f.string_at(0));
}

void printpointer(NativeHost& host) {
  host.write_stderr(hex(host.frame()[0]));
}

void printiface(NativeHost& host) {
  std::string s = "(";
  s += hex(host.frame()[0]);
  s += ",";
  s += hex(host.frame()[1]);
  s += ")";
  host.write_stderr(s);
}

// A slice prints as "[len/cap]" and its array pointer.
void printslice(NativeHost& host) {
  const Word* f = host.frame();
  std::string s = "[";
  s += std::to_string(static_cast<std::int64_t>(f[1]));
  s += "/";
  s += std::to_string(static_cast<std::int64_t>(f[2]));
  s += "]";
  s += hex(f[0]);
  host.write_stderr(s);
}

void printsp(NativeHost& host) {
  host.write_stderr(" ");
}
void printnl(NativeHost& host) {
  host.write_stderr("\n");
}

}  // namespace

// Exposed for tests.
std::string format_runtime_float(double v) {
  return runtime_float(v);
}

void register_runtime_natives(NativeTable& table) {
  table.push_back({"runtime.printbool", printbool});
  table.push_back({"runtime.printint", printint});
  table.push_back({"runtime.printuint", printuint});
  table.push_back({"runtime.printfloat", printfloat});
  table.push_back({"runtime.printcomplex", printcomplex});
  table.push_back({"runtime.printstring", printstring});
  table.push_back({"runtime.printpointer", printpointer});
  table.push_back({"runtime.printiface", printiface});
  table.push_back({"runtime.printslice", printslice});
  table.push_back({"runtime.printsp", printsp});
  table.push_back({"runtime.printnl", printnl});
}

}  // namespace gb::vm::natives
