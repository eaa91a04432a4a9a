// The keyboard shortcuts. See shortcuts.h.
#include "app/shortcuts.h"

#include <GLFW/glfw3.h>  // key codes only
#include <imgui.h>

#include <algorithm>

#include "app/lab_undo.h"

namespace gradlab {
namespace {

// The keys readKeyEvents watches (GLFW codes; ImGui 1.86 keeps io.KeysDown in the backend's codes).
constexpr int kWatchedKeys[] = {
    GLFW_KEY_SPACE, GLFW_KEY_RIGHT, GLFW_KEY_R,    GLFW_KEY_Z,    GLFW_KEY_Y,    GLFW_KEY_Q,  //
    GLFW_KEY_F1,    GLFW_KEY_1,     GLFW_KEY_2,    GLFW_KEY_3,    GLFW_KEY_4,    GLFW_KEY_5,
    GLFW_KEY_6,     GLFW_KEY_7,     GLFW_KEY_8,    GLFW_KEY_9,    GLFW_KEY_KP_1, GLFW_KEY_KP_2,
    GLFW_KEY_KP_3,  GLFW_KEY_KP_4,  GLFW_KEY_KP_5, GLFW_KEY_KP_6, GLFW_KEY_KP_7, GLFW_KEY_KP_8,
    GLFW_KEY_KP_9};

// The lab a digit key (main row or keypad) selects, or -1.
int labOfKey(int key, int lab_count) {
  int lab = -1;
  if (key >= GLFW_KEY_1 && key <= GLFW_KEY_9) lab = key - GLFW_KEY_1;
  if (key >= GLFW_KEY_KP_1 && key <= GLFW_KEY_KP_9) lab = key - GLFW_KEY_KP_1;
  return lab < lab_count ? lab : -1;
}

void say(App& app, std::string message) {
  app.command_message = std::move(message);
  app.command_message_lab = app.lab;
}

// Runs an animation command on the current lab, or says it has none (the picture shows the rest).
void animate(App& app, bool (Lab::*command)()) {
  say(app, (currentLab(app).*command)() ? "" : "this lab has no animation");
}

}  // namespace

std::vector<ShortcutPress> shortcutsPressed(const KeyEvents& keys, int lab_count) {
  std::vector<ShortcutPress> presses;
  if (keys.text_input) return presses;
  for (int key : keys.pressed) {
    const int lab = labOfKey(key, lab_count);
    if (lab >= 0 && !keys.shift) {
      presses.push_back({Command::SwitchLab, lab});
    } else if (key == GLFW_KEY_F1) {
      presses.push_back({Command::Help});
    } else if (keys.ctrl) {
      if (key == GLFW_KEY_Z) presses.push_back({keys.shift ? Command::Redo : Command::Undo});
      if (key == GLFW_KEY_Y) presses.push_back({Command::Redo});
      if (key == GLFW_KEY_Q) presses.push_back({Command::Quit});
    } else if (!keys.shift) {
      if (key == GLFW_KEY_SPACE) presses.push_back({Command::PlayPause});
      if (key == GLFW_KEY_RIGHT) presses.push_back({Command::Step});
      if (key == GLFW_KEY_R) presses.push_back({Command::Reset});
    }
  }
  if (!keys.ctrl && std::count(keys.typed.begin(), keys.typed.end(), unsigned('?')) > 0)
    presses.push_back({Command::Help});
  return presses;
}

KeyEvents readKeyEvents(const ImGuiIO& io) {
  KeyEvents keys;
  keys.ctrl = io.KeyCtrl;
  keys.shift = io.KeyShift;
  keys.text_input = io.WantTextInput;
  for (int key : kWatchedKeys)
    if (ImGui::IsKeyPressed(key, key == GLFW_KEY_RIGHT))  // holding Right keeps stepping
      keys.pressed.push_back(key);
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
    keys.typed.push_back(unsigned(io.InputQueueCharacters[i]));
  return keys;
}

const std::vector<ShortcutHelp>& shortcutHelp() {
  static const std::vector<ShortcutHelp> list = {
      {"Space", "play / pause"},
      {"Right arrow", "step (hold to repeat)"},
      {"R", "reset the animation to its start"},
      {"1 .. 6, Ctrl+1 .. 6", "switch lab"},
      {"Ctrl+Z", "undo a parameter change"},
      {"Ctrl+Shift+Z, Ctrl+Y", "redo"},
      {"Ctrl+O", "open a scene"},
      {"Ctrl+S", "save the scene"},
      {"Ctrl+E", "export figures"},
      {"F1, ?", "this help"},
      {"Ctrl+Q", "quit"},
  };
  return list;
}

void runCommand(App& app, const ShortcutPress& press) {
  switch (press.command) {
    case Command::PlayPause:
      animate(app, &Lab::togglePlay);
      break;
    case Command::Step:
      animate(app, &Lab::stepForward);
      break;
    case Command::Reset:
      animate(app, &Lab::rewind);
      break;
    case Command::SwitchLab:
      if (press.lab >= 0 && press.lab < int(app.labs.size())) {
        app.lab = press.lab;
        app.select_lab_tab = true;
      }
      break;
    case Command::Undo:
      say(app, undoLabScene(app));
      break;
    case Command::Redo:
      say(app, redoLabScene(app));
      break;
    case Command::Help:
      app.show_help = !app.show_help;
      break;
    case Command::Quit:
      app.quit_requested = true;
      break;
  }
}

void handleKeyboardShortcuts(App& app) {
  if (app.scene_dialog.open || app.export_dialog.open) return;  // their keys are the dialogs'
  const std::vector<ShortcutPress> presses =
      shortcutsPressed(readKeyEvents(ImGui::GetIO()), int(app.labs.size()));
  for (const ShortcutPress& press : presses) {
    // While the overlay shows, keys only close it (its own Esc and click are in the overlay).
    if (app.show_help && press.command != Command::Help) continue;
    runCommand(app, press);
  }
}

}  // namespace gradlab
