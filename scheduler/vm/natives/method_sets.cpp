// Method sets of dynamic types (see method_sets.h).
#include "scheduler/vm/natives/method_sets.h"

namespace gb::vm::natives {

namespace {

// Searches the declared methods of `named` and then, depth first, those promoted through embedded fields of
// its underlying struct. `addressable`: the value is reached through a pointer, so pointer-receiver methods
// count.
const MethodEntry* search(const TypeTable& types, TypeId t, std::string_view name, bool addressable,
                          int depth) {
  if (depth > 8 || t == kNoType || t >= types.size()) return nullptr;
  const Type& ty = types[t];
  if (ty.kind == Kind::Named) {
    for (const MethodEntry& m : ty.methods)
      if (m.name == name) return (!m.pointer_receiver || addressable) ? &m : nullptr;
  }
  const TypeId u = types.underlying(t);
  if (u == kNoType || u >= types.size()) return nullptr;
  const Type& ut = types[u];
  if (ut.kind == Kind::Interface && depth > 0) {
    // An embedded interface contributes its methods (the call goes through its dynamic value).
    for (const MethodEntry& m : ut.methods)
      if (m.name == name) return &m;
    return nullptr;
  }
  if (ut.kind != Kind::Struct) return nullptr;
  for (const StructField& f : ut.fields) {
    if (!f.embedded) continue;
    const Type& ft = types[f.type];
    if (ft.kind == Kind::Pointer) {
      if (const MethodEntry* m = search(types, ft.elem, name, true, depth + 1)) return m;
    } else if (const MethodEntry* m = search(types, f.type, name, addressable, depth + 1)) {
      return m;
    }
  }
  return nullptr;
}

}  // namespace

const MethodEntry* find_method(const TypeTable& types, TypeId type, std::string_view name) {
  if (type == kNoType || type >= types.size()) return nullptr;
  const Type& t = types[type];
  if (t.kind == Kind::Pointer) return search(types, t.elem, name, true, 0);
  if (types.underlying_kind(type) == Kind::Interface) {
    for (const MethodEntry& m : types[types.underlying(type)].methods)
      if (m.name == name) return &m;
    return nullptr;
  }
  return search(types, type, name, false, 0);
}

bool has_string_method(const TypeTable& types, TypeId type, std::string_view name) {
  const MethodEntry* m = find_method(types, type, name);
  if (m == nullptr || m->signature == kNoType || m->signature >= types.size()) return false;
  const Type& sig = types[m->signature];
  return sig.params.empty() && !sig.variadic && sig.results.size() == 1 && sig.results[0] == kString;
}

bool implements(const TypeTable& types, TypeId type, TypeId iface) {
  const TypeId u = types.underlying(iface);
  if (types[u].kind != Kind::Interface) return false;
  for (const MethodEntry& want : types[u].methods) {
    const MethodEntry* have = find_method(types, type, want.name);
    if (have == nullptr || have->signature != want.signature) return false;
  }
  return true;
}

}  // namespace gb::vm::natives
