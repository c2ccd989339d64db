// The compiler's working state, shared by its files (compiler.cpp: program and functions; compile_expr.cpp:
// expressions and locations; compile_stmt.cpp: statements; compile_call.cpp: calls, builtins, conversions).
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/go/compiler.h"

namespace gb::go {

using vm::Op;
using vm::Word;

// Where a variable lives.
struct VarLoc {
  enum class Kind : std::uint8_t {
    Slots,   // in frame slots starting at `slot`
    Cell,    // in a heap cell whose address is in slots[slot] (escaping or captured variables, arrays)
    Global,  // a package variable at heap address `addr`
  };
  Kind kind = Kind::Slots;
  std::uint32_t slot = 0;
  Word addr = 0;
};

// Where a value can be read or written: the target of an assignment or the operand of a selector or index.
struct Loc {
  enum class Kind : std::uint8_t {
    Slots,     // frame slots starting at `slot`
    Mem,       // heap words at the address in slots[slot], plus `offset` words
    MapEntry,  // m[k]: map in slots[slot], key at slots[key], map type `map_type`
    Blank,     // _ : evaluate and drop
  };
  Kind kind = Kind::Slots;
  std::uint32_t slot = 0;
  std::uint32_t offset = 0;
  std::uint32_t key = 0;
  TypeId type = vm::kNoType;
  TypeId map_type = vm::kNoType;
};

// A break/continue target: a loop, switch or select with the jumps that wait for its addresses.
struct JumpTarget {
  std::string label;  // empty: unlabelled
  bool is_loop = false;
  std::vector<std::size_t> breaks;
  std::vector<std::size_t> continues;
};

// A function waiting to be compiled: a declaration or a literal (whose captures are known from the checker).
struct PendingFunc {
  std::uint32_t file = 0;
  NodeId node = kNoNode;  // FuncDecl or FuncLit
  std::int32_t index = -1;
};

struct FuncState {
  vm::Function fn;
  std::uint32_t file = 0;
  NodeId node = kNoNode;
  TypeId signature = vm::kNoType;
  std::uint32_t top = 0;  // next free slot
  std::unordered_map<ObjId, VarLoc> vars;
  std::vector<JumpTarget> targets;
  std::unordered_map<std::string, std::size_t> labels;          // label -> its statement's first instruction
  std::vector<std::pair<std::string, std::size_t>> forward_gotos;  // jumps waiting for their label (patch_gotos)
  std::vector<ObjId> result_objs;  // named results (kNoObj for unnamed)
  std::uint32_t result_base = 0;
  Pos pos;  // of the node being compiled, for line numbers
  bool stmt_pending = false;  // the next instruction emitted begins a statement (Function::stmt_start)
  std::size_t unsettled = 0;  // fn.vars from here on wait for their scope to begin (settle_vars)
};

class Compiler {
 public:
  explicit Compiler(const Info& info);
  CompileResult run();

  // [SECTION] Shared helpers (compiler.cpp)
  const Ast& ast() const { return *info_.asts[fs().file]; }
  const Ast& ast_of(std::uint32_t file) const { return *info_.asts[file]; }
  const Node& node(NodeId n) const { return ast()[n]; }
  TypeId type_of(NodeId n) const { return info_.type_of[fs().file][n]; }
  Mode mode_of(NodeId n) const { return info_.mode_of[fs().file][n]; }
  ObjId obj_of(NodeId n) const { return n < info_.obj_of[fs().file].size() ? info_.obj_of[fs().file][n] : kNoObj; }
  const Object& object(ObjId id) const { return info_.objects[id]; }
  const Constant* constant_of(NodeId n) const;
  const Selection* selection_of(NodeId n) const;
  const vm::TypeTable& types() const { return program_.types; }
  vm::TypeTable& types() { return program_.types; }
  std::uint32_t words(TypeId t) const { return program_.types.words(t); }
  TypeId under(TypeId t) const { return program_.types.underlying(t); }
  vm::Kind ukind(TypeId t) const { return program_.types.underlying_kind(t); }
  bool is_iface(TypeId t) const { return ukind(t) == vm::Kind::Interface; }

  FuncState& fs() { return funcs_.back(); }
  const FuncState& fs() const { return funcs_.back(); }
  std::uint32_t alloc(std::uint32_t words);
  std::size_t emit(Op op, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0, std::int32_t d = 0);
  // slots[dst] = new([count]elem): the element type rides along so the machine can lay the object out as Go does.
  void emit_new(std::uint32_t dst, TypeId elem, std::uint64_t count);
  std::size_t here() const { return fs().fn.code.size(); }
  void patch(std::size_t at, std::size_t target) { fs().fn.code[at].d = static_cast<std::int32_t>(target); }
  void patch_gotos();
  Loc pinned(Loc l);  // a phase-one left side, its operands copied out (compile_stmt.cpp)  // at the end of a function body: the forward gotos to their labels
  void at(NodeId n) { fs().pos = node(n).pos; }
  void error(NodeId n, const std::string& message);
  std::int32_t string_index(const std::string& s);
  void load_word(std::uint32_t dst, Word value);
  void load_constant(std::uint32_t dst, TypeId type, const Constant& c);
  std::int32_t function_of(ObjId func) const;
  // Call or CallNative (for a function declared without a body) with the arguments at `base`.
  void emit_call(std::uint32_t base, std::int32_t function);
  std::int32_t native_index(const std::string& name);
  std::string function_name(ObjId func) const;
  std::int32_t queue_func_lit(NodeId lit);
  std::int32_t method_value_wrapper(ObjId method, TypeId recv_type, bool iface, std::uint32_t iface_index);
  // The function a method expression T.m names: the method itself when T is its receiver type, else a wrapper
  // that takes a T, walks to the method's receiver (embedded fields, a dereference) and calls it.
  std::int32_t method_expr_function(const Selection& sel, TypeId recv_type);
  std::int32_t thunk_for_call(NodeId call, std::uint32_t& arg_words);
  void add_promoted_methods();
  void promote_methods(TypeId named, std::vector<char>& done);
  TypeId rune_slice();
  TypeId byte_slice();

  // [SECTION] Variables (compiler.cpp)
  bool lives_in_cell(const Object& o) const;
  VarLoc declare_var(ObjId obj);  // allocates the variable (and its cell) and zeroes it
  Loc var_loc(ObjId obj);
  // Debug info (Function::vars): records where `obj` lives; its scope begins at the next settle_vars().
  void note_var(ObjId obj, const VarLoc& where, vm::VarInfo::Kind kind);
  void note_var(std::string name, TypeId type, const VarLoc& where, vm::VarInfo::Kind kind);
  void settle_vars();                          // the variables noted since the last call come into scope here
  std::size_t scope_mark() const { return fs().fn.vars.size(); }
  void close_scope(std::size_t mark);          // the variables noted since `mark` go out of scope here

  // [SECTION] Expressions (compile_expr.cpp)
  std::uint32_t expr(NodeId n);                 // compiles n; returns the first slot of its value (may be a
                                                // variable's own slots: read, never write)
  void expr_into(NodeId n, std::uint32_t dst);  // compiles n into slots[dst ..]
  void expr_as(NodeId n, TypeId target, std::uint32_t dst);  // with the implicit conversion to `target`
  void convert_value(std::uint32_t src, TypeId from, TypeId to, std::uint32_t dst);
  Loc loc(NodeId n);                            // an addressable expression, map index or _
  Loc value_loc(NodeId n);                      // loc, with a map element copied into slots
  Loc walk_fields(Loc base, TypeId cur, const std::vector<std::uint32_t>& path);
  std::uint32_t address_of(NodeId n);           // &n: a slot holding the address
  std::uint32_t address_of_loc(const Loc& l);
  void read(const Loc& l, std::uint32_t dst);
  std::uint32_t read_any(const Loc& l);
  void write(const Loc& l, std::uint32_t src);
  void binary(NodeId n, std::uint32_t dst);
  void arith(Tok op, TypeId t, std::uint32_t dst, std::uint32_t x, std::uint32_t y);
  void compare(Tok op, TypeId t, std::uint32_t dst, std::uint32_t x, std::uint32_t y);
  void equal(TypeId t, std::uint32_t dst, std::uint32_t x, std::uint32_t y);
  void wrap(TypeId t, std::uint32_t slot);
  void unary(NodeId n, std::uint32_t dst);
  void composite(NodeId n, std::uint32_t dst);
  void index_expr(NodeId n, std::uint32_t dst);
  void slice_expr(NodeId n, std::uint32_t dst);
  void selector(NodeId n, std::uint32_t dst);
  void type_assert(NodeId n, std::uint32_t dst, bool comma_ok);
  void func_lit(NodeId n, std::uint32_t dst);
  void branch_if(NodeId cond, bool when, std::vector<std::size_t>& jumps);  // jump when cond == when

  // [SECTION] Calls (compile_call.cpp)
  // Compiles a call; its results are left at the returned slot (words of the result tuple).
  std::uint32_t call(NodeId n);
  std::uint32_t builtin_call(NodeId n, Builtin b);
  void conversion(NodeId n, std::uint32_t dst);
  void print_values(const std::vector<std::pair<std::uint32_t, TypeId>>& vals, bool newline);
  // Evaluates the arguments of call `n` for a function of type `sig` into slots[base ..] (variadic packing).
  void arguments(NodeId n, TypeId sig, std::uint32_t base, std::uint32_t first_param);
  void go_or_defer(NodeId stmt, bool is_go);

  // [SECTION] Statements (compile_stmt.cpp)
  void block(ListRef stmts);
  void stmt(NodeId n);
  void assign(NodeId n);
  void define_or_assign_values(NodeId n, const std::vector<NodeId>& lhs, const std::vector<NodeId>& rhs, bool define);
  void var_spec(NodeId spec);
  void if_stmt(NodeId n);
  void for_stmt(NodeId n, const std::string& label);
  void range_stmt(NodeId n, const std::string& label);
  void switch_stmt(NodeId n, const std::string& label);
  void type_switch(NodeId n, const std::string& label);
  void select_stmt(NodeId n, const std::string& label);
  void return_stmt(NodeId n);
  void branch_stmt(NodeId n);
  void assign_to(NodeId lhs, std::uint32_t src, TypeId src_type, bool define);

  const Info& info_;
  vm::Program program_;
  std::vector<std::string> errors_;
  std::vector<FuncState> funcs_;  // the function being compiled is back()
  std::deque<PendingFunc> pending_;
  std::unordered_map<ObjId, std::int32_t> func_index_;
  std::unordered_map<ObjId, Word> global_addr_;
  std::unordered_map<std::string, std::int32_t> strings_;
  std::unordered_map<std::string, std::int32_t> natives_;
  std::unordered_map<std::string, int> lit_counts_;           // closures named so far in each function
  std::unordered_map<std::uint64_t, std::int32_t> lit_index_;  // (file << 32 | node) of FuncLits
  std::unordered_map<std::string, std::int32_t> wrappers_;
  // Per struct type, the embedding depth of each promoted method (promote_methods), for the shallowest-wins rule.
  std::unordered_map<TypeId, std::unordered_map<std::string, int>> promoted_depth_;
  // Captures of the FuncLit being compiled: its variables' indices in the closure object.
  std::unordered_map<std::int32_t, std::vector<ObjId>> lit_captures_;
};

}  // namespace gb::go
