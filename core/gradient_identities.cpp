// G3 and G4. See gradient_identities.h.
#include "core/gradient_identities.h"

#include "core/graph.h"

namespace gradlab {

std::vector<double> crossEntropyCurve(const std::vector<double>& logits, int label, int moved,
                                      const std::vector<double>& ts) {
  std::vector<double> loss;
  loss.reserve(ts.size());
  std::vector<double> f = logits;
  for (double t : ts) {
    f[std::size_t(moved)] = t;
    loss.push_back(softmaxCrossEntropy(f, label, nullptr));
  }
  return loss;
}

double matrixObjective(const Eigen::MatrixXd& W, const Eigen::VectorXd& z, Activation g,
                       double param) {
  const Eigen::VectorXd pre = W * z;
  double sum = 0;
  for (Eigen::Index i = 0; i < pre.size(); ++i) sum += activationValue(g, pre(i), param);
  return sum;
}

Eigen::MatrixXd matrixGradient(const Eigen::MatrixXd& W, const Eigen::VectorXd& z, Activation g,
                               double param) {
  const Eigen::ArrayXd pre = (W * z).array();
  Eigen::ArrayXd values(pre.size()), slopes(pre.size());
  activationValuesAndSlopes(g, param, pre, values, slopes);
  return slopes.matrix() * z.transpose();
}

Eigen::MatrixXd matrixGradientFiniteDifference(const Eigen::MatrixXd& W, const Eigen::VectorXd& z,
                                               Activation g, double param, double h) {
  Eigen::MatrixXd grad(W.rows(), W.cols());
  Eigen::MatrixXd moved = W;
  for (Eigen::Index i = 0; i < W.rows(); ++i) {
    for (Eigen::Index j = 0; j < W.cols(); ++j) {
      moved(i, j) = W(i, j) + h;
      const double up = matrixObjective(moved, z, g, param);
      moved(i, j) = W(i, j) - h;
      const double down = matrixObjective(moved, z, g, param);
      moved(i, j) = W(i, j);
      grad(i, j) = (up - down) / (2 * h);
    }
  }
  return grad;
}

}  // namespace gradlab
