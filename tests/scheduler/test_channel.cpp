// Channels as runtime/chan.go runs them: direct handoff, the ring, the full-buffer turn, close, and the panics.
#include <catch2/catch.hpp>

#include "scheduler/channel.h"
#include "scheduler/scheduler.h"

using namespace gb;

namespace {
std::vector<Word> v(Word x) { return {x}; }
void check(const Channel& c) {
  if (auto bad = c.check_invariants()) FAIL(*bad);
}
}  // namespace

TEST_CASE("unbuffered: a receiver waits, a sender hands its value over directly", "[chan]") {
  Channel c(0, 1);
  std::vector<Word> got;
  CHECK(c.recv(2, got, true).status == ChanStatus::Parked);
  check(c);
  const ChanOutcome s = c.send(3, v(42), true);
  CHECK(s.status == ChanStatus::Done);
  CHECK(s.wake == std::vector<GId>{2});
  const auto done = c.take_completion(2);
  REQUIRE(done);
  CHECK(done->success);
  CHECK(done->elem == v(42));
  CHECK_FALSE(c.take_completion(2));
  check(c);
}

TEST_CASE("unbuffered: a sender waits until a receiver takes its value", "[chan]") {
  Channel c(0, 1);
  CHECK(c.send(2, v(7), true).status == ChanStatus::Parked);
  std::vector<Word> got;
  const ChanOutcome r = c.recv(3, got, true);
  CHECK(r.status == ChanStatus::Done);
  CHECK(r.received);
  CHECK(got == v(7));
  CHECK(r.wake == std::vector<GId>{2});
  CHECK(c.take_completion(2)->success);
}

TEST_CASE("buffered: FIFO through the ring, len and cap", "[chan]") {
  Channel c(3, 1);
  for (Word x = 1; x <= 3; ++x) CHECK(c.send(1, v(x), true).status == ChanStatus::Done);
  CHECK(c.len() == 3);
  CHECK(c.cap() == 3);
  CHECK(c.send(1, v(4), false).status == ChanStatus::WouldBlock);  // select with default
  std::vector<Word> got;
  c.recv(1, got, true);
  CHECK(got == v(1));
  c.send(1, v(4), true);  // wraps around: sendx back to 0
  CHECK(c.sendx() == 1);
  for (Word x = 2; x <= 4; ++x) {
    c.recv(1, got, true);
    CHECK(got == v(x));
    check(c);
  }
  CHECK(c.recv(1, got, false).status == ChanStatus::WouldBlock);
}

TEST_CASE("buffered and full with a waiting sender: recv takes the head and the sender's value takes its slot",
          "[chan]") {
  Channel c(2, 1);
  c.send(1, v(10), true);
  c.send(1, v(11), true);
  CHECK(c.send(5, v(12), true).status == ChanStatus::Parked);
  check(c);
  std::vector<Word> got;
  const ChanOutcome r = c.recv(1, got, true);
  CHECK(got == v(10));
  CHECK(r.wake == std::vector<GId>{5});
  CHECK(c.len() == 2);
  CHECK(c.recvx() == 1);
  CHECK(c.sendx() == 1);  // sendx = recvx: the ring turned by one
  CHECK(c.slot(0) == v(12));
  check(c);
  c.recv(1, got, true);
  CHECK(got == v(11));
  c.recv(1, got, true);
  CHECK(got == v(12));
}

TEST_CASE("close: buffered values still arrive, then zero values with ok=false, waiters are released", "[chan]") {
  Channel c(2, 1);
  c.send(1, v(9), true);
  CHECK(c.close().status == ChanStatus::Done);
  std::vector<Word> got;
  ChanOutcome r = c.recv(1, got, true);
  CHECK(r.received);
  CHECK(got == v(9));
  r = c.recv(1, got, true);
  CHECK(r.status == ChanStatus::Done);
  CHECK_FALSE(r.received);
  CHECK(got == v(0));

  Channel u(0, 1);
  std::vector<Word> slot;
  u.recv(2, slot, true);
  u.recv(3, slot, true);
  u.recv(5, slot, true);
  const ChanOutcome cl = u.close();
  // closechan pushes the waiters on a gList in queue order and readies them as it pops it: last queued first.
  CHECK(cl.wake == std::vector<GId>{5, 3, 2});
  CHECK_FALSE(u.take_completion(2)->success);

  Channel s(0, 1);
  s.send(4, v(1), true);
  CHECK(s.close().wake == std::vector<GId>{4});
  CHECK_FALSE(s.take_completion(4)->success);  // the woken sender panics: send on closed channel
}

TEST_CASE("the channel panics carry Go's exact words", "[chan][panic]") {
  Channel c(1, 1);
  c.close();
  const ChanOutcome s = c.send(1, v(1), true);
  CHECK(s.status == ChanStatus::Panic);
  CHECK(s.panic_message == "send on closed channel");
  const ChanOutcome again = c.close();
  CHECK(again.status == ChanStatus::Panic);
  CHECK(again.panic_message == "close of closed channel");
}

TEST_CASE("a woken receiver lands in the waker's runnext, so ping-pong alternates on one P", "[chan][sched]") {
  FirstChooser chooser;
  Scheduler s(1, chooser);
  const GId main = s.start_main();
  s.execute(0, *s.find_runnable(0));
  Channel c(0, 1);
  const GId worker = s.go(0);
  std::vector<Word> got;
  REQUIRE(c.recv(main, got, true).status == ChanStatus::Parked);
  s.park(0, "chan receive");
  s.execute(0, *s.find_runnable(0));  // the worker
  const ChanOutcome out = c.send(worker, v(1), true);
  for (GId g : out.wake) s.ready(g, 0);
  CHECK(s.p(0).runq.runnext() == main);
  s.exit(0);
  const auto f = s.find_runnable(0);
  REQUIRE(f);
  CHECK(f->g == main);
  CHECK(f->inherit_time);
  s.execute(0, *f);
  CHECK(c.take_completion(main)->elem == v(1));
  CHECK_FALSE(s.check_invariants());
}
