// The broker's operations: publish, consumer-group membership and rebalancing, poll, commit, faults, hashing.
#include "broker.h"

#include <algorithm>
#include <utility>

#include "broker_invariants.h"
#include "range_assignor.h"
#include "world_hash.h"
#include "world_text.h"

namespace gb {

namespace {

std::size_t at(std::int64_t i) {
  return static_cast<std::size_t>(i);
}

// "c0:[0-2] c3:[3-5]", the text a rebalance event carries (members in id order, as the assignor sorted them).
std::string describe_assignment(const std::vector<ConsumerId>& owner) {
  std::string s;
  std::size_t p = 0;
  while (p < owner.size()) {
    std::size_t q = p;
    while (q + 1 < owner.size() && owner[q + 1] == owner[p]) ++q;
    if (!s.empty()) s += ' ';
    // Appended piece by piece: g++ 12 raises a false -Wrestrict on `"literal" + std::string` here (PR
    // 105329).
    if (owner[p] == kNoId) {
      s += "none";
    } else {
      s += 'c';
      s += std::to_string(owner[p]);
    }
    s += ":[";
    s += std::to_string(p);
    if (q != p) {
      s += '-';
      s += std::to_string(q);
    }
    s += ']';
    p = q + 1;
  }
  return s.empty() ? "no partitions" : s;
}

}  // namespace

Broker::Broker(BrokerConfig config) {
  s_.config = config;
}

PartitionId Broker::partition_for(std::string_view key, int partitions) {
  if (partitions <= 0) return kNoId;
  return static_cast<PartitionId>(fnv1a64(key) % static_cast<std::uint64_t>(partitions));
}

WorldEvent& Broker::emit(WorldEventKind kind, Nanos now) {
  WorldEvent e;
  e.kind = kind;
  e.seq = s_.next_seq++;
  e.time_ns = now;
  e.done_ns = now;
  s_.events.push_back(std::move(e));
  return s_.events.back();
}

// [SECTION] setup

TopicId Broker::create_topic(std::string name, int partitions, Nanos now) {
  if (partitions <= 0 || find_topic(name) != kNoId) return kNoId;
  Topic t;
  t.name = std::move(name);
  t.partitions.resize(at(partitions));
  s_.topics.push_back(std::move(t));
  const auto id = static_cast<TopicId>(s_.topics.size() - 1);
  WorldEvent& e = emit(WorldEventKind::TopicCreated, now);
  e.topic = id;
  e.number = partitions;
  e.note = s_.topics.back().name;
  return id;
}

GroupId Broker::create_group(std::string name, TopicId topic, Nanos now) {
  (void)now;  // creating an empty group is invisible in Kafka too: the first join is the event
  if (!valid_topic(topic)) return kNoId;
  if (const GroupId g = find_group(name); g != kNoId) return s_.groups[at(g)].topic == topic ? g : kNoId;
  const std::size_t n = s_.topics[at(topic)].partitions.size();
  ConsumerGroup g;
  g.id = static_cast<GroupId>(s_.groups.size());
  g.name = std::move(name);
  g.topic = topic;
  g.owner.assign(n, kNoId);
  g.committed.assign(n, 0);
  g.delivered_end.assign(n, 0);
  g.duplicate_armed.assign(n, 0);
  s_.groups.push_back(std::move(g));
  return s_.groups.back().id;
}

TopicId Broker::find_topic(std::string_view name) const {
  for (std::size_t i = 0; i < s_.topics.size(); ++i)
    if (s_.topics[i].name == name) return static_cast<TopicId>(i);
  return kNoId;
}

GroupId Broker::find_group(std::string_view name) const {
  for (std::size_t i = 0; i < s_.groups.size(); ++i)
    if (s_.groups[i].name == name) return static_cast<GroupId>(i);
  return kNoId;
}

// [SECTION] producers

PublishResult Broker::publish(TopicId topic, std::string key, std::string value, Nanos now) {
  PublishResult r;
  if (!valid_topic(topic)) {
    r.error = cat({"no topic ", std::to_string(topic)});
    return r;
  }
  Topic& t = s_.topics[at(topic)];
  r.partition = partition_for(key, static_cast<int>(t.partitions.size()));
  Partition& p = t.partitions[at(r.partition)];
  r.offset = p.end();
  r.done_ns = now + s_.config.publish_latency_ns + p.extra_latency_ns;
  Message m;
  m.partition = r.partition;
  m.offset = r.offset;
  m.published_ns = now;
  m.visible_ns = r.done_ns;
  WorldEvent& e = emit(WorldEventKind::Publish, now);
  e.done_ns = r.done_ns;
  e.topic = topic;
  e.partition = r.partition;
  e.offset = r.offset;
  e.key = key;
  m.key = std::move(key);
  m.value = std::move(value);
  p.log.push_back(std::move(m));
  return r;
}

// [SECTION] membership and rebalancing

ConsumerId Broker::subscribe(std::string_view group, std::string_view topic, Nanos now) {
  const TopicId t = find_topic(topic);
  if (t == kNoId) return kNoId;
  return join(create_group(std::string(group), t, now), now);
}

ConsumerId Broker::join(GroupId group, Nanos now) {
  if (!valid_group(group)) return kNoId;
  ConsumerGroup& g = s_.groups[at(group)];
  Consumer c;
  c.id = static_cast<ConsumerId>(s_.consumers.size());
  c.group = group;
  c.position.assign(g.owner.size(), -1);
  s_.consumers.push_back(std::move(c));
  const ConsumerId id = s_.consumers.back().id;
  g.members.push_back(id);
  WorldEvent& e = emit(WorldEventKind::Join, now);
  e.group = group;
  e.consumer = id;
  e.topic = g.topic;
  rebalance(group, now, "join");
  return id;
}

bool Broker::leave(ConsumerId consumer, Nanos now) {
  return remove_member(consumer, ConsumerStatus::Left, WorldEventKind::Leave, "leave", now);
}

// Simplified: Kafka notices a dead member only after session.timeout.ms; here the group rebalances at once.
bool Broker::kill(ConsumerId consumer, Nanos now) {
  return remove_member(consumer, ConsumerStatus::Dead, WorldEventKind::Kill, "death", now);
}

bool Broker::remove_member(ConsumerId consumer, ConsumerStatus becomes, WorldEventKind kind, const char* cause,
                           Nanos now) {
  if (!valid_consumer(consumer) || s_.consumers[at(consumer)].status != ConsumerStatus::Active) return false;
  Consumer& c = s_.consumers[at(consumer)];
  c.status = becomes;
  ConsumerGroup& g = s_.groups[at(c.group)];
  g.members.erase(std::find(g.members.begin(), g.members.end(), consumer));
  WorldEvent& e = emit(kind, now);
  e.group = c.group;
  e.consumer = consumer;
  e.topic = g.topic;
  rebalance(c.group, now, cause);
  return true;
}

void Broker::rebalance(GroupId group, Nanos now, const char* cause) {
  ConsumerGroup& g = s_.groups[at(group)];
  const std::vector<ConsumerId> next = range_assign(g.members, static_cast<int>(g.owner.size()));
  for (std::size_t p = 0; p < next.size(); ++p) {
    if (next[p] == g.owner[p]) continue;  // kept by the same member: it keeps its fetch position (see below)
    if (g.owner[p] != kNoId) s_.consumers[at(g.owner[p])].position[p] = -1;
    // A new owner starts from the committed offset: whatever the old owner fetched and did not commit is read
    // again. This is at-least-once. (Kafka's eager protocol would also reset partitions a member keeps; we
    // keep their positions, as the cooperative protocol does, so only moved partitions redeliver.)
    if (next[p] != kNoId) s_.consumers[at(next[p])].position[p] = g.committed[p];
  }
  g.owner = next;
  ++g.generation;
  ++g.rebalances;
  WorldEvent& e = emit(WorldEventKind::Rebalance, now);
  e.group = group;
  e.topic = g.topic;
  e.number = g.generation;
  e.note = cat({"after ", cause, ": ", describe_assignment(g.owner)});
}

// [SECTION] consumers

PollResult Broker::poll(ConsumerId consumer, int max, Nanos now) {
  PollResult r;
  r.ready_ns = now + s_.config.poll_latency_ns;
  if (!valid_consumer(consumer)) {
    r.error = cat({"no consumer ", std::to_string(consumer)});
    return r;
  }
  Consumer& c = s_.consumers[at(consumer)];
  if (c.status != ConsumerStatus::Active) {
    r.error = cat({"consumer c", std::to_string(consumer), " is not in its group"});
    return r;
  }
  ConsumerGroup& g = s_.groups[at(c.group)];
  const Topic& t = s_.topics[at(g.topic)];
  const int n = static_cast<int>(t.partitions.size());
  const std::size_t first_event = s_.events.size();
  Nanos extra = 0;
  int taken = 0;
  PartitionId last_served = kNoId;
  for (int k = 0; k < n && taken < max; ++k) {
    const auto p = static_cast<PartitionId>((c.cursor + k) % n);
    if (g.owner[at(p)] != consumer) continue;
    const Partition& part = t.partitions[at(p)];
    std::int64_t& pos = c.position[at(p)];
    bool served = false;
    while (taken < max && pos < part.end() && part.log[at(pos)].visible_ns <= now) {
      const Message& m = part.log[at(pos)];
      const bool again = m.offset < g.delivered_end[at(p)];
      // The duplicate fault's copy does not count against `max`: the fault is "one message twice", whatever
      // the batch size.
      const int copies = g.duplicate_armed[at(p)] ? 2 : 1;
      for (int copy = 0; copy < copies; ++copy) {
        Delivery d{p, m.offset, m.key, m.value, again, copy == 1};
        WorldEvent& e = emit(copy == 1 ? WorldEventKind::DuplicateDeliver
                                       : (again ? WorldEventKind::Redeliver : WorldEventKind::Deliver),
                             now);
        e.topic = g.topic;
        e.partition = p;
        e.offset = m.offset;
        e.group = g.id;
        e.consumer = consumer;
        e.key = m.key;
        r.messages.push_back(std::move(d));
      }
      if (copies == 2) {
        g.duplicate_armed[at(p)] = 0;
        ++g.duplicates;
      }
      ++(again ? g.redeliveries : g.deliveries);
      g.delivered_end[at(p)] = std::max(g.delivered_end[at(p)], m.offset + 1);
      ++pos;
      ++taken;
      served = true;
    }
    if (served) {
      extra = std::max(extra, part.extra_latency_ns);
      last_served = p;
    }
  }
  // Next time start after the last partition served, so a partition with a deep backlog cannot starve the
  // rest.
  if (last_served != kNoId) c.cursor = static_cast<PartitionId>((last_served + 1) % n);
  r.ready_ns += extra;
  for (std::size_t i = first_event; i < s_.events.size(); ++i) s_.events[i].done_ns = r.ready_ns;
  return r;
}

CommitResult Broker::commit(ConsumerId consumer, PartitionId partition, std::int64_t next_offset, Nanos now) {
  CommitResult r;
  r.done_ns = now + s_.config.commit_latency_ns;
  if (!valid_consumer(consumer)) {
    r.error = cat({"no consumer ", std::to_string(consumer)});
    return r;
  }
  Consumer& c = s_.consumers[at(consumer)];
  ConsumerGroup& g = s_.groups[at(c.group)];
  const Partition* part = partition >= 0 && at(partition) < g.owner.size()
                              ? &s_.topics[at(g.topic)].partitions[at(partition)]
                              : nullptr;
  if (c.status != ConsumerStatus::Active) {
    r.error = "consumer is not in its group (a zombie)";
  } else if (part == nullptr) {
    r.error = cat({"no partition ", std::to_string(partition)});
  } else if (g.owner[at(partition)] != consumer) {
    // Kafka's CommitFailedException: the partition moved in a rebalance, another member may already re-read
    // it.
    r.error = cat({"partition is owned by another member since generation ", std::to_string(g.generation)});
  } else if (next_offset < 0 || next_offset > part->end()) {
    r.error =
        cat({"offset ", std::to_string(next_offset), " outside [0, ", std::to_string(part->end()), "]"});
  }
  WorldEvent& e = emit(r.error.empty() ? WorldEventKind::Commit : WorldEventKind::CommitRejected, now);
  e.group = c.group;
  e.consumer = consumer;
  e.topic = g.topic;
  e.partition = partition;
  e.offset = next_offset;
  e.note = r.error;
  if (!r.error.empty()) return r;
  e.done_ns = r.done_ns;
  g.committed[at(partition)] = next_offset;
  // Committing past what was fetched skips those messages (Kafka allows it); the position follows so that it
  // never falls behind the committed offset.
  std::int64_t& pos = c.position[at(partition)];
  pos = std::max(pos, next_offset);
  return r;
}

// [SECTION] faults

bool Broker::duplicate_next_delivery(GroupId group, PartitionId partition, Nanos now) {
  if (!valid_group(group)) return false;
  ConsumerGroup& g = s_.groups[at(group)];
  if (partition < 0 || at(partition) >= g.owner.size()) return false;
  g.duplicate_armed[at(partition)] = 1;
  WorldEvent& e = emit(WorldEventKind::DuplicateArmed, now);
  e.group = group;
  e.topic = g.topic;
  e.partition = partition;
  return true;
}

bool Broker::slow_partition(TopicId topic, PartitionId partition, Nanos extra_ns, Nanos now) {
  if (!valid_topic(topic) || extra_ns < 0) return false;
  Topic& t = s_.topics[at(topic)];
  if (partition < 0 || at(partition) >= t.partitions.size()) return false;
  t.partitions[at(partition)].extra_latency_ns = extra_ns;
  WorldEvent& e = emit(WorldEventKind::SlowPartition, now);
  e.topic = topic;
  e.partition = partition;
  e.number = extra_ns;
  return true;
}

// [SECTION] reading the state

std::vector<PartitionId> Broker::assigned_partitions(ConsumerId consumer) const {
  std::vector<PartitionId> out;
  if (!valid_consumer(consumer)) return out;
  const ConsumerGroup& g = s_.groups[at(s_.consumers[at(consumer)].group)];
  for (std::size_t p = 0; p < g.owner.size(); ++p)
    if (g.owner[p] == consumer) out.push_back(static_cast<PartitionId>(p));
  return out;
}

std::int64_t Broker::committed(GroupId group, PartitionId partition) const {
  if (!valid_group(group)) return -1;
  const ConsumerGroup& g = s_.groups[at(group)];
  return partition >= 0 && at(partition) < g.committed.size() ? g.committed[at(partition)] : -1;
}

std::int64_t Broker::log_end(TopicId topic, PartitionId partition) const {
  if (!valid_topic(topic)) return -1;
  const Topic& t = s_.topics[at(topic)];
  return partition >= 0 && at(partition) < t.partitions.size() ? t.partitions[at(partition)].end() : -1;
}

std::vector<WorldEvent> Broker::drain_events() {
  std::vector<WorldEvent> out;
  out.swap(s_.events);
  return out;
}

std::string Broker::check_invariants() const {
  return check_broker_invariants(s_);
}

std::uint64_t Broker::state_hash() const {
  WorldHasher h;
  h.add_signed(s_.config.publish_latency_ns);
  h.add_signed(s_.config.poll_latency_ns);
  h.add_signed(s_.config.commit_latency_ns);
  h.add(s_.topics.size());
  for (const Topic& t : s_.topics) {
    h.add(t.name);
    h.add(t.partitions.size());
    for (const Partition& p : t.partitions) {
      h.add_signed(p.extra_latency_ns);
      h.add(p.log.size());
      for (const Message& m : p.log) {
        h.add(m.key);
        h.add(m.value);
        h.add_signed(m.partition);
        h.add_signed(m.offset);
        h.add_signed(m.published_ns);
        h.add_signed(m.visible_ns);
      }
    }
  }
  auto add_all = [&h](const auto& v) {
    h.add(v.size());
    for (const auto x : v) h.add_signed(static_cast<std::int64_t>(x));
  };
  h.add(s_.groups.size());
  for (const ConsumerGroup& g : s_.groups) {
    h.add(g.name);
    h.add_signed(g.topic);
    h.add_signed(g.generation);
    add_all(g.members);
    add_all(g.owner);
    add_all(g.committed);
    add_all(g.delivered_end);
    add_all(g.duplicate_armed);
    h.add(g.deliveries);
    h.add(g.redeliveries);
    h.add(g.duplicates);
    h.add(g.rebalances);
  }
  h.add(s_.consumers.size());
  for (const Consumer& c : s_.consumers) {
    h.add_signed(c.group);
    h.add(static_cast<std::uint64_t>(c.status));
    add_all(c.position);
    h.add_signed(c.cursor);
  }
  // Undrained events are state too: two brokers that differ only there would show the UI different things.
  h.add(s_.next_seq);
  h.add(s_.events.size());
  for (const WorldEvent& e : s_.events) {
    h.add(static_cast<std::uint64_t>(e.kind));
    h.add(e.seq);
    h.add_signed(e.time_ns);
    h.add_signed(e.done_ns);
    h.add_signed(e.topic);
    h.add_signed(e.partition);
    h.add_signed(e.offset);
    h.add_signed(e.group);
    h.add_signed(e.consumer);
    h.add_signed(e.number);
    h.add(e.key);
    h.add(e.note);
  }
  return h.value();
}

}  // namespace gb
