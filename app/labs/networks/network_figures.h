// The Network lab's grid cells as plain data (no ImGui, no GL): the items of one cell's plot
// (y_J against x_I, faint vertical lines at the kinks), drawn by the lab's ImGui view and painted
// by `gradlab export` alike.
#pragma once

#include <string>
#include <vector>

#include "app/labs/networks/network_lab.h"
#include "app/plot/figure.h"
#include "app/plot/painter.h"
#include "app/theme.h"

namespace gradlab {

// The curve's colour: the activation's own (as in the Activation lab).
plot::Color networkCurveColor(Activation a);

// The cell's limits: the sweep on x, the curve's range padded by 8% on y (a flat curve gets a
// unit of room).
plot::Limits networkCellLimits(const NetworkLab& lab, int row, int column);

// A curve of many samples reduced to what `columns` pixel columns over [x_min, x_max] show: per
// column its first, lowest, highest and last sample, in x order (so every kink corner, a column's
// extremes, stays). All samples when there are few.
void thinToPixelColumns(const std::vector<double>& xs, const std::vector<double>& ys, double x_min,
                        double x_max, int columns, std::vector<double>& out_x,
                        std::vector<double>& out_y);

// Drops the points of a polyline (x increasing) that lie within `tolerance_px` pixels, vertically,
// of the chord the kept points draw (the "sleeve" of Zhao & Saalfeld, in one pass): a straight
// stretch becomes its two ends, a ReLU network's curve its kinks. x_px, y_px: pixels per unit.
void dropCollinearPoints(std::vector<double>& xs, std::vector<double>& ys, double x_px, double y_px,
                         double tolerance_px);

// The items of cell (row, column) in drawing order: kink lines, then the curve thinned to the
// pixel columns of `view` (a plot area width_px x height_px) and its straight stretches merged.
std::vector<plot::Item> networkCellItems(const NetworkLab& lab, int row, int column, Theme theme,
                                         const plot::Limits& view, double width_px,
                                         double height_px);

// "r1c1-tanh-seed1": the file name part of a cell in `gradlab export`.
std::string networkCellFileName(const NetworkScene& scene, int row, int column);

// A figure of cell (row, column) for `gradlab export`, laid out in `frame`.
plot::Figure networkCellFigure(const NetworkLab& lab, int row, int column, Theme theme,
                               const plot::PixelRect& frame, const plot::Painter& painter);

}  // namespace gradlab
