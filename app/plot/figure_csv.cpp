// A kept figure's data and tables as CSV text. See figure_csv.h for the layout.
#include "app/plot/figure_csv.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <type_traits>
#include <variant>

namespace gradlab::plot {
namespace {

// An item's name in the CSV: its legend text, else the id after "##" ("##iso" -> "iso").
std::string CsvLabel(const std::string& label) {
  std::string text = LegendText(label);
  if (!text.empty() || label.size() < 2) return text;
  return label.substr(label.find("##") + 2);
}

std::string IndexCell(const std::vector<int>& indices, std::size_t k) {
  return k < indices.size() && indices[k] >= 0 ? std::to_string(indices[k]) : "";
}

class Writer {
 public:
  // One row: `cells` are index, x, y, x_end, y_end, value (missing ones are empty).
  void row(int item, const char* kind, const std::string& label,
           std::initializer_list<std::string> cells) {
    text_ += (item >= 0 ? std::to_string(item) : std::string()) + "," + kind + "," + CsvCell(label);
    std::size_t written = 0;
    for (const std::string& cell : cells) {
      text_ += "," + cell;
      ++written;
    }
    for (; written < 6; ++written) text_ += ",";
    text_ += "\n";
  }
  // One row per point of a line or marker item.
  void points(int item, const char* kind, const std::string& label, const std::vector<double>& xs,
              const std::vector<double>& ys, const std::vector<int>& indices) {
    const std::string name = CsvLabel(label);
    for (std::size_t k = 0; k < xs.size() && k < ys.size(); ++k)
      row(item, kind, name, {IndexCell(indices, k), CsvNumber(xs[k]), CsvNumber(ys[k])});
  }
  std::string& text() { return text_; }

 private:
  std::string text_;
};

// Arrows go from point k to point k + 1 where both are finite (a NaN separates arrows): one row
// per finite point, with the head of the arrow that starts there, if one does.
void WriteArrows(Writer& w, int item, const ArrowItem& a) {
  const std::string name = CsvLabel(a.label);
  const auto finite = [&](std::size_t k) {
    return k < a.xs.size() && k < a.ys.size() && std::isfinite(a.xs[k]) && std::isfinite(a.ys[k]);
  };
  for (std::size_t k = 0; k < a.xs.size() && k < a.ys.size(); ++k) {
    if (!finite(k)) continue;
    const bool starts = finite(k + 1);
    w.row(item, "arrows", name,
          {IndexCell(a.indices, k), CsvNumber(a.xs[k]), CsvNumber(a.ys[k]),
           starts ? CsvNumber(a.xs[k + 1]) : "", starts ? CsvNumber(a.ys[k + 1]) : ""});
  }
}

// The image's rectangle, then (with CPU data) every grid sample's f: the grid's first and last
// samples lie on the rectangle's edges, row 0 at the lowest y (field_image.h).
void WriteImage(Writer& w, int item, const ImageItem& image) {
  const std::string name = CsvLabel(image.label);
  w.row(item, "image", name,
        {"", CsvNumber(image.x_min), CsvNumber(image.y_min), CsvNumber(image.x_max),
         CsvNumber(image.y_max)});
  const FieldImage* field = image.field.get();
  if (field == nullptr || field->nx <= 0 || field->ny <= 0 ||
      field->t.size() != std::size_t(field->nx) * std::size_t(field->ny))
    return;
  const double dx = field->nx > 1 ? (image.x_max - image.x_min) / (field->nx - 1) : 0;
  const double dy = field->ny > 1 ? (image.y_max - image.y_min) / (field->ny - 1) : 0;
  // Each column's x is written once, not once per row: the numbers are the costly part.
  std::vector<std::string> xs(std::size_t(field->nx));
  for (int i = 0; i < field->nx; ++i) xs[std::size_t(i)] = CsvNumber(image.x_min + i * dx);
  char value[32];
  for (int j = 0; j < field->ny; ++j) {
    const std::string y = CsvNumber(image.y_min + j * dy);
    for (int i = 0; i < field->nx; ++i) {
      const float t = field->t[std::size_t(j) * std::size_t(field->nx) + std::size_t(i)];
      // Single precision in, so 9 digits out: more would only print the float's noise.
      if (std::isfinite(t))
        std::snprintf(value, sizeof value, "%.9g", field->scale.valueAt(double(t)));
      else
        std::snprintf(value, sizeof value, "nan");
      w.row(item, "sample", name, {"", xs[std::size_t(i)], y, "", "", value});
    }
  }
}

}  // namespace

std::string CsvCell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // The shortest text that reads back as the same double: 0.2, not 0.20000000000000001.
  char text[32];
  int digits = 1;
  for (; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  // %g writes 10 with one digit as 1e+01: whole numbers below 1e17 are written out instead.
  const char* e = std::strchr(text, 'e');
  const int exponent = e != nullptr ? std::atoi(e + 1) : 0;
  if (e != nullptr && exponent > 0 && exponent < 17)
    std::snprintf(text, sizeof text, "%.*g", std::max(digits, exponent + 1), value);
  return text;
}

std::string FigureCsv(const Figure& figure) {
  Writer w;
  w.text() = "item,kind,label,index,x,y,x_end,y_end,value\n";
  const std::string axes = figure.title + " | x: " + figure.x_label + " | y: " + figure.y_label;
  w.row(-1, "axes", axes,
        {"", CsvNumber(figure.limits.x.min), CsvNumber(figure.limits.y.min),
         CsvNumber(figure.limits.x.max), CsvNumber(figure.limits.y.max)});
  for (int n = 0; n < int(figure.items.size()); ++n) {
    std::visit(
        [&](const auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, LineItem>) {
            w.points(n, "line", it.label, it.xs, it.ys, it.indices);
          } else if constexpr (std::is_same_v<T, MarkerItem>) {
            w.points(n, "markers", it.label, it.xs, it.ys, it.indices);
          } else if constexpr (std::is_same_v<T, ArrowItem>) {
            WriteArrows(w, n, it);
          } else if constexpr (std::is_same_v<T, FillItem>) {
            const std::string name = CsvLabel(it.label);
            for (std::size_t k = 0; k < it.xs.size() && k < it.ys.size(); ++k)
              w.row(n, "fill", name,
                    {"", CsvNumber(it.xs[k]), CsvNumber(it.ys[k]), "", "",
                     k < it.ys_base.size() ? CsvNumber(it.ys_base[k]) : ""});
          } else if constexpr (std::is_same_v<T, PolygonItem>) {
            w.points(n, "polygon", it.label, it.xs, it.ys, {});
          } else if constexpr (std::is_same_v<T, RefLineItem>) {
            w.row(n, "refline", CsvLabel(it.label),
                  {"", it.vertical ? CsvNumber(it.value) : "",
                   it.vertical ? "" : CsvNumber(it.value)});
          } else if constexpr (std::is_same_v<T, TextItem>) {
            w.row(n, "text", it.text, {"", CsvNumber(it.x), CsvNumber(it.y)});
          } else if constexpr (std::is_same_v<T, ImageItem>) {
            WriteImage(w, n, it);
          }
        },
        figure.items[std::size_t(n)]);
  }
  return std::move(w.text());
}

std::string TableCsv(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows) {
  std::string text;
  auto line = [&](const std::vector<std::string>& cells, std::size_t width) {
    for (std::size_t k = 0; k < width; ++k) {
      if (k > 0) text += ",";
      if (k < cells.size()) text += CsvCell(cells[k]);
    }
    text += "\n";
  };
  line(header, header.size());
  for (const std::vector<std::string>& row : rows) line(row, std::max(header.size(), row.size()));
  return text;
}

}  // namespace gradlab::plot
