// The Stochastic lab's pictures as plain plot items, with no ImGui and no GL: the objective plot
// of one step size (its runs' full-data log-likelihood, the maximum-likelihood reference line,
// where a run lost positive definiteness) and the ellipse plot (the samples, the 95% ellipses of
// the true Sigma, of the sample covariance and of each run's current P^-1). The ImGui views and
// `gradlab export` draw the same items.
#pragma once

#include <string>
#include <vector>

#include "app/labs/stochastic/stochastic_lab.h"
#include "app/plot/figure.h"
#include "app/plot/painter.h"
#include "app/theme.h"

namespace gradlab {

// The Mahalanobis radius of the ellipse holding 95% of a bivariate Gaussian's mass:
// r^2 = -2 ln(0.05), the chi-square(2) quantile.
constexpr double kEllipseRadius = 2.4477468306808166;

// Points of the ellipse {mean + r L u : |u| = 1} of `covariance` (L its Cholesky factor), closed
// (the first point repeated at the end); empty when the covariance is not positive definite.
void ellipsePoints(const Vec2& mean, const Mat2& covariance, double radius, int count,
                   std::vector<double>& xs, std::vector<double>& ys);

// Colours: start j is RunColor(j) on every plot; the truth is the theme's ink.
plot::Color startColor(int start_index);
plot::Color sampleCovarianceColor();
plot::Color truthColor(Theme theme);

// The objective plot of step size `step_index`: each start's log L up to its shown iterate
// (thinned to `buckets` pixel columns), the ML value as a labelled horizontal line, a cross and
// a note where a run lost positive definiteness, and the timeline's iterate when animated.
std::vector<plot::Item> objectiveItems(const StochasticLab& lab, int step_index, int buckets);
// Limits covering every iterate of the row's runs and the ML line (not only the shown ones, so
// the axes stay still while the timeline plays).
plot::Limits objectiveLimits(const StochasticLab& lab, int step_index);
// One y range for every row (the union of objectiveLimits): plots side by side share it.
plot::Limits sharedObjectiveLimits(const StochasticLab& lab);
std::string objectiveTitle(const StochasticLab& lab, int step_index);

// The ellipse plot at the shown iterates.
// The data (square markers; `with_samples` false leaves them out, for a view that draws them as
// one image: app/views/scatter_layer.h) and the ellipses over them.
std::vector<plot::Item> ellipseItems(const StochasticLab& lab, Theme theme, bool with_samples);
plot::MarkerItem samplesItem(const StochasticLab& lab, Theme theme);
// The samples' bounding box, padded: equal aspect widens it.
plot::Limits ellipseLimits(const StochasticLab& lab);

// Whole figures for export, laid out in `frame`.
plot::Figure objectiveFigure(const StochasticLab& lab, int step_index, Theme theme,
                             const plot::PixelRect& frame, const plot::Painter& painter);
plot::Figure ellipseFigure(const StochasticLab& lab, Theme theme, const plot::PixelRect& frame,
                           const plot::Painter& painter);

}  // namespace gradlab
