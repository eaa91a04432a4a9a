// gradlab's entry point: command dispatch. `gradlab` (or `gradlab gui`) opens the app;
// render, bench-frames and check-shaders draw headlessly; trace needs no window at all.
#include <GLFW/glfw3.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "app/app.h"
#include "app/cli.h"
#include "app/headless.h"
#include "app/memory.h"
#include "app/platform.h"

namespace {

using namespace gradlab;

struct GuiOptions {
  std::string lab = "optimizer";
  std::string theme = "dark";
  float scale = 1.0f;
};

int runGui(const GuiOptions& options) {
  returnFreedMemoryToSystem();  // a long session must not keep what it frees (issue 15)
  std::string problem = displayProblem("render");
  if (!problem.empty()) {
    std::fprintf(stderr, "gradlab: error: %s\n", problem.c_str());
    return 2;
  }
  Platform platform;
  PlatformOptions platform_options;
  platform_options.extra_scale = options.scale;
  std::string error;
  if (!platform.init(platform_options, &error)) {
    std::fprintf(stderr, "gradlab: error: %s\n", error.c_str());
    return 2;
  }
  App app;
  parseLab(options.lab, &app.lab);
  Theme theme = Theme::Dark;
  parseTheme(options.theme.c_str(), &theme);
  setTheme(app, theme);
  app.font_warning = platform.fontWarning();
  initApp(app);

  // Draw a few frames after every wake-up so ImGui's hover and layout settle, then sleep until
  // the next event unless something animates.
  int busy_frames = 3;
  while (!platform.shouldClose() && !app.quit_requested) {
    int fb_w = 0, fb_h = 0;
    platform.framebufferSize(&fb_w, &fb_h);
    if (fb_w <= 0 || fb_h <= 0) {
      // Minimized: nothing to draw and nothing to animate; sleep until the window returns.
      platform.waitOrPoll(true, 0.5);
      busy_frames = 2;
      continue;
    }
    const bool idle = busy_frames <= 0 && !appIsAnimating(app);
    platform.waitOrPoll(idle, 0.5);
    busy_frames = idle ? 2 : busy_frames - 1;
    const auto start = std::chrono::steady_clock::now();
    platform.beginFrame();
    app.ui_scale = platform.uiScale();
    drawApp(app);
    const Rgb bg = themeBackground(app.theme);
    platform.endFrame(bg.r, bg.g, bg.b);
    const auto end = std::chrono::steady_clock::now();
    app.frame_stats.add(std::chrono::duration<float, std::milli>(end - start).count());
  }
  return 0;
}

// "1600x900" -> 1600, 900.
std::string parseSize(const std::string& text, int* width, int* height) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
    return "--size must look like 1600x900, got '" + text + "'";
  if (w < 64 || h < 64 || w > 8192 || h > 8192)
    return "--size must be between 64x64 and 8192x8192, got '" + text + "'";
  *width = w;
  *height = h;
  return "";
}

void addHeadlessOptions(CLI::App* command, HeadlessOptions& options, std::string& lab,
                        std::string& size, std::string& theme) {
  command->add_option("--lab", lab, "the lab to draw: " + labNameList())
      ->check(CLI::IsMember(labNames()));
  command->add_option("--size", size, "window size in UI units, WxH (default 1600x900)");
  command->add_option("--scale", options.scale, "output pixels per UI unit (default 1)")
      ->check(CLI::Range(0.25f, 4.0f));
  command->add_option("--theme", theme, "dark or light (default dark)")
      ->check(CLI::IsMember({"dark", "light"}));
  command->add_option("--function", options.function, "optimizer lab: a built-in function");
  command->add_option("--expr", options.expression, "optimizer lab: a function f(x, y)");
  command->add_option("--type-expr", options.typed_expression,
                      "optimizer lab: text typed into the expression box (errors shown there)");
  command->add_option("--method", options.method, "optimizer lab: the method (gd, adam, ...)");
  command->add_option("--lr", options.step_size, "optimizer lab: the step size")
      ->check(finiteNumber())
      ->check(CLI::PositiveNumber);
  command->add_flag("--compare", options.compare, "optimizer lab: compare mode");
  command
      ->add_option_function<std::vector<double>>(
          "--pin",
          [&options](const std::vector<double>& xy) {
            options.pin = true;
            options.pin_x = xy[0];
            options.pin_y = xy[1];
          },
          "optimizer lab: pin the Hessian inspector at X,Y")
      ->check(finiteNumber())
      ->delimiter(',')
      ->expected(2);
}

}  // namespace

int runCommand(int argc, char** argv);

// Exceptions stop at this boundary: whatever escapes (out of memory, a library's throw) is one
// line and a non-zero exit, never an abort with a stack of text.
int main(int argc, char** argv) {
  try {
    return runCommand(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gradlab: error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "gradlab: error: unexpected failure\n");
  }
  return 1;
}

int runCommand(int argc, char** argv) {
  CLI::App cli{"gradlab: see how neural networks are trained"};
  cli.require_subcommand(0, 1);

  GuiOptions gui_options;
  CLI::App* gui = cli.add_subcommand("gui", "open the app (the default)");
  gui->add_option("--lab", gui_options.lab, "the lab to open on: " + labNameList())
      ->check(CLI::IsMember(labNames()));
  gui->add_option("--theme", gui_options.theme, "dark or light")
      ->check(CLI::IsMember({"dark", "light"}));
  gui->add_option("--scale", gui_options.scale, "UI scale on top of the monitor's (1 to 3)")
      ->check(CLI::Range(0.5f, 4.0f));

  HeadlessOptions render_options;
  std::string render_lab = "optimizer", render_size = "1600x900", render_theme = "dark";
  CLI::App* render = cli.add_subcommand("render", "draw a lab headlessly and write a PNG");
  addHeadlessOptions(render, render_options, render_lab, render_size, render_theme);
  render->add_option("--out", render_options.out, "the PNG file to write")->required();
  render->add_option("--frames", render_options.frames, "frames to draw before the capture")
      ->check(CLI::Range(1, 10000));
  render->add_flag("--report", render_options.report, "print where the contour plot lies");

  HeadlessOptions bench_options;
  bench_options.frames = 300;
  std::string bench_lab = "optimizer", bench_size = "1600x900", bench_theme = "dark";
  CLI::App* bench = cli.add_subcommand("bench-frames", "report frame times of a lab (vsync off)");
  addHeadlessOptions(bench, bench_options, bench_lab, bench_size, bench_theme);
  bench->add_option("--frames", bench_options.frames, "frames to time (default 300)")
      ->check(CLI::Range(1, 100000));
  bench->add_flag("--drag", bench_options.drag, "drag the first start point every frame");

  CLI::App* shaders = cli.add_subcommand("check-shaders", "compile every embedded shader");

  TraceOptions trace_options;
  CLI::App* trace =
      cli.add_subcommand("trace", "run optimizers and print every iterate (no window)");
  addTraceOptions(*trace, trace_options);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    for (char& c : message)
      if (c == '\n') c = ' ';
    std::fprintf(stderr, "gradlab: error: %s (see gradlab --help)\n", message.c_str());
    return 2;
  }

  auto finishHeadless = [](HeadlessOptions& options, const std::string& lab,
                           const std::string& size, const std::string& theme) -> std::string {
    parseLab(lab, &options.lab);
    parseTheme(theme.c_str(), &options.theme);
    return parseSize(size, &options.width, &options.height);
  };

  if (*render) {
    std::string error = finishHeadless(render_options, render_lab, render_size, render_theme);
    if (!error.empty()) {
      std::fprintf(stderr, "gradlab: error: %s\n", error.c_str());
      return 2;
    }
    return renderToPng(render_options, std::cerr);
  }
  if (*bench) {
    std::string error = finishHeadless(bench_options, bench_lab, bench_size, bench_theme);
    if (!error.empty()) {
      std::fprintf(stderr, "gradlab: error: %s\n", error.c_str());
      return 2;
    }
    return benchFrames(bench_options, std::cout, std::cerr);
  }
  if (*shaders) return checkShaders(std::cout, std::cerr);
  if (*trace) return runTrace(trace_options, std::cout, std::cerr);
  return runGui(gui_options);
}
