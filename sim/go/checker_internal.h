// The type checker's private state and helpers, shared by its implementation files (checker_*.cpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "sim/go/check_info.h"
#include "sim/go/diagnostics.h"

namespace gb::go::detail {

// One evaluated expression: what it denotes, its type and, for constants, its value.
struct Operand {
  Mode mode = Mode::Invalid;
  TypeId type = vm::kNoType;
  Constant val;
  NodeId expr = kNoNode;
  Builtin builtin = Builtin::None;
  ObjId obj = kNoObj;  // the object an identifier (or qualified identifier) denotes
  bool invalid() const { return mode == Mode::Invalid; }
};

struct Scope {
  std::int32_t parent = -1;
  std::unordered_map<std::string, ObjId> names;
  bool func = false;  // the outermost scope of a function (parameters and results live there)
};

// A package-level declaration, resolved lazily (as types2's objDecl) so order in the file does not matter.
struct PkgDecl {
  NodeId spec = kNoNode;        // ConstSpec/VarSpec/TypeSpec/FuncDecl
  std::uint32_t index = 0;      // position of the name in the spec
  NodeId type = kNoNode;        // type expression (const/var)
  std::vector<NodeId> values;   // value expressions (const: possibly repeated from the group)
  std::uint64_t iota = 0;
  std::vector<ObjId> lhs;       // var: all names of the spec
  std::set<ObjId> deps;         // package-level vars and funcs this declaration refers to
  std::uint32_t order = 0;      // declaration order
};

// Per function being checked (FuncDecl or FuncLit).
struct FuncCtx {
  NodeId node = kNoNode;
  ObjId obj = kNoObj;
  TypeId sig = vm::kNoType;
  bool named_results = false;
  std::vector<ObjId> params;   // receiver first, then parameters
  std::vector<ObjId> results;
  std::vector<ObjId> locals;  // declared variables, for "declared but not used"
  struct Label {
    NodeId stmt = kNoNode;  // the LabeledStmt
    bool used = false;
  };
  std::map<std::string, Label> labels;
  std::vector<std::pair<std::string, NodeId>> enclosing;  // labeled statements we are inside (label, stmt)
  std::vector<std::pair<NodeId, std::vector<ObjId>>> type_switch_vars;  // bound ident, clause objects
};

struct Lookup {
  enum class Found : std::uint8_t { None, Field, Method, InterfaceMethod, Ambiguous } found = Found::None;
  std::vector<std::uint32_t> path;
  std::vector<bool> deref;
  TypeId type = vm::kNoType;       // field type or method signature
  ObjId method = kNoObj;           // concrete method's Func object
  std::uint32_t index = 0;         // interface method index
  bool pointer_receiver = false;
  TypeId holder = vm::kNoType;     // type of the value the method/field is selected from (after the path)
  bool indirect = false;           // a pointer was followed on the way
};

class Checker {
 public:
  Checker(Info& info, Diagnostics& diags, std::uint32_t file, std::string path, const SourceFile* src);
  void run();

  // [SECTION] shared state
  Info& info_;
  vm::TypeTable& T;
  Diagnostics& diags_;
  std::uint32_t file_;
  const Ast& ast_;
  const SourceFile* src_;
  std::map<Pos, Pos> rbrace_;  // '{' position -> matching '}' (from the tokens), filled on first use
  Pos rbrace_of(NodeId block);
  std::string path_;     // import path
  std::string pkgname_;  // package name
  std::vector<Scope> scopes_;
  std::int32_t pkg_scope_ = 0;
  std::int32_t file_scope_ = 0;
  std::int32_t scope_ = 0;
  std::unordered_map<ObjId, PkgDecl> decls_;
  std::unordered_map<ObjId, int> color_;  // 1 = in progress, 2 = done
  std::vector<ObjId> pkg_objects_;       // in declaration order
  std::vector<ObjId> import_objs_;
  std::map<std::string, std::vector<NodeId>> methods_;  // receiver base type name -> FuncDecls
  PkgDecl* cur_decl_ = nullptr;
  std::vector<FuncCtx> funcs_;
  std::int64_t iota_ = -1;  // >= 0 inside a constant declaration
  std::vector<NodeId> func_lits_;  // FuncLits being checked, innermost last
  std::unordered_map<NodeId, FuncCtx> fctx_;  // FuncDecl -> its parameter and result objects
  std::unordered_map<ObjId, std::int32_t> local_scope_;  // local variable -> the scope declaring it

  // [SECTION] helpers (checker.cpp)
  void error(Pos pos, std::string msg);
  void error_at(NodeId n, std::string msg) { error(ast_[n].pos, std::move(msg)); }
  Pos pos_of(NodeId n) const { return ast_[n].pos; }
  Pos start_pos(NodeId n) const;  // leftmost position of an expression
  ObjId new_object(Object o);
  std::int32_t open_scope(bool func = false);
  void close_scope();
  ObjId lookup(const std::string& name) const;
  ObjId lookup_in(std::int32_t scope, const std::string& name) const;
  bool declare(std::int32_t scope, NodeId ident, ObjId obj);  // false if redeclared
  // The tail gc puts on an error that names another place in the file: "\n\tfile:line:col: what"
  // ("other declaration of x", "previous case", "previous definition", ...).
  std::string other_at(Pos p, std::string_view what) const;
  void record(NodeId n, const Operand& x);
  void record_type(NodeId n, TypeId t);
  void record_obj(NodeId n, ObjId o) { info_.obj_of[file_][n] = o; }
  TypeId default_type(TypeId t) const;
  void use_object(ObjId o, NodeId at);

  // [SECTION] printing expressions, types and operands as types2 does (checker_print.cpp)
  std::string expr_str(NodeId n) const;
  // Types as types2 prints them: interface{}/any, struct{...}, func(a int) (n int, err error). A TypeSrc
  // is the type expression a type was written as (parameter names, `any` versus `interface{}`).
  struct TypeSrc {
    std::uint32_t file = 0;
    NodeId node = kNoNode;
    char alias = 0;  // 'b': byte (s[i] of a string), 'r': rune (ranging over a string), 't': node is a FuncType
                     // whose results the type (a tuple) is
  };
  std::unordered_map<ObjId, TypeSrc> var_src_;  // variables: the type expression they got their type from
  TypeSrc target_src_;  // assignment(): where the target type was written (set around the call)
  std::string type_str(TypeId t) const { return gc_type(t, TypeSrc{}); }
  std::string gc_type(TypeId t, TypeSrc src) const;
  TypeSrc src_of(NodeId e) const;  // where the type of expression e (in this file) was written, if known
  TypeSrc tuple_elem_src(TypeSrc tuple, std::size_t i, std::size_t n) const;  // result i of n of src_of(call)
  TypeSrc func_obj_src(ObjId f) const;  // a declared function's or method's FuncType
  TypeSrc iface_method_src(TypeId iface, const std::string& name) const;  // the FuncType of a method of a
                                                                          // named interface of this package
  void set_var_src(ObjId v, TypeSrc src) {
    if (src.node != kNoNode || src.alias != 0) var_src_[v] = src;
  }
  std::string operand_str(const Operand& x) const;

  // [SECTION] declarations (checker_decls.cpp)
  void collect();
  void obj_decl(ObjId o);
  void const_decl(ObjId o, PkgDecl& d);
  void var_decl(ObjId o, PkgDecl& d);
  void type_decl(ObjId o, PkgDecl& d);
  std::unordered_map<TypeId, std::pair<NodeId, ObjId>> type_rhs_;  // a named type -> its right-hand side, its TypeName
  // Named types whose underlying type is that of a named type still being declared (type T2 T1 inside T1's
  // struct literal), by the type they wait for.
  std::unordered_map<TypeId, std::vector<TypeId>> underlying_waiters_;
  bool underlying_coming(TypeId u) const;
  void func_decl(ObjId o, PkgDecl& d);
  void collect_methods(ObjId type_obj);
  void local_decl(NodeId group);
  void const_spec_local(NodeId spec, std::vector<NodeId>& last_values, NodeId& last_type);
  void init_order();
  void finalize_untyped();
  void unused_imports();
  std::set<ObjId> methods_done_;

  // [SECTION] types (checker_types.cpp)
  TypeId type_expr(NodeId n);
  TypeId type_expr_inner(NodeId n);
  TypeId func_type(NodeId ft, NodeId recv, NodeId owner, FuncCtx* ctx);
  TypeId struct_type(NodeId n);
  TypeId interface_type(NodeId n);
  bool identical(TypeId a, TypeId b) const { return a == b; }

  // [SECTION] expressions (checker_exprs.cpp)
  void expr(Operand& x, NodeId e, TypeId hint = vm::kNoType);  // single value (or comma-ok capable)
  void raw_expr(Operand& x, NodeId e, TypeId hint);
  void multi_expr(std::vector<Operand>& out, NodeId e);         // call with tuple result, or one value
  void expr_or_type(Operand& x, NodeId e);
  void ident(Operand& x, NodeId e);
  void basic_lit(Operand& x, NodeId e);
  void composite_lit(Operand& x, NodeId e, TypeId hint);
  void func_lit(Operand& x, NodeId e);
  void selector(Operand& x, NodeId e);
  void index_expr(Operand& x, NodeId e);
  void slice_expr(Operand& x, NodeId e);
  void type_assert(Operand& x, NodeId e);
  void star_expr(Operand& x, NodeId e);
  void unary(Operand& x, NodeId e);
  void binary(Operand& x, NodeId e, NodeId lhs, NodeId rhs, Tok op, Pos op_pos);
  void shift(Operand& x, Operand& y, NodeId e, Tok op);
  void comparison(Operand& x, Operand& y, Tok op, NodeId e);
  std::string kind_string(TypeId t) const;
  std::string incomparable_cause(TypeId t) const;
  void match_types(Operand& x, Operand& y);
  bool convert_untyped(Operand& x, TypeId target);
  void update_untyped(NodeId e, TypeId target);
  bool representable(Operand& x, TypeId t, std::string* cause);
  void overflow_check(Operand& x, Pos pos);
  void assignment(Operand& x, TypeId t, const std::string& context);
  bool assignable(Operand& x, TypeId t, std::string* reason);
  void use_exprs(std::span<const NodeId> es);
  std::int64_t indexed_elts(std::span<const NodeId> elts, TypeId elem, std::int64_t length);
  bool index_value(NodeId e, std::int64_t max, std::int64_t* out);
  void single_value(Operand& x);
  std::unordered_map<NodeId, TypeId> untyped_;  // untyped expressions whose final type is not yet known
  void mark_address_taken(NodeId e);

  // [SECTION] calls (checker_calls.cpp)
  void call(Operand& x, NodeId e);
  void builtin_call(Operand& x, NodeId e, Builtin b);
  void conversion(Operand& x, NodeId e, TypeId t);
  bool convertible(Operand& x, TypeId t);
  // A slice converts to a pointer to an array of the same element type: (*[8]byte)(s).
  bool slice_to_array_pointer(TypeId from, TypeId to) const;
  void arguments(NodeId call, TypeId sig, std::vector<Operand>& args, bool dots, const std::string& fname);
  void collect_args(NodeId call, std::vector<Operand>& args);

  // [SECTION] lookup (checker_lookup.cpp)
  Lookup lookup_field_or_method(TypeId t, const std::string& name);
  bool missing_method(TypeId t, TypeId iface, bool static_, std::string* name, bool* wrong_type,
                      bool* ptr_recv);
  bool implements(TypeId t, TypeId iface, std::string* reason);
  std::string missing_method_reason(TypeId t, TypeId iface);
  const Object* method_obj(TypeId named, const std::string& name, ObjId* id);

  // [SECTION] statements (checker_stmts.cpp)
  void func_body(NodeId fn, ObjId fobj, TypeId sig, NodeId body, FuncCtx ctx);
  void stmt_list(std::span<const NodeId> list, unsigned ctx);
  void stmt(NodeId s, unsigned ctx);
  void assign_stmt(NodeId s);
  void short_var_decl(NodeId s);
  bool assign_var(NodeId lhs, Operand& x, const std::string& context);  // false: the assignment failed
  // types2's initVar: x initializes variable v (typed, or typed by x); false (and v "used") on failure.
  bool init_var(ObjId v, Operand& x, const std::string& context, bool type_invalid);
  void assign_vars(std::span<const NodeId> lhs, std::span<const NodeId> rhs, NodeId s);
  void init_vars(const std::vector<ObjId>& lhs, std::span<const NodeId> rhs, NodeId s, bool returnStmt,
                 const char* context = "assignment");
  void return_stmt(NodeId s);
  void range_stmt(NodeId s, unsigned ctx);
  void switch_stmt(NodeId s, unsigned ctx);
  void type_switch_stmt(NodeId s, unsigned ctx);
  void select_stmt(NodeId s, unsigned ctx);
  void labels(NodeId body);
  void goto_checks(NodeId body);  // gotos jumping over a variable declaration or into a block
  bool terminating(NodeId s, const std::string& label);
  bool has_break(NodeId s, const std::string& label, bool implicit);
  void report_unused(FuncCtx& ctx);
  ObjId declare_var(NodeId ident, TypeId t);
  void assign_error(std::span<const NodeId> rhs, std::size_t nl, std::size_t nr, NodeId at, bool returnStmt);

  // [SECTION] generics (checker_generics.cpp): instances are monomorphized copies of the generic declaration's
  // syntax (cloned into this file's Ast), checked with the type parameters bound to the type arguments.
  struct TypeTerm {
    bool tilde = false;
    TypeId type = vm::kNoType;
  };
  struct TypeSet {  // a constraint's type set
    bool comparable = false;
    bool restricted = false;  // the terms limit the set
    std::vector<TypeTerm> terms;
    std::vector<vm::MethodEntry> methods;
  };
  struct Generic {
    bool prepared = false;
    bool ok = true;
    std::vector<std::string> names;
    std::vector<Pos> name_pos;
    std::vector<NodeId> constraints;  // cloned into this file
    std::vector<TypeId> placeholders;  // one named type per type parameter, for inference
    std::vector<TypeSet> psets;        // the constraints over the placeholders
    TypeId psig = vm::kNoType;         // a function's signature over the placeholders
  };
  std::unordered_map<ObjId, Generic> generics_;
  std::map<std::pair<ObjId, std::vector<TypeId>>, ObjId> func_inst_;
  std::map<std::pair<ObjId, std::vector<TypeId>>, TypeId> type_inst_;
  std::unordered_map<TypeId, std::pair<ObjId, std::vector<TypeId>>> inst_origin_;  // instance -> generic, args
  std::unordered_map<TypeId, std::pair<ObjId, std::size_t>> placeholder_of_;
  std::unordered_map<TypeId, TypeSet> iface_sets_;  // interfaces with type terms or comparable, by type
  std::unordered_map<std::uint32_t, std::int32_t> home_scopes_;  // another package's file -> its names
  struct PendingBody {
    NodeId fd = kNoNode;
    ObjId obj = kNoObj;
    std::int32_t scope = 0;
    std::uint32_t home = 0;
    FuncCtx ctx;
  };
  std::vector<PendingBody> pending_bodies_;
  int inst_depth_ = 0;
  int constraint_ctx_ = 0;
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> instance_errors_;  // > 0 while evaluating a constraint or an interface's embedded elements
  std::vector<NodeId> targ_nodes_;  // the explicit type arguments being instantiated (for how they print)
  int in_instance_ = 0;  // > 0 while checking an instance's body
  Ast& mast();
  NodeId clone_from(std::uint32_t src_file, NodeId n);
  std::int32_t home_scope(std::uint32_t file);
  ObjId generic_obj(NodeId e);
  std::string generic_decl_str(ObjId o);
  bool prepare_generic(ObjId o);
  TypeSet constraint_set(NodeId c);
  std::string terms_str(const TypeSet& s) const;
  bool satisfies(TypeId t, const TypeSet& s, std::string* cause);
  std::int32_t bind_scope(std::uint32_t home, const std::vector<std::string>& names, const std::vector<TypeId>& targs,
                          ObjId owner = kNoObj);
  std::unordered_map<ObjId, std::int32_t> local_generic_scope_;  // a local generic type -> its declaring scope
  bool check_targs(ObjId o, const std::vector<TypeId>& targs, const std::vector<Pos>& at);
  ObjId instantiate_func(ObjId o, const std::vector<TypeId>& targs, const std::vector<Pos>& at);
  TypeId instantiate_type(ObjId o, const std::vector<TypeId>& targs, const std::vector<Pos>& at);
  void instantiate_method(TypeId named, ObjId o, const std::vector<TypeId>& targs, NodeId src_fd);
  bool type_args(NodeId index, ObjId o, std::vector<TypeId>& targs, std::vector<Pos>& at);
  bool generic_index(Operand& x, NodeId e);
  TypeId generic_type_expr(NodeId e);
  bool generic_call(Operand& x, NodeId e);
  bool infer(ObjId o, std::vector<TypeId>& targs, const std::vector<Operand>& args, NodeId call);
  bool unify(TypeId p, TypeId a, std::vector<TypeId>& bound, ObjId o, int depth = 0);
  TypeId subst(TypeId t, const std::vector<TypeId>& bound, ObjId o, int depth = 0);
  bool has_placeholder(TypeId t, int depth = 0, ObjId owner = kNoObj) const;  // owner: only its placeholders
  bool contains_type(TypeId t, TypeId x, int depth = 0) const;
  ObjId probe_owner_ = kNoObj;  // the generic function whose body is being probed, and its probe types
  std::vector<TypeId> probe_types_;
  // What an operand of a probe type says of its type parameter (gc: "variable of type T constrained by C").
  struct ProbeParam {
    std::string constraint;  // the constraint as written
    bool comparable = false;
    bool restricted = false;  // type terms: the probe's underlying type is one of them
  };
  std::unordered_map<TypeId, ProbeParam> probe_params_;
  std::vector<TypeId> probe_params_owned_;  // the probe types of the body check in progress
  const ProbeParam* probe_param(TypeId t) const {
    const auto it = probe_params_.find(t);
    return probe_ && it != probe_params_.end() ? &it->second : nullptr;
  }
  void core_inference(ObjId o, std::vector<TypeId>& bound);
  void drain_instances();
  void run_pending_bodies();
  void mark_generic_imports();
  void probe_generic_bodies();
  void enter_package_of(std::uint32_t file);
  std::int32_t declare_instance(const Object& gen, ObjId o, NodeId fd, ObjId id, const std::vector<std::string>& names,
                                const std::vector<TypeId>& targs, NodeId recv, FuncCtx& ctx);
  // The result of a call of signature `sig` (no value, one, or a tuple) into x.
  void call_result(Operand& x, TypeId sig, NodeId e);
  void probe_body(NodeId d, const std::vector<std::string>& names, const std::vector<NodeId>& cons, ObjId owner);
  // One check of the body with each restricted parameter's probe over the `variant`-th underlying type of its
  // terms; returns how many variants the constraints call for (0: the syntax could not be cloned).
  std::size_t probe_body_variant(NodeId d, const std::vector<std::string>& names, const std::vector<NodeId>& cons,
                                 ObjId owner, std::size_t variant);
  bool probe_ = false;  // checking a generic body over probe types: errors are collected, then filtered
  std::vector<std::pair<Pos, std::string>> probe_errors_;
  std::set<std::pair<std::uint32_t, std::uint32_t>> probe_error_pos_;  // where the generic body check reported
  std::string inst_args_str(const std::vector<TypeId>& targs) const;
};

// Statement context bits.
inline constexpr unsigned kBreakOk = 1, kContinueOk = 2, kFallthroughOk = 4, kFinalSwitchCase = 8, kInTypeSwitch = 16;

std::string quote_constant(const Constant& c);
// 0: x.val is representable as t (and rounded to it), 1: a float truncated to an integer, 2: overflow,
// 3: not convertible.
int representation(vm::TypeTable& T, Operand& x, TypeId t);

}  // namespace gb::go::detail
