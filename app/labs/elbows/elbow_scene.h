// The elbow lab's scene as JSON, with a version:
//   {"lab": "elbows", "version": 2,
//    "unit": {"w": 1, "b": 0.5, "x": 1, "y": 0.5, "lr": 0.2},
//    "data": {"set": "sine", "samples": 200, "seed": 1, "points": [[x, y], ...]},
//    "network": {"units": 16, "dead_units": 0, "init_seed": 1, "activation": "relu",
//                "alpha": 0.01},
//    "training": {"optimizer": "sgd", "lr": 0.05, "batch": 10, "seed": 1, "max_steps": 20000},
//    "view": {"bends": true, "contributions": false, "one_unit": false},
//    "timeline": {"network": {"show_all": false, "shown": 6000},    the SGD step shown
//                 "unit": {"show_all": false, "shown": 1}},         E1's steps shown
//    "activation_changes": [{"step": 3000, "activation": "leaky_relu", "alpha": 0.1}]}
// The last key only when the activation was switched while training ran; "network.activation"
// is then the activation at step 0, so the file replays the same run (version 2).
// Missing keys keep their current values; a wrong one is named ("training.lr must be a number").
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/labs/elbows/elbow_lab.h"

namespace gradlab {

constexpr int kElbowSceneVersion = 2;  // 2: activation_changes

nlohmann::json elbowSceneToJson(const ElbowScene& scene);
// Reads `j` over *scene; "" or the problem, naming the field. *scene may be partly changed.
std::string elbowSceneFromJson(const nlohmann::json& j, ElbowScene* scene);
// The lab's scene with both clocks' positions (what the views show).
nlohmann::json elbowLabSceneToJson(const ElbowLab& lab);
// Reads `j` over the lab's scene and makes it the lab's (a new run), trained to j's
// "timeline" position when it has one; unchanged on a problem.
std::string loadElbowScene(ElbowLab& lab, const nlohmann::json& j);

}  // namespace gradlab
