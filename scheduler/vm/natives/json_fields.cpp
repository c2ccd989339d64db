// The struct fields encoding/json sees (encode.go's typeFields): exported fields named by their `json` tag or
// their Go name, "-" skipped, omitempty and string options, and the fields of embedded structs promoted
// breadth-first, a shallower field hiding deeper ones of the same name, a tagged one winning among equals,
// and two equal candidates hiding each other.
#include <algorithm>
#include <map>
#include <set>

#include "scheduler/vm/natives/json.h"
#include "scheduler/vm/natives/method_sets.h"
#include "scheduler/vm/natives/unicode_text.h"

namespace gb::vm::natives::json {

namespace {

// isValidTag: a name of letters, digits and the punctuation Go allows in a JSON key written in a tag.
bool valid_tag_name(std::string_view s) {
  if (s.empty()) return false;
  constexpr std::string_view kAllowed = "!#$%&()*+-./:;<=>?@[]^_{|}~ ";
  while (!s.empty()) {
    const Decoded d = decode_rune(s);
    s.remove_prefix(static_cast<std::size_t>(std::max(d.size, 1)));
    if (d.rune < 0x80 && kAllowed.find(static_cast<char>(d.rune)) != std::string_view::npos) continue;
    if (!rune_in(RuneClass::Letter, d.rune) && !rune_in(RuneClass::Digit, d.rune)) return false;
  }
  return true;
}

bool has_option(std::string_view options, std::string_view name) {
  while (!options.empty()) {
    const std::size_t comma = options.find(',');
    const std::string_view opt = options.substr(0, comma);
    if (opt == name) return true;
    if (comma == std::string_view::npos) break;
    options.remove_prefix(comma + 1);
  }
  return false;
}

bool quotable(Kind k) {
  switch (k) {
    case Kind::Bool:
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64: case Kind::Uintptr:
    case Kind::Float32: case Kind::Float64:
    case Kind::String:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_exported(std::string_view name) {
  return !name.empty() && rune_in(RuneClass::Upper, decode_rune(name).rune);
}

std::string tag_get(std::string_view tag, std::string_view key) {
  while (!tag.empty()) {
    std::size_t i = 0;
    while (i < tag.size() && tag[i] == ' ') ++i;
    tag.remove_prefix(i);
    if (tag.empty()) break;
    i = 0;
    while (i < tag.size() && static_cast<unsigned char>(tag[i]) > ' ' && tag[i] != ':' && tag[i] != '"' &&
           tag[i] != 0x7f)
      ++i;
    if (i == 0 || i + 1 >= tag.size() || tag[i] != ':' || tag[i + 1] != '"') break;
    const std::string_view name = tag.substr(0, i);
    tag.remove_prefix(i + 1);
    i = 1;
    while (i < tag.size() && tag[i] != '"') {
      if (tag[i] == '\\') ++i;
      ++i;
    }
    if (i >= tag.size()) break;
    const std::string_view quoted = tag.substr(0, i + 1);
    tag.remove_prefix(i + 1);
    if (name == key) {
      std::string value;
      if (!unquote(quoted, value)) break;
      return value;
    }
  }
  return {};
}

std::vector<Field> type_fields(const TypeTable& types, TypeId struct_type) {
  struct Pending {
    TypeId type = kNoType;
    std::vector<std::uint32_t> index;
  };
  std::vector<Field> fields;
  std::vector<Pending> current;
  std::vector<Pending> next{Pending{struct_type, {}}};
  std::map<TypeId, int> count;
  std::map<TypeId, int> next_count;
  std::set<TypeId> visited;
  while (!next.empty()) {
    current = std::move(next);
    next.clear();
    count = std::move(next_count);
    next_count.clear();
    for (const Pending& f : current) {
      if (!visited.insert(f.type).second) continue;
      const Type& st = types[types.underlying(f.type)];
      for (std::uint32_t i = 0; i < st.fields.size(); ++i) {
        const StructField& sf = st.fields[i];
        if (sf.embedded) {
          TypeId t = sf.type;
          if (types.kind(t) == Kind::Pointer) t = types[t].elem;
          // An unexported embedded struct still contributes its exported fields.
          if (!is_exported(sf.name) && types.underlying_kind(t) != Kind::Struct) continue;
        } else if (!is_exported(sf.name)) {
          continue;
        }
        const std::string tag = tag_get(sf.tag, "json");
        if (tag == "-") continue;
        const std::size_t comma = tag.find(',');
        std::string name = tag.substr(0, comma);
        const std::string_view options =
            comma == std::string::npos ? std::string_view() : std::string_view(tag).substr(comma + 1);
        if (!valid_tag_name(name)) name.clear();
        std::vector<std::uint32_t> index = f.index;
        index.push_back(i);
        TypeId ft = sf.type;
        if (types.kind(ft) == Kind::Pointer) ft = types[ft].elem;  // an unnamed pointer: its element decides
        const bool quoted = has_option(options, "string") && quotable(types.underlying_kind(ft));
        if (!name.empty() || !sf.embedded || types.underlying_kind(ft) != Kind::Struct) {
          Field out;
          out.tagged = !name.empty();
          out.name = name.empty() ? sf.name : name;
          out.index = std::move(index);
          out.type = sf.type;
          out.omit_empty = has_option(options, "omitempty");
          out.quoted = quoted;
          fields.push_back(out);
          // The struct was reached more than once at this depth: a duplicate makes the name ambiguous below.
          if (count[f.type] > 1) fields.push_back(fields.back());
          continue;
        }
        // An embedded struct without a name in its tag: its fields are looked at in the next round.
        if (++next_count[ft] == 1) next.push_back(Pending{ft, std::move(index)});
      }
    }
  }
  std::sort(fields.begin(), fields.end(), [](const Field& a, const Field& b) {
    if (a.name != b.name) return a.name < b.name;
    if (a.index.size() != b.index.size()) return a.index.size() < b.index.size();
    if (a.tagged != b.tagged) return a.tagged;
    return a.index < b.index;
  });
  // Of the fields sharing a name, the dominant one (shallowest, then tagged) survives; a tie hides them all.
  std::vector<Field> out;
  for (std::size_t i = 0; i < fields.size();) {
    std::size_t n = 1;
    while (i + n < fields.size() && fields[i + n].name == fields[i].name) ++n;
    if (n == 1 || fields[i].index.size() != fields[i + 1].index.size() || fields[i].tagged != fields[i + 1].tagged)
      out.push_back(fields[i]);
    i += n;
  }
  std::sort(out.begin(), out.end(), [](const Field& a, const Field& b) { return a.index < b.index; });
  return out;
}

const std::vector<Field>& FieldCache::of(TypeId struct_type) {
  auto it = fields_.find(struct_type);
  if (it == fields_.end()) it = fields_.emplace(struct_type, type_fields(types_, struct_type)).first;
  return it->second;
}

// [SECTION] Methods Gopherbus does not call

std::string custom_method(const TypeTable& types, TypeId type, bool decoding) {
  if (type < kFirstUserType) return {};
  const Type& named = types[type];
  // The library's time.Time has no such methods, but Go's has: its JSON form is not what Gopherbus would give.
  if (named.kind == Kind::Named && named.name == "Time" && named.package == "time")
    return decoding ? "UnmarshalJSON" : "MarshalJSON";
  const char* names[2] = {decoding ? "UnmarshalJSON" : "MarshalJSON", decoding ? "UnmarshalText" : "MarshalText"};
  for (const char* name : names) {
    if (find_method(types, type, name) != nullptr) return name;
    const Type& t = types[type];
    if (t.kind == Kind::Named) {
      for (const MethodEntry& m : t.methods)
        if (m.name == name) return name;  // a pointer method: Go calls it on an addressable value
    }
  }
  return {};
}

std::string not_simulated(const TypeTable& types, TypeId type, const std::string& method) {
  return "json: " + types.to_string(type) + " has a " + method + " method, which Gopherbus does not call";
}

}  // namespace gb::vm::natives::json
