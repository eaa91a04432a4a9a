// Hidden-window rendering loop shared by render and bench-frames. See headless.h.
#include "app/headless.h"
#include "app/scene_file.h"

#include "app/draw_fingerprint.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <sstream>
#include <thread>
#include <variant>
#include <vector>

#include "app/gl/draw_data_renderer.h"
#include "app/gl/embedded_shaders.h"
#include "app/gl/kept_frame.h"
#include "app/gl/render_target.h"
#include "app/gl/shader.h"
#include "app/memory.h"
#include "app/platform.h"
#include "app/png.h"
#include "core/atomic_file.h"

namespace gradlab {
namespace {

double processCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

// One hidden window with the app, drawing into an offscreen target of width*scale pixels.
struct HeadlessSession {
  Platform platform;
  App app;
  KeptFrame kept;  // the frame's pixels, redrawn where they change
  long redrawn_pixels = 0;

  bool open(const HeadlessOptions& options, std::ostream& err) {
    // The scene first: a bad lab option is an error before any window opens.
    app.lab = options.lab;
    app.select_lab_tab = true;
    initApp(app);
    std::string scene_error =
        options.scene_file.empty() ? "" : openSceneFile(app, options.scene_file);
    if (scene_error.empty()) scene_error = currentLab(app).applyOptions(options.lab_args);
    if (!scene_error.empty()) {
      err << "gradlab: error: " << scene_error << "\n";
      return false;
    }
    std::string problem = displayProblem("render");
    if (!problem.empty()) {
      err << "gradlab: error: " << problem << "\n";
      return false;
    }
    PlatformOptions platform_options;
    platform_options.width = options.width;
    platform_options.height = options.height;
    platform_options.visible = false;
    platform_options.vsync = false;
    std::string error;
    if (!platform.init(platform_options, &error)) {
      err << "gradlab: error: " << error << "\n";
      return false;
    }
    const int pixel_w = int(std::lround(options.width * double(options.scale)));
    const int pixel_h = int(std::lround(options.height * double(options.scale)));
    if (!kept.resize(pixel_w, pixel_h)) {
      err << "gradlab: error: cannot make a " << pixel_w << "x" << pixel_h
          << " offscreen framebuffer\n";
      return false;
    }
    // Glyphs rasterized at the output's pixel density, layout in UI units, both at the UI scale.
    platform.rebuildFonts(options.scale * options.ui_scale, options.ui_scale);
    app.ui_scale = options.ui_scale;
    app.presentation = options.presentation;
    app.font_warning = platform.fontWarning();
    setTheme(app, options.theme);
    return true;
  }

  int drag_frame_ = -1;  // >= 0 while a scripted drag runs
  FrameSkipper skipper;  // as the app's window: a frame equal to the last is not rasterized
  long rasterized = 0;
  std::chrono::steady_clock::time_point ui_done;  // when the last frame's UI and lab work ended

  void frame(const HeadlessOptions& options) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(options.width), float(options.height));
    io.DisplayFramebufferScale = ImVec2(options.scale, options.scale);
    io.DeltaTime = 1.0f / 60.0f;
    if (drag_frame_ >= 0) currentLab(app).scriptDrag(drag_frame_++, io);
    ImGui::NewFrame();
    drawApp(app, io.DeltaTime);
    ImGui::Render();
    ui_done = std::chrono::steady_clock::now();
    if (options.redraw_all) skipper.invalid = true;
    const std::uint64_t fingerprint = drawFingerprint(*ImGui::GetDrawData(), appPixelsVersion(app));
    if (!skipper.mustDraw(fingerprint)) return;  // the target holds these pixels already
    const Rgb bg = themeBackground(app.theme);
    const long pixels = kept.draw(*ImGui::GetDrawData(), appPixelsVersion(app), bg.r, bg.g, bg.b,
                                  options.redraw_all);
    if (pixels <= 0) return;
    ++rasterized;
    redrawn_pixels += pixels;
  }

  // bench-frames --check-damage: the frame drawn again in full into a second framebuffer; true
  // when any pixel differs from the kept frame's.
  bool differsFromFullRedraw() {
    ImDrawData& data = *ImGui::GetDrawData();
    if (!full.resize(kept.target().width(), kept.target().height())) return true;
    full.bind();
    const Rgb bg = themeBackground(app.theme);
    renderDrawDataIn(data, {PixelBox{0, 0, full.width(), full.height()}}, bg.r, bg.g, bg.b);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return full.readRgba() != kept.target().readRgba();
  }
  RenderTarget full;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  // Nearest rank: the smallest value with at least p of the samples at or below it.
  std::size_t rank = std::size_t(std::ceil(p * double(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

}  // namespace

std::string displayProblem(const char* command) {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((x11 && *x11) || (wayland && *wayland)) return "";
  return std::string("no display to open a window on; run it headless with: xvfb-run -a gradlab ") +
         command + " ...";
}

int renderToPng(const HeadlessOptions& options, std::ostream& err) {
  HeadlessSession session;
  if (!session.open(options, err)) return 2;
  for (int i = 0; i < options.frames; ++i) session.frame(options);
  // Background work (a sweep, a large recompute) lands before the picture is taken: at most a
  // minute, then the picture shows what there is.
  if (currentLab(session.app).working()) {
    for (int i = 0; i < 6000 && currentLab(session.app).working(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      session.frame(options);
    }
    for (int i = 0; i < 3; ++i) session.frame(options);  // the result drawn, the layout settled
  }
  if (options.report) {
    // What the lab says of itself (e.g. where its contour plot lies in output pixels).
    std::ostringstream lab_report;
    currentLab(session.app).printReport(lab_report, options.scale);
    std::fputs(lab_report.str().c_str(), stdout);
    // Every plot's kept figure in brief (what SVG export will draw): view, legend corner, texts.
    static const char* const kCorners[] = {"top-right", "top-left", "bottom-right", "bottom-left"};
    for (const auto& [id, state] : session.app.plots.plots) {
      const plot::Figure& f = state.last_figure;
      std::printf("figure: %s | x %.9g %.9g | y %.9g %.9g | legend %s", f.title.c_str(),
                  f.limits.x.min, f.limits.x.max, f.limits.y.min, f.limits.y.max,
                  f.legend.empty() || !f.show_legend ? "none" : kCorners[int(f.legend_corner)]);
      for (const plot::Item& item : f.items) {
        if (const auto* t = std::get_if<plot::TextItem>(&item))
          std::printf(" | text \"%s\" at %.9g %.9g", t->text.c_str(), t->x, t->y);
        if (const auto* im = std::get_if<plot::ImageItem>(&item))
          std::printf(" | image %s", im->source_id.c_str());
      }
      // Where it was drawn (and its plot area), and the style scale its lines and markers were
      // multiplied by.
      std::printf(" | style scale %g | frame %.6g %.6g %.6g %.6g | area %.6g %.6g %.6g %.6g\n",
                  double(f.scale), f.frame.x0, f.frame.y0, f.frame.width(), f.frame.height(),
                  f.area.x0, f.area.y0, f.area.width(), f.area.height());
    }
    std::fflush(stdout);
  }
  std::string error;
  if (!writePng(options.out, session.kept.target().width(), session.kept.target().height(),
                session.kept.target().readRgba(), &error)) {
    err << "gradlab: error: " << error << "\n";
    return 1;
  }
  return 0;
}

int benchFrames(const HeadlessOptions& options, std::ostream& out, std::ostream& err) {
  returnFreedMemoryToSystem();  // the allocator as the app's (gradlab gui) has it
  HeadlessSession session;
  if (!session.open(options, err)) return 2;
  // Two warm-up frames: the first builds the layout and uploads textures.
  for (int i = 0; i < 2; ++i) session.frame(options);
  glFinish();
  std::vector<double> ms;
  ms.reserve(std::size_t(options.frames));
  if (options.drag) session.drag_frame_ = 0;
  if (options.animate && !currentLab(session.app).play()) {
    err << "gradlab: error: --animate: the " << labTable()[std::size_t(options.lab)].name
        << " lab has nothing to play\n";
    return 2;
  }
  const std::vector<LabCounter> counters_before = currentLab(session.app).counters();
  const long rasterized_before = session.rasterized;
  const long redrawn_before = session.redrawn_pixels;
  const double tracking_before = session.kept.trackingSeconds();
  long damage_errors = 0;
  std::ostringstream frame_rows;  // --frame-times
  frame_rows << "frame,ms,ui_ms,rasterized\n";
  const double cpu_start = processCpuSeconds();
  const auto bench_start = std::chrono::steady_clock::now();
  for (int i = 0; i < options.frames; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const long rasterized = session.rasterized;
    session.frame(options);
    glFinish();  // count the GPU's (llvmpipe's) work in the frame it belongs to
    const auto end = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    if (!options.frame_times.empty())
      frame_rows << i << ',' << ms.back() << ','
                 << std::chrono::duration<double, std::milli>(session.ui_done - start).count()
                 << ',' << (session.rasterized > rasterized ? 1 : 0) << '\n';
    if (options.check_damage && session.rasterized > rasterized)
      damage_errors += session.differsFromFullRedraw() ? 1 : 0;
    // As the app's loop: the status bar's figures are of rasterized frames, shown twice a second.
    if (session.rasterized > rasterized) session.app.frame_stats.add(float(ms.back()));
    session.app.frame_stats.refreshShown(std::chrono::duration<double>(end - bench_start).count());
  }
  const double cpu_ms = (processCpuSeconds() - cpu_start) * 1000.0 / double(options.frames);
  char line[128];
  auto print = [&](const char* key, double value) {
    std::snprintf(line, sizeof line, "%s: %.3f\n", key, value);
    out << line;
  };
  out << "frames: " << options.frames << "\n";
  print("p50_ms", percentile(ms, 0.50));
  print("p90_ms", percentile(ms, 0.90));
  print("p99_ms", percentile(ms, 0.99));
  print("max_ms", *std::max_element(ms.begin(), ms.end()));
  print("cpu_ms_per_frame", cpu_ms);
  const long rasterized_frames = session.rasterized - rasterized_before;
  out << "frames_rasterized: " << rasterized_frames << "\n";
  const double frame_pixels =
      double(session.kept.target().width()) * session.kept.target().height();
  print("redrawn_fraction", rasterized_frames ? double(session.redrawn_pixels - redrawn_before) /
                                                    (double(rasterized_frames) * frame_pixels)
                                              : 0.0);
  print("damage_ms_per_frame",
        (session.kept.trackingSeconds() - tracking_before) * 1000.0 / double(options.frames));
  if (options.check_damage) out << "damage_mismatch_frames: " << damage_errors << "\n";
  print("peak_rss_mb", peakRssMb());
  // What the timed frames recomputed: 0 while idle ("nothing changed, nothing recomputed").
  const std::vector<LabCounter> counters_after = currentLab(session.app).counters();
  for (std::size_t i = 0; i < counters_after.size() && i < counters_before.size(); ++i)
    out << counters_after[i].first << ": " << counters_after[i].second - counters_before[i].second
        << "\n";
  const ImDrawData* draw = ImGui::GetDrawData();
  int commands = 0;
  for (int i = 0; draw && i < draw->CmdListsCount; ++i)
    commands += draw->CmdLists[i]->CmdBuffer.Size;
  out << "draw_vertices: " << (draw ? draw->TotalVtxCount : 0) << "\n";
  out << "draw_commands: " << commands << "\n";
  if (!options.frame_times.empty()) {
    const std::string text = frame_rows.str();
    std::string error;
    if (!writeFileAtomic(options.frame_times, text.data(), text.size(), &error)) {
      err << "gradlab: error: " << error << "\n";
      return 1;
    }
  }
  return 0;
}

int checkShaders(std::ostream& out, std::ostream& err) {
  std::string problem = displayProblem("check-shaders");
  if (!problem.empty()) {
    err << "gradlab: error: " << problem << "\n";
    return 2;
  }
  Platform platform;
  PlatformOptions platform_options;
  platform_options.visible = false;
  platform_options.width = platform_options.height = 64;
  std::string error;
  if (!platform.init(platform_options, &error)) {
    err << "gradlab: error: " << error << "\n";
    return 2;
  }
  int failures = 0;
  for (const EmbeddedShader& shader : embeddedShaders()) {
    const char* name = shader.name;
    const bool vertex = std::strstr(name, ".vert") != nullptr;
    std::string log;
    GLuint id =
        compileShader(vertex ? GL_VERTEX_SHADER : GL_FRAGMENT_SHADER, name, shader.source, &log);
    if (id) {
      glDeleteShader(id);
      out << name << ": ok\n";
    } else {
      ++failures;
      err << log;
    }
  }
  out << embeddedShaders().size() - failures << " compiled, " << failures << " failed\n";
  return failures == 0 ? 0 : 1;
}

}  // namespace gradlab
