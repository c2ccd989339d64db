// The variables view (variables.h): call stacks and frames read from the compiler's debug info, values printed by
// fmt's own printer over a read-only host, and the current statement's accesses from the Vm's statement log.
//
// Index of this file:
// [SECTION] A read-only NativeHost
// [SECTION] Values
// [SECTION] Call stacks
// [SECTION] Variables
// [SECTION] The current statement's memory accesses
#include "sim/inspect/variables.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "scheduler/vm/natives/fmt_values.h"

namespace gb::inspect {

namespace {

using vm::Kind;
using vm::TypeId;

// [SECTION] A read-only NativeHost

// What fmt's printer needs, answered without side effects: memory through Memory::peek (the coherent value, no
// cache traffic, no statistics), maps without touching the caches, and no Go code: String and Error methods
// are not run, except the standard library's own error types, whose message is a field.
struct Unreadable : std::runtime_error {
  Unreadable() : std::runtime_error("unreadable") {}
};

class PeekHost final : public vm::NativeHost {
 public:
  explicit PeekHost(const vm::Vm& vm) : vm_(vm) {}

  Word* frame() override { return scratch_; }
  const vm::TypeTable& types() const override { return vm_.types(); }
  Word load(Word address) override {
    if (!vm_.memory().valid(address)) throw Unreadable();
    return vm_.memory().peek(address);
  }
  void store(Word, Word) override { throw Unreadable(); }
  Word allocate(std::uint32_t) override { throw Unreadable(); }
  std::string_view string_bytes(const Word* value) override {
    if (!vm_.memory().valid_string(value[0], value[1])) throw Unreadable();
    return vm_.memory().string_view(value[0], value[1]);
  }
  void make_string(std::string_view, Word*) override { throw Unreadable(); }
  std::vector<std::pair<std::vector<Word>, std::vector<Word>>> map_entries(Word m) override {
    return vm_.peek_map_entries(m);
  }
  std::int64_t map_len(Word m) override {
    if (m == 0) return 0;
    if ((m & vm::Vm::kChanTag) != 0) {
      const std::size_t i = static_cast<std::size_t>((m & ~vm::Vm::kChanTag) - 1);
      return i < vm_.channels().size() ? static_cast<std::int64_t>(vm_.channels()[i].len()) : 0;
    }
    return static_cast<std::int64_t>(vm_.peek_map_entries(m).size());
  }
  std::optional<std::string> call_string_method(TypeId type, const Word* value, std::string_view name) override {
    // errors.New's *errors.errorString and fmt.Errorf's *fmt.wrapError keep their message in their first field.
    if (name != "Error") return std::nullopt;
    const vm::TypeTable& t = types();
    if (t.kind(type) != Kind::Pointer) return std::nullopt;
    const vm::Type& target = t[t[type].elem];
    const bool known = target.kind == Kind::Named && ((target.package == "errors" && target.name == "errorString") ||
                                                      (target.package == "fmt" && target.name == "wrapError"));
    if (!known || value[0] == 0) return std::nullopt;
    const Word s[2] = {load(value[0]), load(value[0] + 1)};
    return std::string(string_bytes(s));
  }
  void write_stdout(std::string_view) override {}
  void write_stderr(std::string_view) override {}
  void panic_error(std::string, bool) override { throw Unreadable(); }
  void panic_string(std::string) override { throw Unreadable(); }
  void fatal(std::string) override { throw Unreadable(); }

 private:
  const vm::Vm& vm_;
  Word scratch_[8] = {};
};

}  // namespace

// [SECTION] Values

std::string format_go(const vm::Vm& vm, TypeId type, const Word* words, bool sharp) {
  if (type == vm::kNoType || type >= vm.types().size()) return "?";
  PeekHost host(vm);
  vm::natives::Printer p(host);
  vm::natives::Value v;
  try {
    // A channel prints as its hchan's address in machine mode (fmt's printer knows only the handle).
    if (vm.types().underlying_kind(type) == Kind::Chan && words[0] != 0 && vm.memory().machine()) {
      const auto index = static_cast<std::size_t>((words[0] & ~vm::Vm::kChanTag) - 1);
      const Word hchan = vm.hchan_address(index);
      if (hchan != 0) {
        const std::uint64_t at = vm.memory().byte_address(hchan);
        return sharp ? fmt::format("({})({:#x})", vm.types().to_string(type), at) : fmt::format("{:#x}", at);
      }
    }
    // A variable of interface type prints as the value it holds (as Printf's operand would).
    if (vm.types().is_interface(type)) {
      if (words[0] != 0) v = vm::natives::Printer::unbox(host, static_cast<TypeId>(words[0]), words[1]);
    } else {
      v.type = type;
      v.words.assign(words, words + vm.types().words(type));
    }
    p.do_printf(sharp ? "%#v" : "%v", {v});
  } catch (const Unreadable&) {
    return "<unreadable>";
  }
  return p.output();
}

namespace {

// A view shows a value on one line: a long one (a big array, a long string) is cut, and says so.
constexpr std::size_t kMaxShown = 1024;
std::string clip(std::string s) {
  if (s.size() <= kMaxShown) return s;
  std::size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  s.resize(cut);
  return s + " …";
}

}  // namespace

FormattedValue format_go(const vm::Vm& vm, TypeId type, const Word* words) {
  return {format_go(vm, type, words, false), format_go(vm, type, words, true)};
}

// [SECTION] Call stacks

namespace {

bool is_user_function(const std::string& name) { return name.rfind("main.", 0) == 0; }

// The instruction a frame is at: the innermost frame's next one; a caller's is the call it made (its pc was
// saved past it), as debuggers use pc-1 for return addresses. A blocked goroutine (parked, in a system call)
// is in the instruction that blocked it, which its pc has also passed.
std::uint32_t frame_pc(const vm::Vm& vm, GId g, std::size_t index) {
  const std::vector<vm::Frame>& frames = vm.goroutine(g).frames;
  const vm::Frame& f = frames[index];
  const GStatus status = vm.scheduler().g(g).status;
  const bool blocked = status == GStatus::Waiting || status == GStatus::Syscall;
  if ((index + 1 == frames.size() && !blocked) || f.pc == 0) return f.pc;
  return f.pc - 1;
}

}  // namespace

std::vector<StackFrame> call_stack(const vm::Vm& vm, GId g) {
  std::vector<StackFrame> out;
  if (g <= kNoG || static_cast<std::size_t>(g) > vm.scheduler().goroutine_count()) return out;
  if (vm.scheduler().g(g).status == GStatus::Dead) return out;
  const vm::Program& prog = vm.program();
  const auto& frames = vm.goroutine(g).frames;
  for (std::size_t i = frames.size(); i-- > 0;) {
    const vm::Frame& f = frames[i];
    if (f.func >= prog.functions.size()) continue;
    const vm::Function& fn = prog.functions[f.func];
    StackFrame s;
    s.depth = static_cast<std::uint32_t>(frames.size() - 1 - i);
    s.func = f.func;
    s.function = fn.name;
    s.file = fn.file < prog.files.size() ? prog.files[fn.file] : std::string();
    s.pc = frame_pc(vm, g, i);
    s.line = s.pc < fn.lines.size() ? fn.lines[s.pc] : 0;
    s.user = is_user_function(fn.name);
    s.deferred = f.kind == vm::FrameKind::DeferReturn || f.kind == vm::FrameKind::DeferPanic;
    out.push_back(std::move(s));
  }
  return out;
}

std::uint32_t first_user_frame(const std::vector<StackFrame>& stack) {
  for (const StackFrame& s : stack) {
    if (s.user) return s.depth;
  }
  return 0;
}

// [SECTION] Variables

const char* kind_name(vm::VarInfo::Kind kind) {
  switch (kind) {
    case vm::VarInfo::Kind::Param: return "param";
    case vm::VarInfo::Kind::Local: return "local";
    case vm::VarInfo::Kind::NamedResult: return "named result";
    case vm::VarInfo::Kind::Result: return "result";
    case vm::VarInfo::Kind::Captured: return "captured";
  }
  return "?";
}

std::string goroutine_state(const vm::Vm& vm, GId g) {
  const Goroutine& gr = vm.scheduler().g(g);
  if (gr.status == GStatus::Waiting && !gr.wait_reason.empty()) return std::string(gr.wait_reason);
  return std::string(name(gr.status));
}

std::vector<GId> live_goroutines(const vm::Vm& vm) {
  std::vector<GId> out;
  const auto n = static_cast<GId>(vm.scheduler().goroutine_count());
  for (GId g = 1; g <= n; ++g) {
    if (vm.scheduler().g(g).status != GStatus::Dead && !vm.goroutine(g).frames.empty()) out.push_back(g);
  }
  return out;
}

namespace {

int kind_order(vm::VarInfo::Kind k) {
  switch (k) {
    case vm::VarInfo::Kind::Param: return 0;
    case vm::VarInfo::Kind::NamedResult:
    case vm::VarInfo::Kind::Result: return 1;
    case vm::VarInfo::Kind::Captured: return 2;
    case vm::VarInfo::Kind::Local: return 3;
  }
  return 4;
}

// Machine mode: the byte address of a word, its line and the line's state in every core's cache.
void place_in_memory(const vm::Vm& vm, VariableView& v) {
  const vm::Memory& mem = vm.memory();
  if (!mem.machine()) return;
  v.byte_addr = mem.byte_address(v.word_addr);
  const MemorySystem& sys = mem.system();
  const std::uint32_t block = sys.cores() > 0 ? sys.cache(0).geometry().block_bytes : 64;
  v.line_addr = v.byte_addr & ~static_cast<std::uint64_t>(block - 1);
  for (int c = 0; c < sys.cores(); ++c) {
    const Cache& cache = sys.cache(static_cast<CoreId>(c));
    v.line_states.push_back(sys.state_of(static_cast<CoreId>(c), cache.line_of(v.byte_addr)));
  }
}

}  // namespace

std::vector<VariableView> frame_variables(const vm::Vm& vm, GId g, std::uint32_t depth) {
  std::vector<VariableView> out;
  if (g <= kNoG || static_cast<std::size_t>(g) > vm.scheduler().goroutine_count()) return out;
  if (vm.scheduler().g(g).status == GStatus::Dead) return out;
  const vm::GState& gs = vm.goroutine(g);
  if (depth >= gs.frames.size()) return out;
  const std::size_t index = gs.frames.size() - 1 - depth;
  const vm::Frame& f = gs.frames[index];
  const vm::Program& prog = vm.program();
  if (f.func >= prog.functions.size()) return out;
  const vm::Function& fn = prog.functions[f.func];
  const std::uint32_t pc = frame_pc(vm, g, index);
  const vm::TypeTable& types = vm.types();
  const vm::Memory& mem = vm.memory();
  for (const vm::VarInfo& info : fn.vars) {
    if (pc < info.from_pc || pc >= info.to_pc) continue;
    VariableView v;
    v.name = info.name;
    v.kind = info.kind;
    v.type_id = info.type;
    v.type = types.to_string(info.type);
    v.decl_line = info.line;
    const std::uint32_t words = types.words(info.type);
    std::vector<Word> value(words, 0);
    const std::size_t at = std::size_t{f.base} + info.slot;
    if (info.in_cell) {
      const Word cell = at < gs.stack.size() ? gs.stack[at] : 0;
      v.in_memory = true;
      v.word_addr = cell;
      if (cell == 0 || (words != 0 && !mem.valid_range(cell, words))) {
        v.available = false;
      } else {
        for (std::uint32_t i = 0; i < words; ++i) value[i] = mem.peek(cell + i);
        place_in_memory(vm, v);
      }
    } else if (at + words <= gs.stack.size()) {
      for (std::uint32_t i = 0; i < words; ++i) value[i] = gs.stack[at + i];
    } else {
      v.available = false;
    }
    if (v.available) {
      v.value = clip(format_go(vm, info.type, value.data(), false));
      v.go_syntax = clip(format_go(vm, info.type, value.data(), true));
    } else {
      v.value = v.go_syntax = "<not yet allocated>";
    }
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const VariableView& a, const VariableView& b) { return kind_order(a.kind) < kind_order(b.kind); });
  return out;
}

std::vector<VariableView> package_variables(const vm::Vm& vm, bool all_packages) {
  std::vector<VariableView> out;
  const vm::TypeTable& types = vm.types();
  const vm::Memory& mem = vm.memory();
  for (const vm::GlobalVar& gv : vm.program().globals) {
    if (!all_packages && gv.name.rfind("main.", 0) != 0) continue;
    const std::uint32_t words = types.words(gv.type);
    VariableView v;
    v.name = gv.name;
    v.type_id = gv.type;
    v.type = types.to_string(gv.type);
    v.package_level = true;
    v.in_memory = true;
    v.word_addr = gv.addr;
    if (words != 0 && !mem.valid_range(gv.addr, words)) continue;
    std::vector<Word> value(words, 0);
    for (std::uint32_t i = 0; i < words; ++i) value[i] = mem.peek(gv.addr + i);
    if (words != 0) place_in_memory(vm, v);
    v.value = clip(format_go(vm, gv.type, value.data(), false));
    v.go_syntax = clip(format_go(vm, gv.type, value.data(), true));
    out.push_back(std::move(v));
  }
  return out;
}

FoundVariable find_variable(const vm::Vm& vm, std::string_view path, GId g) {
  FoundVariable out;
  std::string_view rest = path;
  if (rest.rfind("main.", 0) == 0) rest.remove_prefix(5);
  const std::size_t end = rest.find_first_of(".[");
  const std::string base(rest.substr(0, end));
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  std::optional<VariableView> found;
  std::string known;
  for (VariableView& v : package_variables(vm)) {
    if (v.name == "main." + base) found = std::move(v);
    else known += (known.empty() ? "" : ", ") + v.name.substr(5);
  }
  if (!found && g != kNoG && static_cast<std::size_t>(g) <= vm.scheduler().goroutine_count()) {
    const std::vector<StackFrame> stack = call_stack(vm, g);
    if (!stack.empty()) {
      for (VariableView& v : frame_variables(vm, g, first_user_frame(stack)))
        if (v.name == base && v.available) found = std::move(v);
    }
  }
  if (!found) {
    out.error = fmt::format("no variable named '{}' (package main has: {})", base, known.empty() ? "none" : known);
    return out;
  }
  if (rest.empty()) {
    out.view = std::move(found);
    return out;
  }
  if (!found->in_memory) {
    out.error = fmt::format("'{}' is not in memory: only a whole variable can be named", base);
    return out;
  }
  // Walk the fields and indices down to the part named, as an offset in words from the variable's first.
  const vm::TypeTable& types = vm.types();
  TypeId type = found->type_id;
  Word offset = 0;
  std::string name = found->name;
  while (!rest.empty()) {
    const vm::Type& ut = types[types.underlying(type)];
    if (rest[0] == '.') {
      const std::size_t e = rest.find_first_of(".[", 1);
      const std::string field(rest.substr(1, e == std::string_view::npos ? std::string_view::npos : e - 1));
      rest = e == std::string_view::npos ? std::string_view{} : rest.substr(e);
      if (ut.kind != Kind::Struct) {
        out.error = fmt::format("{} is not a struct: it has no field '{}'", name, field);
        return out;
      }
      Word at = 0;
      bool ok = false;
      for (const vm::StructField& f : ut.fields) {
        if (f.name == field) {
          offset += at;
          type = f.type;
          ok = true;
          break;
        }
        at += types.words(f.type);
      }
      if (!ok) {
        out.error = fmt::format("{} has no field '{}'", name, field);
        return out;
      }
      name += "." + field;
    } else {
      const std::size_t close = rest.find(']');
      std::int64_t index = -1;
      if (close != std::string_view::npos) {
        try {
          index = std::stoll(std::string(rest.substr(1, close - 1)));
        } catch (const std::exception&) {
          index = -1;
        }
      }
      if (close == std::string_view::npos || index < 0) {
        out.error = fmt::format("a bad index in '{}': write a constant, as in tight[1]", path);
        return out;
      }
      rest = rest.substr(close + 1);
      if (ut.kind != Kind::Array) {
        out.error = fmt::format("{} is not an array: it cannot be indexed here", name);
        return out;
      }
      if (index >= ut.length) {
        out.error = fmt::format("index {} out of range for {} (length {})", index, name, ut.length);
        return out;
      }
      offset += static_cast<Word>(index) * types.words(ut.elem);
      type = ut.elem;
      name += fmt::format("[{}]", index);
    }
  }
  VariableView v = *found;
  v.name = name;
  v.type_id = type;
  v.type = types.to_string(type);
  v.word_addr = found->word_addr + offset;
  v.line_states.clear();
  const std::uint32_t words = types.words(type);
  std::vector<Word> value(words, 0);
  for (std::uint32_t i = 0; i < words; ++i) value[i] = vm.memory().peek(v.word_addr + i);
  if (words != 0) place_in_memory(vm, v);
  v.value = clip(format_go(vm, type, value.data(), false));
  v.go_syntax = clip(format_go(vm, type, value.data(), true));
  out.view = std::move(v);
  return out;
}

// [SECTION] The current statement's memory accesses

namespace {

// A word of memory named as a student would: a package variable's path ("main.balance", "main.acct.balance",
// "main.tight[1]"), a variable of one of g's frames that lives in a cell ("x"), else its address. `type` gets
// the type of the thing named when the word begins it (kNoType otherwise).
struct Named {
  std::string what;
  TypeId type = vm::kNoType;
};

Named name_in(const vm::TypeTable& types, TypeId type, Word offset, std::string path) {
  for (int guard = 0; guard < 16; ++guard) {
    if (offset == 0) return {path, type};
    const TypeId u = types.underlying(type);
    const vm::Type& ut = types[u];
    if (ut.kind == Kind::Struct) {
      Word at = 0;
      bool found = false;
      for (const vm::StructField& fld : ut.fields) {
        const Word w = types.words(fld.type);
        if (offset < at + w) {
          path += "." + fld.name;
          type = fld.type;
          offset -= at;
          found = true;
          break;
        }
        at += w;
      }
      if (!found) break;
    } else if (ut.kind == Kind::Array) {
      const Word w = types.words(ut.elem);
      if (w == 0) break;
      path += fmt::format("[{}]", offset / w);
      type = ut.elem;
      offset %= w;
    } else {
      break;
    }
  }
  return {path, vm::kNoType};
}

Named name_word(const vm::Vm& vm, GId g, Word addr) {
  const vm::Program& prog = vm.program();
  const vm::TypeTable& types = vm.types();
  for (const vm::GlobalVar& gv : prog.globals) {
    const Word w = types.words(gv.type);
    if (addr >= gv.addr && addr < gv.addr + std::max<Word>(w, 1)) return name_in(types, gv.type, addr - gv.addr, gv.name);
  }
  const vm::GState& gs = vm.goroutine(g);
  for (std::size_t i = gs.frames.size(); i-- > 0;) {
    const vm::Frame& f = gs.frames[i];
    if (f.func >= prog.functions.size()) continue;
    for (const vm::VarInfo& info : prog.functions[f.func].vars) {
      if (!info.in_cell) continue;
      const std::size_t at = std::size_t{f.base} + info.slot;
      if (at >= gs.stack.size()) continue;
      const Word cell = gs.stack[at];
      const Word w = types.words(info.type);
      if (cell != 0 && addr >= cell && addr < cell + std::max<Word>(w, 1)) {
        return name_in(types, info.type, addr - cell, info.name);
      }
    }
  }
  const vm::Memory& mem = vm.memory();
  if (mem.machine()) return {fmt::format("*{:#x}", mem.byte_address(addr)), vm::kNoType};
  return {fmt::format("*{:#x}", vm::natives::display_address(addr)), vm::kNoType};
}

// `words` words were accessed; the first `have` of them are in `values`.
std::string show(const vm::Vm& vm, const Named& n, const Word* values, std::uint32_t words, std::uint32_t have) {
  const vm::TypeTable& types = vm.types();
  if (n.type != vm::kNoType && types.words(n.type) == words && words <= have) {
    return format_go(vm, n.type, values, false);
  }
  if (words == 1 && have >= 1) return std::to_string(static_cast<std::int64_t>(values[0]));
  std::string s = "[";
  for (std::uint32_t i = 0; i < words && i < have; ++i) {
    if (i) s += ' ';
    s += std::to_string(static_cast<std::int64_t>(values[i]));
  }
  if (words > have) s += " ...";
  return s + "]";
}

// An atomic read-modify-write records its load and then its store at the one call instruction: both belong to
// one execution of the statement (a later execution's load would follow a store).
bool same_atomic_call(const vm::Vm::RecentAccess& older, const vm::Vm::RecentAccess& newer) {
  return older.atomic && newer.atomic && !older.store && newer.store && older.addr == newer.addr;
}

StatementAccessView& entry_for(StatementView& v, const std::string& what) {
  for (StatementAccessView& a : v.accesses) {
    if (a.what == what) return a;
  }
  v.accesses.push_back(StatementAccessView{what, {}, std::nullopt, false});
  return v.accesses.back();
}

}  // namespace

std::string StatementAccessView::text() const {
  std::string s = what + ":";
  if (!loaded.empty()) {
    s += " loaded ";
    for (std::size_t i = 0; i < loaded.size(); ++i) s += (i ? ", " : "") + loaded[i];
  }
  if (stored) s += std::string(loaded.empty() ? " " : " → ") + (storing ? "storing " : "stored ") + *stored;
  if (atomic) s += " (atomic)";
  return s;
}

std::string StatementView::text() const {
  std::string s;
  for (const StatementAccessView& a : accesses) {
    if (!s.empty()) s += "; ";
    s += a.text();
  }
  return s;
}

StatementView current_statement(const vm::Vm& vm, GId g) {
  StatementView view;
  if (g <= kNoG || static_cast<std::size_t>(g) > vm.scheduler().goroutine_count()) return view;
  if (vm.scheduler().g(g).status == GStatus::Dead) return view;
  const vm::GState& gs = vm.goroutine(g);
  if (gs.frames.empty()) return view;
  const vm::Frame& top = gs.frames.back();
  const vm::Program& prog = vm.program();
  if (top.func >= prog.functions.size()) return view;
  const vm::Function& fn = prog.functions[top.func];
  view.func = top.func;
  // Code before the first statement (a prologue moving parameters into cells, loading captured cells) is no
  // statement: nothing to show.
  auto is_statement = [&](std::uint32_t pc) { return pc < fn.stmt_start.size() && fn.stmt_start[pc] != 0; };
  const std::uint32_t begin = vm.statement_begin(top.func, top.pc);
  if (!is_statement(begin)) return view;
  view.line = begin < fn.lines.size() ? fn.lines[begin] : 0;
  const auto depth = static_cast<std::uint32_t>(gs.frames.size());
  // The next instruction is a store of this statement (not its first instruction): it is about to store.
  const bool will_store = top.pc < fn.code.size() && top.pc != begin && fn.code[top.pc].op == vm::Op::Store &&
                          fn.code[top.pc].d > 0;
  // The goroutine's recent accesses, newest first, leaving out those of functions this frame called: the newest
  // one of this frame names a statement; the run of accesses before it in that statement (their pcs rising in
  // time; an earlier one means an earlier execution, a loop) is what that statement has done so far.
  std::vector<const vm::Vm::RecentAccess*> run;
  std::uint32_t run_begin = 0;
  if (const vm::Vm::RecentAccesses* recent = vm.recent_accesses(g)) {
    for (std::size_t i = 0; const vm::Vm::RecentAccess* a = recent->newest(i); ++i) {
      if (a->depth > depth) continue;  // a callee's
      if (a->depth < depth || a->func != top.func) break;
      const std::uint32_t b = vm.statement_begin(a->func, a->pc);
      if (run.empty()) {
        run_begin = b;
      } else if (b != run_begin || a->pc > run.back()->pc ||
                 (a->pc == run.back()->pc && !same_atomic_call(*a, *run.back()))) {
        break;
      }
      run.push_back(a);
    }
  }
  if (!run.empty() && is_statement(run_begin)) {
    const bool current = run_begin == begin && run.front()->pc < top.pc;
    // At a statement's start (where statement steps stop) nothing of it has run: show the last statement of
    // this frame that touched memory, marked finished.
    const bool finished = !current && !will_store;
    if (finished) {
      view.finished = true;
      view.line = run_begin < fn.lines.size() ? fn.lines[run_begin] : 0;
    }
    if (current || finished) {
      for (auto it = run.rbegin(); it != run.rend(); ++it) {
        const vm::Vm::RecentAccess& a = **it;
        const Named n = name_word(vm, g, a.addr);
        StatementAccessView& e = entry_for(view, n.what);
        e.atomic = e.atomic || a.atomic;
        const std::string value = show(vm, n, a.values.data(), a.words, vm::Vm::RecentAccess::kValueWords);
        if (a.store) {
          e.stored = value;
          e.storing = false;
        } else {
          e.loaded.push_back(value);
        }
      }
    }
  }
  // The statement's next instruction is a store: say what it is about to store.
  if (will_store) {
    const vm::Instr& in = fn.code[top.pc];
    {
      const std::size_t base = top.base;
      if (base + in.a < gs.stack.size() && base + in.b + static_cast<std::uint32_t>(in.d) <= gs.stack.size()) {
        const Word addr = gs.stack[base + in.a] + in.c;
        if (gs.stack[base + in.a] != 0 && vm.memory().valid(addr)) {
          const Named n = name_word(vm, g, addr);
          StatementAccessView& e = entry_for(view, n.what);
          e.stored = show(vm, n, gs.stack.data() + base + in.b, static_cast<std::uint32_t>(in.d),
                          static_cast<std::uint32_t>(in.d));
          e.storing = true;
        }
      }
    }
  }
  return view;
}

}  // namespace gb::inspect
