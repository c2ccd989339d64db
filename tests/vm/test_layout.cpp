// Go's amd64 memory layout (scheduler/vm/layout.h) against the real toolchain. Every expected size, alignment,
// field offset and word slot below came from Go 1.19 on amd64 (golang-go 1.19, linux/amd64): a program printing
// unsafe.Sizeof/Alignof/Offsetof for these types, and, for the word slots, walking each type with reflect
// (Type.Size, StructField.Offset) and printing {byte offset, width} for every interpreter word as bytecode.h
// lays values out (a scalar is one word at its own size; string, slice and interface header words are 8 bytes).
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "scheduler/vm/layout.h"

using namespace gb::vm;

namespace {

using Slots = std::vector<std::pair<std::uint64_t, unsigned>>;  // {offset, width} per word

Slots slots_of(const std::vector<ByteSlot>& v) {
  Slots s;
  for (const ByteSlot& b : v) s.emplace_back(b.offset, b.width);
  return s;
}

StructField field(const char* name, TypeId type) { return StructField{name, type, false}; }

TypeId named(TypeTable& t, const char* name, TypeId underlying) {
  const TypeId id = t.new_named(name, "main");
  t.set_underlying(id, underlying);
  return id;
}

// The Go program's types, built in a TypeTable.
struct GoTypes {
  TypeTable t;
  TypeId empty = 0, padded = 0, node = 0, mixed = 0, inner = 0, outer = 0, headers = 0, refs = 0, mutex = 0,
         account = 0, bool_after = 0, bool_around = 0, small_f = 0, bytes = 0, arr16 = 0, trail_zero = 0,
         lead_zero = 0, trail_zero_arr = 0, elem = 0;

  GoTypes() {
    // type Empty struct{}
    empty = named(t, "Empty", t.struct_of({}));
    // type Padded struct { N int64; _ [56]byte }
    padded = named(t, "Padded", t.struct_of({field("N", kInt64), field("_", t.array_of(kByte, 56))}));
    // type Node struct { Val int; Next *Node }   (refers to itself through a pointer)
    node = t.new_named("Node", "main");
    t.set_underlying(node, t.struct_of({field("Val", kInt), field("Next", t.pointer_to(node))}));
    // type Mixed struct { A bool; B int16; C int32; D bool; E int64 }
    mixed = named(t, "Mixed",
                  t.struct_of({field("A", kBool), field("B", kInt16), field("C", kInt32), field("D", kBool),
                               field("E", kInt64)}));
    // type Inner struct { X int32; Y bool };  type Outer struct { A bool; In Inner; Z int16 }
    inner = named(t, "Inner", t.struct_of({field("X", kInt32), field("Y", kBool)}));
    outer = named(t, "Outer", t.struct_of({field("A", kBool), field("In", inner), field("Z", kInt16)}));
    // type Headers struct { S string; B bool; Sl []byte; I interface{}; U uint16 }
    headers = named(t, "Headers",
                    t.struct_of({field("S", kString), field("B", kBool), field("Sl", t.slice_of(kByte)),
                                 field("I", kEmptyInterface), field("U", kUint16)}));
    // type Refs struct { F32 float32; F64 float64; R rune; C chan int; M map[int]int; Fn func();
    //                    P unsafe.Pointer; E error }
    refs = named(t, "Refs",
                 t.struct_of({field("F32", kFloat32), field("F64", kFloat64), field("R", kRune),
                              field("C", t.chan_of(kInt, ChanDir::Both)), field("M", t.map_of(kInt, kInt)),
                              field("Fn", t.func_of({}, {}, false)), field("P", kUnsafePointer),
                              field("E", kError)}));
    // type Mutex struct { State int32; Sema uint32 }  (sync.Mutex's shape)
    mutex = named(t, "Mutex", t.struct_of({field("State", kInt32), field("Sema", kUint32)}));
    // type Account struct { Mu Mutex; Balance int64; Closed bool }
    account = named(t, "Account",
                    t.struct_of({field("Mu", mutex), field("Balance", kInt64), field("Closed", kBool)}));
    bool_after = named(t, "BoolAfter", t.struct_of({field("A", kInt64), field("B", kBool)}));
    bool_around =
        named(t, "BoolAround", t.struct_of({field("A", kBool), field("B", kInt64), field("C", kBool)}));
    small_f = named(t, "SmallF", t.struct_of({field("A", kInt8), field("B", kFloat32), field("C", kInt8)}));
    bytes = named(t, "Bytes",
                  t.struct_of({field("A", kByte), field("B", t.array_of(kByte, 3)), field("C", kUint16)}));
    arr16 = named(t, "Arr16", t.struct_of({field("A", t.array_of(kInt16, 3)), field("B", kInt32)}));
    // type TrailZero struct { A int64; Z struct{} }; LeadZero { Z struct{}; A int64 };
    // TrailZeroArr { A int32; Z [0]int64 }
    trail_zero = named(t, "TrailZero", t.struct_of({field("A", kInt64), field("Z", t.struct_of({}))}));
    lead_zero = named(t, "LeadZero", t.struct_of({field("Z", t.struct_of({})), field("A", kInt64)}));
    trail_zero_arr =
        named(t, "TrailZeroArr", t.struct_of({field("A", kInt32), field("Z", t.array_of(kInt64, 0))}));
    elem = named(t, "Elem", t.struct_of({field("A", kInt32), field("B", kBool)}));
  }
};

struct Expect {
  const char* go;  // the type as written in the Go program
  TypeId type;
  std::uint64_t size;
  std::uint32_t align;
};

}  // namespace

TEST_CASE("layout: predeclared and reference types have Go's amd64 sizes", "[vm][layout]") {
  TypeTable t;
  const Expect cases[] = {
      {"bool", kBool, 1, 1},
      {"int8", kInt8, 1, 1},
      {"uint8", kUint8, 1, 1},
      {"int16", kInt16, 2, 2},
      {"uint16", kUint16, 2, 2},
      {"int32", kInt32, 4, 4},
      {"rune", kRune, 4, 4},
      {"uint32", kUint32, 4, 4},
      {"int", kInt, 8, 8},
      {"int64", kInt64, 8, 8},
      {"uint", kUint, 8, 8},
      {"uint64", kUint64, 8, 8},
      {"uintptr", kUintptr, 8, 8},
      {"float32", kFloat32, 4, 4},
      {"float64", kFloat64, 8, 8},
      {"string", kString, 16, 8},
      {"[]int", t.slice_of(kInt), 24, 8},
      {"interface{}", kEmptyInterface, 16, 8},
      {"error", kError, 16, 8},
      {"*int", t.pointer_to(kInt), 8, 8},
      {"map[string]int", t.map_of(kString, kInt), 8, 8},
      {"chan int", t.chan_of(kInt, ChanDir::Both), 8, 8},
      {"func()", t.func_of({}, {}, false), 8, 8},
      {"unsafe.Pointer", kUnsafePointer, 8, 8},
  };
  LayoutCache cache(t);
  for (const Expect& e : cases) {
    INFO(e.go);
    CHECK(cache.layout(e.type) == GoLayout{e.size, e.align});
    CHECK(go_layout(t, e.type) == GoLayout{e.size, e.align});
  }
  // Every one-word scalar is one slot at offset 0 of its own size; headers are 8-byte words.
  CHECK(slots_of(word_bytes(t, kInt16)) == Slots{{0, 2}});
  CHECK(slots_of(word_bytes(t, kString)) == Slots{{0, 8}, {8, 8}});
  CHECK(slots_of(word_bytes(t, t.slice_of(kInt))) == Slots{{0, 8}, {8, 8}, {16, 8}});
  CHECK(slots_of(word_bytes(t, kEmptyInterface)) == Slots{{0, 8}, {8, 8}});
  CHECK(slots_of(word_bytes(t, kError)) == Slots{{0, 8}, {8, 8}});
}

TEST_CASE("layout: structs pad each field to its alignment as Go 1.19 does", "[vm][layout]") {
  GoTypes g;
  LayoutCache c(g.t);
  struct StructCase {
    const char* go;
    TypeId type;
    std::uint64_t size;
    std::uint32_t align;
    std::vector<std::uint64_t> offsets;
    Slots words;
  };
  // Go 1.19, amd64: unsafe.Sizeof, unsafe.Alignof, reflect StructField.Offset, reflect-walked word slots.
  const std::vector<StructCase> cases = {
      {"Padded", g.padded, 64, 8, {0, 8}, {}},
      {"Node", g.node, 16, 8, {0, 8}, {{0, 8}, {8, 8}}},
      {"Mixed", g.mixed, 24, 8, {0, 2, 4, 8, 16}, {{0, 1}, {2, 2}, {4, 4}, {8, 1}, {16, 8}}},
      {"Outer", g.outer, 16, 4, {0, 4, 12}, {{0, 1}, {4, 4}, {8, 1}, {12, 2}}},
      {"Headers", g.headers, 72, 8, {0, 16, 24, 48, 64},
       {{0, 8}, {8, 8}, {16, 1}, {24, 8}, {32, 8}, {40, 8}, {48, 8}, {56, 8}, {64, 2}}},
      {"Refs", g.refs, 72, 8, {0, 8, 16, 24, 32, 40, 48, 56},
       {{0, 4}, {8, 8}, {16, 4}, {24, 8}, {32, 8}, {40, 8}, {48, 8}, {56, 8}, {64, 8}}},
      {"Account", g.account, 24, 8, {0, 8, 16}, {{0, 4}, {4, 4}, {8, 8}, {16, 1}}},
      {"BoolAfter", g.bool_after, 16, 8, {0, 8}, {{0, 8}, {8, 1}}},
      {"BoolAround", g.bool_around, 24, 8, {0, 8, 16}, {{0, 1}, {8, 8}, {16, 1}}},
      {"SmallF", g.small_f, 12, 4, {0, 4, 8}, {{0, 1}, {4, 4}, {8, 1}}},
      {"Bytes", g.bytes, 6, 2, {0, 1, 4}, {{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 2}}},
      {"Arr16", g.arr16, 12, 4, {0, 8}, {{0, 2}, {2, 2}, {4, 2}, {8, 4}}},
      {"Empty", g.empty, 0, 1, {}, {}},
      // A non-empty struct ending in a zero-size field gets a byte of padding (then rounding): Go issue 9401.
      {"TrailZero", g.trail_zero, 16, 8, {0, 8}, {{0, 8}}},
      {"LeadZero", g.lead_zero, 8, 8, {0, 0}, {{0, 8}}},
      {"TrailZeroArr", g.trail_zero_arr, 16, 8, {0, 8}, {{0, 4}}},
  };
  for (const StructCase& e : cases) {
    INFO(e.go);
    CHECK(c.layout(e.type) == GoLayout{e.size, e.align});
    CHECK(c.field_offsets(e.type) == e.offsets);
    for (std::uint32_t f = 0; f < e.offsets.size(); ++f) {
      CHECK(c.field_offset(e.type, f) == e.offsets[f]);
      CHECK(go_field_offset(g.t, e.type, f) == e.offsets[f]);
    }
    const std::vector<ByteSlot> words = c.word_bytes(e.type);
    CHECK(words.size() == g.t.words(e.type));
    if (e.type != g.padded) CHECK(slots_of(words) == e.words);
  }
  // Padded: N then 56 one-byte words at 8..63 (Go: unsafe.Offsetof(p.N) = 0, Sizeof 64; the pad's bytes at 8+i).
  const std::vector<ByteSlot> p = c.word_bytes(g.padded);
  REQUIRE(p.size() == 57);
  CHECK(p[0] == ByteSlot{0, 8, SlotEncoding::Signed});
  for (std::size_t i = 1; i < p.size(); ++i) CHECK(p[i] == ByteSlot{7 + i, 1, SlotEncoding::Unsigned});
  // The unnamed struct types lay out the same as the named ones (the cache is keyed by TypeId, both ids work).
  CHECK(c.layout(g.t.underlying(g.outer)) == GoLayout{16, 4});
  CHECK(c.field_offset(g.t.underlying(g.mixed), 4) == 16);
}

TEST_CASE("layout: arrays repeat the element at its size, padding separates counters", "[vm][layout]") {
  GoTypes g;
  TypeTable& t = g.t;
  LayoutCache c(t);
  // Go 1.19, amd64.
  const Expect cases[] = {
      {"[2]Padded", t.array_of(g.padded, 2), 128, 8},
      {"[1000]Padded", t.array_of(g.padded, 1000), 64000, 8},
      {"[2]int64", t.array_of(kInt64, 2), 16, 8},
      {"[2]Account", t.array_of(g.account, 2), 48, 8},
      {"[3]Elem", t.array_of(g.elem, 3), 24, 4},
      {"[4]bool", t.array_of(kBool, 4), 4, 1},
      {"[2]string", t.array_of(kString, 2), 32, 8},
      {"[3][2]int16", t.array_of(t.array_of(kInt16, 2), 3), 12, 2},
      {"[0]int64", t.array_of(kInt64, 0), 0, 8},
      {"[4]Empty", t.array_of(g.empty, 4), 0, 1},
  };
  for (const Expect& e : cases) {
    INFO(e.go);
    CHECK(c.layout(e.type) == GoLayout{e.size, e.align});
    CHECK(c.word_bytes(e.type).size() == t.words(e.type));
  }
  // Two int64 counters side by side share a 64-byte line; with `_ [56]byte` after each they do not
  // (Go: &c[1]-&c[0] = 8 for [2]int64, &pc[1].N-&pc[0].N = 64 for [2]Padded).
  CHECK(slots_of(c.word_bytes(t.array_of(kInt64, 2))) == Slots{{0, 8}, {8, 8}});
  const std::vector<ByteSlot> pc = c.word_bytes(t.array_of(g.padded, 2));
  REQUIRE(pc.size() == 114);
  CHECK(pc[0].offset / 64 == 0);
  CHECK(pc[57] == ByteSlot{64, 8, SlotEncoding::Signed});
  CHECK(pc[57].offset / 64 == 1);
  CHECK(pc[113] == ByteSlot{127, 1, SlotEncoding::Unsigned});
  CHECK(slots_of(c.word_bytes(t.array_of(g.account, 2))) ==
        Slots{{0, 4}, {4, 4}, {8, 8}, {16, 1}, {24, 4}, {28, 4}, {32, 8}, {40, 1}});
  CHECK(slots_of(c.word_bytes(t.array_of(g.elem, 3))) ==
        Slots{{0, 4}, {4, 1}, {8, 4}, {12, 1}, {16, 4}, {20, 1}});
  CHECK(slots_of(c.word_bytes(t.array_of(kBool, 4))) == Slots{{0, 1}, {1, 1}, {2, 1}, {3, 1}});
  CHECK(slots_of(c.word_bytes(t.array_of(kString, 2))) == Slots{{0, 8}, {8, 8}, {16, 8}, {24, 8}});
  CHECK(slots_of(c.word_bytes(t.array_of(t.array_of(kInt16, 2), 3))) ==
        Slots{{0, 2}, {2, 2}, {4, 2}, {6, 2}, {8, 2}, {10, 2}});
  CHECK(c.word_bytes(t.array_of(kInt64, 0)).empty());
  CHECK(c.word_bytes(t.array_of(g.empty, 4)).empty());
  const std::vector<ByteSlot> big = c.word_bytes(t.array_of(g.padded, 1000));
  REQUIRE(big.size() == 57000);
  CHECK(big[999 * 57] == ByteSlot{999 * 64, 8, SlotEncoding::Signed});
  CHECK(big.back() == ByteSlot{64000 - 1, 1, SlotEncoding::Unsigned});
}

TEST_CASE("layout: word_slot agrees with word_bytes word by word", "[vm][layout]") {
  GoTypes g;
  TypeTable& t = g.t;
  const std::vector<TypeId> types = {
      g.padded, g.node, g.mixed, g.outer, g.headers, g.refs, g.account, g.bytes, g.arr16, g.trail_zero,
      g.lead_zero, g.trail_zero_arr, t.array_of(g.account, 3), t.array_of(t.array_of(kInt16, 2), 3),
      t.array_of(g.headers, 2), t.struct_of({field("A", t.array_of(g.outer, 2)), field("B", kString)}),
      t.tuple_of({kBool, kInt64, kString}), kString, kInt8};
  LayoutCache c(t);
  for (TypeId id : types) {
    INFO(t.to_string(id));
    const std::vector<ByteSlot> all = c.word_bytes(id);
    REQUIRE(all.size() == t.words(id));
    for (std::uint64_t w = 0; w < all.size(); ++w) CHECK(c.word_slot(id, w) == all[w]);
    // Slots never overlap and never leave the value.
    for (std::size_t w = 0; w < all.size(); ++w) {
      CHECK(all[w].offset + all[w].width <= c.size(id));
      CHECK(all[w].offset % all[w].width == 0);  // every access is naturally aligned
      if (w > 0) CHECK(all[w - 1].offset + all[w - 1].width <= all[w].offset);
    }
    CHECK_THROWS_AS(c.word_slot(id, all.size()), std::out_of_range);
  }
  // A multi-value result is laid out like a struct: bool at 0, int64 at 8, string at 16.
  CHECK(slots_of(c.word_bytes(t.tuple_of({kBool, kInt64, kString}))) == Slots{{0, 1}, {8, 8}, {16, 8}, {24, 8}});
}

TEST_CASE("layout: slot encodings tell the seam how to narrow and widen a word", "[vm][layout]") {
  GoTypes g;
  LayoutCache c(g.t);
  CHECK(c.word_slot(kInt8, 0).encoding == SlotEncoding::Signed);
  CHECK(c.word_slot(kInt32, 0).encoding == SlotEncoding::Signed);
  CHECK(c.word_slot(kInt, 0).encoding == SlotEncoding::Signed);
  CHECK(c.word_slot(kUint8, 0).encoding == SlotEncoding::Unsigned);
  CHECK(c.word_slot(kUint16, 0).encoding == SlotEncoding::Unsigned);
  CHECK(c.word_slot(kBool, 0).encoding == SlotEncoding::Unsigned);
  CHECK(c.word_slot(kFloat32, 0) == ByteSlot{0, 4, SlotEncoding::Float32});
  CHECK(c.word_slot(kFloat64, 0) == ByteSlot{0, 8, SlotEncoding::Unsigned});
  // Refs: F32 at 0 (4 bytes, Float32), R (rune) at 16 (4 bytes, Signed), the interface's words unsigned.
  CHECK(c.word_slot(g.refs, 0) == ByteSlot{0, 4, SlotEncoding::Float32});
  CHECK(c.word_slot(g.refs, 2) == ByteSlot{16, 4, SlotEncoding::Signed});
  CHECK(c.word_slot(g.refs, 8) == ByteSlot{64, 8, SlotEncoding::Unsigned});
}

TEST_CASE("layout: the cache follows a table that grows after it was made", "[vm][layout]") {
  TypeTable t;
  LayoutCache c(t);
  CHECK(c.layout(kInt64) == GoLayout{8, 8});
  const TypeId pair = named(t, "Pair", t.struct_of({field("A", kInt32), field("B", kInt64)}));
  const TypeId arr = t.array_of(pair, 4);
  CHECK(c.layout(pair) == GoLayout{16, 8});
  CHECK(c.field_offset(pair, 1) == 8);
  CHECK(c.layout(arr) == GoLayout{64, 8});
  CHECK(c.word_slot(arr, 7) == ByteSlot{56, 8, SlotEncoding::Signed});
  CHECK_THROWS_AS(c.field_offset(pair, 2), std::out_of_range);
  CHECK_THROWS_AS(c.field_offset(kInt, 0), std::invalid_argument);
  // A named type whose underlying type is not set yet is one word (TypeTable::words), one 8-byte slot.
  const TypeId pending = t.new_named("Pending", "main");
  CHECK(t.words(pending) == 1);
  CHECK(c.layout(pending) == GoLayout{8, 8});
  CHECK(c.word_bytes(pending) == std::vector<ByteSlot>{ByteSlot{0, 8, SlotEncoding::Unsigned}});
}
