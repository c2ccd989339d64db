// Planted protocol bugs: each is an edit of one or more table cells, so students (and tests) see the checker
// catch a protocol that is wrong in a known way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol.h"

namespace gb {

struct PlantedBug {
  std::string_view name;
  std::string_view description;
};

// Every bug the switch knows, in display order.
const std::vector<PlantedBug>& planted_bugs();

// Edits `protocol`'s table to contain the named bug. Returns an error for an unknown name or a bug that does not
// apply to this protocol (MSI has no E state to enter wrongly).
std::optional<std::string> inject_bug(Protocol& protocol, std::string_view bug);

// Whether `bug` (a planted_bugs() name; empty is none) can be planted in `kind`'s protocol.
bool bug_applies(ProtocolKind kind, std::string_view bug);

}  // namespace gb
