// `gradlab export`: the lab's figures through the Cairo painter. See export.h.
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
#include "app/plot/figure_painter.h"
#include "app/plot/painter_cairo.h"
#include "app/plot/painter_svg.h"
#include "app/scene_file.h"

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

}  // namespace

void addExportOptions(CLI::App& command, ExportOptions& options) {
  command.add_flag("--all", options.all,
                   "every scene in --scenes-dir (the homework's figures, assets/scenes)");
  command.add_option("--scenes-dir", options.scenes_dir, "where --all finds its scenes");
  command.add_option("--lab", options.lab, "the lab whose plots to write: " + labNameList())
      ->check(CLI::IsMember(labNames()));
  command.add_option("--out-dir", options.out_dir, "an existing, writable directory")->required();
  command.add_option("--format", options.format, "png (default), pdf or svg")
      ->check(CLI::IsMember({"png", "pdf", "svg"}));
  command.add_option("--size", options.size, "each figure's size, WxH pixels (default 800x600)");
  command
      .add_option("--scale", options.scale,
                  "PNG/SVG: that many output pixels per pixel of --size (2 or 4 for print)")
      ->check(CLI::Range(0.25f, 8.0f));
  command.add_option("--theme", options.theme, "dark (default) or light")
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
  if (job.lab->exportFigures(Theme::Dark).empty())
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
  Theme theme = Theme::Dark;
  parseTheme(options.theme.c_str(), &theme);
  const bool svg = options.format == "svg";
  const plot::PixelRect frame{0, 0, double(width), double(height)};
  const plot::PlotStyle style = themePlotStyle(theme);
  plot::CairoOptions cairo;
  cairo.font_px = kBaseFontPx;
  cairo.pixel_scale = options.scale;
  const Rgb page = themeBackground(theme);
  cairo.page = {page.r, page.g, page.b, 1};

  for (const ExportJob& job : jobs) {
    for (const ExportFigure& figure : job.lab->exportFigures(theme)) {
      const std::string path =
          options.out_dir + "/" + job.prefix + "-" + figure.name + "." + options.format;
      plot::Figure fig;
      plot::PixelRect bar{0, 0, 0, 0};  // the colour bar's gradient, when the figure shows one
      std::string error;
      const plot::PaintFunction paint = [&](plot::Painter& painter) {
        fig = figure.build(painter, frame);
        plot::PaintFigure(painter, fig, style);
        if (fig.color_bar && fig.color_bar->shown)
          bar = plot::LayoutColorBar(*fig.color_bar, plot::ColorBarStrip(fig, style, painter),
                                     style, painter)
                    .bar;
      };
      const bool ok = svg ? plot::PaintToSvgFile(path, width, height, cairo, paint, &error)
                          : plot::PaintToFile(path,
                                              options.format == "pdf" ? plot::OutputFormat::Pdf
                                                                      : plot::OutputFormat::Png,
                                              width, height, cairo, paint, &error);
      if (!ok) {
        err << "gradlab: error: " << error << "\n";
        return 1;
      }
      if (options.report) reportFigure(out, path, fig, bar);
    }
  }
  return 0;
}

}  // namespace gradlab
