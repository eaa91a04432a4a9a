// The undo stack's transitions. See undo.h.
#include "app/undo.h"

#include <utility>

namespace gradlab {
namespace {

void pushCapped(std::vector<nlohmann::json>& stack, nlohmann::json scene) {
  stack.push_back(std::move(scene));
  if (stack.size() > UndoHistory::kMaxSteps) stack.erase(stack.begin());
}

// Moves one snapshot from `from` to the settled scene, pushing the settled one onto `to`.
bool moveStep(UndoHistory& history, std::vector<nlohmann::json>& from,
              std::vector<nlohmann::json>& to, const nlohmann::json& current,
              nlohmann::json* restore, std::string* what) {
  if (from.empty() || history.settled.is_null()) return false;
  nlohmann::json target = std::move(from.back());
  from.pop_back();
  *what = firstDifference(history.settled, target);
  pushCapped(to, std::move(history.settled));
  history.settled = target;
  if (current.is_object() && current.contains("timeline") && target.is_object())
    target["timeline"] = current["timeline"];
  *restore = std::move(target);
  return true;
}

}  // namespace

nlohmann::json sceneWithoutTimeline(const nlohmann::json& scene) {
  nlohmann::json stripped = scene;
  if (stripped.is_object()) stripped.erase("timeline");
  return stripped;
}

bool undoRecord(UndoHistory& history, const nlohmann::json& scene) {
  nlohmann::json stripped = sceneWithoutTimeline(scene);
  if (history.settled.is_null()) {
    history.settled = std::move(stripped);
    return false;
  }
  if (stripped == history.settled) return false;
  pushCapped(history.undo, std::move(history.settled));
  history.settled = std::move(stripped);
  history.redo.clear();
  return true;
}

bool undoStep(UndoHistory& history, const nlohmann::json& current, nlohmann::json* restore,
              std::string* what) {
  return moveStep(history, history.undo, history.redo, current, restore, what);
}

bool redoStep(UndoHistory& history, const nlohmann::json& current, nlohmann::json* restore,
              std::string* what) {
  return moveStep(history, history.redo, history.undo, current, restore, what);
}

void undoSettle(UndoHistory& history, const nlohmann::json& scene) {
  history.settled = sceneWithoutTimeline(scene);
}

std::string firstDifference(const nlohmann::json& a, const nlohmann::json& b) {
  if (a == b) return "";
  if (!a.is_object() || !b.is_object()) return "";
  for (auto it = a.begin(); it != a.end(); ++it) {
    const auto other = b.find(it.key());
    if (other == b.end()) return it.key();
    if (*other == it.value()) continue;
    const std::string inner = firstDifference(it.value(), *other);
    return inner.empty() ? it.key() : it.key() + "." + inner;
  }
  for (auto it = b.begin(); it != b.end(); ++it)
    if (!a.contains(it.key())) return it.key();
  return "";
}

}  // namespace gradlab
