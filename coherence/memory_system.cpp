// The coherence engine: looks up the protocol table for every processor and snoop event and applies the row.
#include "memory_system.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "hash.h"

namespace gb {

MemorySystem::MemorySystem(int cores, const CacheGeometry& geometry, Protocol protocol)
    : protocol_(std::move(protocol)), memory_(geometry.words_per_line()) {
  if (cores < 1 || cores > kMaxCores)
    throw std::invalid_argument(fmt::format("core count {} is outside 1..{}", cores, kMaxCores));
  if (auto err = geometry.validate()) throw std::invalid_argument(*err);
  if (auto err = protocol_.finalize()) throw std::invalid_argument(*err);
  caches_.reserve(static_cast<std::size_t>(cores));
  for (int i = 0; i < cores; ++i) caches_.emplace_back(geometry);
  stats_.resize(static_cast<std::size_t>(cores));
  line_buffer_.resize(geometry.words_per_line());
}

LineState MemorySystem::state_of(CoreId core, Addr line) const {
  const Cache& c = caches_[static_cast<std::size_t>(core)];
  const int way = c.find(line);
  return way < 0 ? LineState::I : c.line(way).state;
}

std::size_t MemorySystem::release(Addr from, Addr to) {
  if (to <= from) return 0;
  const Cache& c0 = caches_[0];
  const Addr first = c0.line_of(from), end = c0.line_of(to - 1) + 1;  // the lines [from, to) touches
  std::vector<Addr> lines;
  auto consider = [&](Addr line) {
    for (CoreId c = 0; c < cores(); ++c)
      if (state_of(c, line) != LineState::I) return;
    lines.push_back(line);
  };
  if (end - first <= memory_.written_lines().size()) {  // walk the range or the written lines, the shorter
    for (Addr line = first; line < end; ++line)
      if (memory_.written_lines().count(line) != 0) consider(line);
  } else {
    for (const auto& entry : memory_.written_lines())
      if (entry.first >= first && entry.first < end) consider(entry.first);
  }
  for (const Addr line : lines) checker_.forget(line, memory_.words_per_line());
  return memory_.forget(lines);
}

// Every valid copy holds the current value (the data-value invariant), so the first one found will do.
Word MemorySystem::peek(Addr addr) const {
  for (const Cache& c : caches_) {
    const int way = c.find(c.line_of(addr));
    if (way >= 0) return c.data(way)[c.word_of(addr)];
  }
  const Cache& c0 = caches_.front();
  return memory_.read_word(c0.line_of(addr), c0.word_of(addr));
}

bool MemorySystem::needs_bus(CoreId core, ProcOp op, Addr addr) const {
  const Cache& c = caches_[static_cast<std::size_t>(core)];
  const int way = c.find(c.line_of(addr));
  const ProcRow* row = protocol_.proc(way < 0 ? LineState::I : c.line(way).state, op);
  return row != nullptr && row->bus != BusOp::None;
}

void MemorySystem::emit(CoherenceEvent& e) {
  e.cycle = cycle_;
  e.seq = seq_++;
  e.memory_stale = memory_stale(e.line);
  sink_->on_event(e);
}

bool MemorySystem::memory_stale(Addr line) const {
  for (const Cache& c : caches_) {
    const int way = c.find(line);
    if (way < 0 || !is_dirty(c.line(way).state)) continue;
    std::vector<Word> mem(c.words_per_line());
    memory_.read_line(line, mem.data());
    return !std::equal(mem.begin(), mem.end(), c.data(way));
  }
  return false;
}

Word MemorySystem::store_word(Word* data, Addr line, std::uint32_t word, bool is_write, bool add, Word value,
                              Word mask) {
  if (!is_write) return data[word];
  const Word old = data[word];
  data[word] = add ? old + value : (old & ~mask) | (value & mask);
  if (checking_) checker_.on_write(line, word, memory_.words_per_line(), data[word]);
  return add ? old : data[word];
}

void MemorySystem::after_step(Addr line) {
  if (!checking_ || violation_) return;
  violation_ = checker_.check_line(*this, line);
}

std::optional<AccessResult> MemorySystem::access_local(CoreId core, ProcOp op, Addr addr, Word value, bool add,
                                                       Word mask) {
  Cache& c = caches_[static_cast<std::size_t>(core)];
  const Addr line = c.line_of(addr);
  const int way = c.find(line);
  if (way < 0) return std::nullopt;
  const ProcRow* row = protocol_.proc(c.line(way).state, op);
  if (row->bus != BusOp::None) return std::nullopt;
  return served_locally(core, op, addr, value, add, mask, way, row);
}

AccessResult MemorySystem::served_locally(CoreId core, ProcOp op, Addr addr, Word value, bool add, Word mask,
                                          int way, const ProcRow* row) {
  Cache& c = caches_[static_cast<std::size_t>(core)];
  CacheStats& st = stats_[static_cast<std::size_t>(core)];
  const Addr line = c.line_of(addr);
  const bool is_write = op == ProcOp::Write;
  is_write ? ++st.writes : ++st.reads;
  c.touch(way);
  CacheLine& l = c.line(way);
  const LineState from = l.state;
  if (row->to_alone != from) {  // a silent change such as E -> M
    l.state = row->to_alone;
    ++st.silent_upgrades;
    if (sink_) {
      CoherenceEvent e;
      e.kind = EventKind::Silent;
      e.core = core;
      e.op = op;
      e.addr = addr;
      e.line = line;
      e.proc_row = protocol_.proc_index[static_cast<int>(from)][static_cast<int>(op)];
      e.value = value;
      e.add_change(core, from, l.state, e.proc_row);
      emit(e);
    }
  }
  AccessResult result;
  result.value = store_word(c.data(way), line, c.word_of(addr), is_write, add, value, mask);
  if (checking_ && (is_write || row->to_alone != from)) after_step(line);
  return result;
}

AccessResult MemorySystem::access(CoreId core, ProcOp op, Addr addr, Word value, bool add, Word mask) {
  Cache& c = caches_[static_cast<std::size_t>(core)];
  CacheStats& st = stats_[static_cast<std::size_t>(core)];
  const Addr line = c.line_of(addr);
  const std::uint32_t word = c.word_of(addr);
  int way = c.find(line);
  const LineState from = way < 0 ? LineState::I : c.line(way).state;
  const bool is_write = op == ProcOp::Write;
  const ProcRow* row = protocol_.proc(from, op);
  if (row->bus == BusOp::None) return served_locally(core, op, addr, value, add, mask, way, row);

  AccessResult result;
  result.miss = way < 0;
  if (is_write) {
    ++st.writes;
    st.write_misses += result.miss;
  } else {
    ++st.reads;
    st.read_misses += result.miss;
  }

  // The bus is needed. A missing line first gets a way, evicting the LRU line if the set is full.
  if (way < 0) {
    way = c.victim(line);
    if (c.line(way).state != LineState::I) {
      result.writeback = protocol_.proc(c.line(way).state, ProcOp::Evict)->writeback;
      evict_way(core, way);
    }
    c.line(way).tag = line;
  }
  c.touch(way);
  ++transactions_;

  CoherenceEvent event;
  CoherenceEvent* ev = sink_ ? &event : nullptr;
  if (ev) {
    ev->core = core;
    ev->op = op;
    ev->addr = addr;
    ev->line = line;
    ev->bus = row->bus;
    ev->proc_row = protocol_.proc_index[static_cast<int>(from)][static_cast<int>(op)];
    ev->value = value;
    ev->change_count = 1;  // the requester's own change goes first; filled in below
  }

  switch (row->bus) {
    case BusOp::BusRd: ++st.bus_rd; break;
    case BusOp::BusRdX: ++st.bus_rdx; break;
    case BusOp::BusUpgr: ++st.bus_upgr; break;
    case BusOp::BusUpd: ++st.bus_upd; break;
    default: break;
  }
  // A BusUpd broadcasts the word being written; other requests carry no word.
  // The word a BusUpd broadcasts is the new value (for fetch_add, computed from the present copy).
  auto new_word = [&] {
    const Word old = c.data(way)[word];
    return add ? old + value : (old & ~mask) | (value & mask);
  };
  SnoopOutcome out = snoop_all(core, row->bus, line, word, row->bus == BusOp::BusUpd ? new_word() : value, ev);
  result.bus = row->bus;
  if (carries_line(row->bus)) {
    std::copy(line_buffer_.begin(), line_buffer_.end(), c.data(way));
    if (out.supplier >= 0) {
      ++st.c2c_transfers;
    } else {
      ++st.memory_reads;
    }
    result.supplier = out.supplier;
  }
  bool shared = out.shared;
  if (row->then_if_shared != BusOp::None && shared) {
    // Dragon's write miss to a shared line: the fill (BusRd) is followed by the update of the written word.
    ++st.bus_upd;
    ++transactions_;
    result.then_bus = row->then_if_shared;
    if (ev) ev->then_bus = row->then_if_shared;
    const SnoopOutcome upd = snoop_all(core, row->then_if_shared, line, word, new_word(), ev);
    shared = upd.shared;
  }
  CacheLine& l = c.line(way);
  l.state = shared ? row->to_shared : row->to_alone;
  result.value = store_word(c.data(way), line, word, is_write, add, value, mask);

  if (ev) {
    ev->changes[0] = StateChange{static_cast<std::int8_t>(core), from, l.state, ev->proc_row};
    ev->shared_line = out.shared;
    ev->supplier = carries_line(row->bus) ? out.supplier : kNoData;
    ev->supply = out.supply;
    ev->memory_updated = out.memory_updated;
    emit(*ev);
  }
  after_step(line);
  return result;
}

MemorySystem::SnoopOutcome MemorySystem::snoop_all(CoreId requester, BusOp bus, Addr line, std::uint32_t word,
                                                   Word value, CoherenceEvent* event) {
  SnoopOutcome out;
  std::array<int, kMaxCores> ways;
  std::array<const SnoopRow*, kMaxCores> rows{};
  int owner = -1;
  int clean = -1;
  const int n = cores();
  // Pass 1: every cache looks up the line; the shared line is raised by any valid copy.
  for (int p = 0; p < n; ++p) {
    ways[p] = -1;
    if (p == requester) continue;
    const Cache& c = caches_[static_cast<std::size_t>(p)];
    const int w = c.find(line);
    if (w < 0) continue;
    const LineState s = c.line(w).state;
    const SnoopRow* r = protocol_.snoop(s, bus);
    if (r == nullptr) {  // a cell the protocol says cannot happen: only a planted bug gets here
      if (!violation_ && checking_)
        violation_ = Violation{"protocol", line,
                               fmt::format("core {} holds line 0x{:x} in {} and snooped {}, which the {} table "
                                           "says cannot happen",
                                           p, line, name(s), name(bus), protocol_.name)};
      continue;
    }
    ways[p] = w;
    rows[p] = r;
    out.shared = true;
    if (r->supply == Supply::Flush && owner < 0) owner = p;
    if (r->supply == Supply::FlushOpt && clean < 0) clean = p;
  }
  // The line in flight: a dirty owner's Flush wins; else a clean peer may supply (FlushOpt); else memory.
  if (carries_line(bus) || owner >= 0) {
    if (owner >= 0) {
      const Cache& oc = caches_[static_cast<std::size_t>(owner)];
      std::copy_n(oc.data(ways[owner]), oc.words_per_line(), line_buffer_.begin());
      if (rows[owner]->memory_takes) {
        memory_.write_line(line, line_buffer_.data());
        out.memory_updated = true;
      }
      out.supply = Supply::Flush;
      out.supplier = protocol_.cache_to_cache ? static_cast<std::int8_t>(owner) : kFromMemory;
    } else if (clean >= 0 && protocol_.cache_to_cache) {
      const Cache& cc = caches_[static_cast<std::size_t>(clean)];
      std::copy_n(cc.data(ways[clean]), cc.words_per_line(), line_buffer_.begin());
      out.supply = Supply::FlushOpt;
      out.supplier = static_cast<std::int8_t>(clean);
    } else {
      memory_.read_line(line, line_buffer_.data());
      out.supplier = kFromMemory;
    }
  }
  // Pass 2: every snooper takes its row's next state.
  for (int p = 0; p < n; ++p) {
    if (ways[p] < 0) continue;
    Cache& c = caches_[static_cast<std::size_t>(p)];
    CacheStats& st = stats_[static_cast<std::size_t>(p)];
    const SnoopRow* r = rows[p];
    const LineState old = c.line(ways[p]).state;
    if (p == owner) ++st.flushes;
    if (r->take_update) c.data(ways[p])[word] = value;
    if (r->to == LineState::I) {
      ++st.invalidations;
      c.invalidate(ways[p]);
    } else {
      c.line(ways[p]).state = r->to;
      if (is_exclusive(old) && is_shared_state(r->to)) ++st.interventions;
    }
    if (event) event->add_change(p, old, r->to, protocol_.snoop_index[static_cast<int>(old)][static_cast<int>(bus)]);
  }
  return out;
}

void MemorySystem::evict_way(CoreId core, int way) {
  Cache& c = caches_[static_cast<std::size_t>(core)];
  CacheLine& l = c.line(way);
  const LineState from = l.state;
  const ProcRow* row = protocol_.proc(from, ProcOp::Evict);
  if (row->writeback) {
    memory_.write_line(l.tag, c.data(way));
    ++stats_[static_cast<std::size_t>(core)].writebacks;
  }
  const Addr line = l.tag;
  c.invalidate(way);
  if (sink_) {
    CoherenceEvent e;
    e.kind = EventKind::Eviction;
    e.core = core;
    e.op = ProcOp::Evict;
    e.addr = line << log2_exact(c.geometry().block_bytes);
    e.line = line;
    e.proc_row = protocol_.proc_index[static_cast<int>(from)][static_cast<int>(ProcOp::Evict)];
    e.writeback = row->writeback;
    e.memory_updated = row->writeback;
    e.add_change(core, from, LineState::I, e.proc_row);
    emit(e);
  }
  after_step(line);
}

void MemorySystem::evict(CoreId core, Addr addr) {
  const Cache& c = caches_[static_cast<std::size_t>(core)];
  const int way = c.find(c.line_of(addr));
  if (way >= 0) evict_way(core, way);
}

std::uint64_t MemorySystem::state_hash() const {
  Fnv1a h;
  for (std::size_t i = 0; i < caches_.size(); ++i) {
    const Cache& c = caches_[i];
    for (std::size_t w = 0; w < c.line_count(); ++w) {
      const CacheLine& l = c.line(static_cast<int>(w));
      if (l.state == LineState::I) continue;
      h.add(w);
      h.add(l.tag);
      h.add(static_cast<std::uint64_t>(l.state));
      h.add(l.lru);
      for (std::uint32_t k = 0; k < c.words_per_line(); ++k) h.add(c.data(static_cast<int>(w))[k]);
    }
    const CacheStats& s = stats_[i];
    for (std::uint64_t v : {s.reads, s.read_misses, s.writes, s.write_misses, s.writebacks, s.c2c_transfers,
                            s.interventions, s.invalidations, s.flushes, s.bus_rd, s.bus_rdx, s.bus_upgr, s.bus_upd})
      h.add(v);
  }
  // Memory is an unordered map: combine its lines order-independently.
  std::uint64_t mem = 0;
  for (const auto& [line, slot] : memory_.written_lines()) {
    Fnv1a lh;
    lh.add(line);
    for (std::uint32_t k = 0; k < memory_.words_per_line(); ++k) lh.add(memory_.line_data(slot)[k]);
    mem += lh.value();
  }
  h.add(mem);
  return h.value();
}

}  // namespace gb
