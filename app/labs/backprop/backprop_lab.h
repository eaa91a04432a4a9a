// The Backprop lab's state and logic, with no ImGui and no GL: the scene (which graph, its inputs
// and weights, the typed formula and its point, G3's logits, G4's W, z and g) and what the views
// draw (the graph, its forward and backward pass, G3's curve, G4's two gradients), recomputed by
// each state change in the same call. Tested headless (tests/app/test_backprop_lab.cpp).
#pragma once

#include <Eigen/Core>

#include <string>
#include <vector>

#include "app/views/typing_pause.h"
#include "core/activations.h"
#include "core/expression.h"
#include "core/graph.h"

namespace gradlab {

// [SECTION] The scene (the lab's inputs)

enum class GraphChoice { G2, G1, Typed };
// "g2", "g1", "expr" (scene files and --graph); false for another name.
const char* graphChoiceName(GraphChoice choice);
bool graphChoiceFromName(const std::string& name, GraphChoice* choice);

struct BackpropScene {
  GraphChoice graph = GraphChoice::G1;
  double a = 2, b = 1;      // G2's inputs: c = 3, d = 2, e = 6, de/da = 2, de/db = 5
  NetworkG1 network;        // G1's inputs, weights and label (EXERCISES G1)
  double step_size = 0.01;  // the gradient-descent step on G1's weights, in (0, 10]
  std::string expression = "x^2*y + exp(-x*y)";  // the typed graph's formula
  double x = 1, y = 2;                           // and the point it is evaluated at
  std::vector<double> logits = {1, 2, -1};       // G3: the logits f (2 to 6 classes)
  int g3_label = 0;                              // G3: the true class y
  Eigen::MatrixXd w = defaultG4Matrix();         // G4: W (2 x 3)
  Eigen::VectorXd z = defaultG4Vector();         // G4: z (3)
  Activation g = Activation::Tanh;               // G4: g

  static Eigen::MatrixXd defaultG4Matrix();
  static Eigen::VectorXd defaultG4Vector();
};

constexpr double kBackpropValueLimit = 1e6;  // |inputs, weights, logits, W, z| at most this
constexpr double kG3Span = 12;               // G3's curve: the label's logit +- this

// "" or what is wrong, naming the field as the scene file does ("network.w1[0][2] must be in
// [-1e+06, 1e+06]", "step_size must be in (0, 10]").
std::string validateBackpropScene(const BackpropScene& scene);

// [SECTION] What the views draw

struct BackpropLab {
  BackpropScene scene;
  Expression compiled;            // the scene's formula, compiled (always ok())
  std::string expression_text;    // what the formula box holds (may not compile)
  std::string expression_error;   // why expression_text was not taken ("" when it was)
  TypingPause expression_typing;  // the box's text applies once typing pauses

  Graph graph;                   // the chosen graph at the scene's values
  GraphPass pass;                // its forward and backward pass
  int selected = -1;             // the node whose adjoint sum is written out (G2: b)
  Vec2 compiler_gradient{0, 0};  // typed graphs: the expression compiler's gradient (duals)
  double compiler_value = 0;

  std::vector<double> loss_history;  // G1: the loss before each gradient step and after the last

  std::vector<double> g3_ts, g3_loss;  // G3: L against the label's logit
  Eigen::MatrixXd g4_gradient, g4_finite_difference;

  long recomputes = 0;  // grows with every graph recompute (bench-frames, tests)
  long version = 0;     // grows with every change the views draw
};

// [SECTION] State changes (each recomputes what it invalidates, at once)

void resetBackpropLab(BackpropLab& lab);
// Makes `scene` the lab's after validating it (and compiling its formula); "" or the problem
// (the lab is then unchanged).
std::string applyBackpropScene(BackpropLab& lab, const BackpropScene& scene);

void setGraphChoice(BackpropLab& lab, GraphChoice choice);
void setG2Inputs(BackpropLab& lab, double a, double b);
// Any of G1's numbers (inputs, weights): the scene's network after an edit.
std::string setNetwork(BackpropLab& lab, const NetworkG1& network);
void setLabel(BackpropLab& lab, int label);
std::string setStepSize(BackpropLab& lab, double step_size);
// One gradient-descent step on G1's weights with the scene's step size.
void takeGradientStep(BackpropLab& lab);
// Back to EXERCISES G1's weights (inputs and label kept).
void resetNetworkWeights(BackpropLab& lab);
// The typed formula: taken when it compiles ("" returned), else kept as text with the error.
std::string setExpression(BackpropLab& lab, const std::string& text);
// The formula box, as the optimizer lab's: a keystroke's text (typeExpression) is set
// (setExpression) once typing pauses for TypingPause::kPause seconds (advanceExpressionTyping)
// or at once on Enter (commitExpression). Each returns true when it set the text.
void typeExpression(BackpropLab& lab, const std::string& text);
bool advanceExpressionTyping(BackpropLab& lab, double dt);
bool commitExpression(BackpropLab& lab);
void setPoint(BackpropLab& lab, double x, double y);
void selectNode(BackpropLab& lab, int node);
std::string setG3(BackpropLab& lab, const std::vector<double>& logits, int label);
std::string setG4(BackpropLab& lab, const Eigen::MatrixXd& w, const Eigen::VectorXd& z,
                  Activation g);

// [SECTION] Reading the results

// A number as a node prints it: "6", "-11", "2.32e-16", "0.3333".
std::string formatNodeNumber(double v);
// The selected node's adjoint written as its sum over paths:
// "de/db = 2 (via c) + 3 (via d) = 5"; the output's: "de/de = 1 (the output)".
std::string adjointSumText(const BackpropLab& lab, int node);
// max |graph gradient - compiler gradient| (typed graphs), 0 otherwise.
double compilerDifference(const BackpropLab& lab);

}  // namespace gradlab
