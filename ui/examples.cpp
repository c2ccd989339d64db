// The examples' menu entries; their sources come from ui/examples/*.go through the generated
// examples_data.inc.
#include "examples.h"

#include "examples_data.inc"

namespace gb::ui {

const std::vector<Example>& examples() {
  static const std::vector<Example> all{
      {"pingpong.go", "Mutex ping-pong",
       "two goroutines on two cores take turns on one sync.Mutex: its line and the counter's move on every "
       "Lock",
       kExamplePingpong},
      {"lost_update.go", "Lost update",
       "balance += 1 in two goroutines without a lock: both load the same value and one store is lost",
       kExampleLostUpdate},
      {"atomic_counter.go", "Atomic counter",
       "the lost update fixed with atomic.AddInt64: a locked read-modify-write needs the line in M",
       kExampleAtomicCounter},
      {"false_sharing.go", "False sharing",
       "two goroutines, two counters, one cache line: every increment invalidates the other core's copy",
       kExampleFalseSharing},
      {"private_data.go", "Private data (MESI's E)",
       "each goroutine reads then writes its own line: the read gets E, the write upgrades to M with no bus "
       "transaction; the shared knob makes the lines S instead",
       kExamplePrivateData},
      {"pipeline.go", "Channel pipeline",
       "a producer, three workers and a collector over buffered and unbuffered channels", kExamplePipeline},
      {"payment.go", "Payment workload",
       "API goroutines publish payments to the message queue, ledger consumers apply them under a lock: the "
       "Payments knob sets how many the clients send",
       kExamplePayment},
  };
  return all;
}

const Example* find_example(std::string_view file) {
  for (const Example& e : examples())
    if (e.file == file) return &e;
  return nullptr;
}

}  // namespace gb::ui
