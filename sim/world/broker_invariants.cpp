// Checks of the broker's plain state: contiguous logs, one owner per partition, offsets in order.
#include "broker_invariants.h"
#include "world_text.h"

#include <algorithm>

namespace gb {

namespace {

std::size_t at(std::int64_t i) {
  return static_cast<std::size_t>(i);
}

std::string part_name(const ConsumerGroup& g, std::size_t p) {
  return cat({"group ", std::to_string(g.id), " partition ", std::to_string(p)});
}

std::string check_logs(const BrokerState& s) {
  for (std::size_t t = 0; t < s.topics.size(); ++t) {
    const Topic& topic = s.topics[t];
    for (std::size_t p = 0; p < topic.partitions.size(); ++p) {
      const std::vector<Message>& log = topic.partitions[p].log;
      for (std::size_t i = 0; i < log.size(); ++i) {
        if (log[i].offset != static_cast<std::int64_t>(i) || log[i].partition != static_cast<PartitionId>(p))
          return cat({"topic ", std::to_string(t), " partition ", std::to_string(p), ": entry ",
                      std::to_string(i), " has offset ", std::to_string(log[i].offset), " and partition ",
                      std::to_string(log[i].partition), " (offsets must be contiguous from 0)"});
      }
    }
  }
  return "";
}

std::string check_group(const BrokerState& s, const ConsumerGroup& g) {
  if (g.topic < 0 || at(g.topic) >= s.topics.size())
    return cat({"group ", std::to_string(g.id), " has no topic"});
  const Topic& topic = s.topics[at(g.topic)];
  const std::size_t n = topic.partitions.size();
  if (g.owner.size() != n || g.committed.size() != n || g.delivered_end.size() != n ||
      g.duplicate_armed.size() != n)
    return cat({"group ", std::to_string(g.id), ": per-partition tables do not match the topic's ",
                std::to_string(n), " partitions"});
  for (const ConsumerId m : g.members) {
    if (m < 0 || at(m) >= s.consumers.size() || s.consumers[at(m)].status != ConsumerStatus::Active ||
        s.consumers[at(m)].group != g.id)
      return cat(
          {"group ", std::to_string(g.id), " lists c", std::to_string(m), ", which is not a live member"});
  }
  for (std::size_t p = 0; p < n; ++p) {
    const ConsumerId owner = g.owner[p];
    if (owner != kNoId && std::find(g.members.begin(), g.members.end(), owner) == g.members.end())
      return cat(
          {part_name(g, p), " is assigned to c", std::to_string(owner), ", which is not a live member"});
    if (owner == kNoId && !g.members.empty())
      return cat({part_name(g, p), " has no owner though the group has members"});
    // At most one live member holds a fetch position for the partition, and it is the owner.
    int holders = 0;
    for (const ConsumerId m : g.members) {
      const Consumer& c = s.consumers[at(m)];
      if (c.position.size() != n)
        return cat({"c", std::to_string(m), " has a position table of the wrong size"});
      if (c.position[p] < 0) continue;
      ++holders;
      if (m != owner)
        return cat({part_name(g, p), " is being fetched by c", std::to_string(m), " but owned by c",
                    std::to_string(owner)});
    }
    if (holders > 1) return cat({part_name(g, p), " is held by ", std::to_string(holders), " live members"});
    const std::int64_t end = topic.partitions[p].end();
    if (g.committed[p] < 0 || g.committed[p] > end)
      return cat({part_name(g, p), ": committed offset ", std::to_string(g.committed[p]),
                  " outside [0, log end ", std::to_string(end), "]"});
    if (g.delivered_end[p] < 0 || g.delivered_end[p] > end)
      return cat({part_name(g, p), ": delivered mark ", std::to_string(g.delivered_end[p]),
                  " beyond log end ", std::to_string(end)});
    if (owner != kNoId) {
      const std::int64_t pos = s.consumers[at(owner)].position[p];
      if (pos < g.committed[p] || pos > end)
        return cat({part_name(g, p), ": fetch position ", std::to_string(pos), " of c", std::to_string(owner),
                    " outside [committed ", std::to_string(g.committed[p]), ", log end ", std::to_string(end),
                    "]"});
    }
  }
  return "";
}

}  // namespace

std::string check_broker_invariants(const BrokerState& s) {
  if (std::string e = check_logs(s); !e.empty()) return e;
  for (const ConsumerGroup& g : s.groups)
    if (std::string e = check_group(s, g); !e.empty()) return e;
  // A consumer that is not Active holds nothing: a dead consumer fetching would be a zombie reading.
  for (const Consumer& c : s.consumers) {
    if (c.status == ConsumerStatus::Active) continue;
    for (std::size_t p = 0; p < c.position.size(); ++p)
      if (c.position[p] >= 0)
        return cat({"c", std::to_string(c.id), " is gone but still holds partition ", std::to_string(p)});
  }
  return "";
}

}  // namespace gb
