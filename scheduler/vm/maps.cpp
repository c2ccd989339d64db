// Map storage bookkeeping: creation, compaction, iterator records. Hashing and the opcodes are in the VM.
#include "scheduler/vm/maps.h"

namespace gb::vm {

void GoMap::maybe_compact() {
  const std::size_t dead = entries.size() - live;
  if (iterating != 0 || dead < 32 || dead < live) return;
  std::vector<std::uint32_t> remap(entries.size(), UINT32_MAX);
  std::vector<MapEntry> kept;
  kept.reserve(live);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].live) continue;
    remap[i] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(entries[i]);
  }
  entries = std::move(kept);
  for (auto& entry : index) entry.second = remap[entry.second];
}

Word MapTable::make(TypeId key, TypeId value, std::uint32_t key_words, std::uint32_t value_words) {
  GoMap m;
  m.key = key;
  m.value = value;
  m.key_words = key_words;
  m.value_words = value_words;
  maps.push_back(std::move(m));
  return maps.size();
}

Word MapTable::new_iterator(Word map, std::uint32_t start) {
  MapIterator it;
  it.map = static_cast<std::uint32_t>(map);
  it.active = true;
  if (map != 0) {
    GoMap& m = at(map);
    it.count = static_cast<std::uint32_t>(m.entries.size());
    it.start = it.count == 0 ? 0 : start % it.count;
    ++m.iterating;
  }
  if (!free_iters.empty()) {
    const std::uint32_t i = free_iters.back();
    free_iters.pop_back();
    iters[i] = it;
    return Word{i} + 1;
  }
  iters.push_back(it);
  return iters.size();
}

void MapTable::end_iterator(Word handle) {
  MapIterator& it = iters[static_cast<std::size_t>(handle - 1)];
  if (!it.active) return;
  it.active = false;
  if (it.map != 0) --at(it.map).iterating;
  free_iters.push_back(static_cast<std::uint32_t>(handle - 1));
}

}  // namespace gb::vm
