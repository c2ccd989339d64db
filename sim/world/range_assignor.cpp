// Range assignment of partitions to the live members of a consumer group.
#include "range_assignor.h"

#include <algorithm>

namespace gb {

std::vector<ConsumerId> range_assign(std::vector<ConsumerId> members, int partitions) {
  std::vector<ConsumerId> owner(static_cast<std::size_t>(std::max(partitions, 0)), kNoId);
  if (members.empty() || partitions <= 0) return owner;
  // Kafka sorts member ids as strings; ours are join-ordered integers, so sorting numerically keeps the same
  // idea (the assignment depends only on who is in the group, never on the order they arrived in a request).
  std::sort(members.begin(), members.end());
  const int m = static_cast<int>(members.size());
  const int base = partitions / m;
  const int extra = partitions % m;
  int next = 0;
  for (int i = 0; i < m; ++i) {
    const int count = base + (i < extra ? 1 : 0);
    for (int k = 0; k < count; ++k)
      owner[static_cast<std::size_t>(next++)] = members[static_cast<std::size_t>(i)];
  }
  return owner;
}

}  // namespace gb
