#include "app/scene_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/labs/lab_options.h"

namespace gradlab {

std::string readLabSceneFile(const std::string& path, nlohmann::json* scene, int* lab) {
  std::string problem = readSceneFile(path, scene);
  if (!problem.empty()) return problem;
  const auto name = scene->find("lab");
  if (!scene->is_object() || name == scene->end() || !name->is_string())
    return sceneFileProblem(path, "lab must name a lab (" + labNameList() + ")");
  *lab = findLab(name->get<std::string>());
  if (*lab < 0)
    return sceneFileProblem(
        path, "lab '" + name->get<std::string>() + "' is not one of " + labNameList());
  return "";
}

void rememberScene(App& app, const std::string& path) {
  std::vector<std::string>& recent = app.recent_scenes;
  recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
  recent.insert(recent.begin(), path);
  if (int(recent.size()) > kMaxRecentScenes) recent.resize(kMaxRecentScenes);
  app.scene_path = path;
}

std::string saveSceneFile(App& app, const std::string& path) {
  nlohmann::json scene = currentLab(app).saveScene();
  if (!scene.is_object())
    return "the " + std::string(labTable()[std::size_t(app.lab)].name) +
           " lab has no scene to save";
  scene["lab"] = labTable()[std::size_t(app.lab)].name;
  const std::string problem = writeSceneFile(path, scene);
  if (problem.empty()) rememberScene(app, path);
  return problem;
}

std::string openSceneFile(App& app, const std::string& path) {
  nlohmann::json scene;
  int lab = -1;
  std::string problem = readLabSceneFile(path, &scene, &lab);
  if (!problem.empty()) return problem;
  problem = app.labs[std::size_t(lab)]->loadScene(scene);
  if (!problem.empty()) return sceneFileProblem(path, problem);
  app.lab = lab;
  app.select_lab_tab = true;
  rememberScene(app, path);
  return "";
}

std::string sceneFileLab(const std::string& path, std::string* problem) {
  nlohmann::json scene;
  int lab = -1;
  *problem = readLabSceneFile(path, &scene, &lab);
  return problem->empty() ? labTable()[std::size_t(lab)].name : "";
}

}  // namespace gradlab
