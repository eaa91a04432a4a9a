// Computational graphs with a forward pass and reverse-mode gradients, every step kept so that a
// view can show it (EXERCISES G): each node's value and adjoint dL/dnode, each edge's local
// derivative and the adjoint it carries back, and for each node the list of contributions whose
// sum is its adjoint ("both paths into b are summed", G2).
//
// Nodes are scalars. Besides the expression language's operations (core/expression.h, whose one
// definition of each local derivative is reused), a graph has two network nodes: a weighted sum
// sum_k w_k in_k whose weights live on its input edges (a neuron; its weight gradients are
// adjoint * input), and the softmax cross-entropy of its inputs (the logits) for a label.
//
// [SECTION] The graph
// [SECTION] Forward and backward passes
// [SECTION] Built-in graphs: G2, the G1 network, typed expressions
#pragma once

#include <string>
#include <vector>

#include "core/expression.h"

namespace gradlab {

// [SECTION] The graph

enum class NodeKind {
  Input,        // a leaf the user sets (a, b, x1, ...); value in GraphNode::value
  Constant,     // a leaf that is a number of the formula
  Op,           // one expression-language operation (GraphNode::op, with GraphNode::c)
  WeightedSum,  // sum_k weights[k] * inputs[k]
  SoftmaxLoss,  // -log softmax(inputs)[label]
};

struct GraphNode {
  NodeKind kind = NodeKind::Input;
  std::string name;           // "a", "c", "h1", "L": drawn in the node
  std::string label;          // the operation as drawn: "+", "*", "relu", "W1 x", "softmax CE"
  std::vector<int> inputs;    // earlier nodes (a graph is in topological order)
  double value = 0;           // Input and Constant: the value
  ExprOp op = ExprOp::Const;  // Op: the operation, its parameter in c
  double c = 0;
  std::vector<double> weights;  // WeightedSum: one per input
  int class_label = 0;          // SoftmaxLoss: the true class y (index into inputs)
  int variable = -1;            // typed graphs' Input nodes: 0 for x, 1 for y
};

struct Graph {
  std::vector<GraphNode> nodes;  // topological order; the last node is the output
  std::string title;             // "e = (a + b)(b + 1)"
};

// "" or what is wrong (inputs not earlier nodes, weights not one per input, a label out of range).
std::string validateGraph(const Graph& graph);

// [SECTION] Forward and backward passes

// One edge input -> node as the backward pass sees it.
struct GraphEdge {
  int from = 0, to = 0;        // node indices: from is the input, to the node that reads it
  int slot = 0;                // which input of `to` (x * x has two edges from x)
  double local = 0;            // d to / d from at the forward values
  double carried = 0;          // adjoint(to) * local: what this edge adds to adjoint(from)
  double weight_gradient = 0;  // WeightedSum: dL/dw of this edge's weight (adjoint(to) * from)
};

struct GraphPass {
  std::vector<double> values;    // forward value of each node
  std::vector<double> adjoints;  // dL/dnode, L the output
  std::vector<GraphEdge> edges;  // one per (node, input slot), in node order
  // For each node, the edges that carry an adjoint into it (edges whose `from` is the node): its
  // adjoint is the sum of their `carried` (the output's is 1 and has none).
  std::vector<std::vector<int>> contributions;
  // SoftmaxLoss nodes: the softmax probabilities of their inputs (empty for other nodes).
  std::vector<std::vector<double>> softmax;
};

// Runs the forward pass, then the backward pass from the last node (adjoint 1). A contribution
// whose local derivative is exactly 0 is 0, even when the adjoint is infinite (PyTorch's masked
// backward of relu; the expression compiler drops such chain-rule terms the same way).
GraphPass runGraph(const Graph& graph);

// The softmax of `logits` and the cross-entropy -log softmax[label] = logsumexp - logits[label],
// overflow-free (the max is subtracted first). *probabilities may be null.
double softmaxCrossEntropy(const std::vector<double>& logits, int label,
                           std::vector<double>* probabilities);

// [SECTION] Built-in graphs

// EXERCISES G2: c = a + b, d = b + 1, e = c * d, at (a, b). de/da = d, de/db = c + d.
Graph exerciseG2Graph(double a, double b);

// EXERCISES G1's 3-2-2 network: inputs x (3), z = W1 x, h = relu(z), o = W2 h, L = softmax
// cross-entropy of o for `label` (0 or 1). Row-major weights: W1 is 2x3, W2 2x2.
struct NetworkG1 {
  double x[3] = {3, 1, -1};
  double w1[2][3] = {{2, 1, -2}, {-1, -3, 5}};
  double w2[2][2] = {{6, -1}, {2, 8}};
  int label = 0;
};
Graph networkGraph(const NetworkG1& net);
// The indices of the network graph's nodes, in the order networkGraph makes them.
struct NetworkNodes {
  static constexpr int x0 = 0, z0 = 3, h0 = 5, o0 = 7, loss = 9;
};
// dL/dW1 and dL/dW2 from a pass of networkGraph(net).
void networkWeightGradients(const NetworkG1& net, const GraphPass& pass, double g1[2][3],
                            double g2[2][2]);
// One gradient-descent step on the weights: W <- W - step_size dL/dW.
NetworkG1 gradientStep(const NetworkG1& net, double step_size);

// A typed expression as a graph: one node per instruction of its compiled program (variables are
// Input nodes named as typed, shared by every use), evaluated at (x, y). Requires expr.ok().
Graph expressionGraph(const Expression& expr, double x, double y);
// The adjoints of the expression graph's inputs: (df/dx, df/dy); 0 for a variable the formula
// does not use.
Vec2 expressionGraphGradient(const Graph& graph, const GraphPass& pass);

}  // namespace gradlab
