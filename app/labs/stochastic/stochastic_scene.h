// The Stochastic lab's scene as JSON, with a version:
//   {"lab": "stochastic", "version": 1,
//    "data": {"mean": [0, 0], "covariance": [[1, 0.5], [0.5, 1]], "samples": 1000, "seed": 1},
//    "sgd": {"step_sizes": [1e-5, 1e-4, 1e-3], "starts": 3, "iterations": 10000},
//    "timeline": {"show_all": false, "shown": 2500}}  (app/views/timeline_scene.h)
// Missing keys keep their current values; a wrong one is named ("sgd.step_sizes[1] must be in
// (0, 10] (got -1)").
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/labs/stochastic/stochastic_lab.h"

namespace gradlab {

constexpr int kStochasticSceneVersion = 1;

nlohmann::json stochasticSceneToJson(const StochasticScene& scene);
// Reads `j` over *scene (which holds the values for missing keys); "" or the problem, naming the
// field. On a problem *scene may be partly changed: read into a copy.
std::string stochasticSceneFromJson(const nlohmann::json& j, StochasticScene* scene);
// The lab's scene with its timeline position (what the views show).
nlohmann::json stochasticLabSceneToJson(const StochasticLab& lab);
// Reads `j` over the lab's scene and makes it the lab's (recomputing), then puts the timeline at
// j's "timeline" (or shows every iterate); the lab is unchanged on a problem.
std::string loadStochasticScene(StochasticLab& lab, const nlohmann::json& j);

}  // namespace gradlab
