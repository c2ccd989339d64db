// Natives of package sync/atomic: read-modify-write operations on the word a pointer names. A native runs
// without interruption, so each operation is indivisible; results wrap to the operand type's width and are
// kept sign- or zero-extended like every integer word. On the machine every operation but Load is a locked
// read-modify-write (XADD, XCHG, CMPXCHG on amd64; a Store is an XCHG): load_exclusive takes the line in M first.
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

namespace {

constexpr const char* kNilDeref = "invalid memory address or nil pointer dereference";

template <Kind K>
void add(NativeHost& host) {
  Word* f = host.frame();
  const Word addr = f[0], delta = f[1];
  if (addr == 0) return host.panic_error(kNilDeref, true);
  const Word next = wrap_to_kind(host.load_exclusive(addr) + delta, K);
  host.store(addr, next);
  host.frame()[2] = next;
}

template <Kind K>
void load(NativeHost& host) {
  const Word addr = host.frame()[0];
  if (addr == 0) return host.panic_error(kNilDeref, true);
  const Word v = host.load(addr);
  host.frame()[1] = v;
}

template <Kind K>
void store(NativeHost& host) {
  Word* f = host.frame();
  const Word addr = f[0], v = wrap_to_kind(f[1], K);
  if (addr == 0) return host.panic_error(kNilDeref, true);
  host.load_exclusive(addr);
  host.store(addr, v);
}

template <Kind K>
void swap(NativeHost& host) {
  Word* f = host.frame();
  const Word addr = f[0], v = wrap_to_kind(f[1], K);
  if (addr == 0) return host.panic_error(kNilDeref, true);
  const Word old = host.load_exclusive(addr);
  host.store(addr, v);
  host.frame()[2] = old;
}

template <Kind K>
void compare_and_swap(NativeHost& host) {
  Word* f = host.frame();
  const Word addr = f[0], old = wrap_to_kind(f[1], K), v = wrap_to_kind(f[2], K);
  if (addr == 0) return host.panic_error(kNilDeref, true);
  const bool swapped = host.load_exclusive(addr) == old;
  if (swapped) host.store(addr, v);
  host.frame()[3] = swapped ? 1 : 0;
}

template <Kind K>
void register_type(NativeTable& table, std::string_view add_name, std::string_view load_name,
                   std::string_view store_name, std::string_view swap_name, std::string_view cas_name) {
  table.push_back({add_name, add<K>});
  table.push_back({load_name, load<K>});
  table.push_back({store_name, store<K>});
  table.push_back({swap_name, swap<K>});
  table.push_back({cas_name, compare_and_swap<K>});
}

}  // namespace

void register_atomic_natives(NativeTable& table) {
  register_type<Kind::Int32>(table, "atomic.AddInt32", "atomic.LoadInt32", "atomic.StoreInt32",
                             "atomic.SwapInt32", "atomic.CompareAndSwapInt32");
  register_type<Kind::Int64>(table, "atomic.AddInt64", "atomic.LoadInt64", "atomic.StoreInt64",
                             "atomic.SwapInt64", "atomic.CompareAndSwapInt64");
  register_type<Kind::Uint32>(table, "atomic.AddUint32", "atomic.LoadUint32", "atomic.StoreUint32",
                              "atomic.SwapUint32", "atomic.CompareAndSwapUint32");
  register_type<Kind::Uint64>(table, "atomic.AddUint64", "atomic.LoadUint64", "atomic.StoreUint64",
                              "atomic.SwapUint64", "atomic.CompareAndSwapUint64");
  register_type<Kind::Uintptr>(table, "atomic.AddUintptr", "atomic.LoadUintptr", "atomic.StoreUintptr",
                               "atomic.SwapUintptr", "atomic.CompareAndSwapUintptr");
}

}  // namespace gb::vm::natives
