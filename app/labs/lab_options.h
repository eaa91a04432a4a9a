// What every lab's own command-line options share: parsing them with CLI11, and scene files
// read and written (--scene, --save-scene). Each returns "" or a one-line problem.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace CLI {
class App;
}

namespace gradlab {

// Parses `args` (a lab's options, in order) with `parser`, whose options the lab added.
std::string parseLabOptions(CLI::App& parser, const std::vector<std::string>& args);
// Reads the JSON scene file at `path` into *scene.
std::string readSceneFile(const std::string& path, nlohmann::json* scene);
// Writes `scene` to `path` atomically (a temporary file, then a rename).
std::string writeSceneFile(const std::string& path, const nlohmann::json& scene);
// A finite number at `path` of a scene (e.g. "sgd.step_sizes[1]") into *out, or the problem.
std::string readSceneNumber(const nlohmann::json& j, const std::string& path, double* out);
// A lab's own scene problem as it reads on the command line: "scene file 'demo.json': ...".
std::string sceneFileProblem(const std::string& path, const std::string& problem);

}  // namespace gradlab
