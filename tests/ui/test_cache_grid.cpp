// The cores panel's grid and memory views: the grid is every way of the cache (its valid ways are exactly the
// list view's lines), and memory's view lists every cached line with memory's words, stale where the checker
// of MemorySystem says so.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "ui/cache_grid.h"
#include "ui/examples.h"
#include "ui/studio_model.h"

using namespace gb;
using namespace gb::ui;

namespace {

struct Run {
  const char* example;
  int cores;
  ProtocolKind protocol;
  std::uint64_t seek;
};

// The runs the views are checked on: a mutex ping-pong, a lost update under MOESI (M, O and S lines), a
// pipeline on four cores, and Dragon's Sc and Sm on eight.
constexpr Run kRuns[] = {{"pingpong.go", 2, ProtocolKind::MESI, 3000},
                         {"lost_update.go", 2, ProtocolKind::MOESI, 5000},
                         {"pipeline.go", 4, ProtocolKind::MESI, 30000},
                         {"false_sharing.go", 8, ProtocolKind::Dragon, 20000}};

StudioModel model_of(const Run& r) {
  StudioConfig c;
  c.cores = r.cores;
  c.gomaxprocs = r.cores;
  c.protocol = r.protocol;
  StudioModel m(r.example, std::string(find_example(r.example)->text), c);
  m.seek(r.seek);
  return m;
}

const MemorySystem& system_of(const StudioModel& m) {
  return m.machine()->runtime().memory().system();
}

}  // namespace

TEST_CASE("cache grid: every set and way, and its valid ways are the list view's lines") {
  for (const Run& r : kRuns) {
    INFO(r.example << " on " << r.cores << " cores");
    const StudioModel m = model_of(r);
    REQUIRE(m.loaded());
    const MemorySystem& sys = system_of(m);
    REQUIRE(sys.cores() == r.cores);
    std::size_t valid_total = 0;
    for (int core = 0; core < r.cores; ++core) {
      INFO("core " << core);
      const Cache& cache = sys.cache(static_cast<CoreId>(core));
      const std::vector<LineView> grid = cache_grid(sys, core);
      REQUIRE(grid.size() == cache.sets() * cache.assoc());
      for (std::size_t i = 0; i < grid.size(); ++i) {
        CHECK(grid[i].set == i / cache.assoc());
        CHECK(grid[i].way == i % cache.assoc());
        CHECK(grid[i].words.size() == cache.words_per_line());
      }
      std::vector<LineView> valid;
      std::copy_if(grid.begin(), grid.end(), std::back_inserter(valid),
                   [](const LineView& l) { return is_valid(l.state); });
      const std::vector<LineView> listed = m.cache_lines(core);
      REQUIRE(valid.size() == listed.size());
      for (std::size_t i = 0; i < valid.size(); ++i) {
        CHECK(valid[i].set == listed[i].set);
        CHECK(valid[i].way == listed[i].way);
        CHECK(valid[i].address == listed[i].address);
        CHECK(valid[i].state == listed[i].state);
        CHECK(valid[i].lru == listed[i].lru);
        CHECK(valid[i].words == listed[i].words);
        CHECK(valid[i].stale_memory == listed[i].stale_memory);
      }
      // An invalid way holds no data and is never stale.
      for (const LineView& l : grid)
        if (!is_valid(l.state)) {
          CHECK_FALSE(l.stale_memory);
          CHECK(std::all_of(l.words.begin(), l.words.end(), [](Word w) { return w == 0; }));
        }
      valid_total += valid.size();
    }
    CHECK(valid_total > 0);
  }
}

TEST_CASE("cache grid: a core the machine does not have is empty") {
  const StudioModel m = model_of(kRuns[0]);
  CHECK(cache_grid(system_of(m), -1).empty());
  CHECK(cache_grid(system_of(m), 2).empty());
}

TEST_CASE("memory view: every cached line with memory's words, stale exactly where memory_stale says") {
  std::size_t stale_seen = 0, dirty_current_seen = 0;
  for (const Run& r : kRuns) {
    INFO(r.example << " on " << r.cores << " cores");
    const StudioModel m = model_of(r);
    const MemorySystem& sys = system_of(m);
    const std::uint32_t block = sys.cache(0).geometry().block_bytes;
    // What the caches hold, from the list view.
    std::set<Addr> cached;
    for (int core = 0; core < r.cores; ++core)
      for (const LineView& l : m.cache_lines(core)) cached.insert(l.address);
    const std::vector<MemoryLineView> lines = memory_lines(sys);
    std::vector<Addr> listed;
    for (const MemoryLineView& l : lines) listed.push_back(l.address);
    CHECK(listed == std::vector<Addr>(cached.begin(), cached.end()));  // each once, in address order
    for (const MemoryLineView& l : lines) {
      INFO("line " << l.address);
      const Addr line = l.address / block;
      CHECK(l.stale == sys.memory_stale(line));
      std::vector<Word> mem(sys.memory().words_per_line());
      sys.memory().read_line(line, mem.data());
      CHECK(l.words == mem);
      // Holders: every core whose cache has it, in core order, with its state.
      std::vector<LineHolder> holders;
      for (int core = 0; core < r.cores; ++core) {
        const LineState s = sys.state_of(static_cast<CoreId>(core), line);
        if (is_valid(s)) holders.push_back({core, s});
      }
      CHECK(l.holders == holders);
      if (l.owner >= 0) {
        CHECK(is_dirty(l.owner_state));
        CHECK(sys.state_of(static_cast<CoreId>(l.owner), line) == l.owner_state);
        const Cache& c = sys.cache(static_cast<CoreId>(l.owner));
        const int way = c.find(line);
        REQUIRE(way >= 0);
        CHECK(l.owner_words == std::vector<Word>(c.data(way), c.data(way) + c.words_per_line()));
        CHECK(l.stale == (l.owner_words != l.words));
        if (!l.stale) ++dirty_current_seen;
      } else {
        CHECK_FALSE(l.stale);  // stale needs a dirty copy
      }
      stale_seen += l.stale ? 1 : 0;
    }
  }
  CHECK(stale_seen > 0);  // the runs do show stale memory
  INFO("dirty lines whose memory is current: " << dirty_current_seen);
}
