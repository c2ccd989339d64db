// Go maps for the interpreter: entries keyed by value (strings by content, interfaces by dynamic type and value,
// structs and arrays field by field), as a canonical byte key -> slot index. Each entry's key and value words live
// in heap memory (the memory seam); this table is the bucket metadata. Iteration starts at a random slot (Go's
// random start) and walks every slot present when it began once; entries deleted before they are reached are not
// produced, entries added during the iteration may or may not be.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "scheduler/vm/bytecode.h"

namespace gb::vm {

struct MapEntry {
  Word addr = 0;      // key words, then value words
  bool live = false;
};

struct GoMap {
  TypeId key = kNoType;
  TypeId value = kNoType;
  std::uint32_t key_words = 0;
  std::uint32_t value_words = 0;
  std::vector<MapEntry> entries;                       // in insertion order, deleted ones as tombstones
  std::unordered_map<std::string, std::uint32_t> index;  // canonical key -> entry
  std::uint64_t live = 0;
  std::uint32_t iterating = 0;                         // unfinished iterators: no compaction meanwhile

  // Drops tombstones when they outnumber live entries and nobody iterates.
  void maybe_compact();
};

struct MapIterator {
  std::uint32_t map = 0;     // map handle (0: nil map)
  std::uint32_t start = 0;
  std::uint32_t pos = 0;     // slots visited
  std::uint32_t count = 0;   // slots when the iteration began
  bool active = false;
};

struct MapTable {
  std::vector<GoMap> maps;             // handle = index + 1
  std::vector<MapIterator> iters;      // handle = index + 1
  std::vector<std::uint32_t> free_iters;

  GoMap& at(Word handle) { return maps[static_cast<std::size_t>(handle - 1)]; }
  const GoMap& at(Word handle) const { return maps[static_cast<std::size_t>(handle - 1)]; }
  Word make(TypeId key, TypeId value, std::uint32_t key_words, std::uint32_t value_words);
  Word new_iterator(Word map, std::uint32_t start);
  void end_iterator(Word it);
};

}  // namespace gb::vm
