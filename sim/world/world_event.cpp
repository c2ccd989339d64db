// One-line texts of world events, for the CLI, the UI's event list and test failure messages.
#include "world_event.h"

#include "world_text.h"

namespace gb {

const char* to_string(WorldEventKind k) {
  switch (k) {
    case WorldEventKind::TopicCreated:
      return "topic-created";
    case WorldEventKind::Publish:
      return "publish";
    case WorldEventKind::Deliver:
      return "deliver";
    case WorldEventKind::Redeliver:
      return "redeliver";
    case WorldEventKind::DuplicateDeliver:
      return "duplicate-deliver";
    case WorldEventKind::Commit:
      return "commit";
    case WorldEventKind::CommitRejected:
      return "commit-rejected";
    case WorldEventKind::Join:
      return "join";
    case WorldEventKind::Leave:
      return "leave";
    case WorldEventKind::Kill:
      return "kill";
    case WorldEventKind::Rebalance:
      return "rebalance";
    case WorldEventKind::DuplicateArmed:
      return "duplicate-armed";
    case WorldEventKind::SlowPartition:
      return "slow-partition";
    case WorldEventKind::LedgerCall:
      return "ledger-call";
  }
  return "?";
}

std::string format_nanos(Nanos ns) {
  const bool negative = ns < 0;
  // Work in unsigned so that the most negative value does not overflow on negation.
  const std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  std::string frac = std::to_string(mag % 1'000'000);
  frac.insert(0, 6 - frac.size(), '0');
  return cat({(negative ? "-" : ""), std::to_string(mag / 1'000'000), ".", frac, "ms"});
}

namespace {

std::string where(const WorldEvent& e) {
  std::string s = cat({"t", std::to_string(e.topic), "/p", std::to_string(e.partition)});
  if (e.offset >= 0) s += cat({"@", std::to_string(e.offset)});
  return s;
}

std::string who(const WorldEvent& e) {
  return cat({"g", std::to_string(e.group), "/c", std::to_string(e.consumer)});
}

}  // namespace

std::string WorldEvent::describe() const {
  std::string s = cat({"[", format_nanos(time_ns), "] ", to_string(kind), " "});
  switch (kind) {
    case WorldEventKind::TopicCreated:
      s += cat({"t", std::to_string(topic), " \"", note, "\" with ", std::to_string(number), " partitions"});
      break;
    case WorldEventKind::Publish:
      s += cat({where(*this), " key=\"", key, "\" acked at ", format_nanos(done_ns)});
      break;
    case WorldEventKind::Deliver:
    case WorldEventKind::Redeliver:
    case WorldEventKind::DuplicateDeliver:
      s += cat({where(*this), " key=\"", key, "\" to ", who(*this), ", reply at ", format_nanos(done_ns)});
      break;
    case WorldEventKind::Commit:
      s +=
          cat({where(*this), " by ", who(*this), " (next offset to read), acked at ", format_nanos(done_ns)});
      break;
    case WorldEventKind::CommitRejected:
      s += cat({where(*this), " by ", who(*this), ": ", note});
      break;
    case WorldEventKind::Join:
    case WorldEventKind::Leave:
    case WorldEventKind::Kill:
      s += who(*this);
      break;
    case WorldEventKind::Rebalance:
      s += cat({"g", std::to_string(group), " generation ", std::to_string(number), ": ", note});
      break;
    case WorldEventKind::DuplicateArmed:
      s += cat({"g", std::to_string(group), " ", where(*this), ": next delivery will be sent twice"});
      break;
    case WorldEventKind::SlowPartition:
      s += cat({where(*this), " extra latency ", format_nanos(number)});
      break;
    case WorldEventKind::LedgerCall:
      s += cat({note, ", queued ", format_nanos(number), ", done at ", format_nanos(done_ns)});
      break;
  }
  return s;
}

}  // namespace gb
