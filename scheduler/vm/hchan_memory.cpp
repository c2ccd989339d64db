// Machine mode: every channel's hchan and ring buffer also live in simulated memory, laid out as runtime/chan.go's
// hchan on amd64 (qcount, dataqsiz, buf, elemsize/closed, elemtype, sendx, recvx, recvq, sendq, lock: 96 bytes)
// with the buffer typed by the element. Each operation takes the lock word with a locked read-modify-write,
// writes the element into its slot or reads it from there (the value a receiver gets from the buffer comes back
// through its core's cache), updates qcount/sendx/recvx/closed, and releases the lock with a store. The queues of
// waiting goroutines (sudogs) stay in gb::Channel: they point into other goroutines' stacks, which we do not model
// as shared memory, like the direct stack-to-stack copy of an unbuffered handoff.
#include "scheduler/vm/hchan_layout.h"
#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

using namespace hchan;  // the field offsets (hchan_layout.h)

void Vm::hchan_make(std::uint32_t index, std::int64_t size, TypeId elem) {
  if (!mem_.machine()) return;
  if (chan_mem_.size() <= index) chan_mem_.resize(std::size_t{index} + 1);
  ChanMemory& cm = chan_mem_[index];
  cm.hchan = new_words(kHchanWords);
  cm.elem_words = prog_->types.words(elem);
  if (size > 0 && cm.elem_words > 0) cm.buf = new_typed(elem, static_cast<std::uint64_t>(size));
  note_cause(AccessKind::ChanField, index);
  mem_.store(cm.hchan + kDataqsiz, static_cast<Word>(size));
  note_cause(AccessKind::ChanField, index);
  mem_.store(cm.hchan + kBuf, cm.buf);
  note_cause(AccessKind::ChanField, index);
  mem_.store(cm.hchan + kElemtype, elem);
}

// chanlen and chancap: `c.qcount` and `c.dataqsiz` read without the lock. On the machine that is a plain load of
// the hchan's word through the reading core's cache, so len(ch) in a polling loop keeps the line shared and
// sees another core's send only once the line comes back.
Word Vm::chan_len_cap(Word handle, bool cap) {
  if (handle == 0) return 0;
  const std::size_t i = chan_index(handle);
  if (mem_.machine() && i < chan_mem_.size() && chan_mem_[i].hchan != 0) {
    note_cause(AccessKind::ChanFieldRead, static_cast<std::uint32_t>(i));
    return mem_.load(chan_mem_[i].hchan + (cap ? kDataqsiz : kQcount));
  }
  const gb::Channel& c = chan(handle);
  return cap ? c.cap() : c.len();
}

Vm::ChanState Vm::hchan_lock(Word handle) {
  ChanState s;
  const std::size_t i = chan_index(handle);
  if (!mem_.machine() || i >= chan_mem_.size() || chan_mem_[i].hchan == 0) return s;
  const gb::Channel& c = chans_[i];
  s.mirrored = true;
  s.qcount = c.len();
  s.sendx = c.sendx();
  s.recvx = c.recvx();
  s.closed = c.closed();
  s.senders = c.sendq().size();
  const Word lock = chan_mem_[i].hchan + kLock;
  const auto index = static_cast<std::uint32_t>(i);
  note_cause(AccessKind::ChanLock, index);
  mem_.load_exclusive(lock);  // lock(&c.lock): an uncontended CAS (one G runs at a time on a core)
  note_cause(AccessKind::ChanLock, index);
  mem_.store(lock, 1);
  return s;
}

void Vm::hchan_unlock(Word handle, const ChanState& before, ChanOp op, const Word* sent, Word* received) {
  if (!before.mirrored) return;
  const std::size_t i = chan_index(handle);
  const gb::Channel& c = chans_[i];
  const ChanMemory& cm = chan_mem_[i];
  const std::uint32_t ew = cm.elem_words;
  auto slot = [&](std::uint32_t x) { return cm.buf + Word{x} * ew; };
  const auto index = static_cast<std::uint32_t>(i);
  if (cm.buf != 0 && ew != 0) {
    if (op == ChanOp::Send && c.len() == before.qcount + 1) {
      note_cause(AccessKind::ChanSlotWrite, index);
      mem_.store_n(slot(before.sendx), sent, ew);  // typedmemmove(c.elemtype, chanbuf(c, c.sendx), ep)
    } else if (op == ChanOp::Recv && before.qcount > 0 && received != nullptr) {
      note_cause(AccessKind::ChanSlotRead, index);
      mem_.load_n(slot(before.recvx), received, ew);  // the value comes back from the receiver's cache
      if (before.senders > 0 && c.len() == before.qcount) {
        // recv from a full buffer with a sender waiting: the sender's value goes into the slot just emptied.
        const std::vector<Word> moved = c.slot(before.recvx);
        note_cause(AccessKind::ChanSlotWrite, index);
        mem_.store_n(slot(before.recvx), moved.data(), ew);
      }
    }
  }
  auto field = [&](std::uint32_t offset, Word value) {
    note_cause(AccessKind::ChanField, index);
    mem_.store(cm.hchan + offset, value);
  };
  if (c.len() != before.qcount) field(kQcount, c.len());
  if (c.sendx() != before.sendx) field(kSendx, c.sendx());
  if (c.recvx() != before.recvx) field(kRecvx, c.recvx());
  if (c.closed() != before.closed) field(kClosed, 1);
  note_cause(AccessKind::ChanUnlock, index);
  mem_.load_exclusive(cm.hchan + kLock);  // unlock(&c.lock) is an atomic exchange: XCHG, never buffered
  note_cause(AccessKind::ChanUnlock, index);
  mem_.store(cm.hchan + kLock, 0);
}

}  // namespace gb::vm
