// The Activation lab's scene as JSON, with a version. Loading is tolerant of missing keys (they
// keep the lab's current values) and strict about wrong ones: the error names the field
// ("shown[1]: 'swish' is not an activation (relu, ...)", "leaky_alpha must be in [0, 1]").
//
//   {"version": 1, "shown": ["relu", "tanh"], "leaky_alpha": 0.1, "elu_alpha": 1,
//    "softplus_beta": 1, "x_range": [-4, 4], "second_derivative": false,
//    "identities": ["leaky"], "taylor": {"shown": true, "degree": 7, "tolerance": 0.001}}
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/labs/activations/activation_lab.h"

namespace gradlab {

constexpr int kActivationSceneVersion = 1;

nlohmann::json activationSceneToJson(const ActivationScene& scene);
// Reads `j` over *scene; "" or the problem. On a problem *scene may be partly changed.
std::string activationSceneFromJson(const nlohmann::json& j, ActivationScene* scene);
// Reads `j` over the lab's scene and applies it; "" or the problem (the lab is then unchanged).
std::string loadActivationScene(ActivationLab& lab, const nlohmann::json& j);

}  // namespace gradlab
