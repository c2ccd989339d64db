// The studio's frame: shortcuts (as listed in kStudioKeysHelp) and the panels at their layout positions.
#include "studio_frame.h"

#include <algorithm>

#include <SFML/Window/Keyboard.hpp>

namespace gb::ui {

namespace {

// The bridge writes SFML key codes into io.KeysDown, so letters are looked up by their sf::Keyboard code.
bool pressed(sf::Keyboard::Key k) {
  return ImGui::IsKeyPressed(static_cast<int>(k));
}

void handle_keys(StudioModel& model, StudioUiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || !model.loaded()) return;
  auto step = [&](StepKind k) {
    ui.step_kind = k;
    model.step(k);
  };
  // Shift with a step key steps back by that kind; Left steps back by the last kind used.
  auto back = [&](StepKind k) {
    ui.step_kind = k;
    model.step_back(k);
  };
  const struct {
    sf::Keyboard::Key key;
    StepKind kind;
  } keys[] = {{sf::Keyboard::I, StepKind::Instruction},
              {sf::Keyboard::S, StepKind::Statement},
              {sf::Keyboard::B, StepKind::BusTransaction},
              {sf::Keyboard::E, StepKind::SchedulerEvent}};
  for (const auto& k : keys) {
    if (!pressed(k.key)) continue;
    if (io.KeyShift) back(k.kind);
    else step(k.kind);
  }
  if (pressed(sf::Keyboard::Right)) model.step(ui.step_kind);
  if (pressed(sf::Keyboard::Left) || pressed(sf::Keyboard::BackSpace)) model.step_back(ui.step_kind);
  if (pressed(sf::Keyboard::C) || pressed(sf::Keyboard::F5)) model.run_to_breakpoint();
  if (ImGui::IsKeyPressed(static_cast<int>(sf::Keyboard::Space), false) || pressed(sf::Keyboard::P))
    model.set_playing(!model.playing());
  if (pressed(sf::Keyboard::R)) model.restart();
  if (pressed(sf::Keyboard::Up)) model.set_speed(std::min(100000.0, model.speed() * 2.0));
  if (pressed(sf::Keyboard::Down)) model.set_speed(std::max(1.0, model.speed() / 2.0));
}

}  // namespace

void draw_studio(StudioModel& model, StudioUiState& ui, float width, float height) {
  handle_keys(model, ui);
  const StudioLayout l = compute_studio_layout(width, height, ui.common->scale);
  draw_studio_controls_panel(model, ui, l.controls);
  draw_source_panel(model, ui, l.source);
  draw_scheduler_panel(model, ui, l.scheduler);
  draw_cores_panel(model, ui, l.cores);
  draw_output_panel(model, ui, l.output);
  draw_sync_panel(model, ui, l.sync);
  draw_studio_event_log_panel(model, ui, l.events);
}

}  // namespace gb::ui
