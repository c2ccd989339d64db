// Natives of package fmt: the Sprint family and Errorf's formatting (fmt_values.h does the work), and the
// write to standard output the Print family ends in.
#include "scheduler/vm/natives/fmt_values.h"
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

// func Sprint(a ...any) string
void sprint(NativeHost& host) {
  Frame f(host);
  Printer p(host);
  p.do_print(Printer::load_args(host, f.slice_at(0)));
  f.set_string(3, p.output());
}

// func Sprintln(a ...any) string
void sprintln(NativeHost& host) {
  Frame f(host);
  Printer p(host);
  p.do_println(Printer::load_args(host, f.slice_at(0)));
  f.set_string(3, p.output());
}

// func Sprintf(format string, a ...any) string
void sprintf(NativeHost& host) {
  Frame f(host);
  const std::string format = f.string_at(0);
  Printer p(host);
  p.do_printf(format, Printer::load_args(host, f.slice_at(2)));
  f.set_string(5, p.output());
}

// func sprintfWrap(format string, a []any) (string, int)
void sprintf_wrap(NativeHost& host) {
  Frame f(host);
  const std::string format = f.string_at(0);
  Printer p(host);
  p.allow_wrap();
  p.do_printf(format, Printer::load_args(host, f.slice_at(2)));
  f.set_string(5, p.output());
  f.set_int(7, p.wrapped_index());
}

// func writeStdout(s string)
void write_stdout(NativeHost& host) {
  Frame f(host);
  host.write_stdout(f.string_at(0));
}

}  // namespace

void register_fmt_natives(NativeTable& table) {
  table.push_back({"fmt.Sprint", sprint});
  table.push_back({"fmt.Sprintln", sprintln});
  table.push_back({"fmt.Sprintf", sprintf});
  table.push_back({"fmt.sprintfWrap", sprintf_wrap});
  table.push_back({"fmt.writeStdout", write_stdout});
}

}  // namespace gb::vm::natives
