// The optimizer lab's scene as JSON: every input of OptimizerScene, with a version, written by
// name through the parameter tables (core/param_table.h). Loading is tolerant of missing keys
// (they keep the default scene's values, so older files keep working) and strict about wrong
// ones: the error names the field ("config.adam.beta1 must be in [0, 0.9999]").
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/labs/optimizer/optimizer_lab.h"

namespace gradlab {

// Version 2 holds the step size once ("config": {"lr": ...}); version 1 files, with a step size
// in each method's struct ("config.adam.lr"), still load: the active method's is the step size.
constexpr int kOptimizerSceneVersion = 2;

nlohmann::json optimizerSceneToJson(const OptimizerScene& scene);
// Reads `j` over *scene (which holds the defaults for missing keys); "" or the problem. On a
// problem *scene may be partly changed: read into a copy.
std::string optimizerSceneFromJson(const nlohmann::json& j, OptimizerScene* scene);

// The lab's scene with its timeline position ("timeline": what the views show, not saved in
// OptimizerScene because every new run resets it).
nlohmann::json optimizerLabSceneToJson(const OptimizerLab& lab);
// Reads `j` over the lab's current scene and makes the result the lab's, then puts the timeline
// at j's "timeline" (or shows the new runs in full); "" or the problem, naming the field (the
// lab is then unchanged).
std::string loadOptimizerScene(OptimizerLab& lab, const nlohmann::json& j);

// Makes `scene` the lab's: builds its objective, its starts' colours, and reruns everything.
// "" or the problem (an unknown function, a bad expression, no start); the lab is then unchanged.
std::string applyOptimizerScene(OptimizerLab& lab, const OptimizerScene& scene);

}  // namespace gradlab
