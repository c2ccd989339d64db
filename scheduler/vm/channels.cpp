// Channel operations and select for the interpreter, over gb::Channel (runtime/chan.go) and runtime/select.go's
// selectgo: nil channels block forever, woken partners go to the waker's runnext, select locks its channels in
// hchan address order (sellock), polls its cases in a random order from the Chooser, takes the first ready one,
// else the default, else waits on all of them. Simplified: the hchan in simulated memory (machine mode) is kept
// in step with gb::Channel and written as chan.go writes it, but the operations decide from gb::Channel's C++
// state, not from loads of qcount/closed/sendq (only len and cap read the hchan); the sudog queues live in
// gb::Channel; selectgo's pass 3 (dequeuing the losing cases) is done at once by the waker, without the woken
// G's second sellock; and chan.go's lock-free fast paths of non-blocking operations (a select with a default)
// still take the lock.
#include <algorithm>
#include <iterator>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

Word Vm::make_chan(std::int64_t size, TypeId elem) {
  const std::uint32_t words = prog_->types.words(elem);
  if (size < 0 || static_cast<std::uint64_t>(size) * std::max<std::uint32_t>(words, 1) > (std::uint64_t{1} << 28))
    throw_plain_error("makechan: size out of range");
  chans_.emplace_back(static_cast<std::uint32_t>(size), words);
  chan_origin_.push_back(made_at());
  hchan_make(static_cast<std::uint32_t>(chans_.size() - 1), size, elem);
  return Word{chans_.size()} | kChanTag;
}

bool Vm::chan_send(Word ch, const Word* value) {
  GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  if (ch == 0) {
    g.wait.kind = WaitKind::Forever;
    park(wait_reason::kChanSendNil);
    return false;
  }
  gb::Channel& c = chan(ch);
  note_chan_op(ch, ChanOp::Send, cur_g_);
  scratch_.assign(value, value + c.elem_words());
  const ChanState before = hchan_lock(ch);
  const std::uint32_t sendx = c.sendx(), recvx = c.recvx();
  const auto out = c.send(cur_g_, scratch_, true);
  hchan_unlock(ch, before, ChanOp::Send, scratch_.data(), nullptr);
  if (race_ && out.status != gb::ChanStatus::Panic) race_chan_send(ch, out, sendx, recvx);
  switch (out.status) {
    case gb::ChanStatus::Done:
    case gb::ChanStatus::WouldBlock:
      wake(c, out.wake, cur_p_);
      return true;
    case gb::ChanStatus::Parked:
      g.wait = Wait{};
      g.wait.kind = WaitKind::ChanSend;
      park(wait_reason::kChanSend);
      return false;
    case gb::ChanStatus::Panic:
      throw_plain_error(out.panic_message);
  }
  return true;
}

bool Vm::chan_recv(Word ch, std::uint32_t dst, std::uint32_t ok) {
  GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  if (ch == 0) {
    g.wait.kind = WaitKind::Forever;
    park(wait_reason::kChanReceiveNil);
    return false;
  }
  gb::Channel& c = chan(ch);
  note_chan_op(ch, ChanOp::Recv, cur_g_);
  const ChanState before = hchan_lock(ch);
  const std::uint32_t recvx = c.recvx();
  const auto out = c.recv(cur_g_, scratch_, true);
  if (race_ && out.status == gb::ChanStatus::Done) race_chan_recv(ch, out, recvx);
  hchan_unlock(ch, before, ChanOp::Recv, nullptr, out.status == gb::ChanStatus::Done ? scratch_.data() : nullptr);
  switch (out.status) {
    case gb::ChanStatus::Done:
    case gb::ChanStatus::WouldBlock: {
      std::copy(scratch_.begin(), scratch_.end(), g.stack.begin() + dst);
      if (ok != kNoSlot) g.stack[ok] = out.received ? 1 : 0;
      wake(c, out.wake, cur_p_);
      return true;
    }
    case gb::ChanStatus::Parked:
      g.wait = Wait{};
      g.wait.kind = WaitKind::ChanRecv;
      g.wait.dst = dst;
      g.wait.ok = ok;
      park(wait_reason::kChanReceive);
      return false;
    case gb::ChanStatus::Panic:
      throw_plain_error(out.panic_message);
  }
  return true;
}

void Vm::chan_close(Word ch) {
  if (ch == 0) throw_plain_error("close of nil channel");
  gb::Channel& c = chan(ch);
  note_chan_op(ch, ChanOp::Close, cur_g_);
  const ChanState before = hchan_lock(ch);
  const auto out = c.close();
  hchan_unlock(ch, before, ChanOp::Close, nullptr, nullptr);
  if (out.status == gb::ChanStatus::Panic) throw_plain_error(out.panic_message);
  if (race_) race_close(ch, out.wake);
  wake(c, out.wake, cur_p_);
}

bool Vm::select(std::uint32_t table, std::uint32_t base, std::uint32_t dst) {
  const SelectTable& t = prog_->selects[table];
  GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  auto slot = [&](std::uint32_t i) -> Word& { return g.stack[std::size_t{base} + i]; };
  if (t.cases.empty()) {
    if (t.has_default) {
      slot(dst) = static_cast<Word>(std::int64_t{-1});
      return true;
    }
    g.wait.kind = WaitKind::Forever;
    park(wait_reason::kSelectNoCases);
    return false;
  }
  // pollorder: selectgo's inside-out shuffle over the non-nil cases.
  std::vector<std::uint32_t>& order = select_order_;
  order.clear();
  for (std::uint32_t i = 0; i < t.cases.size(); ++i) {
    if (slot(t.cases[i].chan) == 0) continue;
    const auto j = static_cast<std::uint32_t>(chooser_.choose(order.size() + 1, ChoiceKind::Other));
    order.push_back(0);
    order.back() = order[j];
    order[j] = i;
  }
  // lockorder and sellock: every channel locked once, in hchan address order, for the whole of passes 1 and 2.
  const std::vector<std::uint32_t> lockorder = select_lock_order(order, base, t);
  std::vector<ChanState> before(t.cases.size());
  sellock(lockorder, base, t, before);
  // selunlock in reverse lock order; the channel of the case that completed writes what it changed in its hchan.
  auto selunlock = [&](std::int64_t chosen, ChanOp op, const Word* sent, Word* received) {
    for (auto it = lockorder.rbegin(); it != lockorder.rend(); ++it) {
      const Word h = slot(t.cases[*it].chan);
      if (std::next(it) != lockorder.rend() && slot(t.cases[*std::next(it)].chan) == h) continue;  // a duplicate
      const bool mine = chosen >= 0 && slot(t.cases[static_cast<std::size_t>(chosen)].chan) == h;
      hchan_unlock(h, before[*it], op, mine ? sent : nullptr, mine ? received : nullptr);
    }
  };
  // Pass 1: the first ready case in poll order wins.
  for (const std::uint32_t i : order) {
    const SelectCase& sc = t.cases[i];
    gb::Channel& c = chan(slot(sc.chan));
    if (sc.send) {
      scratch_.assign(&slot(sc.value), &slot(sc.value) + c.elem_words());
      const std::uint32_t sendx = c.sendx(), recvx = c.recvx();
      const auto out = c.send(cur_g_, scratch_, false);
      if (out.status != gb::ChanStatus::Done && out.status != gb::ChanStatus::Panic) continue;
      if (race_ && out.status == gb::ChanStatus::Done) race_chan_send(slot(sc.chan), out, sendx, recvx);
      selunlock(i, ChanOp::Send, scratch_.data(), nullptr);
      note_chan_op(slot(sc.chan), ChanOp::Send, cur_g_);  // chosen: a send on a closed channel panics
      if (out.status == gb::ChanStatus::Panic) throw_plain_error(out.panic_message);
      slot(dst) = i;
      wake(c, out.wake, cur_p_);
      return true;
    }
    const std::uint32_t recvx = c.recvx();
    const auto out = c.recv(cur_g_, scratch_, false);
    if (out.status != gb::ChanStatus::Done) continue;
    if (race_) race_chan_recv(slot(sc.chan), out, recvx);
    selunlock(i, ChanOp::Recv, nullptr, scratch_.data());
    note_chan_op(slot(sc.chan), ChanOp::Recv, cur_g_);
    if (sc.value != kNoSlot)
      std::copy(scratch_.begin(), scratch_.end(), g.stack.begin() + base + sc.value);
    if (sc.ok != kNoSlot) slot(sc.ok) = out.received ? 1 : 0;
    slot(dst) = i;
    wake(c, out.wake, cur_p_);
    return true;
  }
  if (t.has_default) {
    selunlock(-1, ChanOp::Recv, nullptr, nullptr);
    slot(dst) = static_cast<Word>(std::int64_t{-1});
    return true;
  }
  // Pass 2: wait on every case, enqueued in lock order (as selectgo does).
  for (const std::uint32_t i : lockorder) {
    const SelectCase& sc = t.cases[i];
    gb::Channel& c = chan(slot(sc.chan));
    if (sc.send) {
      scratch_.assign(&slot(sc.value), &slot(sc.value) + c.elem_words());
      c.enqueue_send(cur_g_, scratch_, i);
    } else {
      c.enqueue_recv(cur_g_, i);
    }
  }
  selunlock(-1, ChanOp::Recv, nullptr, nullptr);  // selparkcommit unlocks them as the G parks
  g.wait = Wait{};
  g.wait.kind = order.empty() ? WaitKind::Forever : WaitKind::Select;
  g.wait.select = table;
  g.wait.base = base;
  g.wait.dst = base + dst;
  park(wait_reason::kSelect);
  return false;
}

// selectgo's lockorder: the non-nil cases sorted by their hchan's address (the channel's handle off the machine,
// which orders channels by creation as their addresses do). Simplified: cases on one channel keep poll order
// where selectgo's heap sort may permute them; that only matters to the order a select waits on one channel twice.
std::vector<std::uint32_t> Vm::select_lock_order(const std::vector<std::uint32_t>& pollorder, std::uint32_t base,
                                                 const SelectTable& t) const {
  const GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  auto key = [&](std::uint32_t i) {
    const Word h = g.stack[std::size_t{base} + t.cases[i].chan];
    const std::size_t c = chan_index(h);
    return c < chan_mem_.size() && chan_mem_[c].hchan != 0 ? chan_mem_[c].hchan : h;
  };
  std::vector<std::uint32_t> lockorder = pollorder;
  std::stable_sort(lockorder.begin(), lockorder.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  return lockorder;
}

// sellock: each distinct channel's lock once, in lock order; `before[i]` is case i's channel as it was locked.
void Vm::sellock(const std::vector<std::uint32_t>& lockorder, std::uint32_t base, const SelectTable& t,
                 std::vector<ChanState>& before) {
  const GState& g = gs_[static_cast<std::size_t>(cur_g_)];
  Word last = 0;
  ChanState last_state;
  for (const std::uint32_t i : lockorder) {
    const Word h = g.stack[std::size_t{base} + t.cases[i].chan];
    if (h != last) {
      last = h;
      last_state = hchan_lock(h);
    }
    before[i] = last_state;
  }
}

}  // namespace gb::vm
