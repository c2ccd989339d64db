// The program loader: parses the user's file and the standard-library packages it imports (transitively,
// plus runtime, which the interpreter always needs), and checks them in dependency order into one Info.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/go/ast.h"
#include "sim/go/check_info.h"
#include "sim/go/diagnostics.h"
#include "sim/go/source.h"

namespace gb::go {

struct LoadedProgram {
  std::vector<SourceFile> sources;  // in check order (dependencies first, the user's file last)
  std::deque<Ast> asts;             // a deque so Info::asts stays valid when the program is moved
  Info info;
  Diagnostics diags;
  bool ok = false;
};

// Where import paths come from: the text of the package's single file, or nullopt if there is no such
// package. The default reads the embedded standard library (sim/go/stdlib.h).
using PackageSource = std::function<std::optional<std::string>(const std::string& import_path)>;
std::optional<std::string> embedded_package(const std::string& import_path);

// Syntax errors stop loading (as gc); type errors are all reported (up to the 10-error limit). The
// diagnostics name the user's file; an error inside a standard-library file names that file instead.
LoadedProgram load_program(const std::string& file_name, const std::string& text,
                           const PackageSource& packages = embedded_package);

}  // namespace gb::go
