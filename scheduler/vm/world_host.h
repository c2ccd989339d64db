// The world outside the Go process, as the runtime sees it: a message-queue broker, payment clients and a ledger
// database, reached by blocking system calls. The scheduler defines this interface and sim/ implements it (the
// broker lives there), so the dependency points down. A call is answered at the time it is made; the reply
// becomes visible to the calling goroutine at `done_ns`, and until then its M is blocked in the kernel.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gb::vm {

enum class WorldCall : std::uint8_t {
  MqPublish,    // text[0] topic, text[1] key, text[2] value -> ints[0] partition, ints[1] offset
  MqSubscribe,  // text[0] group, text[1] topic -> ints[0] consumer id
  MqPoll,       // ints[0] consumer -> ok, text[0] key, text[1] value, ints[0] partition, ints[1] offset
  MqCommit,     // ints[0] consumer, ints[1] partition, ints[2] next offset
  ClientNext,   // -> ok (false: no more), ints[0] id, ints[1] from, ints[2] to, ints[3] amount, text[0] key;
                //    done_ns is the payment's arrival
  DbExec,       // ints[0] account: a ledger write's latency
};

struct WorldArgs {
  std::string_view text[3];
  std::int64_t ints[3] = {0, 0, 0};
};

struct WorldReply {
  std::int64_t done_ns = 0;
  bool ok = true;
  std::int64_t ints[4] = {0, 0, 0, 0};
  std::string text[2];
  std::string error;  // non-empty: the call failed (the goroutine panics with it)
  // The caller is killed by a fault (a consumer that crashes mid-message): when the call returns, the goroutine
  // exits as runtime.Goexit does, running its deferred calls, and never sees the reply.
  bool kill_caller = false;
};

class WorldHost {
 public:
  virtual ~WorldHost() = default;
  virtual WorldReply call(WorldCall call, const WorldArgs& args, std::int64_t now_ns) = 0;
};

}  // namespace gb::vm
