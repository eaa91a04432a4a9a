// The keyboard shortcuts (app/shortcuts.h): the key table, key presses read through ImGui's io
// (ImGui 1.86 keeps GLFW key codes in io.KeysDown), and the commands run on the real labs: play,
// step and reset move a lab's Timeline; a lab with no animation says so.
#include <gtest/gtest.h>
#include <imgui.h>

#include <GLFW/glfw3.h>

#include <vector>

#include "app/app.h"
#include "app/labs/elbows/elbow_lab_panel.h"
#include "app/labs/optimizer/optimizer_lab_panel.h"
#include "app/labs/stochastic/stochastic_lab_panel.h"
#include "app/shortcuts.h"
#include "tests/app/headless_imgui.h"

namespace gradlab {
namespace {

KeyEvents keys(std::vector<int> pressed, bool ctrl = false, bool shift = false) {
  KeyEvents k;
  k.pressed = std::move(pressed);
  k.ctrl = ctrl;
  k.shift = shift;
  return k;
}

std::vector<Command> commands(const KeyEvents& k, int lab_count = 6) {
  std::vector<Command> out;
  for (const ShortcutPress& p : shortcutsPressed(k, lab_count)) out.push_back(p.command);
  return out;
}

using C = std::vector<Command>;

TEST(Shortcuts, KeysMapToTheirCommands) {
  EXPECT_EQ(commands(keys({GLFW_KEY_SPACE})), C{Command::PlayPause});
  EXPECT_EQ(commands(keys({GLFW_KEY_RIGHT})), C{Command::Step});
  EXPECT_EQ(commands(keys({GLFW_KEY_R})), C{Command::Reset});
  EXPECT_EQ(commands(keys({GLFW_KEY_Z}, true)), C{Command::Undo});
  EXPECT_EQ(commands(keys({GLFW_KEY_Z}, true, true)), C{Command::Redo});
  EXPECT_EQ(commands(keys({GLFW_KEY_Y}, true)), C{Command::Redo});
  EXPECT_EQ(commands(keys({GLFW_KEY_F1})), C{Command::Help});
  EXPECT_EQ(commands(keys({GLFW_KEY_Q}, true)), C{Command::Quit});
  KeyEvents question;
  question.shift = true;
  question.pressed = {GLFW_KEY_SLASH};
  question.typed = {'?'};
  EXPECT_EQ(commands(question), C{Command::Help});
  // Letters without Ctrl, or with it, mean nothing else.
  EXPECT_EQ(commands(keys({GLFW_KEY_Z})), C{});
  EXPECT_EQ(commands(keys({GLFW_KEY_Q})), C{});
  EXPECT_EQ(commands(keys({GLFW_KEY_R}, true)), C{});
  EXPECT_EQ(commands(keys({GLFW_KEY_SPACE}, true)), C{});
}

TEST(Shortcuts, DigitsSwitchLabWithOrWithoutCtrl) {
  for (bool ctrl : {false, true}) {
    const std::vector<ShortcutPress> p = shortcutsPressed(keys({GLFW_KEY_3}, ctrl), 6);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].command, Command::SwitchLab);
    EXPECT_EQ(p[0].lab, 2);
  }
  EXPECT_EQ(shortcutsPressed(keys({GLFW_KEY_KP_6}), 6).at(0).lab, 5);
  EXPECT_TRUE(shortcutsPressed(keys({GLFW_KEY_7}), 6).empty()) << "there is no seventh lab";
}

TEST(Shortcuts, NothingWhileATextFieldHasTheKeyboard) {
  KeyEvents k = keys({GLFW_KEY_SPACE, GLFW_KEY_R, GLFW_KEY_1, GLFW_KEY_F1});
  k.typed = {'?', 'r'};
  k.text_input = true;
  EXPECT_TRUE(shortcutsPressed(k, 6).empty());
  KeyEvents undo = keys({GLFW_KEY_Z}, true);
  undo.text_input = true;  // Ctrl+Z in a text field is the field's own
  EXPECT_TRUE(shortcutsPressed(undo, 6).empty());
}

TEST(Shortcuts, HelpListsEveryShortcut) {
  std::string all;
  for (const ShortcutHelp& line : shortcutHelp()) all += std::string(line.keys) + "\n";
  for (const char* k : {"Space", "Right arrow", "R", "1 .. 6", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y",
                        "Ctrl+O", "Ctrl+S", "Ctrl+E", "F1", "?", "Ctrl+Q"})
    EXPECT_NE(all.find(k), std::string::npos) << k;
}

// Key presses as the GLFW backend reports them: a key down for one frame is one press, and
// Right repeats while held (Space does not).
TEST(Shortcuts, ReadThroughImGuiIo) {
  ImGuiContext* imgui = test::CreateHeadlessImGui(ImVec2(400, 300));
  ImGuiIO& io = ImGui::GetIO();
  const auto frame = [&](std::vector<int> down, float dt = 1.0f / 60) {
    for (bool& k : io.KeysDown) k = false;
    for (int key : down) io.KeysDown[key] = true;
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL];
    io.DeltaTime = dt;
    ImGui::NewFrame();
    std::vector<Command> out = commands(readKeyEvents(io));
    ImGui::Render();
    return out;
  };
  EXPECT_EQ(frame({}), C{});
  EXPECT_EQ(frame({GLFW_KEY_SPACE}), C{Command::PlayPause});
  EXPECT_EQ(frame({GLFW_KEY_SPACE}), C{}) << "held: no second press";
  EXPECT_EQ(frame({}), C{});
  EXPECT_EQ(frame({GLFW_KEY_LEFT_CONTROL}), C{});
  EXPECT_EQ(frame({GLFW_KEY_LEFT_CONTROL, GLFW_KEY_Z}), C{Command::Undo});
  EXPECT_EQ(frame({}), C{});
  EXPECT_EQ(frame({GLFW_KEY_RIGHT}), C{Command::Step});
  int repeats = 0;
  for (int i = 0; i < 60; ++i) repeats += int(frame({GLFW_KEY_RIGHT}).size());  // held 1 s
  EXPECT_GT(repeats, 5) << "holding Right keeps stepping";
  frame({});
  io.AddInputCharacter('?');
  EXPECT_EQ(frame({GLFW_KEY_SLASH, GLFW_KEY_LEFT_SHIFT}), C{Command::Help});
  ImGui::DestroyContext(imgui);
}

// The commands on the real labs: Space, Right and R drive the lab's Timeline.
TEST(Shortcuts, PlayStepResetDriveTheOptimizerTimeline) {
  App app;
  initApp(app);
  app.lab = findLab("optimizer");
  const Timeline& t = static_cast<OptimizerLabPanel&>(currentLab(app)).state().timeline;
  ASSERT_GT(t.last, 3);
  EXPECT_FALSE(t.animated) << "the default shows every iterate";
  runCommand(app, {Command::Step});
  EXPECT_TRUE(t.animated);
  EXPECT_EQ(t.position, 1);
  runCommand(app, {Command::Step});
  EXPECT_EQ(t.position, 2);
  runCommand(app, {Command::PlayPause});
  EXPECT_TRUE(t.playing);
  EXPECT_EQ(t.position, 2) << "play continues from the shown iterate";
  runCommand(app, {Command::PlayPause});
  EXPECT_FALSE(t.playing);
  runCommand(app, {Command::Reset});
  EXPECT_EQ(t.position, 0);
  EXPECT_FALSE(t.playing);
  EXPECT_TRUE(app.command_message.empty());
}

TEST(Shortcuts, ElbowStepTrainsOneStepAndResetGoesBackToTheUntrainedNetwork) {
  App app;
  initApp(app);
  app.lab = findLab("elbows");
  const ElbowLab& lab = static_cast<ElbowLabPanel&>(currentLab(app)).state();
  const long trained_before = lab.steps_trained;
  runCommand(app, {Command::Step});
  runCommand(app, {Command::Step});
  runCommand(app, {Command::Step});
  EXPECT_EQ(lab.timeline.position, 3);
  EXPECT_EQ(lab.steps_trained - trained_before, 3) << "trained in the same call, not next frame";
  runCommand(app, {Command::Reset});
  EXPECT_EQ(lab.timeline.position, 0);
  EXPECT_FALSE(lab.timeline.playing);
}

TEST(Shortcuts, StochasticPlaysFromTheStart) {
  App app;
  initApp(app);
  app.lab = findLab("stochastic");
  const Timeline& t = static_cast<StochasticLabPanel&>(currentLab(app)).state().timeline;
  runCommand(app, {Command::PlayPause});
  EXPECT_TRUE(t.playing);
  EXPECT_EQ(t.position, 0);
}

TEST(Shortcuts, LabsWithoutAnimationSaySo) {
  for (const char* name : {"activations", "networks", "backprop"}) {
    App app;
    initApp(app);
    app.lab = findLab(name);
    for (Command c : {Command::PlayPause, Command::Step, Command::Reset}) {
      app.command_message.clear();
      runCommand(app, {c});
      EXPECT_EQ(app.command_message, "this lab has no animation") << name;
      EXPECT_EQ(app.command_message_lab, app.lab);
    }
  }
}

TEST(Shortcuts, LabSwitchHelpAndQuit) {
  App app;
  initApp(app);
  runCommand(app, {Command::SwitchLab, 4});
  EXPECT_EQ(app.lab, 4);
  EXPECT_TRUE(app.select_lab_tab);
  runCommand(app, {Command::Help});
  EXPECT_TRUE(app.show_help);
  runCommand(app, {Command::Help});
  EXPECT_FALSE(app.show_help);
  runCommand(app, {Command::Quit});
  EXPECT_TRUE(app.quit_requested);
}

// The app turns ImGui's keyboard navigation off (Space and the arrows are shortcuts); Tab must
// still move from one text field to the next, as ImGui 1.86 does without the navigation flag.
TEST(Shortcuts, TabMovesBetweenFieldsWithoutKeyboardNavigation) {
  ImGuiContext* imgui = test::CreateHeadlessImGui(ImVec2(400, 300));
  ImGuiIO& io = ImGui::GetIO();
  ASSERT_FALSE(io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard);
  io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
  double a = 1, b = 2;
  bool second_active = false;
  const auto frame = [&](ImVec2 mouse, bool down, bool tab) {
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    io.KeysDown[GLFW_KEY_TAB] = tab;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::InputDouble("a", &a);
    ImGui::InputDouble("b", &b);
    second_active = ImGui::IsItemActive();
    ImGui::End();
    ImGui::Render();
  };
  const ImVec2 first_field(40, 18);  // inside "a", the first row
  frame(first_field, false, false);
  frame(first_field, true, false);  // click into "a"
  frame(first_field, false, false);
  EXPECT_TRUE(io.WantTextInput);
  EXPECT_FALSE(second_active);
  frame(first_field, false, true);  // Tab
  frame(first_field, false, false);
  EXPECT_TRUE(second_active);
  ImGui::DestroyContext(imgui);
}

}  // namespace
}  // namespace gradlab
