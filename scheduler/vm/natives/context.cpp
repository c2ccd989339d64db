// Natives of package context: reflect's type spelling for the String methods and the comparability check of
// WithValue's key.
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

// func typeString(v any) string
void type_string(NativeHost& host) {
  Frame f(host);
  const auto type = static_cast<TypeId>(f.word(0));
  f.set_string(2, type == kNoType ? std::string("<nil>") : host.types().to_string(type));
}

// func isComparable(v any) bool
void is_comparable(NativeHost& host) {
  const auto type = static_cast<TypeId>(host.frame()[0]);
  host.frame()[2] = type == kNoType || host.types().comparable(type) ? 1 : 0;
}

}  // namespace

void register_context_natives(NativeTable& table) {
  table.push_back({"context.typeString", type_string});
  table.push_back({"context.isComparable", is_comparable});
}

}  // namespace gb::vm::natives
