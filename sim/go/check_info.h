// What the type checker learns about a program, as side tables indexed by NodeId: the contract between the
// checker (checker.cpp) and the compiler (compiler.cpp). The checker fills it for every package it checks
// (the embedded standard-library packages first, then main); a program with errors has no use for it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "scheduler/vm/types.h"
#include "sim/go/ast.h"
#include "sim/go/constant.h"

namespace gb::go {

using vm::TypeId;
using ObjId = std::uint32_t;
inline constexpr ObjId kNoObj = 0xFFFFFFFFu;

enum class ObjKind : std::uint8_t { Var, Const, TypeName, Func, Package, Builtin, Nil, Label };

enum class Builtin : std::uint8_t {
  None, Append, Cap, Close, Complex, Copy, Delete, Imag, Len, Make, New, Panic, Print, Println, Real, Recover,
};

struct Object {
  ObjKind kind = ObjKind::Var;
  std::string name;
  std::string package;          // package path of a package-level object ("main", "strings")
  TypeId type = vm::kNoType;    // Var/Const/Func: its type; TypeName: the type it names
  NodeId decl = kNoNode;        // the declaring Ident (or FuncDecl for functions and methods)
  std::uint32_t file = 0;       // index of the file (in check order) that declares it
  NodeId owner_func = kNoNode;  // Var: the FuncDecl or FuncLit whose body declares it (kNoNode: package level)
  bool package_level = false;
  bool param = false;           // a parameter (receiver included)
  bool result = false;          // a named or unnamed result
  bool captured = false;        // referenced by a FuncLit other than its owner (lives in a heap cell)
  bool address_taken = false;   // &x, x.f with &, a method with pointer receiver called on it, x[:] of an array
  bool used = false;
  Constant value;               // Const
  Builtin builtin = Builtin::None;
  std::string import_path;      // Package: "fmt", "sync/atomic"
  std::uint32_t package_scope = 0;  // Package: index of the imported package in Info::packages
  TypeId recv = vm::kNoType;    // Func that is a method: the receiver's named type (not the pointer)
  bool pointer_receiver = false;
  bool native = false;          // Func declared without a body (implemented in C++)
  NodeId generic = kNoNode;     // a generic function's FuncDecl or generic type's TypeSpec (in `file`); such an
                                // object has no type of its own: only its instances (checker_generics.cpp) do
  std::string type_args;        // an instance of a generic function: its type arguments as Go prints them "[int]"
};

// How a Selector node x.f resolves.
struct Selection {
  enum class Kind : std::uint8_t {
    Field,          // x.f: a struct field; `path` walks embedded fields to it
    Method,         // x.m with a concrete receiver: `obj` is the method's Func object
    InterfaceMethod,// x.m on an interface: `index` is the method's position in the interface's method set
    MethodExpr,     // T.m or (*T).m used as a function
    Qualified,      // pkg.Name: `obj` is the package member
  };
  Kind kind = Kind::Field;
  ObjId obj = kNoObj;
  std::vector<std::uint32_t> path;   // field indices from x's (auto-dereferenced) struct type, outermost first
  std::vector<bool> deref;           // for each step of `path`: dereference a pointer before selecting
  std::uint32_t index = 0;           // InterfaceMethod: method index in the interface's sorted method set
  bool auto_address = false;         // Method with pointer receiver on an addressable value: &x implied
  bool auto_deref = false;           // Method with value receiver on a pointer: *x implied
};

// What kind of thing an expression node denotes.
enum class Mode : std::uint8_t {
  Invalid, NoValue, Value, Variable /* addressable */, MapIndex, Constant, Type, Builtin, Package, CommaOk
};

struct FileInfo {
  std::string name;     // "main.go"
  std::string package;  // "main"
};

struct Info {
  vm::TypeTable types;
  std::vector<Object> objects;
  std::vector<FileInfo> files;
  std::vector<const Ast*> asts;   // one per file, in check order; node ids below are per file

  // Per file, per node (indexed [file][node]):
  std::vector<std::vector<TypeId>> type_of;   // expressions: their final type (untyped constants get the type
                                              // they were converted to); type expressions: the type denoted
  std::vector<std::vector<Mode>> mode_of;
  std::vector<std::vector<ObjId>> obj_of;     // Ident: the object defined or used; FuncDecl/FuncLit: the Func
                                              // object (FuncLit: an anonymous Func object)
  std::vector<std::unordered_map<NodeId, Constant>> constant_of;   // constant expressions, with final value
  std::vector<std::unordered_map<NodeId, Selection>> selection_of;
  // Type switch clauses with a bound variable (x := y.(type)): the implicit object declared in each clause.
  std::vector<std::unordered_map<NodeId, ObjId>> clause_obj;
  // Per file: for each FuncLit node, the variables of enclosing functions it references (its free
  // variables), in first-use order, including those used only by FuncLits nested inside it.
  std::vector<std::unordered_map<NodeId, std::vector<ObjId>>> captures_of;

  // Package-level variables of all packages in initialization order (dependencies first), each with the
  // VarSpec that declares it.
  struct InitEntry { std::uint32_t file; NodeId spec; std::vector<ObjId> lhs; };
  std::vector<InitEntry> init_order;
  std::vector<ObjId> funcs;   // every FuncDecl's object (functions and methods) of every package

  // Every checked package in check order (dependencies first; Object::package_scope indexes this).
  struct PackageInfo {
    std::string path;                                // import path: "sync/atomic"
    std::string name;                                // package name: "atomic"
    std::uint32_t file = 0;                          // its file (index into files/asts)
    std::unordered_map<std::string, ObjId> members;  // package-level objects by name (exported or not)
  };
  std::vector<PackageInfo> packages;
  // The universe scope's objects by name (int, len, nil, true, iota...), shared by all packages.
  std::unordered_map<std::string, ObjId> universe;

  TypeId type(std::uint32_t file, NodeId n) const { return type_of[file][n]; }
  ObjId obj(std::uint32_t file, NodeId n) const { return obj_of[file][n]; }
};

}  // namespace gb::go
