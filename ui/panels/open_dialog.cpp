// File > Open: a modal dialog over the studio. Directories open with a click, a Go file with a double click
// or Open; what cannot be read is reported in the dialog and the running program stays.
#include "open_dialog.h"

#include <fmt/format.h>

#include "../strings.h"
#include "panel_common.h"

// After imgui.h (it needs IMGUI_API): InputText over a std::string.
#include <imgui_stdlib.h>

namespace gb::ui {

namespace {


// Reads and loads `file`. A compile error still replaces nothing: the source panel shows the diagnostics
// over the old run (StudioModel::load). False (with s.error) when the file cannot be read.
bool open_file(StudioModel& model, OpenDialogState& s, const std::filesystem::path& file) {
  std::string error;
  const auto text = read_program(file, error);
  if (!text) {
    s.error = error;
    return false;
  }
  s.error.clear();
  model.load(file.string(), *text);
  return true;
}

}  // namespace

bool draw_open_dialog(StudioModel& model, OpenDialogState& s) {
  if (s.requested) {
    s.requested = false;
    if (!s.browser) {
      // Start where the current program lives, else the working directory.
      const std::filesystem::path current(model.file());
      s.browser.emplace(current.has_parent_path() ? current.parent_path() : std::filesystem::path());
    } else {
      s.browser->refresh();
    }
    s.error.clear();
    ImGui::OpenPopup(tr(Str::TitleOpenDialog));
  }
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.6f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  // Its title ends in ###open in both languages: the popup keeps one id.
  if (!ImGui::BeginPopupModal(tr(Str::TitleOpenDialog), nullptr, ImGuiWindowFlags_NoSavedSettings)) return false;
  FileBrowser& b = *s.browser;
  std::string dir = b.dir().string();
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputText("##dir", &dir, ImGuiInputTextFlags_EnterReturnsTrue)) b.go_to(dir);
  bool all = b.show_all_files();
  if (ImGui::Checkbox(tr(Str::OpenShowAll), &all)) b.set_show_all_files(all);
  const float footer =
      ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  bool chosen = false;
  if (ImGui::BeginChild("##entries", ImVec2(0, -footer), true)) {
    std::string enter;
    for (const DirEntry& e : b.entries()) {
      const std::string label = e.directory ? e.name + "/" : trf(Str::OpenFileBytes, e.name, e.bytes);
      if (ImGui::Selectable(label.c_str(), !e.directory && e.name == s.name,
                            ImGuiSelectableFlags_AllowDoubleClick)) {
        if (e.directory) {
          enter = e.name;
        } else {
          s.name = e.name;
          chosen = ImGui::IsMouseDoubleClicked(0);
        }
      }
    }
    if (!enter.empty()) b.enter(enter);  // after the loop: entering replaces the list being drawn
  }
  ImGui::EndChild();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::OpenFileLabel));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  // The file field has the keyboard when the dialog opens: typing a name goes there (not to the studio's
  // keys).
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  if (ImGui::InputText("##name", &s.name, ImGuiInputTextFlags_EnterReturnsTrue)) chosen = true;
  const std::string& error = !s.error.empty() ? s.error : b.error();
  if (!error.empty())
    text_coloured(kViolationText, error.c_str());
  else
    ImGui::TextDisabled("%s", tr(Str::OpenHint));
  ImGui::BeginDisabled(s.name.empty());
  if (ImGui::Button(tr(Str::OpenOpen))) chosen = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::OpenCancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  bool opened = false;
  if (chosen && !s.name.empty()) {
    // A typed absolute or relative path opens as given from the listed directory.
    const std::filesystem::path pick = b.dir() / s.name;
    std::error_code ec;
    if (std::filesystem::is_directory(pick, ec)) {
      b.go_to(pick);
      s.name.clear();
    } else if (open_file(model, s, pick)) {
      opened = true;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
  return opened;
}

}  // namespace gb::ui
