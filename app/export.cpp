// `gradlab export`: the lab's figures through the Cairo painter. See export.h.
#include "app/export.h"

#include <unistd.h>

#include <sys/stat.h>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "app/cli.h"
#include "app/labs/lab.h"
#include "app/platform.h"
#include "app/plot/figure_painter.h"
#include "app/plot/painter_cairo.h"
#include "app/plot/painter_svg.h"

namespace gradlab {
namespace {

std::string checkOutDir(const std::string& dir) {
  struct stat st {};
  if (dir.empty()) return "--out-dir is empty";
  if (stat(dir.c_str(), &st) != 0) return "--out-dir " + dir + " does not exist";
  if (!S_ISDIR(st.st_mode)) return "--out-dir " + dir + " is not a directory";
  if (!canWriteIn(dir)) return "--out-dir " + dir + " is not writable";
  return "";
}

}  // namespace

void addExportOptions(CLI::App& command, ExportOptions& options) {
  command.add_option("--lab", options.lab, "the lab whose plots to write: " + labNameList())
      ->check(CLI::IsMember(labNames()));
  command.add_option("--out-dir", options.out_dir, "an existing, writable directory")->required();
  command.add_option("--format", options.format, "png (default), pdf or svg")
      ->check(CLI::IsMember({"png", "pdf", "svg"}));
  command.add_option("--size", options.size, "each figure's size, WxH pixels (default 800x600)");
  command.add_option("--theme", options.theme, "dark (default) or light")
      ->check(CLI::IsMember({"dark", "light"}));
  command.add_flag("--report", options.report,
                   "print each figure's plot area, data window and colour bar");
  command.allow_extras();  // the lab's own options, e.g. --function rosenbrock --lr 0.001
}

int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  int width = 0, height = 0;
  std::string problem = parseSize(options.size, &width, &height);
  if (problem.empty()) problem = checkOutDir(options.out_dir);
  if (!problem.empty()) {
    err << "gradlab: error: " << problem << "\n";
    return 2;
  }
  Theme theme = Theme::Dark;
  parseTheme(options.theme.c_str(), &theme);
  const bool svg = options.format == "svg";

  const int lab_index = findLab(options.lab);
  if (lab_index < 0) {
    err << "gradlab: error: unknown lab '" << options.lab << "'\n";
    return 2;
  }
  const std::unique_ptr<Lab> lab = labTable()[std::size_t(lab_index)].make();
  problem = lab->applyOptions(options.lab_args);
  if (!problem.empty()) {
    err << "gradlab: error: " << problem << "\n";
    return 2;
  }
  const std::vector<ExportFigure> figures = lab->exportFigures(theme);
  if (figures.empty()) {
    err << "gradlab: error: the " << options.lab << " lab has no plots to export yet\n";
    return 2;
  }
  const plot::PixelRect frame{0, 0, double(width), double(height)};
  const plot::PlotStyle style = themePlotStyle(theme);
  plot::CairoOptions cairo;
  cairo.font_px = kBaseFontPx;
  const Rgb page = themeBackground(theme);
  cairo.page = {page.r, page.g, page.b, 1};

  for (const ExportFigure& figure : figures) {
    const std::string path =
        options.out_dir + "/" + options.lab + "-" + figure.name + "." + options.format;
    plot::Figure fig;
    plot::PixelRect bar{0, 0, 0, 0};  // the colour bar's gradient, when the figure shows one
    std::string error;
    const plot::PaintFunction paint = [&](plot::Painter& painter) {
      fig = figure.build(painter, frame);
      plot::PaintFigure(painter, fig, style);
      if (fig.color_bar && fig.color_bar->shown)
        bar = plot::LayoutColorBar(*fig.color_bar, plot::ColorBarStrip(fig, style, painter), style,
                                   painter)
                  .bar;
    };
    const bool ok =
        svg ? plot::PaintToSvgFile(path, width, height, cairo, paint, &error)
            : plot::PaintToFile(
                  path, options.format == "pdf" ? plot::OutputFormat::Pdf : plot::OutputFormat::Png,
                  width, height, cairo, paint, &error);
    if (!ok) {
      err << "gradlab: error: " << error << "\n";
      return 1;
    }
    if (options.report) {
      char line[256];
      std::snprintf(line, sizeof line,
                    "%s: area_px %.3f %.3f %.3f %.3f window %.17g %.17g %.17g %.17g", path.c_str(),
                    fig.area.x0, fig.area.y0, fig.area.width(), fig.area.height(), fig.limits.x.min,
                    fig.limits.x.max, fig.limits.y.min, fig.limits.y.max);
      out << line;
      if (bar.width() > 0) {
        std::snprintf(line, sizeof line, " colorbar_px %.3f %.3f %.3f %.3f", bar.x0, bar.y0,
                      bar.width(), bar.height());
        out << line;
      }
      out << "\n";
    }
  }
  return 0;
}

}  // namespace gradlab
