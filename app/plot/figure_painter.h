// Painting a kept Figure through a Painter: layout (where the plot area goes inside the frame),
// grid, items, legend, axes with ticks and labels, title. The ImGui drawer (plot_imgui.cpp) and
// the CPU backends share this one implementation; interaction stays with the ImGui drawer.
//
// A figure painted from scratch (export):
//
//   LayoutFigure(fig, frame, style, painter);  // plot area, equal aspect, legend corner
//   PaintFigure(painter, fig, style);          // everything, in the ImGui drawer's order
#pragma once

#include <vector>

#include "app/plot/figure.h"
#include "app/plot/painter.h"
#include "app/plot/style.h"
#include "app/plot/ticks.h"

namespace gradlab::plot {

// [SECTION] Layout

// About one tick per `spacing` pixels (at style scale `scale`), at least two.
std::vector<Tick> AxisTicks(const Range& r, Scale s, double pixels, float spacing, float scale);
// A figure's ticks along its transform's axes (x: whole numbers only when fig.integer_x).
std::vector<Tick> XTicks(const Figure& fig, const Transform& t, const PlotStyle& style);
std::vector<Tick> YTicks(const Transform& t, const PlotStyle& style);

// The plot area inside `frame`: room for the title, the axis labels and the y tick labels
// (measured for the y range `y_view` the plot will show).
PixelRect PlotArea(const Figure& fig, const PixelRect& frame, const Range& y_view,
                   const PlotStyle& style, const Painter& painter);

// The strip at the bottom of the frame where a figure's colour bar goes (ColorBarRoom high; empty
// when it has none).
PixelRect ColorBarStrip(const Figure& fig, const PlotStyle& style, const Painter& painter);

// The transform of a laid-out figure: its limits over its area.
Transform FigureTransform(const Figure& fig);

// The legend's metrics: size of its box and of its rows.
// The largest share of the plot area a legend may cover; a larger one is left out.
constexpr double kMaxLegendShare = 0.25;

struct LegendMetrics {
  float pad = 0, font = 0, swatch = 0, row = 0;
  float width = 0, height = 0;
  bool fits = false;  // false: no entries, or the box would not fit inside the plot area
};
LegendMetrics MeasureLegend(const Figure& fig, const PixelRect& area, const PlotStyle& style,
                            const Painter& painter);

// Settles a figure for painting in `frame` (pixels): sets frame, area, width_px, height_px and
// scale; widens the limits for equal aspect; then PlaceLegend.
void LayoutFigure(Figure& fig, const PixelRect& frame, const PlotStyle& style,
                  const Painter& painter);
// Picks the legend corner of a laid-out figure: the current one unless another hides strictly
// less of its items (call it again after adding items to a laid-out figure).
void PlaceLegend(Figure& fig, const PlotStyle& style, const Painter& painter);

// [SECTION] Painting (each piece in the order PaintFigure calls them)

// The frame's background (when the theme has one) and the plot area's (unless an opaque image
// covers the whole area, or style.fill_plot_area is false).
void PaintBackground(Painter& painter, const Figure& fig, const PlotStyle& style);
void PaintGrid(Painter& painter, const Figure& fig, const Transform& t, const PlotStyle& style);
void PaintItems(Painter& painter, const Figure& fig, const Transform& t, const PlotStyle& style);
// The legend box `box` with its entries; row `hovered_row` (-1: none) is highlighted.
void PaintLegend(Painter& painter, const Figure& fig, const PixelRect& box,
                 const LegendMetrics& metrics, const PlotStyle& style, int hovered_row = -1);
// Frame of the plot area, ticks, tick labels, axis labels and title.
void PaintAxes(Painter& painter, const Figure& fig, const Transform& t, const PlotStyle& style);

// A marker of `shape` and radius r at c (items and legend swatches).
void PaintMarker(Painter& painter, Point c, MarkerShape shape, float r, Color color, bool filled,
                 float width);

// The figure's colour bar in its strip, when it has one.
void PaintFigureColorBar(Painter& painter, const Figure& fig, const PlotStyle& style);

// A laid-out figure, whole: background, grid, items and legend clipped to the plot area, axes,
// colour bar.
void PaintFigure(Painter& painter, const Figure& fig, const PlotStyle& style);

}  // namespace gradlab::plot
