// The protocol stories a student should be able to tell (reference/coherence.md section 4), as scenarios.
#include <catch2/catch.hpp>

#include "machine_helpers.h"

using namespace gb;
using enum LineState;
using test::kLineA;

SCENARIO("MESI: a read miss with no sharers gets E", "[scenario][mesi]") {
  GIVEN("two MESI caches, both empty") {
    MemorySystem m = test::make_system(ProtocolKind::MESI, 2);
    test::Recorder rec;
    m.set_sink(&rec);
    WHEN("core 0 reads a line") {
      m.read(0, kLineA);
      THEN("one BusRd goes out, the shared line stays low, memory supplies and core 0 holds E") {
        const CoherenceEvent& e = *rec.last_transaction();
        CHECK(e.bus == BusOp::BusRd);
        CHECK_FALSE(e.shared_line);
        CHECK(e.supplier == kFromMemory);
        CHECK(m.state_of(0, m.cache(0).line_of(kLineA)) == E);
      }
      AND_WHEN("core 1 reads it too") {
        m.read(1, kLineA);
        THEN("the shared line is raised, core 0 supplies (FlushOpt), both hold S, and core 0 counts an intervention") {
          const CoherenceEvent& e = *rec.last_transaction();
          CHECK(e.shared_line);
          CHECK(e.supplier == 0);
          CHECK(e.supply == Supply::FlushOpt);
          CHECK(m.state_of(0, m.cache(0).line_of(kLineA)) == S);
          CHECK(m.state_of(1, m.cache(0).line_of(kLineA)) == S);
          CHECK(m.stats(0).interventions == 1);
          CHECK(m.stats(1).c2c_transfers == 1);
        }
      }
    }
  }
}

SCENARIO("MESI: a write to E goes to M silently", "[scenario][mesi]") {
  GIVEN("core 0 holds a line in E") {
    MemorySystem m = test::make_system(ProtocolKind::MESI, 2);
    m.read(0, kLineA);
    const auto transactions = m.transactions();
    WHEN("core 0 writes it") {
      m.write(0, kLineA, 42);
      THEN("no bus transaction happens and the line is M with the new value; memory is now stale") {
        CHECK(m.transactions() == transactions);
        CHECK(m.state_of(0, m.cache(0).line_of(kLineA)) == M);
        CHECK(m.read(0, kLineA).value == 42);
        CHECK(m.memory().read_word(m.cache(0).line_of(kLineA), m.cache(0).word_of(kLineA)) == 0);
        CHECK(m.stats(0).silent_upgrades == 1);
      }
    }
  }
}

SCENARIO("MESI: a write to S upgrades with BusUpgr and invalidates every other copy", "[scenario][mesi]") {
  GIVEN("three caches share a line in S") {
    MemorySystem m = test::make_system(ProtocolKind::MESI, 3);
    for (int c = 0; c < 3; ++c) m.read(c, kLineA);
    test::Recorder rec;
    m.set_sink(&rec);
    WHEN("core 1 writes it") {
      m.write(1, kLineA, 7);
      THEN("one BusUpgr carries no data, cores 0 and 2 drop to I, core 1 holds M") {
        const CoherenceEvent& e = *rec.last_transaction();
        CHECK(e.bus == BusOp::BusUpgr);
        CHECK(e.supplier == kNoData);
        const Addr line = m.cache(0).line_of(kLineA);
        CHECK(m.state_of(0, line) == I);
        CHECK(m.state_of(2, line) == I);
        CHECK(m.state_of(1, line) == M);
        CHECK(m.stats(0).invalidations == 1);
        CHECK(m.stats(2).invalidations == 1);
        CHECK(m.stats(1).bus_upgr == 1);
        CHECK(m.stats(1).write_misses == 0);  // an upgrade is not a miss
        REQUIRE(e.change_count == 3);
        const short upgrade_row = m.protocol().proc_index[static_cast<int>(S)][static_cast<int>(ProcOp::Write)];
        CHECK(e.changes[0] == StateChange{1, S, M, upgrade_row});
        // Each snooper records the snoop row it took: S + BusUpgr -> I.
        const short snoop_row = m.protocol().snoop_index[static_cast<int>(S)][static_cast<int>(BusOp::BusUpgr)];
        CHECK(e.changes[1] == StateChange{0, S, I, snoop_row});
        CHECK(e.changes[2] == StateChange{2, S, I, snoop_row});
      }
    }
  }
}

SCENARIO("MESI: a read of an M line makes the owner Flush and both end in S", "[scenario][mesi]") {
  GIVEN("core 0 holds a line in M with value 5") {
    MemorySystem m = test::make_system(ProtocolKind::MESI, 2);
    m.write(0, kLineA, 5);
    test::Recorder rec;
    m.set_sink(&rec);
    WHEN("core 1 reads it") {
      const AccessResult r = m.read(1, kLineA);
      THEN("core 0 flushes, memory takes the value, core 1 reads 5, both are S") {
        const CoherenceEvent& e = *rec.last_transaction();
        CHECK(e.supply == Supply::Flush);
        CHECK(e.memory_updated);
        CHECK_FALSE(e.memory_stale);
        CHECK(r.value == 5);
        const Addr line = m.cache(0).line_of(kLineA);
        CHECK(m.memory().read_word(line, m.cache(0).word_of(kLineA)) == 5);
        CHECK(m.state_of(0, line) == S);
        CHECK(m.state_of(1, line) == S);
        CHECK(m.stats(0).flushes == 1);
        CHECK(m.stats(0).interventions == 1);
      }
    }
  }
}

SCENARIO("evicting an M line writes it back, evicting S or E is silent", "[scenario][mesi]") {
  GIVEN("a direct-mapped cache of two lines, core 0 holding line A in M") {
    MemorySystem m = test::make_system(ProtocolKind::MESI, 1, CacheGeometry{128, 1, 64});
    m.write(0, 0x0, 9);
    WHEN("core 0 reads a line that maps to the same set") {
      test::Recorder rec;
      m.set_sink(&rec);
      const AccessResult r = m.read(0, 0x80);
      THEN("the M line is written back before the new line comes in") {
        CHECK(r.writeback);
        CHECK(m.stats(0).writebacks == 1);
        CHECK(m.memory().read_word(0, 0) == 9);
        REQUIRE(rec.events.size() == 2);
        CHECK(rec.events[0].kind == EventKind::Eviction);
        CHECK(rec.events[0].writeback);
        CHECK(m.state_of(0, 0x80 >> 6) == E);
      }
      AND_WHEN("that E line is replaced in turn") {
        m.read(0, 0x100);
        THEN("no writeback happens") { CHECK(m.stats(0).writebacks == 1); }
      }
    }
  }
}

SCENARIO("MSI has no E and no upgrade: a write to S is a BusRdX", "[scenario][msi]") {
  GIVEN("two MSI caches sharing a line") {
    MemorySystem m = test::make_system(ProtocolKind::MSI, 2);
    m.read(0, kLineA);
    CHECK(m.state_of(0, m.cache(0).line_of(kLineA)) == S);
    m.read(1, kLineA);
    WHEN("core 0 writes") {
      m.write(0, kLineA, 3);
      THEN("a BusRdX invalidates core 1, and the read-then-write cost two transactions") {
        CHECK(m.stats(0).bus_rdx == 1);
        CHECK(m.stats(0).bus_rd == 1);
        CHECK(m.state_of(1, m.cache(0).line_of(kLineA)) == I);
        CHECK(m.stats(0).write_misses == 0);
      }
    }
  }
}

SCENARIO("MOESI: a read of an M line moves the owner to O and leaves memory stale", "[scenario][moesi]") {
  GIVEN("core 0 holds a line in M") {
    MemorySystem m = test::make_system(ProtocolKind::MOESI, 2);
    m.write(0, kLineA, 11);
    WHEN("core 1 reads it") {
      test::Recorder rec;
      m.set_sink(&rec);
      CHECK(m.read(1, kLineA).value == 11);
      THEN("core 0 is O, core 1 is S, the data came cache to cache and memory is stale") {
        const Addr line = m.cache(0).line_of(kLineA);
        CHECK(m.state_of(0, line) == O);
        CHECK(m.state_of(1, line) == S);
        CHECK(rec.last_transaction()->supplier == 0);
        CHECK(rec.last_transaction()->memory_stale);
        CHECK(m.memory().read_word(line, m.cache(0).word_of(kLineA)) == 0);
      }
      AND_WHEN("the owner is evicted") {
        m.evict(0, kLineA);
        THEN("it writes back") {
          CHECK(m.memory().read_word(m.cache(0).line_of(kLineA), m.cache(0).word_of(kLineA)) == 11);
        }
      }
    }
  }
}

SCENARIO("Dragon: writes to a shared line update the other copies instead of invalidating", "[scenario][dragon]") {
  GIVEN("two Dragon caches sharing a line in Sc") {
    MemorySystem m = test::make_system(ProtocolKind::Dragon, 2);
    m.read(0, kLineA);
    CHECK(m.state_of(0, m.cache(0).line_of(kLineA)) == E);
    m.read(1, kLineA);
    WHEN("core 0 writes") {
      m.write(0, kLineA, 21);
      THEN("a BusUpd carries the word: core 0 is Sm, core 1 stays Sc with the new value") {
        const Addr line = m.cache(0).line_of(kLineA);
        CHECK(m.state_of(0, line) == Sm);
        CHECK(m.state_of(1, line) == Sc);
        CHECK(m.read(1, kLineA).value == 21);
        CHECK(m.stats(0).bus_upd == 1);
        CHECK(m.stats(1).invalidations == 0);
      }
      AND_WHEN("core 1 writes next") {
        m.write(1, kLineA, 22);
        THEN("ownership moves: core 1 is Sm and core 0 drops to Sc") {
          const Addr line = m.cache(0).line_of(kLineA);
          CHECK(m.state_of(1, line) == Sm);
          CHECK(m.state_of(0, line) == Sc);
          CHECK(m.read(0, kLineA).value == 22);
        }
      }
    }
    WHEN("core 1's copy is evicted and core 0 writes") {
      m.evict(1, kLineA);
      m.write(0, kLineA, 5);
      THEN("the shared line stays low on the BusUpd and core 0 goes to M") {
        CHECK(m.state_of(0, m.cache(0).line_of(kLineA)) == M);
      }
    }
  }
}

SCENARIO("Dragon: a write miss to a shared line is BusRd then BusUpd", "[scenario][dragon]") {
  GIVEN("core 1 holds a line in E") {
    MemorySystem m = test::make_system(ProtocolKind::Dragon, 2);
    m.read(1, kLineA);
    WHEN("core 0 writes it") {
      test::Recorder rec;
      m.set_sink(&rec);
      const AccessResult r = m.write(0, kLineA, 8);
      THEN("both requests go out in one step, core 0 is Sm, core 1 is Sc with the word") {
        CHECK(r.bus == BusOp::BusRd);
        CHECK(r.then_bus == BusOp::BusUpd);
        const Addr line = m.cache(0).line_of(kLineA);
        CHECK(m.state_of(0, line) == Sm);
        CHECK(m.state_of(1, line) == Sc);
        CHECK(m.read(1, kLineA).value == 8);
        CHECK(m.stats(1).interventions == 1);  // E -> Sc
      }
    }
  }
}

SCENARIO("fetch_add is one atomic step that needs the line in M", "[scenario][rmw]") {
  GIVEN("two MESI caches sharing a counter") {
    MemorySystem m = test::make_system(ProtocolKind::MESI, 2);
    m.write(0, kLineA, 10);
    m.read(1, kLineA);
    WHEN("core 1 adds 5") {
      const AccessResult r = m.fetch_add(1, kLineA, 5);
      THEN("it returns the old value, holds M, and core 0 is invalidated") {
        CHECK(r.value == 10);
        CHECK(m.state_of(1, m.cache(0).line_of(kLineA)) == M);
        CHECK(m.state_of(0, m.cache(0).line_of(kLineA)) == I);
        CHECK(m.read(0, kLineA).value == 15);
      }
    }
  }
}
