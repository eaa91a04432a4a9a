// GLFW window + OpenGL 3.3 core context + Dear ImGui set-up. See platform.h.
#include "app/platform.h"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace gradlab {
namespace {

constexpr const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

void onGlfwError(int code, const char* description) {
  std::fprintf(stderr, "gradlab: error: GLFW %d: %s\n", code, description);
}

bool fileExists(const char* path) {
  return std::ifstream(path).good();
}

float monitorContentScale(GLFWwindow* window) {
  float sx = 1.0f, sy = 1.0f;
  glfwGetWindowContentScale(window, &sx, &sy);
  float s = std::max(sx, sy);
  return (std::isfinite(s) && s > 0.25f && s < 8.0f) ? s : 1.0f;
}

}  // namespace

Platform::~Platform() {
  shutdown();
}

bool Platform::init(const PlatformOptions& options, std::string* error) {
  glfwSetErrorCallback(nullptr);  // we word the errors ourselves below
  if (!glfwInit()) {
    *error = "cannot open a window: no display (set DISPLAY, or run headless under xvfb-run)";
    return false;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  window_ = glfwCreateWindow(options.width, options.height, options.title, nullptr, nullptr);
  if (!window_) {
    const char* description = nullptr;
    glfwGetError(&description);
    *error = std::string("cannot create an OpenGL 3.3 core context") +
             (description ? std::string(" (") + description + ")" : std::string()) +
             "; gradlab needs OpenGL 3.3 (Mesa's llvmpipe provides it in software)";
    glfwTerminate();
    return false;
  }
  glfwSetErrorCallback(onGlfwError);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(options.vsync ? 1 : 0);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is ours, not a file's; settings come in a later issue
  // No keyboard navigation: Space and the arrows are the animation's shortcuts (app/shortcuts.h).
  // Tab still moves between fields.
  // An exposed or resized window has lost its pixels: the next frame is drawn in full.
  glfwSetWindowUserPointer(window_, this);
  glfwSetWindowRefreshCallback(window_, [](GLFWwindow* window) {
    static_cast<Platform*>(glfwGetWindowUserPointer(window))->skipper_.invalid = true;
  });
  glfwSetDropCallback(window_, [](GLFWwindow* window, int count, const char** paths) {
    auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(window));
    for (int i = 0; i < count; ++i) self->dropped_files_.emplace_back(paths[i]);
  });
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imgui_ready_ = true;

  extra_scale_ = options.extra_scale;
  beginFrameScales();
  return true;
}

void Platform::shutdown() {
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    imgui_ready_ = false;
  }
  if (window_) {
    kept_.release();  // its GL objects go while the context is current
    glfwDestroyWindow(window_);
    window_ = nullptr;
    glfwTerminate();
  }
}

bool Platform::shouldClose() const {
  return glfwWindowShouldClose(window_);
}

bool Platform::waitEvents(double timeout_s) {
  if (!(timeout_s > 0)) {
    glfwPollEvents();
    return false;
  }
  if (std::isinf(timeout_s)) {
    glfwWaitEvents();
    return true;
  }
  const double start = glfwGetTime();
  glfwWaitEventsTimeout(timeout_s);
  // GLFW does not say whether the wait timed out; an end well before the timeout is an event.
  return glfwGetTime() - start < 0.9 * timeout_s;
}

void Platform::setExtraScale(float extra_scale) {
  extra_scale_ = std::clamp(extra_scale, 0.5f, 4.0f);
}

void Platform::rebuildFonts(float raster_scale, float layout_scale) {
  skipper_.invalid = true;  // a new font texture may reuse the old one's name
  kept_.invalidate();
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 2;
  const float px = std::round(kBaseFontPx * raster_scale);
  ImFont* font = nullptr;
  // Latin, Greek (eta, lambda, sigma), subscripts and the math symbols the labs write
  // (nabla, norms, arrows, <=): DejaVu Sans has them all.
  static const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x2027, 0x2070,
                                         0x209F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};
  if (fileExists(kFontPath))
    font = io.Fonts->AddFontFromFileTTF(kFontPath, px, &config, kGlyphRanges);
  if (font) {
    font_warning_.clear();
  } else {
    font_warning_ = std::string("DejaVu Sans not found at ") + kFontPath +
                    "; using ImGui's built-in font (install fonts-dejavu-core)";
    std::fprintf(stderr, "gradlab: warning: %s\n", font_warning_.c_str());
    ImFontConfig fallback;
    fallback.SizePixels = std::round(13.0f * raster_scale);
    io.Fonts->AddFontDefault(&fallback);
  }
  io.Fonts->Build();
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  // Sizes (padding, rounding, scrollbars) follow the font so the layout scales as a whole.
  ImGuiStyle& style = ImGui::GetStyle();
  ImVec4 colors[ImGuiCol_COUNT];  // the theme's colours survive the reset of the sizes
  for (int i = 0; i < ImGuiCol_COUNT; ++i) colors[i] = style.Colors[i];
  style = ImGuiStyle();
  for (int i = 0; i < ImGuiCol_COUNT; ++i) style.Colors[i] = colors[i];
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.ScaleAllSizes(layout_scale);
  io.FontGlobalScale = layout_scale / raster_scale;
  raster_scale_built_ = raster_scale;
  layout_scale_built_ = layout_scale;
}

void Platform::beginFrameScales() {
  int window_w = 0, window_h = 0, fb_w = 0, fb_h = 0;
  glfwGetWindowSize(window_, &window_w, &window_h);
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  const float fb_scale = (window_w > 0 && fb_w > 0) ? float(fb_w) / float(window_w) : 1.0f;
  const float raster = monitorContentScale(window_) * extra_scale_;
  const float layout = raster / std::max(fb_scale, 1.0f);
  ui_scale_ = layout;  // plot lines and markers are drawn in layout units, as ImGui's sizes
  if (std::fabs(raster - raster_scale_built_) > 0.01f ||
      std::fabs(layout - layout_scale_built_) > 0.01f)
    rebuildFonts(raster, layout);
}

void Platform::beginFrame() {
  beginFrameScales();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

bool Platform::endFrame(float clear_r, float clear_g, float clear_b,
                        std::uint64_t content_version) {
  ImGui::Render();
  if (!skipper_.mustDraw(drawFingerprint(*ImGui::GetDrawData(), content_version))) return false;
  // Drawn into the kept frame where it changed, then copied whole to the back buffer (whose
  // pixels are undefined after a swap).
  if (kept_.draw(*ImGui::GetDrawData(), content_version, clear_r, clear_g, clear_b) < 0)
    return false;
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, w, h);
  kept_.copyToWindow();
  glfwSwapBuffers(window_);
  return true;
}

std::vector<std::string> Platform::takeDroppedFiles() {
  std::vector<std::string> files;
  files.swap(dropped_files_);
  return files;
}

void Platform::framebufferSize(int* width, int* height) const {
  glfwGetFramebufferSize(window_, width, height);
}

namespace {

// The monitor that overlaps the window most (GLFW has no "current monitor" for a window).
GLFWmonitor* monitorOfWindow(GLFWwindow* window) {
  int wx = 0, wy = 0, ww = 0, wh = 0;
  glfwGetWindowPos(window, &wx, &wy);
  glfwGetWindowSize(window, &ww, &wh);
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  GLFWmonitor* best = glfwGetPrimaryMonitor();
  long best_area = -1;
  for (int i = 0; i < count; ++i) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
    if (!mode) continue;
    int mx = 0, my = 0;
    glfwGetMonitorPos(monitors[i], &mx, &my);
    const long w = std::max(0, std::min(wx + ww, mx + mode->width) - std::max(wx, mx));
    const long h = std::max(0, std::min(wy + wh, my + mode->height) - std::max(wy, my));
    if (w * h > best_area) {
      best_area = w * h;
      best = monitors[i];
    }
  }
  return best;
}

}  // namespace

bool Platform::fullscreen() const {
  return window_ && glfwGetWindowMonitor(window_) != nullptr;
}

void Platform::toggleFullscreen() {
  if (!window_) return;
  skipper_.invalid = true;
  if (fullscreen()) {
    glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_w_, windowed_h_,
                         GLFW_DONT_CARE);
    return;
  }
  GLFWmonitor* monitor = monitorOfWindow(window_);
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (!mode) return;  // no monitor to fill (cannot happen on a live display)
  glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
  glfwGetWindowSize(window_, &windowed_w_, &windowed_h_);
  glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void Platform::windowedSize(int* width, int* height) const {
  if (fullscreen()) {
    *width = windowed_w_;
    *height = windowed_h_;
  } else {
    glfwGetWindowSize(window_, width, height);
  }
}

}  // namespace gradlab
