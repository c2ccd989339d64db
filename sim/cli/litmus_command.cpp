// `gopherbus-cli litmus`: runs litmus tests exhaustively under SC and TSO and says which outcomes each
// allows.
#include <cstdio>

#include <fmt/format.h>

#include "coherence/bugs.h"
#include "commands.h"
#include "cores/litmus_explorer.h"

namespace gb::cli {

LitmusCommand::LitmusCommand(CLI::App& app) {
  sub_ =
      app.add_subcommand("litmus",
                         "Explore every execution of a litmus test (SB, MP, LB, ...) under SC and under TSO "
                         "store buffers, on real coherent caches, and list the outcomes each model allows");
  std::string ids;
  for (const LitmusTest& t : litmus_tests()) ids += t.id + ", ";
  sub_->add_option("--test", test_, "Which test: " + ids + "or all")->capture_default_str();
  sub_->add_option("--model", model_, "sc, tso or both")->capture_default_str();
  sub_->add_option("--protocol", protocol_, "msi, mesi, moesi or dragon")->capture_default_str();
  sub_->add_option("--inject-bug", bugs_, "Plant a protocol bug first (see `gopherbus-cli bugs`)");
  sub_->add_flag("--list", list_, "List the tests and exit");
  sub_->footer(
      "Exit status 0 when every result matches the model (the forbidden outcome appears exactly when the "
      "model allows it) and no coherence invariant broke, 1 otherwise, 2 for bad options.");
}

int LitmusCommand::run() {
  if (list_) {
    for (const LitmusTest& t : litmus_tests()) fmt::print("{:<9} {:<14} {}\n", t.id, t.name, t.summary);
    return 0;
  }
  const auto kind = parse_protocol(protocol_);
  if (!kind) {
    std::fprintf(stderr, "gopherbus-cli litmus: unknown protocol '%s'\n", protocol_.c_str());
    return 2;
  }
  Protocol protocol = make_protocol(*kind);
  for (const std::string& bug : bugs_) {
    if (auto err = inject_bug(protocol, bug)) {
      std::fprintf(stderr, "gopherbus-cli litmus: %s\n", err->c_str());
      return 2;
    }
  }
  std::vector<MemoryModel> models;
  if (model_ == "both") {
    models = {MemoryModel::SC, MemoryModel::TSO};
  } else if (auto m = parse_memory_model(model_)) {
    models = {*m};
  } else {
    std::fprintf(stderr, "gopherbus-cli litmus: unknown model '%s' (sc, tso or both)\n", model_.c_str());
    return 2;
  }
  std::vector<const LitmusTest*> tests;
  if (test_ == "all") {
    for (const LitmusTest& t : litmus_tests()) tests.push_back(&t);
  } else if (const LitmusTest* t = find_litmus(test_)) {
    tests.push_back(t);
  } else {
    std::fprintf(stderr, "gopherbus-cli litmus: unknown test '%s' (see --list)\n", test_.c_str());
    return 2;
  }

  int status = 0;
  for (std::size_t n = 0; n < tests.size(); ++n) {
    const LitmusTest& t = *tests[n];
    if (n > 0) fmt::print("\n");
    fmt::print("{} ({}): {}\n", t.name, t.id, t.summary);
    for (std::size_t c = 0; c < t.threads.size(); ++c)
      fmt::print("  c{}: {}\n", c, format_thread(t, static_cast<CoreId>(c)));
    fmt::print("  forbidden under SC: {}\n", format_outcome(t, t.forbidden));
    for (const MemoryModel model : models) {
      const LitmusResult r = explore_litmus(t, model, protocol);
      std::string set;
      for (const auto& entry : r.outcomes) {
        if (!set.empty()) set += ", ";
        set += format_outcome(t, entry.first);
      }
      fmt::print("  {} on {}: {{{}}} ({} executions, {} states)\n", name(model), protocol.name, set,
                 r.executions, r.states);
      if (r.violation) {
        fmt::print("  COHERENCE VIOLATION: {}\n", r.violation->message());
        for (const LitmusStep& s : r.violation_path) fmt::print("      {}\n", format_step(t, s));
        status = 1;
      }
      const bool allowed = model == MemoryModel::TSO && t.tso_allows;
      const auto found = r.outcomes.find(t.forbidden);
      const std::string what =
          fmt::format("{} under {}: {}", t.name, name(model), format_outcome(t, t.forbidden));
      if (found != r.outcomes.end()) {
        fmt::print("  {} OBSERVED ({} {})\n", what, allowed ? "allowed by" : "ERROR: forbidden by",
                   name(model));
        fmt::print("    one execution that shows it:\n");
        for (const LitmusStep& s : found->second) fmt::print("      {}\n", format_step(t, s));
        if (!allowed) status = 1;
      } else {
        fmt::print("  {} not observed ({} {})\n", what, allowed ? "ERROR: though allowed by" : "forbidden by",
                   name(model));
        if (allowed) status = 1;
      }
    }
  }
  return status;
}

}  // namespace gb::cli
