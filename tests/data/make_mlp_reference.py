#!/usr/bin/python3
"""Reference forward passes of fully connected networks from PyTorch for gradlab's core tests.

Run:   /usr/bin/python3 tests/data/make_mlp_reference.py   (from the repository root; needs
       python3-torch 1.13; takes a second). It rewrites tests/data/mlp/reference.txt
       deterministically; commit it. The C++ test (tests/core/test_mlp.cpp, TorchReference*)
       reads it and needs no PyTorch.

What: the script defines the weights (torch.manual_seed, randn, float64), builds torch networks
(nn.Sequential of nn.Linear and the activation's module) with exactly those weights, and writes
the weights, the inputs and torch's outputs, so the C++ test loads the same weights into its Mlp
and compares its forward pass to 1e-12. One network per activation (and parameter), on the
homework's shape 5-5-5-5 with x1 swept over [-10, 10] and x2..x5 random (EXERCISES B1), plus
odd shapes with and without biases and with the output layer linear.

Also torch's default nn.Linear initialization, measured: for nn.Linear(fan_in, 4000) it writes
fan_in, the largest |weight| and |bias|, and the weights' variance, which the test compares with
gradlab's TorchDefault initialization (U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for both).

Format (whitespace-separated, numbers %.17g, matrices row-major):
    network NAME ACTIVATION PARAM BIAS ACTIVATE_OUTPUT      (BIAS, ACTIVATE_OUTPUT: 0 or 1)
    widths n0 n1 ... nK
    weight ROWS COLS values...   (K times, each followed by)
    bias N values...
    inputs ROWS COLS values...   (one sample per column)
    outputs ROWS COLS values...
    torch_init FAN_IN MAX_ABS_WEIGHT MAX_ABS_BIAS WEIGHT_VARIANCE
"""
import math
import os

import torch
from torch import nn

F64 = torch.float64
torch.manual_seed(20240516)

# (gradlab name, parameter, torch module)
ACTIVATIONS = [
    ("relu", 0.0, lambda p: nn.ReLU()),
    ("leaky_relu", 0.1, lambda p: nn.LeakyReLU(p)),
    ("leaky_relu", 0.5, lambda p: nn.LeakyReLU(p)),
    ("linear", 0.0, lambda p: nn.Identity()),
    ("tanh", 0.0, lambda p: nn.Tanh()),
    ("sigmoid", 0.0, lambda p: nn.Sigmoid()),
    # threshold 1e6: the default 20 returns x itself for beta x > 20 (gradlab's softplus is exact)
    ("softplus", 1.0, lambda p: nn.Softplus(beta=p, threshold=1e6)),
    ("softplus", 2.5, lambda p: nn.Softplus(beta=p, threshold=1e6)),
    ("elu", 1.0, lambda p: nn.ELU(alpha=p)),
    ("elu", 0.3, lambda p: nn.ELU(alpha=p)),
    ("gelu", 0.0, lambda p: nn.GELU(approximate="none")),
    ("silu", 0.0, lambda p: nn.SiLU()),
    ("hardtanh", 0.0, lambda p: nn.Hardtanh()),
]


def numbers(t):
    return " ".join("%.17g" % v for v in t.flatten().tolist())


def build(widths, activation, param, bias, activate_output):
    layers = []
    for i in range(len(widths) - 1):
        linear = nn.Linear(widths[i], widths[i + 1], bias=bias).to(F64)
        with torch.no_grad():
            linear.weight.copy_(torch.randn(widths[i + 1], widths[i], dtype=F64))
            if bias:
                linear.bias.copy_(torch.randn(widths[i + 1], dtype=F64))
        layers.append(linear)
        if activate_output or i + 2 < len(widths):
            layers.append(activation(param))
    return nn.Sequential(*layers)


def homework_inputs(n_in, samples):
    """x1 swept over [-10, 10], the others random (one sample per column), plus random points."""
    base = torch.randn(n_in, 1, dtype=F64)
    x = base.repeat(1, samples)
    x[0, :] = torch.linspace(-10.0, 10.0, samples, dtype=F64)
    return torch.cat([x, 3.0 * torch.randn(n_in, 8, dtype=F64)], dim=1)


def write_network(out, name, widths, activation_name, param, module, bias, activate_output):
    net = build(widths, module, param, bias, activate_output)
    x = homework_inputs(widths[0], 41)
    with torch.no_grad():
        y = net(x.T).T  # torch: one sample per row
    out.write("network %s %s %.17g %d %d\n" % (name, activation_name, param, int(bias),
                                               int(activate_output)))
    out.write("widths %s\n" % " ".join(str(w) for w in widths))
    for layer in net:
        if isinstance(layer, nn.Linear):
            w = layer.weight.detach()
            out.write("weight %d %d %s\n" % (w.shape[0], w.shape[1], numbers(w)))
            b = layer.bias.detach() if bias else torch.zeros(w.shape[0], dtype=F64)
            out.write("bias %d %s\n" % (b.shape[0], numbers(b)))
    out.write("inputs %d %d %s\n" % (x.shape[0], x.shape[1], numbers(x)))
    out.write("outputs %d %d %s\n" % (y.shape[0], y.shape[1], numbers(y)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "mlp"), exist_ok=True)
    path = os.path.join(here, "mlp", "reference.txt")
    with open(path, "w") as out:
        out.write("# gradlab MLP reference, torch %s, float64\n" % torch.__version__)
        for activation_name, param, module in ACTIVATIONS:
            name = "%s_%g_homework" % (activation_name, param)
            write_network(out, name, [5, 5, 5, 5], activation_name, param, module, True, True)
        # Odd shapes: no biases, the output layer linear, one layer, a bottleneck.
        write_network(out, "tanh_3_7_4_2_nobias", [3, 7, 4, 2], "tanh", 0.0, ACTIVATIONS[4][2],
                      False, True)
        write_network(out, "relu_4_6_3_linear_output", [4, 6, 3], "relu", 0.0,
                      ACTIVATIONS[0][2], True, False)
        write_network(out, "gelu_2_1", [2, 1], "gelu", 0.0, ACTIVATIONS[10][2], True, True)
        # torch's own default initialization, measured on big layers.
        for fan_in in (5, 64, 300):
            linear = nn.Linear(fan_in, 4000).to(F64)
            w, b = linear.weight.detach(), linear.bias.detach()
            assert w.abs().max().item() <= 1 / math.sqrt(fan_in)
            out.write("torch_init %d %.17g %.17g %.17g\n" % (fan_in, w.abs().max().item(),
                                                             b.abs().max().item(),
                                                             w.var().item()))
    print("wrote", path)


if __name__ == "__main__":
    main()
