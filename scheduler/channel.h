// A Go channel as runtime/chan.go keeps it: a ring buffer with sendx/recvx, and FIFO queues of waiting senders
// and receivers (sudogs). Operations say what happened and which goroutines to ready; the scheduler parks and
// readies them. A nil channel is the caller's case (it blocks forever), as in chansend/chanrecv's first lines.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coherence/types.h"
#include "g_status.h"

namespace gb {

// A goroutine waiting on a channel, with the element it sends or the slot it receives into.
struct Sudog {
  GId g = kNoG;
  std::vector<Word> elem;
  bool success = false;  // set by the partner that completes the operation; false when woken by close
  std::uint32_t tag = 0;  // the caller's label (select: the case index), returned with the completion
};

enum class ChanStatus : std::uint8_t {
  Done,         // completed without blocking
  WouldBlock,   // non-blocking operation (select with default) could not proceed; nothing changed
  Parked,       // the G was queued; park it with the given wait reason
  Panic,        // Go panics with `panic_message`
};

struct ChanOutcome {
  ChanStatus status = ChanStatus::Done;
  std::string_view panic_message;  // "send on closed channel", "close of closed channel"
  bool received = false;           // recv: a real value (false: the zero value of a closed channel)
  std::vector<GId> wake;           // goroutines to goready, in order
};

// What a parked goroutine finds when it runs again.
struct ChanCompletion {
  bool success = false;     // send: false means the channel was closed (it panics); recv: ok
  std::vector<Word> elem;   // recv: the value (zero if !success)
  std::uint32_t tag = 0;    // the tag given to send/recv when the G was queued
};

class Channel {
 public:
  Channel(std::uint32_t capacity, std::uint32_t elem_words);

  // `tag` labels the sudog if the G is queued (select passes its case index) and comes back in its completion.
  ChanOutcome send(GId g, const std::vector<Word>& value, bool block, std::uint32_t tag = 0);
  // On Done, `out` holds the value (or zeros from a closed, drained channel).
  ChanOutcome recv(GId g, std::vector<Word>& out, bool block, std::uint32_t tag = 0);
  ChanOutcome close();
  // Collects the result of a completed wait of `g` (after it was readied); nullopt if it was not completed.
  std::optional<ChanCompletion> take_completion(GId g);
  // Select's pass 2: queue `g` as a waiting sender/receiver without trying the operation (pass 1 found nothing
  // ready; a select may wait to send and to receive on the same channel).
  void enqueue_send(GId g, const std::vector<Word>& value, std::uint32_t tag) { sendq_.push_back(Sudog{g, value, false, tag}); }
  void enqueue_recv(GId g, std::uint32_t tag) { recvq_.push_back(Sudog{g, {}, false, tag}); }
  // Removes every sudog and uncollected completion of `g` (select's pass 3: the cases that lost).
  void remove_waiter(GId g);
  std::uint32_t elem_words() const { return elem_words_; }
  // Calls f on every word the channel holds: its buffer, the values of waiting senders, uncollected receipts
  // (the collector's roots).
  template <typename F>
  void visit_words(F&& f) const {
    for (const Word w : buffer_) f(w);
    for (const Sudog& s : sendq_)
      for (const Word w : s.elem) f(w);
    for (const Sudog& s : completed_)
      for (const Word w : s.elem) f(w);
  }

  std::uint32_t len() const { return qcount_; }
  std::uint32_t cap() const { return capacity_; }
  bool closed() const { return closed_; }
  std::uint32_t sendx() const { return sendx_; }
  std::uint32_t recvx() const { return recvx_; }
  const std::deque<Sudog>& sendq() const { return sendq_; }
  const std::deque<Sudog>& recvq() const { return recvq_; }
  // The element in buffer slot `i` (for display).
  std::vector<Word> slot(std::uint32_t i) const;

  // hchan's invariants: not both queues waiting; a buffered channel with data has no receivers waiting, and one
  // with room has no senders waiting.
  std::optional<std::string> check_invariants() const;

 private:
  // data() + offset rather than &buffer_[...]: a chan struct{} has an empty buffer, and indexing it is undefined.
  Word* buf(std::uint32_t i) { return buffer_.data() + static_cast<std::size_t>(i) * elem_words_; }
  void complete(Sudog&& s);

  std::uint32_t capacity_;
  std::uint32_t elem_words_;
  std::vector<Word> buffer_;
  std::uint32_t qcount_ = 0;
  std::uint32_t sendx_ = 0;
  std::uint32_t recvx_ = 0;
  bool closed_ = false;
  std::deque<Sudog> sendq_;
  std::deque<Sudog> recvq_;
  std::vector<Sudog> completed_;  // woken waiters whose results their goroutines have not collected yet
};

}  // namespace gb
