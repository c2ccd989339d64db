// The compiler's driver: function and global layout, the entry function, closures and wrappers, and the small
// helpers every other compiler file uses.
#include <algorithm>
#include <bit>
#include <cstring>

#include "sim/go/compiler_internal.h"

namespace gb::go {

namespace {

std::uint64_t lit_key(std::uint32_t file, NodeId n) { return (static_cast<std::uint64_t>(file) << 32) | n; }

bool contains_array(const vm::TypeTable& t, TypeId id) {
  const vm::Type& u = t[t.underlying(id)];
  if (u.kind == vm::Kind::Array) return true;
  if (u.kind == vm::Kind::Struct) {
    for (const vm::StructField& f : u.fields) {
      if (contains_array(t, f.type)) return true;
    }
  }
  return false;
}

std::string package_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

Compiler::Compiler(const Info& info) : info_(info) { program_.types = info.types; }

const Constant* Compiler::constant_of(NodeId n) const {
  const auto& m = info_.constant_of[fs().file];
  auto it = m.find(n);
  return it == m.end() ? nullptr : &it->second;
}

const Selection* Compiler::selection_of(NodeId n) const {
  const auto& m = info_.selection_of[fs().file];
  auto it = m.find(n);
  return it == m.end() ? nullptr : &it->second;
}

std::uint32_t Compiler::alloc(std::uint32_t n) {
  FuncState& f = fs();
  const std::uint32_t slot = f.top;
  f.top += n == 0 ? 1 : n;
  if (f.top > f.fn.frame_words) f.fn.frame_words = f.top;
  return slot;
}

void Compiler::emit_new(std::uint32_t dst, TypeId elem, std::uint64_t count) {
  emit(Op::New, dst, elem, 0, static_cast<std::int32_t>(count * words(elem)));
}

std::size_t Compiler::emit(Op op, std::uint32_t a, std::uint32_t b, std::uint32_t c, std::int32_t d) {
  FuncState& f = fs();
  vm::Instr in;
  in.op = op;
  in.a = a;
  in.b = b;
  in.c = c;
  in.d = d;
  in.line = static_cast<std::uint16_t>(f.pos.line);
  f.fn.code.push_back(in);
  f.fn.lines.push_back(f.pos.line);
  f.fn.stmt_start.push_back(f.stmt_pending ? 1 : 0);
  f.stmt_pending = false;
  return f.fn.code.size() - 1;
}

void Compiler::error(NodeId n, const std::string& message) {
  const Pos p = node(n).pos;
  std::string s = info_.files[fs().file].name;
  s += ":";
  s += std::to_string(p.line);
  s += ":";
  s += std::to_string(p.col);
  s += ": ";
  s += message;
  errors_.push_back(s);
}

std::int32_t Compiler::string_index(const std::string& s) {
  auto it = strings_.find(s);
  if (it != strings_.end()) return it->second;
  program_.strings.push_back(s);
  const auto idx = static_cast<std::int32_t>(program_.strings.size() - 1);
  strings_.emplace(s, idx);
  return idx;
}

void Compiler::load_word(std::uint32_t dst, Word value) {
  const auto sv = static_cast<std::int64_t>(value);
  if (sv >= INT32_MIN && sv <= INT32_MAX) {
    emit(Op::LoadImm, dst, 0, 0, static_cast<std::int32_t>(sv));
  } else {
    program_.constants.push_back(value);
    emit(Op::LoadConst, dst, 0, 0, static_cast<std::int32_t>(program_.constants.size() - 1));
  }
}

void Compiler::load_constant(std::uint32_t dst, TypeId type, const Constant& c) {
  const vm::TypeTable& t = types();
  if (c.kind == ConstKind::String) {
    emit(Op::LoadString, dst, 0, 0, string_index(c.s));
    return;
  }
  if (c.kind == ConstKind::Bool) {
    load_word(dst, c.b ? 1 : 0);
    return;
  }
  if (t.is_complex(type) || (t.is_untyped(type) && c.kind == ConstKind::Complex)) {
    // each part rounded once, as a float32 for complex64
    double parts[2] = {0, 0};
    const Rat rp[2] = {c.real_rat(), c.imag_rat()};
    for (int k = 0; k < 2; ++k) {
      if (ukind(type) == vm::Kind::Complex64) {
        float f = 0;
        rp[k].to_f32(&f);
        parts[k] = static_cast<double>(f);
      } else {
        rp[k].to_f64(&parts[k]);
      }
      load_word(dst + static_cast<std::uint32_t>(k), std::bit_cast<Word>(parts[k]));
    }
    return;
  }
  if (t.is_float(type) || (t.is_untyped(type) && c.kind == ConstKind::Float)) {
    // rounded once, to nearest even, from the exact value (never through a wider float first)
    double v = 0;
    if (ukind(type) == vm::Kind::Float32) {
      float f = 0;
      c.to_f32(&f);
      v = static_cast<double>(f);
    } else {
      c.to_f64(&v);
    }
    load_word(dst, std::bit_cast<Word>(v));
    return;
  }
  if (is_iface(type)) {
    error(fs().node, "internal: constant of interface type");
    return;
  }
  // Integers: the two's complement bits of the exact value.
  std::optional<BigInt> i = c.as_int();
  if (!i) {
    load_word(dst, 0);
    return;
  }
  load_word(dst, i->fits_i64() ? static_cast<Word>(i->to_i64()) : i->to_u64());
}

std::int32_t Compiler::function_of(ObjId func) const {
  auto it = func_index_.find(func);
  return it == func_index_.end() ? -1 : it->second;
}

void Compiler::emit_call(std::uint32_t base, std::int32_t function) {
  const std::int32_t native =
      function >= 0 ? program_.functions[static_cast<std::size_t>(function)].native : -1;
  if (native >= 0) {
    emit(Op::CallNative, base, 0, 0, native);
  } else {
    emit(Op::Call, base, 0, 0, function);
  }
}

std::int32_t Compiler::native_index(const std::string& name) {
  auto it = natives_.find(name);
  if (it != natives_.end()) return it->second;
  program_.natives.push_back(vm::NativeRef{name});
  const auto idx = static_cast<std::int32_t>(program_.natives.size() - 1);
  natives_.emplace(name, idx);
  return idx;
}

std::string Compiler::function_name(ObjId func) const {
  // Instances of generics as Go's tracebacks name them: main.F[...], main.(*List[...]).Push.
  const Object& o = object(func);
  std::string pkg = package_name(o.package);
  if (o.recv != vm::kNoType) {
    std::string recv = types()[o.recv].name;
    if (const std::size_t b = recv.find('['); b != std::string::npos) recv = recv.substr(0, b) + "[...]";
    if (o.pointer_receiver) return pkg + ".(*" + recv + ")." + o.name;
    return pkg + "." + recv + "." + o.name;
  }
  if (!o.type_args.empty()) return pkg + "." + o.name + "[...]";
  return pkg + "." + o.name;
}

bool Compiler::lives_in_cell(const Object& o) const {
  if (o.package_level) return false;
  return o.captured || o.address_taken || contains_array(types(), o.type);
}

VarLoc Compiler::declare_var(ObjId obj) {
  const Object& o = object(obj);
  const std::uint32_t w = words(o.type);
  VarLoc v;
  if (lives_in_cell(o)) {
    v.kind = VarLoc::Kind::Cell;
    v.slot = alloc(1);
    emit_new(v.slot, o.type, 1);
  } else {
    v.kind = VarLoc::Kind::Slots;
    v.slot = alloc(w);
    if (w) emit(Op::Zero, v.slot, 0, 0, static_cast<std::int32_t>(w));
  }
  fs().vars[obj] = v;
  note_var(obj, v, vm::VarInfo::Kind::Local);
  return v;
}

void Compiler::note_var(ObjId obj, const VarLoc& where, vm::VarInfo::Kind kind) {
  const Object& o = object(obj);
  if (o.package_level || o.name.empty() || o.name == "_") return;
  note_var(o.name, o.type, where, kind);
  if (o.decl != kNoNode && o.file < info_.asts.size()) fs().fn.vars.back().line = ast_of(o.file)[o.decl].pos.line;
}

void Compiler::note_var(std::string name, TypeId type, const VarLoc& where, vm::VarInfo::Kind kind) {
  vm::VarInfo v;
  v.name = std::move(name);
  v.type = type;
  v.kind = kind;
  v.in_cell = where.kind == VarLoc::Kind::Cell;
  v.slot = where.slot;
  v.from_pc = UINT32_MAX;  // settled by settle_vars
  v.to_pc = UINT32_MAX;    // closed by close_scope
  v.line = fs().pos.line;
  fs().fn.vars.push_back(std::move(v));
}

void Compiler::settle_vars() {
  FuncState& f = fs();
  const auto pc = static_cast<std::uint32_t>(f.fn.code.size());
  for (std::size_t i = f.unsettled; i < f.fn.vars.size(); ++i) {
    if (f.fn.vars[i].from_pc == UINT32_MAX) f.fn.vars[i].from_pc = pc;
  }
  f.unsettled = f.fn.vars.size();
}

void Compiler::close_scope(std::size_t mark) {
  FuncState& f = fs();
  const auto pc = static_cast<std::uint32_t>(f.fn.code.size());
  for (std::size_t i = mark; i < f.fn.vars.size(); ++i) {
    vm::VarInfo& v = f.fn.vars[i];
    if (v.to_pc != UINT32_MAX) continue;
    if (v.from_pc == UINT32_MAX) v.from_pc = pc;
    v.to_pc = pc;
  }
}

Loc Compiler::var_loc(ObjId obj) {
  const Object& o = object(obj);
  Loc l;
  l.type = o.type;
  auto it = fs().vars.find(obj);
  if (it == fs().vars.end()) {
    auto g = global_addr_.find(obj);
    if (g == global_addr_.end()) {
      error(fs().node, "internal: variable " + o.name + " has no location");
      l.kind = Loc::Kind::Blank;
      return l;
    }
    l.kind = Loc::Kind::Mem;
    l.slot = alloc(1);
    load_word(l.slot, g->second);
    return l;
  }
  const VarLoc& v = it->second;
  if (v.kind == VarLoc::Kind::Slots) {
    l.kind = Loc::Kind::Slots;
    l.slot = v.slot;
  } else {
    l.kind = Loc::Kind::Mem;
    l.slot = v.slot;
  }
  return l;
}

TypeId Compiler::rune_slice() { return types().slice_of(vm::kInt32); }
TypeId Compiler::byte_slice() { return types().slice_of(vm::kUint8); }

std::int32_t Compiler::queue_func_lit(NodeId lit) {
  const std::uint64_t key = lit_key(fs().file, lit);
  auto it = lit_index_.find(key);
  if (it != lit_index_.end()) return it->second;
  vm::Function f;
  // As gc names closures: F.func1, F.func2, ... in the order they appear in F, and F.func1.1 for one inside
  // F.func1.
  const bool in_closure = fs().node != kNoNode && node(fs().node).kind == NodeKind::FuncLit;
  const int n = ++lit_counts_[fs().fn.name];
  f.name = fs().fn.name + (in_closure ? "." : ".func") + std::to_string(n);
  program_.functions.push_back(std::move(f));
  const auto idx = static_cast<std::int32_t>(program_.functions.size() - 1);
  lit_index_.emplace(key, idx);
  pending_.push_back(PendingFunc{fs().file, lit, idx});
  return idx;
}

// Lays out the frame of a function of signature `sig`: parameters, results, then the closure slot; declares
// parameter and result objects (moving escaping ones into cells).
namespace {

struct Params {
  std::vector<ObjId> params;   // kNoObj for unnamed or _
  std::vector<ObjId> results;  // kNoObj for unnamed
};

}  // namespace

CompileResult Compiler::run() {
  const vm::TypeTable& t = types();
  // Function indices for every declared function and method, so calls can name them before they are compiled.
  for (ObjId f : info_.funcs) {
    const Object& o = object(f);
    vm::Function fn;
    fn.name = function_name(f);
    fn.signature = o.type;
    const vm::Type& sig = t[o.type];
    std::uint32_t pw = 0;
    if (o.recv != vm::kNoType) pw += words(o.pointer_receiver ? types().pointer_to(o.recv) : o.recv);
    for (TypeId p : sig.params) pw += words(p);
    std::uint32_t rw = 0;
    for (TypeId r : sig.results) rw += words(r);
    fn.param_words = pw;
    fn.result_words = rw;
    fn.frame_words = pw + rw;
    if (o.native) {
      std::string pkg = package_name(o.package);
      std::string name = o.recv != vm::kNoType ? pkg + "." + t[o.recv].name + "." + o.name : pkg + "." + o.name;
      fn.native = native_index(name);
    }
    program_.functions.push_back(std::move(fn));
    const auto idx = static_cast<std::int32_t>(program_.functions.size() - 1);
    func_index_[f] = idx;
    if (o.recv != vm::kNoType) types().set_method_function(o.recv, o.name, idx);
    if (!o.native) pending_.push_back(PendingFunc{o.file, o.decl, idx});
  }
  add_promoted_methods();
  // Package variables: heap words from address 1 on.
  Word next = 1;
  for (const Info::InitEntry& e : info_.init_order) {
    for (ObjId v : e.lhs) {
      if (v == kNoObj || global_addr_.count(v)) continue;
      global_addr_[v] = next;
      program_.globals.push_back(vm::GlobalVar{static_cast<std::uint32_t>(next), object(v).type,
                                                object(v).package + "." + object(v).name});
      next += std::max<std::uint32_t>(1, words(object(v).type));
    }
  }
  for (ObjId i = 0; i < info_.objects.size(); ++i) {
    const Object& o = info_.objects[i];
    if (o.kind == ObjKind::Var && o.package_level && !global_addr_.count(i)) {
      global_addr_[i] = next;
      program_.globals.push_back(
          vm::GlobalVar{static_cast<std::uint32_t>(next), o.type, o.package + "." + o.name});
      next += std::max<std::uint32_t>(1, words(o.type));
    }
  }
  program_.globals_words = static_cast<std::uint32_t>(next - 1);
  for (const FileInfo& f : info_.files) program_.files.push_back(f.name);

  // The entry function: initialisers in order, init functions, then main.main.
  {
    vm::Function entry;
    entry.name = "runtime.main";
    program_.functions.push_back(entry);
    const auto entry_index = static_cast<std::int32_t>(program_.functions.size() - 1);
    FuncState st;
    st.fn = entry;
    st.file = 0;
    funcs_.push_back(std::move(st));
    for (const Info::InitEntry& e : info_.init_order) {
      fs().file = e.file;
      fs().node = e.spec;
      at(e.spec);
      const std::uint32_t mark = fs().top;
      // One name of `var x, y = f(), g()`: only its own value (the order may put other variables in between).
      const Node& sp = node(e.spec);
      const auto names = ast().list(sp.l0);
      const auto values = ast().list(sp.l1);
      std::size_t own = SIZE_MAX;
      if (e.lhs.size() == 1 && names.size() > 1 && names.size() == values.size()) {
        for (std::size_t i = 0; i < names.size(); ++i) {
          if (obj_of(names[i]) == e.lhs[0]) own = i;
        }
      }
      if (own != SIZE_MAX) {
        const TypeId var_type = object(e.lhs[0]).type;
        const std::uint32_t v = alloc(words(var_type));
        expr_as(values[own], var_type, v);
        write(var_loc(e.lhs[0]), v);
      } else {
        var_spec(e.spec);
      }
      fs().top = mark;
    }
    std::int32_t main_index = -1;
    for (ObjId f : info_.funcs) {
      const Object& o = object(f);
      if (o.recv == vm::kNoType && o.name == "init" && !o.native) {
        emit(Op::Call, fs().top, 0, 0, func_index_[f]);
      }
      if (o.recv == vm::kNoType && o.name == "main" && o.package == "main") main_index = func_index_[f];
    }
    if (main_index < 0) {
      errors_.push_back("function main is undeclared in the main package");
    } else {
      emit(Op::Call, fs().top, 0, 0, main_index);
    }
    emit(Op::Return);
    fs().fn.frame_words = std::max(fs().fn.frame_words, fs().top + 8);
    program_.functions[static_cast<std::size_t>(entry_index)] = std::move(fs().fn);
    funcs_.pop_back();
    program_.main = entry_index;
    program_.init = -1;
  }

  while (!pending_.empty()) {
    PendingFunc p = pending_.front();
    pending_.pop_front();
    FuncState st;
    st.fn = std::move(program_.functions[static_cast<std::size_t>(p.index)]);
    st.fn.file = p.file;
    st.file = p.file;
    st.node = p.node;
    funcs_.push_back(std::move(st));
    const Ast& a = ast_of(p.file);
    const Node& fnode = a[p.node];
    const bool is_lit = fnode.kind == NodeKind::FuncLit;
    const NodeId ftype = is_lit ? fnode.a : fnode.c;
    const NodeId body = is_lit ? fnode.b : fnode.d;
    const ObjId fobj = info_.obj_of[p.file][p.node];
    const Object* fo = fobj != kNoObj ? &info_.objects[fobj] : nullptr;
    TypeId sig_t = is_lit ? info_.type_of[p.file][p.node] : (fo ? fo->type : vm::kNoType);
    fs().signature = sig_t;
    fs().pos = fnode.pos;

    // Parameters: receiver first, then each parameter's names (unnamed or _ still take their words).
    std::vector<std::pair<ObjId, TypeId>> params;
    if (!is_lit && fnode.b != kNoNode) {
      const Node& recv = a[fnode.b];
      const auto names = a.list(recv.l0);
      TypeId rt = info_.type_of[p.file][recv.a];
      params.emplace_back(names.empty() ? kNoObj : info_.obj_of[p.file][names[0]], rt);
    }
    const Node& ft = a[ftype];
    std::vector<std::pair<ObjId, TypeId>> results;
    auto collect = [&](ListRef fields, std::vector<std::pair<ObjId, TypeId>>& out) {
      for (NodeId field : a.list(fields)) {
        const Node& fld = a[field];
        TypeId ty = info_.type_of[p.file][fld.a];
        if (a[fld.a].kind == NodeKind::Ellipsis) ty = types().slice_of(info_.type_of[p.file][a[fld.a].a]);
        const auto names = a.list(fld.l0);
        if (names.empty()) {
          out.emplace_back(kNoObj, ty);
        } else {
          for (NodeId nm : names) {
            ObjId o = info_.obj_of[p.file][nm];
            if (o != kNoObj && info_.objects[o].type != vm::kNoType) ty = info_.objects[o].type;
            out.emplace_back(o, ty);
          }
        }
      }
    };
    collect(ft.l0, params);
    collect(ft.l1, results);
    std::uint32_t pw = 0;
    for (auto& [o, ty] : params) pw += words(ty);
    std::uint32_t rw = 0;
    for (auto& [o, ty] : results) rw += words(ty);
    fs().fn.param_words = pw;
    fs().fn.result_words = rw;
    fs().fn.signature = sig_t;
    fs().top = pw + rw;
    fs().fn.frame_words = fs().top;
    fs().result_base = pw;
    if (is_lit) fs().fn.closure_slot = static_cast<std::int32_t>(alloc(1));

    // Captured variables: their cell addresses are words 1.. of the closure object.
    if (is_lit) {
      const auto& caps = info_.captures_of[p.file];
      auto it = caps.find(p.node);
      if (it != caps.end()) {
        std::uint32_t i = 1;
        for (ObjId c : it->second) {
          VarLoc v;
          v.kind = VarLoc::Kind::Cell;
          v.slot = alloc(1);
          emit(Op::Load, v.slot, static_cast<std::uint32_t>(fs().fn.closure_slot), i, 1);
          fs().vars[c] = v;
          note_var(c, v, vm::VarInfo::Kind::Captured);
          ++i;
        }
      }
    }
    std::uint32_t off = 0;
    for (auto& [o, ty] : params) {
      const std::uint32_t w = words(ty);
      if (o != kNoObj) {
        if (lives_in_cell(object(o))) {
          VarLoc v;
          v.kind = VarLoc::Kind::Cell;
          v.slot = alloc(1);
          emit_new(v.slot, ty, 1);
          emit(Op::Store, v.slot, off, 0, static_cast<std::int32_t>(w));
          fs().vars[o] = v;
          note_var(o, v, vm::VarInfo::Kind::Param);
        } else {
          fs().vars[o] = VarLoc{VarLoc::Kind::Slots, off, 0};
          note_var(o, fs().vars[o], vm::VarInfo::Kind::Param);
        }
      }
      off += w;
    }
    std::uint32_t roff = 0;
    for (auto& [o, ty] : results) {
      const std::uint32_t w = words(ty);
      fs().result_objs.push_back(o);
      if (o != kNoObj) {
        if (lives_in_cell(object(o))) {
          VarLoc v;
          v.kind = VarLoc::Kind::Cell;
          v.slot = alloc(1);
          emit_new(v.slot, ty, 1);
          fs().vars[o] = v;
          fs().fn.result_cells.push_back(vm::Function::ResultCell{v.slot, roff, w});
          note_var(o, v, vm::VarInfo::Kind::NamedResult);
        } else {
          fs().vars[o] = VarLoc{VarLoc::Kind::Slots, pw + roff, 0};
          note_var(o, fs().vars[o], vm::VarInfo::Kind::NamedResult);
        }
      } else {
        // An unnamed result: Go's debuggers call it ~r0, ~r1, ... by its position among the results.
        note_var("~r" + std::to_string(fs().result_objs.size() - 1), ty, VarLoc{VarLoc::Kind::Slots, pw + roff, 0},
                 vm::VarInfo::Kind::Result);
      }
      roff += w;
    }
    settle_vars();
    if (body != kNoNode) block(a[body].l0);
    patch_gotos();
    emit(Op::Return);
    close_scope(0);
    program_.functions[static_cast<std::size_t>(p.index)] = std::move(fs().fn);
    funcs_.pop_back();
  }
  CompileResult r;
  r.program = std::move(program_);
  r.errors = std::move(errors_);
  return r;
}

// x.M as a value: a closure {wrapper, receiver words...}; the wrapper calls M with the bound receiver.
std::int32_t Compiler::method_value_wrapper(ObjId method, TypeId recv_type, bool iface, std::uint32_t iface_index) {
  std::string key = std::to_string(method) + "/" + std::to_string(recv_type) + (iface ? "/i" : "/m") +
                    std::to_string(iface_index);
  auto it = wrappers_.find(key);
  if (it != wrappers_.end()) return it->second;
  TypeId sig = vm::kNoType;
  if (iface) {
    sig = types()[under(recv_type)].methods[iface_index].signature;
  } else {
    sig = object(method).type;
  }
  const vm::Type& s = types()[sig];
  vm::Function fn;
  fn.name = iface ? "method-value" : function_name(method) + "-fm";
  std::uint32_t pw = 0;
  for (TypeId p : s.params) pw += words(p);
  std::uint32_t rw = 0;
  for (TypeId r : s.results) rw += words(r);
  fn.param_words = pw;
  fn.result_words = rw;
  program_.functions.push_back(fn);
  const auto idx = static_cast<std::int32_t>(program_.functions.size() - 1);
  wrappers_.emplace(key, idx);

  FuncState st;
  st.fn = std::move(fn);
  st.file = fs().file;
  st.node = fs().node;
  st.pos = fs().pos;
  st.top = pw + rw;
  funcs_.push_back(std::move(st));
  fs().fn.closure_slot = static_cast<std::int32_t>(alloc(1));
  const std::uint32_t rwords = words(recv_type);
  const std::uint32_t big = std::max(pw + rwords, rw);
  const std::uint32_t base = alloc(big);
  const auto cs = static_cast<std::uint32_t>(fs().fn.closure_slot);
  if (iface) {
    const std::uint32_t recv = alloc(2);
    emit(Op::Load, recv, cs, 1, 2);
    if (pw) emit(Op::Move, base, 0, 0, static_cast<std::int32_t>(pw));
    emit(Op::CallIface, base, recv, recv_type, static_cast<std::int32_t>(iface_index));
  } else {
    emit(Op::Load, base, cs, 1, static_cast<std::int32_t>(rwords));
    if (pw) emit(Op::Move, base + rwords, 0, 0, static_cast<std::int32_t>(pw));
    emit_call(base, function_of(method));
  }
  if (rw) emit(Op::Move, pw, base, 0, static_cast<std::int32_t>(rw));
  emit(Op::Return);
  program_.functions[static_cast<std::size_t>(idx)] = std::move(fs().fn);
  funcs_.pop_back();
  return idx;
}

std::int32_t Compiler::method_expr_function(const Selection& sel, TypeId recv_type) {
  if (sel.obj != kNoObj && sel.path.empty()) {
    const Object& m = object(sel.obj);
    const TypeId wanted = m.pointer_receiver ? types().pointer_to(m.recv) : m.recv;
    if (wanted == recv_type) return function_of(sel.obj);
  }
  std::string key = "expr/" + std::to_string(sel.obj) + "/" + std::to_string(recv_type) + "/" +
                    std::to_string(sel.index);
  for (std::uint32_t i : sel.path) key += "." + std::to_string(i);
  auto it = wrappers_.find(key);
  if (it != wrappers_.end()) return it->second;
  const bool iface = sel.obj == kNoObj;
  const TypeId sig = iface ? vm::kNoType : object(sel.obj).type;
  const std::uint32_t rwords = words(recv_type);
  // The signature without the receiver: the method's own, or the interface method's.
  TypeId msig = sig;
  std::string mname = iface ? "" : object(sel.obj).name;
  if (iface) {
    // The embedded interface reached through the path holds the method's signature.
    TypeId cur = recv_type;
    for (std::uint32_t index : sel.path) {
      if (ukind(cur) == vm::Kind::Pointer) cur = types()[under(cur)].elem;
      cur = types()[under(cur)].fields[index].type;
    }
    msig = types()[under(cur)].methods[sel.index].signature;
    mname = types()[under(cur)].methods[sel.index].name;
  }
  const vm::Type& s = types()[msig];
  std::uint32_t pw = 0;
  for (TypeId p : s.params) pw += words(p);
  std::uint32_t rw = 0;
  for (TypeId r : s.results) rw += words(r);
  vm::Function fn;
  fn.name = types().to_string(recv_type) + "." + mname;
  fn.param_words = rwords + pw;
  fn.result_words = rw;
  program_.functions.push_back(fn);
  const auto idx = static_cast<std::int32_t>(program_.functions.size() - 1);
  wrappers_.emplace(key, idx);

  FuncState st;
  st.fn = std::move(fn);
  st.file = fs().file;
  st.node = fs().node;
  st.pos = fs().pos;
  st.top = rwords + pw + rw;
  st.fn.frame_words = st.top;
  funcs_.push_back(std::move(st));
  Loc recv_loc;
  recv_loc.kind = Loc::Kind::Slots;
  recv_loc.slot = 0;
  const Loc at_recv = walk_fields(recv_loc, recv_type, sel.path);
  const TypeId cur = at_recv.type;
  if (iface) {
    const std::uint32_t ifc = read_any(at_recv);
    const std::uint32_t base = alloc(std::max(pw, rw));
    if (pw) emit(Op::Move, base, rwords, 0, static_cast<std::int32_t>(pw));
    emit(Op::CallIface, base, ifc, cur, static_cast<std::int32_t>(sel.index));
    if (rw) emit(Op::Move, rwords + pw, base, 0, static_cast<std::int32_t>(rw));
  } else {
    const Object& m = object(sel.obj);
    std::uint32_t recv = 0;
    const TypeId mrecv = m.pointer_receiver ? types().pointer_to(m.recv) : m.recv;
    if (m.pointer_receiver) {
      recv = ukind(cur) == vm::Kind::Pointer ? read_any(at_recv) : address_of_loc(at_recv);
    } else if (ukind(cur) == vm::Kind::Pointer) {
      const std::uint32_t p = read_any(at_recv);
      recv = alloc(words(m.recv));
      // A nil pointer here panics as gc's wrapper does (a nil dereference).
      emit(Op::Load, recv, p, 0, static_cast<std::int32_t>(words(m.recv)));
    } else {
      recv = read_any(at_recv);
    }
    const std::uint32_t mw = words(mrecv);
    const std::uint32_t base = alloc(std::max(mw + pw, rw));
    if (mw) emit(Op::Move, base, recv, 0, static_cast<std::int32_t>(mw));
    if (pw) emit(Op::Move, base + mw, rwords, 0, static_cast<std::int32_t>(pw));
    emit_call(base, function_of(sel.obj));
    if (rw) emit(Op::Move, rwords + pw, base, 0, static_cast<std::int32_t>(rw));
  }
  emit(Op::Return);
  program_.functions[static_cast<std::size_t>(idx)] = std::move(fs().fn);
  funcs_.pop_back();
  return idx;
}

// Methods promoted through embedded fields join the outer named type's method table as wrapper functions, so an
// interface holding a T or *T finds them by name at run time (as the wrappers gc generates for method sets).
void Compiler::add_promoted_methods() {
  std::vector<char> done(types().size(), 0);
  const std::size_t n = types().size();
  for (TypeId t = vm::kFirstUserType; t < n; ++t) promote_methods(t, done);
}

void Compiler::promote_methods(TypeId named, std::vector<char>& done) {
  if (named >= done.size() || done[named]) return;
  done[named] = 1;
  // A named struct type, or an unnamed struct type with embedded fields (struct{ T }): both have method sets.
  const bool is_named = types()[named].kind == vm::Kind::Named;
  if (ukind(named) != vm::Kind::Struct || (!is_named && types()[named].kind != vm::Kind::Struct)) return;
  const vm::Type st = types()[under(named)];
  std::uint32_t off = 0;
  std::vector<std::string> have;
  if (is_named) {
    for (const vm::MethodEntry& m : types()[named].methods) have.push_back(m.name);
  }
  struct Candidate {
    std::uint32_t field_offset;
    TypeId field_type;
    vm::MethodEntry method;
    std::uint32_t iface_index;
    int depth;  // embedding levels from `named` to the method's declaring type
  };
  std::vector<Candidate> found;
  std::vector<std::string> ambiguous;
  for (const vm::StructField& f : st.fields) {
    const std::uint32_t w = words(f.type);
    if (f.embedded) {
      TypeId base = f.type;
      if (ukind(base) == vm::Kind::Pointer) base = types()[under(base)].elem;
      promote_methods(base, done);
      const vm::Type& bt = types()[base];
      std::vector<vm::MethodEntry> ms;
      if (bt.kind == vm::Kind::Named) ms = bt.methods;
      if (ukind(base) == vm::Kind::Interface) ms = types()[under(base)].methods;
      const auto depths = promoted_depth_.find(base);
      for (std::uint32_t i = 0; i < ms.size(); ++i) {
        const vm::MethodEntry& m = ms[i];
        if (std::find(have.begin(), have.end(), m.name) != have.end()) continue;
        int depth = 1;
        if (depths != promoted_depth_.end()) {
          const auto d = depths->second.find(m.name);
          if (d != depths->second.end()) depth += d->second;
        }
        // The shallowest wins (Go's selector rule); two at the same depth make the name ambiguous there.
        auto same = std::find_if(found.begin(), found.end(), [&](const Candidate& c) { return c.method.name == m.name; });
        if (same == found.end()) {
          found.push_back(Candidate{off, f.type, m, i, depth});
        } else if (depth < same->depth) {
          *same = Candidate{off, f.type, m, i, depth};
          ambiguous.erase(std::remove(ambiguous.begin(), ambiguous.end(), m.name), ambiguous.end());
        } else if (depth == same->depth) {
          ambiguous.push_back(m.name);
        }
      }
    }
    off += w;
  }
  for (const Candidate& c : found) promoted_depth_[named][c.method.name] = c.depth;
  for (const Candidate& c : found) {
    if (std::find(ambiguous.begin(), ambiguous.end(), c.method.name) != ambiguous.end()) continue;
    const bool field_is_pointer = ukind(c.field_type) == vm::Kind::Pointer;
    const bool field_is_iface = ukind(c.field_type) == vm::Kind::Interface;
    // A pointer method of an embedded value needs the outer value's address: only *T has it.
    const bool wrapper_on_pointer = !field_is_pointer && !field_is_iface && c.method.pointer_receiver;
    const vm::Type& sig = types()[c.method.signature];
    std::uint32_t pw = 0;
    for (TypeId p : sig.params) pw += words(p);
    std::uint32_t rw = 0;
    for (TypeId r : sig.results) rw += words(r);
    const std::uint32_t recv_w = wrapper_on_pointer ? 1 : words(named);
    vm::Function fn;
    fn.name = types().to_string(named) + "." + c.method.name + "-promoted";
    fn.param_words = recv_w + pw;
    fn.result_words = rw;
    fn.signature = c.method.signature;
    FuncState state;
    state.fn = std::move(fn);
    state.top = recv_w + pw + rw;
    state.fn.frame_words = state.top;
    funcs_.push_back(std::move(state));
    const std::uint32_t base = alloc(std::max<std::uint32_t>(1, 2 + pw + rw));
    if (field_is_iface) {
      if (pw) emit(Op::Move, base, recv_w, 0, static_cast<std::int32_t>(pw));
      emit(Op::CallIface, base, c.field_offset, static_cast<std::uint32_t>(c.field_type),
           static_cast<std::int32_t>(c.iface_index));
    } else {
      TypeId e = c.field_type;
      if (field_is_pointer) e = types()[under(e)].elem;
      const std::uint32_t callee_recv_w = c.method.pointer_receiver ? 1 : words(e);
      if (wrapper_on_pointer) {
        emit(Op::FieldAddr, base, 0, 0, static_cast<std::int32_t>(c.field_offset));
      } else if (field_is_pointer && !c.method.pointer_receiver) {
        emit(Op::Load, base, c.field_offset, 0, static_cast<std::int32_t>(callee_recv_w));
      } else if (callee_recv_w) {
        emit(Op::Move, base, c.field_offset, 0, static_cast<std::int32_t>(callee_recv_w));
      }
      if (pw) emit(Op::Move, base + callee_recv_w, recv_w, 0, static_cast<std::int32_t>(pw));
      emit_call(base, c.method.function);
    }
    if (rw) emit(Op::Move, recv_w + pw, base, 0, static_cast<std::int32_t>(rw));
    emit(Op::Return);
    program_.functions.push_back(std::move(fs().fn));
    funcs_.pop_back();
    vm::MethodEntry entry;
    entry.name = c.method.name;
    entry.signature = c.method.signature;
    entry.function = static_cast<std::int32_t>(program_.functions.size() - 1);
    entry.pointer_receiver = wrapper_on_pointer;
    types().add_method(named, entry);
  }
}

CompileResult compile_program(const Info& info) {
  Compiler c(info);
  return c.run();
}

}  // namespace gb::go
