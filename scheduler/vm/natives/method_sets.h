// Method sets at run time, as Go's reflection sees them: which methods a dynamic type has (value receivers
// for T; all of T's for *T; promoted through embedded fields), and whether a type implements an interface.
// fmt uses it to decide Stringer/error dispatch, errors.As to match targets.
#pragma once

#include <string_view>

#include "scheduler/vm/types.h"

namespace gb::vm::natives {

// The method `name` in the method set of `type`, or nullptr.
const MethodEntry* find_method(const TypeTable& types, TypeId type, std::string_view name);
// Whether `type` has a method `name` of signature func() string (String, Error, GoString).
bool has_string_method(const TypeTable& types, TypeId type, std::string_view name);
// Whether `type`'s method set covers every method of interface type `iface`, with identical signatures.
bool implements(const TypeTable& types, TypeId type, TypeId iface);

}  // namespace gb::vm::natives
