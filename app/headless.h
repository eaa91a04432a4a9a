// Headless commands: `gradlab render` (a lab to PNG) and `gradlab bench-frames` (frame-time
// report). Both draw the real UI into an offscreen target of a hidden window.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "app/app.h"

namespace gradlab {

struct HeadlessOptions {
  int lab = 0;                     // index into labTable()
  int width = 1600, height = 900;  // window size in UI units
  float scale = 1.0f;              // pixels per UI unit in the output (2 = twice the pixels)
  float ui_scale = 1.0f;           // the UI's scale, as `gui --scale` (a projector's 1.5 or 2)
  Theme theme = Theme::Dark;
  bool presentation = false;          // presentation mode (side panels hidden, thicker lines)
  int frames = 4;                     // render: enough for ImGui's layout to settle
  std::string out;                    // render: the PNG to write
  std::string scene_file;             // render SCENE.json: that scene, in the lab it names
  std::vector<std::string> lab_args;  // the lab's own options (Lab::applyOptions)
  bool report = false;                // render: print the lab's report and every kept figure
  bool drag = false;                  // bench-frames: the lab's scripted drag, every frame
  bool redraw_all = false;            // bench-frames: rasterize every frame in full
  bool animate = false;               // bench-frames: start the lab's animation (Lab::play)
  bool check_damage = false;          // bench-frames: compare each frame with a full redraw
  std::string frame_times;            // bench-frames: every frame's times to this CSV ("" none)
};

// Each returns the process exit code and prints one line on `err` on failure
// (2: no display or bad arguments, 1: rendering or writing failed).
int renderToPng(const HeadlessOptions& options, std::ostream& err);
int benchFrames(const HeadlessOptions& options, std::ostream& out, std::ostream& err);
// Compiles and links every embedded shader; prints one line per shader. 0 when all compile.
int checkShaders(std::ostream& out, std::ostream& err);

// "" when a display is reachable, else the one-line reason naming xvfb-run.
std::string displayProblem(const char* command);

}  // namespace gradlab
