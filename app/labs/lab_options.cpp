#include "app/labs/lab_options.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/atomic_file.h"

namespace gradlab {

std::string parseLabOptions(CLI::App& parser, const std::vector<std::string>& args) {
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
    parser.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    return message;
  }
  return "";
}

std::string readSceneFile(const std::string& path, nlohmann::json* scene) {
  std::ifstream in(path);
  if (!in) return "cannot read scene file '" + path + "'";
  *scene = nlohmann::json::parse(in, nullptr, false);
  if (scene->is_discarded()) return "scene file '" + path + "' is not valid JSON";
  return "";
}

std::string writeSceneFile(const std::string& path, const nlohmann::json& scene) {
  const std::string text = scene.dump(2) + "\n";
  std::string error;
  if (!writeFileAtomic(path, text.data(), text.size(), &error)) return error;
  return "";
}

std::string readSceneNumber(const nlohmann::json& j, const std::string& path, double* out) {
  if (!j.is_number()) return path + " must be a number";
  *out = j.get<double>();
  if (!std::isfinite(*out)) return path + " must be finite";
  return "";
}

std::string sceneFileProblem(const std::string& path, const std::string& problem) {
  return problem.empty() ? "" : "scene file '" + path + "': " + problem;
}

}  // namespace gradlab
