// The standard-library packages of the Go subset, written in Go under sim/go/stdlib/ (one file per package,
// named after the import path with '/' as '_': fmt.go, sync_atomic.go) and embedded into the binary at build
// time. A function declared without a body is implemented in C++ (scheduler/vm/native.h).
#pragma once

#include <string_view>
#include <vector>

namespace gb::go {

struct EmbeddedFile {
  std::string_view name;  // "strings.go"
  std::string_view text;
};

const std::vector<EmbeddedFile>& stdlib_files();

}  // namespace gb::go
