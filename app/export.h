// `gradlab export`: a lab's plots as PNG, PDF, SVG or CSV files (and its tables as CSV), painted by
// the plot module's CPU backend (Cairo). No window, no GL and no display: it runs on a machine
// without X or Xvfb. The window's File > Export (export_ui.h) writes its files through the same
// writeFigureFile and writeTableFile.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/labs/lab.h"
#include "app/theme.h"

namespace gradlab {

struct ExportOptions {
  std::string scene_file;  // export SCENE.json: that scene's lab and figures
  bool all = false;        // --all: every scene file in scenes_dir
  std::string scenes_dir = GRADLAB_SCENES_DIR;
  std::string lab = "optimizer";
  std::string out_dir;                // must exist and be writable
  std::string format = "png";         // png, pdf, svg or csv (the data behind each plot)
  std::string size = "800x600";       // each figure, pixels (PDF: points)
  float scale = 1;                    // PNG and SVG: output pixels per layout pixel
  std::string theme = "light";        // light (print, the default) or dark
  bool report = false;                // print each figure's area, window, colour bar (tests)
  std::vector<std::string> lab_args;  // the lab's own options (as for render)
};

// One figure file as export writes it.
enum class FigureFormat { Png, Pdf, Svg, Csv };
struct FigureFileOptions {
  FigureFormat format = FigureFormat::Png;
  int width = 800, height = 600;  // the figure's layout size, pixels (PDF: points)
  float scale = 1;                // PNG and SVG: output pixels per layout pixel
  Theme theme = Theme::Light;
};
// "png" -> Png, ...; false for anything else.
bool parseFigureFormat(const std::string& text, FigureFormat* format);
const char* figureFormatExtension(FigureFormat format);  // "png", "pdf", "svg", "csv"

// Builds `figure` at options' size and writes it to `path` atomically: painted by Cairo (PNG,
// PDF), written as SVG, or its data as CSV (app/plot/figure_csv.h). "" or a one-line problem.
// `built` (may be null) receives the figure as laid out, `color_bar` its colour bar's gradient
// rectangle (0 wide when it has none).
std::string writeFigureFile(const ExportFigure& figure, const FigureFileOptions& options,
                            const std::string& path, plot::Figure* built = nullptr,
                            plot::PixelRect* color_bar = nullptr);
// The CSV text of `figure`'s data, built at width x height (curves longer than twice the plot's
// width in pixels are thinned to each pixel column's extremes, as on screen; every row is a
// real data point).
std::string figureCsvText(const ExportFigure& figure, int width, int height);
// The table as CSV text, and written to `path` atomically ("" or a one-line problem).
std::string tableCsvText(const ExportTable& table);
std::string writeTableFile(const ExportTable& table, const std::string& path);

void addExportOptions(CLI::App& command, ExportOptions& options);

// Writes <out-dir>/<lab>-<figure>.<ext> for each of the lab's export figures (the optimizer lab:
// map, f and grad-norm), of its default scene with the lab's own options applied (the optimizer
// lab's default: EXERCISES C4); for a scene file (or each of --all's), <stem>-<figure>.<ext> of
// that scene. Every table of the lab is written too, as <prefix>-<table>.csv, whatever the
// format. Returns the exit code: 0, 2 for bad arguments (one line on `err`), 1 when a file
// cannot be written.
int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gradlab
