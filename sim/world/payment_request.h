// One payment a simulated client asks for: the unit of work of the payment workload.
#pragma once

#include <cstdint>
#include <string>

#include "world_ids.h"

namespace gb {

struct PaymentRequest {
  std::uint64_t id = 0;         // unique per request, retries included
  std::string idempotency_key;  // the same for a request and its retries: what makes exactly-once possible
  AccountId from = 0;
  AccountId to = 0;
  std::int64_t amount = 0;  // in cents, so money is an integer and conservation can be checked exactly
  Nanos created_at = 0;
  bool retry = false;  // a client retry of the previous payment (same key, accounts and amount)
  bool operator==(const PaymentRequest&) const = default;
};

}  // namespace gb
