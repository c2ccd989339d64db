// runtime.Callers and the symbol table behind runtime.Caller, CallersFrames and FuncForPC: a goroutine's frames as
// program counters, and a program counter back to Go's function name, file and line.
//
// A PC is our own encoding, not a machine address: kTextBase + function index * 2^24 + the byte offset of the
// frame's next instruction in the bytecode (16-byte instructions), so a frame's PC is a return address as in Go
// and Frames.Next's `pc--` lands in the call instruction. A function's entry is its PC at offset 0. Go's frames
// that have no bytecode of ours (runtime.main's own code aside) are synthetic function indices past the
// program's: runtime.gopanic between a deferred call run by a panic and the panicking function, and
// runtime.goexit at the bottom of every goroutine, with their files and lines in Go 1.19's runtime.
#include <string>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {

constexpr Word kTextBase = 0x400000;
constexpr unsigned kFuncShift = 24;
constexpr Word kOffsetMask = (Word{1} << kFuncShift) - 1;

// Synthetic functions, numbered from the program's function count.
enum Synthetic : std::uint32_t { kGopanic = 0, kGoexit = 1, kSynthetics = 2 };

constexpr std::string_view kGoroot = "/usr/lib/go-1.19/src/runtime/";

Word encode(std::uint64_t func, std::uint64_t next_pc) {
  return kTextBase + (Word{func} << kFuncShift) + next_pc * sizeof(Instr);
}

struct Symbol {
  std::string name, file;
  std::int64_t line = 0;
  Word entry = 0;  // 0: no function there
};

Symbol lookup(const Program& p, Word pc) {
  Symbol s;
  if (pc < kTextBase) return s;
  const Word func = (pc - kTextBase) >> kFuncShift;
  const Word off = (pc - kTextBase) & kOffsetMask;
  const std::size_t n = p.functions.size();
  if (func >= n + kSynthetics) return s;
  s.entry = encode(func, 0);
  if (func >= n) {
    if (func - n == kGopanic) {
      s.name = "runtime.gopanic";
      s.file = std::string(kGoroot) + "panic.go";
      s.line = 884;  // gopanic's call of an open-coded deferred function
    } else {
      s.name = "runtime.goexit";
      s.file = std::string(kGoroot) + "asm_amd64.s";
      s.line = 1594;
    }
    return s;
  }
  const Function& fn = p.functions[func];
  s.name = fn.name;
  if (fn.file == UINT32_MAX) {  // the entry function: Go's runtime.main calling main_main
    s.file = std::string(kGoroot) + "proc.go";
    s.line = 250;
    return s;
  }
  s.file = fn.file < p.files.size() ? p.files[fn.file] : std::string("main.go");
  // Go's functions lie end to end: past a function's last instruction is the next one's code. Ours have room
  // between them; no function is there (issue29735 walks FuncForPC forward until the name changes).
  if (!fn.code.empty() && off / sizeof(Instr) > fn.code.size()) {
    s.entry = 0;
    return s;
  }
  if (!fn.lines.empty()) {
    const std::size_t i = std::min<std::size_t>(off / sizeof(Instr), fn.lines.size() - 1);
    s.line = fn.lines[i];
  }
  return s;
}

}  // namespace

// func callers(skip int, pcs []uintptr) int: the calling goroutine's frames from the innermost Go frame (the
// runtime.Callers or runtime.Caller that called this), skipping `skip` of them, as many as pcs holds.
void Vm::own_callers(Word* f) {
  const auto skip = static_cast<std::int64_t>(f[0]);
  const Word data = f[1];
  const auto len = static_cast<std::int64_t>(f[2]);
  const GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  const Program& p = *prog_;
  const std::size_t n = p.functions.size();
  std::int64_t seen = 0, written = 0;
  auto put = [&](Word pc) {
    if (seen++ < skip || written >= len) return;
    mem_.store(data + static_cast<Word>(written), pc);
    ++written;
  };
  for (std::size_t k = g.frames.size(); k-- > 0 && written < len;) {
    const Frame& fr = g.frames[k];
    if (k + 1 != g.frames.size() && is_wrapper(p.functions[fr.func].name)) continue;
    put(encode(fr.func, fr.pc));
    if (fr.kind == FrameKind::DeferPanic) put(encode(n + kGopanic, 1));
  }
  put(encode(n + kGoexit, 1));
  f[4] = static_cast<Word>(written);
}

// func funcInfo(pc uintptr) (name, file string, line int, entry uintptr): entry is 0 where no function is.
void Vm::own_func_info(Word* f) {
  const Symbol s = lookup(*prog_, f[0]);
  make_string_value(s.name, f + 1);
  make_string_value(s.file, f + 3);
  f[5] = static_cast<Word>(s.line);
  f[6] = s.entry;
}

}  // namespace gb::vm
