// Queries (sim/inspect/query.h): parsed back to canonical text, every parse error with its column, and answers
// that agree with what the program itself says (its output) and with the protocol's definitions.
#include <string>

#include <catch2/catch.hpp>

#include "sim/inspect/query.h"
#include "tests/inspect/program_run.h"

using gb::inspect::Answer;
using gb::inspect::parse_query;
using gb::inspect::Query;
using gb::inspect::QueryError;
using gb::test::ProgramRun;
using gb::test::RunConfig;

namespace {

std::string canonical(const std::string& text) {
  auto q = parse_query(text);
  if (auto* e = std::get_if<QueryError>(&q)) return "error at " + std::to_string(e->column) + ": " + e->message;
  return std::get<Query>(q).text();
}

std::size_t error_column(const std::string& text) {
  auto q = parse_query(text);
  const auto* e = std::get_if<QueryError>(&q);
  REQUIRE(e != nullptr);
  return e->column;
}

Answer ask(const gb::Machine& m, const std::string& query) {
  auto a = gb::inspect::answer(query, m);
  if (auto* e = std::get_if<std::string>(&a)) FAIL(query << ": " << *e);
  return std::get<Answer>(a);
}

std::string ask_error(const gb::Machine& m, const std::string& query) {
  auto a = gb::inspect::answer(query, m);
  const auto* e = std::get_if<std::string>(&a);
  REQUIRE(e != nullptr);
  return *e;
}

// Two counters in one line, written by two goroutines, and a record with a field.
const char* kCounters = R"(package main

import (
	"fmt"
	"sync"
)

type account struct {
	id      int
	balance int64
}

var tight [2]int64
var acct = account{7, 100}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for id := 0; id < 2; id++ {
		go func(id int) {
			defer wg.Done()
			for i := 0; i < 3000; i++ {
				tight[id]++
			}
		}(id)
	}
	wg.Wait()
	acct.balance += 5
	fmt.Println(tight[0], tight[1], acct.balance)
}
)";

}  // namespace

TEST_CASE("query: parsed into canonical text", "[inspect][query]") {
  CHECK(canonical("value   balance") == "value balance");
  CHECK(canonical("value sum in g7") == "value sum in G7");
  CHECK(canonical("state tight[1] core 0") == "state tight[1] core 0");
  CHECK(canonical("bus") == "bus");
  CHECK(canonical("bus BusRdX on acct.balance") == "bus BusRdX on acct.balance");
  CHECK(canonical("bus on tight") == "bus on tight");
  CHECK(canonical("lost updates") == "lost updates");
  CHECK(canonical("output last") == "output last");
  CHECK(canonical("g G6") == "g G6");
  CHECK(canonical("line G1") == "line G1");
  CHECK(canonical("stat machine.per_core.1.read_misses") == "stat machine.per_core.1.read_misses");
}

TEST_CASE("query: each mistake is reported at its column", "[inspect][query]") {
  CHECK(error_column("") == 1);
  CHECK(error_column("valeu balance") == 1);
  CHECK(error_column("value") == 6);
  CHECK(error_column("value x in 7") == 12);
  CHECK(error_column("state x core") == 13);
  CHECK(error_column("state x cor 1") == 9);
  CHECK(error_column("state x core -1") == 14);
  CHECK(error_column("bus BusRead") == 5);
  CHECK(error_column("bus BusRd over x") == 11);
  CHECK(error_column("lost update") == 6);
  CHECK(error_column("exit now") == 6);
  CHECK(error_column("g six") == 3);
  CHECK(error_column("stat host_seconds") == 6);
  CHECK(canonical("bus BusRead").find("BusRdX") != std::string::npos);  // the message lists the kinds
}

TEST_CASE("query: answers agree with the program's own output and the protocol", "[inspect][query]") {
  RunConfig c;
  c.cores = 2;
  c.gomaxprocs = 2;
  ProgramRun run("counters.go", kCounters, c);
  const gb::Machine& m = *run.machine();
  CHECK(ask(m, "exit").text == "running");
  CHECK(ask(m, "value acct.balance").text == "0");  // package initialisation has not run yet
  run.step(gb::StepKind::Line, 17);                  // main's first statement
  CHECK(ask(m, "value acct.balance").text == "100");
  CHECK(ask(m, "value acct.balance").number == 100.0);
  CHECK(ask(m, "value acct").text == "{7 100}");
  run.run();
  REQUIRE(run.finished());
  CHECK(ask(m, "exit").text == "0");
  CHECK(ask(m, "output").text == run.stdout_text());
  // The program prints the values the queries read.
  CHECK(run.stdout_text() == ask(m, "value tight[0]").text + " " + ask(m, "value main.tight[1]").text + " " +
                                 ask(m, "value acct.balance").text + "\n");
  CHECK(ask(m, "output last").text == "3000 3000 105");
  // Under MESI at most one cache holds a line in M, and then no other holds it at all.
  const std::string s0 = ask(m, "state tight core 0").text, s1 = ask(m, "state tight core 1").text;
  CHECK(std::string("MESI").find(s0) != std::string::npos);
  if (s0 == "M") CHECK(s1 == "I");
  if (s1 == "M") CHECK(s0 == "I");
  // Counts: the per-kind counts add up to no more than the total, and the run's statistics agree.
  const double total = *ask(m, "bus").number;
  const double rd = *ask(m, "bus BusRd").number, rdx = *ask(m, "bus BusRdX").number,
               upgr = *ask(m, "bus BusUpgr").number;
  CHECK(total > 0);
  CHECK(rd + rdx + upgr <= total);
  CHECK(*ask(m, "stat machine.bus_transactions").number == total);
  // Both goroutines wrote the tight line over and over: the line ping-pongs, so most traffic is on it.
  CHECK(*ask(m, "bus on tight[1]").number == *ask(m, "bus on tight[0]").number);
  CHECK(*ask(m, "bus on tight").number > total / 2);
  CHECK(ask(m, "g G1").text == "exited");
  CHECK(*ask(m, "goroutines").number == 0);
  CHECK(*ask(m, "instructions").number == static_cast<double>(m.runtime().instructions()));
}

TEST_CASE("query: a question the machine cannot answer says why", "[inspect][query]") {
  ProgramRun run("counters.go", kCounters);
  const gb::Machine& m = *run.machine();
  CHECK(ask_error(m, "value balanse").find("no variable named 'balanse'") != std::string::npos);
  CHECK(ask_error(m, "value balanse").find("acct, tight") != std::string::npos);  // what there is
  CHECK(ask_error(m, "value acct.owner") == "main.acct has no field 'owner'");
  CHECK(ask_error(m, "value tight[2]") == "index 2 out of range for main.tight (length 2)");
  CHECK(ask_error(m, "value tight.n").find("not a struct") != std::string::npos);
  CHECK(ask_error(m, "state tight core 5") == "core 5 does not exist: the machine has 2");
  CHECK(ask_error(m, "g G40") == "there is no goroutine G40 (yet)");
  CHECK(ask_error(m, "stat machine.nothing").find("no 'nothing'") != std::string::npos);
  CHECK(ask_error(m, "valeu x").rfind("column 1: unknown query", 0) == 0);
}
