// The one table of labs. A new lab is one line here (and its folder).
#include <memory>
#include <vector>

#include "app/labs/activations/activation_lab_panel.h"
#include "app/labs/coming_lab.h"
#include "app/labs/elbows/elbow_lab_panel.h"
#include "app/labs/elbows/elbow_options.h"
#include "app/labs/lab.h"
#include "app/labs/optimizer/optimizer_lab_panel.h"
#include "app/labs/stochastic/stochastic_lab_panel.h"
#include "app/labs/stochastic/stochastic_options.h"

namespace gradlab {

const std::vector<LabEntry>& labTable() {
  static const std::vector<LabEntry> table = {
      {"optimizer", "Optimizer",
       "--scene FILE, --function NAME, --expr EXPR, --type-expr EXPR, --method M, --lr ETA, "
       "--start X,Y (repeatable), --compare, --pin X,Y, --tab hessian|sweep, --save-scene FILE",
       [] { return std::unique_ptr<Lab>(new OptimizerLabPanel); }},
      {"activations", "Activations",
       "--show NAME,..., --alpha A, --elu-alpha A, --beta B, --range MIN,MAX, --identity "
       "NAME,..., --second, --taylor DEGREE, --tolerance T, --scene FILE, --save-scene FILE",
       [] { return std::unique_ptr<Lab>(new ActivationLabPanel); }},
      {"networks", "Networks", "",
       [] {
         return std::unique_ptr<Lab>(new ComingLab(
             "Networks lab: coming - random MLPs and linear-network invertibility (EXERCISES B)."));
       }},
      {"elbows", "ReLU elbows", kElbowOptionsHelp,
       [] { return std::unique_ptr<Lab>(new ElbowLabPanel); }},
      {"stochastic", "Stochastic", kStochasticOptionsHelp,
       [] { return std::unique_ptr<Lab>(new StochasticLabPanel); }},
      {"backprop", "Backprop", "",
       [] {
         return std::unique_ptr<Lab>(new ComingLab(
             "Backprop lab: coming - forward and backward passes on graphs (EXERCISES G)."));
       }},
  };
  return table;
}

}  // namespace gradlab
