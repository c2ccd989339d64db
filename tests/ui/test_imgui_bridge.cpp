// The SFML -> ImGui bridge's pure part: SFML events in, ImGuiIO state out (needs an ImGui context, no
// window).
#include <cfloat>
#include <string>

#include <catch2/catch.hpp>

#include "ui/imgui_bridge.h"

using namespace gb::ui;

namespace {

struct Context {
  Context() {
    ImGui::CreateContext();
    bridge::set_key_map(ImGui::GetIO());
  }
  ~Context() { ImGui::DestroyContext(); }
  ImGuiIO& io() { return ImGui::GetIO(); }
  // What a frame starts with: the queued key events it can take.
  void frame() { bridge::begin_frame(state, io(), 800, 600, 0.016f); }
  InputState state;
};

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

}  // namespace

TEST_CASE("bridge: keys land in KeysDown at the index KeyMap names") {
  Context c;
  CHECK(c.io().KeyMap[ImGuiKey_RightArrow] == sf::Keyboard::Right);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::Right, true));
  c.frame();
  CHECK(c.io().KeysDown[c.io().KeyMap[ImGuiKey_RightArrow]]);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::Right, false));
  c.frame();
  CHECK_FALSE(c.io().KeysDown[c.io().KeyMap[ImGuiKey_RightArrow]]);
  // An unknown key (-1) is ignored rather than written out of bounds.
  CHECK(bridge::apply_event(c.state, c.io(), key(sf::Keyboard::Unknown, true)));
}

TEST_CASE("bridge: modifiers follow the keys held") {
  Context c;
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::LControl, true));
  c.frame();
  CHECK(c.io().KeyCtrl);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::RShift, true));
  c.frame();
  CHECK(c.io().KeyShift);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::LControl, false));
  c.frame();
  CHECK_FALSE(c.io().KeyCtrl);
  CHECK(c.io().KeyShift);
}

TEST_CASE("bridge: a click shorter than a frame is still seen for one frame") {
  Context c;
  bridge::apply_event(c.state, c.io(), button(sf::Mouse::Left, true, 10, 20));
  bridge::apply_event(c.state, c.io(), button(sf::Mouse::Left, false, 10, 20));
  CHECK(c.io().MousePos.x == 10);
  CHECK(c.io().MousePos.y == 20);
  bridge::begin_frame(c.state, c.io(), 800, 600, 0.016f);
  CHECK(c.io().MouseDown[0]);
  bridge::begin_frame(c.state, c.io(), 800, 600, 0.016f);
  CHECK_FALSE(c.io().MouseDown[0]);
}

TEST_CASE("bridge: a held button stays down, right and middle map to 1 and 2") {
  Context c;
  CHECK(bridge::mouse_button_index(sf::Mouse::Right) == 1);
  CHECK(bridge::mouse_button_index(sf::Mouse::Middle) == 2);
  bridge::apply_event(c.state, c.io(), button(sf::Mouse::Right, true, 0, 0));
  bridge::begin_frame(c.state, c.io(), 800, 600, 0.016f);
  bridge::begin_frame(c.state, c.io(), 800, 600, 0.016f);
  CHECK(c.io().MouseDown[1]);
}

TEST_CASE("bridge: mouse motion, leaving and the wheel") {
  Context c;
  sf::Event move;
  move.type = sf::Event::MouseMoved;
  move.mouseMove = {33, 44};
  bridge::apply_event(c.state, c.io(), move);
  CHECK(c.io().MousePos.x == 33);
  CHECK(c.io().MousePos.y == 44);
  sf::Event wheel;
  wheel.type = sf::Event::MouseWheelScrolled;
  wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, -1.5f, 0, 0};
  bridge::apply_event(c.state, c.io(), wheel);
  CHECK(c.io().MouseWheel == -1.5f);
  wheel.mouseWheelScroll.wheel = sf::Mouse::HorizontalWheel;
  bridge::apply_event(c.state, c.io(), wheel);
  CHECK(c.io().MouseWheelH == -1.5f);
  sf::Event left;
  left.type = sf::Event::MouseLeft;
  bridge::apply_event(c.state, c.io(), left);
  CHECK(c.io().MousePos.x == -FLT_MAX);
}

TEST_CASE("bridge: printable text is queued, control characters are not") {
  Context c;
  bridge::apply_event(c.state, c.io(), text('a'));
  bridge::apply_event(c.state, c.io(), text(0x4E2D));  // 中
  bridge::apply_event(c.state, c.io(), text('\b'));
  bridge::apply_event(c.state, c.io(), text(0x7f));
  c.frame();
  REQUIRE(c.io().InputQueueCharacters.Size == 2);
  CHECK(c.io().InputQueueCharacters[0] == 'a');
  CHECK(c.io().InputQueueCharacters[1] == 0x4E2D);
}

TEST_CASE("bridge: losing focus releases every key and button") {
  Context c;
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::LAlt, true));
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::A, true));
  bridge::apply_event(c.state, c.io(), button(sf::Mouse::Left, true, 1, 1));
  sf::Event lost;
  lost.type = sf::Event::LostFocus;
  bridge::apply_event(c.state, c.io(), lost);
  CHECK_FALSE(c.io().KeysDown[sf::Keyboard::A]);
  CHECK_FALSE(c.io().KeyAlt);
  bridge::begin_frame(c.state, c.io(), 800, 600, 0.016f);
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
  CHECK_FALSE(bridge::apply_event(c.state, c.io(), resized));
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
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  c.io().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  for (int i = 0; i < 10; ++i) {
    bridge::apply_event(c.state, c.io(), key(sf::Keyboard::S, true));
    bridge::apply_event(c.state, c.io(), key(sf::Keyboard::S, false));
  }
  CHECK(frames_pressed(c, sf::Keyboard::S) == 10);
  CHECK_FALSE(c.io().KeysDown[sf::Keyboard::S]);
  // A quick second tap as SFML delivers it on X11 (the release between the two presses is taken for
  // auto-repeat and dropped): press, press, release is still two presses.
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::BackSpace, true));
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::BackSpace, true));
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::BackSpace, false));
  CHECK(frames_pressed(c, sf::Keyboard::BackSpace) == 2);
  CHECK_FALSE(c.io().KeysDown[sf::Keyboard::BackSpace]);
}

TEST_CASE("bridge: text and editing keys reach a text field in the order they were typed") {
  Context c;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  c.io().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  char buf[64] = "";
  auto frame = [&] {
    c.frame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::Begin("w");
    if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("##t", buf, sizeof buf);
    ImGui::End();
    ImGui::EndFrame();
  };
  frame();
  frame();
  // "ab", Backspace, "c", Left, "d": all inside one frame, as a quick typist's keys arrive.
  auto type = [&](sf::Keyboard::Key k, sf::Uint32 ch) {
    bridge::apply_event(c.state, c.io(), key(k, true));
    if (ch != 0) bridge::apply_event(c.state, c.io(), text(ch));
    bridge::apply_event(c.state, c.io(), key(k, false));
  };
  type(sf::Keyboard::A, 'a');
  type(sf::Keyboard::B, 'b');
  type(sf::Keyboard::BackSpace, 0);
  type(sf::Keyboard::C, 'c');
  type(sf::Keyboard::Left, 0);
  type(sf::Keyboard::D, 'd');
  for (int f = 0; f < 40; ++f) frame();
  CHECK(std::string(buf) == "adc");
  // "ef", then Backspace twice and Left twice as X11 and SFML deliver quick repeats (no release between).
  type(sf::Keyboard::E, 'e');
  type(sf::Keyboard::F, 'f');
  for (const sf::Keyboard::Key k : {sf::Keyboard::BackSpace, sf::Keyboard::Left}) {
    bridge::apply_event(c.state, c.io(), key(k, true));
    bridge::apply_event(c.state, c.io(), key(k, true));
    bridge::apply_event(c.state, c.io(), key(k, false));
  }
  type(sf::Keyboard::X, 'x');
  for (int f = 0; f < 40; ++f) frame();
  CHECK(std::string(buf) == "xadc");
  // Ctrl+A selects all: typing then replaces the whole text.
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::LControl, true));
  type(sf::Keyboard::A, 0);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::LControl, false));
  type(sf::Keyboard::X, 'x');
  for (int f = 0; f < 40; ++f) frame();
  CHECK(std::string(buf) == "x");
}

TEST_CASE("bridge: Enter in a multi-line field starts a new line, between quickly typed text") {
  Context c;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  c.io().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  char buf[64] = "";
  auto frame = [&] {
    c.frame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::Begin("w");
    if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##t", buf, sizeof buf, ImVec2(200, 100));
    ImGui::End();
    ImGui::EndFrame();
  };
  frame();
  frame();
  auto type = [&](sf::Keyboard::Key k, sf::Uint32 ch) {
    bridge::apply_event(c.state, c.io(), key(k, true));
    if (ch != 0) bridge::apply_event(c.state, c.io(), text(ch));
    bridge::apply_event(c.state, c.io(), key(k, false));
  };
  type(sf::Keyboard::A, 'a');
  type(sf::Keyboard::Enter, '\r');
  type(sf::Keyboard::B, 'b');
  type(sf::Keyboard::Enter, '\r');
  type(sf::Keyboard::BackSpace, '\b');
  type(sf::Keyboard::C, 'c');
  for (int f = 0; f < 40; ++f) frame();
  CHECK(std::string(buf) == "a\nbc");
}
