// The clocked loop: cores advance through hits, compute and store-buffer work on their own, and meet at the bus.
#include "timed_machine.h"

#include <limits>

namespace gb {

TimedMachine::TimedMachine(MemorySystem& memory, const TimedConfig& config, Chooser& chooser)
    : memory_(memory),
      config_(config),
      chooser_(chooser),
      pending_(static_cast<std::size_t>(memory.cores())),
      buffers_(static_cast<std::size_t>(memory.cores()), StoreBuffer(config.store_buffer_capacity)),
      ready_(static_cast<std::size_t>(memory.cores()), 0),
      timing_(static_cast<std::size_t>(memory.cores())),
      regs_(static_cast<std::size_t>(memory.cores())),
      done_(static_cast<std::size_t>(memory.cores()), false) {
  for (auto& r : regs_) r.fill(0);
}

TimedMachine::Action TimedMachine::action_for(CoreId c) const {
  const MicroOp& op = pending_[static_cast<std::size_t>(c)].op;
  Action a;
  a.memory = true;
  a.addr = op.addr;
  a.value = op.value;
  a.proc = op.kind == OpKind::Load ? ProcOp::Read : ProcOp::Write;
  a.add = op.kind == OpKind::Rmw;
  return a;
}

void TimedMachine::complete(CoreId c, const Action& a, const AccessResult& r) {
  const std::size_t i = static_cast<std::size_t>(c);
  if (a.drain) {
    buffers_[i].pop();
    ++timing_[i].drains;
    return;
  }
  Pending& p = pending_[i];
  CoreTiming& t = timing_[i];
  switch (p.op.kind) {
    case OpKind::Load: ++t.loads; break;
    case OpKind::Store: ++t.stores; break;
    case OpKind::Rmw: ++t.rmws; break;
    default: break;
  }
  set_reg(i, p.op.reg, r.value);
  p.has_op = false;
  ++ops_done_;
}

std::optional<TimedMachine::Action> TimedMachine::advance(CoreId c, Cycle now, OpStream& streams) {
  const std::size_t i = static_cast<std::size_t>(c);
  Pending& p = pending_[i];
  StoreBuffer& sb = buffers_[i];
  CoreTiming& t = timing_[i];
  const Latencies& lat = config_.latencies;
  for (;;) {
    if (!p.has_op && !p.ended) {
      if (streams.next(c, p.op)) {
        p.has_op = true;
      } else {
        p.ended = true;
      }
    }
    Action a;
    if (!p.has_op) {  // the stream has ended; what is left is the store buffer
      if (sb.empty()) {
        done_[i] = true;
        t.finish = now;
        return std::nullopt;
      }
      a.drain = true;
    } else {
      const MicroOp& op = p.op;
      const bool buffered = config_.store_buffers && !sb.empty();
      switch (op.kind) {
        case OpKind::Compute:
          if (buffered) {  // an idle core drains its buffer before it computes
            a.drain = true;
            break;
          }
          ready_[i] = now + op.cycles;
          t.compute_cycles += op.cycles;
          ++t.computes;
          p.has_op = false;
          ++ops_done_;
          return std::nullopt;
        case OpKind::Fence:
          if (buffered) {
            a.drain = true;
            break;
          }
          ++t.fences;
          p.has_op = false;
          ++ops_done_;
          continue;  // a fence with an empty buffer costs nothing
        case OpKind::Rmw:
          if (buffered) {
            a.drain = true;
            break;
          }
          a = action_for(c);
          break;
        case OpKind::Load:
          if (buffered) {
            if (auto v = sb.forward(op.addr)) {
              set_reg(i, op.reg, *v);
              ++t.loads;
              ++t.forwarded_loads;
              p.has_op = false;
              ++ops_done_;
              ready_[i] = now + lat.hit;
              return std::nullopt;
            }
          }
          a = action_for(c);
          break;
        case OpKind::Store:
          if (config_.store_buffers) {
            if (sb.full()) {
              a.drain = true;
              break;
            }
            sb.push(op.addr, op.value);
            ++t.stores;
            p.has_op = false;
            ++ops_done_;
            ready_[i] = now + lat.hit;
            return std::nullopt;
          }
          a = action_for(c);
          break;
      }
    }
    if (a.drain) {
      a.memory = true;
      a.proc = ProcOp::Write;
      a.addr = sb.oldest().addr;
      a.value = sb.oldest().value;
    }
    memory_.set_cycle(now);
    const std::optional<AccessResult> r = memory_.access_local(c, a.proc, a.addr, a.value, a.add);
    if (!r) return a;  // needs the bus
    complete(c, a, *r);
    ready_[i] = now + lat.hit;
    return std::nullopt;
  }
}

void TimedMachine::grant(CoreId winner, const Action& action, Cycle now) {
  memory_.set_cycle(now);
  const AccessResult r = memory_.access(winner, action.proc, action.addr, action.value, action.add);
  const std::uint32_t lat = transaction_latency(config_.latencies, r, memory_.cache(0).words_per_line());
  ++grants_;
  bus_free_ = now + lat;
  bus_busy_ += lat;
  const std::size_t wi = static_cast<std::size_t>(winner);
  timing_[wi].memory_stall_cycles += lat;
  ready_[wi] = now + lat + config_.latencies.hit;
  complete(winner, action, r);
}

void TimedMachine::wait_for_bus(CoreId core, Cycle now) {
  const std::size_t i = static_cast<std::size_t>(core);
  timing_[i].bus_wait_cycles += bus_free_ - now;
  ready_[i] = bus_free_;
}

Cycle TimedMachine::run(OpStream& streams, const std::function<void(std::uint64_t)>& progress) {
  const int n = memory_.cores();
  constexpr Cycle kNever = std::numeric_limits<Cycle>::max();
  std::array<std::pair<CoreId, Action>, kMaxCores> wanting;
  std::uint64_t next_report = 1u << 20;
  Cycle last = 0;
  for (;;) {
    // The earliest time any core is ready, how many cores are ready then, and the next time after it.
    Cycle now = kNever, after = kNever;
    int first = -1, at_now = 0;
    for (int c = 0; c < n; ++c) {
      const std::size_t i = static_cast<std::size_t>(c);
      if (done_[i]) continue;
      if (ready_[i] < now) {
        after = now;
        now = ready_[i];
        first = c;
        at_now = 1;
      } else if (ready_[i] == now) {
        ++at_now;
      } else if (ready_[i] < after) {
        after = ready_[i];
      }
    }
    if (now == kNever || memory_.violation()) break;
    last = now;
    if (progress && ops_done_ >= next_report) {
      progress(ops_done_);
      next_report = ops_done_ + (1u << 20);
    }
    if (at_now == 1) {
      // One core alone is earliest: it runs on, without contention, until another core's time comes. This is
      // the same order the general step below would produce, taken in one stretch.
      const std::size_t i = static_cast<std::size_t>(first);
      do {
        if (auto a = advance(first, now, streams)) {
          if (bus_free_ <= now) {
            grant(first, *a, now);
          } else {
            wait_for_bus(first, now);
          }
        }
        now = ready_[i];
      } while (!done_[i] && now < after && !memory_.violation());
      continue;
    }
    std::size_t waiting = 0;
    for (int c = 0; c < n; ++c) {
      const std::size_t i = static_cast<std::size_t>(c);
      if (done_[i] || ready_[i] != now) continue;
      if (auto a = advance(c, now, streams)) wanting[waiting++] = {c, *a};
    }
    if (waiting == 0) continue;
    if (bus_free_ > now) {  // the bus is busy: everyone waiting retries when it frees
      for (std::size_t w = 0; w < waiting; ++w) wait_for_bus(wanting[w].first, now);
      continue;
    }
    std::size_t pick = 0;
    if (waiting > 1) {
      pick = chooser_.choose(waiting, ChoiceKind::BusArbitration);
      ++contended_;
    }
    grant(wanting[pick].first, wanting[pick].second, now);
    for (std::size_t w = 0; w < waiting; ++w)
      if (w != pick) wait_for_bus(wanting[w].first, now);
  }
  if (progress) progress(ops_done_);
  Cycle finish = last;
  for (const CoreTiming& t : timing_) finish = std::max(finish, t.finish);
  return finish;
}

}  // namespace gb
