// The SFML -> ImGui bridge's pure part: SFML events in, ImGuiIO state out (needs an ImGui context, no
// window).
#include <cfloat>

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
  CHECK(c.io().KeysDown[c.io().KeyMap[ImGuiKey_RightArrow]]);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::Right, false));
  CHECK_FALSE(c.io().KeysDown[c.io().KeyMap[ImGuiKey_RightArrow]]);
  // An unknown key (-1) is ignored rather than written out of bounds.
  CHECK(bridge::apply_event(c.state, c.io(), key(sf::Keyboard::Unknown, true)));
}

TEST_CASE("bridge: modifiers follow the keys held") {
  Context c;
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::LControl, true));
  CHECK(c.io().KeyCtrl);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::RShift, true));
  CHECK(c.io().KeyShift);
  bridge::apply_event(c.state, c.io(), key(sf::Keyboard::LControl, false));
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
