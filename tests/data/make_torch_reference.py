#!/usr/bin/python3
"""Reference optimizer trajectories from PyTorch for gradlab's C++ optimizer tests.

Run:   /usr/bin/python3 tests/data/make_torch_reference.py      (from the repository root;
       needs python3-torch 1.13; takes a few seconds). Re-running rewrites every CSV under
       tests/data/torch/ deterministically; commit them. The C++ test
       (tests/core/test_optimizers.cpp, TorchReference*) reads them and needs no PyTorch.

What: for each function x method x hyperparameter setting, one CSV with iterates 0..STEPS:
    line 1  "# gradlab torch reference, torch <version>, float64"
    line 2  "# function=<name> method=<gradlab cli name> maximize=0|1 start=x,y steps=N
             <param>=<value> ..."   (PyTorch's own hyperparameter names; betas split into
             beta1/beta2; gradlab-only methods use gradlab's names)
    line 3  "iter,x,y,f,gx,gy"
    then one row per iterate (fewer than STEPS + 1 for gd-armijo when the line search can no
    longer measure a change at the optimum, for lbfgs when a step leaves the point unchanged,
    and where STEPS_FOR says so), numbers with %.17g: the point, f and the gradient at the point
    before the step is taken.

How: gd, momentum, nesterov, adagrad, rmsprop, adam and amsgrad are torch.optim.SGD / Adagrad /
RMSprop / Adam themselves (gradient from autograd, `maximize` passed to the optimizer); lbfgs is
torch.optim.LBFGS with max_iter=1 (one .step() per gradlab step; maximized functions as -f).
gd-armijo, newton and damped-newton are not in torch.optim; they are written out below in a
few lines of torch (autograd gradient; Hessian from torch.autograd.functional.hessian; the
Newton system solved with torch.linalg.solve), independent of gradlab's C++.

Functions (written here in torch, independent of gradlab's C++ objectives):
    two-bumps   EXERCISES C4, maximized
    rosenbrock  (1 - x)^2 + 100 (y - x^2)^2, minimized
    quadratic   EXERCISES C5: x1^2 - 3 x1 + x2^2 - x1 x2, minimized
"""

import os

import torch

torch.set_default_dtype(torch.float64)

STEPS = 60
# Fewer steps where the iteration is chaotic: L-BFGS without a line search on Rosenbrock
# amplifies the last-bit difference between autograd's gradient and a closed-form one about
# 1e6-fold between steps 25 and 40 (checked by feeding torch's own gradients back: every single
# step then agrees to 1e-14), so only the first 25 steps are a meaningful 1e-9 reference.
STEPS_FOR = {("rosenbrock", "lbfgs"): 25}
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch")


def two_bumps(w):
    return torch.exp(-w[0] ** 2 - 2 * (w[1] - 1) ** 2) + torch.exp(-(w[0] - 1) ** 2 - 2 * w[1] ** 2)


def rosenbrock(w):
    return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2


def quadratic(w):
    return w[0] ** 2 - 3 * w[0] + w[1] ** 2 - w[0] * w[1]


# name -> (function, maximize, start)
FUNCTIONS = {
    "two-bumps": (two_bumps, True, (0.5, 0.2)),
    "rosenbrock": (rosenbrock, False, (-1.2, 1.0)),
    "quadratic": (quadratic, False, (1.0, 1.0)),
}

# (function, method) -> two hyperparameter settings "a" and "b". The first is mostly defaults
# with a step size suited to the function; the second changes every other knob the method has.
SETTINGS = {
    "two-bumps": {
        "gd": [dict(lr=0.1), dict(lr=1.0, weight_decay=0.01)],
        "momentum": [dict(lr=0.1, momentum=0.9), dict(lr=0.05, momentum=0.5, dampening=0.2, weight_decay=0.01)],
        "nesterov": [dict(lr=0.1, momentum=0.9), dict(lr=0.05, momentum=0.6, weight_decay=0.01)],
        "adagrad": [dict(lr=0.1), dict(lr=0.5, lr_decay=0.05, initial_accumulator_value=0.1, eps=1e-6, weight_decay=0.01)],
        "rmsprop": [dict(lr=0.01), dict(lr=0.05, alpha=0.9, eps=1e-6, momentum=0.5, centered=True, weight_decay=0.01)],
        "adam": [dict(lr=0.05), dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01)],
        "amsgrad": [dict(lr=0.05), dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01)],
        "gd-armijo": [dict(lr=1.0, c=1e-4, shrink=0.5), dict(lr=8.0, c=0.3, shrink=0.7)],
        "newton": [dict()],
        "damped-newton": [dict(eta=0.5), dict(eta=0.8)],
        "lbfgs": [dict(lr=1.0), dict(lr=0.5, history_size=3)],
    },
    "rosenbrock": {
        "gd": [dict(lr=1e-3), dict(lr=5e-4, weight_decay=0.01)],
        "momentum": [dict(lr=1e-4, momentum=0.9), dict(lr=5e-4, momentum=0.5, dampening=0.2, weight_decay=0.01)],
        "nesterov": [dict(lr=1e-4, momentum=0.9), dict(lr=5e-4, momentum=0.6, weight_decay=0.01)],
        "adagrad": [dict(lr=0.1), dict(lr=0.5, lr_decay=0.05, initial_accumulator_value=0.1, eps=1e-6, weight_decay=0.01)],
        "rmsprop": [dict(lr=0.01), dict(lr=0.005, alpha=0.9, eps=1e-6, momentum=0.5, centered=True, weight_decay=0.01)],
        "adam": [dict(lr=0.05), dict(lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01)],
        "amsgrad": [dict(lr=0.05), dict(lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01)],
        "gd-armijo": [dict(lr=1.0, c=1e-4, shrink=0.5), dict(lr=0.1, c=0.3, shrink=0.7)],
        "newton": [dict()],
        "damped-newton": [dict(eta=0.5), dict(eta=0.8)],
        # Without a line search, L-BFGS at lr 1 is thrown out to f ~ 1e7 here, where one step
        # turns last-bit differences into 3e-10; at lr 0.2 / 0.1 each step agrees with torch to
        # 1e-14, but see STEPS_FOR.
        "lbfgs": [dict(lr=0.2), dict(lr=0.1, history_size=3)],
    },
    "quadratic": {
        "gd": [dict(lr=0.5), dict(lr=0.1, weight_decay=0.01)],
        "momentum": [dict(lr=0.1, momentum=0.9), dict(lr=0.2, momentum=0.5, dampening=0.2, weight_decay=0.01)],
        "nesterov": [dict(lr=0.1, momentum=0.9), dict(lr=0.2, momentum=0.6, weight_decay=0.01)],
        "adagrad": [dict(lr=0.1), dict(lr=0.5, lr_decay=0.05, initial_accumulator_value=0.1, eps=1e-6, weight_decay=0.01)],
        # Centered RMSProp at lr 0.05 here amplifies last-bit differences of the gradient about
        # 1e4-fold between steps 50 and 60 (sqrt of v - g_avg^2), so the setting uses lr 0.02.
        "rmsprop": [dict(lr=0.01), dict(lr=0.02, alpha=0.9, eps=1e-6, momentum=0.5, centered=True, weight_decay=0.01)],
        "adam": [dict(lr=0.05), dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01)],
        "amsgrad": [dict(lr=0.05), dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01)],
        "gd-armijo": [dict(lr=1.0, c=1e-4, shrink=0.5), dict(lr=4.0, c=0.3, shrink=0.7)],
        "newton": [dict()],
        "damped-newton": [dict(eta=0.5), dict(eta=0.8)],
        "lbfgs": [dict(lr=1.0), dict(lr=0.5, history_size=3)],
    },
}


def torch_optimizer(method, params, w, maximize):
    """The torch.optim optimizer for a gradlab method name."""
    p = dict(params)
    if method in ("gd", "momentum", "nesterov"):
        return torch.optim.SGD([w], nesterov=(method == "nesterov"), maximize=maximize, **p)
    if method == "adagrad":
        return torch.optim.Adagrad([w], maximize=maximize, **p)
    if method == "rmsprop":
        return torch.optim.RMSprop([w], maximize=maximize, **p)
    if method in ("adam", "amsgrad"):
        return torch.optim.Adam([w], amsgrad=(method == "amsgrad"), maximize=maximize, **p)
    raise ValueError(method)


def value_and_grad(f, w_values):
    w = w_values.clone().requires_grad_(True)
    y = f(w)
    (g,) = torch.autograd.grad(y, w)
    return y.detach(), g


def run_torch_optim(f, method, params, start, maximize, steps):
    w = torch.tensor(start, requires_grad=True)
    opt = torch_optimizer(method, params, w, maximize)
    rows = []
    for k in range(steps + 1):
        opt.zero_grad()
        y = f(w)
        y.backward()
        rows.append((k, w[0].item(), w[1].item(), y.item(), w.grad[0].item(), w.grad[1].item()))
        if k < steps:
            opt.step()
    return rows


def run_lbfgs(f, params, start, maximize, steps):
    # torch.optim.LBFGS with max_iter=1: one .step(closure) is one gradlab step. It has no
    # maximize flag, so a maximized function is minimized as -f. The file ends when a step
    # leaves the point unchanged (gradient below tolerance_grad, or no descent direction).
    w = torch.tensor(start, requires_grad=True)
    opt = torch.optim.LBFGS([w], max_iter=1, **params)
    sign = -1.0 if maximize else 1.0

    def closure():
        opt.zero_grad()
        loss = sign * f(w)
        loss.backward()
        return loss

    rows = []
    for k in range(steps + 1):
        y, g = value_and_grad(f, w.detach())
        rows.append((k, w[0].item(), w[1].item(), y.item(), g[0].item(), g[1].item()))
        if k == steps:
            break
        before = w.detach().clone()
        opt.step(closure)
        if torch.equal(before, w.detach()):
            break
    return rows


def run_armijo(f, params, start, maximize, steps):
    # Backtracking: t = lr, lr*shrink, ... until improvement >= c t ||g||^2 (at most 50 shrinks).
    # The file ends early if a step finds no sufficient change (rounding at the optimum).
    w = torch.tensor(start)
    rows = []
    for k in range(steps + 1):
        y, g = value_and_grad(f, w)
        rows.append((k, w[0].item(), w[1].item(), y.item(), g[0].item(), g[1].item()))
        if k == steps:
            break
        sign = 1.0 if maximize else -1.0
        t = params["lr"]
        g2 = torch.dot(g, g).item()
        for _ in range(51):
            trial = w + (sign * t) * g
            yt = f(trial).item()
            improvement = (yt - y.item()) if maximize else (y.item() - yt)
            if improvement >= params["c"] * t * g2:
                break
            t *= params["shrink"]
        else:
            break  # no sufficient change measurable any more (at the optimum): end the file here
        w = trial
    return rows


def run_newton(f, eta, start, steps):
    # w <- w - eta H^-1 g (the same step for minimizing and maximizing).
    w = torch.tensor(start)
    rows = []
    for k in range(steps + 1):
        y, g = value_and_grad(f, w)
        rows.append((k, w[0].item(), w[1].item(), y.item(), g[0].item(), g[1].item()))
        if k == steps:
            break
        h = torch.autograd.functional.hessian(f, w)
        w = w - eta * torch.linalg.solve(h, g)
    return rows


def header_params(method, params):
    out = []
    for key, value in params.items():
        if key == "betas":
            out.append("beta1=%.17g" % value[0])
            out.append("beta2=%.17g" % value[1])
        elif isinstance(value, bool):
            out.append("%s=%d" % (key, int(value)))
        else:
            out.append("%s=%.17g" % (key, value))
    return out


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for old in os.listdir(OUT_DIR):
        if old.endswith(".csv"):
            os.remove(os.path.join(OUT_DIR, old))
    count = 0
    for fname, (f, maximize, start) in FUNCTIONS.items():
        for method, settings in SETTINGS[fname].items():
            for label, params in zip("ab", settings):
                steps = STEPS_FOR.get((fname, method), STEPS)
                if method == "gd-armijo":
                    rows = run_armijo(f, params, start, maximize, steps)
                elif method == "lbfgs":
                    rows = run_lbfgs(f, params, start, maximize, steps)
                elif method in ("newton", "damped-newton"):
                    rows = run_newton(f, params.get("eta", 1.0), start, steps)
                else:
                    rows = run_torch_optim(f, method, params, start, maximize, steps)
                meta = ["function=%s" % fname, "method=%s" % method, "maximize=%d" % int(maximize),
                        "start=%.17g,%.17g" % start, "steps=%d" % (len(rows) - 1)]
                meta += header_params(method, params)
                path = os.path.join(OUT_DIR, "%s__%s__%s.csv" % (fname, method, label))
                with open(path, "w") as out:
                    out.write("# gradlab torch reference, torch %s, float64\n" % torch.__version__)
                    out.write("# " + " ".join(meta) + "\n")
                    out.write("iter,x,y,f,gx,gy\n")
                    for r in rows:
                        out.write("%d,%.17g,%.17g,%.17g,%.17g,%.17g\n" % r)
                count += 1
    print("wrote %d files to %s" % (count, OUT_DIR))


if __name__ == "__main__":
    main()
