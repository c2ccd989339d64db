// File > Open: a modal dialog listing directories and Go files; its state is the request to open it, the
// directory it shows (kept between openings), the file name field and the last pick's error.
#pragma once

#include <optional>
#include <string>

#include "../file_browser.h"
#include "../studio_model.h"

namespace gb::ui {

struct OpenDialogState {
  bool requested = false;              // File > Open, Ctrl+O: the dialog opens on the next frame
  std::optional<FileBrowser> browser;  // the directory listed
  std::string name;                    // the file name field
  std::string error;                   // why the last pick could not be opened
};

// Draws the dialog while it is open. A pick that cannot be read says why and keeps the running program; true
// when a file was read and given to the model (one that does not compile shows its errors over the old run).
bool draw_open_dialog(StudioModel& model, OpenDialogState& s);

}  // namespace gb::ui
