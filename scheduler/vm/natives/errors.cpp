// Natives of package errors that need run-time type information: comparability (Is) and errors.As's target
// checks and assignment.
#include "scheduler/vm/natives/method_sets.h"
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

// func isComparable(v any) bool   (errors and context)
void is_comparable(NativeHost& host) {
  const auto type = static_cast<TypeId>(host.frame()[0]);
  host.frame()[2] = type == kNoType || host.types().comparable(type) ? 1 : 0;
}

// func checkAsTarget(target any)
void check_as_target(NativeHost& host) {
  const TypeTable& types = host.types();
  const auto type = static_cast<TypeId>(host.frame()[0]);
  const Word data = host.frame()[1];
  if (type == kNoType || types[type].kind != Kind::Pointer || data == 0) {
    return host.panic_string("errors: target must be a non-nil pointer");
  }
  const TypeId elem = types[type].elem;
  if (types.underlying_kind(elem) != Kind::Interface && !implements(types, elem, kError)) {
    return host.panic_string("errors: *target must be interface or implement error");
  }
}

// func assignTo(err error, target any) bool: *target = err if err's dynamic type is assignable to *target's
// type.
void assign_to(NativeHost& host) {
  const TypeTable& types = host.types();
  Word* f = host.frame();
  const auto err_type = static_cast<TypeId>(f[0]);
  const Word err_data = f[1];
  const auto target_type = static_cast<TypeId>(f[2]);
  const Word target = f[3];
  bool ok = false;
  if (err_type != kNoType && target_type != kNoType && types[target_type].kind == Kind::Pointer &&
      target != 0) {
    const TypeId elem = types[target_type].elem;
    if (types.underlying_kind(elem) == Kind::Interface) {
      if (implements(types, err_type, elem)) {
        host.store(target, err_type);
        host.store(target + 1, err_data);
        ok = true;
      }
    } else if (elem == err_type) {
      const std::uint32_t n = types.words(elem);
      if (n == 1) {
        host.store(target, err_data);
      } else {
        for (std::uint32_t k = 0; k < n; ++k) host.store(target + k, host.load(err_data + k));
      }
      ok = true;
    }
  }
  host.frame()[4] = ok ? 1 : 0;
}

}  // namespace

void register_errors_natives(NativeTable& table) {
  table.push_back({"errors.isComparable", is_comparable});
  table.push_back({"errors.checkAsTarget", check_as_target});
  table.push_back({"errors.assignTo", assign_to});
}

}  // namespace gb::vm::natives
