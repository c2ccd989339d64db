// The span heap under the collector (scheduler/vm/heap_spans.h): size classes, interior pointers, sweep, reuse,
// and pages given back.
#include <catch2/catch.hpp>

#include <vector>

#include "scheduler/vm/heap_spans.h"
#include "scheduler/vm/memory.h"

using gb::vm::HeapSpans;
using gb::vm::Word;

namespace {
constexpr Word kLimit = Word{1} << 28;
}  // namespace

TEST_CASE("heap spans: objects of one class share a span, and an interior address finds its object",
          "[vm][gc]") {
  HeapSpans h;
  h.reset(100);
  bool dirty = true;
  const Word a = h.alloc(3, false, dirty, kLimit, 8);
  CHECK_FALSE(dirty);
  const Word b = h.alloc(3, false, dirty, kLimit, 8);
  CHECK(a == 100);
  CHECK(b == a + 3);  // class 3: the next slot
  const auto o = h.find(b + 2);
  REQUIRE(o);
  CHECK(o->base == b);
  CHECK(o->words == 3);
  CHECK_FALSE(h.find(b + 3));  // a free slot is no object
  CHECK_FALSE(h.find(99));     // below the heap
  CHECK(h.live_objects() == 2);
  CHECK(h.size_class_words(9) == 10);
}

TEST_CASE("heap spans: sweep frees the unmarked, and allocation reuses their slots, dirty", "[vm][gc]") {
  HeapSpans h;
  h.reset(1);
  bool dirty = false;
  std::vector<Word> objs;
  for (int i = 0; i < 10; ++i) objs.push_back(h.alloc(8, true, dirty, kLimit, 8));
  for (int i = 0; i < 10; i += 2) h.mark(h.find(objs[static_cast<std::size_t>(i)])->ref);
  std::vector<Word> freed;
  h.sweep([&](Word base, std::uint64_t n) {
    CHECK(n == 8);
    freed.push_back(base);
  });
  CHECK(freed == std::vector<Word>{objs[1], objs[3], objs[5], objs[7], objs[9]});
  CHECK(h.live_objects() == 5);
  CHECK(h.live_words() == 40);
  CHECK(h.live_bytes() == 5 * 8);  // Go's sizes, as given
  // The lowest free slot comes first, and it must be zeroed.
  const Word again = h.alloc(8, true, dirty, kLimit, 8);
  CHECK(again == objs[1]);
  CHECK(dirty);
  // Marks were cleared: an unmarked survivor goes at the next sweep.
  std::size_t second = 0;
  h.sweep([&](Word, std::uint64_t) { ++second; });
  CHECK(second == 6);
  CHECK(h.live_objects() == 0);
  CHECK(h.end() == 1);  // every page came back, and the top of the heap with them
}

TEST_CASE("heap spans: a large object has pages of its own, given back for any class", "[vm][gc]") {
  HeapSpans h;
  h.reset(1);
  bool dirty = false;
  const Word small = h.alloc(1, false, dirty, kLimit, 8);
  const Word big = h.alloc(5000, false, dirty, kLimit, 8);
  CHECK(big == 1 + HeapSpans::kPageWords);  // after the first small span's page
  CHECK(h.find(big + 4999)->base == big);
  h.mark(h.find(small)->ref);
  h.sweep([](Word, std::uint64_t) {});
  CHECK(h.end() == 1 + HeapSpans::kPageWords);  // the large object's pages were the top: dropped
  // Past the limit, allocation fails rather than growing.
  CHECK(h.alloc(2 * HeapSpans::kPageWords, false, dirty, 1 + 2 * HeapSpans::kPageWords, 8) == 0);
}

TEST_CASE("memory: a swept object's words read zero when the slot is reused (flat mode)", "[vm][gc]") {
  gb::vm::Memory m(4);
  const Word a = m.allocate(5);
  m.store(a + 4, 42);
  const auto [objects, words] = m.sweep();  // nothing marked: it goes
  CHECK(objects == 1);
  CHECK(words == 5);  // class 5
  const Word b = m.allocate(5);
  CHECK(b == a);
  CHECK(m.load(b + 4) == 0);
}
