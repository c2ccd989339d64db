// The built-in example is the first of the examples menu (ui/examples/pingpong.go).
#include "studio_example.h"

#include "examples.h"

namespace gb::ui {

std::string_view example_program() { return examples().front().text; }

}  // namespace gb::ui
