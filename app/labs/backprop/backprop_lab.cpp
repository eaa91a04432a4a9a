// The Backprop lab's logic. See backprop_lab.h.
#include "app/labs/backprop/backprop_lab.h"

#include <algorithm>
#include <cmath>

#include "core/gradient_identities.h"
#include "core/text_format.h"

namespace gradlab {
namespace {

constexpr int kG3Samples = 241;

std::string checkValue(double v, const std::string& field) {
  if (!std::isfinite(v) || std::abs(v) > kBackpropValueLimit)
    return formatText("%s must be in [-%g, %g]", field.c_str(), kBackpropValueLimit,
                      kBackpropValueLimit);
  return "";
}

std::string validateNetwork(const NetworkG1& n) {
  std::string e;
  for (int j = 0; j < 3 && e.empty(); ++j) e = checkValue(n.x[j], formatText("network.x[%d]", j));
  for (int i = 0; i < 2 && e.empty(); ++i)
    for (int j = 0; j < 3 && e.empty(); ++j)
      e = checkValue(n.w1[i][j], formatText("network.w1[%d][%d]", i, j));
  for (int i = 0; i < 2 && e.empty(); ++i)
    for (int j = 0; j < 2 && e.empty(); ++j)
      e = checkValue(n.w2[i][j], formatText("network.w2[%d][%d]", i, j));
  if (e.empty() && (n.label < 0 || n.label > 1)) e = "network.label must be 0 or 1";
  return e;
}

void recomputeGraph(BackpropLab& lab) {
  const BackpropScene& s = lab.scene;
  switch (s.graph) {
    case GraphChoice::G2:
      lab.graph = exerciseG2Graph(s.a, s.b);
      break;
    case GraphChoice::G1:
      lab.graph = networkGraph(s.network);
      break;
    case GraphChoice::Typed:
      lab.graph = expressionGraph(lab.compiled, s.x, s.y);
      lab.compiler_value = lab.compiled.valueAndGradient(s.x, s.y, lab.compiler_gradient);
      break;
  }
  lab.pass = runGraph(lab.graph);
  if (lab.selected >= int(lab.graph.nodes.size())) lab.selected = -1;
  ++lab.recomputes;
  ++lab.version;
}

void recomputeG3(BackpropLab& lab) {
  const BackpropScene& s = lab.scene;
  const double center = s.logits[std::size_t(s.g3_label)];
  lab.g3_ts = samplePoints(center - kG3Span, center + kG3Span, kG3Samples);
  lab.g3_loss = crossEntropyCurve(s.logits, s.g3_label, s.g3_label, lab.g3_ts);
  ++lab.version;
}

void recomputeG4(BackpropLab& lab) {
  const BackpropScene& s = lab.scene;
  const double param = activationInfo(s.g).param_default;
  lab.g4_gradient = matrixGradient(s.w, s.z, s.g, param);
  lab.g4_finite_difference = matrixGradientFiniteDifference(s.w, s.z, s.g, param, 1e-6);
  ++lab.version;
}

// The node a graph selects first: G2's b (its two paths), G1's dead unit h2, a typed graph's x.
int defaultSelection(GraphChoice choice) {
  switch (choice) {
    case GraphChoice::G2:
      return 1;
    case GraphChoice::G1:
      return NetworkNodes::h0 + 1;
    case GraphChoice::Typed:
      return -1;
  }
  return -1;
}

void recomputeAll(BackpropLab& lab) {
  recomputeGraph(lab);
  recomputeG3(lab);
  recomputeG4(lab);
}

}  // namespace

const char* graphChoiceName(GraphChoice choice) {
  switch (choice) {
    case GraphChoice::G2:
      return "g2";
    case GraphChoice::G1:
      return "g1";
    case GraphChoice::Typed:
      return "expr";
  }
  return "g1";
}

bool graphChoiceFromName(const std::string& name, GraphChoice* choice) {
  for (GraphChoice c : {GraphChoice::G2, GraphChoice::G1, GraphChoice::Typed}) {
    if (name == graphChoiceName(c)) {
      *choice = c;
      return true;
    }
  }
  return false;
}

Eigen::MatrixXd BackpropScene::defaultG4Matrix() {
  Eigen::MatrixXd w(2, 3);
  w << 0.2, 0.1, -0.2, -0.1, -0.3, 0.5;  // G1's W1 / 10: tanh is not saturated at W z
  return w;
}

Eigen::VectorXd BackpropScene::defaultG4Vector() {
  Eigen::VectorXd z(3);
  z << 3, 1, -1;  // G1's x
  return z;
}

std::string validateBackpropScene(const BackpropScene& s) {
  std::string e = checkValue(s.a, "g2.a");
  if (e.empty()) e = checkValue(s.b, "g2.b");
  if (e.empty()) e = validateNetwork(s.network);
  if (e.empty() && !(s.step_size > 0 && s.step_size <= 10))
    e = formatText("step_size must be in (0, 10] (got %g)", s.step_size);
  if (e.empty()) e = checkValue(s.x, "typed.at[0]");
  if (e.empty()) e = checkValue(s.y, "typed.at[1]");
  if (e.empty() && (s.logits.size() < 2 || s.logits.size() > 6))
    e = "g3.logits must be a list of 2 to 6 numbers";
  for (std::size_t k = 0; k < s.logits.size() && e.empty(); ++k)
    e = checkValue(s.logits[k], formatText("g3.logits[%d]", int(k)));
  if (e.empty() && (s.g3_label < 0 || std::size_t(s.g3_label) >= s.logits.size()))
    e = formatText("g3.label must be in [0, %d]", int(s.logits.size()) - 1);
  if (e.empty() && (s.w.rows() != 2 || s.w.cols() != 3 || s.z.size() != 3))
    e = "g4: W must be 2 x 3 and z of length 3";
  for (Eigen::Index i = 0; i < s.w.rows() && e.empty(); ++i)
    for (Eigen::Index j = 0; j < s.w.cols() && e.empty(); ++j)
      e = checkValue(s.w(i, j), formatText("g4.w[%d][%d]", int(i), int(j)));
  for (Eigen::Index j = 0; j < s.z.size() && e.empty(); ++j)
    e = checkValue(s.z(j), formatText("g4.z[%d]", int(j)));
  return e;
}

void resetBackpropLab(BackpropLab& lab) {
  lab = BackpropLab{};
  lab.compiled = Expression::compile(lab.scene.expression);
  lab.expression_text = lab.scene.expression;
  lab.selected = defaultSelection(lab.scene.graph);
  recomputeAll(lab);
}

std::string applyBackpropScene(BackpropLab& lab, const BackpropScene& scene) {
  std::string invalid = validateBackpropScene(scene);
  if (!invalid.empty()) return invalid;
  Expression compiled = Expression::compile(scene.expression);
  if (!compiled.ok()) return "typed.expression: " + compiled.error().message;
  const bool graph_changed = scene.graph != lab.scene.graph;
  lab.scene = scene;
  lab.compiled = std::move(compiled);
  lab.expression_text = scene.expression;
  lab.expression_error.clear();
  lab.expression_typing = TypingPause{};  // a half-typed formula does not outlive the scene
  lab.loss_history.clear();
  if (graph_changed) lab.selected = defaultSelection(scene.graph);
  recomputeAll(lab);
  return "";
}

void setGraphChoice(BackpropLab& lab, GraphChoice choice) {
  if (choice == lab.scene.graph) return;
  lab.scene.graph = choice;
  lab.selected = defaultSelection(choice);
  recomputeGraph(lab);
}

void setG2Inputs(BackpropLab& lab, double a, double b) {
  if (!std::isfinite(a) || !std::isfinite(b)) return;
  lab.scene.a = std::clamp(a, -kBackpropValueLimit, kBackpropValueLimit);
  lab.scene.b = std::clamp(b, -kBackpropValueLimit, kBackpropValueLimit);
  recomputeGraph(lab);
}

std::string setNetwork(BackpropLab& lab, const NetworkG1& network) {
  std::string invalid = validateNetwork(network);
  if (!invalid.empty()) return invalid;
  lab.scene.network = network;
  lab.loss_history.clear();  // an edit starts a new descent
  recomputeGraph(lab);
  return "";
}

void setLabel(BackpropLab& lab, int label) {
  NetworkG1 network = lab.scene.network;
  network.label = std::clamp(label, 0, 1);
  setNetwork(lab, network);
}

std::string setStepSize(BackpropLab& lab, double step_size) {
  if (!(step_size > 0 && step_size <= 10))
    return formatText("the step size must be in (0, 10] (got %g)", step_size);
  lab.scene.step_size = step_size;
  ++lab.version;
  return "";
}

void takeGradientStep(BackpropLab& lab) {
  const NetworkG1 next = gradientStep(lab.scene.network, lab.scene.step_size);
  if (!validateNetwork(next).empty()) return;  // a weight left the allowed range: no step
  const double before = runGraph(networkGraph(lab.scene.network)).values.back();
  if (lab.loss_history.empty()) lab.loss_history.push_back(before);
  lab.scene.network = next;
  if (lab.scene.graph == GraphChoice::G1) {
    recomputeGraph(lab);
    lab.loss_history.push_back(lab.pass.values.back());
  } else {
    lab.loss_history.push_back(runGraph(networkGraph(next)).values.back());
  }
}

void resetNetworkWeights(BackpropLab& lab) {
  NetworkG1 network;
  std::copy(lab.scene.network.x, lab.scene.network.x + 3, network.x);
  network.label = lab.scene.network.label;
  setNetwork(lab, network);
}

std::string setExpression(BackpropLab& lab, const std::string& text) {
  lab.expression_text = text;
  Expression compiled = Expression::compile(text);
  if (!compiled.ok()) {
    lab.expression_error = compiled.error().message;
    ++lab.version;
    return lab.expression_error;
  }
  lab.expression_error.clear();
  lab.compiled = std::move(compiled);
  lab.scene.expression = text;
  if (lab.scene.graph == GraphChoice::Typed) lab.selected = -1;
  recomputeGraph(lab);
  return "";
}

void typeExpression(BackpropLab& lab, const std::string& text) {
  lab.expression_text = text;
  lab.expression_typing.typed();
}

bool advanceExpressionTyping(BackpropLab& lab, double dt) {
  if (!lab.expression_typing.advance(dt)) return false;
  setExpression(lab, lab.expression_text);
  return true;
}

bool commitExpression(BackpropLab& lab) {
  if (!lab.expression_typing.commit()) return false;
  setExpression(lab, lab.expression_text);
  return true;
}

void setPoint(BackpropLab& lab, double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return;
  lab.scene.x = std::clamp(x, -kBackpropValueLimit, kBackpropValueLimit);
  lab.scene.y = std::clamp(y, -kBackpropValueLimit, kBackpropValueLimit);
  recomputeGraph(lab);
}

void selectNode(BackpropLab& lab, int node) {
  lab.selected = node >= 0 && node < int(lab.graph.nodes.size()) ? node : -1;
  ++lab.version;
}

std::string setG3(BackpropLab& lab, const std::vector<double>& logits, int label) {
  BackpropScene scene = lab.scene;
  scene.logits = logits;
  scene.g3_label = label;
  std::string invalid = validateBackpropScene(scene);
  if (!invalid.empty()) return invalid;
  lab.scene = scene;
  recomputeG3(lab);
  return "";
}

std::string setG4(BackpropLab& lab, const Eigen::MatrixXd& w, const Eigen::VectorXd& z,
                  Activation g) {
  BackpropScene scene = lab.scene;
  scene.w = w;
  scene.z = z;
  scene.g = g;
  std::string invalid = validateBackpropScene(scene);
  if (!invalid.empty()) return invalid;
  lab.scene = scene;
  recomputeG4(lab);
  return "";
}

std::string formatNodeNumber(double v) {
  if (v == 0) return "0";  // no "-0"
  return formatText("%.4g", v);
}

std::string adjointSumText(const BackpropLab& lab, int node) {
  if (node < 0 || node >= int(lab.graph.nodes.size())) return "";
  const std::string& out = lab.graph.nodes.back().name;
  const std::string& name = lab.graph.nodes[std::size_t(node)].name;
  const std::string lhs = "d" + out + "/d" + name + " = ";
  const std::vector<int>& list = lab.pass.contributions[std::size_t(node)];
  if (node == int(lab.graph.nodes.size()) - 1) return lhs + "1 (the output)";
  if (list.empty()) return lhs + "0 (" + out + " does not read " + name + ")";
  std::string text = lhs;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const GraphEdge& e = lab.pass.edges[std::size_t(list[k])];
    if (k > 0) text += " + ";
    text += formatNodeNumber(e.carried) + " (via " + lab.graph.nodes[std::size_t(e.to)].name + ")";
  }
  if (list.size() > 1) text += " = " + formatNodeNumber(lab.pass.adjoints[std::size_t(node)]);
  return text;
}

double compilerDifference(const BackpropLab& lab) {
  if (lab.scene.graph != GraphChoice::Typed) return 0;
  const Vec2 graph = expressionGraphGradient(lab.graph, lab.pass);
  return (graph - lab.compiler_gradient).cwiseAbs().maxCoeff();
}

}  // namespace gradlab
