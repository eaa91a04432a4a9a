// The Optimizer lab's plots as plain data. See optimizer_figures.h.
//
// Index
// [SECTION] What the views draw (trajectory arrays, curve envelopes, contour mapping)
// [SECTION] Figures for export (contour, curves, the three figures)
#include "app/labs/optimizer/optimizer_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "app/plot/figure_painter.h"
#include "core/text_format.h"

namespace gradlab {

// [SECTION] What the views draw

std::string toleranceLabel(double tol, float room,
                           const std::function<float(const char*)>& text_width) {
  char text[48];
  for (const char* format : {"tolerance %g", "tol %g"}) {
    std::snprintf(text, sizeof text, format, tol);
    if (text_width(text) <= room) return text;
  }
  std::snprintf(text, sizeof text, "%g", tol);
  return text;
}

std::vector<plot::TextItem> exactZeroMarks(const OptimizerLab& lab, bool grad_norm,
                                           const plot::Limits& limits, float line_height) {
  std::vector<plot::TextItem> marks;
  std::vector<int> marked_at;  // iterations already marked: later runs stack above them
  for (int r = 0; r < int(lab.runs.size()); ++r) {
    if (lab.runs[r].iterates.empty()) continue;
    const int last = shownIterations(lab, r);
    const Iterate& it = lab.runs[r].iterates[last];
    if ((grad_norm ? it.gradNorm() : it.f) != 0) continue;
    // The arrow sits at the iteration; the "0" goes to the side with room.
    const bool right_half = last > 0.5 * (limits.x.min + limits.x.max);
    plot::TextItem t;
    t.text = right_half ? "0 \u2193" : "\u2193 0";
    t.x = double(last);
    t.y = limits.y.min;
    t.color = plot::RunColor(runSlot(lab, r));
    t.anchor_x = right_half ? 1.0f : 0.0f;
    t.offset_x = right_half ? 4.0f : -4.0f;
    t.anchor_y = 1;
    const int below = int(std::count(marked_at.begin(), marked_at.end(), last));
    t.offset_y = -2 - line_height * float(below);
    marked_at.push_back(last);
    marks.push_back(std::move(t));
  }
  return marks;
}

// [SECTION] Figures for export

namespace {

plot::Color trajectoryHalo(const plot::PlotStyle& style) {
  return style.theme.legend_background.withAlpha(0.6f);
}

plot::MarkerItem marker(const char* label, double x, double y, plot::Color color,
                        plot::MarkerShape shape, float size) {
  plot::MarkerItem m;
  m.label = label;
  m.xs = {x};
  m.ys = {y};
  m.color = color;
  m.shape = shape;
  m.size = size;
  return m;
}

// The shaded field and its iso-lines over `window`, sampled as the app samples it (about one
// sample per two pixels of the plot area), and the colour bar's range when fig has one.
void addContour(const OptimizerLab& lab, plot::Figure& fig, const plot::PlotStyle& style,
                Theme theme, plot::FigureRecorder& rec) {
  const Window window{fig.limits.x.min, fig.limits.x.max, fig.limits.y.min, fig.limits.y.max};
  const int nx = std::clamp(int(fig.area.width()) / 2, 48, 400);
  const int ny = std::clamp(int(fig.area.height()) / 2, 48, 400);
  const ScalarField field = evaluateField(*lab.objective, window, nx, ny);
  if (field.finite_count == 0) return;
  const double max = field.max > field.min ? field.max : field.min + 1;
  const ContourMapping mapping = contourMapping(lab.scene.contour, field.min, max);
  if (fig.color_bar) fig.color_bar = colorBar(lab.scene.contour, mapping);
  auto image =
      makeFieldImage(field.values, nx, ny, lab.scene.contour, mapping, style.theme.plot_background);
  if (!lab.scene.contour.lines_only) {
    plot::ImageItem it;
    it.label = "##field";
    it.x_min = window.x_min, it.x_max = window.x_max;
    it.y_min = window.y_min, it.y_max = window.y_max;
    it.field = image;
    rec.add(std::move(it));
  }
  // Iso-lines as vectors (crisp in a PDF): one line item per level, pieces NaN-separated. Ink
  // lines on a filled map, colour-map lines without one, as the shader draws them.
  const std::vector<double> levels = contourLevels(mapping, lab.scene.contour.levels);
  const std::vector<IsoLine> lines = isoLines(field, levels);
  const float ink = theme == Theme::Dark ? 0.0f : 0.1f;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    plot::LineItem line;
    line.label = "##iso";
    line.width = lab.scene.contour.lines_only ? 1.6f : 1.0f;
    line.color = lab.scene.contour.lines_only
                     ? plot::SampleColormap(image->colormap, double(k + 1) / (levels.size() + 1))
                     : plot::Color{ink, ink, ink, 0.28f};
    for (const Polyline& piece : lines[k].polylines) {
      if (!line.xs.empty()) {
        line.xs.push_back(std::nan(""));
        line.ys.push_back(std::nan(""));
      }
      for (const Vec2& p : piece.points) {
        line.xs.push_back(p.x());
        line.ys.push_back(p.y());
      }
    }
    if (!line.xs.empty()) rec.add(std::move(line));
  }
}

// A figure with its axes set and laid out in the frame, ready for items. With `color_bar` the
// layout keeps a strip for one (empty until the caller sets its range).
plot::Figure startFigure(const char* title, const char* x_label, const char* y_label,
                         plot::Scale y_scale, const plot::Limits& limits, bool equal_aspect,
                         const LabFigureOptions& options, const plot::PlotStyle& style,
                         const plot::Painter& painter, bool color_bar = false) {
  plot::Figure fig;
  if (color_bar) {
    fig.color_bar = plot::ColorBar{};
    fig.color_bar->shown = false;
  }
  fig.equal_aspect = equal_aspect;
  fig.title = title;
  fig.x_label = x_label;
  fig.y_label = y_label;
  fig.y_scale = y_scale;
  fig.limits = limits;
  plot::LayoutFigure(fig, options.frame, style, painter);
  return fig;
}

// Moves the recorder's items and legend into a laid-out figure and places its legend.
void finishFigure(plot::Figure& fig, plot::FigureRecorder& rec, const plot::PlotStyle& style,
                  const plot::Painter& painter) {
  fig.items = std::move(rec.figure().items);
  fig.legend = std::move(rec.figure().legend);
  plot::PlaceLegend(fig, style, painter);
}

enum class Curve { F, GradNorm };

// Every run's curve, thinned to the envelope of `buckets` pixel columns.
void addRunCurves(const OptimizerLab& lab, Curve curve, int buckets, plot::FigureRecorder& rec) {
  CurveEnvelope envelope;
  for (int r = 0; r < int(lab.runs.size()); ++r) {
    if (lab.runs[r].iterates.empty()) continue;
    buildEnvelope(lab.runs[r], shownIterations(lab, r) + 1, buckets, envelope);
    plot::LineItem line;
    line.label = runLabel(lab, r);
    line.xs = envelope.iter;
    line.ys = curve == Curve::F ? envelope.f : envelope.grad_norm;
    line.color = plot::RunColor(runSlot(lab, r));
    rec.add(std::move(line));
  }
}

plot::Limits fitLimits(const plot::FigureRecorder& rec, plot::Scale y_scale, double padding) {
  return {plot::FitRange(rec.extentX(), plot::Scale::Linear, padding),
          plot::FitRange(rec.extentY(), y_scale, padding)};
}

// ": Gradient ascent, step size 0.1" (a report shows several step sizes of one function), or ""
// in compare mode, whose legend names each method.
std::string runTitle(const OptimizerLab& lab) {
  if (lab.scene.compare) return "";
  const RunConfig config = resolved(lab.scene.config);
  const bool ascent = config.maximize && config.method == Method::GradientDescent;
  const bool newton = config.method == Method::Newton;
  return formatText(": %s%s", ascent ? "Gradient ascent" : methodDisplayName(config.method),
                    config.maximize && !ascent ? ", maximizing" : "") +
         (newton ? "" : formatText(", step size %g", config.step_size));
}

plot::Figure curveFigure(const OptimizerLab& lab, Curve curve, const LabFigureOptions& options,
                         const plot::Painter& painter) {
  const plot::PlotStyle style = themePlotStyle(options.theme);
  const bool grad = curve == Curve::GradNorm;
  const plot::Scale y_scale = grad || lab.scene.log_f_axis ? plot::Scale::Log : plot::Scale::Linear;
  plot::FigureRecorder rec;
  rec.begin(plot::Scale::Linear, y_scale);
  addRunCurves(lab, curve, std::max(16, int(options.frame.width())), rec);
  const double tol = lab.scene.config.stop.grad_tol;
  if (grad && tol > 0) {
    plot::RefLineItem line;
    line.label = "##tolerance";
    line.vertical = false;
    line.value = tol;
    line.color = plot::Color{0.55f, 0.55f, 0.55f, 0.9f};
    line.width = 1.0f;
    rec.add(line);
  }
  // The three C4 step sizes' figures side by side in a report: each names its method and step.
  std::string title = grad ? "||grad f|| versus iteration" : "f versus iteration";
  const std::string run = runTitle(lab);
  if (painter.textSize(title + run).x <= 0.9 * options.frame.width()) title += run;
  plot::Figure fig =
      startFigure(title.c_str(), "iteration", grad ? "||grad f||" : "f(w)", y_scale,
                  fitLimits(rec, y_scale, style.fit_padding), false, options, style, painter);
  fig.integer_x = true;
  if (grad || lab.scene.log_f_axis) {
    for (plot::TextItem& t : exactZeroMarks(lab, grad, fig.limits, painter.fontSize()))
      rec.add(std::move(t));
  }
  if (grad && tol > 0) {
    // Labelled on the line rather than in the legend: one legend row less over the curves.
    plot::TextItem t;
    t.text = toleranceLabel(tol, 0.5f * options.frame.width(),
                            [&](const char* text) { return float(painter.textSize(text).x); });
    t.x = fig.limits.x.min;
    t.y = tol;
    t.color = plot::Color{0.55f, 0.55f, 0.55f, 0.9f};
    t.anchor_x = 0;
    t.anchor_y = 1;
    t.offset_x = 4;
    t.offset_y = -1;
    rec.add(std::move(t));
  }
  finishFigure(fig, rec, style, painter);
  return fig;
}

}  // namespace

plot::Figure mapFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                       const plot::Painter& painter) {
  const plot::PlotStyle style = themePlotStyle(options.theme);
  const ObjectiveInfo& info = lab.objective->info();
  const Window& home = lab.scene.view;  // what the app shows (widened to equal aspect below)
  // A report shows several maps of one function: the title names the method and its step.
  std::string title = info.title;
  const std::string run = runTitle(lab);
  // Only when it fits: a small figure keeps the function's name whole.
  if (painter.textSize(title + run).x <= 0.9 * options.frame.width()) title += run;
  plot::Figure fig =
      startFigure(title.c_str(), info.var_x.c_str(), info.var_y.c_str(), plot::Scale::Linear,
                  {{home.x_min, home.x_max}, {home.y_min, home.y_max}}, true, options, style,
                  painter, lab.scene.contour.colorbar);
  plot::FigureRecorder rec;
  rec.begin(plot::Scale::Linear, plot::Scale::Linear);
  addContour(lab, fig, style, options.theme, rec);

  const Window window{fig.limits.x.min, fig.limits.x.max, fig.limits.y.min, fig.limits.y.max};
  const plot::Color halo = trajectoryHalo(style);
  TrajectoryPath path;
  for (int i = 0; i < int(lab.runs.size()); ++i) {
    const Trajectory& t = lab.runs[i];
    if (t.iterates.empty()) continue;
    const std::string label = runLabel(lab, i);
    const int shown = shownIterations(lab, i);
    buildTrajectoryPath(t, shown, lab.scene.show_arrows, window, fig.area.width(),
                        fig.area.height(), path);
    if (!path.path_x.empty()) {
      plot::LineItem line;
      line.label = label;
      line.xs = path.path_x;
      line.ys = path.path_y;
      line.indices = path.path_i;
      line.color = plot::RunColor(runSlot(lab, i));
      line.width = 1.5f;
      line.halo = halo;
      line.in_legend = mapLegendListsRuns(lab);
      rec.add(std::move(line));
    }
    if (!path.arrow_x.empty()) {
      plot::ArrowItem arrows;
      arrows.label = label;
      arrows.xs = path.arrow_x;
      arrows.ys = path.arrow_y;
      arrows.indices = path.arrow_i;
      arrows.color = plot::RunColor(runSlot(lab, i));
      arrows.width = style.arrow_width;
      arrows.head_size = style.arrow_head;
      arrows.halo = halo;
      arrows.in_legend = mapLegendListsRuns(lab);
      rec.add(std::move(arrows));
    }
    // Where the run stopped.
    const Vec2& end = t.iterates[shown].w;
    plot::MarkerItem m = marker(label.c_str(), end.x(), end.y(), plot::RunColor(runSlot(lab, i)),
                                plot::MarkerShape::Square, 5);
    m.indices = {shown};
    m.halo = halo;
    m.in_legend = mapLegendListsRuns(lab);
    rec.add(std::move(m));
  }
  // Known stationary points (over the runs, as in the app): minimum "+", maximum ring, saddle "x".
  const plot::Color ink =
      options.theme == Theme::Dark ? plot::Color{1, 1, 1, 0.9f} : plot::Color{0, 0, 0, 0.85f};
  for (const KnownPoint& k : info.known_points) {
    const plot::MarkerShape shape = k.kind == "saddle"    ? plot::MarkerShape::Cross
                                    : k.kind == "maximum" ? plot::MarkerShape::Circle
                                                          : plot::MarkerShape::Plus;
    plot::MarkerItem m = marker(("known " + k.kind).c_str(), k.w.x(), k.w.y(), ink, shape, 6);
    m.filled = k.kind != "maximum";
    rec.add(std::move(m));
  }

  // The start points as the app's handles: a ring in the background colour, the run's colour.
  const int handles = lab.scene.compare ? std::min<int>(1, int(lab.scene.starts.size()))
                                        : int(lab.scene.starts.size());
  const plot::Color ring =
      options.theme == Theme::Dark ? plot::Color{0.1f, 0.1f, 0.12f, 1} : plot::Color{1, 1, 1, 1};
  for (int i = 0; i < handles; ++i) {
    const double x = lab.scene.starts[i].x(), y = lab.scene.starts[i].y();
    rec.add(marker("##start ring", x, y, ring, plot::MarkerShape::Circle, 8));
    plot::MarkerItem dot =
        marker("##start", x, y, plot::RunColor(runSlot(lab, i)), plot::MarkerShape::Circle, 6);
    dot.indices = {0};
    rec.add(std::move(dot));
  }
  finishFigure(fig, rec, style, painter);
  return fig;
}

plot::Figure lossFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                        const plot::Painter& painter) {
  return curveFigure(lab, Curve::F, options, painter);
}

plot::Figure gradNormFigure(const OptimizerLab& lab, const LabFigureOptions& options,
                            const plot::Painter& painter) {
  return curveFigure(lab, Curve::GradNorm, options, painter);
}

}  // namespace gradlab
