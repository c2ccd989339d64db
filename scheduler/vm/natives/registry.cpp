// find_native: the table of every native, built once from the register_*_natives function of each package
// file in this folder. The natives the interpreter serves itself (scheduler-bound: runtime.Gosched,
// sync.runtime_Semacquire, time.Sleep, os.Exit, ...) are not in this table.
#include <string>
#include <unordered_map>

#include "scheduler/vm/native.h"
#include "scheduler/vm/natives/natives.h"

namespace gb::vm {

namespace {

const std::unordered_map<std::string_view, NativeFn>& table() {
  static const std::unordered_map<std::string_view, NativeFn> map = [] {
    natives::NativeTable list;
    natives::register_errors_natives(list);
    natives::register_fmt_natives(list);
    natives::register_strings_natives(list);
    natives::register_strconv_natives(list);
    natives::register_atomic_natives(list);
    natives::register_runtime_natives(list);
    natives::register_utf8_natives(list);
    natives::register_context_natives(list);
    natives::register_os_natives(list);
    natives::register_sort_natives(list);
    natives::register_math_natives(list);
    natives::register_unicode_natives(list);
    natives::register_json_natives(list);
    std::unordered_map<std::string_view, NativeFn> m;
    for (const auto& [name, fn] : list) m.emplace(name, fn);
    return m;
  }();
  return map;
}

}  // namespace

NativeFn find_native(std::string_view name) {
  const auto& m = table();
  auto it = m.find(name);
  return it == m.end() ? nullptr : it->second;
}

}  // namespace gb::vm
