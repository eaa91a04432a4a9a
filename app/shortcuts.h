// The keyboard shortcuts: which keys mean which command (a pure function of the frame's key
// presses, tested headless), the list the help overlay and the menus show, and running a command
// on the app. Shortcuts act only while no text field has the keyboard (io.WantTextInput false).
#pragma once

#include <vector>

#include "app/app.h"

struct ImGuiIO;

namespace gradlab {

enum class Command {
  PlayPause,  // Space
  Step,       // Right arrow (repeats while held)
  Reset,      // R: the animation back to its start (Lab::rewind)
  SwitchLab,  // 1..9 or Ctrl+1..9 (ShortcutPress::lab)
  Undo,       // Ctrl+Z
  Redo,       // Ctrl+Shift+Z or Ctrl+Y
  Help,       // F1 or ?: the help overlay, opened or closed
  Quit,       // Ctrl+Q
};

// The keyboard in one frame, as read from ImGui's io: GLFW key codes that went down (letters and
// digits are their ASCII codes) and characters typed (for '?', whatever the layout).
struct KeyEvents {
  bool ctrl = false, shift = false;
  bool text_input = false;  // a text field has the keyboard: no shortcut applies
  std::vector<int> pressed;
  std::vector<unsigned> typed;
};

struct ShortcutPress {
  Command command;
  int lab = -1;  // SwitchLab: the lab's index
};

// The commands the frame's keys ask for, in the order pressed. Ctrl+S, Ctrl+O (scene_menu_ui.h)
// and Ctrl+E (export) are handled by their menus and are not returned here.
std::vector<ShortcutPress> shortcutsPressed(const KeyEvents& keys, int lab_count);

// Reads this frame's key events from ImGui (between NewFrame and Render).
KeyEvents readKeyEvents(const ImGuiIO& io);

// One line of the help overlay: the keys, and what they do.
struct ShortcutHelp {
  const char* keys;
  const char* what;
};
// Every shortcut of the app, grouped as the overlay shows them.
const std::vector<ShortcutHelp>& shortcutHelp();

// Runs a command on the current lab (or the app); its outcome goes to the status bar.
void runCommand(App& app, const ShortcutPress& press);
// Reads the keys and runs what they ask for; once a frame, before the lab draws.
void handleKeyboardShortcuts(App& app);

}  // namespace gradlab
