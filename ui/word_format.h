// One number format for raw memory words wherever the studio shows them (cache cells, memory's copy, store
// buffers, the tooltips' words): decimal as Go's int64 reads them, or hex, chosen once (View > Hex words, H).
#pragma once

#include <string>

#include "coherence/types.h"

namespace gb::ui {

// Decimal as a signed 64-bit integer (-1, not 18446744073709551615), or hex with 0x (0xffffffffffffffff).
std::string word_text(Word w, bool hex);

}  // namespace gb::ui
