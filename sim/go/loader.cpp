// Loading a program: the user's package main and the standard-library packages it needs, parsed and
// checked dependencies first.
#include "sim/go/loader.h"

#include <algorithm>
#include <map>
#include <set>

#include "sim/go/checker.h"
#include "sim/go/parser.h"
#include "sim/go/stdlib.h"

namespace gb::go {

std::optional<std::string> embedded_package(const std::string& import_path) {
  std::string name = import_path;
  std::replace(name.begin(), name.end(), '/', '_');
  name += ".go";
  for (const EmbeddedFile& f : stdlib_files()) {
    if (f.name == name) return std::string(f.text);
  }
  return std::nullopt;
}

namespace {

struct Parsed {
  std::string path;
  SourceFile source;
  Ast ast;
  std::vector<std::string> imports;
};

}  // namespace

LoadedProgram load_program(const std::string& file_name, const std::string& text, const PackageSource& packages) {
  LoadedProgram prog;
  prog.diags = Diagnostics(file_name);

  // Parse the user's file first: its syntax errors are what a student needs to see.
  std::map<std::string, Parsed> parsed;
  Parsed main;
  main.path = "main";
  main.source = SourceFile(file_name, text);
  main.ast = parse_file(main.source, prog.diags);
  // gc type-checks after parser errors that are not syntax errors (a go/defer without a call).
  for (const Diagnostic& d : prog.diags.errors()) {
    if (d.message.find("must be function call") == std::string::npos) return prog;
  }
  auto imports_of = [](const Ast& ast) {
    std::vector<std::string> out;
    for (NodeId spec : ast.list(ast[ast.file].l0)) out.push_back(ast[spec].value);
    return out;
  };
  main.imports = imports_of(main.ast);
  {
    const Node& file = main.ast[main.ast.file];
    if (file.text != "main") {
      // gc builds any package; only package main can run
      std::string msg = "package ";
      msg += file.text;
      msg += " is not a main package";
      prog.diags.error(file.pos, msg);
      return prog;
    }
  }

  // The standard-library packages, transitively; unknown import paths are reported at the import.
  std::vector<std::string> queue = main.imports;
  queue.push_back("runtime");
  bool missing = false;
  for (NodeId spec : main.ast.list(main.ast[main.ast.file].l0)) {
    const std::string& path = main.ast[spec].value;
    if (!packages(path)) {
      missing = true;
      std::string msg = "package ";
      msg += path;
      msg += " is not in GOROOT (/usr/lib/go-1.19/src/";
      msg += path;
      msg += ")";
      prog.diags.error(main.ast[spec].pos, msg);
    }
  }
  if (missing) return prog;
  while (!queue.empty()) {
    const std::string path = queue.back();
    queue.pop_back();
    if (parsed.count(path)) continue;
    std::optional<std::string> src = packages(path);
    if (!src) continue;  // runtime may be missing while the library is being written
    Parsed p;
    p.path = path;
    std::string fname = path;
    std::replace(fname.begin(), fname.end(), '/', '_');
    fname += ".go";
    p.source = SourceFile(fname, *src);
    Diagnostics d(fname);
    p.ast = parse_file(p.source, d);
    if (!d.empty()) {
      prog.diags = d;
      return prog;
    }
    p.imports = imports_of(p.ast);
    for (const std::string& i : p.imports) queue.push_back(i);
    parsed.emplace(path, std::move(p));
  }

  // Dependency order: depth-first post-order over imports, in sorted path order for determinism.
  std::vector<std::string> order;
  std::set<std::string> done, active;
  std::function<void(const std::string&)> visit = [&](const std::string& path) {
    if (done.count(path) || !parsed.count(path)) return;
    if (active.count(path)) return;  // an import cycle: the checker will not see it twice
    active.insert(path);
    std::vector<std::string> deps = parsed.at(path).imports;
    std::sort(deps.begin(), deps.end());
    for (const std::string& d : deps) visit(d);
    active.erase(path);
    done.insert(path);
    order.push_back(path);
  };
  std::vector<std::string> roots;
  for (auto& [path, p] : parsed) roots.push_back(path);
  for (const std::string& r : roots) visit(r);

  for (const std::string& path : order) {
    Parsed& p = parsed.at(path);
    prog.sources.push_back(std::move(p.source));
    prog.asts.push_back(std::move(p.ast));
  }
  prog.sources.push_back(std::move(main.source));
  prog.asts.push_back(std::move(main.ast));
  order.push_back("main");

  for (std::size_t i = 0; i < prog.asts.size(); ++i) {
    prog.info.asts.push_back(&prog.asts[i]);
    FileInfo fi;
    fi.name = prog.sources[i].name();
    fi.package = prog.asts[i][prog.asts[i].file].text;
    prog.info.files.push_back(fi);
  }
  for (std::size_t i = 0; i < prog.asts.size(); ++i) {
    const bool user = i + 1 == prog.asts.size();
    if (user) {
      check_package(prog.info, static_cast<std::uint32_t>(i), order[i], prog.diags, &prog.sources[i]);
    } else {
      Diagnostics d(prog.sources[i].name());
      check_package(prog.info, static_cast<std::uint32_t>(i), order[i], d, &prog.sources[i]);
      if (!d.empty()) {
        prog.diags = d;
        return prog;
      }
    }
  }
  prog.ok = prog.diags.empty();
  return prog;
}

}  // namespace gb::go
