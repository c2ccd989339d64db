// The UI's demo model, headless: the scripted demo, step back as rebuild-and-replay, knob changes, planted
// bugs and which table rows a step fired.
#include <catch2/catch.hpp>

#include "coherence/bugs.h"
#include "ui/demo/demo_model.h"

using namespace gb;
using namespace gb::ui;
using enum LineState;

namespace {

Addr a0 = DemoModel::slot_line(0);

short proc_row(const Protocol& p, LineState s, ProcOp op) {
  return p.proc_index[static_cast<int>(s)][static_cast<int>(op)];
}
short snoop_row(const Protocol& p, LineState s, BusOp b) {
  return p.snoop_index[static_cast<int>(s)][static_cast<int>(b)];
}
bool has(const std::vector<short>& v, short x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

SCENARIO("the opening frame of the app shows a dirty line ping-ponged between two cores") {
  GIVEN("the default demo after its opening steps (MESI, two cores)") {
    DemoModel m(DemoConfig{}, DemoModel::demo_script(), DemoModel::kOpeningSteps);
    THEN("core 1 owns a0 in M holding the second write, core 0 was invalidated and memory is stale") {
      REQUIRE(m.cursor() == DemoModel::kOpeningSteps);
      CHECK(m.system().state_of(1, a0) == M);
      CHECK(m.system().state_of(0, a0) == I);
      CHECK(m.steps().back().value == 2);
      CHECK(m.memory_stale(a0));
      CHECK(m.owner_of(a0) == 1);
      CHECK_FALSE(m.violation_step());
    }
  }
}

SCENARIO("step back rebuilds the machine and replays all but the last action") {
  GIVEN("the demo played to its end") {
    DemoModel m;
    m.seek(m.timeline().size());
    const std::uint64_t end_hash = m.state_hash();
    DemoModel before_last;
    before_last.seek(m.timeline().size() - 1);
    WHEN("stepping back") {
      REQUIRE(m.step_back());
      THEN("the machine equals one replayed to the step before") {
        CHECK(m.state_hash() == before_last.state_hash());
        CHECK(m.events().size() == before_last.events().size());
      }
      AND_WHEN("stepping forward again") {
        REQUIRE(m.step_forward());
        THEN("forward, back, forward gives the same hash") {
          CHECK(m.state_hash() == end_hash);
        }
      }
    }
    WHEN("stepping back to the start") {
      while (m.step_back()) {
      }
      THEN("nothing is cached and the timeline is kept") {
        CHECK(m.cursor() == 0);
        CHECK(m.timeline().size() == DemoModel::demo_script().size());
        CHECK(m.system().transactions() == 0);
        CHECK_FALSE(m.step_back());
      }
    }
  }
}

SCENARIO("a new action after stepping back replaces the rest of the timeline") {
  DemoModel m;
  m.seek(3);
  m.read(1, 3);
  CHECK(m.cursor() == 4);
  CHECK(m.timeline().size() == 4);
  CHECK(m.at_end());
  CHECK(m.timeline().back() == Action{ActionKind::Read, 1, 3});
}

SCENARIO("writes store 1, 2, 3... so a value names the write that made it") {
  DemoModel m(DemoConfig{}, {});
  m.write(0, 1);
  m.write(1, 1);
  m.read(0, 1);
  CHECK(m.steps()[0].value == 1);
  CHECK(m.steps()[1].value == 2);
  CHECK(m.steps()[2].value == 2);  // the read sees the last write: coherence
  CHECK(m.next_write_value() == 3);
  m.step_back();
  m.step_back();
  CHECK(m.next_write_value() == 2);
}

SCENARIO("turning a knob replays the same actions on the new machine") {
  GIVEN("the demo at its opening step under MESI") {
    DemoModel m(DemoConfig{}, DemoModel::demo_script(), 2);
    REQUIRE(m.system().state_of(0, a0) == S);
    WHEN("switching to MSI") {
      DemoConfig c = m.config();
      c.protocol = ProtocolKind::MSI;
      REQUIRE_FALSE(m.set_config(c));
      THEN("the same two reads leave both copies in S, and a lone read under MSI would too") {
        CHECK(m.config().protocol == ProtocolKind::MSI);
        CHECK(m.cursor() == 2);
        CHECK(m.system().protocol().name == "MSI");
        CHECK(m.system().state_of(0, a0) == S);
        CHECK(m.system().state_of(1, a0) == S);
      }
    }
    WHEN("going to four cores and back to two") {
      DemoConfig c = m.config();
      c.cores = 4;
      REQUIRE_FALSE(m.set_config(c));
      m.write(3, 0);
      c.cores = 2;
      REQUIRE_FALSE(m.set_config(c));
      THEN("the removed cores' actions are dropped and the rest replayed") {
        CHECK(m.system().cores() == 2);
        CHECK(m.cursor() == 2);
        for (const Action& a : m.timeline()) CHECK(a.core < 2);
      }
    }
    WHEN("asking for a bug the protocol does not have") {
      DemoConfig c = m.config();
      c.protocol = ProtocolKind::MSI;
      c.bug = "read-miss-always-e";
      const auto err = m.set_config(c);
      THEN("the change is refused with a reason and nothing changes") {
        REQUIRE(err);
        CHECK(err->find("does not apply") != std::string::npos);
        CHECK(m.config() == DemoConfig{});
        CHECK(m.cursor() == 2);
      }
    }
  }
}

SCENARIO("a planted bug is caught by the invariant checker on the step that breaks it") {
  GIVEN("MESI where S ignores BusUpgr") {
    DemoConfig c;
    c.bug = "s-ignores-busupgr";
    DemoModel m(c, DemoModel::demo_script(), 3);
    THEN("core 0's upgrade (step 3) leaves core 1's stale S copy and SWMR fails there") {
      REQUIRE(m.violation_step());
      CHECK(*m.violation_step() == 2);
      REQUIRE(m.steps()[2].violation);
      CHECK(m.steps()[2].violation->find("SWMR") != std::string::npos);
    }
    WHEN("stepping back before the bad step") {
      m.step_back();
      THEN("the violation is gone") {
        CHECK_FALSE(m.violation_step());
      }
    }
  }
}

SCENARIO("every planted bug runs in the demo without crashing, for every protocol it applies to") {
  for (ProtocolKind k : {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI, ProtocolKind::Dragon}) {
    for (std::string_view bug : DemoModel::bugs_for(k)) {
      DemoConfig c;
      c.protocol = k;
      c.bug = std::string(bug);
      c.cores = 3;
      DemoModel m(c);
      m.seek(m.timeline().size());
      for (int i = 0; i < 24; ++i) m.perform({static_cast<ActionKind>(i % 3), i % 3, (i * 7) % 4});
      CHECK(m.cursor() == m.timeline().size());
    }
  }
}

SCENARIO("a step records the protocol table rows that fired") {
  GIVEN("MESI: core 0 reads a0 twice") {
    DemoModel m(DemoConfig{}, {});
    m.read(0, 0);
    const Protocol& p = m.system().protocol();
    THEN("the miss fired I/PrRd") {
      CHECK(has(m.last_step()->proc_rows, proc_row(p, I, ProcOp::Read)));
    }
    m.read(0, 0);
    THEN("the hit fired E/PrRd, though it has no event") {
      CHECK(m.last_step()->event_count == 0);
      CHECK(has(m.last_step()->proc_rows, proc_row(p, E, ProcOp::Read)));
    }
    m.read(1, 0);
    THEN("the second reader's BusRd fired the snooper's E/BusRd row") {
      CHECK(has(m.last_step()->snoop_rows, snoop_row(p, E, BusOp::BusRd)));
    }
  }
  GIVEN("Dragon: a write miss to a shared line (BusRd then BusUpd)") {
    DemoConfig c;
    c.protocol = ProtocolKind::Dragon;
    DemoModel m(c, {});
    m.read(1, 0);
    m.write(0, 0);
    const Protocol& p = m.system().protocol();
    THEN("the snooper's E/BusRd and then Sc/BusUpd rows fired") {
      CHECK(has(m.last_step()->snoop_rows, snoop_row(p, E, BusOp::BusRd)));
      CHECK(has(m.last_step()->snoop_rows, snoop_row(p, Sc, BusOp::BusUpd)));
    }
  }
}

SCENARIO("a direct-mapped cache evicts on a conflict and writes a dirty line back") {
  DemoModel m(DemoConfig{}, {});
  m.write(0, 0);  // a0 -> set 0, M
  m.read(0, 2);   // a2 -> set 0 too: a0 is evicted and written back
  CHECK(m.system().state_of(0, a0) == I);
  CHECK(m.system().stats(0).writebacks == 1);
  CHECK_FALSE(m.memory_stale(a0));
  CHECK(m.system().memory().read_word(a0, 0) == 1);
  m.evict(0, 1);  // not cached: nothing happens
  CHECK(m.last_step()->event_count == 0);
  CHECK_FALSE(m.last_step()->had_line);
}
