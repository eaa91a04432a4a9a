// Computational graphs: forward pass, reverse-mode pass, built-in graphs. See graph.h.
#include "core/graph.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/text_format.h"

namespace gradlab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool isBinaryOp(ExprOp op) {
  switch (op) {
    case ExprOp::Add:
    case ExprOp::Sub:
    case ExprOp::Mul:
    case ExprOp::Div:
    case ExprOp::Min:
    case ExprOp::Max:
    case ExprOp::Pow:
      return true;
    default:
      return false;
  }
}

bool isLeafOp(ExprOp op) {
  return op == ExprOp::Const || op == ExprOp::VarX || op == ExprOp::VarY;
}

// How a node draws an operation: "+", "*", "^2", "exp", "leaky_relu(0.1)".
std::string opLabel(ExprOp op, double c) {
  switch (op) {
    case ExprOp::Add:
      return "+";
    case ExprOp::Sub:
      return "-";
    case ExprOp::Mul:
      return "*";
    case ExprOp::Div:
      return "/";
    case ExprOp::Min:
      return "min";
    case ExprOp::Max:
      return "max";
    case ExprOp::Pow:
      return "^";
    case ExprOp::Neg:
      return "neg";
    case ExprOp::PowInt:
    case ExprOp::PowConst:
      return formatText("^%g", c);
    case ExprOp::Exp:
      return "exp";
    case ExprOp::Log:
      return "log";
    case ExprOp::Sqrt:
      return "sqrt";
    case ExprOp::Abs:
      return "abs";
    case ExprOp::Sin:
      return "sin";
    case ExprOp::Cos:
      return "cos";
    case ExprOp::Tan:
      return "tan";
    case ExprOp::Tanh:
      return "tanh";
    case ExprOp::Sigmoid:
      return "sigmoid";
    case ExprOp::Relu:
      return "relu";
    case ExprOp::Softplus:
      return c == 1 ? "softplus" : formatText("softplus(%g)", c);
    case ExprOp::LeakyRelu:
      return formatText("leaky_relu(%g)", c);
    case ExprOp::Elu:
      return c == 1 ? "elu" : formatText("elu(%g)", c);
    case ExprOp::Gelu:
      return "gelu";
    case ExprOp::Silu:
      return "silu";
    case ExprOp::HardTanh:
      return "hardtanh";
    default:
      return "?";
  }
}

GraphNode inputNode(const std::string& name, double value) {
  GraphNode n;
  n.kind = NodeKind::Input;
  n.name = name;
  n.value = value;
  return n;
}

GraphNode opNode(const std::string& name, ExprOp op, std::vector<int> inputs, double c = 0) {
  GraphNode n;
  n.kind = NodeKind::Op;
  n.name = name;
  n.op = op;
  n.c = c;
  n.label = opLabel(op, c);
  n.inputs = std::move(inputs);
  return n;
}

// One node's forward value and the local derivative in each input slot.
double forwardNode(const GraphNode& n, const std::vector<double>& values,
                   std::vector<double>& locals, std::vector<double>& softmax) {
  locals.assign(n.inputs.size(), 0);
  softmax.clear();
  switch (n.kind) {
    case NodeKind::Input:
    case NodeKind::Constant:
      return n.value;
    case NodeKind::Op: {
      const double a = values[std::size_t(n.inputs[0])];
      const double b = n.inputs.size() > 1 ? values[std::size_t(n.inputs[1])] : 0;
      const ExprLocal local = exprLocalDerivatives({n.op, 0, 1, n.c}, a, b);
      locals[0] = local.da;
      if (n.inputs.size() > 1) locals[1] = local.db;
      return local.f;
    }
    case NodeKind::WeightedSum: {
      double sum = 0;
      for (std::size_t k = 0; k < n.inputs.size(); ++k) {
        sum += n.weights[k] * values[std::size_t(n.inputs[k])];
        locals[k] = n.weights[k];
      }
      return sum;
    }
    case NodeKind::SoftmaxLoss: {
      std::vector<double> logits;
      for (int in : n.inputs) logits.push_back(values[std::size_t(in)]);
      const double loss = softmaxCrossEntropy(logits, n.class_label, &softmax);
      // dL/do_k = p_k - [k = y]
      for (std::size_t k = 0; k < n.inputs.size(); ++k)
        locals[k] = softmax[k] - (int(k) == n.class_label ? 1.0 : 0.0);
      return loss;
    }
  }
  return kNaN;
}

}  // namespace

std::string validateGraph(const Graph& graph) {
  if (graph.nodes.empty()) return "the graph has no nodes";
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    const GraphNode& n = graph.nodes[i];
    for (int in : n.inputs)
      if (in < 0 || std::size_t(in) >= i)
        return formatText("node %d ('%s') reads node %d, which is not an earlier node", int(i),
                          n.name.c_str(), in);
    const std::size_t count = n.inputs.size();
    switch (n.kind) {
      case NodeKind::Input:
      case NodeKind::Constant:
        if (count != 0) return "node '" + n.name + "' is a leaf but has inputs";
        break;
      case NodeKind::Op:
        if (isLeafOp(n.op)) return "node '" + n.name + "' has a leaf operation";
        if (count != (isBinaryOp(n.op) ? 2u : 1u))
          return "node '" + n.name + "' has the wrong number of inputs for '" + n.label + "'";
        break;
      case NodeKind::WeightedSum:
        if (count == 0 || n.weights.size() != count)
          return "node '" + n.name + "' needs one weight per input";
        break;
      case NodeKind::SoftmaxLoss:
        if (count == 0 || n.class_label < 0 || std::size_t(n.class_label) >= count)
          return "node '" + n.name + "': the label must index one of its inputs";
        break;
    }
  }
  return "";
}

double softmaxCrossEntropy(const std::vector<double>& logits, int label,
                           std::vector<double>* probabilities) {
  const std::size_t top =
      std::size_t(std::max_element(logits.begin(), logits.end()) - logits.begin());
  const double max_logit = logits[top];
  // softmax_k = exp(l_k - max) / s with s = 1 + rest; L = (max - l_y) + log1p(rest), so that a
  // confident right answer gives a tiny positive loss rather than 0 by cancellation.
  double rest = 0;
  for (std::size_t k = 0; k < logits.size(); ++k)
    if (k != top) rest += std::exp(logits[k] - max_logit);
  if (probabilities) {
    probabilities->resize(logits.size());
    for (std::size_t k = 0; k < logits.size(); ++k)
      (*probabilities)[k] = std::exp(logits[k] - max_logit) / (1 + rest);
  }
  return (max_logit - logits[std::size_t(label)]) + std::log1p(rest);
}

GraphPass runGraph(const Graph& graph) {
  const std::size_t count = graph.nodes.size();
  GraphPass pass;
  pass.values.assign(count, 0);
  pass.adjoints.assign(count, 0);
  pass.contributions.assign(count, {});
  pass.softmax.assign(count, {});
  std::vector<double> locals;
  for (std::size_t i = 0; i < count; ++i) {
    const GraphNode& n = graph.nodes[i];
    pass.values[i] = forwardNode(n, pass.values, locals, pass.softmax[i]);
    for (std::size_t k = 0; k < n.inputs.size(); ++k) {
      GraphEdge e;
      e.from = n.inputs[k];
      e.to = int(i);
      e.slot = int(k);
      e.local = locals[k];
      pass.edges.push_back(e);
    }
  }
  if (count == 0) return pass;
  pass.adjoints[count - 1] = 1;
  // Edges are in node order, so walking them backwards finishes every node's adjoint before the
  // edges into its inputs are read.
  for (std::size_t k = pass.edges.size(); k-- > 0;) {
    GraphEdge& e = pass.edges[k];
    const double adjoint = pass.adjoints[std::size_t(e.to)];
    e.carried = e.local == 0 ? 0 : adjoint * e.local;
    pass.adjoints[std::size_t(e.from)] += e.carried;
    pass.contributions[std::size_t(e.from)].push_back(int(k));
    if (graph.nodes[std::size_t(e.to)].kind == NodeKind::WeightedSum)
      e.weight_gradient = adjoint * pass.values[std::size_t(e.from)];
  }
  for (std::vector<int>& list : pass.contributions) std::reverse(list.begin(), list.end());
  return pass;
}

Graph exerciseG2Graph(double a, double b) {
  Graph g;
  g.title = "e = (a + b)(b + 1)";
  g.nodes.push_back(inputNode("a", a));  // 0
  g.nodes.push_back(inputNode("b", b));  // 1
  GraphNode one;
  one.kind = NodeKind::Constant;
  one.name = "1";
  one.value = 1;
  g.nodes.push_back(one);                               // 2
  g.nodes.push_back(opNode("c", ExprOp::Add, {0, 1}));  // 3: c = a + b
  g.nodes.push_back(opNode("d", ExprOp::Add, {1, 2}));  // 4: d = b + 1
  g.nodes.push_back(opNode("e", ExprOp::Mul, {3, 4}));  // 5: e = c * d
  return g;
}

Graph networkGraph(const NetworkG1& net) {
  Graph g;
  g.title = "3-2-2 ReLU network, softmax cross-entropy";
  for (int j = 0; j < 3; ++j) g.nodes.push_back(inputNode(formatText("x%d", j + 1), net.x[j]));
  for (int i = 0; i < 2; ++i) {
    GraphNode z;
    z.kind = NodeKind::WeightedSum;
    z.name = formatText("z%d", i + 1);
    z.label = "W1 x";
    z.inputs = {0, 1, 2};
    z.weights = {net.w1[i][0], net.w1[i][1], net.w1[i][2]};
    g.nodes.push_back(z);
  }
  for (int i = 0; i < 2; ++i)
    g.nodes.push_back(opNode(formatText("h%d", i + 1), ExprOp::Relu, {NetworkNodes::z0 + i}));
  for (int i = 0; i < 2; ++i) {
    GraphNode o;
    o.kind = NodeKind::WeightedSum;
    o.name = formatText("o%d", i + 1);
    o.label = "W2 h";
    o.inputs = {NetworkNodes::h0, NetworkNodes::h0 + 1};
    o.weights = {net.w2[i][0], net.w2[i][1]};
    g.nodes.push_back(o);
  }
  GraphNode loss;
  loss.kind = NodeKind::SoftmaxLoss;
  loss.name = "L";
  loss.label = formatText("softmax CE, y = %d", net.label);
  loss.inputs = {NetworkNodes::o0, NetworkNodes::o0 + 1};
  loss.class_label = net.label;
  g.nodes.push_back(loss);
  return g;
}

void networkWeightGradients(const NetworkG1& /*net*/, const GraphPass& pass, double g1[2][3],
                            double g2[2][2]) {
  for (const GraphEdge& e : pass.edges) {
    if (e.to == NetworkNodes::z0 || e.to == NetworkNodes::z0 + 1)
      g1[e.to - NetworkNodes::z0][e.slot] = e.weight_gradient;
    if (e.to == NetworkNodes::o0 || e.to == NetworkNodes::o0 + 1)
      g2[e.to - NetworkNodes::o0][e.slot] = e.weight_gradient;
  }
}

NetworkG1 gradientStep(const NetworkG1& net, double step_size) {
  const GraphPass pass = runGraph(networkGraph(net));
  double g1[2][3] = {}, g2[2][2] = {};
  networkWeightGradients(net, pass, g1, g2);
  NetworkG1 next = net;
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 3; ++j) next.w1[i][j] -= step_size * g1[i][j];
    for (int j = 0; j < 2; ++j) next.w2[i][j] -= step_size * g2[i][j];
  }
  return next;
}

Graph expressionGraph(const Expression& expr, double x, double y) {
  Graph g;
  g.title = "f(" + expr.varNameX() + ", " + expr.varNameY() + ") = " + expr.text();
  const std::vector<ExprInstr>& program = expr.program();
  int op_count = 0;
  for (std::size_t i = 0; i < program.size(); ++i) {
    const ExprInstr& in = program[i];
    GraphNode n;
    if (in.op == ExprOp::VarX || in.op == ExprOp::VarY) {
      const bool is_x = in.op == ExprOp::VarX;
      n = inputNode(is_x ? expr.varNameX() : expr.varNameY(), is_x ? x : y);
      n.variable = is_x ? 0 : 1;
    } else if (in.op == ExprOp::Const) {
      n.kind = NodeKind::Constant;
      n.name = formatText("%g", in.c);
      n.value = in.c;
    } else {
      std::vector<int> inputs = {in.a};
      if (isBinaryOp(in.op)) inputs.push_back(in.b);
      n = opNode(formatText("u%d", ++op_count), in.op, std::move(inputs), in.c);
    }
    g.nodes.push_back(std::move(n));
  }
  if (!g.nodes.empty() && g.nodes.back().kind == NodeKind::Op) g.nodes.back().name = "f";
  return g;
}

Vec2 expressionGraphGradient(const Graph& graph, const GraphPass& pass) {
  Vec2 grad(0, 0);
  for (std::size_t i = 0; i < graph.nodes.size(); ++i)
    if (graph.nodes[i].variable >= 0) grad(graph.nodes[i].variable) = pass.adjoints[i];
  return grad;
}

}  // namespace gradlab
