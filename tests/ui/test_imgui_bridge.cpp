// The SFML -> ImGui bridge's pure part: SFML events in, ImGuiIO state out (needs an ImGui context, no
// window).
#include <cfloat>
#include <string>

#include <catch2/catch.hpp>

#include "ui/imgui_bridge.h"

using namespace gb::ui;

namespace {

sf::Event key(sf::Keyboard::Key code, bool down) {
  sf::Event e;
  e.type = down ? sf::Event::KeyPressed : sf::Event::KeyReleased;
  e.key = {code, false, false, false, false};
  return e;
}

sf::Event button(sf::Mouse::Button b, bool down, int x, int y) {
  sf::Event e;
  e.type = down ? sf::Event::MouseButtonPressed : sf::Event::MouseButtonReleased;
  e.mouseButton = {b, x, y};
  return e;
}

sf::Event text(sf::Uint32 c) {
  sf::Event e;
  e.type = sf::Event::TextEntered;
  e.text.unicode = c;
  return e;
}

struct Context {
  Context() {
    ImGui::CreateContext();
    bridge::set_key_map(ImGui::GetIO());
  }
  ~Context() { ImGui::DestroyContext(); }
  ImGuiIO& io() { return ImGui::GetIO(); }
  // What a frame starts with: the queued key events it can take.
  void frame() { bridge::begin_frame(state, io(), 800, 600, 0.016f); }
  // An SFML event given to the bridge; false when the bridge did not take it.
  bool send(const sf::Event& e) { return bridge::apply_event(state, io(), e); }
  void press(sf::Keyboard::Key k) { send(key(k, true)); }
  void release(sf::Keyboard::Key k) { send(key(k, false)); }
  // A keystroke as SFML delivers it: pressed, the character it types (0: none), released.
  void tap(sf::Keyboard::Key k, sf::Uint32 ch = 0) {
    press(k);
    if (ch != 0) send(text(ch));
    release(k);
  }
  // The font atlas ImGui needs before its first NewFrame (built on the CPU; nothing renders it).
  void build_fonts() {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  // `n` whole ImGui frames, each drawing one text field with `field` in a window at the origin; the field
  // takes the keyboard whenever no item is active.
  template <class Field>
  void field_frames(int n, Field field) {
    for (int f = 0; f < n; ++f) {
      frame();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::Begin("w");
      if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
      field();
      ImGui::End();
      ImGui::EndFrame();
    }
  }
  InputState state;
};

}  // namespace

TEST_CASE("bridge: keys land in KeysDown at the index KeyMap names") {
  Context c;
  CHECK(c.io().KeyMap[ImGuiKey_RightArrow] == sf::Keyboard::Right);
  c.press(sf::Keyboard::Right);
  c.frame();
  CHECK(c.io().KeysDown[c.io().KeyMap[ImGuiKey_RightArrow]]);
  c.release(sf::Keyboard::Right);
  c.frame();
  CHECK_FALSE(c.io().KeysDown[c.io().KeyMap[ImGuiKey_RightArrow]]);
  // An unknown key (-1) is ignored rather than written out of bounds.
  CHECK(c.send(key(sf::Keyboard::Unknown, true)));
}

TEST_CASE("bridge: modifiers follow the keys held") {
  Context c;
  c.press(sf::Keyboard::LControl);
  c.frame();
  CHECK(c.io().KeyCtrl);
  c.press(sf::Keyboard::RShift);
  c.frame();
  CHECK(c.io().KeyShift);
  c.release(sf::Keyboard::LControl);
  c.frame();
  CHECK_FALSE(c.io().KeyCtrl);
  CHECK(c.io().KeyShift);
}

TEST_CASE("bridge: a click shorter than a frame is still seen for one frame") {
  Context c;
  c.send(button(sf::Mouse::Left, true, 10, 20));
  c.send(button(sf::Mouse::Left, false, 10, 20));
  CHECK(c.io().MousePos.x == 10);
  CHECK(c.io().MousePos.y == 20);
  c.frame();
  CHECK(c.io().MouseDown[0]);
  c.frame();
  CHECK_FALSE(c.io().MouseDown[0]);
}

TEST_CASE("bridge: a held button stays down, right and middle map to 1 and 2") {
  Context c;
  CHECK(bridge::mouse_button_index(sf::Mouse::Right) == 1);
  CHECK(bridge::mouse_button_index(sf::Mouse::Middle) == 2);
  c.send(button(sf::Mouse::Right, true, 0, 0));
  c.frame();
  c.frame();
  CHECK(c.io().MouseDown[1]);
}

TEST_CASE("bridge: mouse motion, leaving and the wheel") {
  Context c;
  sf::Event move;
  move.type = sf::Event::MouseMoved;
  move.mouseMove = {33, 44};
  c.send(move);
  CHECK(c.io().MousePos.x == 33);
  CHECK(c.io().MousePos.y == 44);
  sf::Event wheel;
  wheel.type = sf::Event::MouseWheelScrolled;
  wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, -1.5f, 0, 0};
  c.send(wheel);
  CHECK(c.io().MouseWheel == -1.5f);
  wheel.mouseWheelScroll.wheel = sf::Mouse::HorizontalWheel;
  c.send(wheel);
  CHECK(c.io().MouseWheelH == -1.5f);
  sf::Event left;
  left.type = sf::Event::MouseLeft;
  c.send(left);
  CHECK(c.io().MousePos.x == -FLT_MAX);
}

TEST_CASE("bridge: printable text is queued, control characters are not") {
  Context c;
  c.send(text('a'));
  c.send(text(0x4E2D));  // 中
  c.send(text('\b'));
  c.send(text(0x7f));
  c.frame();
  REQUIRE(c.io().InputQueueCharacters.Size == 2);
  CHECK(c.io().InputQueueCharacters[0] == 'a');
  CHECK(c.io().InputQueueCharacters[1] == 0x4E2D);
}

TEST_CASE("bridge: losing focus releases every key and button") {
  Context c;
  c.press(sf::Keyboard::LAlt);
  c.press(sf::Keyboard::A);
  c.send(button(sf::Mouse::Left, true, 1, 1));
  sf::Event lost;
  lost.type = sf::Event::LostFocus;
  c.send(lost);
  CHECK_FALSE(c.io().KeysDown[sf::Keyboard::A]);
  CHECK_FALSE(c.io().KeyAlt);
  c.frame();
  CHECK_FALSE(c.io().MouseDown[0]);
}

TEST_CASE("bridge: the frame gets the window size and a positive time step") {
  Context c;
  bridge::begin_frame(c.state, c.io(), 1024, 768, 0.0f);
  CHECK(c.io().DisplaySize.x == 1024);
  CHECK(c.io().DisplaySize.y == 768);
  CHECK(c.io().DeltaTime > 0.0f);
  sf::Event resized;
  resized.type = sf::Event::Resized;
  CHECK_FALSE(c.send(resized));
}

namespace {

// Runs ImGui frames until the bridge has given it every queued event; counts the frames in which `k` was
// pressed (as the studio's shortcuts ask).
int frames_pressed(Context& c, sf::Keyboard::Key k) {
  int pressed = 0;
  for (int f = 0; f < 200 && (f < 2 || !c.state.keys.empty()); ++f) {
    c.frame();
    ImGui::NewFrame();
    if (ImGui::IsKeyPressed(k)) ++pressed;
    ImGui::EndFrame();
  }
  return pressed;
}

}  // namespace

TEST_CASE("bridge: ten taps within one frame are ten presses, one a frame") {
  Context c;
  c.build_fonts();
  for (int i = 0; i < 10; ++i) c.tap(sf::Keyboard::S);
  CHECK(frames_pressed(c, sf::Keyboard::S) == 10);
  CHECK_FALSE(c.io().KeysDown[sf::Keyboard::S]);
  // A quick second tap as SFML delivers it on X11 (the release between the two presses is taken for
  // auto-repeat and dropped): press, press, release is still two presses.
  c.press(sf::Keyboard::BackSpace);
  c.press(sf::Keyboard::BackSpace);
  c.release(sf::Keyboard::BackSpace);
  CHECK(frames_pressed(c, sf::Keyboard::BackSpace) == 2);
  CHECK_FALSE(c.io().KeysDown[sf::Keyboard::BackSpace]);
}

TEST_CASE("bridge: text and editing keys reach a text field in the order they were typed") {
  Context c;
  c.build_fonts();
  char buf[64] = "";
  auto field = [&] { ImGui::InputText("##t", buf, sizeof buf); };
  c.field_frames(2, field);
  // "ab", Backspace, "c", Left, "d": all inside one frame, as a quick typist's keys arrive.
  c.tap(sf::Keyboard::A, 'a');
  c.tap(sf::Keyboard::B, 'b');
  c.tap(sf::Keyboard::BackSpace);
  c.tap(sf::Keyboard::C, 'c');
  c.tap(sf::Keyboard::Left);
  c.tap(sf::Keyboard::D, 'd');
  c.field_frames(40, field);
  CHECK(std::string(buf) == "adc");
  // "ef", then Backspace twice and Left twice as X11 and SFML deliver quick repeats (no release between).
  c.tap(sf::Keyboard::E, 'e');
  c.tap(sf::Keyboard::F, 'f');
  for (const sf::Keyboard::Key k : {sf::Keyboard::BackSpace, sf::Keyboard::Left}) {
    c.press(k);
    c.press(k);
    c.release(k);
  }
  c.tap(sf::Keyboard::X, 'x');
  c.field_frames(40, field);
  CHECK(std::string(buf) == "xadc");
  // Ctrl+A selects all: typing then replaces the whole text.
  c.press(sf::Keyboard::LControl);
  c.tap(sf::Keyboard::A);
  c.release(sf::Keyboard::LControl);
  c.tap(sf::Keyboard::X, 'x');
  c.field_frames(40, field);
  CHECK(std::string(buf) == "x");
}

TEST_CASE("bridge: Enter in a multi-line field starts a new line, between quickly typed text") {
  Context c;
  c.build_fonts();
  char buf[64] = "";
  auto field = [&] { ImGui::InputTextMultiline("##t", buf, sizeof buf, ImVec2(200, 100)); };
  c.field_frames(2, field);
  c.tap(sf::Keyboard::A, 'a');
  c.tap(sf::Keyboard::Enter, '\r');
  c.tap(sf::Keyboard::B, 'b');
  c.tap(sf::Keyboard::Enter, '\r');
  c.tap(sf::Keyboard::BackSpace, '\b');
  c.tap(sf::Keyboard::C, 'c');
  c.field_frames(40, field);
  CHECK(std::string(buf) == "a\nbc");
}

TEST_CASE("bridge: a chord whose modifier is released with the key in one batch is still a chord") {
  // As xdotool's `key shift+Right` arrives: Shift down in one frame's events, then Right down and Shift up
  // together (X11 may release the modifier before the key). The frame that sees Right pressed sees Shift held.
  Context c;
  c.press(sf::Keyboard::LShift);
  c.frame();
  c.press(sf::Keyboard::Right);
  c.release(sf::Keyboard::LShift);
  c.release(sf::Keyboard::Right);
  c.frame();
  CHECK(c.io().KeysDown[sf::Keyboard::Right]);
  CHECK(c.io().KeyShift);
  c.frame();
  CHECK_FALSE(c.io().KeyShift);
  CHECK_FALSE(c.io().KeysDown[sf::Keyboard::Right]);
}
