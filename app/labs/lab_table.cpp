// The one table of labs. A new lab is one line here (and its folder).
#include <memory>
#include <vector>

#include "app/labs/activations/activation_lab_panel.h"
#include "app/labs/backprop/backprop_lab_panel.h"
#include "app/labs/backprop/backprop_options.h"
#include "app/labs/elbows/elbow_lab_panel.h"
#include "app/labs/elbows/elbow_options.h"
#include "app/labs/lab.h"
#include "app/labs/networks/network_lab_panel.h"
#include "app/labs/networks/network_options.h"
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
      {"networks", "Networks", kNetworkOptionsHelp,
       [] { return std::unique_ptr<Lab>(new NetworkLabPanel); }},
      {"elbows", "ReLU elbows", kElbowOptionsHelp,
       [] { return std::unique_ptr<Lab>(new ElbowLabPanel); }},
      {"stochastic", "Stochastic", kStochasticOptionsHelp,
       [] { return std::unique_ptr<Lab>(new StochasticLabPanel); }},
      {"backprop", "Backprop", kBackpropOptionsHelp,
       [] { return std::unique_ptr<Lab>(new BackpropLabPanel); }},
  };
  return table;
}

}  // namespace gradlab
