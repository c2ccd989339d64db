// The append-only record log: indexable and iterable like a vector, copies share full chunks, and writing an
// entry of a shared chunk gives the writer its own copy of that chunk (the other copy is unchanged).
#include <catch2/catch.hpp>

#include "scheduler/vm/append_log.h"

using gb::vm::AppendLog;

TEST_CASE("append log: indexes and iterates across chunks, copies share and copy on write", "[vm][append_log]") {
  AppendLog<int> log;
  CHECK(log.empty());
  const int n = static_cast<int>(AppendLog<int>::kChunk) * 2 + 17;
  for (int i = 0; i < n; ++i) log.push_back(i);
  REQUIRE(log.size() == static_cast<std::size_t>(n));
  CHECK(log[0] == 0);
  CHECK(log[AppendLog<int>::kChunk] == static_cast<int>(AppendLog<int>::kChunk));
  CHECK(log.back() == n - 1);
  long sum = 0;
  for (const int v : log) sum += v;
  CHECK(sum == static_cast<long>(n) * (n - 1) / 2);
  CHECK(log.end() - log.begin() == n);

  AppendLog<int> copy = log;
  // The copy owns only its tail and the chunk pointers, not the two full chunks.
  CHECK(copy.own_bytes() < AppendLog<int>::kChunk * sizeof(int));
  copy.at_mut(5) = -5;         // a shared chunk: copied first
  copy.at_mut(n - 1) = -1;     // the tail: the copy's own
  CHECK(copy[5] == -5);
  CHECK(log[5] == 5);
  CHECK(copy.back() == -1);
  CHECK(log.back() == n - 1);
  copy.push_back(42);
  CHECK(copy.size() == log.size() + 1);
  log.clear();
  CHECK(log.empty());
  CHECK(copy[7] == 7);
}
