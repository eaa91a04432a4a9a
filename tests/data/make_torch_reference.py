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

n-D, mini-batch (tests/core/test_stochastic.cpp reads them; files under tests/data/torch_nd/):
    least_squares_data.csv     F (40 x 10) and y, made here from Python's random.Random(LS_SEED)
                               (any numbers would do: the C++ test reads them from this file)
    least_squares_batches.csv  the mini-batch indices of every step: gradlab's sampler
                               (core/stochastic.h: std::mt19937_64(seed), a Fisher-Yates shuffle
                               per epoch with j = rng() % (i + 1), batches in order), computed by
                               the mt19937_64 below; the C++ test checks its sampler gives the same
    least_squares__<method>.csv  torch.optim on L_S(w) = ||F_S w - y_S||^2 / (2 |S|) over each
                               step's batch S, float64: "iter,loss,w0..w9", loss over all 40 rows
    So the test needs neither torch nor torch's random numbers.
"""

import os
import random

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


# [n-D] Mini-batch least squares with 10 parameters -------------------------------------------

ND_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_nd")
LS_ROWS, LS_DIM = 40, 10
LS_SEED = 20261129  # for F, the true w and the noise (random.Random: the same on every platform)
SAMPLER_SEED = 7    # gradlab's SamplerConfig::seed
BATCH_SIZE = 8      # 5 batches per epoch
ND_STEPS = 50       # 10 epochs
ND_START = [0.5 * (-1) ** i * (1 + 0.1 * i) for i in range(LS_DIM)]

# One setting per first-order method (gradlab cli name -> torch.optim hyperparameters).
ND_SETTINGS = {
    "gd": dict(lr=0.1),
    "momentum": dict(lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01),
    "nesterov": dict(lr=0.05, momentum=0.8),
    "adagrad": dict(lr=0.3, lr_decay=0.01, initial_accumulator_value=0.1),
    "rmsprop": dict(lr=0.02, alpha=0.9, momentum=0.5, centered=True),
    "adam": dict(lr=0.1),
    "amsgrad": dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.01),
}


class MT19937_64:
    """std::mt19937_64 exactly ([rand.predef] in the C++ standard)."""

    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.mt = [seed & self.MASK]
        for i in range(1, 312):
            prev = self.mt[-1]
            self.mt.append((6364136223846793005 * (prev ^ (prev >> 62)) + i) & self.MASK)
        self.index = 312

    def __call__(self):
        if self.index >= 312:
            for i in range(312):
                x = (self.mt[i] & 0xFFFFFFFF80000000) | (self.mt[(i + 1) % 312] & 0x7FFFFFFF)
                xa = x >> 1
                if x & 1:
                    xa ^= 0xB5026F5AA96619E9
                self.mt[i] = self.mt[(i + 156) % 312] ^ xa
            self.index = 0
        y = self.mt[self.index]
        self.index += 1
        y ^= (y >> 29) & 0x5555555555555555
        y ^= (y << 17) & 0x71D67FFFEDA60000
        y ^= (y << 37) & 0xFFF7EEE000000000
        y ^= y >> 43
        return y & self.MASK


def check_mt19937_64():
    # The standard: "the 10000th consecutive invocation of a default-constructed object of type
    # mt19937_64 shall produce the value 9981545732273789042" (default seed 5489). That value
    # alone does not check every tempering bit (a wrong mask once passed it), so the first
    # outputs of the default seed and of seed 7 (from libstdc++) are checked too; the C++ test
    # then compares every committed batch with gradlab's sampler.
    rng = MT19937_64(5489)
    first = [rng() for _ in range(3)]
    assert first == [14514284786278117030, 4620546740167642908, 13109570281517897720], first
    for _ in range(9996):
        rng()
    assert rng() == 9981545732273789042, "MT19937_64 does not match std::mt19937_64"
    rng = MT19937_64(7)
    first = [rng() for _ in range(3)]
    assert first == [13915952638675311015, 17511516338625233250, 2165911192842364878], first


def sampler_batches(seed, batch_size, n, steps):
    """gradlab's MiniBatchSampler (core/stochastic.h): the batches of `steps` steps."""
    rng = MT19937_64(seed)
    batches, perm, pos = [], [], n
    while len(batches) < steps:
        if pos >= n:
            perm = list(range(n))
            for i in range(n - 1, 0, -1):
                j = rng() % (i + 1)
                perm[i], perm[j] = perm[j], perm[i]
            pos = 0
        batches.append(perm[pos:pos + batch_size])
        pos += batch_size
    return batches


def least_squares_data():
    rnd = random.Random(LS_SEED)
    F = [[rnd.uniform(-1.0, 1.0) for _ in range(LS_DIM)] for _ in range(LS_ROWS)]
    w_true = [rnd.uniform(-2.0, 2.0) for _ in range(LS_DIM)]
    y = [sum(a * b for a, b in zip(row, w_true)) + 0.1 * rnd.gauss(0.0, 1.0) for row in F]
    return F, y


def run_least_squares(method, params, F, y, batches):
    w = torch.tensor(ND_START, requires_grad=True)
    opt = torch_optimizer(method, params, w, False)

    def full_loss():
        with torch.no_grad():
            return (((F @ w - y) ** 2).sum() / (2 * F.shape[0])).item()

    rows = []
    for k in range(ND_STEPS + 1):
        rows.append([k, full_loss()] + [v.item() for v in w.detach()])
        if k == ND_STEPS:
            break
        idx = torch.tensor(batches[k])
        opt.zero_grad()
        loss = ((F[idx] @ w - y[idx]) ** 2).sum() / (2 * len(batches[k]))
        loss.backward()
        opt.step()
    return rows


def write_nd():
    check_mt19937_64()
    os.makedirs(ND_DIR, exist_ok=True)
    for old in os.listdir(ND_DIR):
        if old.endswith(".csv"):
            os.remove(os.path.join(ND_DIR, old))
    F_rows, y_rows = least_squares_data()
    with open(os.path.join(ND_DIR, "least_squares_data.csv"), "w") as out:
        out.write("# gradlab least squares, %d rows x %d parameters, random.Random(%d)\n"
                  % (LS_ROWS, LS_DIM, LS_SEED))
        out.write(",".join("f%d" % j for j in range(LS_DIM)) + ",y\n")
        for row, target in zip(F_rows, y_rows):
            out.write(",".join("%.17g" % v for v in row + [target]) + "\n")
    batches = sampler_batches(SAMPLER_SEED, BATCH_SIZE, LS_ROWS, ND_STEPS)
    with open(os.path.join(ND_DIR, "least_squares_batches.csv"), "w") as out:
        out.write("# gradlab MiniBatchSampler seed=%d batch_size=%d samples=%d steps=%d\n"
                  % (SAMPLER_SEED, BATCH_SIZE, LS_ROWS, ND_STEPS))
        out.write("step," + ",".join("i%d" % j for j in range(BATCH_SIZE)) + "\n")
        for k, b in enumerate(batches):
            out.write("%d,%s\n" % (k, ",".join(str(i) for i in b)))
    F = torch.tensor(F_rows)
    y = torch.tensor(y_rows)
    for method, params in ND_SETTINGS.items():
        rows = run_least_squares(method, params, F, y, batches)
        meta = ["function=least-squares-10", "method=%s" % method, "maximize=0",
                "start=" + ",".join("%.17g" % v for v in ND_START), "steps=%d" % ND_STEPS,
                "seed=%d" % SAMPLER_SEED, "batch_size=%d" % BATCH_SIZE]
        meta += header_params(method, params)
        with open(os.path.join(ND_DIR, "least_squares__%s.csv" % method), "w") as out:
            out.write("# gradlab torch reference, torch %s, float64\n" % torch.__version__)
            out.write("# " + " ".join(meta) + "\n")
            out.write("iter,loss," + ",".join("w%d" % j for j in range(LS_DIM)) + "\n")
            for r in rows:
                out.write("%d," % r[0] + ",".join("%.17g" % v for v in r[1:]) + "\n")
    print("wrote %d files to %s" % (len(ND_SETTINGS) + 2, ND_DIR))


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
    write_nd()


if __name__ == "__main__":
    main()
