// ui_png_probe: checks a screenshot of the app. Usage:
//   ui_png_probe FILE.png STATE MIN_PIXELS [WxH [caches|studio-cores]]
//   ui_png_probe FILE.png --cells MAP MIN_CELLS [STATES]   (STATES: letters that must appear, e.g. MOS)
//   ui_png_probe FILE.png --spots MAP MIN_SPOTS            (a lesson's spotlight outlines, gopherbus --spot-map)
// Counts the pixels painted in STATE's colour (ui/palette.h) and fails if fewer than MIN_PIXELS (or a wrong
// size). With `caches`, only the demo's caches panel counts (where the app's own layout puts it at scale 1,
// direct-mapped): the protocol table always shows every state, so the whole window would prove nothing. With
// `studio-cores`, only the studio's cores and caches panel counts.
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <string>

#include <SFML/Graphics/Image.hpp>

#include "ui/demo/demo_model.h"
#include "ui/layout.h"
#include "ui/palette.h"
#include "ui/spot_outline.h"

namespace {

bool near(const sf::Color& p, const gb::ui::Rgb& c) {
  constexpr int kTolerance = 6;  // the renderer's colour path may round a channel
  return std::abs(p.r - c.r) <= kTolerance && std::abs(p.g - c.g) <= kTolerance &&
         std::abs(p.b - c.b) <= kTolerance;
}

// --cells: every cell of the map (x0 y0 x1 y1 STATE, written by gopherbus --cell-map) is mostly its state's
// colour in the picture (the state's letter in white covers the rest), and there are at least `min` cells.
// The screenshot and its map, or false after saying which cannot be read.
bool open_both(const char* png, const char* map, sf::Image& image, std::FILE*& in) {
  if (!image.loadFromFile(png)) {
    std::fprintf(stderr, "ui_png_probe: cannot read %s\n", png);
    return false;
  }
  in = std::fopen(map, "r");
  if (in == nullptr) {
    std::fprintf(stderr, "ui_png_probe: cannot read %s\n", map);
    return false;
  }
  return true;
}

int check_cells(const char* png, const char* map, long min, const std::string& must_show) {
  sf::Image image;
  std::FILE* in = nullptr;
  if (!open_both(png, map, image, in)) return 1;
  long cells = 0, bad = 0;
  std::string seen;
  float x0, y0, x1, y1;
  char state[8];
  while (std::fscanf(in, "%f %f %f %f %7s", &x0, &y0, &x1, &y1, state) == 5) {
    ++cells;
    gb::LineState s = gb::LineState::I;
    for (gb::LineState t : {gb::LineState::I, gb::LineState::S, gb::LineState::E, gb::LineState::O,
                            gb::LineState::M, gb::LineState::Sc, gb::LineState::Sm})
      if (gb::name(t) == state) s = t;
    seen += state;
    const gb::ui::Rgb c = gb::ui::state_colour(s);
    long match = 0, all = 0;
    for (auto y = static_cast<unsigned>(y0); y < static_cast<unsigned>(y1) && y < image.getSize().y; ++y)
      for (auto x = static_cast<unsigned>(x0); x < static_cast<unsigned>(x1) && x < image.getSize().x; ++x) {
        ++all;
        if (near(image.getPixel(x, y), c)) ++match;
      }
    if (all == 0 || match * 10 < all * 5) {
      ++bad;
      std::fprintf(stderr, "ui_png_probe: cell %.0f,%.0f-%.0f,%.0f should be %s: %ld of %ld pixels are\n", x0, y0,
                   x1, y1, state, match, all);
    }
  }
  std::fclose(in);
  std::printf("%s: %ld state cells, %ld not in their colour (need at least %ld cells)\n", png, cells, bad, min);
  bool all_shown = true;
  for (char want : must_show) {
    if (seen.find(want) != std::string::npos) continue;
    std::fprintf(stderr, "ui_png_probe: no cell in state %c\n", want);
    all_shown = false;
  }
  return bad == 0 && cells >= min && all_shown ? 0 : 1;
}

// --spots: around every element the map says was spotlit (x0 y0 x1 y1, after a "scale S" line), the outline
// runs in the spotlight's colour at ui/panels/spotlight_marks.h's margin: most pixels of the four edges just
// outside the element are that cyan (a corner or a crossing outline may cover a few). At least `min` elements.
int check_spots(const char* png, const char* map, long min) {
  sf::Image image;
  std::FILE* in = nullptr;
  if (!open_both(png, map, image, in)) return 1;
  float scale = 1.0f;
  char target[128] = {};
  if (std::fscanf(in, "scale %f\nspotlight %127[^\n]", &scale, target) != 2) {
    std::fprintf(stderr, "ui_png_probe: %s does not start with its scale and spotlight\n", map);
    std::fclose(in);
    return 1;
  }
  // A checkpoint with a spotlight must have it drawn somewhere on screen.
  if (std::string(target) != "none") min = std::max(min, 1L);
  const float m = gb::ui::kSpotOutlineMargin * scale;
  const auto w = static_cast<long>(image.getSize().x), h = static_cast<long>(image.getSize().y);
  long spots = 0, bad = 0;
  float x0, y0, x1, y1;
  while (std::fscanf(in, "%f %f %f %f", &x0, &y0, &x1, &y1) == 4) {
    ++spots;
    long match = 0, all = 0;
    auto probe = [&](float fx, float fy) {
      const auto x = static_cast<long>(fx), y = static_cast<long>(fy);
      if (x < 0 || y < 0 || x >= w || y >= h) return;
      ++all;
      if (near(image.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y)), gb::ui::kSpotlight)) ++match;
    };
    for (float x = x0; x < x1; x += 1.0f) {
      probe(x, y0 - m);
      probe(x, y1 + m - 1.0f);
    }
    for (float y = y0; y < y1; y += 1.0f) {
      probe(x0 - m, y);
      probe(x1 + m - 1.0f, y);
    }
    if (all == 0 || match * 10 < all * 8) {
      ++bad;
      std::fprintf(stderr, "ui_png_probe: spotlight %.0f,%.0f-%.0f,%.0f: %ld of %ld outline pixels are its colour\n",
                   x0, y0, x1, y1, match, all);
    }
  }
  std::fclose(in);
  std::printf("%s: spotlight %s: %ld elements outlined, %ld without their outline (need at least %ld)\n", png, target,
              spots, bad, min);
  return bad == 0 && spots >= min ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gb;
  if (argc >= 5 && std::string(argv[2]) == "--cells")
    return check_cells(argv[1], argv[3], std::atol(argv[4]), argc > 5 ? argv[5] : "");
  if (argc >= 5 && std::string(argv[2]) == "--spots") return check_spots(argv[1], argv[3], std::atol(argv[4]));
  if (argc < 4) {
    std::fprintf(stderr, "usage: ui_png_probe FILE.png STATE MIN_PIXELS [WxH [caches]]\n");
    return 2;
  }
  const std::string state = argv[2];
  LineState s = LineState::I;
  bool found = false;
  for (LineState t :
       {LineState::I, LineState::S, LineState::E, LineState::O, LineState::M, LineState::Sc, LineState::Sm})
    if (name(t) == state) {
      s = t;
      found = true;
    }
  if (!found) {
    std::fprintf(stderr, "ui_png_probe: unknown state '%s'\n", state.c_str());
    return 2;
  }
  sf::Image image;
  if (!image.loadFromFile(argv[1])) {
    std::fprintf(stderr, "ui_png_probe: cannot read %s\n", argv[1]);
    return 1;
  }
  const sf::Vector2u size = image.getSize();
  if (argc > 4) {
    const std::string want = argv[4];
    const std::string have = std::to_string(size.x) + "x" + std::to_string(size.y);
    if (want != have) {
      std::fprintf(stderr, "ui_png_probe: %s is %s, expected %s\n", argv[1], have.c_str(), want.c_str());
      return 1;
    }
  }
  unsigned x0 = 0, y0 = 0, x1 = size.x, y1 = size.y;
  if (argc > 5 && std::string(argv[5]) == "caches") {
    const ui::Rect r = ui::compute_layout(static_cast<float>(size.x), static_cast<float>(size.y), 1.0f,
                                          static_cast<int>(ui::DemoModel::kSets))
                           .caches;
    x0 = static_cast<unsigned>(r.x);
    y0 = static_cast<unsigned>(r.y);
    x1 = static_cast<unsigned>(r.x + r.w);
    y1 = static_cast<unsigned>(r.y + r.h);
  } else if (argc > 5 && std::string(argv[5]) == "studio-cores") {
    // Below the menu bar: one frame height at scale 1 (the 17 px font plus the theme's 2 x 4 px padding).
    constexpr float kMenuHeight = 25.0f;
    const ui::Rect r = ui::compute_studio_layout(static_cast<float>(size.x), static_cast<float>(size.y), 1.0f,
                                                 ui::PanelVisibility{}, kMenuHeight)
                           .cores;
    x0 = static_cast<unsigned>(r.x);
    y0 = static_cast<unsigned>(r.y);
    x1 = static_cast<unsigned>(r.x + r.w);
    y1 = static_cast<unsigned>(r.y + r.h);
  }
  const ui::Rgb c = ui::state_colour(s);
  constexpr int kTolerance = 6;  // the renderer's colour path may round a channel
  long count = 0;
  for (unsigned y = y0; y < y1; ++y)
    for (unsigned x = x0; x < x1; ++x) {
      const sf::Color p = image.getPixel(x, y);
      if (std::abs(p.r - c.r) <= kTolerance && std::abs(p.g - c.g) <= kTolerance &&
          std::abs(p.b - c.b) <= kTolerance)
        ++count;
    }
  const long min = std::atol(argv[3]);
  std::printf("%s: %ld pixels in %s's colour in [%u,%u)x[%u,%u) (need %ld)\n", argv[1], count, state.c_str(),
              x0, x1, y0, y1, min);
  return count >= min ? 0 : 1;
}
