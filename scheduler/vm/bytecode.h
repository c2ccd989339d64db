// The bytecode Gopherbus runs: defined here, where it runs (scheduler/), produced by the compiler in sim/go.
//
// Value model. Every Go value is a run of 64-bit words:
//   bool, ints, uints (kept zero/sign-extended to 64 bits), float64 (IEEE bits), float32 (the float64 bits of a
//   float32-rounded value), pointer, map, chan, func: 1 word;  string: 2 words {byte address, length};
//   slice: 3 words {element address, len, cap};  interface: 2 words {dynamic TypeId (0 = nil interface),
//   data};  array [N]T: N × words(T);  struct: its fields' words in order.
// An interface's data word holds the value itself when the dynamic type is 1 word, otherwise the address of a
// heap box holding a copy. Pointers are word addresses into the heap (0 = nil); a string's pointer word is an
// offset in the literals' read-only arena or a tagged byte address in the heap (memory.h; 0 = the empty
// string). A map word is a map handle (0 = nil map), a chan word
// a channel handle (0 = nil), a func word the heap address of a closure (0 = nil func). A closure is a heap
// object whose word 0 is the index of its function; the words after it belong to the compiler (captured
// variables' cell addresses, a method value's bound receiver) and the function reads them through the closure
// address the call puts in its Function::closure_slot.
// (Issue 4 maps heap words to simulated byte addresses with Go's sizes and alignment at the memory seam.)
//
// Frames. A call gets a fresh frame of `Function::frame_words` words: parameters first (receiver first for
// methods), then results (zeroed), then locals and temporaries. Variables whose address is taken or that a
// closure captures live in heap cells; the frame holds the cell's address. Frames are private to their
// goroutine and never shared, so they stay out of simulated memory.
//
// Instructions are fixed 16-byte records {op, a, b, c, d}; a..c are frame slot indices unless the opcode says
// otherwise, d is a 32-bit immediate/extra operand. Jumps name absolute instruction indices.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "scheduler/vm/types.h"

namespace gb::vm {

using Word = std::uint64_t;

// [SECTION] The opcodes: one table gives the enum, the names, the disassembler's operand forms and each
// opcode's documentation. X(Name, form, "what it does"); the form says what d names (OpForm).
#define GB_OPCODES(X) \
  X(Nop, Slots, "no operation") \
  /* [SECTION] Moves and constants */ \
  X(Move, Slots, "slots[a .. a+d) = slots[b .. b+d)") \
  X(LoadImm, Slots, "slots[a] = sign-extended d") \
  X(LoadConst, Slots, "slots[a] = program.constants[d] (any 64-bit word: big ints, float bits)") \
  X(LoadString, DString, "slots[a], slots[a+1] = program.strings[d] as a string value") \
  X(Zero, Slots, "slots[a .. a+d) = 0") \
  X(LoadFunc, DFunc, "slots[a] = a closure with no captures for function d (allocated once per function)") \
  /* [SECTION] Integer arithmetic on 64-bit words; Wrap truncates to the width of sized types */ \
  X(Add, Slots, "slots[a] = slots[b] + slots[c]") \
  X(Sub, Slots, "slots[a] = slots[b] - slots[c]") \
  X(Mul, Slots, "slots[a] = slots[b] * slots[c]") \
  X(Div, Slots, "slots[a] = slots[b] / slots[c], signed; panics \"integer divide by zero\" when slots[c] == 0") \
  X(Rem, Slots, "slots[a] = slots[b] % slots[c], signed; panics \"integer divide by zero\" when slots[c] == 0") \
  X(DivU, Slots, "slots[a] = slots[b] / slots[c], unsigned; panics \"integer divide by zero\" when slots[c] == 0") \
  X(RemU, Slots, "slots[a] = slots[b] % slots[c], unsigned; panics \"integer divide by zero\" when slots[c] == 0") \
  X(And, Slots, "slots[a] = slots[b] & slots[c]") \
  X(Or, Slots, "slots[a] = slots[b] | slots[c]") \
  X(Xor, Slots, "slots[a] = slots[b] ^ slots[c]") \
  X(AndNot, Slots, "slots[a] = slots[b] &^ slots[c]") \
  X(Shl, Slots, \
    "slots[a] = slots[b] << slots[c] (count unsigned; >= 64 gives 0); d = 1: the count came from a " \
    "signed type, negative panics \"negative shift amount\"") \
  X(Shr, Slots, "slots[a] = slots[b] >> slots[c], arithmetic (>= 64 gives the sign fill); d = 1 as for Shl") \
  X(ShrU, Slots, "slots[a] = slots[b] >> slots[c], logical (>= 64 gives 0); d = 1 as for Shl") \
  X(AddImm, Slots, "slots[a] = slots[b] + sign-extended d") \
  X(Neg, Slots, "slots[a] = -slots[b]") \
  X(Com, Slots, "slots[a] = ^slots[b]") \
  X(Wrap, Slots, "slots[a] = slots[b] truncated to Kind d (Int8..Uint32; Int/Int64/Uint64 no-op)") \
  /* [SECTION] Floating point (float64 bits); Float32 results are rounded with RoundF32 */ \
  X(AddF, Slots, "slots[a] = slots[b] + slots[c] (float64 bits)") \
  X(SubF, Slots, "slots[a] = slots[b] - slots[c] (float64 bits)") \
  X(MulF, Slots, "slots[a] = slots[b] * slots[c] (float64 bits)") \
  X(DivF, Slots, "slots[a] = slots[b] / slots[c] (float64 bits)") \
  X(NegF, Slots, "slots[a] = -slots[b] (float64 bits)") \
  X(RoundF32, Slots, "slots[a] = double(float(slots[b]))") \
  X(IntToFloat, Slots, "slots[a] = (double) signed slots[b]") \
  X(UintToFloat, Slots, "slots[a] = (double) unsigned slots[b]") \
  X(FloatToInt, Slots, "slots[a] = signed slots[b] truncated toward zero") \
  X(FloatToUint, Slots, "slots[a] = unsigned slots[b] truncated toward zero") \
  /* [SECTION] Complex (two words: real, imaginary float64 bits); d = 1: round both parts to float32 */ \
  X(AddC, Slots, "slots[a .. a+2) = slots[b .. b+2) + slots[c .. c+2) (complex)") \
  X(SubC, Slots, "slots[a .. a+2) = slots[b .. b+2) - slots[c .. c+2) (complex)") \
  X(MulC, Slots, "slots[a .. a+2) = slots[b .. b+2) * slots[c .. c+2) (complex)") \
  X(DivC, Slots, "slots[a .. a+2) = slots[b .. b+2) / slots[c .. c+2) (runtime's complex128div; no panic)") \
  X(NegC, Slots, "slots[a .. a+2) = -slots[b .. b+2) (complex)") \
  X(EqC, Slots, "slots[a] = slots[b .. b+2) == slots[c .. c+2) (complex)") \
  X(NeC, Slots, "slots[a] = slots[b .. b+2) != slots[c .. c+2) (complex)") \
  /* [SECTION] Comparison (result 0 or 1) */ \
  X(Eq, Slots, "slots[a] = slots[b] == slots[c] (words)") \
  X(Ne, Slots, "slots[a] = slots[b] != slots[c] (words)") \
  X(Lt, Slots, "slots[a] = slots[b] < slots[c] (signed words)") \
  X(Le, Slots, "slots[a] = slots[b] <= slots[c] (signed words)") \
  X(LtU, Slots, "slots[a] = slots[b] < slots[c] (unsigned words)") \
  X(LeU, Slots, "slots[a] = slots[b] <= slots[c] (unsigned words)") \
  X(EqF, Slots, "slots[a] = slots[b] == slots[c] (float64)") \
  X(NeF, Slots, "slots[a] = slots[b] != slots[c] (float64)") \
  X(LtF, Slots, "slots[a] = slots[b] < slots[c] (float64)") \
  X(LeF, Slots, "slots[a] = slots[b] <= slots[c] (float64)") \
  X(EqStr, Slots, "slots[a] = string at b == string at c (2 words each)") \
  X(NeStr, Slots, "slots[a] = string at b != string at c") \
  X(LtStr, Slots, "slots[a] = string at b < string at c") \
  X(LeStr, Slots, "slots[a] = string at b <= string at c") \
  X(EqMem, Slots, \
    "slots[a] = slots[b .. b+d) == slots[c .. c+d) word by word (structs, arrays of words; the compiler " \
    "expands strings and interfaces inside to their own ops)") \
  X(EqIface, Slots, "interfaces at b and c; panics \"runtime error: comparing uncomparable type T\"") \
  X(Not, Slots, "slots[a] = !slots[b]") \
  /* [SECTION] Control flow */ \
  X(Jump, Slots, "pc = d") \
  X(JumpIf, Slots, "if (slots[a] != 0) pc = d") \
  X(JumpIfNot, Slots, "if (slots[a] == 0) pc = d") \
  X(JumpLt, Slots, "fused compare and branch on signed words: if (slots[a] < slots[b]) pc = d") \
  X(JumpLe, Slots, "fused compare and branch on signed words: if (slots[a] <= slots[b]) pc = d") \
  X(JumpEq, Slots, "fused compare and branch on words: if (slots[a] == slots[b]) pc = d") \
  X(JumpNe, Slots, "fused compare and branch on words: if (slots[a] != slots[b]) pc = d") \
  /* [SECTION] Calls. Arguments are in the caller's slots [a ..); results come back to the same place. */ \
  X(Call, DFunc, "call function d with arguments at a") \
  X(CallClosure, Slots, "call the closure in slots[b] with arguments at a (nil panics)") \
  X(CallIface, Slots, \
    "method number d of the STATIC interface type c (index in its sorted method set; resolved by name " \
    "in the dynamic type's method set) on the interface at slots[b..b+2); the arguments after the " \
    "receiver are at a, results come back at a; the callee gets the receiver first (a value receiver " \
    "gets the value's words, a pointer receiver the pointer); nil interface panics") \
  X(Return, Slots, "run pending defers of this frame, copy Function::result_cells into the result slots, return") \
  X(Go, Slots, "new goroutine running closure slots[b] with the d argument words at a") \
  X(Defer, Slots, "push a deferred call of closure slots[b] with the d argument words at a (copied now)") \
  X(Panic, Slots, "panic with the interface value at a") \
  X(Recover, Slots, "slots[a..a+2) = recover() (nil interface unless this frame is a deferred call run by a panic)") \
  /* [SECTION] Memory (word addresses; every access goes through the memory seam) */ \
  X(New, Slots, "slots[a] = address of d fresh zeroed words; b = their element TypeId (d / words(b) of them), or 0") \
  X(Load, Slots, "slots[a .. a+d) = mem[slots[b] + c ..]; nil address panics (nil pointer dereference)") \
  X(Store, Slots, "mem[slots[a] + c ..] = slots[b .. b+d); nil address panics") \
  X(FieldAddr, Slots, "slots[a] = slots[b] + d (nil pointer panics)") \
  X(IndexAddr, Slots, \
    "slots[a] = address of element slots[c] of the slice at b (3 words), element size in words d; out " \
    "of range panics \"index out of range [i] with length n\"") \
  X(ArrayIndexAddr, Slots, "slots[a] = slots[b] + slots[c] * (d & 0xFFFF), bounds (d >> 16) (the array length)") \
  X(CheckIndex, Slots, \
    "panics \"index out of range [slots[a]] with length slots[b]\" unless 0 <= a < b (unsigned compare)") \
  /* [SECTION] Slices and strings */ \
  X(MakeSlice, Slots, \
    "slots[a..a+3) = make([]T, slots[b], slots[c]); d = element words, or d < 0: -d is T's TypeId") \
  X(SliceSlice, Slots, \
    "slots[a..a+3) = s[lo:hi:max] with s at b, lo/hi/max at c, c+1, c+2 (hi/max given explicitly by the " \
    "compiler: len or cap when omitted); d = element words; panics \"slice bounds out of range\" (d & " \
    "0xFFFF = element words; d bit 16 set = the source had three indices s[lo:hi:max], which only " \
    "changes the panic text to Go's 3-index forms)") \
  X(SliceArray, Slots, "the same for an array pointer at b: slots[b] address, slots[b+1] array length") \
  X(SliceToArrayPtr, Slots, \
    "slots[a] = (*[d]T)(slice at b): its element address (nil for a nil slice); panics \"cannot convert " \
    "slice with length n to pointer to array with length d\" when len < d") \
  X(Append, Slots, \
    "slots[a..a+3) = append(slice at b, the slice at c's elements...), element words d; Go's growth " \
    "rule") \
  X(AppendOne, Slots, \
    "slots[a..a+3) = append(slice at b, the value at c (d words)) -- element words d For Append and " \
    "AppendOne, d < 0 means -d is the element TypeId: the new capacity is then rounded to Go's size " \
    "classes with the element's real byte size, so cap() matches Go for []byte, []int32, []bool and " \
    "small structs; d > 0 assumes 8 bytes per word (right for int, string, pointers...).") \
  X(Copy, Slots, "slots[a] = copy(dst slice at b, src slice at c), element words d") \
  X(CopyString, Slots, "slots[a] = copy(dst []byte at b, string at c)") \
  X(StrIndex, Slots, "slots[a] = byte slots[c] of the string at b (bounds checked)") \
  X(StrSlice, Slots, "slots[a..a+2) = string at b sliced [slots[c]:slots[c+1]]") \
  X(Concat, Slots, "slots[a..a+2) = string at b + string at c") \
  X(StrLen, Slots, "slots[a] = len(string at b)") \
  X(StrNextRune, Slots, \
    "range over string: string at b, byte offset slots[c]; slots[a] = rune, slots[a+1] = width " \
    "(utf8.RuneError width 1 on invalid input)") \
  X(StrFromBytes, Slots, "slots[a..a+2) = string([]byte at b)") \
  X(StrToBytes, Slots, "slots[a..a+3) = []byte(string at b)") \
  X(StrFromRunes, Slots, "slots[a..a+2) = string([]rune at b)") \
  X(StrToRunes, Slots, "slots[a..a+3) = []rune(string at b)") \
  X(StrFromRune, Slots, "slots[a..a+2) = string(rune slots[b])") \
  /* [SECTION] Maps (keys hashed by value: strings by content, interfaces by dynamic type and value) */ \
  X(MakeMap, DType, "slots[a] = make(map type d)") \
  X(MapGet, Slots, \
    "slots[a ..] = m[k] with map at b, key at c, map type d; then one more word, ok (0/1), is always " \
    "written after the value words (the zero value and 0 when the key is absent)") \
  X(MapSet, Slots, \
    "m[k] = v with map at a, key at b, value at c, map type d; nil map panics \"assignment to entry in " \
    "nil map\"") \
  X(MapDelete, Slots, "delete(map at a, key at b), map type d") \
  X(MapLen, Slots, "slots[a] = len(map at b)") \
  X(MapIter, Slots, "slots[a] = a new iterator over map slots[b] (order from the Chooser, as Go's random start)") \
  X(MapNext, Slots, \
    "iterator slots[b]: slots[a] = 1 and key/value into slots[c ..] (key then value), or slots[a] = 0") \
  /* [SECTION] Interfaces */ \
  X(MakeIface, DType, "slots[a..a+2) = interface holding the value at b of dynamic type d (boxed if words(d) != 1)") \
  X(IfaceToIface, Slots, "slots[a..a+2) = slots[b..b+2) (static conversion between interface types: unchanged)") \
  X(AssertType, DType, \
    "x.(T) for concrete T = type d, x at b of static interface type c (for the message): the value into " \
    "slots[a ..]; panics \"interface conversion: <c> is <dynamic>, not <d>\" (or \"... is nil, ...\")") \
  X(AssertTypeOk, DType, "the same with a trailing ok word, no panic") \
  X(AssertIface, DType, \
    "x.(I) for interface type d (method set check), x at b of static interface type c: the interface " \
    "into slots[a..a+2); panics as AssertType") \
  X(AssertIfaceOk, DType, "the same with a trailing ok word, no panic") \
  X(IfaceTypeId, Slots, "slots[a] = dynamic TypeId of the interface at b (0 for nil): type switches compare it") \
  /* [SECTION] Channels and select */ \
  X(MakeChan, DType, "slots[a] = make(chan T, slots[b]) with element type d") \
  X(Send, Slots, "send the value at b (element type c) on channel slots[a]; blocks, parks, panics as chansend") \
  X(Recv, Slots, "slots[a ..] = <-slots[b] (element type c, so words(c) value words); d = 1: an ok word follows") \
  X(Close, Slots, "close(slots[a])") \
  X(ChanLen, Slots, "slots[a] = len(channel slots[b])") \
  X(ChanCap, Slots, "slots[a] = cap(channel slots[b])") \
  X(Select, Slots, "select over program.selects[d]; slots[a] = the chosen case index (-1 for default)") \
  /* [SECTION] Runtime services and library functions implemented in C++ */ \
  X(CallNative, DNative, \
    "native function d (program.natives[d]) with arguments at a, results written back at a; b = " \
    "argument words, c = result words (needed only when no Function has native == d)") \
  X(Yield, Slots, "runtime.Gosched()") \
  X(Halt, Slots, "os.Exit(slots[a])")

// What an instruction's d operand names, for the disassembler (a, b, c are frame slots unless the doc says
// otherwise).
enum class OpForm : std::uint8_t {
  Slots,    // d is an immediate (a count, a word size, a pc, a Kind) or unused
  DString,  // d indexes Program::strings
  DFunc,    // d indexes Program::functions
  DNative,  // d indexes Program::natives
  DType,    // d is a TypeId
};

enum class Op : std::uint16_t {
#define GB_OP_ENUM(name, form, doc) name,
  GB_OPCODES(GB_OP_ENUM)
#undef GB_OP_ENUM
};

inline constexpr std::size_t kOpCount = 0
#define GB_OP_COUNT(name, form, doc) +1
    GB_OPCODES(GB_OP_COUNT)
#undef GB_OP_COUNT
    ;

struct Instr {
  Op op = Op::Nop;
  std::uint16_t line = 0;    // low bits of the source line (the full line is in Function::lines)
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::uint32_t c = 0;
  std::int32_t d = 0;
};

// Debug info for one named variable of a function (DWARF's DW_TAG_variable, in our terms): what a debugger needs
// to find and print it. The interpreter never reads it.
struct VarInfo {
  enum class Kind : std::uint8_t {
    Param,        // a parameter (the receiver too)
    Local,        // declared in the body
    NamedResult,  // a named result
    Result,       // an unnamed result, named "~r0", "~r1", ... as Go's debuggers do
    Captured,     // a closure's captured variable (the enclosing function's variable, shared through its cell)
  };
  std::string name;
  TypeId type = kNoType;
  Kind kind = Kind::Local;
  bool in_cell = false;      // the value lives in a heap cell whose word address is in slots[slot]; else in
                             // slots[slot .. slot + words(type))
  std::uint32_t slot = 0;
  // In scope for the frame's next instruction at pc in [from_pc, to_pc): from the end of its declaration to the
  // end of its block (Go's scope rule), so a variable declared later, or in an inner block that has ended, is
  // hidden.
  std::uint32_t from_pc = 0;
  std::uint32_t to_pc = 0;
  std::uint32_t line = 0;    // where it is declared
};

struct Function {
  std::string name;            // as Go prints it in traces: "main.main", "main.(*T).M", "main.main.func1"
  std::uint32_t param_words = 0;
  std::uint32_t result_words = 0;
  std::uint32_t frame_words = 0;
  std::int32_t native = -1;    // >= 0: implemented by native function `native` (no code)
  std::int32_t closure_slot = -1;  // >= 0: a call through a closure stores the closure's address here
  // Results that live in heap cells (a deferred closure can change them): when the function returns, normally
  // or because a deferred call recovered a panic, after its deferred calls ran, each cell's `words` words are
  // copied from the address in slots[cell_slot] to slots[param_words + result_offset ..].
  struct ResultCell {
    std::uint32_t cell_slot = 0;
    std::uint32_t result_offset = 0;
    std::uint32_t words = 0;
  };
  std::vector<ResultCell> result_cells;
  std::vector<Instr> code;
  std::vector<std::uint32_t> lines;  // source line of each instruction
  // 1 where an instruction begins a statement (DWARF's is_stmt): a statement step stops only there, so a
  // goroutine returning into the middle of a line's expression does not stop again on that line. A for
  // loop's post statement (else its condition) and a range loop's per-iteration check count, once per
  // iteration. Empty or short for code made without statements (natives, wrappers): none begins one.
  std::vector<std::uint8_t> stmt_start;
  TypeId signature = kNoType;
  std::uint32_t file = UINT32_MAX;  // its source file, an index in Program::files (debug info); none for
                                    // code the compiler made (runtime.main, wrappers)
  std::vector<VarInfo> vars;   // its named variables (debug info), in declaration order
};

// One case of a select statement: channel in slots[chan], value to send at slots[value] (send) or received
// value into slots[value] and ok into slots[ok] (recv; ok = UINT32_MAX when not wanted).
struct SelectCase {
  bool send = false;
  std::uint32_t chan = 0;
  std::uint32_t value = 0;
  std::uint32_t ok = UINT32_MAX;
  TypeId elem = kNoType;
};
struct SelectTable {
  std::vector<SelectCase> cases;
  bool has_default = false;
};

// A function implemented in C++, known by its Go name ("fmt.Sprintf", "strings.Index", "sync.runtime_Semacquire").
struct NativeRef {
  std::string name;
};

// A package variable: its first word and its type (the machine lays package variables out with Go's sizes).
struct GlobalVar {
  std::uint32_t addr = 0;
  TypeId type = kNoType;
  std::string name;  // "main.mu", "sync.expunged" (for the UI's labels)
};

struct Program {
  TypeTable types;
  std::vector<Function> functions;
  std::vector<Word> constants;
  std::vector<std::string> strings;
  std::vector<SelectTable> selects;
  std::vector<NativeRef> natives;
  std::vector<std::string> files;      // source file names, for messages
  std::int32_t init = -1;              // function that initialises package variables (may be -1)
  std::int32_t main = -1;              // main.main
  std::uint32_t globals_words = 0;     // package variables live in the heap at address 1 .. globals_words
  std::vector<GlobalVar> globals;      // in address order
};

const char* op_name(Op op);   // "Add"
OpForm op_form(Op op);
const char* op_doc(Op op);    // the table's one-line documentation

// Function `func` is the user's: package main's (a breakpoint's line, "just my code", a cause's site).
inline bool in_package_main(const Program& program, std::uint32_t func) {
  return func < program.functions.size() && program.functions[func].name.rfind("main.", 0) == 0;
}

}  // namespace gb::vm
