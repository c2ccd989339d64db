// Our SFML -> Dear ImGui platform bridge (ImGui-SFML is not packaged): input events in, OpenGL2 draw data
// out.
#pragma once

#include <array>
#include <deque>
#include <string>

#include <imgui.h>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>

namespace gb::ui {

// What the bridge remembers between events. ImGui 1.86 has no input queue: it samples io.MouseDown and
// io.KeysDown once a frame, so a press and release between two frames would never be seen. A mouse press is
// latched until the next frame; key and text events wait in `keys` and each frame takes what it can take
// without losing or reordering one (see begin_frame).
struct InputState {
  std::array<bool, 5> held{};
  std::array<bool, 5> pressed{};
  std::deque<sf::Event> keys;  // KeyPressed, KeyReleased and TextEntered not yet given to ImGui, oldest first
};

// The pure part, testable without a window or a GL context (only an ImGui context).
namespace bridge {
// Fills io.KeyMap with the sf::Keyboard codes the bridge writes into io.KeysDown.
void set_key_map(ImGuiIO& io);
// ImGui's mouse button index (0 left, 1 right, 2 middle, 3-4 extra) or -1.
int mouse_button_index(sf::Mouse::Button b);
// Applies one SFML event to ImGui's input; returns false for events that carry no input (resize, close).
bool apply_event(InputState& state, ImGuiIO& io, const sf::Event& e);
// Once a frame, before ImGui::NewFrame: display size, time step, the latched mouse buttons, and the queued
// key and text events this frame can take: each key changes (goes down or up) at most once a frame, so every
// press is seen by ImGui::IsKeyPressed exactly once however short it was; at most one key press a frame, so
// keys act in the order they were pressed; and no text after an editing key (Backspace, Enter, arrows, a Ctrl
// chord) in the same frame, because ImGui's text fields insert a frame's characters before they apply its
// keys. The rest waits for the next frame.
void begin_frame(InputState& state, ImGuiIO& io, float width, float height, float dt);
// Gives ImGui the queued key and text events one frame can take (begin_frame calls it).
void take_key_events(InputState& state, ImGuiIO& io);
}  // namespace bridge

// The whole bridge for one window: owns the ImGui context's platform side and the OpenGL2 renderer.
class ImGuiBridge {
 public:
  ImGuiBridge() = default;
  ImGuiBridge(const ImGuiBridge&) = delete;
  ImGuiBridge& operator=(const ImGuiBridge&) = delete;
  ~ImGuiBridge() { shutdown(); }

  // Creates the ImGui context and the renderer; the window's GL context must be current.
  bool init(sf::RenderWindow& window);
  void shutdown();
  void process_event(const sf::Event& e);
  void new_frame(sf::RenderWindow& window, float dt);
  // Key or text events wait for a later frame (the app keeps drawing frames until none do).
  bool input_pending() const { return !state_.keys.empty(); }
  // Ends the ImGui frame and draws it into the window's current framebuffer (the caller clears and displays).
  void render();
  // After changing io.Fonts: rebuilds the font texture on the GPU.
  void reload_fonts();

 private:
  static const char* get_clipboard(void* user);
  static void set_clipboard(void* user, const char* text);

  InputState state_;
  std::string clipboard_;
  bool ready_ = false;
};

}  // namespace gb::ui
