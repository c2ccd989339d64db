// Text building for world messages: joins pieces with += rather than chains of operator+.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace gb {

// g++ 12 reports false -Wrestrict overlaps for chains of operator+ on std::string temporaries (GCC PR
// 105329), and CI builds with -Werror, so every message here is put together with cat().
inline std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (const std::string_view p : parts) s += p;
  return s;
}

}  // namespace gb
