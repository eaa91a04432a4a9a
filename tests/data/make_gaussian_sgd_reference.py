#!/usr/bin/python3
"""Reference numbers for EXERCISES F1 (core/gaussian_sgd.h), written to gaussian_sgd/.

Run with /usr/bin/python3 (needs numpy and PyTorch 1.13); the C++ tests only read the output.

It redoes the homework's nine-run experiment independently of gradlab's C++:
  - the same documented random streams (splitmix64 stream seeds, std::mt19937_64 from
    make_torch_reference.py, Box-Muller, the sampler's Fisher-Yates epoch order);
  - the per-sample gradient by PyTorch autograd of l_i(P) = (1/2) log det P - (1/2) x_i^T P x_i
    with P's four entries independent (the homework's matrix gradient), not by the closed form;
  - the ascent step P <- P + eta * grad, the positive-definiteness check (P11 > 0, det P > 0);
  - the full-data objective (N/2) log det P - (1/2) sum_i x_i^T P x_i by a direct O(N) numpy sum
    at a few sampled iterations, and the errors ||Sigma^-1 - P_hat||_F^2.
"""
import math
import os

import numpy as np
import torch

from make_torch_reference import MT19937_64, check_mt19937_64, sampler_batches

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gaussian_sgd", "f1_seed1.txt")
MASK = (1 << 64) - 1
SEED, N, ITERATIONS = 1, 1000, 10000
STEP_SIZES = [1e-5, 1e-4, 1e-3]
STARTS = 3
MEAN = np.array([0.0, 0.0])
SIGMA = np.array([[1.0, 0.5], [0.5, 1.0]])
SAMPLED = [0, 1, 2, 10, 100, 1000, 5000, 9999, 10000]


def stream_seed(seed, stream):
    z = (seed + stream * 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def uniform01(rng):
    return (rng() >> 11) * 2.0 ** -53


def samples():
    rng = MT19937_64(stream_seed(SEED, 0))
    lower = np.linalg.cholesky(SIGMA)
    out = []
    for _ in range(N):
        u1 = 1.0 - uniform01(rng)
        u2 = uniform01(rng)
        r = math.sqrt(-2.0 * math.log(u1))
        z = np.array([r * math.cos(2.0 * math.pi * u2), r * math.sin(2.0 * math.pi * u2)])
        out.append(lower @ z)
    return np.array(out)


def starts(cov):
    rng = MT19937_64(stream_seed(SEED, 1))
    scale = 2.0 / np.trace(cov)
    out = []
    for _ in range(STARTS):
        theta = math.pi * uniform01(rng)
        l1 = scale * (0.5 + 1.5 * uniform01(rng))
        l2 = scale * (0.5 + 1.5 * uniform01(rng))
        rot = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
        out.append(rot @ np.diag([l1, l2]) @ rot.T)
    return out


def sample_gradient(p, x):
    pt = torch.tensor(p, dtype=torch.float64, requires_grad=True)
    xt = torch.tensor(x, dtype=torch.float64)
    term = 0.5 * torch.logdet(pt) - 0.5 * xt @ pt @ xt
    term.backward()
    return pt.grad.numpy()


def objective(p, x):
    return 0.5 * len(x) * math.log(np.linalg.det(p)) - 0.5 * float(np.einsum("ij,jk,ik->", x, p, x))


def run(x, start, eta, order_seed):
    p = start.copy()
    sampled = {0: objective(p, x)}
    order = sampler_batches(order_seed, 1, N, ITERATIONS)
    for k in range(1, ITERATIONS + 1):
        g = sample_gradient(p, x[order[k - 1][0]])
        p = p + eta * g
        p = 0.5 * (p + p.T)  # autograd's gradient is symmetric up to rounding
        if not (p[0, 0] > 0 and np.linalg.det(p) > 0):
            return p, sampled, k
        if k in SAMPLED:
            sampled[k] = objective(p, x)
    return p, sampled, -1


def main():
    check_mt19937_64()
    x = samples()
    cov = x.T @ x / N
    ml = np.linalg.inv(cov)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as out:
        out.write("# EXERCISES F1 reference, seed %d, N %d, %d iterations; float64, torch %s\n"
                  % (SEED, N, ITERATIONS, torch.__version__))
        out.write("# written by make_gaussian_sgd_reference.py; one record per line\n")
        for i in (0, 1, N - 1):
            out.write("sample %d %.17g %.17g\n" % (i, x[i, 0], x[i, 1]))
        out.write("sample_covariance %.17g %.17g %.17g\n" % (cov[0, 0], cov[0, 1], cov[1, 1]))
        out.write("ml_precision %.17g %.17g %.17g\n" % (ml[0, 0], ml[0, 1], ml[1, 1]))
        out.write("ml_objective %.17g\n" % objective(ml, x))
        true_precision = np.linalg.inv(SIGMA)
        for s, eta in enumerate(STEP_SIZES):
            for j, p0 in enumerate(starts(cov)):
                p, sampled, failed = run(x, p0, eta, stream_seed(SEED, 2 + j))
                error = float(np.sum((true_precision - p) ** 2))
                out.write("run %d %d eta %.17g start %.17g %.17g %.17g final %.17g %.17g %.17g "
                          "failed %d error %.17g\n" % (s, j, eta, p0[0, 0], p0[0, 1], p0[1, 1],
                                                       p[0, 0], p[0, 1], p[1, 1], failed, error))
                for k, value in sorted(sampled.items()):
                    out.write("objective %d %d %d %.17g\n" % (s, j, k, value))
                print("eta %g start %d: error %.6g" % (eta, j, error))


if __name__ == "__main__":
    main()
