// Field and method lookup through embedded fields (types2's lookupFieldOrMethod), method sets and
// interface satisfaction with gc's "missing method" reasons.
#include <algorithm>
#include <set>

#include "sim/go/checker_internal.h"

namespace gb::go::detail {

const Object* Checker::method_obj(TypeId named, const std::string& name, ObjId* id) {
  for (std::size_t i = info_.objects.size(); i-- > 0;) {
    const Object& o = info_.objects[i];
    if (o.kind == ObjKind::Func && o.recv == named && o.name == name) {
      *id = static_cast<ObjId>(i);
      return &o;
    }
  }
  *id = kNoObj;
  return nullptr;
}

Lookup Checker::lookup_field_or_method(TypeId t, const std::string& name) {
  Lookup result;
  if (t == vm::kNoType || name == "_") return result;
  struct Entry {
    TypeId typ;
    bool ptr;  // the value at this point is a pointer to typ
    std::vector<std::uint32_t> path;
    std::vector<bool> deref;
    bool indirect;
  };
  bool is_ptr = false;
  TypeId base = t;
  if (T.kind(t) == vm::Kind::Pointer) {
    base = T[t].elem;
    is_ptr = true;
  } else if (T.kind(t) == vm::Kind::Named && T.underlying_kind(t) == vm::Kind::Pointer) {
    // a named pointer type has no methods, but its base type's fields are reachable
    base = T[T.underlying(t)].elem;
    is_ptr = true;
    if (T.is_interface(base)) return result;
  }
  if (is_ptr && T.is_interface(base)) return result;
  std::vector<Entry> current{{base, is_ptr, {}, {}, is_ptr}};
  std::set<TypeId> seen;
  while (!current.empty()) {
    std::vector<Entry> next;
    int found = 0;
    for (const Entry& e : current) {
      const TypeId typ = e.typ;
      if (T.kind(typ) == vm::Kind::Named) {
        if (!seen.insert(typ).second) continue;
        if (T.underlying_kind(typ) != vm::Kind::Interface) {
          for (const vm::MethodEntry& m : T[typ].methods) {
            if (m.name != name) continue;
            ++found;
            result.found = Lookup::Found::Method;
            result.path = e.path;
            result.deref = e.deref;
            result.type = m.signature;
            result.pointer_receiver = m.pointer_receiver;
            result.holder = e.ptr ? T.pointer_to(typ) : typ;
            result.indirect = e.indirect;
            method_obj(typ, name, &result.method);
          }
        }
      }
      const vm::Type& u = T[T.underlying(typ)];
      if (u.kind == vm::Kind::Struct) {
        for (std::uint32_t i = 0; i < u.fields.size(); ++i) {
          const vm::StructField& f = u.fields[i];
          if (f.name == name) {
            ++found;
            result.found = Lookup::Found::Field;
            result.path = e.path;
            result.path.push_back(i);
            result.deref = e.deref;
            result.deref.push_back(e.ptr);
            result.type = f.type;
            result.indirect = e.indirect || e.ptr;
            result.holder = typ;
            continue;
          }
          if (f.embedded && found == 0) {
            Entry n2;
            n2.path = e.path;
            n2.path.push_back(i);
            n2.deref = e.deref;
            n2.deref.push_back(e.ptr);
            n2.typ = f.type;
            n2.ptr = false;
            if (T.kind(f.type) == vm::Kind::Pointer) {
              n2.typ = T[f.type].elem;
              n2.ptr = true;
            }
            n2.indirect = e.indirect || e.ptr || n2.ptr;
            next.push_back(std::move(n2));
          }
        }
      } else if (u.kind == vm::Kind::Interface) {
        for (std::uint32_t i = 0; i < u.methods.size(); ++i) {
          if (u.methods[i].name != name) continue;
          ++found;
          result.found = Lookup::Found::InterfaceMethod;
          result.path = e.path;
          result.deref = e.deref;
          result.type = u.methods[i].signature;
          result.index = i;
          result.holder = typ;
          result.indirect = e.indirect;
        }
      }
    }
    if (found == 1) return result;
    if (found > 1) {
      Lookup amb;
      amb.found = Lookup::Found::Ambiguous;
      return amb;
    }
    current = std::move(next);
  }
  return Lookup{};
}

bool Checker::missing_method(TypeId t, TypeId iface, bool static_, std::string* name, bool* wrong_type,
                             bool* ptr_recv) {
  *wrong_type = false;
  *ptr_recv = false;
  const vm::Type& it = T[T.underlying(iface)];
  if (T.is_interface(t)) {
    const vm::Type& tt = T[T.underlying(t)];
    for (const vm::MethodEntry& m : it.methods) {
      auto f = std::find_if(tt.methods.begin(), tt.methods.end(), [&](const vm::MethodEntry& e) { return e.name == m.name; });
      if (f == tt.methods.end()) {
        if (static_) {
          *name = m.name;
          return true;
        }
        continue;
      }
      if (f->signature != m.signature) {
        *name = m.name;
        *wrong_type = true;
        return true;
      }
    }
    return false;
  }
  for (const vm::MethodEntry& m : it.methods) {
    Lookup l = lookup_field_or_method(t, m.name);
    if (l.found != Lookup::Found::Method && l.found != Lookup::Found::InterfaceMethod) {
      *name = m.name;
      return true;
    }
    if (l.type != m.signature) {
      *name = m.name;
      *wrong_type = true;
      return true;
    }
    if (l.found == Lookup::Found::Method && l.pointer_receiver && T.kind(t) != vm::Kind::Pointer &&
        !(l.indirect)) {
      *name = m.name;
      *ptr_recv = true;
      return true;
    }
  }
  return false;
}

std::string Checker::missing_method_reason(TypeId t, TypeId iface) {
  std::string name;
  bool wrong = false, ptr = false;
  if (!missing_method(t, iface, true, &name, &wrong, &ptr)) return "";
  const vm::Type& it = T[T.underlying(iface)];
  TypeId want = vm::kNoType;
  for (const vm::MethodEntry& m : it.methods) {
    if (m.name == name) want = m.signature;
  }
  auto func_string = [&](TypeId sig, TypeSrc src) {
    std::string s = name;
    s += gc_type(sig, src).substr(4);  // with parameter names as declared
    return s;
  };
  const TypeSrc want_src = iface_method_src(iface, name);
  if (ptr) {
    std::string s = "(";
    s += name;
    s += " method has pointer receiver)";
    return s;
  }
  if (wrong) {
    TypeId have = vm::kNoType;
    TypeSrc have_src;
    if (T.is_interface(t)) {
      for (const vm::MethodEntry& m : T[T.underlying(t)].methods) {
        if (m.name == name) have = m.signature;
      }
      have_src = iface_method_src(t, name);
    } else {
      const Lookup hl = lookup_field_or_method(t, name);
      have = hl.type;
      if (hl.found == Lookup::Found::Method) have_src = func_obj_src(hl.method);
    }
    std::string s = "(wrong type for ";
    s += name;
    s += " method)\n\t\thave ";
    s += func_string(have, have_src);
    s += "\n\t\twant ";
    s += func_string(want, want_src);
    return s;
  }
  if (T.underlying_kind(t) == vm::Kind::Pointer && T.is_interface(T[T.underlying(t)].elem)) {
    std::string s = "(type ";
    s += type_str(t);
    s += " is pointer to interface, not interface)";
    return s;
  }
  // a method with a different capitalization
  for (const char* c : {"u", "l"}) {
    std::string alt = name;
    alt[0] = c[0] == 'u' ? static_cast<char>(std::toupper(alt[0])) : static_cast<char>(std::tolower(alt[0]));
    if (alt == name) continue;
    Lookup l = lookup_field_or_method(t, alt);
    if (l.found == Lookup::Found::Method || l.found == Lookup::Found::InterfaceMethod) {
      std::string s = "(missing ";
      s += name;
      s += " method)\n\t\thave ";
      s += alt;
      s += gc_type(l.type, l.found == Lookup::Found::Method ? func_obj_src(l.method) : iface_method_src(t, alt))
               .substr(4);
      s += "\n\t\twant ";
      s += func_string(want, want_src);
      return s;
    }
  }
  std::string s = "(missing ";
  s += name;
  s += " method)";
  return s;
}

bool Checker::implements(TypeId t, TypeId iface, std::string* reason) {
  std::string name;
  bool wrong = false, ptr = false;
  if (!missing_method(t, iface, true, &name, &wrong, &ptr)) return true;
  if (reason) {
    *reason = type_str(t);
    *reason += " does not implement ";
    *reason += type_str(iface);
    *reason += " ";
    *reason += missing_method_reason(t, iface);
  }
  return false;
}

}  // namespace gb::go::detail
