// `gradlab export`: a lab's plots as PNG or PDF files, painted by the plot module's CPU backend
// (Cairo). No window, no GL and no display: it runs on a machine without X or Xvfb.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/theme.h"

namespace gradlab {

struct ExportOptions {
  std::string scene_file;  // export SCENE.json: that scene's lab and figures
  bool all = false;        // --all: every scene file in scenes_dir
  std::string scenes_dir = GRADLAB_SCENES_DIR;
  std::string lab = "optimizer";
  std::string out_dir;                // must exist and be writable
  std::string format = "png";         // png, pdf or svg
  std::string size = "800x600";       // each figure, pixels (PDF: points)
  float scale = 1;                    // PNG and SVG: output pixels per layout pixel
  std::string theme = "dark";         // dark or light
  bool report = false;                // print each figure's area, window, colour bar (tests)
  std::vector<std::string> lab_args;  // the lab's own options (as for render)
};

void addExportOptions(CLI::App& command, ExportOptions& options);

// Writes <out-dir>/<lab>-<figure>.<ext> for each of the lab's export figures (the optimizer lab:
// map, f and grad-norm), of its default scene with the lab's own options applied (the optimizer
// lab's default: EXERCISES C4); for a scene file (or each of --all's), <stem>-<figure>.<ext> of
// that scene. Returns the exit code: 0, 2 for bad arguments (one line on `err`), 1 when a file
// cannot be written.
int runExport(const ExportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gradlab
