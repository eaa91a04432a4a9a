#!/usr/bin/python3
"""Reference activation values and autograd derivatives from PyTorch for gradlab's core tests.

Run:   /usr/bin/python3 tests/data/make_activation_reference.py   (from the repository root;
       needs python3-torch 1.13; takes a second). It rewrites
       tests/data/activations/reference.csv deterministically; commit it. The C++ test
       (tests/core/test_activations.cpp, TorchReference*) reads it and needs no PyTorch.

What: for each activation (and parameter setting) at 31 points, float64:
    line 1  "# gradlab activation reference, torch <version>, float64"
    line 2  "name,param,x,f,d1,d2"
    then one row per point, numbers with %.17g: f(x), f'(x) and f''(x), the derivatives by
    torch.autograd.grad (the second with create_graph=True), so the conventions at kinks
    (relu'(0), leaky_relu'(0), elu'(0) and elu''(0), hardtanh'(+-1)) are PyTorch's own.
The points include the kinks 0, -1 and 1 and reach |x| = 30. Softplus is called with
threshold=1e6: PyTorch's default threshold 20 returns x itself for beta x > 20 (off by up to 2e-9),
gradlab's softplus is exact.
"""
import os

import torch
import torch.nn.functional as F

F64 = torch.float64
POINTS = [-30.0, -12.0, -8.0, -5.0, -3.5, -2.5, -2.0, -1.5, -1.0, -0.75, -0.5, -0.25, -0.1,
          -1e-3, 0.0, 1e-3, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.5, 5.0, 8.0, 12.0,
          30.0, 0.3, -0.7]

# (gradlab name, parameter or 0, torch function of a tensor)
CASES = [
    ("relu", 0.0, F.relu),
    ("leaky_relu", 0.01, lambda x: F.leaky_relu(x, 0.01)),
    ("leaky_relu", 0.1, lambda x: F.leaky_relu(x, 0.1)),
    ("leaky_relu", 0.5, lambda x: F.leaky_relu(x, 0.5)),
    ("linear", 0.0, lambda x: x * 1.0),
    ("tanh", 0.0, torch.tanh),
    ("sigmoid", 0.0, torch.sigmoid),
    ("softplus", 1.0, lambda x: F.softplus(x, beta=1.0, threshold=1e6)),
    ("softplus", 2.5, lambda x: F.softplus(x, beta=2.5, threshold=1e6)),
    ("softplus", 0.5, lambda x: F.softplus(x, beta=0.5, threshold=1e6)),
    ("elu", 1.0, lambda x: F.elu(x, alpha=1.0)),
    ("elu", 0.5, lambda x: F.elu(x, alpha=0.5)),
    ("gelu", 0.0, lambda x: F.gelu(x, approximate="none")),
    ("silu", 0.0, F.silu),
    ("hardtanh", 0.0, F.hardtanh),
]


def derivatives(fn, x):
    t = torch.tensor(x, dtype=F64, requires_grad=True)
    y = fn(t)
    (d1,) = torch.autograd.grad(y, t, create_graph=True)
    if d1.requires_grad:
        (d2,) = torch.autograd.grad(d1, t)
        d2 = d2.item()
    else:  # piecewise linear: the first derivative does not depend on x
        d2 = 0.0
    return y.item(), d1.item(), d2


def main():
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "activations")
    os.makedirs(out_dir, exist_ok=True)
    lines = ["# gradlab activation reference, torch %s, float64" % torch.__version__,
             "name,param,x,f,d1,d2"]
    for name, param, fn in CASES:
        for x in POINTS:
            f, d1, d2 = derivatives(fn, x)
            lines.append("%s,%.17g,%.17g,%.17g,%.17g,%.17g" % (name, param, x, f, d1, d2))
    with open(os.path.join(out_dir, "reference.csv"), "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
