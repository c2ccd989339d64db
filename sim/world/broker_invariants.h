// The broker's invariants as code: run after every step by tests, the CLI and the UI.
#pragma once

#include <string>

#include "broker_state.h"

namespace gb {

// Returns a sentence naming the first broken invariant, or "" when all hold:
//  - offsets are contiguous: log[i].offset == i and log[i].partition is its partition;
//  - each partition of a group is owned by at most one live member, the owner table agrees with the
//  consumers'
//    fetch positions, and a group with live members leaves no partition unowned;
//  - 0 <= committed offset <= log end; the owner's fetch position is between committed and log end;
//  - the group's delivered mark does not pass the log end.
// A free function over the plain state, so a test can corrupt a copy and watch it be caught.
std::string check_broker_invariants(const BrokerState& s);

}  // namespace gb
