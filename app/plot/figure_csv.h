// The data behind a kept Figure as CSV text (RFC 4180: comma-separated, quoted where needed, one
// header line), so a report can redo a plot from numbers, and a table of numbers as the same.
//
// Figure layout, long form, one row per point:
//   item,kind,label,index,x,y,x_end,y_end,value
// - item: the item's number in drawing order (0 first); rows of one item share it.
//   The first row (kind axes) has none: it describes the figure.
// - kind: axes, line, markers, arrows, fill, polygon, refline, text, image, sample.
// - label: the legend text ("run 1"); for a label with none ("##iso") its name ("iso"); for
//   text, the text itself; for axes, "title | x: x label | y: y label".
// - index: the caller's index of the point (an optimizer's iteration) when it gave one.
// - x, y: the point. A NaN that breaks a line is written as a row with x and y "nan".
// - x_end, y_end: arrows (one row per point, as lines): the head of the arrow that starts at
//   (x, y), empty where none does (the last point); axes: (x, y) is the view's lower-left
//   corner and (x_end, y_end) its upper-right; image: the same for the image's rectangle.
// - refline: x holds a vertical line's x, y a horizontal line's y (the other is empty).
// - value: fill: the baseline y at x;
//   sample: the value f of an image's grid sample at (x, y), recovered from its colour-map
//   position (single precision); an image with CPU data (a contour map) is its rectangle's row
//   followed by one sample row per grid point.
// Numbers are the shortest text that reads back as the same double; empty: "not applicable".
#pragma once

#include <string>
#include <vector>

#include "app/plot/figure.h"

namespace gradlab::plot {

// The CSV text of every item of `figure`, in the layout above.
std::string FigureCsv(const Figure& figure);

// A header line then one line per row; every cell quoted where it holds a comma, quote or
// line break. Rows may be shorter than the header (missing cells are empty).
std::string TableCsv(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows);

// One CSV cell: quoted (with doubled quotes) when it holds a comma, quote or line break.
std::string CsvCell(const std::string& text);
// A number as a CSV cell: the shortest text that reads back exactly, "nan", "inf" or "-inf".
std::string CsvNumber(double value);

}  // namespace gradlab::plot
