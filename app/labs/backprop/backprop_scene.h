// The Backprop lab's scene as JSON, with a version. Loading is tolerant of missing keys (they keep
// the lab's current values) and strict about wrong ones: the error names the field
// ("network.w1[1][2] must be a number", "graph: 'g5' is not a graph (g2, g1, expr)").
//
//   {"lab": "backprop", "version": 1, "graph": "g1", "g2": {"a": 2, "b": 1},
//    "network": {"x": [3, 1, -1], "w1": [[2, 1, -2], [-1, -3, 5]], "w2": [[6, -1], [2, 8]],
//                "label": 0},
//    "step_size": 0.01, "typed": {"expression": "x^2*y", "at": [1, 2]},
//    "g3": {"logits": [1, 2, -1], "label": 0},
//    "g4": {"w": [[0.2, 0.1, -0.2], [-0.1, -0.3, 0.5]], "z": [3, 1, -1], "g": "tanh"}}
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/labs/backprop/backprop_lab.h"

namespace gradlab {

constexpr int kBackpropSceneVersion = 1;

nlohmann::json backpropSceneToJson(const BackpropScene& scene);
// Reads `j` over *scene; "" or the problem. On a problem *scene may be partly changed.
std::string backpropSceneFromJson(const nlohmann::json& j, BackpropScene* scene);
// Reads `j` over the lab's scene and applies it; "" or the problem (the lab is then unchanged).
std::string loadBackpropScene(BackpropLab& lab, const nlohmann::json& j);

}  // namespace gradlab
