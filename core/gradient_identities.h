// EXERCISES G3 and G4 as functions a lab plots and tests check: the softmax cross-entropy as a
// function of one logit, and the gradient of f_M(W) = sum_i g(w_i^T z) as an outer product next
// to its central finite differences.
#pragma once

#include <Eigen/Core>

#include <vector>

#include "core/activations.h"

namespace gradlab {

// G3: L(t) = -log softmax(f)[label] where f = logits with f[moved] replaced by t, at each t of
// `ts` (softmaxCrossEntropy of core/graph.h). Moving the label's own logit (moved == label)
// shows L > 0 falling to 0 as f_y outgrows the others.
std::vector<double> crossEntropyCurve(const std::vector<double>& logits, int label, int moved,
                                      const std::vector<double>& ts);

// G4: f_M(W) = sum_i g(w_i^T z), w_i the rows of W, g an activation with its parameter.
double matrixObjective(const Eigen::MatrixXd& W, const Eigen::VectorXd& z, Activation g,
                       double param);
// df/dW = g'(W z) z^T (g' elementwise): the outer product.
Eigen::MatrixXd matrixGradient(const Eigen::MatrixXd& W, const Eigen::VectorXd& z, Activation g,
                               double param);
// The same by central differences (f(W + h E_ij) - f(W - h E_ij)) / 2h, entry by entry.
Eigen::MatrixXd matrixGradientFiniteDifference(const Eigen::MatrixXd& W, const Eigen::VectorXd& z,
                                               Activation g, double param, double h);

}  // namespace gradlab
