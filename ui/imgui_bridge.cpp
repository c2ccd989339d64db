// The SFML -> ImGui bridge: keyboard, mouse, text and focus events to ImGuiIO; draw data through ImGui's
// OpenGL2 renderer (which libimgui.a contains).
#include "imgui_bridge.h"

#include <cfloat>

#include <backends/imgui_impl_opengl2.h>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/Clipboard.hpp>

namespace gb::ui {

namespace bridge {

void set_key_map(ImGuiIO& io) {
  using K = sf::Keyboard;
  io.KeyMap[ImGuiKey_Tab] = K::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = K::Left;
  io.KeyMap[ImGuiKey_RightArrow] = K::Right;
  io.KeyMap[ImGuiKey_UpArrow] = K::Up;
  io.KeyMap[ImGuiKey_DownArrow] = K::Down;
  io.KeyMap[ImGuiKey_PageUp] = K::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = K::PageDown;
  io.KeyMap[ImGuiKey_Home] = K::Home;
  io.KeyMap[ImGuiKey_End] = K::End;
  io.KeyMap[ImGuiKey_Insert] = K::Insert;
  io.KeyMap[ImGuiKey_Delete] = K::Delete;
  io.KeyMap[ImGuiKey_Backspace] = K::Backspace;
  io.KeyMap[ImGuiKey_Space] = K::Space;
  io.KeyMap[ImGuiKey_Enter] = K::Enter;
  io.KeyMap[ImGuiKey_Escape] = K::Escape;
  // SFML reports the keypad's Enter as Enter; Return keeps text fields working either way.
  io.KeyMap[ImGuiKey_KeyPadEnter] = K::Enter;
  io.KeyMap[ImGuiKey_A] = K::A;
  io.KeyMap[ImGuiKey_C] = K::C;
  io.KeyMap[ImGuiKey_V] = K::V;
  io.KeyMap[ImGuiKey_X] = K::X;
  io.KeyMap[ImGuiKey_Y] = K::Y;
  io.KeyMap[ImGuiKey_Z] = K::Z;
}

int mouse_button_index(sf::Mouse::Button b) {
  switch (b) {
    case sf::Mouse::Left:
      return 0;
    case sf::Mouse::Right:
      return 1;
    case sf::Mouse::Middle:
      return 2;
    case sf::Mouse::XButton1:
      return 3;
    case sf::Mouse::XButton2:
      return 4;
    default:
      return -1;
  }
}

namespace {

void set_key(ImGuiIO& io, sf::Keyboard::Key code, bool down) {
  if (code < 0 || static_cast<std::size_t>(code) >= IM_ARRAYSIZE(io.KeysDown)) return;
  io.KeysDown[code] = down;
  // Modifiers follow the key table rather than the event's flags: X11 reports a modifier's own press with the
  // flags as they were before it.
  using K = sf::Keyboard;
  io.KeyCtrl = io.KeysDown[K::LControl] || io.KeysDown[K::RControl];
  io.KeyShift = io.KeysDown[K::LShift] || io.KeysDown[K::RShift];
  io.KeyAlt = io.KeysDown[K::LAlt] || io.KeysDown[K::RAlt];
  io.KeySuper = io.KeysDown[K::LSystem] || io.KeysDown[K::RSystem];
}

}  // namespace

bool apply_event(InputState& state, ImGuiIO& io, const sf::Event& e) {
  switch (e.type) {
    case sf::Event::MouseMoved:
      io.MousePos = ImVec2(static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y));
      return true;
    case sf::Event::MouseLeft:
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      return true;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
      const int i = mouse_button_index(e.mouseButton.button);
      if (i < 0) return false;
      const bool down = e.type == sf::Event::MouseButtonPressed;
      io.MousePos = ImVec2(static_cast<float>(e.mouseButton.x), static_cast<float>(e.mouseButton.y));
      state.held[static_cast<std::size_t>(i)] = down;
      if (down) state.pressed[static_cast<std::size_t>(i)] = true;
      return true;
    }
    case sf::Event::MouseWheelScrolled:
      if (e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) {
        io.MouseWheel += e.mouseWheelScroll.delta;
      } else {
        io.MouseWheelH += e.mouseWheelScroll.delta;
      }
      return true;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased:
      if (e.key.code < 0 || static_cast<std::size_t>(e.key.code) >= IM_ARRAYSIZE(io.KeysDown)) return true;
      state.keys.push_back(e);
      return true;
    case sf::Event::TextEntered:
      // Control characters (Backspace, Tab, Enter, Delete) arrive as keys; only printable text is queued.
      if (e.text.unicode >= 0x20 && e.text.unicode != 0x7f) state.keys.push_back(e);
      return true;
    case sf::Event::LostFocus:
      // Keys released while another window had focus never reach us: forget everything held (and the events
      // not taken yet: the release of a key pressed before would come too late).
      state = InputState{};
      for (bool& k : io.KeysDown) k = false;
      io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
      io.AddFocusEvent(false);
      return true;
    case sf::Event::GainedFocus:
      io.AddFocusEvent(true);
      return true;
    default:
      return false;
  }
}

namespace {

bool is_modifier(sf::Keyboard::Key k) {
  using K = sf::Keyboard;
  return k == K::LControl || k == K::RControl || k == K::LShift || k == K::RShift || k == K::LAlt ||
         k == K::RAlt || k == K::LSystem || k == K::RSystem;
}

// A key a text field acts on by itself (not through the character it types): ImGui's key map less the letters
// (which act only with Ctrl) and Space (which types a character).
bool is_editing_key(const ImGuiIO& io, sf::Keyboard::Key k) {
  for (int i = 0; i < ImGuiKey_COUNT; ++i) {
    if (io.KeyMap[i] != k) continue;
    if (i == ImGuiKey_Space || (i >= ImGuiKey_A && i <= ImGuiKey_Z)) continue;
    return true;
  }
  return false;
}

}  // namespace

void take_key_events(InputState& state, ImGuiIO& io) {
  std::array<bool, IM_ARRAYSIZE(io.KeysDown)> changed{};
  bool pressed_one = false;  // a non-modifier key went down this frame
  bool editing = false;      // ... and it was an editing key or a chord
  while (!state.keys.empty()) {
    const sf::Event& e = state.keys.front();
    if (e.type == sf::Event::TextEntered) {
      if (editing) break;
      io.AddInputCharacter(e.text.unicode);
    } else {
      const sf::Keyboard::Key code = e.key.code;
      const auto i = static_cast<std::size_t>(code);
      const bool down = e.type == sf::Event::KeyPressed;
      if (changed[i]) break;
      if (down && io.KeysDown[i]) {
        // Pressed again while down: X11 sends a release and a press with the same time stamp for a quick
        // second tap, and SFML takes the pair for the key's auto-repeat and drops the release. A press is a
        // press (held keys repeat this way too): release it for this frame, press it again in the next.
        changed[i] = true;
        set_key(io, code, false);
        continue;
      }
      // A chord tapped fast (Shift+Right) may release its modifier before the key, in one batch of events: the
      // release waits for the next frame, so the frame that sees the key down sees the modifier held.
      if (!down && is_modifier(code) && pressed_one) break;
      if (down && !is_modifier(code)) {
        if (pressed_one) break;
        pressed_one = true;
        editing = is_editing_key(io, code) || io.KeyCtrl || io.KeyAlt || io.KeySuper;
      }
      changed[i] = true;
      set_key(io, code, down);
    }
    state.keys.pop_front();
  }
}

void begin_frame(InputState& state, ImGuiIO& io, float width, float height, float dt) {
  take_key_events(state, io);
  io.DisplaySize = ImVec2(width, height);
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = dt > 0.0f ? dt : 1.0f / 60.0f;  // ImGui asserts on a zero time step
  for (std::size_t i = 0; i < state.held.size(); ++i) {
    io.MouseDown[i] = state.held[i] || state.pressed[i];
    state.pressed[i] = false;
  }
}

}  // namespace bridge

bool ImGuiBridge::init(sf::RenderWindow& window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a fixed layout: every run, and every screenshot, starts the same
  io.LogFilename = nullptr;
  io.BackendPlatformName = "gopherbus_sfml";
  bridge::set_key_map(io);
  io.GetClipboardTextFn = &ImGuiBridge::get_clipboard;
  io.SetClipboardTextFn = &ImGuiBridge::set_clipboard;
  io.ClipboardUserData = this;
  if (!window.setActive(true)) return false;
  ready_ = ImGui_ImplOpenGL2_Init();
  return ready_;
}

void ImGuiBridge::shutdown() {
  if (!ready_) return;
  ImGui_ImplOpenGL2_Shutdown();
  ImGui::DestroyContext();
  ready_ = false;
}

void ImGuiBridge::process_event(const sf::Event& e) {
  bridge::apply_event(state_, ImGui::GetIO(), e);
}

void ImGuiBridge::new_frame(sf::RenderWindow& window, float dt) {
  const sf::Vector2u size = window.getSize();
  bridge::begin_frame(state_, ImGui::GetIO(), static_cast<float>(size.x), static_cast<float>(size.y), dt);
  ImGui_ImplOpenGL2_NewFrame();
  ImGui::NewFrame();
}

void ImGuiBridge::render() {
  ImGui::Render();
  ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
}

void ImGuiBridge::reload_fonts() {
  ImGui_ImplOpenGL2_DestroyFontsTexture();
  ImGui_ImplOpenGL2_CreateFontsTexture();
}

const char* ImGuiBridge::get_clipboard(void* user) {
  auto* self = static_cast<ImGuiBridge*>(user);
  const auto utf8 = sf::Clipboard::getString().toUtf8();
  self->clipboard_.assign(utf8.begin(), utf8.end());
  return self->clipboard_.c_str();
}

void ImGuiBridge::set_clipboard(void*, const char* text) {
  sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

}  // namespace gb::ui
