// The channels and mutexes decoded (sync_state.h): read from the Vm's channels, its semaphore table, the
// goroutines' frames and simulated memory (Memory::peek: the coherent value, no cache or statistics effect).
#include "sim/inspect/sync_state.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "sim/inspect/variables.h"

namespace gb::inspect {

namespace {

using vm::Kind;
using vm::TypeId;
using vm::TypeTable;

constexpr std::int64_t kMaxArrayWalk = 256;  // array elements searched for mutexes and channels

bool is_sync_mutex(const TypeTable& t, TypeId id) {
  return t.kind(id) == Kind::Named && t[id].name == "Mutex" && t[id].package == "sync";
}

// Calls `f(type, address, path)` for the value of `type` at word `addr` and, unless f returns true, for each
// field and array element inside it (addresses in interpreter words, which is how values are laid out).
void walk(const TypeTable& t, TypeId type, Word addr, const std::string& path,
          const std::function<bool(TypeId, Word, const std::string&)>& f, int depth = 0) {
  if (type == vm::kNoType || depth > 8 || f(type, addr, path)) return;
  const TypeId u = t.kind(type) == Kind::Named ? t[type].underlying : type;
  const vm::Type& ut = t[u];
  if (ut.kind == Kind::Struct) {
    Word at = addr;
    for (const vm::StructField& field : ut.fields) {
      walk(t, field.type, at, path + "." + field.name, f, depth + 1);
      at += t.words(field.type);
    }
  } else if (ut.kind == Kind::Array) {
    const std::uint32_t w = t.words(ut.elem);
    if (w == 0) return;
    const std::int64_t n = std::min(ut.length, kMaxArrayWalk);
    for (std::int64_t i = 0; i < n; ++i)
      walk(t, ut.elem, addr + static_cast<Word>(i) * w, fmt::format("{}[{}]", path, i), f, depth + 1);
  }
}

// Package variables of package main first (their names are what the user wrote), then the library's.
void walk_globals(const vm::Vm& vm, const std::function<bool(TypeId, Word, const std::string&)>& f) {
  const vm::Program& p = vm.program();
  for (int pass = 0; pass < 2; ++pass) {
    for (const vm::GlobalVar& g : p.globals) {
      const bool in_main = g.name.rfind("main.", 0) == 0;
      if (in_main != (pass == 0)) continue;
      walk(p.types, g.type, g.addr, g.name, f);
    }
  }
}

Word peek(const vm::Vm& vm, Word addr) {
  const vm::Memory& m = vm.memory();
  return m.valid(addr) ? m.peek(addr) : 0;
}

bool chan_index_of(const vm::Vm& vm, Word handle, std::size_t& index) {
  if ((handle & vm::Vm::kChanTag) == 0) return false;
  const Word i = (handle & ~vm::Vm::kChanTag) - 1;
  if (i >= vm.channels().size()) return false;
  index = static_cast<std::size_t>(i);
  return true;
}

struct ChanNames {
  std::map<std::size_t, std::string> name;
  std::map<std::size_t, TypeId> elem;
};

ChanNames chan_names(const vm::Vm& vm) {
  ChanNames out;
  const TypeTable& t = vm.program().types;
  walk_globals(vm, [&](TypeId type, Word addr, const std::string& path) {
    if (t.underlying_kind(type) != Kind::Chan) return false;
    std::size_t i = 0;
    if (chan_index_of(vm, peek(vm, addr), i)) {
      out.name.emplace(i, path);
      out.elem.emplace(i, t[t.kind(type) == Kind::Named ? t[type].underlying : type].elem);
    }
    return true;
  });
  return out;
}

TypeId elem_type_of(const vm::Vm& vm, std::size_t index, const ChanNames& names) {
  const Word hchan = vm.hchan_address(index);
  if (hchan != 0) {
    const Word t = peek(vm, hchan + vm::hchan::kElemtype);
    if (t != 0 && t < vm.program().types.size()) return static_cast<TypeId>(t);
  }
  const auto it = names.elem.find(index);
  return it != names.elem.end() ? it->second : vm::kNoType;
}

ChanView summarise(const vm::Vm& vm, std::size_t i, const ChanNames& names, TypeId& elem,
                   const std::vector<std::string>* source) {
  const gb::Channel& c = vm.channels()[i];
  ChanView v;
  v.index = i;
  v.handle = static_cast<Word>(i + 1) | vm::Vm::kChanTag;
  const vm::Vm::Location at = vm.chan_origin(i);
  if (vm::in_package_main(vm.program(), at.func))
    v.line = at.line;
  if (const auto it = names.name.find(i); it != names.name.end()) {
    v.name = it->second;
  } else if (source != nullptr && v.line >= 1 && v.line <= source->size()) {
    v.name = assigned_name((*source)[v.line - 1]);
  }
  elem = elem_type_of(vm, i, names);
  if (elem != vm::kNoType) v.elem_type = vm.program().types.to_string(elem);
  v.hchan = vm.hchan_address(i);
  if (v.hchan != 0 && vm.memory().machine()) v.hchan_byte = vm.memory().byte_address(v.hchan);
  v.len = c.len();
  v.cap = c.cap();
  v.sendx = c.sendx();
  v.recvx = c.recvx();
  v.closed = c.closed();
  for (const Sudog& s : c.sendq()) v.sendq.push_back({s.g, format_value(vm, elem, s.elem)});
  for (const Sudog& s : c.recvq()) v.recvq.push_back({s.g, {}});
  return v;
}

}  // namespace

std::string ChanView::label() const {
  if (!name.empty()) return name;
  if (hchan_byte != 0) return fmt::format("chan@{:#x}", hchan_byte);
  return fmt::format("chan #{}", index + 1);
}

std::vector<ChanView> channel_views(const vm::Vm& vm, const std::vector<std::string>* source) {
  const ChanNames names = chan_names(vm);
  std::vector<ChanView> out;
  out.reserve(vm.channels().size());
  TypeId elem = vm::kNoType;
  for (std::size_t i = 0; i < vm.channels().size(); ++i) out.push_back(summarise(vm, i, names, elem, source));
  return out;
}

std::optional<ChanView> channel_view(const vm::Vm& vm, std::size_t index,
                                     const std::vector<std::string>* source) {
  if (index >= vm.channels().size()) return std::nullopt;
  TypeId elem = vm::kNoType;
  ChanView v = summarise(vm, index, chan_names(vm), elem, source);
  const gb::Channel& c = vm.channels()[index];
  v.slots.assign(c.cap(), std::nullopt);
  // The occupied slots run from recvx for len slots, wrapping at cap.
  for (std::uint32_t k = 0; k < c.len() && c.cap() != 0; ++k) {
    const std::uint32_t s = (c.recvx() + k) % c.cap();
    v.slots[s] = format_value(vm, elem, c.slot(s));
  }
  return v;
}

std::vector<MutexView> mutex_views(const vm::Vm& vm, std::vector<Word>* remembered) {
  const TypeTable& t = vm.program().types;
  const vm::Memory& mem = vm.memory();
  std::map<Word, std::string> found;  // address -> name ("" when not a package variable)
  walk_globals(vm, [&](TypeId type, Word addr, const std::string& path) {
    if (!is_sync_mutex(t, type)) return false;
    found.emplace(addr, path);
    return true;
  });
  // Goroutines inside sync.(*Mutex)'s methods hold the mutex's address as the receiver, in slot 0.
  const std::size_t gcount = vm.scheduler().goroutine_count();
  std::map<Word, std::vector<GId>> in_lock;
  for (std::size_t id = 1; id <= gcount; ++id) {
    const GId g = static_cast<GId>(id);
    const vm::GState& gs = vm.goroutine(g);
    const GStatus st = vm.scheduler().g(g).status;
    if (st == GStatus::Dead || st == GStatus::Idle) continue;
    for (const vm::Frame& f : gs.frames) {
      const std::string& fn = vm.program().functions[f.func].name;
      if (fn.rfind("sync.(*Mutex).", 0) != 0 || f.base >= gs.stack.size()) continue;
      const Word m = gs.stack[f.base];
      if (!mem.valid(m) || !mem.valid(m + 1)) continue;
      found.emplace(m, std::string());
      if (fn == "sync.(*Mutex).lockSlow" && st != GStatus::Waiting) {
        std::vector<GId>& v = in_lock[m];
        if (std::find(v.begin(), v.end(), g) == v.end()) v.push_back(g);
      }
    }
  }
  if (remembered != nullptr) {
    for (Word a : *remembered)
      if (mem.valid(a) && mem.valid(a + 1)) found.emplace(a, std::string());
    remembered->clear();
    for (const auto& [a, n] : found) remembered->push_back(a);
  }
  std::vector<MutexView> out;
  out.reserve(found.size());
  for (const auto& [addr, name] : found) {
    MutexView v;
    v.addr = addr;
    v.name = name;
    if (mem.machine()) v.byte_addr = mem.byte_address(addr);
    v.state = static_cast<std::int32_t>(static_cast<std::uint32_t>(mem.peek(addr)));
    v.sema = static_cast<std::uint32_t>(mem.peek(addr + 1));
    if (const auto it = vm.sema_waiters().find(addr + 1); it != vm.sema_waiters().end()) v.queue = it->second;
    if (const auto it = in_lock.find(addr); it != in_lock.end()) v.in_lock = it->second;
    out.push_back(std::move(v));
  }
  return out;
}

std::string assigned_name(std::string_view line) {
  const std::size_t mk = line.find("make(");
  if (mk == std::string_view::npos) return {};
  auto trim = [](std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
  };
  std::string_view lhs = trim(line.substr(0, mk));
  if (lhs.empty() || lhs.back() != '=') return {};  // make( right after the assignment, nothing between
  lhs.remove_suffix(1);
  if (!lhs.empty() && lhs.back() == ':') lhs.remove_suffix(1);
  lhs = trim(lhs);
  if (lhs.rfind("var ", 0) == 0) lhs = trim(lhs.substr(4));
  if (lhs.empty()) return {};
  for (char ch : lhs) {  // one plain or dotted name: no tuples, indexing or operators
    const bool ok = ch == '_' || ch == '.' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80;
    if (!ok) return {};
  }
  return std::string(lhs);
}

std::string format_value(const vm::Vm& vm, TypeId type, const std::vector<Word>& words) {
  const TypeTable& t = vm.program().types;
  if (type != vm::kNoType && type < t.size() && !words.empty() && words.size() >= t.words(type)) {
    // One walker for every caller: fmt's printer over a read-only view (variables.h). Strings are quoted as
    // Go source writes them (so "" and " " are visible in a buffer slot), and a long one is only sized.
    if (t.underlying_kind(type) == Kind::String) {
      if (words[1] > 64) return fmt::format("string[{}]", words[1]);
      return format_go(vm, type, words.data(), true);
    }
    return format_go(vm, type, words.data(), false);
  }
  if (words.empty()) return "{}";
  std::string s;
  for (std::size_t i = 0; i < words.size() && i < 3; ++i) s += fmt::format("{}{:#x}", i ? " " : "", words[i]);
  if (words.size() > 3) s += " ...";
  return s;
}

}  // namespace gb::inspect
