// The Lab interface's defaults and the lookups over the lab table. See lab.h.
#include "app/labs/lab.h"

#include <nlohmann/json.hpp>

namespace gradlab {

nlohmann::json Lab::saveScene() const {
  return nlohmann::json::object();
}

std::string Lab::loadScene(const nlohmann::json& scene) {
  if (scene.is_object() && scene.empty()) return "";
  return "this lab has no scene settings yet";
}

std::string Lab::applyOptions(const std::vector<std::string>& args) {
  if (args.empty()) return "";
  return "this lab takes no option '" + args.front() + "'";
}

int findLab(const std::string& name) {
  const std::vector<LabEntry>& table = labTable();
  for (std::size_t i = 0; i < table.size(); ++i)
    if (name == table[i].name) return int(i);
  return -1;
}

std::vector<std::string> labNames() {
  std::vector<std::string> names;
  for (const LabEntry& lab : labTable()) names.push_back(lab.name);
  return names;
}

std::string labNameList() {
  std::string names;
  for (const LabEntry& lab : labTable()) names += std::string(names.empty() ? "" : "|") + lab.name;
  return names;
}

}  // namespace gradlab
