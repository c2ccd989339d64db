// ImGui colours and style for the app, and conversion of the plain palette to ImGui colours.
#pragma once

#include <imgui.h>

#include "palette.h"

namespace gb::ui {

inline ImU32 to_u32(Rgb c, std::uint8_t alpha = 255) {
  return IM_COL32(c.r, c.g, c.b, alpha);
}
inline ImVec4 to_vec4(Rgb c) {
  return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f);
}

// Dark style sized for a projector: a little more padding, square corners, then scaled.
void apply_style(float scale);

}  // namespace gb::ui
