// The value-walking half of fmt (Go's fmt/print.go): operands of any run-time type, read through the
// NativeHost and printed by verb (structs, slices, maps sorted as internal/fmtsort sorts them, pointers,
// interfaces), Stringer and error dispatch, and the Print/Println/Printf drivers with Go's argument errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/vm/native.h"
#include "scheduler/vm/natives/fmt_format.h"
#include "scheduler/vm/natives/natives.h"

namespace gb::vm::natives {

// A Go value copied out of memory: its type and words. can_interface is false for values reached through
// unexported struct fields, whose methods fmt must not call.
struct Value {
  TypeId type = kNoType;  // kNoType: no value (a nil interface's element)
  std::vector<Word> words;
  bool can_interface = true;
};

class Printer {
 public:
  explicit Printer(NativeHost& host) : host_(host), types_(host.types()), fmt_(out_) {}

  // The operands of a ...any parameter, as interface values; a nil interface gives type kNoType.
  static std::vector<Value> load_args(NativeHost& host, const SliceRef& args);
  // The value of dynamic type `type` held in an interface whose data word is `data`.
  static Value unbox(NativeHost& host, TypeId type, Word data);

  void do_print(const std::vector<Value>& args);
  void do_println(const std::vector<Value>& args);
  void do_printf(std::string_view format, const std::vector<Value>& args);

  // Errorf: allow one %w; after do_printf, the index of the operand it wrapped (-1: none).
  void allow_wrap() { wrap_errs_ = true; }
  int wrapped_index() const { return wrapped_index_; }

  const std::string& output() const { return out_; }

 private:
  void print_arg(const Value& arg, char32_t verb);
  void print_value(const Value& v, char32_t verb, int depth);
  bool handle_methods(char32_t verb);
  // print.go's catchPanic for a method of `arg` that panicked with `p`.
  void catch_panic(const Value& arg, char32_t verb, std::string_view method, const MethodPanic& p);
  void bad_verb(char32_t verb);
  void fmt_bool(bool b, char32_t verb);
  void fmt_integer(std::uint64_t v, bool is_signed, char32_t verb);
  void fmt_0x64(std::uint64_t v, bool leading0x);
  void fmt_float(double v, int size, char32_t verb);
  void fmt_complex(double re, double im, int size, char32_t verb);
  void fmt_string(std::string_view s, char32_t verb);
  void fmt_bytes(const std::string& bytes, bool is_nil, char32_t verb, const std::string& type_string);
  void fmt_pointer(const Value& v, char32_t verb);
  void write_rune(char32_t r);

  std::string string_of(const Value& v);
  Value element(TypeId elem_type, Word address, bool can_interface);
  int compare_keys(TypeId type, const std::vector<Word>& a, const std::vector<Word>& b);

  NativeHost& host_;
  const TypeTable& types_;
  std::string out_;
  Formatter fmt_;

  // The operand being printed (print_arg) or the reflected value (print_value), for bad_verb's report.
  const Value* arg_ = nullptr;
  const Value* value_ = nullptr;
  bool erroring_ = false;
  bool panicking_ = false;  // printing a method's panic value (catchPanic)

  bool wrap_errs_ = false;
  int wrapped_index_ = -1;
  int current_arg_ = -1;

  bool reordered_ = false;
  bool good_arg_num_ = true;
};

// Word address as fmt prints a pointer (Go-looking heap addresses; deterministic).
std::uint64_t display_address(Word address);

}  // namespace gb::vm::natives
