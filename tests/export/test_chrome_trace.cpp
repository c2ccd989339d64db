// Chrome trace export: parsed back with nlohmann and checked against the rules of reference §8 and Perfetto.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "sim/export/chrome_trace.h"

namespace {

using gb::RowKind;
using nlohmann::json;

// Two Ps on two cores: main blocks on a receive, the worker sends and wakes it, main runs again and exits.
gb::RunTimeline sample() {
  gb::RunTimeline t;
  t.procs = 2;
  t.cores = 2;
  t.add(gb::GSlice{0, 0, 1, "main.main", 0, 1500, "chan receive"});
  t.add(gb::GSlice{1, 1, 17, "main.worker", 200, 2500, "chan send"});
  t.add(gb::GSlice{0, 0, 1, "main.main", 3000, 4000, "exit"});
  t.add(gb::CoreSlice{0, 0, 0, 0, 4000});
  t.add(gb::CoreSlice{1, 2, 1, 100, 2600});
  t.add(gb::CoreSlice{1, 3, -1, 2600, 2700});
  t.add(gb::BusTransaction{500, 40, 1, "BusRdX", 0x1040, "c1 I->M, c0 S->I", 0, "", "", "", ""});
  t.add(gb::Instant{RowKind::P, 1, 150, "steal", {{"from", "P0"}, {"count", "1"}}});
  t.add(gb::Instant{RowKind::Core, 0, 540, "S->I", {{"addr", "0x1040"}}});
  t.add(gb::Counter{0, "Goroutines", 1});
  t.add(gb::Counter{200, "Goroutines", 2});
  t.add(gb::Counter{150, "RunQueue P0", 0});
  // The send at 2400 ns wakes G1, which next runs at 3000 ns on P0.
  t.add_flow({RowKind::P, 1, 2400}, {RowKind::P, 0, 2400});
  return t;
}

json parse(const gb::RunTimeline& t) {
  const std::string text = gb::chrome_trace_json(t);
  json doc = json::parse(text);  // throws, and fails the test, if the text is not JSON
  REQUIRE(doc.is_object());
  REQUIRE(doc.at("traceEvents").is_array());
  return doc;
}

std::vector<json> with_phase(const json& doc, const std::string& ph) {
  std::vector<json> out;
  for (const json& e : doc["traceEvents"])
    if (e.at("ph") == ph) out.push_back(e);
  return out;
}

const json* find_named(const json& doc, const std::string& ph, const std::string& name) {
  for (const json& e : doc["traceEvents"])
    if (e.at("ph") == ph && e.at("name") == name) return &e;
  return nullptr;
}

using Row = std::pair<int, int>;  // (pid, tid)

Row row_of(const json& e) {
  return {e.at("pid").get<int>(), e.at("tid").get<int>()};
}

}  // namespace

TEST_CASE("chrome trace is the traceEvents object with displayTimeUnit ns", "[chrome_trace]") {
  const json doc = parse(sample());
  CHECK(doc.at("displayTimeUnit") == "ns");
  CHECK(doc.size() == 2);
  for (const json& e : doc["traceEvents"]) {
    REQUIRE(e.contains("ph"));
    REQUIRE(e.contains("pid"));
    REQUIRE(e.contains("tid"));
    CHECK(e.at("pid").is_number_integer());
    CHECK(e.at("tid").is_number_integer());
  }
}

TEST_CASE("every row an event uses has its names and sort indices", "[chrome_trace]") {
  gb::RunTimeline t = sample();
  t.add(gb::GSlice{3, 1, 9, "main.late", 10, 20, "exit"});  // P3 beyond procs=2 still gets a named row
  const json doc = parse(t);

  std::map<Row, std::string> thread_name;
  std::set<Row> thread_sorted;
  std::map<int, std::string> process_name;
  std::set<int> process_sorted;
  for (const json& m : with_phase(doc, "M")) {
    const std::string name = m.at("name");
    const json& args = m.at("args");
    if (name == "thread_name") thread_name[row_of(m)] = args.at("name").get<std::string>();
    if (name == "thread_sort_index") {
      CHECK(args.at("sort_index").is_number_integer());
      thread_sorted.insert(row_of(m));
    }
    if (name == "process_name") process_name[m.at("pid").get<int>()] = args.at("name").get<std::string>();
    if (name == "process_sort_index") {
      CHECK(args.at("sort_index").is_number_integer());
      process_sorted.insert(m.at("pid").get<int>());
    }
  }
  CHECK(process_name == std::map<int, std::string>{{1, "Procs"}, {2, "Cores"}, {3, "Bus"}});
  CHECK(process_sorted == std::set<int>{1, 2, 3});

  for (const json& e : doc["traceEvents"]) {
    if (e.at("ph") == "M") continue;
    INFO(e.dump());
    CHECK(thread_name.count(row_of(e)) == 1);
    CHECK(thread_sorted.count(row_of(e)) == 1);
  }
  // Declared rows exist even when empty, named as the reference table says.
  CHECK(thread_name.at({1, gb::chrome_trace_tid(RowKind::P, 0)}) == "Proc 0");
  CHECK(thread_name.at({1, gb::chrome_trace_tid(RowKind::P, 3)}) == "Proc 3");
  CHECK(thread_name.at({2, gb::chrome_trace_tid(RowKind::Core, 1)}) == "Core 1");
  CHECK(thread_name.at({3, gb::chrome_trace_tid(RowKind::Bus, 0)}) == "Bus");
  // Perfetto names threads by tid alone: no two rows may share one.
  std::set<int> tids;
  for (const auto& [row, name] : thread_name) CHECK(tids.insert(row.second).second);
}

TEST_CASE("counters alone still name the row they are written on", "[chrome_trace]") {
  gb::RunTimeline t;  // procs = 0: a run that recorded only counters
  t.add(gb::Counter{0, "Goroutines", 1});
  const json doc = parse(t);
  const json* c = find_named(doc, "C", "Goroutines");
  REQUIRE(c);
  bool named = false;
  for (const json& m : with_phase(doc, "M"))
    if (m["name"] == "thread_name" && row_of(m) == row_of(*c)) named = true;
  CHECK(named);
}

TEST_CASE("slices are X events with numeric ts and dur in microseconds", "[chrome_trace]") {
  gb::RunTimeline t = sample();
  t.add(gb::GSlice{1, 1, 20, "main.odd", 5000, 4990, "exit"});  // end before start: written with dur 0
  const json doc = parse(t);

  for (const json& x : with_phase(doc, "X")) {
    INFO(x.dump());
    REQUIRE(x.at("ts").is_number());
    REQUIRE(x.at("dur").is_number());
    CHECK(x.at("dur").get<double>() >= 0);
  }

  const json* worker = find_named(doc, "X", "G17 main.worker");
  REQUIRE(worker);
  CHECK((*worker)["ts"].get<double>() == 200 / 1000.0);
  CHECK((*worker)["dur"].get<double>() == 2300 / 1000.0);
  CHECK((*worker)["pid"] == 1);
  CHECK((*worker)["tid"] == gb::chrome_trace_tid(RowKind::P, 1));
  CHECK((*worker)["args"]["goid"] == 17);
  CHECK((*worker)["args"]["end_reason"] == "chan send");

  const json* odd = find_named(doc, "X", "G20 main.odd");
  REQUIRE(odd);
  CHECK((*odd)["dur"].get<double>() == 0);

  const json* m2 = find_named(doc, "X", "M2 (P1)");
  REQUIRE(m2);
  CHECK((*m2)["pid"] == 2);
  CHECK((*m2)["tid"] == gb::chrome_trace_tid(RowKind::Core, 1));
  CHECK(find_named(doc, "X", "M3"));  // an M with no P

  const json* bus = find_named(doc, "X", "BusRdX");
  REQUIRE(bus);
  CHECK((*bus)["pid"] == 3);
  CHECK((*bus)["ts"].get<double>() == 500 / 1000.0);
  CHECK((*bus)["dur"].get<double>() == 40 / 1000.0);
  CHECK((*bus)["args"]["addr"] == "0x1040");
  CHECK((*bus)["args"]["changes"] == "c1 I->M, c0 S->I");
  CHECK((*bus)["args"]["core"] == 1);
}

TEST_CASE("instants are thread-scoped, counters are C with a numeric series", "[chrome_trace]") {
  const json doc = parse(sample());
  const json* steal = find_named(doc, "i", "steal");
  REQUIRE(steal);
  CHECK((*steal)["s"] == "t");
  CHECK((*steal)["ts"].get<double>() == 0.15);
  CHECK((*steal)["tid"] == gb::chrome_trace_tid(RowKind::P, 1));
  CHECK((*steal)["args"] == json{{"from", "P0"}, {"count", "1"}});

  const auto counters = with_phase(doc, "C");
  REQUIRE(counters.size() == 3);
  for (const json& c : counters) {
    REQUIRE(c.at("args").is_object());
    for (const auto& [k, v] : c.at("args").items()) CHECK(v.is_number());
  }
}

TEST_CASE("every flow is one s and one f with the same id, each inside a slice of its row",
          "[chrome_trace]") {
  gb::RunTimeline t = sample();
  // A wake whose waker's slice has an instant before the wake: Perfetto binds to the top of the row's stack,
  // so the s must come before that instant or it would hang on the instant instead of on G17's slice.
  t.add(gb::Instant{RowKind::P, 1, 2000, "preempt requested", {}});
  t.add_flow({RowKind::P, 1, 2200}, {RowKind::P, 0, 2300}, "wake");
  // A flow to a row with nothing on it cannot be drawn: left out whole.
  t.add_flow({RowKind::P, 0, 100}, {RowKind::Bus, 0, 10'000'000}, "orphan");
  t.bus.clear();
  // A wake into a core row where the woken side is already running: its head must not precede its tail.
  t.add_flow({RowKind::P, 0, 1200}, {RowKind::Core, 1, 100}, "handoff");
  const json doc = parse(t);

  std::map<std::uint64_t, int> starts, ends;
  std::map<std::uint64_t, double> start_ts, end_ts;
  std::map<std::uint64_t, std::pair<std::string, std::string>> start_key, end_key;  // (cat, name)
  const json& events = doc["traceEvents"];
  for (std::size_t i = 0; i < events.size(); ++i) {
    const json& e = events[i];
    const std::string ph = e.at("ph");
    if (ph != "s" && ph != "f") continue;
    INFO(e.dump());
    const auto id = e.at("id").get<std::uint64_t>();
    const double ts = e.at("ts").get<double>();
    if (ph == "s") {
      ++starts[id];
      start_ts[id] = ts;
      start_key[id] = {e.at("cat"), e.at("name")};
    } else {
      ++ends[id];
      end_ts[id] = ts;
      end_key[id] = {e.at("cat"), e.at("name")};
      CHECK(e.at("bp") == "e");
    }
    // What Perfetto does: the last slice or instant read on this row before the flow is the one it binds to.
    const json* top = nullptr;
    for (std::size_t j = 0; j < i; ++j)
      if ((events[j]["ph"] == "X" || events[j]["ph"] == "i") && row_of(events[j]) == row_of(e))
        top = &events[j];
    REQUIRE(top);
    CHECK((*top)["ph"] == "X");
    CHECK((*top)["ts"].get<double>() <= ts);
    CHECK(ts <= (*top)["ts"].get<double>() + (*top)["dur"].get<double>());
  }
  CHECK(starts == std::map<std::uint64_t, int>{{1, 1}, {2, 1}, {4, 1}});
  CHECK(ends == std::map<std::uint64_t, int>{{1, 1}, {2, 1}, {4, 1}});
  CHECK(start_key == end_key);
  for (const auto& [id, ts] : start_ts) CHECK(ts <= end_ts[id]);  // Perfetto drops an f read before its s

  // The wake lands on G1's next slice on P0 (3000..4000 ns), not at the wake time when P0 ran nothing.
  for (const json& f : with_phase(doc, "f")) {
    if (f["id"] != 1) continue;
    CHECK(f["tid"] == gb::chrome_trace_tid(RowKind::P, 0));
    CHECK(f["ts"].get<double>() > 3.0);
    CHECK(f["ts"].get<double>() < 4.0);
  }
}

TEST_CASE("a flow head with an instant in the way still follows its tail, inside its slice",
          "[chrome_trace]") {
  gb::RunTimeline t = sample();
  // Core 0 runs M0 over 0..4000 ns with an instant at 540 ns; the waker is at 1200 ns on P0.
  t.flows.clear();
  t.add_flow({RowKind::P, 0, 1200}, {RowKind::Core, 0, 100}, "handoff");
  const json doc = parse(t);
  const auto s = with_phase(doc, "s");
  const auto f = with_phase(doc, "f");
  REQUIRE(s.size() == 1);
  REQUIRE(f.size() == 1);
  CHECK(s[0]["ts"].get<double>() <= f[0]["ts"].get<double>());
  CHECK(f[0]["tid"] == gb::chrome_trace_tid(RowKind::Core, 0));
  CHECK(f[0]["ts"].get<double>() > 0.0);
  CHECK(f[0]["ts"].get<double>() < 4.0);
}

TEST_CASE("events are sorted by ts after the metadata, and output is deterministic", "[chrome_trace]") {
  const gb::RunTimeline t = sample();
  CHECK(gb::chrome_trace_json(t) == gb::chrome_trace_json(t));
  const json doc = parse(t);
  bool seen_event = false;
  double last = -1;
  for (const json& e : doc["traceEvents"]) {
    if (e["ph"] == "M") {
      CHECK_FALSE(seen_event);  // all metadata first
      continue;
    }
    seen_event = true;
    CHECK(e["ts"].get<double>() >= last);
    last = e["ts"].get<double>();
  }

  // Same ts: the instant goes first, then slices (longest first), then flows; ties keep insertion order.
  gb::RunTimeline same;
  same.procs = 1;
  same.add(gb::GSlice{0, 0, 2, "b", 100, 150, "x"});
  same.add(gb::GSlice{0, 0, 1, "a", 100, 300, "x"});
  same.add(gb::Instant{RowKind::P, 0, 100, "mark", {}});
  same.add(gb::Counter{100, "Goroutines", 2});
  std::vector<std::string> names;
  const json same_doc = parse(same);
  for (const json& e : same_doc["traceEvents"])
    if (e["ph"] != "M") names.push_back(e["name"]);
  CHECK(names == std::vector<std::string>{"mark", "G1 a", "G2 b", "Goroutines"});
}

TEST_CASE("non-UTF-8 names do not throw", "[chrome_trace]") {
  gb::RunTimeline t;
  t.procs = 1;
  t.add(gb::GSlice{0, 0, 1, std::string("main.\xff\xfe"), 0, 10, "exit"});
  CHECK_NOTHROW(json::parse(gb::chrome_trace_json(t)));
}

TEST_CASE("write_chrome_trace writes the same text, and names the file when it cannot", "[chrome_trace]") {
  const gb::RunTimeline t = sample();
  const std::string path = "test_export_trace.json";
  CHECK(gb::write_chrome_trace(t, path).empty());
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == gb::chrome_trace_json(t));
  std::remove(path.c_str());

  const std::string err = gb::write_chrome_trace(t, "/nonexistent-dir/trace.json");
  CHECK_FALSE(err.empty());
  CHECK(err.find("/nonexistent-dir/trace.json") != std::string::npos);
}
