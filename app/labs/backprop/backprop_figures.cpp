// The Backprop lab's G3 plot. See backprop_figures.h.
#include "app/labs/backprop/backprop_figures.h"

#include <algorithm>

#include "app/plot/figure_painter.h"
#include "core/graph.h"
#include "core/text_format.h"

namespace gradlab {

std::vector<plot::Item> crossEntropyItems(const BackpropLab& lab) {
  std::vector<plot::Item> items;
  plot::RefLineItem zero;
  zero.label = "L = 0 (never reached)";
  zero.vertical = false;
  zero.value = 0;
  zero.color = plot::Color{0.55f, 0.55f, 0.55f, 0.95f};
  zero.width = 1.5f;
  items.push_back(zero);
  plot::LineItem curve;
  curve.label = "L = -log softmax(f)_y";
  curve.xs = lab.g3_ts;
  curve.ys = lab.g3_loss;
  curve.color = plot::RunColor(0);
  curve.width = 2.5f;
  items.push_back(curve);
  const BackpropScene& s = lab.scene;
  plot::MarkerItem now;
  now.label = "the current logits";
  now.xs = {s.logits[std::size_t(s.g3_label)]};
  now.ys = {softmaxCrossEntropy(s.logits, s.g3_label, nullptr)};
  now.color = plot::RunColor(1);
  now.size = 5;
  items.push_back(now);
  return items;
}

plot::Limits crossEntropyLimits(const BackpropLab& lab) {
  plot::Limits limits;
  limits.x = {lab.g3_ts.front(), lab.g3_ts.back()};
  const double top = *std::max_element(lab.g3_loss.begin(), lab.g3_loss.end());
  limits.y = {-0.05 * top, 1.05 * top};
  return limits;
}

std::string crossEntropyTitle(const BackpropLab& lab) {
  return formatText("G3: L > 0, and L -> 0 as f_%d grows", lab.scene.g3_label);
}

std::string crossEntropyXLabel(const BackpropLab& lab) {
  return formatText("f_%d (the other logits fixed)", lab.scene.g3_label);
}

plot::Figure crossEntropyFigure(const BackpropLab& lab, Theme theme, const plot::PixelRect& frame,
                                const plot::Painter& painter) {
  const plot::PlotStyle style = themePlotStyle(theme);
  plot::Figure fig;
  fig.title = crossEntropyTitle(lab);
  fig.x_label = crossEntropyXLabel(lab);
  fig.y_label = "cross-entropy L";
  fig.limits = crossEntropyLimits(lab);
  plot::LayoutFigure(fig, frame, style, painter);
  plot::FigureRecorder rec;
  rec.begin(plot::Scale::Linear, plot::Scale::Linear);
  for (plot::Item& item : crossEntropyItems(lab)) rec.add(std::move(item));
  fig.items = std::move(rec.figure().items);
  fig.legend = std::move(rec.figure().legend);
  plot::PlaceLegend(fig, style, painter);
  return fig;
}

}  // namespace gradlab
