// Headless commands: `gradlab render` (a lab to PNG) and `gradlab bench-frames` (frame-time
// report). Both draw the real UI into an offscreen target of a hidden window.
#pragma once

#include <ostream>
#include <string>

#include "app/app.h"

namespace gradlab {

struct HeadlessOptions {
  LabId lab = LabId::Optimizer;
  int width = 1600, height = 900;  // window size in UI units
  float scale = 1.0f;              // pixels per UI unit in the output (2 = twice the pixels)
  Theme theme = Theme::Dark;
  int frames = 4;   // render: enough for ImGui's layout to settle
  std::string out;  // render: the PNG to write

  // Optimizer-lab set-up on top of its default scene (JSON scenes will carry all of this).
  std::string function;          // a built-in's name
  std::string expression;        // an f(x, y); an invalid one is a command-line error
  std::string typed_expression;  // typed into the lab's box: an invalid one shows its error there
  std::string method;            // a method's CLI name, e.g. "adam"
  double step_size = 0;          // > 0: the method's step size
  bool compare = false;          // compare mode: GD, momentum, Adam, Newton from the first start
  bool pin = false;              // pin the Hessian inspector at pin_x, pin_y
  double pin_x = 0, pin_y = 0;
  bool report = false;  // render: print where the contour plot lies (pixel tests)
  bool drag = false;    // bench-frames: drag the first start point around a circle
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
