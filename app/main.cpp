// gradlab's entry point: command dispatch. `gradlab` (or `gradlab gui`) opens the app;
// render, bench-frames and check-shaders draw headlessly; trace needs no window at all.
#include <GLFW/glfw3.h>
#include <CLI/CLI.hpp>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/cli.h"
#include "app/export.h"
#include "app/headless.h"
#include "app/heap_trim.h"
#include "app/memory.h"
#include "app/platform.h"
#include "app/scene_file.h"
#include "app/settings.h"
#include "app/window_capture.h"

namespace {

using namespace gradlab;

struct GuiOptions {
  std::string lab = "optimizer";
  std::string theme;                  // "" the saved one (settings.json), else dark or light
  float scale = 0;                    // 0 the saved one, else the UI scale for this run
  std::string size;                   // "" the saved window size, else WxH for this run
  bool no_settings = false;           // neither read nor write settings.json (tests, kiosks)
  bool presentation = false;          // start in presentation mode
  bool fullscreen = false;            // start full screen
  bool play = false;                  // start the lab's animation (a teacher's demo)
  double quit_after = 0;              // > 0: close after this many seconds (tests, timed demos)
  bool report_frames = false;         // print how many frames were drawn, at exit
  bool report_ui = false;             // print theme, scale, font size and window size, at exit
  std::vector<std::string> lab_args;  // the lab's own options, e.g. --function rosenbrock
  std::string scene_file;             // gradlab open FILE: the scene (and the lab it names)
};

// Writes settings.json when a setting changed (or on quit); a failure shows in the status bar.
void saveSettingsNow(SettingsSession& settings, App& app, const Platform& platform, bool quitting) {
  int w = 0, h = 0;
  platform.windowedSize(&w, &h);
  const std::string problem = saveChangedSettings(settings, app, w, h, quitting);
  if (!problem.empty()) {
    app.settings_message = "settings.json: " + problem;
    if (quitting) std::fprintf(stderr, "gradlab: warning: %s\n", app.settings_message.c_str());
  }
}

// Reads settings.json (unless --no-settings) and notes which values the command line sets for
// this run only. Returns "" or a bad --size.
std::string loadGuiSettings(const GuiOptions& options, SettingsSession* session, App& app) {
  if (!options.no_settings) session->path = settingsPathFromEnvironment();
  if (!session->path.empty()) {
    app.settings_message = loadSettings(session->path, &session->loaded);
    session->corrupt = !app.settings_message.empty();
  }
  session->written = session->loaded;
  session->theme_flag = !options.theme.empty();
  if (session->theme_flag) parseTheme(options.theme.c_str(), &session->flag_theme);
  session->scale_flag = options.scale > 0;
  session->flag_scale = options.scale;
  session->size_flag = !options.size.empty();
  if (session->size_flag) {
    std::string error = parseSize(options.size, &session->flag_width, &session->flag_height);
    if (!error.empty()) return error;
  }
  app.recent_scenes = session->loaded.recent_scenes;
  app.requested_scale = session->scale_flag ? options.scale : session->loaded.ui_scale;
  return "";
}

void reportUi(const App& app, const Platform& platform) {
  int w = 0, h = 0;
  platform.windowedSize(&w, &h);
  std::printf(
      "theme: %s\nui_scale: %g\nfont_raster_px: %g\nfont_global_scale: %g\nwindow: %dx%d\n"
      "presentation: %d\nfullscreen: %d\nrecent_scenes: %d\n",
      themeName(app.theme), double(app.ui_scale), double(ImGui::GetIO().Fonts->Fonts[0]->FontSize),
      double(ImGui::GetIO().FontGlobalScale), w, h, int(app.presentation),
      int(platform.fullscreen()), int(app.recent_scenes.size()));
  for (const std::string& path : app.recent_scenes) std::printf("recent: %s\n", path.c_str());
  std::printf("settings_message: %s\n", app.settings_message.c_str());
}

// The app's frames: one when something happened (input, a worker's result, the lab's next
// iterate), a few more while ImGui's hover and layout settle, none while nothing changes.
void runEventLoop(Platform& platform, App& app, SettingsSession& settings, double quit_after) {
  constexpr double kMinFrameInterval = 1.0 / 60.0;  // an animation draws at most 60 frames/s
  int settle_frames = 3;
  double last_frame = -1;
  const double quit_at = quit_after > 0 ? glfwGetTime() + quit_after : Lab::kNever;
  constexpr double kIdleWait = 0.25;  // a wait this long (or none scheduled) is going idle
  HeapTrimmer heap_trimmer;
  bool drew_since_idle = false;
  while (!platform.shouldClose() && !app.quit_requested && glfwGetTime() < quit_at) {
    int fb_w = 0, fb_h = 0;
    platform.framebufferSize(&fb_w, &fb_h);
    if (fb_w <= 0 || fb_h <= 0) {
      platform.waitEvents(quit_at - glfwGetTime());  // minimized: nothing to draw until it returns
      settle_frames = 2;
      continue;
    }
    double wait = settle_frames > 0 ? 0 : appSecondsUntilChange(app);
    if (ImGui::GetIO().WantTextInput) wait = std::min(wait, 0.5);  // the text cursor blinks
    if (wait < Lab::kNever && last_frame >= 0)
      wait = std::max(wait, kMinFrameInterval - (glfwGetTime() - last_frame));
    wait = std::min(wait, std::max(0.0, quit_at - glfwGetTime()));
    // Going idle after drawing: memory freed by the last frames goes back to the system now,
    // while nothing waits for a frame (app/heap_trim.h).
    if (wait >= kIdleWait && drew_since_idle) {
      trimHeapWhenIdle(heap_trimmer);
      drew_since_idle = false;
    }
    const bool woke = platform.waitEvents(wait);
    if (glfwGetTime() >= quit_at) break;
    // Three frames after an event: a quick click is pressed in one frame and released in the
    // next, and what the release changed (a combo's new entry) shows in the one after.
    settle_frames = woke ? 3 : std::max(0, settle_frames - 1);
    last_frame = glfwGetTime();
    const auto start = std::chrono::steady_clock::now();
    platform.setExtraScale(app.requested_scale);  // View > UI scale: fonts re-rasterized now
    platform.beginFrame();
    app.ui_scale = platform.uiScale();
    for (std::string& path : platform.takeDroppedFiles()) app.dropped_files.push_back(path);
    drawApp(app, ImGui::GetIO().DeltaTime);
    if (app.toggle_fullscreen) {
      app.toggle_fullscreen = false;
      platform.toggleFullscreen();
    }
    // A new scale applies at the next frame's start (fonts cannot change within a frame).
    if (app.requested_scale != platform.extraScale()) settle_frames = std::max(settle_frames, 2);
    saveSettingsNow(settings, app, platform, false);
    const Rgb bg = themeBackground(app.theme);
    const bool drew = platform.endFrame(bg.r, bg.g, bg.b, appPixelsVersion(app));
    // File > Export's whole window: drawn again offscreen, then a frame to show the result.
    if (app.export_dialog.capture.pending) {
      captureWindowIfAsked(platform, app);
      settle_frames = 2;
    }
    const auto end = std::chrono::steady_clock::now();
    // The status bar's frame time is that of frames that changed pixels (the cost of showing a
    // change); it is shown twice a second, so its own digits do not force a redraw each frame.
    if (drew) app.frame_stats.add(std::chrono::duration<float, std::milli>(end - start).count());
    app.frame_stats.refreshShown(glfwGetTime());
    ++app.frames_drawn;
    if (drew) ++app.frames_rasterized;
    // Only a frame that changed pixels did work that can leave freed memory behind; a wake-up
    // that drew nothing (the text cursor's blink) does not check the heaps again.
    drew_since_idle = drew_since_idle || drew;
  }
  // The soak (scripts/soak.sh) reports what the trims cost.
  const char* report = std::getenv("GRADLAB_TRIM_REPORT");
  if (report != nullptr && std::string(report) == "1") printHeapTrimStats(heap_trimmer.stats);
}

int runGui(const GuiOptions& options) {
  returnFreedMemoryToSystem();  // a long session must not keep what it frees (issue 15)
  // The scene first: a bad option is an error before any window opens.
  App app;
  app.lab = std::max(0, findLab(options.lab));
  initApp(app, &glfwPostEmptyEvent);
  SettingsSession settings;
  std::string error = loadGuiSettings(options, &settings, app);
  if (error.empty() && !options.scene_file.empty()) error = openSceneFile(app, options.scene_file);
  if (error.empty()) error = currentLab(app).applyOptions(options.lab_args);
  if (error.empty() && options.play && !currentLab(app).play())
    error = std::string("--play: the ") + labTable()[std::size_t(app.lab)].name +
            " lab has nothing to play";
  if (!error.empty()) {
    std::fprintf(stderr, "gradlab: error: %s\n", error.c_str());
    return 2;
  }
  std::string problem = displayProblem("gui");
  if (!problem.empty()) {
    std::fprintf(stderr, "gradlab: error: %s\n", problem.c_str());
    return 2;
  }
  Platform platform;
  PlatformOptions platform_options;
  platform_options.extra_scale = app.requested_scale;
  platform_options.width = settings.size_flag ? settings.flag_width : settings.loaded.window_width;
  platform_options.height =
      settings.size_flag ? settings.flag_height : settings.loaded.window_height;
  if (!platform.init(platform_options, &error)) {
    std::fprintf(stderr, "gradlab: error: %s\n", error.c_str());
    return 2;
  }
  setTheme(app, settings.theme_flag ? settings.flag_theme : settings.loaded.theme);
  app.presentation = options.presentation;
  if (options.fullscreen) platform.toggleFullscreen();
  app.font_warning = platform.fontWarning();
  runEventLoop(platform, app, settings, options.quit_after);
  saveSettingsNow(settings, app, platform, true);
  if (options.report_frames)
    std::printf("frames_drawn: %ld\nframes_rasterized: %ld\n", app.frames_drawn,
                app.frames_rasterized);
  if (options.report_ui) reportUi(app, platform);
  return 0;
}

// render and bench-frames: their options, and the text of the common ones until parsed.
struct HeadlessCommand {
  CLI::App* app = nullptr;
  HeadlessOptions options;
  std::string lab = "optimizer", size = "1600x900", theme = "dark";
};

void addHeadlessOptions(HeadlessCommand& c) {
  CLI::App* command = c.app;
  command->add_option("--lab", c.lab, "the lab to draw: " + labNameList())
      ->check(CLI::IsMember(labNames()));
  command->add_option("--size", c.size, "window size in UI units, WxH (default 1600x900)");
  command->add_option("--scale", c.options.scale, "output pixels per UI unit (default 1)")
      ->check(CLI::Range(0.25f, 4.0f));
  command
      ->add_option("--ui-scale", c.options.ui_scale, "the UI's scale, as gui --scale (default 1)")
      ->check(CLI::Range(0.5f, 4.0f));
  command->add_option("--theme", c.theme, "dark or light (default dark)")
      ->check(CLI::IsMember({"dark", "light"}));
  command->add_flag("--presentation", c.options.presentation,
                    "presentation mode: side panels hidden, thicker lines");
  // Everything else belongs to the lab (e.g. the optimizer lab's --function, --lr, --pin).
  command->allow_extras();
  std::string footer = "Lab options:";
  for (const LabEntry& entry : labTable())
    if (*entry.options) footer += std::string("\n  ") + entry.name + ": " + entry.options;
  command->footer(footer);
}

void addGuiOptions(CLI::App* gui, GuiOptions& o) {
  gui->add_option("--lab", o.lab, "the lab to open on: " + labNameList())
      ->check(CLI::IsMember(labNames()));
  gui->add_option("--theme", o.theme, "dark or light (default: the saved theme)")
      ->check(CLI::IsMember({"dark", "light"}));
  gui->add_option("--scale", o.scale,
                  "UI scale on top of the monitor's, 1 to 3 (default: the saved scale)")
      ->check(CLI::Range(0.5f, 4.0f));
  gui->add_option("--size", o.size, "window size WxH (default: the saved size, else 1600x900)");
  gui->add_flag("--no-settings", o.no_settings,
                "neither read nor write settings.json (theme, scale, recent files, window size)");
  gui->add_flag("--presentation", o.presentation,
                "start in presentation mode (side panels hidden; F5 or Esc leaves)");
  gui->add_flag("--fullscreen", o.fullscreen, "start full screen (F11 toggles)");
  gui->add_flag("--play", o.play, "start the lab's animation (a classroom demo)");
  gui->add_option("--quit-after", o.quit_after, "close after this many seconds")
      ->check(finiteNumber())
      ->check(CLI::PositiveNumber);
  gui->add_flag("--report-frames", o.report_frames, "print how many frames were drawn, at exit");
  gui->add_flag("--report-ui", o.report_ui,
                "print the theme, UI scale, font size and window size, at exit");
  gui->allow_extras();  // the lab's own options, as for render
}

void addRender(CLI::App& cli, HeadlessCommand& c) {
  c.app = cli.add_subcommand(
      "render", "draw a lab (or a scene file: render SCENE.json) headlessly and write a PNG");
  addHeadlessOptions(c);
  c.app->add_option("--out", c.options.out, "the PNG file to write")->required();
  c.app->add_option("--frames", c.options.frames, "frames to draw before the capture")
      ->check(CLI::Range(1, 10000));
  c.app->add_flag("--report", c.options.report, "print where the contour plot lies");
}

void addBench(CLI::App& cli, HeadlessCommand& c) {
  c.options.frames = 300;
  c.app = cli.add_subcommand("bench-frames", "report frame times of a lab (vsync off)");
  addHeadlessOptions(c);
  c.app->add_option("--frames", c.options.frames, "frames to time (default 300)")
      ->check(CLI::Range(1, 100000));
  c.app->add_flag("--drag", c.options.drag, "drag the first start point every frame");
  c.app->add_flag("--redraw-all", c.options.redraw_all,
                  "rasterize every frame in full, also those whose pixels did not change");
  c.app->add_flag("--animate", c.options.animate, "start the lab's animation before timing");
  c.app->add_flag("--check-damage", c.options.check_damage,
                  "draw each frame again in full and count frames whose pixels differ");
  c.app->add_option("--frame-times", c.options.frame_times,
                    "also write every frame's times to this CSV (frame,ms,ui_ms,rasterized)");
}

// `gradlab export|render|bench-frames SCENE.json ...`: a first argument ending in .json is the
// scene, taken out of the lab's options (a positional option would swallow their values).
std::string takeSceneFile(std::vector<std::string>& args) {
  if (args.empty() || args.front().size() <= 5 || args.front().rfind("--", 0) == 0 ||
      args.front().compare(args.front().size() - 5, 5, ".json") != 0)
    return "";
  std::string path = args.front();
  args.erase(args.begin());
  return path;
}

// The parsed common options into c.options; "" or the one-line problem.
std::string finishHeadless(HeadlessCommand& c) {
  c.options.lab = std::max(0, findLab(c.lab));
  c.options.lab_args = c.app->remaining();
  c.options.scene_file = takeSceneFile(c.options.lab_args);
  parseTheme(c.theme.c_str(), &c.options.theme);
  return parseSize(c.size, &c.options.width, &c.options.height);
}

int reportError(const std::string& error) {
  std::fprintf(stderr, "gradlab: error: %s\n", error.c_str());
  return 2;
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
  GuiOptions gui_options, open_options;
  CLI::App* gui = cli.add_subcommand("gui", "open the app (the default)");
  addGuiOptions(gui, gui_options);
  CLI::App* open = cli.add_subcommand("open", "open the app on a scene file (it names its lab)");
  open->add_option("scene", open_options.scene_file, "a scene file (JSON), as File > Save writes")
      ->required();
  addGuiOptions(open, open_options);
  HeadlessCommand render, bench;
  addRender(cli, render);
  addBench(cli, bench);
  CLI::App* shaders = cli.add_subcommand("check-shaders", "compile every embedded shader");
  TraceOptions trace_options;
  CLI::App* trace =
      cli.add_subcommand("trace", "run optimizers and print every iterate (no window)");
  addTraceOptions(*trace, trace_options);
  ExportOptions export_options;
  CLI::App* exporter =
      cli.add_subcommand("export",
                         "write a lab's (or a scene file's: export SCENE.json) plots as PNG, PDF "
                         "or SVG files (no display needed)");
  addExportOptions(*exporter, export_options);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    std::replace(message.begin(), message.end(), '\n', ' ');
    return reportError(message + " (see gradlab --help)");
  }

  if (*render.app) {
    std::string error = finishHeadless(render);
    // Before the scene and any window: nothing is drawn for a file that cannot be written.
    if (error.empty()) error = checkOutputFile(render.options.out);
    return error.empty() ? renderToPng(render.options, std::cerr) : reportError(error);
  }
  if (*bench.app) {
    const std::string error = finishHeadless(bench);
    return error.empty() ? benchFrames(bench.options, std::cout, std::cerr) : reportError(error);
  }
  if (*shaders) return checkShaders(std::cout, std::cerr);
  if (*trace) return runTrace(trace_options, std::cout, std::cerr);
  if (*exporter) {
    export_options.lab_args = exporter->remaining();
    export_options.scene_file = takeSceneFile(export_options.lab_args);
    return runExport(export_options, std::cout, std::cerr);
  }
  if (*open) {
    open_options.lab_args = open->remaining();
    return runGui(open_options);
  }
  gui_options.lab_args = gui->remaining();
  return runGui(gui_options);
}
