// Breadth-first exploration of the one-block model through MemorySystem copies.
#include "explorer.h"

#include <deque>
#include <unordered_map>

#include <fmt/format.h>

#include "memory_system.h"

namespace gb {

namespace {

// One cache of one 8-byte block: a single set, a single way, a single word.
const CacheGeometry kOneBlock{8, 1, 8};

// The model's state: each cache's (state, value), memory's value and the ghost; invalid lines hold 0.
std::string project(const MemorySystem& m) {
  std::string key;
  for (int p = 0; p < m.cores(); ++p) {
    const LineState s = m.state_of(p, 0);
    const Cache& c = m.cache(p);
    const int way = c.find(0);
    key.push_back(static_cast<char>(s));
    key.push_back(static_cast<char>(way < 0 ? 0 : c.data(way)[0]));
  }
  key.push_back(static_cast<char>(m.memory().read_word(0, 0)));
  key.push_back(static_cast<char>(m.checker().expected(0, 0, 1)));
  return key;
}

struct Node {
  MemorySystem machine;
  int parent;
  std::string action;
};

}  // namespace

ExplorerResult explore_one_block(const Protocol& protocol, int caches) {
  ExplorerResult result;
  std::vector<Node> nodes;
  std::unordered_map<std::string, int> seen;
  MemorySystem start(caches, kOneBlock, protocol);
  start.set_checking(true);
  seen.emplace(project(start), 0);
  nodes.push_back(Node{start, -1, "start"});
  std::deque<int> frontier{0};

  auto path_to = [&](int index) {
    std::vector<std::string> path;
    for (int i = index; i > 0; i = nodes[static_cast<std::size_t>(i)].parent)
      path.insert(path.begin(), nodes[static_cast<std::size_t>(i)].action);
    return path;
  };

  while (!frontier.empty()) {
    const int current = frontier.front();
    frontier.pop_front();
    for (int p = 0; p < caches; ++p) {
      // The rules enabled for cache p: a load if it holds nothing, an eviction if it does; stores of 0 and 1.
      const bool holds = is_valid(nodes[static_cast<std::size_t>(current)].machine.state_of(p, 0));
      for (int rule = 0; rule < 3; ++rule) {
        MemorySystem next = nodes[static_cast<std::size_t>(current)].machine;
        std::string action;
        if (rule == 0 && !holds) {
          next.read(p, 0);
          action = fmt::format("c{} load", p);
        } else if (rule == 0) {
          next.evict(p, 0);
          action = fmt::format("c{} evict", p);
        } else {
          next.write(p, 0, static_cast<Word>(rule - 1));
          action = fmt::format("c{} store {}", p, rule - 1);
        }
        ++result.transitions;
        std::optional<Violation> v = next.violation();
        if (!v) v = next.checker().check_line(next, 0);
        auto [it, inserted] = seen.emplace(project(next), static_cast<int>(nodes.size()));
        if (!inserted) continue;
        nodes.push_back(Node{std::move(next), current, action});
        if (v) {
          result.states = seen.size();
          result.violation = v;
          result.path = path_to(static_cast<int>(nodes.size()) - 1);
          return result;
        }
        frontier.push_back(static_cast<int>(nodes.size()) - 1);
      }
    }
  }
  result.states = seen.size();
  return result;
}

}  // namespace gb
