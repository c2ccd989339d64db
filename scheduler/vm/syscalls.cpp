// Blocking system calls to the outside world (world_host.h) and what the runtime does around them
// (proc.go): entersyscall leaves the P in _Psyscall with the blocked M; sysmon's retake hands the P to another M
// (handoffp) once the call has lasted a sysmon tick (20 us) and the P has work, or no P is idle, or 10 ms passed;
// exitsyscall takes the old P back if it is still there, else an idle P, else the G waits in the global queue.
#include <algorithm>

#include "scheduler/vm/vm.h"
#include "scheduler/vm/vm_internal.h"

namespace gb::vm {

namespace {

constexpr std::int64_t kSysmonTickNs = 20'000;           // sysmon's shortest sleep (20 us)
constexpr std::int64_t kSyscallRetakeAnywayNs = 10'000'000;  // retake's "syscallwhen + 10ms" rule

}  // namespace

void Vm::world_syscall(int call, Word* f) {
  if (world_ == nullptr) fatal_error("system call to the outside world, but no world is attached (run it on the machine)", cur_g_);
  const auto kind = static_cast<WorldCall>(call);
  WorldArgs a;
  auto text = [&](int i) { return mem_.string_view(f[2 * i], f[2 * i + 1]); };
  switch (kind) {
    case WorldCall::MqPublish: a.text[0] = text(0); a.text[1] = text(1); a.text[2] = text(2); break;
    case WorldCall::MqSubscribe: a.text[0] = text(0); a.text[1] = text(1); break;
    case WorldCall::MqPoll: a.ints[0] = static_cast<std::int64_t>(f[0]); break;
    case WorldCall::MqCommit:
      for (int i = 0; i < 3; ++i) a.ints[i] = static_cast<std::int64_t>(f[i]);
      break;
    case WorldCall::ClientNext: break;
    case WorldCall::DbExec: a.ints[0] = static_cast<std::int64_t>(f[0]); break;
  }
  const WorldReply r = world_->call(kind, a, now_);
  if (!r.error.empty()) panic_string(r.error);
  if (r.kill_caller) {
    gs_[static_cast<std::size_t>(cur_g_)].goexit = true;
    ++killed_;
  }
  auto put_string = [&](const std::string& s, Word* out) { make_string_value(s, out); };
  switch (kind) {
    case WorldCall::MqPublish: f[6] = static_cast<Word>(r.ints[0]); f[7] = static_cast<Word>(r.ints[1]); break;
    case WorldCall::MqSubscribe: f[4] = static_cast<Word>(r.ints[0]); break;
    case WorldCall::MqPoll:
      put_string(r.text[0], f + 1);
      put_string(r.text[1], f + 3);
      f[5] = static_cast<Word>(r.ints[0]);
      f[6] = static_cast<Word>(r.ints[1]);
      f[7] = r.ok ? 1 : 0;
      break;
    case WorldCall::MqCommit: break;
    case WorldCall::ClientNext:
      f[0] = static_cast<Word>(r.ints[0]);
      put_string(r.text[0], f + 1);
      f[3] = static_cast<Word>(r.ints[1]);
      f[4] = static_cast<Word>(r.ints[2]);
      f[5] = static_cast<Word>(r.ints[3]);
      f[6] = r.ok ? 1 : 0;
      break;
    case WorldCall::DbExec: break;
  }
  // entersyscall: the results are in the frame already; the G is back when the reply arrives.
  PendingSyscall s;
  s.g = cur_g_;
  s.p = cur_p_;
  s.start_ns = now_;
  s.done_ns = std::max(r.done_ns, now_);
  if (opts_.machine) s.retake_extra = timing_noise(scaled(kJitterSysmonNs));
  syscalls_.push_back(s);
  sched_.enter_syscall(cur_p_);
  switch_ = true;
}

void Vm::service_syscalls(std::int64_t t) {
  if (syscalls_.empty()) return;
  int idle = 0;
  for (int i = 0; i < sched_.gomaxprocs(); ++i) idle += sched_.p(i).status == PStatus::Idle;
  for (PendingSyscall& s : syscalls_) {
    if (s.retaken || s.done_ns <= t) continue;
    const std::int64_t lasted = t - s.start_ns;
    if (lasted < scaled(kSysmonTickNs) + s.retake_extra) continue;
    const bool has_work = s.p < sched_.gomaxprocs() && !sched_.p(s.p).runq.empty();
    if (!has_work && idle > 0 && lasted < scaled(kSyscallRetakeAnywayNs)) continue;
    if (s.p < sched_.gomaxprocs() && sched_.p(s.p).status == PStatus::Syscall && sched_.p(s.p).syscall_g == s.g) {
      sched_.retake_syscall(s.p);
      ++idle;
      ++handoffs_;
      last_handoff_ = HandoffRecord{s.p, s.g};
    }
    s.retaken = true;
  }
  // Returns, in the order the calls finish (ties: the order they were made).
  std::stable_sort(syscalls_.begin(), syscalls_.end(),
                   [](const PendingSyscall& x, const PendingSyscall& y) { return x.done_ns < y.done_ns; });
  std::size_t n = 0;
  while (n < syscalls_.size() && syscalls_[n].done_ns <= t) {
    const PendingSyscall& s = syscalls_[n];
    sched_.exit_syscall(s.g, s.p, s.retaken);
    ++n;
  }
  syscalls_.erase(syscalls_.begin(), syscalls_.begin() + static_cast<std::ptrdiff_t>(n));
}

// sysmon: a timer that should have run a tick ago while no M looked at the timers (every P busy with a long
// G, none spinning) gets an M started on an idle P to run it (sysmon's startm for overdue timers).
void Vm::sysmon_timers(std::int64_t t) {
  if (!sched_.threads()) return;
  const auto when = timers_.next_when();
  if (!when || *when + scaled(kSysmonTickNs) > t) return;
  sched_.wake_for_overdue_timer();
}

// When something about the syscalls changes next (a return, or a retake that sysmon would do), for an idle
// machine that sleeps until then.
std::optional<std::int64_t> Vm::next_syscall_event() const {
  std::optional<std::int64_t> next;
  for (const PendingSyscall& s : syscalls_) {
    std::int64_t when = s.done_ns;
    if (!s.retaken) {
      const bool has_work = s.p < sched_.gomaxprocs() && !sched_.p(s.p).runq.empty();
      if (has_work) when = std::min(when, s.start_ns + scaled(kSysmonTickNs) + s.retake_extra);
    }
    if (!next || when < *next) next = when;
  }
  return next;
}

}  // namespace gb::vm
