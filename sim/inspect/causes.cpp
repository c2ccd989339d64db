// Causes in words (causes.h).
#include "sim/inspect/causes.h"

#include <fmt/format.h>

#include "sim/inspect/line_contents.h"

namespace gb::inspect {

namespace {

bool in_main(const vm::Program& p, std::uint32_t func) {
  return vm::in_package_main(p, func);
}

// sync/atomic's natives by what they do: "CAS", "atomic add", ... (the native's name otherwise).
std::string short_native(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  const std::string base = dot == std::string::npos ? name : name.substr(dot + 1);
  auto starts = [&](const char* p) { return base.rfind(p, 0) == 0; };
  if (name.rfind("atomic.", 0) != 0) return name;
  if (starts("CompareAndSwap")) return "CAS";
  if (starts("Add")) return "atomic add";
  if (starts("Swap")) return "atomic swap";
  if (starts("Load")) return "atomic load";
  if (starts("Store")) return "atomic store";
  return name;
}

}  // namespace

CauseNamer::CauseNamer(const vm::Vm& vm, const std::vector<std::string>* source) { attach(&vm, source); }

void CauseNamer::attach(const vm::Vm* vm, const std::vector<std::string>* source) {
  vm_ = vm;
  if (vm == nullptr) return;
  if (program_ != &vm->program()) names_.clear();
  program_ = &vm->program();
  chans_ = channel_views(*vm, source);
}

std::uint32_t CauseNamer::line(std::uint32_t func, std::uint32_t pc) const {
  if (program_ == nullptr) return 0;
  const vm::Program& p = *program_;
  if (func >= p.functions.size()) return 0;
  const std::vector<std::uint32_t>& lines = p.functions[func].lines;
  return pc < lines.size() ? lines[pc] : 0;
}

std::string CauseNamer::site(std::uint32_t func, std::uint32_t pc) const {
  if (program_ == nullptr) return {};
  const vm::Program& p = *program_;
  if (func >= p.functions.size()) return {};
  const std::uint32_t l = line(func, pc);
  return l != 0 ? fmt::format("{}:{}", p.functions[func].name, l) : p.functions[func].name;
}

const std::string& CauseNamer::variable(std::uint64_t at) {
  auto it = names_.find(at);
  if (it != names_.end()) return it->second;
  if (vm_ == nullptr) {
    static thread_local std::string unknown;
    unknown = fmt::format("{:#x}", at);
    return unknown;
  }
  std::string name = variable_at(*vm_, at, chans_);
  if (name.empty()) name = fmt::format("heap {:#x}", at);
  return names_.emplace(at, std::move(name)).first->second;
}

CauseParts CauseNamer::parts(const vm::AccessCause& c, std::uint64_t at) {
  CauseParts out;
  if (program_ == nullptr) return out;
  const vm::Program& p = *program_;
  out.g = c.g;
  out.site = site(c.func, c.pc);
  out.user_site = site(c.user_func, c.user_pc);
  out.what = at != 0 ? variable(at) : std::string();
  using K = vm::AccessKind;
  switch (c.kind) {
    case K::NativeLoad:
    case K::NativeStore:
    case K::NativeRmw: {
      const std::string native = c.detail < p.natives.size() ? p.natives[c.detail].name : std::string("a native");
      const bool atomic = native.rfind("atomic.", 0) == 0;
      if (c.func != vm::kNoFunc && !in_main(p, c.func)) {
        // Made inside the library for user code: "sync.(*Mutex).Lock's CAS".
        out.op = fmt::format("{}'s {}", p.functions[c.func].name,
                             atomic ? short_native(native) : native + " " + vm::access_kind_name(c.kind));
      } else {
        out.op = atomic ? native : native + " " + vm::access_kind_name(c.kind);
      }
      break;
    }
    case K::Load:
    case K::Store:
      out.op = vm::access_kind_name(c.kind);
      // The library's own load for user code: "sync.(*Mutex).lockSlow's load".
      if (c.func != vm::kNoFunc && !in_main(p, c.func)) out.op = p.functions[c.func].name + "'s " + out.op;
      break;
    default:
      out.op = vm::access_kind_name(c.kind);
      // A library function's own runtime work (a semaphore inside sync.(*WaitGroup).Wait): say whose.
      if (c.func != vm::kNoFunc && !in_main(p, c.func)) out.op = p.functions[c.func].name + "'s " + out.op;
      break;
  }
  return out;
}

std::string CauseNamer::describe(const vm::AccessCause& c, std::uint64_t at) {
  const CauseParts x = parts(c, at);
  std::string s = x.g != kNoG ? fmt::format("G{}", x.g) : std::string("scheduler");
  // The line the student wrote first: the package-main frame, else the innermost one.
  const std::string& where = !x.user_site.empty() ? x.user_site : x.site;
  if (!where.empty()) s += " " + where;
  s += " " + x.op;
  if (!x.what.empty()) s += " " + x.what;
  return s;
}

std::string CauseNamer::describe(const vm::LostUpdateRecord& l) {
  const std::string& what = variable(l.at);
  return fmt::format("lost update on {}: G{} stored {} over G{}'s {}, lines {}/{}", what, l.g,
                     static_cast<std::int64_t>(l.stored), l.over_g, static_cast<std::int64_t>(l.over_value),
                     line(l.over_func, l.over_pc), line(l.func, l.pc));
}

}  // namespace gb::inspect
