// chansend, chanrecv and closechan of runtime/chan.go, step for step, over plain data.
#include "channel.h"

#include <algorithm>

#include <fmt/format.h>

namespace gb {

Channel::Channel(std::uint32_t capacity, std::uint32_t elem_words)
    : capacity_(capacity), elem_words_(elem_words), buffer_(static_cast<std::size_t>(capacity) * elem_words, 0) {}

void Channel::complete(Sudog&& s) { completed_.push_back(std::move(s)); }

ChanOutcome Channel::send(GId g, const std::vector<Word>& value, bool block, std::uint32_t tag) {
  ChanOutcome out;
  // Fast path of a non-blocking send: open and full means no.
  if (!block && !closed_ && ((capacity_ == 0 && recvq_.empty()) || (capacity_ > 0 && qcount_ == capacity_))) {
    out.status = ChanStatus::WouldBlock;
    return out;
  }
  if (closed_) {
    out.status = ChanStatus::Panic;
    out.panic_message = "send on closed channel";
    return out;
  }
  if (!recvq_.empty()) {  // direct handoff to the first waiting receiver
    Sudog r = std::move(recvq_.front());
    recvq_.pop_front();
    r.elem = value;
    r.success = true;
    out.wake.push_back(r.g);
    complete(std::move(r));
    return out;
  }
  if (qcount_ < capacity_) {
    std::copy(value.begin(), value.end(), buf(sendx_));
    if (++sendx_ == capacity_) sendx_ = 0;
    ++qcount_;
    return out;
  }
  if (!block) {
    out.status = ChanStatus::WouldBlock;
    return out;
  }
  sendq_.push_back(Sudog{g, value, false, tag});
  out.status = ChanStatus::Parked;
  return out;
}

ChanOutcome Channel::recv(GId g, std::vector<Word>& value, bool block, std::uint32_t tag) {
  ChanOutcome out;
  value.assign(elem_words_, 0);
  // Fast path of a non-blocking receive: empty and open means no (empty is checked before closed, as Go does).
  const bool empty = capacity_ == 0 ? sendq_.empty() : qcount_ == 0;
  if (!block && empty && !closed_) {
    out.status = ChanStatus::WouldBlock;
    return out;
  }
  if (closed_ && qcount_ == 0) {  // a closed channel still delivers its buffered values first
    out.received = false;
    return out;
  }
  if (!sendq_.empty()) {
    Sudog s = std::move(sendq_.front());
    sendq_.pop_front();
    if (capacity_ == 0) {
      value = s.elem;  // unbuffered: straight from the sender
    } else {
      // Full buffer: take the head, put the sender's value in the freed slot; the ring turns by one.
      std::copy_n(buf(recvx_), elem_words_, value.begin());
      std::copy(s.elem.begin(), s.elem.end(), buf(recvx_));
      if (++recvx_ == capacity_) recvx_ = 0;
      sendx_ = recvx_;
    }
    s.success = true;
    out.received = true;
    out.wake.push_back(s.g);
    complete(std::move(s));
    return out;
  }
  if (qcount_ > 0) {
    std::copy_n(buf(recvx_), elem_words_, value.begin());
    std::fill_n(buf(recvx_), elem_words_, Word{0});
    if (++recvx_ == capacity_) recvx_ = 0;
    --qcount_;
    out.received = true;
    return out;
  }
  if (!block) {
    out.status = ChanStatus::WouldBlock;
    return out;
  }
  recvq_.push_back(Sudog{g, {}, false, tag});
  out.status = ChanStatus::Parked;
  return out;
}

ChanOutcome Channel::close() {
  ChanOutcome out;
  if (closed_) {
    out.status = ChanStatus::Panic;
    out.panic_message = "close of closed channel";
    return out;
  }
  closed_ = true;
  // Every receiver gets the zero value with ok = false; every sender will panic. closechan collects them in a
  // gList (receivers, then senders) and readies them as it pops it, last in first out: `wake` is that order.
  while (!recvq_.empty()) {
    Sudog r = std::move(recvq_.front());
    recvq_.pop_front();
    r.elem.assign(elem_words_, 0);
    r.success = false;
    out.wake.push_back(r.g);
    complete(std::move(r));
  }
  while (!sendq_.empty()) {
    Sudog s = std::move(sendq_.front());
    sendq_.pop_front();
    s.success = false;
    out.wake.push_back(s.g);
    complete(std::move(s));
  }
  std::reverse(out.wake.begin(), out.wake.end());
  return out;
}

std::optional<ChanCompletion> Channel::take_completion(GId g) {
  const auto it = std::find_if(completed_.begin(), completed_.end(), [&](const Sudog& s) { return s.g == g; });
  if (it == completed_.end()) return std::nullopt;
  ChanCompletion c{it->success, std::move(it->elem), it->tag};
  completed_.erase(it);
  return c;
}

void Channel::remove_waiter(GId g) {
  auto mine = [g](const Sudog& s) { return s.g == g; };
  sendq_.erase(std::remove_if(sendq_.begin(), sendq_.end(), mine), sendq_.end());
  recvq_.erase(std::remove_if(recvq_.begin(), recvq_.end(), mine), recvq_.end());
  completed_.erase(std::remove_if(completed_.begin(), completed_.end(), mine), completed_.end());
}

std::vector<Word> Channel::slot(std::uint32_t i) const {
  const auto* p = buffer_.data() + static_cast<std::size_t>(i) * elem_words_;
  return std::vector<Word>(p, p + elem_words_);
}

std::optional<std::string> Channel::check_invariants() const {
  if (!sendq_.empty() && !recvq_.empty()) return std::string("senders and receivers wait at the same time");
  if (capacity_ > 0 && qcount_ > 0 && !recvq_.empty())
    return fmt::format("{} buffered values but {} receivers waiting", qcount_, recvq_.size());
  if (capacity_ > 0 && qcount_ < capacity_ && !sendq_.empty())
    return fmt::format("room in the buffer ({} of {}) but {} senders waiting", qcount_, capacity_, sendq_.size());
  if (qcount_ > capacity_) return fmt::format("{} values in a buffer of {}", qcount_, capacity_);
  if (capacity_ > 0 && (sendx_ >= capacity_ || recvx_ >= capacity_)) return std::string("ring index out of range");
  if (capacity_ > 0 && (recvx_ + qcount_) % capacity_ != sendx_)
    return fmt::format("recvx {} + qcount {} does not reach sendx {}", recvx_, qcount_, sendx_);
  return std::nullopt;
}

}  // namespace gb
