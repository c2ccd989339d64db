// How a lesson's spotlight outline is drawn around an element (ui/panels/spotlight_marks.h), in pixels at UI
// scale 1: shared with the screenshot probe that looks for the outline's pixels. No ImGui.
#pragma once

namespace gb::ui {

inline constexpr float kSpotOutlineMargin = 3.0f;     // outside the element's rectangle
inline constexpr float kSpotOutlineThickness = 3.0f;  // centred on that margin

}  // namespace gb::ui
