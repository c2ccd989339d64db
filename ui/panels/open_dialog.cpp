// File > Open: a modal dialog over the studio. Directories open with a click, a Go file with a double click
// or Open; what cannot be read is reported in the dialog and the running program stays.
#include <fmt/format.h>

#include "panel_common.h"
#include "studio_panels.h"

// After imgui.h (it needs IMGUI_API): InputText over a std::string.
#include <imgui_stdlib.h>

namespace gb::ui {

namespace {

constexpr const char* kDialog = "Open a Go program###open";

// Reads and loads `file`. A compile error still replaces nothing: the source panel shows the diagnostics
// over the old run (StudioModel::load). False (with ui.open_error) when the file cannot be read.
bool open_file(StudioModel& model, StudioUiState& ui, const std::filesystem::path& file) {
  std::string error;
  const auto text = read_program(file, error);
  if (!text) {
    ui.open_error = error;
    return false;
  }
  ui.open_error.clear();
  ui.editing = false;
  model.load(file.string(), *text);
  return true;
}

}  // namespace

void draw_open_dialog(StudioModel& model, StudioUiState& ui) {
  if (ui.open_dialog_requested) {
    ui.open_dialog_requested = false;
    if (!ui.browser) {
      // Start where the current program lives, else the working directory.
      const std::filesystem::path current(model.file());
      ui.browser.emplace(current.has_parent_path() ? current.parent_path() : std::filesystem::path());
    } else {
      ui.browser->refresh();
    }
    ui.open_error.clear();
    ImGui::OpenPopup(kDialog);
  }
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.6f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kDialog, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  FileBrowser& b = *ui.browser;
  std::string dir = b.dir().string();
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputText("##dir", &dir, ImGuiInputTextFlags_EnterReturnsTrue)) b.go_to(dir);
  bool all = b.show_all_files();
  if (ImGui::Checkbox("Show every file, not only .go", &all)) b.set_show_all_files(all);
  const float footer =
      ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  bool chosen = false;
  if (ImGui::BeginChild("##entries", ImVec2(0, -footer), true)) {
    std::string enter;
    for (const DirEntry& e : b.entries()) {
      const std::string label = e.directory ? e.name + "/" : fmt::format("{}  ({} bytes)", e.name, e.bytes);
      if (ImGui::Selectable(label.c_str(), !e.directory && e.name == ui.open_name,
                            ImGuiSelectableFlags_AllowDoubleClick)) {
        if (e.directory) {
          enter = e.name;
        } else {
          ui.open_name = e.name;
          chosen = ImGui::IsMouseDoubleClicked(0);
        }
      }
    }
    if (!enter.empty()) b.enter(enter);  // after the loop: entering replaces the list being drawn
  }
  ImGui::EndChild();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("File");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  // The file field has the keyboard when the dialog opens: typing a name goes there (not to the studio's
  // keys).
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  if (ImGui::InputText("##name", &ui.open_name, ImGuiInputTextFlags_EnterReturnsTrue)) chosen = true;
  const std::string& error = !ui.open_error.empty() ? ui.open_error : b.error();
  if (!error.empty())
    text_coloured(kViolationText, error.c_str());
  else
    ImGui::TextDisabled("a program that does not compile opens with its errors; the current run stays");
  ImGui::BeginDisabled(ui.open_name.empty());
  if (ImGui::Button("Open")) chosen = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  if (chosen && !ui.open_name.empty()) {
    // A typed absolute or relative path opens as given from the listed directory.
    const std::filesystem::path pick = b.dir() / ui.open_name;
    std::error_code ec;
    if (std::filesystem::is_directory(pick, ec)) {
      b.go_to(pick);
      ui.open_name.clear();
    } else if (open_file(model, ui, pick)) {
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

}  // namespace gb::ui
