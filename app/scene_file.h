// Scene files as the app opens and saves them: one lab's scene (its Lab::saveScene keys) plus
// "lab": the lab's name, so `gradlab open FILE`, File > Open and a file dropped on the window
// know which lab to show. Each returns "" or a one-line problem; a problem leaves every lab's
// scene as it was.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "app/app.h"

namespace gradlab {

// Writes the current lab's scene to `path` atomically, and remembers it (app.scene_path, recent).
std::string saveSceneFile(App& app, const std::string& path);
// Reads `path`, loads it into the lab it names and shows that lab.
std::string openSceneFile(App& app, const std::string& path);
// Reads a scene file: its JSON and the index of the lab it names; "" or the problem.
std::string readLabSceneFile(const std::string& path, nlohmann::json* scene, int* lab);
// The lab a scene file names (its "lab" key), or "" with *problem set.
std::string sceneFileLab(const std::string& path, std::string* problem);

// Puts `path` first in app.recent_scenes (at most kMaxRecentScenes, no duplicates).
constexpr int kMaxRecentScenes = 8;
void rememberScene(App& app, const std::string& path);

}  // namespace gradlab
