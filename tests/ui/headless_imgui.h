// A headless ImGui context for drawing the studio's frames in tests: the font atlas is built on the CPU only,
// with no renderer and no window. Shared by the panel tests and the presentation-mode tests.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/fonts.h"
#include "ui/panels/panels.h"
#include "ui/panels/studio_panels.h"
#include "ui/studio_frame.h"
#include "ui/studio_model.h"

namespace gb::test {

struct Headless {
  ui::FontSet fonts;
  ui::UiState common;
  ui::StudioUiState ui;
  // A display of `w` x `h` pixels, fonts rasterised at `scale` (the UI scale the panels are told).
  explicit Headless(float w = 1440, float h = 900, float scale = 1.0f) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(w, h);
    io.DeltaTime = 1.0f / 60.0f;
    ui::load_fonts(fonts, scale, "");
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    common.fonts = &fonts;
    common.scale = scale;
    ui.common = &common;
  }
  ~Headless() { ImGui::DestroyContext(); }
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  // Draws `n` frames of the whole studio at the display's size; true if every frame produced draw commands.
  bool frames(ui::StudioModel& m, int n) {
    bool drew = true;
    for (int i = 0; i < n; ++i) {
      ImGui::NewFrame();
      ImGui::PushFont(fonts.ui);
      ui::draw_studio(m, ui, ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
      ImGui::PopFont();
      ImGui::Render();
      const ImDrawData* d = ImGui::GetDrawData();
      drew = drew && d != nullptr && d->Valid && d->TotalVtxCount > 0;
    }
    return drew;
  }

  // The window ImGui knows by `name` (a panel's ###id), for checking where it went.
  static const ImGuiWindow* window(const char* name) { return ImGui::FindWindowByName(name); }
};

}  // namespace gb::test
