// The Network lab's scene as JSON, with a version. Loading is tolerant of missing keys (they
// keep the lab's current values) and strict about wrong ones: the error names the field
// ("seeds[1] must be a whole number >= 0", "activations[0]: 'swish' is not one of relu, ...").
//
//   {"version": 1, "activations": ["tanh", "relu", "linear"], "seeds": [1, 2, 3], "depth": 3,
//    "width": 5, "params": {"leaky_relu": 0.01, "elu": 1, "softplus": 1}, "bias": true,
//    "activate_output": true, "init": "normal", "input": 1, "output": 1, "x_range": [-10, 10],
//    "inputs_seed": 1, "linear_column": 1, "symmetry_layer": 1,
//    "edits": [{"kind": "zero_row", "column": 1, "layer": 2, "units": [4]}]}
// Inputs, outputs, columns, layers and units count from 1 in the file, as in the lab.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/labs/networks/network_lab.h"

namespace gradlab {

constexpr int kNetworkSceneVersion = 1;

nlohmann::json networkSceneToJson(const NetworkScene& scene);
// Reads `j` over *scene; "" or the problem. On a problem *scene may be partly changed.
std::string networkSceneFromJson(const nlohmann::json& j, NetworkScene* scene);
// Reads `j` over the lab's scene and applies it; "" or the problem (the lab is then unchanged).
std::string loadNetworkScene(NetworkLab& lab, const nlohmann::json& j);

}  // namespace gradlab
