// Lab: what the app, `render`, `bench-frames` and the scene files ask of every lab, and the one
// table of labs. A lab owns its state (inputs, results, caches); the app owns the labs.
// Adding a lab: a folder app/labs/<lab>/ with a class implementing Lab, plus one line in
// lab_table.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/theme.h"
#include "app/views/background_worker.h"

#include "app/plot/figure.h"
#include "app/plot/painter.h"

struct ImGuiIO;

namespace gradlab {

namespace plot {
struct PlotContext;
}

// One of a lab's plots as `gradlab export` writes it: a file name part ("map" ->
// optimizer-map.png) and how to build its figure for a frame (the painter measures text).
struct ExportFigure {
  std::string name;
  std::function<plot::Figure(const plot::Painter& painter, const plot::PixelRect& frame)> build;
};

// A table of numbers a lab shows (the stochastic lab's nine estimation errors), as export writes
// it: <prefix>-<name>.csv with `header` as its first line. Cells are text as the file has them.
struct ExportTable {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// What a lab's frame gets from the app.
struct LabFrame {
  plot::PlotContext* plots = nullptr;  // current already; for labs that keep figures
  Theme theme = Theme::Dark;
  float dt = 0;  // seconds since the previous frame (0 on the first)
  // Presentation mode: the lab hides its controls panel and inspectors so its plots fill the
  // window (a lab with a timeline keeps Play/Step/Rewind above its plots).
  bool presentation = false;
};

// A named count a lab keeps of its own work (fields evaluated, runs recomputed): bench-frames
// prints how much each grew over the timed frames.
using LabCounter = std::pair<std::string, long>;

class Lab {
 public:
  static constexpr double kNever = std::numeric_limits<double>::infinity();

  virtual ~Lab() = default;

  // Puts the lab on its default scene. Needs no GL context (GL resources are made when drawn).
  virtual void reset() = 0;
  // Draws the lab into the current ImGui window, filling the space left.
  virtual void draw(const LabFrame& frame) = 0;
  // Seconds until the lab's pictures change on their own (the next iterate of an animation):
  // the event loop sleeps at most this long. kNever when nothing moves.
  virtual double secondsUntilChange() const { return kNever; }
  // Changes whenever a texture the lab draws changes its contents under the same name (a
  // contour re-shaded in place): frames whose draw data and this version match the last drawn
  // frame are not rasterized (app/draw_fingerprint.h).
  virtual std::uint64_t pixelsVersion() const { return 0; }
  // Background work calls `wake` when its result is ready (the loop then draws a frame).
  virtual void setWake(WakeFunction /*wake*/) {}
  // True while background work is under way whose result the pictures will show (`render`
  // draws until it lands, so a screenshot shows the finished picture).
  virtual bool working() const { return false; }
  // Starts the lab's animation from its beginning (gradlab gui --play); false when it has none.
  virtual bool play() { return false; }
  // The keyboard's animation commands (Space, Right arrow, R; app/shortcuts.h), each on the
  // lab's shared Timeline; false when the lab has no animation. togglePlay: play or pause (from
  // the start when every iterate is shown or the end was reached); stepForward: one iterate (or
  // training step) on, paused; rewind: back to the first iterate, paused. What the animation is
  // (runs revealed, or a network trained) each lab's panel says.
  virtual bool togglePlay() { return false; }
  virtual bool stepForward() { return false; }
  virtual bool rewind() { return false; }

  // The lab's inputs (its scene) as JSON, and back: "" or the problem, naming the bad field.
  virtual nlohmann::json saveScene() const;
  virtual std::string loadScene(const nlohmann::json& scene);

  // The lab's own command-line options (after the common ones of gui, render, bench-frames),
  // e.g. {"--function", "rosenbrock"}, applied on top of the default scene; "" or a one-line
  // problem. The default accepts none.
  virtual std::string applyOptions(const std::vector<std::string>& args);

  // The lab's plots for `gradlab export`, built from its current scene in `theme`; empty when
  // the lab has none yet.
  virtual std::vector<ExportFigure> exportFigures(Theme /*theme*/) const { return {}; }
  // The lab's tables for export (CSV whatever the figures' format); empty when it shows none.
  virtual std::vector<ExportTable> exportTables() const { return {}; }

  // Headless hooks: counters for bench-frames, facts for `render --report`, and scripted input
  // for `bench-frames --drag` (sets io's mouse for frame k; false when the lab has none).
  virtual std::vector<LabCounter> counters() const { return {}; }
  virtual void printReport(std::ostream& /*out*/, float /*pixel_scale*/) const {}
  virtual bool scriptDrag(int /*frame*/, ImGuiIO& /*io*/) { return false; }
};

struct LabEntry {
  const char* name;     // as in `gradlab render --lab NAME` and in scene files
  const char* title;    // tab label
  const char* options;  // its options for gui, render and bench-frames, for --help ("" none)
  std::unique_ptr<Lab> (*make)();
};

// Every lab, in tab order (Ctrl+1 is the first).
const std::vector<LabEntry>& labTable();
// The index of the lab called `name`, or -1.
int findLab(const std::string& name);
std::vector<std::string> labNames();  // one per lab (CLI validation)
std::string labNameList();            // "optimizer|activations|..."

}  // namespace gradlab
