// Natives of package os: writing to the standard streams (os.Stdout, os.Stderr). Exit is the interpreter's.
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

// func write(fd int, s string)
void write(NativeHost& host) {
  Frame f(host);
  const std::int64_t fd = f.int_at(0);
  const std::string s = f.string_at(1);
  if (fd == 2) {
    host.write_stderr(s);
  } else {
    host.write_stdout(s);
  }
}

}  // namespace

void register_os_natives(NativeTable& table) {
  table.push_back({"os.write", write});
}

}  // namespace gb::vm::natives
