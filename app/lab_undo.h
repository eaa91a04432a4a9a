// Undo and redo in the app: every lab keeps its own history of scenes (app.undo, one per lab;
// switching labs is not undone). A change is recorded once it has settled: in a frame after input,
// with no mouse button held and no widget active or text field typing, so one slider drag or one
// typed number is one step. The scene is saved only then, never in idle frames.
#pragma once

#include <string>

#include "app/app.h"

namespace gradlab {

// Records the current lab's scene as an undo step when it differs from the last one recorded.
// The first call also records every lab's starting scene (its baseline). True on a new step.
bool recordLabScene(App& app);
// Once a frame, after the lab drew: notes input and records the scene when it settled.
void recordSettledLabScene(App& app);

// Undo (redo) one step of the current lab: loads the earlier (later) scene, keeping the
// animation where it is. Returns the status bar's message: "Undid: config.lr", "Nothing to undo",
// or why the scene could not be loaded.
std::string undoLabScene(App& app);
std::string redoLabScene(App& app);
bool canUndo(const App& app);
bool canRedo(const App& app);

}  // namespace gradlab
