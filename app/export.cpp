// `gradlab export`: the lab's figures through the Cairo painter, the SVG writer or as CSV, and its
// tables as CSV. See export.h.
#include "app/export.h"

#include <unistd.h>

#include <sys/stat.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>
#include <vector>

#include "app/cli.h"
#include "app/labs/lab.h"
#include "app/labs/lab_options.h"
#include "app/platform.h"
#include "app/plot/figure_csv.h"
#include "app/plot/figure_painter.h"
#include "app/plot/painter_cairo.h"
#include "app/plot/painter_svg.h"
#include "app/scene_file.h"
#include "core/atomic_file.h"

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

// One line a file for tests: where its plot area lies, its data window and its colour bar.
void reportFigure(std::ostream& out, const std::string& path, const plot::Figure& fig,
                  const plot::PixelRect& bar) {
  char line[256];
  std::snprintf(line, sizeof line, "%s: area_px %.3f %.3f %.3f %.3f window %.17g %.17g %.17g %.17g",
                path.c_str(), fig.area.x0, fig.area.y0, fig.area.width(), fig.area.height(),
                fig.limits.x.min, fig.limits.x.max, fig.limits.y.min, fig.limits.y.max);
  out << line;
  if (bar.width() > 0) {
    std::snprintf(line, sizeof line, " colorbar_px %.3f %.3f %.3f %.3f", bar.x0, bar.y0,
                  bar.width(), bar.height());
    out << line;
  }
  out << "\n";
}

// A painter that only measures text (as the Cairo backend draws it): what a figure needs to be
// laid out, so its data can be written as CSV without drawing anything.
class MeasuringPainter : public plot::Painter {
 public:
  explicit MeasuringPainter(const plot::CairoOptions& options) : measure_(options) {}
  void polyline(const plot::Point*, int, plot::Color, float, bool) override {}
  void fillConvex(const plot::Point*, int, plot::Color) override {}
  void fillTriangles(const std::vector<plot::Point>&, plot::Color) override {}
  void text(plot::Point, const std::string&, plot::Color, bool) override {}
  plot::Point textSize(const std::string& text) const override { return measure_.size(text); }
  float fontSize() const override { return measure_.px(); }
  void image(const plot::PixelRect&, const plot::ImageItem&) override {}
  void pushClip(const plot::PixelRect&) override {}
  void popClip() override {}

 private:
  plot::TextMeasure measure_;
};

plot::CairoOptions cairoOptions(const FigureFileOptions& options) {
  plot::CairoOptions cairo;
  cairo.font_px = kBaseFontPx;
  cairo.pixel_scale = options.scale;
  const Rgb page = themeBackground(options.theme);
  cairo.page = {page.r, page.g, page.b, 1};
  return cairo;
}

std::string writeText(const std::string& path, const std::string& text) {
  std::string error;
  return writeFileAtomic(path, text.data(), text.size(), &error) ? "" : error;
}

}  // namespace

bool parseFigureFormat(const std::string& text, FigureFormat* format) {
  static const char* const kNames[] = {"png", "pdf", "svg", "csv"};
  for (int i = 0; i < 4; ++i)
    if (text == kNames[i]) {
      *format = FigureFormat(i);
      return true;
    }
  return false;
}

const char* figureFormatExtension(FigureFormat format) {
  static const char* const kNames[] = {"png", "pdf", "svg", "csv"};
  return kNames[int(format)];
}

std::string figureCsvText(const ExportFigure& figure, int width, int height) {
  const MeasuringPainter painter(cairoOptions(FigureFileOptions{}));
  return plot::FigureCsv(figure.build(painter, {0, 0, double(width), double(height)}));
}

std::string writeFigureFile(const ExportFigure& figure, const FigureFileOptions& options,
                            const std::string& path, plot::Figure* built,
                            plot::PixelRect* color_bar) {
  const plot::PixelRect frame{0, 0, double(options.width), double(options.height)};
  const plot::CairoOptions cairo = cairoOptions(options);
  plot::Figure fig;
  plot::PixelRect bar{0, 0, 0, 0};  // the colour bar's gradient, when the figure shows one
  std::string error;
  if (options.format == FigureFormat::Csv) {
    const MeasuringPainter painter(cairo);
    fig = figure.build(painter, frame);
    error = writeText(path, plot::FigureCsv(fig));
  } else {
    const plot::PlotStyle style = themePlotStyle(options.theme);
    const plot::PaintFunction paint = [&](plot::Painter& painter) {
      fig = figure.build(painter, frame);
      plot::PaintFigure(painter, fig, style);
      if (fig.color_bar && fig.color_bar->shown)
        bar = plot::LayoutColorBar(*fig.color_bar, plot::ColorBarStrip(fig, style, painter), style,
                                   painter)
                  .bar;
    };
    const bool ok =
        options.format == FigureFormat::Svg
            ? plot::PaintToSvgFile(path, options.width, options.height, cairo, paint, &error)
            : plot::PaintToFile(path,
                                options.format == FigureFormat::Pdf ? plot::OutputFormat::Pdf
                                                                    : plot::OutputFormat::Png,
                                options.width, options.height, cairo, paint, &error);
    if (ok) error.clear();
  }
  if (built) *built = std::move(fig);
  if (color_bar) *color_bar = bar;
  return error;
}

std::string tableCsvText(const ExportTable& table) {
  return plot::TableCsv(table.header, table.rows);
}

std::string writeTableFile(const ExportTable& table, const std::string& path) {
  return writeText(path, tableCsvText(table));
}

void addExportOptions(CLI::App& command, ExportOptions& options) {
  command.add_flag("--all", options.all,
                   "every scene in --scenes-dir (the homework's figures, assets/scenes)");
  command.add_option("--scenes-dir", options.scenes_dir, "where --all finds its scenes");
  command.add_option("--lab", options.lab, "the lab whose plots to write: " + labNameList())
      ->check(CLI::IsMember(labNames()));
  command.add_option("--out-dir", options.out_dir, "an existing, writable directory")->required();
  command
      .add_option("--format", options.format,
                  "png (default), pdf, svg, or csv (the data behind each plot)")
      ->check(CLI::IsMember({"png", "pdf", "svg", "csv"}));
  command.add_option("--size", options.size, "each figure's size, WxH pixels (default 800x600)");
  command
      .add_option("--scale", options.scale,
                  "PNG/SVG: that many output pixels per pixel of --size (2 or 4 for print)")
      ->check(CLI::Range(0.25f, 8.0f));
  command.add_option("--theme", options.theme, "light (print, the default) or dark")
      ->check(CLI::IsMember({"dark", "light"}));
  command.add_flag("--report", options.report,
                   "print each figure's plot area, data window and colour bar");
  command.allow_extras();  // the lab's own options, e.g. --function rosenbrock --lr 0.001
}

namespace {

// One lab to export: the lab on its scene, and the start of its files' names.
struct ExportJob {
  std::unique_ptr<Lab> lab;
  std::string prefix;  // "optimizer" (a lab's default scene) or the scene file's stem
};

// The lab a scene file names, on that scene with the lab options on top; "" or the problem.
std::string jobFromScene(const std::string& path, const std::vector<std::string>& lab_args,
                         ExportJob* job) {
  nlohmann::json scene;
  int lab = -1;
  std::string problem = readLabSceneFile(path, &scene, &lab);
  if (!problem.empty()) return problem;
  job->lab = labTable()[std::size_t(lab)].make();
  problem = sceneFileProblem(path, job->lab->loadScene(scene));
  if (problem.empty()) problem = job->lab->applyOptions(lab_args);
  job->prefix = std::filesystem::path(path).stem().string();
  return problem;
}

// What to export: --all (every shipped scene), one scene file, or --lab's default scene.
std::string exportJobs(const ExportOptions& options, std::vector<ExportJob>* jobs) {
  std::vector<std::string> scenes;
  if (options.all) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(options.scenes_dir, error))
      if (entry.path().extension() == ".json") scenes.push_back(entry.path().string());
    if (error || scenes.empty()) return "no scene files in " + options.scenes_dir;
    std::sort(scenes.begin(), scenes.end());
  } else if (!options.scene_file.empty()) {
    scenes.push_back(options.scene_file);
  }
  for (const std::string& path : scenes) {
    ExportJob job;
    const std::string problem = jobFromScene(path, options.lab_args, &job);
    if (!problem.empty()) return problem;
    jobs->push_back(std::move(job));
  }
  if (!scenes.empty()) return "";
  const int lab_index = findLab(options.lab);
  if (lab_index < 0) return "unknown lab '" + options.lab + "'";
  ExportJob job{labTable()[std::size_t(lab_index)].make(), options.lab};
  const std::string problem = job.lab->applyOptions(options.lab_args);
  if (!problem.empty()) return problem;
  if (job.lab->exportFigures(Theme::Light).empty())
    return "the " + options.lab + " lab has no plots to export yet";
  jobs->push_back(std::move(job));
  return "";
}

}  // namespace

int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  int width = 0, height = 0;
  std::string problem = parseSize(options.size, &width, &height);
  if (problem.empty()) problem = checkOutDir(options.out_dir);
  std::vector<ExportJob> jobs;
  if (problem.empty()) problem = exportJobs(options, &jobs);
  if (!problem.empty()) {
    err << "gradlab: error: " << problem << "\n";
    return 2;
  }
  FigureFileOptions file;
  file.width = width;
  file.height = height;
  file.scale = options.scale;
  parseTheme(options.theme.c_str(), &file.theme);
  parseFigureFormat(options.format, &file.format);
  for (const ExportJob& job : jobs) {
    for (const ExportFigure& figure : job.lab->exportFigures(file.theme)) {
      const std::string path =
          options.out_dir + "/" + job.prefix + "-" + figure.name + "." + options.format;
      plot::Figure fig;
      plot::PixelRect bar{0, 0, 0, 0};
      const std::string error = writeFigureFile(figure, file, path, &fig, &bar);
      if (!error.empty()) {
        err << "gradlab: error: " << error << "\n";
        return 1;
      }
      if (options.report) reportFigure(out, path, fig, bar);
    }
    for (const ExportTable& table : job.lab->exportTables()) {
      const std::string path = options.out_dir + "/" + job.prefix + "-" + table.name + ".csv";
      const std::string error = writeTableFile(table, path);
      if (!error.empty()) {
        err << "gradlab: error: " << error << "\n";
        return 1;
      }
    }
  }
  return 0;
}

}  // namespace gradlab
