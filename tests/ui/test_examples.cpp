// The built-in examples: each compiles and runs to the end on the studio's default machine (2 cores, MESI) with
// real Go's output, and each shows what its menu entry says it shows.
#include <string>

#include <catch2/catch.hpp>

#include "sim/machine/machine.h"
#include "ui/examples.h"
#include "ui/studio_model.h"

using namespace gb;
using namespace gb::ui;

namespace {

std::unique_ptr<Machine> run_example(const std::string& file, const std::string& text) {
  std::string diags;
  auto m = Machine::load(file, text, StudioConfig{}.machine_config(), diags);
  INFO(diags);
  REQUIRE(m);
  const StepReport r = m->run(50'000'000);
  REQUIRE(r.finished);
  INFO(m->runtime().stderr_text());
  CHECK(m->runtime().exit_code() == 0);
  return m;
}

std::string text_of(std::string_view file) {
  const Example* e = find_example(file);
  REQUIRE(e != nullptr);
  return std::string(e->text);
}

}  // namespace

TEST_CASE("examples: every example runs to the end and prints what real Go 1.19 prints") {
  // go run of each file (go1.19 linux/amd64); the lost update is checked below, as real Go on a fast machine
  // rarely loses one in so short a loop.
  const struct {
    const char* file;
    const char* stdout_text;
  } expected[] = {{"pingpong.go", "counter = 2000\n"},
                  {"atomic_counter.go", "balance = 2000\n"},
                  {"false_sharing.go", "500 500\n"},
                  {"private_data.go", "1000 1000\n"},
                  {"pipeline.go", "sum of squares = 2686700\n"}};
  for (const auto& e : expected) {
    INFO(e.file);
    const auto m = run_example(e.file, text_of(e.file));
    CHECK(m->runtime().stdout_text() == e.stdout_text);
  }
  CHECK(examples().size() == 7);
  CHECK(examples().front().file == "pingpong.go");
}

TEST_CASE("examples: the lost update loses updates on two cores") {
  const auto m = run_example("lost_update.go", text_of("lost_update.go"));
  const std::string out = m->runtime().stdout_text();
  REQUIRE(out.rfind("balance = ", 0) == 0);
  const int balance = std::stoi(out.substr(10));
  CHECK(balance > 1000);
  CHECK(balance < 2000);
}

TEST_CASE("examples: padding the counters apart quiets the bus (false sharing)") {
  std::string text = text_of("false_sharing.go");
  const auto unpadded = run_example("false_sharing.go", text);
  const std::string flag = "const padded = false";
  REQUIRE(text.find(flag) != std::string::npos);
  text.replace(text.find(flag), flag.size(), "const padded = true");
  const auto padded = run_example("false_sharing.go", text);
  CHECK(padded->runtime().stdout_text() == "500 500\n");
  const auto unpadded_bus = unpadded->runtime().memory().system().transactions();
  const auto padded_bus = padded->runtime().memory().system().transactions();
  INFO("bus transactions unpadded " << unpadded_bus << ", padded " << padded_bus);
  CHECK(unpadded_bus > 3 * padded_bus);
}

TEST_CASE("examples: the payment workload runs with the studio's payments and keeps its invariants") {
  const auto m = run_example("payment.go", text_of("payment.go"));
  const std::string out = m->runtime().stdout_text();
  CHECK_THAT(out, Catch::Contains("200 accepted"));
  CHECK_THAT(out, Catch::Contains("invariants hold"));
  CHECK(m->world().payments_sent() == 200);
}
