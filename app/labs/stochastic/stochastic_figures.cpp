// The Stochastic lab's pictures as plain plot items. See stochastic_figures.h.
#include "app/labs/stochastic/stochastic_figures.h"

#include <Eigen/Cholesky>
#include <Eigen/LU>
#include <algorithm>
#include <cmath>

#include "app/plot/figure_painter.h"
#include "app/views/thinning.h"
#include "core/text_format.h"

namespace gradlab {

namespace {

constexpr double kTwoPi = 6.283185307179586;
// 64 sides: within 0.3 pixels of the true ellipse up to a 250-pixel radius (more sides cost a
// software rasterizer triangles on every frame the ellipses move: eleven of them are redrawn).
constexpr int kEllipsePoints = 65;

plot::Color neutralGrey() {
  return plot::Color{0.55f, 0.55f, 0.55f, 0.95f};
}

// Iterate k of a run is revealed once the timeline reached it (or shows everything).
bool revealed(const StochasticLab& lab, int iterate) {
  return !lab.timeline.animated || timelineIterate(lab) >= iterate;
}

// The rank of step size s among the list (0 = smallest): larger steps draw bolder ellipses.
int stepRank(const StochasticLab& lab, int s) {
  const std::vector<double>& etas = lab.scene.sgd.step_sizes;
  return static_cast<int>(std::count_if(etas.begin(), etas.end(), [&](double eta) {
    return eta < etas[static_cast<std::size_t>(s)];
  }));
}

plot::LineItem ellipseLine(const std::string& label, const Vec2& mean, const Mat2& covariance,
                           plot::Color color, float width) {
  plot::LineItem line;
  line.label = label;
  ellipsePoints(mean, covariance, kEllipseRadius, kEllipsePoints, line.xs, line.ys);
  line.color = color;
  line.width = width;
  return line;
}

}  // namespace

void ellipsePoints(const Vec2& mean, const Mat2& covariance, double radius, int count,
                   std::vector<double>& xs, std::vector<double>& ys) {
  xs.clear();
  ys.clear();
  const Eigen::LLT<Mat2> llt(covariance);
  if (llt.info() != Eigen::Success || !covariance.allFinite()) return;
  const Mat2 lower = llt.matrixL();
  for (int i = 0; i <= count; ++i) {
    const double t = kTwoPi * (i % count) / count;
    const Vec2 p = mean + radius * (lower * Vec2(std::cos(t), std::sin(t)));
    xs.push_back(p.x());
    ys.push_back(p.y());
  }
}

plot::Color startColor(int start_index) {
  return plot::RunColor(start_index);
}
plot::Color sampleCovarianceColor() {
  return plot::RunColor(15);
}
plot::Color truthColor(Theme theme) {
  return theme == Theme::Dark ? plot::Color{0.95f, 0.95f, 0.95f, 1}
                              : plot::Color{0.1f, 0.1f, 0.1f, 1};
}

// [SECTION] Objective plots

std::vector<plot::Item> objectiveItems(const StochasticLab& lab, int s, int buckets) {
  std::vector<plot::Item> items;
  const double ml = lab.experiment.ml_objective;
  plot::RefLineItem ml_line;
  ml_line.label = "##maximum likelihood";
  ml_line.vertical = false;
  ml_line.value = ml;
  ml_line.color = neutralGrey();
  ml_line.width = 1.5f;
  items.push_back(ml_line);
  for (int j = 0; j < startCount(lab); ++j) {
    const PrecisionRun& run = runAt(lab, s, j);
    if (run.size() == 0) continue;
    plot::LineItem line;
    line.label = startLabel(j);
    // Buckets over the whole run (the x axis): while it plays, only the curve's end changes.
    buildValueEnvelope(run.objective.data(), shownIterate(lab, run) + 1, run.size(), buckets,
                       line.xs, line.ys);
    for (const double k : line.xs) line.indices.push_back(int(k));
    line.color = startColor(j);
    line.width = 2;
    line.zigzag = true;  // one sample per step: each column's lowest and highest
    items.push_back(std::move(line));
  }
  // Where runs lost positive definiteness: a cross on the last valid iterate and the reason.
  int notes = 0;
  for (int j = 0; j < startCount(lab); ++j) {
    const PrecisionRun& run = runAt(lab, s, j);
    if (run.status != PrecisionRunStatus::NotPositiveDefinite || run.size() == 0 ||
        !revealed(lab, run.failed_iteration))
      continue;
    plot::MarkerItem cross;
    cross.label = "##not positive definite";
    cross.xs = {double(run.size() - 1)};
    cross.ys = {run.objective.back()};
    cross.indices = {run.size() - 1};
    cross.color = startColor(j);
    cross.shape = plot::MarkerShape::Cross;
    cross.size = 7;
    cross.outline_width = 2.5f;
    items.push_back(cross);
    // Short, in the run's colour, on the side of the cross with room: the full sentence is in
    // the status lines and the table's tooltip.
    plot::TextItem note;
    note.text = formatText("not PD at %d", run.failed_iteration);
    note.x = double(run.size() - 1);
    note.y = run.objective.back();
    note.color = startColor(j);
    const bool right_half = note.x > 0.5 * lab.timeline.last;
    note.anchor_x = right_half ? 1.0f : 0.0f;
    note.anchor_y = 0;
    note.offset_x = right_half ? -10.0f : 10.0f;
    note.offset_y = 4 + 18.0f * float(notes++);
    note.background = plot::Color{0, 0, 0, 0};
    items.push_back(note);
  }
  // The ML line's value, on the line (one legend row less over the curves).
  plot::TextItem ml_text;
  ml_text.text = formatText("ML %.6g", ml);
  ml_text.x = double(lab.timeline.last);
  ml_text.y = ml;
  ml_text.color = neutralGrey();
  ml_text.anchor_x = 1;
  ml_text.anchor_y = 1;  // above the line: the curves climb to it from below
  ml_text.offset_x = -4;
  ml_text.offset_y = -2;
  items.push_back(ml_text);
  if (lab.timeline.animated) {
    plot::RefLineItem now;
    now.label = "##now";
    now.value = timelineIterate(lab);
    now.color = plot::Color{0.5f, 0.5f, 0.5f, 0.8f};
    now.width = 1.5f;
    items.push_back(now);
  }
  return items;
}

plot::Limits objectiveLimits(const StochasticLab& lab, int s) {
  double lo = lab.experiment.ml_objective, hi = lo;
  for (int j = 0; j < startCount(lab); ++j) {
    for (const double v : runAt(lab, s, j).objective) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  const double pad = std::max(0.06 * (hi - lo), 1e-9 * std::max(1.0, std::abs(hi)));
  // Room above the ML line for its label (about a fifth of the height).
  return {{0, double(std::max(lab.timeline.last, 1))}, {lo - pad, hi + 4 * pad}};
}

plot::Limits sharedObjectiveLimits(const StochasticLab& lab) {
  plot::Limits all = objectiveLimits(lab, 0);
  for (int s = 1; s < stepSizeCount(lab); ++s) {
    const plot::Limits row = objectiveLimits(lab, s);
    all.y.min = std::min(all.y.min, row.y.min);
    all.y.max = std::max(all.y.max, row.y.max);
  }
  return all;
}

std::string objectiveTitle(const StochasticLab& lab, int s) {
  return "log L(P), step size " +
         formatStepSize(lab.scene.sgd.step_sizes[static_cast<std::size_t>(s)]);
}

// [SECTION] Ellipses

plot::MarkerItem samplesItem(const StochasticLab& lab, Theme theme) {
  const GaussianData& data = lab.experiment.data;
  plot::MarkerItem samples;
  samples.label = "samples";
  samples.xs.reserve(data.points.size());
  samples.ys.reserve(data.points.size());
  for (const Vec2& p : data.points) {
    samples.xs.push_back(p.x());
    samples.ys.push_back(p.y());
  }
  samples.color = theme == Theme::Dark ? plot::Color{0.62f, 0.64f, 0.7f, 0.45f}
                                       : plot::Color{0.35f, 0.35f, 0.4f, 0.35f};
  // Tiny squares, not circles: a thousand of them cost 4 vertices each instead of ~20.
  samples.shape = plot::MarkerShape::Square;
  samples.size = 1.3f;
  return samples;
}

std::vector<plot::Item> ellipseItems(const StochasticLab& lab, Theme theme, bool with_samples) {
  std::vector<plot::Item> items;
  const GaussianData& data = lab.experiment.data;
  if (with_samples) items.push_back(samplesItem(lab, theme));

  const Vec2& mean = lab.scene.data.mean;
  const int steps = stepSizeCount(lab);
  for (int s = 0; s < steps; ++s) {
    const int rank = stepRank(lab, s);
    const float bold = steps > 1 ? float(rank) / float(steps - 1) : 1.0f;
    for (int j = 0; j < startCount(lab); ++j) {
      const PrecisionRun& run = runAt(lab, s, j);
      if (run.size() == 0) continue;
      const Vec3& p = run.precision[static_cast<std::size_t>(shownIterate(lab, run))];
      plot::LineItem line =
          ellipseLine(startLabel(j), mean, precisionMatrix(p).inverse(),
                      startColor(j).withAlpha(0.45f + 0.55f * bold), 1.0f + 1.5f * bold);
      line.indices.assign(line.xs.size(), shownIterate(lab, run));
      items.push_back(std::move(line));
    }
  }
  items.push_back(ellipseLine("sample covariance", mean, data.sampleCovariance(),
                              sampleCovarianceColor(), 2.5f));
  items.push_back(
      ellipseLine("true Sigma", mean, lab.scene.data.covariance, truthColor(theme), 2.5f));
  return items;
}

plot::Limits ellipseLimits(const StochasticLab& lab) {
  plot::Extent x, y;
  for (const Vec2& p : lab.experiment.data.points) {
    x.add(p.x(), plot::Scale::Linear);
    y.add(p.y(), plot::Scale::Linear);
  }
  return {plot::FitRange(x, plot::Scale::Linear, 0.04),
          plot::FitRange(y, plot::Scale::Linear, 0.04)};
}

// [SECTION] Figures for export

namespace {

plot::Figure figureOf(std::vector<plot::Item> items, const char* title, const char* x_label,
                      const char* y_label, const plot::Limits& limits, bool equal_aspect,
                      bool integer_x, Theme theme, const plot::PixelRect& frame,
                      const plot::Painter& painter) {
  const plot::PlotStyle style = themePlotStyle(theme);
  plot::Figure fig;
  fig.title = title;
  fig.x_label = x_label;
  fig.y_label = y_label;
  fig.limits = limits;
  fig.equal_aspect = equal_aspect;
  fig.integer_x = integer_x;
  plot::LayoutFigure(fig, frame, style, painter);
  plot::FigureRecorder rec;
  rec.begin(plot::Scale::Linear, plot::Scale::Linear);
  for (plot::Item& item : items) rec.add(std::move(item));
  fig.items = std::move(rec.figure().items);
  fig.legend = std::move(rec.figure().legend);
  plot::PlaceLegend(fig, style, painter);
  return fig;
}

}  // namespace

plot::Figure objectiveFigure(const StochasticLab& lab, int s, Theme theme,
                             const plot::PixelRect& frame, const plot::Painter& painter) {
  return figureOf(objectiveItems(lab, s, std::max(16, int(frame.width()))),
                  objectiveTitle(lab, s).c_str(), "iteration", "log L(P)", objectiveLimits(lab, s),
                  false, true, theme, frame, painter);
}

plot::Figure ellipseFigure(const StochasticLab& lab, Theme theme, const plot::PixelRect& frame,
                           const plot::Painter& painter) {
  const std::string title = formatText(
      "95%% ellipses: true Sigma, sample covariance, P^-1 at iteration %d", timelineIterate(lab));
  return figureOf(ellipseItems(lab, theme, true), title.c_str(), "x1", "x2", ellipseLimits(lab),
                  true, false, theme, frame, painter);
}

}  // namespace gradlab
