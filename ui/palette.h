// Colours of the coherence states and of the app's highlights, as plain RGB so tests can look for them in
// pixels.
#pragma once

#include <cstdint>

#include "coherence/line_state.h"

namespace gb::ui {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

// The usual teaching colours: M red, E purple, S blue, O orange, I grey; Dragon's Sc teal and Sm gold.
constexpr Rgb state_colour(LineState s) {
  switch (s) {
    case LineState::M:
      return {200, 40, 40};
    case LineState::E:
      return {140, 70, 180};
    case LineState::S:
      return {40, 100, 200};
    case LineState::O:
      return {230, 125, 20};
    case LineState::Sc:
      return {20, 150, 140};
    case LineState::Sm:
      return {200, 160, 20};
    case LineState::I:
      return {95, 95, 100};
  }
  return {95, 95, 100};
}

// A goroutine's colour in every panel (source markers, run-queue boxes, the G table): ten well-separated
// hues (Okabe-Ito's first, then lighter ones). None is a state's colour, so the screenshot probes that count
// state pixels are not fooled, and every G box carries its id in text.
constexpr Rgb g_colour(int g) {
  constexpr Rgb hues[] = {{86, 180, 233}, {230, 159, 0},  {0, 158, 115},  {240, 228, 66},  {213, 94, 0},
                          {204, 121, 167}, {120, 200, 80}, {255, 140, 140}, {150, 150, 255}, {190, 160, 110}};
  return hues[static_cast<unsigned>(g < 0 ? -g : g) % 10];
}

inline constexpr Rgb kStaleText{130, 130, 130};  // memory words a dirty owner has overtaken
inline constexpr Rgb kViolationText{255, 90, 90};
inline constexpr Rgb kOkText{110, 210, 120};
inline constexpr Rgb kFiredRow{90, 75, 20};  // the protocol table row that fired
inline constexpr Rgb kBusIdle{80, 85, 95};
inline constexpr Rgb kBusActive{240, 200, 60};
inline constexpr Rgb kLostUpdate{255, 110, 70};    // a lost update: its event, its lines, its count
inline constexpr Rgb kLostUpdateRow{110, 40, 30};  // the spotlit lost update's row and source lines
// A lesson's spotlight: the outline around the element the narrative talks about (no state, G or highlight
// uses this cyan, so a test can find the outline's pixels).
inline constexpr Rgb kSpotlight{0, 240, 255};

}  // namespace gb::ui
