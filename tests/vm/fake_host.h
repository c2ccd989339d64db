// A NativeHost for testing natives without the interpreter: a flat word memory, a byte arena for strings,
// maps as plain entry lists, String/Error methods as C++ callbacks, and recorded output and panics; and
// NativesFixture, a type table with a few user types like the ones Go programs declare, values of them, and
// calls of natives by Go name.
#pragma once

#include <bit>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "scheduler/vm/native.h"
#include "scheduler/vm/types.h"

namespace gb::vm::testing {

class FakeHost : public NativeHost {
 public:
  using Method = std::function<std::string(const Word* value)>;

  explicit FakeHost(TypeTable& types) : types_(types) {
    memory.push_back(0);    // address 0 is nil
    arena.push_back('\0');  // byte address 0 is the empty string
  }

  // [SECTION] NativeHost
  Word* frame() override { return frame_words.data(); }
  const TypeTable& types() const override { return types_; }
  Word load(Word address) override { return memory.at(address); }
  void store(Word address, Word value) override { memory.at(address) = value; }
  Word allocate(std::uint32_t words) override {
    const Word at = memory.size();
    memory.resize(memory.size() + words + 1, 0);  // +1 keeps zero-word allocations distinct and non-nil
    return at;
  }
  std::string_view string_bytes(const Word* value) override {
    if (value[1] == 0) return {};
    return std::string_view(arena).substr(value[0], value[1]);
  }
  void make_string(std::string_view bytes, Word* out) override {
    if (bytes.empty()) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    out[0] = arena.size();
    out[1] = bytes.size();
    arena.append(bytes);
  }
  std::vector<std::pair<std::vector<Word>, std::vector<Word>>> map_entries(Word m) override {
    return maps.at(m);
  }
  std::int64_t map_len(Word m) override { return m == 0 ? 0 : static_cast<std::int64_t>(maps.at(m).size()); }
  std::optional<std::string> call_string_method(TypeId type, const Word* value,
                                                std::string_view name) override {
    auto it = methods.find({type, std::string(name)});
    if (it == methods.end()) return std::nullopt;
    ++method_calls;
    return it->second(value);
  }
  void write_stdout(std::string_view bytes) override { stdout_text.append(bytes); }
  void write_stderr(std::string_view bytes) override { stderr_text.append(bytes); }
  void panic_error(std::string message, bool runtime_error) override {
    panicked = true;
    panic_message = std::move(message);
    panic_is_runtime_error = runtime_error;
  }
  void panic_string(std::string message) override {
    panicked = true;
    panic_message = std::move(message);
    panic_is_runtime_error = false;
  }
  void fatal(std::string message) override { fatal_message = std::move(message); }

  // [SECTION] Building values
  // A string value's two words.
  std::pair<Word, Word> str(std::string_view s) {
    Word w[2];
    make_string(s, w);
    return {w[0], w[1]};
  }
  // Words of a value stored in fresh memory; returns the address.
  Word put(const std::vector<Word>& words) {
    const Word at = allocate(static_cast<std::uint32_t>(words.size()));
    for (std::size_t i = 0; i < words.size(); ++i) memory[at + i] = words[i];
    return at;
  }
  // An interface value {type, data} holding `words` of dynamic type `type` (boxed unless one word).
  std::pair<Word, Word> iface(TypeId type, const std::vector<Word>& words) {
    if (type == kNoType) return {0, 0};
    if (types_.words(type) == 1) return {type, words.at(0)};
    return {type, put(words)};
  }
  // A []any holding the given interface values; returns its three words.
  std::vector<Word> any_slice(const std::vector<std::pair<Word, Word>>& items) {
    std::vector<Word> flat;
    for (const auto& [t, d] : items) {
      flat.push_back(t);
      flat.push_back(d);
    }
    const Word at = put(flat);
    return {at, items.size(), items.size()};
  }
  Word new_map(std::vector<std::pair<std::vector<Word>, std::vector<Word>>> entries) {
    const Word handle = next_map++;
    maps[handle] = std::move(entries);
    return handle;
  }

  // Sets the frame to `words` followed by `results` zero words.
  void set_frame(std::vector<Word> words, std::size_t results) {
    frame_words = std::move(words);
    frame_words.resize(frame_words.size() + results, 0);
  }
  std::string string_at(std::size_t i) { return std::string(string_bytes(frame_words.data() + i)); }

  TypeTable& types_;
  std::vector<Word> memory;
  std::string arena;
  std::vector<Word> frame_words;
  std::map<Word, std::vector<std::pair<std::vector<Word>, std::vector<Word>>>> maps;
  Word next_map = 1;
  std::map<std::pair<TypeId, std::string>, Method> methods;
  int method_calls = 0;
  std::string stdout_text, stderr_text;
  bool panicked = false;
  bool panic_is_runtime_error = false;
  std::string panic_message;
  std::string fatal_message;
};

using IfaceWords = std::pair<Word, Word>;

struct NativesFixture {
  TypeTable types;
  FakeHost host{types};
  TypeId T = 0, PT = 0, Name = 0, Named = 0, MyErr = 0, PMyErr = 0, Wrap = 0;
  TypeId ints_t = 0, strs_t = 0, bytes_t = 0, smap_t = 0, imap_t = 0, anys_t = 0, arr3_t = 0;

  NativesFixture() {
    const TypeId string_sig = types.func_of({}, {kString}, false);
    // type T struct { X, Y int }
    T = types.new_named("T", "main");
    types.set_underlying(T, types.struct_of({{"X", kInt, false}, {"Y", kInt, false}}));
    PT = types.pointer_to(T);
    // type Name string, with a value-receiver String method.
    Name = types.new_named("Name", "main");
    types.set_underlying(Name, kString);
    types.add_method(Name, MethodEntry{"String", string_sig, -1, false});
    host.methods[{Name, "String"}] = [this](const Word* v) {
      std::string s = "Name(";
      s += host.string_bytes(v);
      s += ")";
      return s;
    };
    // type Named struct { N Name; age Name }
    Named = types.new_named("Named", "main");
    types.set_underlying(Named, types.struct_of({{"N", Name, false}, {"age", Name, false}}));
    // type MyErr struct { Code int } with a pointer-receiver Error method.
    MyErr = types.new_named("MyErr", "main");
    types.set_underlying(MyErr, types.struct_of({{"Code", kInt, false}}));
    types.add_method(MyErr, MethodEntry{"Error", string_sig, -1, true});
    PMyErr = types.pointer_to(MyErr);
    host.methods[{PMyErr, "Error"}] = [this](const Word* v) {
      std::string s = "code ";
      s += std::to_string(static_cast<std::int64_t>(host.load(v[0])));
      return s;
    };
    // type Wrap struct { E error; P *T }
    Wrap = types.new_named("Wrap", "main");
    types.set_underlying(Wrap, types.struct_of({{"E", kError, false}, {"P", PT, false}}));
    ints_t = types.slice_of(kInt);
    strs_t = types.slice_of(kString);
    bytes_t = types.slice_of(kUint8);
    smap_t = types.map_of(kString, kInt);
    imap_t = types.map_of(kInt, kString);
    anys_t = types.slice_of(kEmptyInterface);
    arr3_t = types.array_of(kInt, 3);
  }

  // [SECTION] Interface values of various types
  IfaceWords nil() { return {0, 0}; }
  IfaceWords i(std::int64_t v) { return {kInt, static_cast<Word>(v)}; }
  // A one-word value of type t (negative numbers give their sign-extended words).
  IfaceWords typed(TypeId t, Word v) { return {t, v}; }
  IfaceWords b(bool v) { return {kBool, v ? 1u : 0u}; }
  IfaceWords f(double v) { return {kFloat64, std::bit_cast<Word>(v)}; }
  IfaceWords f32(double v) {
    return {kFloat32, std::bit_cast<Word>(static_cast<double>(static_cast<float>(v)))};
  }
  IfaceWords s(std::string_view v) {
    auto [a, n] = host.str(v);
    return host.iface(kString, {a, n});
  }
  IfaceWords t(std::int64_t x, std::int64_t y) {
    return host.iface(T, {static_cast<Word>(x), static_cast<Word>(y)});
  }
  IfaceWords pt(std::int64_t x, std::int64_t y) {
    return {PT, host.put({static_cast<Word>(x), static_cast<Word>(y)})};
  }
  IfaceWords nil_pt() { return {PT, 0}; }
  IfaceWords name(std::string_view v) {
    auto [a, n] = host.str(v);
    return host.iface(Name, {a, n});
  }
  IfaceWords named(std::string_view n1, std::string_view n2) {
    auto [a, n] = host.str(n1);
    auto [c, m] = host.str(n2);
    return host.iface(Named, {a, n, c, m});
  }
  IfaceWords myerr(std::int64_t code) { return {PMyErr, host.put({static_cast<Word>(code)})}; }
  IfaceWords myerr_value(std::int64_t code) { return host.iface(MyErr, {static_cast<Word>(code)}); }
  IfaceWords wrap_nil() { return host.iface(Wrap, {0, 0, 0}); }
  IfaceWords slice_of(TypeId t, const std::vector<Word>& elems, std::size_t n) {
    const Word at = host.put(elems);
    return host.iface(t, {at, n, n});
  }
  IfaceWords ints(std::initializer_list<std::int64_t> v) {
    std::vector<Word> w;
    for (auto x : v) w.push_back(static_cast<Word>(x));
    return slice_of(ints_t, w, v.size());
  }
  IfaceWords nil_ints() { return host.iface(ints_t, {0, 0, 0}); }
  IfaceWords strs(std::initializer_list<std::string_view> v) {
    std::vector<Word> w;
    for (auto x : v) {
      auto [a, n] = host.str(x);
      w.push_back(a);
      w.push_back(n);
    }
    return slice_of(strs_t, w, v.size());
  }
  IfaceWords bytes(std::string_view v) {
    std::vector<Word> w;
    for (unsigned char c : v) w.push_back(c);
    return slice_of(bytes_t, w, v.size());
  }
  IfaceWords nil_bytes() { return host.iface(bytes_t, {0, 0, 0}); }
  IfaceWords arr3(std::int64_t a, std::int64_t b2, std::int64_t c) {
    return host.iface(arr3_t, {static_cast<Word>(a), static_cast<Word>(b2), static_cast<Word>(c)});
  }
  IfaceWords smap(std::initializer_list<std::pair<std::string_view, std::int64_t>> v) {
    std::vector<std::pair<std::vector<Word>, std::vector<Word>>> e;
    for (auto [k, x] : v) {
      auto [a, n] = host.str(k);
      e.push_back({{a, n}, {static_cast<Word>(x)}});
    }
    return {smap_t, host.new_map(e)};
  }
  IfaceWords imap(std::initializer_list<std::pair<std::int64_t, std::string_view>> v) {
    std::vector<std::pair<std::vector<Word>, std::vector<Word>>> e;
    for (auto [k, x] : v) {
      auto [a, n] = host.str(x);
      e.push_back({{static_cast<Word>(k)}, {a, n}});
    }
    return {imap_t, host.new_map(e)};
  }
  IfaceWords nil_smap() { return {smap_t, 0}; }
  // []any{1, "a", nil, 2.5, true}
  IfaceWords anys() {
    auto [sa, sn] = host.str("a");
    const Word box = host.put({sa, sn});
    std::vector<Word> w = {kInt, 1, kString, box, 0, 0, kFloat64, std::bit_cast<Word>(2.5), kBool, 1};
    return slice_of(anys_t, w, 5);
  }

  // [SECTION] Calls
  NativeFn native(std::string_view name) {
    NativeFn fn = find_native(name);
    if (fn == nullptr) throw std::runtime_error("no native " + std::string(name));
    return fn;
  }
  std::string sprintf(std::string_view format, std::vector<IfaceWords> args) {
    auto [a, n] = host.str(format);
    std::vector<Word> sl = host.any_slice(args);
    host.set_frame({a, n, sl[0], sl[1], sl[2]}, 2);
    native("fmt.Sprintf")(host);
    return host.string_at(5);
  }
  std::string sprint(std::vector<IfaceWords> args) {
    std::vector<Word> sl = host.any_slice(args);
    host.set_frame({sl[0], sl[1], sl[2]}, 2);
    native("fmt.Sprint")(host);
    return host.string_at(3);
  }
  std::string sprintln(std::vector<IfaceWords> args) {
    std::vector<Word> sl = host.any_slice(args);
    host.set_frame({sl[0], sl[1], sl[2]}, 2);
    native("fmt.Sprintln")(host);
    return host.string_at(3);
  }
  // Calls a native whose parameters are `args` words and that has `results` result words.
  void call(std::string_view name, std::vector<Word> args, std::size_t results) {
    host.set_frame(std::move(args), results);
    native(name)(host);
  }
  std::vector<Word> str_words(std::string_view s) {
    auto [a, n] = host.str(s);
    return {a, n};
  }
  // A []string's elements from its three frame words at `at`.
  std::vector<std::string> string_slice_at(std::size_t at) {
    std::vector<std::string> out;
    const Word base = host.frame_words[at];
    for (Word k = 0; k < host.frame_words[at + 1]; ++k) {
      Word w[2] = {host.load(base + 2 * k), host.load(base + 2 * k + 1)};
      out.emplace_back(host.string_bytes(w));
    }
    return out;
  }
};

// Concatenates word runs (arguments built piecewise).
inline std::vector<Word> words(std::initializer_list<std::vector<Word>> parts) {
  std::vector<Word> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

}  // namespace gb::vm::testing
