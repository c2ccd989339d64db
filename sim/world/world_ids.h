// The small vocabulary of the outside world: ids (indices, never pointers) and simulated time.
#pragma once

#include <cstdint>

namespace gb {

using Nanos = std::int64_t;       // simulated time; the caller passes `now`, nothing here reads a clock
using TopicId = std::int32_t;     // index into BrokerState::topics
using GroupId = std::int32_t;     // index into BrokerState::groups
using ConsumerId = std::int32_t;  // index into BrokerState::consumers; also the order RangeAssignor sorts by
using PartitionId = std::int32_t;
using AccountId = std::uint32_t;

inline constexpr std::int32_t kNoId = -1;

}  // namespace gb
