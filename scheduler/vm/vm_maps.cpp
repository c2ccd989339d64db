// The map opcodes: lookups by canonical key, inserts allocating the entry's key and value words in heap memory,
// deletes leaving tombstones, and iteration from a random start.
#include <cstring>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

void Vm::map_get(Word m, TypeId map_type, const Word* key, Word* out) {
  const TypeTable& tt = prog_->types;
  if (m == 0) {
    const Type& mt = tt[tt.underlying(map_type)];
    if (mt.kind == Kind::Map) {
      key_buf_.clear();
      encode_key(mt.key, key, key_buf_);  // an unhashable interface key panics even on a nil map
      const std::uint32_t vw = tt.words(mt.elem);
      std::memset(out, 0, (vw + 1) * sizeof(Word));
    }
    return;
  }
  GoMap& gm = map_at(m);
  key_buf_.clear();
  encode_key(gm.key, key, key_buf_);
  const auto it = gm.index.find(key_buf_);
  if (it == gm.index.end()) {
    std::memset(out, 0, (gm.value_words + 1) * sizeof(Word));
    return;
  }
  mem_.load_n(gm.entries[it->second].addr + gm.key_words, out, gm.value_words);
  out[gm.value_words] = 1;
}

void Vm::map_set(Word m, const Word* key, const Word* value) {
  if (m == 0) throw_plain_error("assignment to entry in nil map");
  GoMap& gm = map_at(m);
  key_buf_.clear();
  encode_key(gm.key, key, key_buf_);
  const auto it = gm.index.find(key_buf_);
  if (it != gm.index.end()) {
    if (gm.value_words != 0) mem_.store_n(gm.entries[it->second].addr + gm.key_words, value, gm.value_words);
    return;
  }
  gm.maybe_compact();
  const Word addr = new_words(std::uint64_t{gm.key_words} + gm.value_words);
  GoMap& gm2 = map_at(m);
  if (gm2.key_words != 0) mem_.store_n(addr, key, gm2.key_words);
  if (gm2.value_words != 0) mem_.store_n(addr + gm2.key_words, value, gm2.value_words);
  gm2.index.emplace(key_buf_, static_cast<std::uint32_t>(gm2.entries.size()));
  gm2.entries.push_back(MapEntry{addr, true});
  ++gm2.live;
}

void Vm::map_delete(Word m, const Word* key) {
  if (m == 0) return;
  GoMap& gm = map_at(m);
  key_buf_.clear();
  encode_key(gm.key, key, key_buf_);
  const auto it = gm.index.find(key_buf_);
  if (it == gm.index.end()) return;
  gm.entries[it->second].live = false;
  gm.index.erase(it);
  --gm.live;
}

bool Vm::map_next(Word handle, Word* out) {
  if (handle == 0 || handle > maps_.iters.size()) return false;
  MapIterator& it = maps_.iters[static_cast<std::size_t>(handle - 1)];
  if (!it.active) return false;
  if (it.map != 0) {
    const GoMap& gm = map_at(it.map);
    while (it.pos < it.count) {
      const std::uint32_t i = (it.start + it.pos) % it.count;
      ++it.pos;
      if (i >= gm.entries.size() || !gm.entries[i].live) continue;
      mem_.load_n(gm.entries[i].addr, out, gm.key_words + gm.value_words);
      return true;
    }
  }
  maps_.end_iterator(handle);
  return false;
}

}  // namespace gb::vm
