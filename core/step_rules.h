// The first-order step rules as templates over the vector type (Vec2 or VecX); declared, with
// their formulas and PyTorch sources, in core/optimizers.h, which includes this file at its end.
// Do not include this file on its own.
//
// Operation order follows torch's single-tensor code and ATen's CPU kernels (addcmul:
// self + (value * t1) * t2; addcdiv: self + (value * t1) / t2) so that float64 results agree to
// the last bits where possible. Every operation is elementwise, so a dynamic-size vector of size 2
// gives bit-identical results to Vec2 (tested).
//
// Dynamic-size states size themselves on a rule's first step (t == 0, or the first momentum step
// for SGD, whose buffer is a copy of the gradient); fixed-size states are already zero.
#pragma once

#include <cmath>

#include "core/optimizers.h"

namespace gradlab {

namespace step_rules_detail {

// Sets a dynamic-size state vector to `value` in every one of n coordinates; a fixed-size one is
// left as constructed (zero), so the 2-D path does no extra work.
template <class Vec>
void sizeOnFirstStep(Vec& v, Eigen::Index n, double value = 0) {
  if constexpr (Vec::SizeAtCompileTime == Eigen::Dynamic) v.setConstant(n, value);
}

}  // namespace step_rules_detail

template <class Vec>
Vec sgdStep(const SgdParams& p, double lr, SgdStateT<Vec>& s, const NonDeduced<Vec>& w,
            const NonDeduced<Vec>& g_in) {
  Vec d = p.maximize ? Vec(-g_in) : g_in;
  if (p.weight_decay != 0) d = d + p.weight_decay * w;
  if (p.momentum != 0) {
    if (!s.has_buffer) {
      s.momentum_buffer = d;
      s.has_buffer = true;
    } else {
      s.momentum_buffer = s.momentum_buffer * p.momentum + (1 - p.dampening) * d;
    }
    if (p.nesterov) {
      d = d + p.momentum * s.momentum_buffer;
    } else {
      d = s.momentum_buffer;
    }
  }
  s.direction = d;
  return w + (-lr) * d;
}

template <class Vec>
Vec adagradStep(const AdagradParams& p, double lr, AdagradStateT<Vec>& s, const NonDeduced<Vec>& w,
                const NonDeduced<Vec>& g_in) {
  if (!s.initialized) {
    if constexpr (Vec::SizeAtCompileTime == Eigen::Dynamic) {
      s.sum.setConstant(w.size(), p.initial_accumulator_value);
    } else {
      s.sum = Vec::Constant(p.initial_accumulator_value);
    }
    s.initialized = true;
  }
  s.t += 1;
  Vec g = p.maximize ? Vec(-g_in) : g_in;
  if (p.weight_decay != 0) g = g + p.weight_decay * w;
  const double clr = lr / (1 + (s.t - 1) * p.lr_decay);
  s.sum = s.sum + g.cwiseProduct(g);
  const Vec std_dev = s.sum.cwiseSqrt().array() + p.eps;
  return w + ((-clr) * g).cwiseQuotient(std_dev);
}

template <class Vec>
Vec rmspropStep(const RmspropParams& p, double lr, RmspropStateT<Vec>& s, const NonDeduced<Vec>& w,
                const NonDeduced<Vec>& g_in) {
  if (s.t == 0) {
    step_rules_detail::sizeOnFirstStep(s.square_avg, w.size());
    step_rules_detail::sizeOnFirstStep(s.grad_avg, w.size());
    step_rules_detail::sizeOnFirstStep(s.momentum_buffer, w.size());
  }
  s.t += 1;
  Vec g = p.maximize ? Vec(-g_in) : g_in;
  if (p.weight_decay != 0) g = g + p.weight_decay * w;
  s.square_avg = s.square_avg * p.alpha + ((1 - p.alpha) * g).cwiseProduct(g);
  Vec avg;
  if (p.centered) {
    s.grad_avg = s.grad_avg * p.alpha + (1 - p.alpha) * g;
    avg = (s.square_avg - s.grad_avg.cwiseProduct(s.grad_avg)).cwiseSqrt();
  } else {
    avg = s.square_avg.cwiseSqrt();
  }
  avg = avg.array() + p.eps;
  if (p.momentum > 0) {
    s.momentum_buffer = s.momentum_buffer * p.momentum + g.cwiseQuotient(avg);
    return w + (-lr) * s.momentum_buffer;
  }
  return w + ((-lr) * g).cwiseQuotient(avg);
}

template <class Vec>
Vec adamStep(const AdamParams& p, double lr, AdamStateT<Vec>& s, const NonDeduced<Vec>& w,
             const NonDeduced<Vec>& g_in) {
  if (s.t == 0) {
    step_rules_detail::sizeOnFirstStep(s.m, w.size());
    step_rules_detail::sizeOnFirstStep(s.v, w.size());
    step_rules_detail::sizeOnFirstStep(s.v_max, w.size());
  }
  s.t += 1;
  Vec g = p.maximize ? Vec(-g_in) : g_in;
  if (p.weight_decay != 0) g = g + p.weight_decay * w;
  s.m = s.m * p.beta1 + (1 - p.beta1) * g;
  s.v = s.v * p.beta2 + ((1 - p.beta2) * g).cwiseProduct(g);
  const double t = s.t;
  const double bias_correction1 = 1 - std::pow(p.beta1, t);
  const double bias_correction2 = 1 - std::pow(p.beta2, t);
  const double step_size = lr / bias_correction1;
  const double bias_correction2_sqrt = std::sqrt(bias_correction2);
  Vec denom;
  if (p.amsgrad) {
    s.v_max = s.v_max.cwiseMax(s.v);
    denom = (s.v_max.cwiseSqrt() / bias_correction2_sqrt).array() + p.eps;
  } else {
    denom = (s.v.cwiseSqrt() / bias_correction2_sqrt).array() + p.eps;
  }
  return w + ((-step_size) * s.m).cwiseQuotient(denom);
}

}  // namespace gradlab
