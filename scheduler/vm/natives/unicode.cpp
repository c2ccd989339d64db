// Natives of package unicode: the character classes and case mappings, from Go 1.19's tables.
#include "scheduler/vm/natives/natives.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives {

namespace {

// A rune argument outside 0..MaxRune belongs to no class and maps to itself.
bool valid(Word w) {
  return static_cast<std::int64_t>(w) >= 0 && static_cast<std::int64_t>(w) <= kMaxRune;
}

template <RuneClass C>
void is_class(NativeHost& host) {
  const Word r = host.frame()[0];
  host.frame()[1] = valid(r) && rune_in(C, static_cast<char32_t>(r)) ? 1 : 0;
}

void is_space_native(NativeHost& host) {
  const Word r = host.frame()[0];
  host.frame()[1] = valid(r) && is_space(static_cast<char32_t>(r)) ? 1 : 0;
}

void is_print_native(NativeHost& host) {
  const Word r = host.frame()[0];
  host.frame()[1] = valid(r) && is_print(static_cast<char32_t>(r)) ? 1 : 0;
}

template <char32_t (*Map)(char32_t)>
void map_rune(NativeHost& host) {
  const Word r = host.frame()[0];
  host.frame()[1] = valid(r) ? static_cast<Word>(Map(static_cast<char32_t>(r))) : r;
}

}  // namespace

void register_unicode_natives(NativeTable& table) {
  table.push_back({"unicode.IsLetter", is_class<RuneClass::Letter>});
  table.push_back({"unicode.IsDigit", is_class<RuneClass::Digit>});
  table.push_back({"unicode.IsNumber", is_class<RuneClass::Number>});
  table.push_back({"unicode.IsUpper", is_class<RuneClass::Upper>});
  table.push_back({"unicode.IsLower", is_class<RuneClass::Lower>});
  table.push_back({"unicode.IsTitle", is_class<RuneClass::Title>});
  table.push_back({"unicode.IsPunct", is_class<RuneClass::Punct>});
  table.push_back({"unicode.IsGraphic", is_class<RuneClass::Graphic>});
  table.push_back({"unicode.IsMark", is_class<RuneClass::Mark>});
  table.push_back({"unicode.IsSymbol", is_class<RuneClass::Symbol>});
  table.push_back({"unicode.IsSpace", is_space_native});
  table.push_back({"unicode.IsPrint", is_print_native});
  table.push_back({"unicode.ToUpper", map_rune<to_upper>});
  table.push_back({"unicode.ToLower", map_rune<to_lower>});
  table.push_back({"unicode.ToTitle", map_rune<to_title>});
}

}  // namespace gb::vm::natives
