#!/usr/bin/python3
"""Reference values for core/relu_net.h from PyTorch 1.13 (float64 autograd).

f(x) = sum_j u_j act(a_j x + b_j) + c, loss = torch.nn.MSELoss() (mean). Writes
tests/data/relu_net/reference.txt: one line per quantity, "name v1 v2 ...", parameters in the
order [a_1..a_p, b_1..b_p, u_1..u_p, c]. Includes a pre-activation exactly 0 (x = 0, b = 0) to
pin the kink conventions (relu'(0) = 0, leaky_relu'(0) = alpha), and full-batch SGD and Adam
trajectories (torch.optim defaults otherwise). Run: /usr/bin/python3 make_relu_net_reference.py
"""
import os
import torch

torch.set_default_dtype(torch.float64)

P = 5
a0 = [1.3, -0.7, 0.4, 2.0, -1.1]
b0 = [0.2, 0.5, 0.0, -3.5, 0.9]  # unit 3: b = 0 and x = 0 gives z = 0; unit 4: dead on the data
u0 = [0.8, -1.2, 0.5, 0.9, -0.3]
c0 = 0.1
xs = [-1.5, -0.6, 0.0, 0.3, 0.9, 1.4, 1.7]
ys = [0.4, -0.2, 0.1, 0.5, 0.3, -0.4, 0.6]
batch = [0, 2, 2, 4, 6]  # a repeated index counts twice
ALPHA = 0.1


def params():
    return [torch.tensor(v, requires_grad=True) for v in (a0, b0, u0, [c0])]


def forward(ps, x, alpha):
    a, b, u, c = ps
    z = a[None, :] * x[:, None] + b[None, :]
    h = torch.relu(z) if alpha is None else torch.nn.functional.leaky_relu(z, alpha)
    return h @ u + c[0]


def loss_and_grad(alpha, idx):
    ps = params()
    x = torch.tensor([xs[i] for i in idx])
    y = torch.tensor([ys[i] for i in idx])
    loss = torch.nn.MSELoss()(forward(ps, x, alpha), y)
    loss.backward()
    return loss.item(), [g for p in ps for g in p.grad.tolist()]


def trajectory(alpha, make_opt, steps):
    ps = params()
    opt = make_opt(ps)
    x, y = torch.tensor(xs), torch.tensor(ys)
    out = []
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.MSELoss()(forward(ps, x, alpha), y).backward()
        opt.step()
        out.append([v for p in ps for v in p.detach().tolist()])
    return out


def line(name, values):
    return name + " " + " ".join(repr(float(v)) for v in values) + "\n"


here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "relu_net"), exist_ok=True)
with open(os.path.join(here, "relu_net", "reference.txt"), "w") as f:
    f.write("# made by tests/data/make_relu_net_reference.py with torch " + torch.__version__ + "\n")
    f.write(line("params", a0 + b0 + u0 + [c0]))
    f.write(line("xs", xs))
    f.write(line("ys", ys))
    f.write(line("batch", batch))
    f.write(line("alpha", [ALPHA]))
    for name, alpha in (("relu", None), ("leaky", ALPHA)):
        loss, grad = loss_and_grad(alpha, range(len(xs)))
        f.write(line(name + "_loss_all", [loss]))
        f.write(line(name + "_grad_all", grad))
        loss, grad = loss_and_grad(alpha, batch)
        f.write(line(name + "_loss_batch", [loss]))
        f.write(line(name + "_grad_batch", grad))
    for k, w in enumerate(trajectory(None, lambda ps: torch.optim.SGD(ps, lr=0.1), 5)):
        f.write(line("relu_sgd_0.1_step%d" % (k + 1), w))
    for k, w in enumerate(trajectory(ALPHA, lambda ps: torch.optim.Adam(ps, lr=0.05), 5)):
        f.write(line("leaky_adam_0.05_step%d" % (k + 1), w))
