// Undo and redo of a lab's parameter changes: a capped stack of snapshots of its scene JSON
// (Lab::saveScene). Pure data and functions, no ImGui, tested headless; app/lab_undo.h decides
// when a change has settled and loads the snapshots back into the lab.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gradlab {

struct UndoHistory {
  static constexpr std::size_t kMaxSteps = 100;  // older steps are forgotten

  nlohmann::json settled;            // the scene last recorded, timeline removed (null: none yet)
  std::vector<nlohmann::json> undo;  // earlier scenes, the most recent last
  std::vector<nlohmann::json> redo;  // scenes undone, the next one to redo last
};

// A scene without its "timeline" key: playing an animation is not a parameter change.
nlohmann::json sceneWithoutTimeline(const nlohmann::json& scene);

// Records the lab's scene once a change has settled. The first call only sets the baseline.
// Returns true when the scene differs from the one last recorded: a new undo step, and the redo
// steps are dropped.
bool undoRecord(UndoHistory& history, const nlohmann::json& scene);

// What the lab should load to undo (redo) one step, into *restore: the earlier (later) scene with
// `current`'s timeline kept, so the animation stays where it is. *what names the first place the
// scenes differ ("config.lr"). False, and nothing changed, when there is no step.
bool undoStep(UndoHistory& history, const nlohmann::json& current, nlohmann::json* restore,
              std::string* what);
bool redoStep(UndoHistory& history, const nlohmann::json& current, nlohmann::json* restore,
              std::string* what);

// After the lab loaded a restored scene: the scene it now holds is the baseline (a lab that
// normalises what it loads must not see that as a new change).
void undoSettle(UndoHistory& history, const nlohmann::json& scene);

// The first place two scenes differ, as a dotted path of object keys ("config.lr", "starts");
// "" when they are equal.
std::string firstDifference(const nlohmann::json& a, const nlohmann::json& b);

}  // namespace gradlab
