// Kafka's RangeAssignor for one topic: members sorted, each takes a contiguous range of partitions.
#pragma once

#include <vector>

#include "world_ids.h"

namespace gb {

// Returns the owner of each of `partitions` partitions (kNoId for all of them when there are no members).
// With P partitions and M members (sorted by id), each member gets P / M and the first P % M members one
// more, in order, so member 0 holds [0, n0), member 1 the next range, and so on. Members past P get nothing.
std::vector<ConsumerId> range_assign(std::vector<ConsumerId> members, int partitions);

}  // namespace gb
