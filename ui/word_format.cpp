// The studio's one format for raw memory words.
#include "word_format.h"

#include <cstdint>

#include <fmt/format.h>

namespace gb::ui {

std::string word_text(Word w, bool hex) {
  return hex ? fmt::format("{:#x}", w) : fmt::format("{}", static_cast<std::int64_t>(w));
}

}  // namespace gb::ui
