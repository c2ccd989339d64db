// `gopherbus-cli bugs`: list the planted protocol bugs and which protocols each applies to.
#include <fmt/format.h>

#include "coherence/bugs.h"
#include "commands.h"

namespace gb::cli {

BugsCommand::BugsCommand(CLI::App& app) {
  sub_ = app.add_subcommand("bugs", "List the protocol bugs --inject-bug can plant");
}

int BugsCommand::run() {
  for (const PlantedBug& b : planted_bugs()) {
    std::string applies;
    for (ProtocolKind k : {ProtocolKind::MSI, ProtocolKind::MESI, ProtocolKind::MOESI, ProtocolKind::Dragon}) {
      Protocol p = make_protocol(k);
      if (!inject_bug(p, b.name)) applies += (applies.empty() ? "" : ", ") + std::string(protocol_name(k));
    }
    fmt::print("{:<22} {} [{}]\n", b.name, b.description, applies);
  }
  return 0;
}

}  // namespace gb::cli
