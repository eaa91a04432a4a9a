// The app's undo and redo. See lab_undo.h.
#include "app/lab_undo.h"

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/undo.h"

namespace gradlab {
namespace {

// Makes one history per lab, each with its lab's current scene as the baseline.
void ensureHistories(App& app) {
  if (app.undo.size() == app.labs.size()) return;
  app.undo.assign(app.labs.size(), UndoHistory{});
  for (std::size_t i = 0; i < app.labs.size(); ++i)
    undoRecord(app.undo[i], app.labs[i]->saveScene());
}

// Anything that can change a scene: a click or release, the wheel, a key, a typed character.
// Mouse moves alone cannot (a drag ends with a release).
bool frameHadInput(const ImGuiIO& io) {
  if (io.MouseWheel != 0 || io.MouseWheelH != 0 || io.InputQueueCharacters.Size > 0) return true;
  for (int b = 0; b < IM_ARRAYSIZE(io.MouseDown); ++b)
    if (io.MouseClicked[b] || io.MouseReleased[b]) return true;
  for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k)
    if (io.KeysDownDuration[k] == 0.0f || (io.KeysDownDurationPrev[k] >= 0 && !io.KeysDown[k]))
      return true;
  return false;
}

std::string moveStep(App& app, bool undo) {
  ensureHistories(app);
  recordLabScene(app);  // a change not yet recorded is the step undone
  UndoHistory& history = app.undo[std::size_t(app.lab)];
  Lab& lab = currentLab(app);
  const nlohmann::json current = lab.saveScene();
  nlohmann::json restore;
  std::string what;
  const bool moved = undo ? undoStep(history, current, &restore, &what)
                          : redoStep(history, current, &restore, &what);
  if (!moved) return undo ? "Nothing to undo" : "Nothing to redo";
  const std::string problem = lab.loadScene(restore);
  if (!problem.empty()) {
    // Cannot happen for a scene the lab saved itself; if it does, keep the history consistent.
    undoSettle(history, current);
    return (undo ? "Undo failed: " : "Redo failed: ") + problem;
  }
  undoSettle(history, lab.saveScene());
  const std::string verb = undo ? "Undid" : "Redid";
  return what.empty() ? verb : verb + ": " + what;
}

}  // namespace

bool recordLabScene(App& app) {
  ensureHistories(app);
  return undoRecord(app.undo[std::size_t(app.lab)], currentLab(app).saveScene());
}

void recordSettledLabScene(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (frameHadInput(io)) app.undo_pending = true;
  if (app.undo.size() != app.labs.size()) app.undo_pending = true;  // the first frame: baselines
  const bool settled = !ImGui::IsAnyMouseDown() && !ImGui::IsAnyItemActive() && !io.WantTextInput;
  if (!app.undo_pending || !settled) return;
  app.undo_pending = false;
  recordLabScene(app);
}

std::string undoLabScene(App& app) {
  return moveStep(app, true);
}

std::string redoLabScene(App& app) {
  return moveStep(app, false);
}

bool canUndo(const App& app) {
  if (app.undo.size() != app.labs.size()) return false;
  return !app.undo[std::size_t(app.lab)].undo.empty();
}

bool canRedo(const App& app) {
  if (app.undo.size() != app.labs.size()) return false;
  return !app.undo[std::size_t(app.lab)].redo.empty();
}

}  // namespace gradlab
