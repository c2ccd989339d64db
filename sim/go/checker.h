// The static type checker of the Go subset: resolves names, computes the type of every expression, folds
// constants and fills Info (check_info.h) for one package, reporting errors worded as Go 1.19's gc does.
#pragma once

#include <string>

#include "sim/go/check_info.h"
#include "sim/go/diagnostics.h"
#include "sim/go/source.h"

namespace gb::go {

// Checks the package in file `file` (info.asts[file] and info.files[file] must be set; its imports must
// already be in info.packages). Adds the package to info.packages. Returns false if an error was reported.
// Never throws on bad input.
// `src` (optional) is the file's text, used to place "missing return" at the closing brace as gc does.
bool check_package(Info& info, std::uint32_t file, const std::string& import_path, Diagnostics& diags,
                   const SourceFile* src = nullptr);

}  // namespace gb::go
