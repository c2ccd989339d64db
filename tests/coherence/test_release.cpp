// MemorySystem::release: main memory forgets lines a program's heap gave back, unless a cache holds them.
#include <catch2/catch.hpp>

#include "machine_helpers.h"

using namespace gb;

TEST_CASE("release: memory forgets the lines no cache holds, which read as zeros again, and checking still passes",
          "[coherence][release]") {
  MemorySystem m = test::make_system(ProtocolKind::MESI, 2);
  m.set_checking(true);
  const Addr base = 0x10000;
  for (Addr a = base; a < base + 16 * 64; a += 64) m.write(0, a, a);  // 16 lines on core 0
  for (Addr a = base; a < base + 16 * 64; a += 64) m.evict(0, a);     // written back to memory
  m.write(1, base + 3 * 64, 7);                                          // one of them cached again, dirty
  m.write(1, base + 20 * 64, 9);                                         // one outside the range
  m.evict(1, base + 20 * 64);
  REQUIRE(m.memory().written_lines().size() == 17);

  CHECK(m.release(base, base + 16 * 64) == 15);  // line 3 stays: core 1 holds it
  CHECK(m.memory().written_lines().size() == 2);
  CHECK(m.peek(base) == 0);
  CHECK(m.peek(base + 3 * 64) == 7);
  CHECK(m.peek(base + 20 * 64) == 9);  // the kept lines' values survive the packing
  CHECK_FALSE(m.checker().check_all(m).has_value());

  // A forgotten line is used again: read as zeros, written, checked.
  m.read(0, base + 5 * 64);
  CHECK(m.read(1, base + 5 * 64).value == 0);
  m.write(0, base + 5 * 64, 11);
  CHECK(m.peek(base + 5 * 64) == 11);
  CHECK_FALSE(m.violation().has_value());
  CHECK_FALSE(m.checker().check_all(m).has_value());
}

TEST_CASE("release: an empty or inverted range forgets nothing", "[coherence][release]") {
  MemorySystem m = test::make_system(ProtocolKind::MSI, 1);
  m.write(0, 0x4000, 1);
  m.evict(0, 0x4000);
  CHECK(m.release(0x4000, 0x4000) == 0);
  CHECK(m.release(0x4040, 0x4000) == 0);
  CHECK(m.peek(0x4000) == 1);
}
