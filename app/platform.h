// Platform: the GLFW window, its OpenGL 3.3 core context, Dear ImGui with a real font, and
// content-scale (HiDPI) handling. Visible for the app, hidden for headless render/bench.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/draw_fingerprint.h"
#include "app/gl/kept_frame.h"

struct GLFWwindow;

namespace gradlab {

struct PlatformOptions {
  int width = 1600, height = 900;  // window size in screen coordinates
  bool visible = true;             // false: hidden window for render / bench-frames
  bool vsync = true;
  float extra_scale = 1.0f;  // multiplies the monitor's content scale (presentation mode)
  const char* title = "gradlab";
};

class Platform {
 public:
  Platform() = default;
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;
  ~Platform();

  // Opens the window and sets up ImGui. Returns false with a one-line *error when there is no
  // display or no OpenGL 3.3 core context can be had.
  bool init(const PlatformOptions& options, std::string* error);
  void shutdown();

  GLFWwindow* window() const { return window_; }
  bool shouldClose() const;
  // Waits up to timeout_s seconds for an event (0: only polls; infinity: until one arrives, or
  // glfwPostEmptyEvent from a worker) and processes what arrived. Returns true when the wait
  // ended before its time, i.e. something happened that the next frames must show.
  bool waitEvents(double timeout_s);
  // Starts an ImGui frame (backends + ImGui::NewFrame). Rebuilds fonts first if the scale changed.
  void beginFrame();
  // Renders ImGui's draw data into the window's back buffer and swaps, unless the frame would
  // draw exactly the pixels on screen (same draw data and `content_version`, see
  // app/draw_fingerprint.h). Returns whether it drew.
  bool endFrame(float clear_r, float clear_g, float clear_b, std::uint64_t content_version);
  // Paths of files dropped on the window since the last call.
  std::vector<std::string> takeDroppedFiles();
  // Frames not rasterized because they matched the one on screen.
  long framesSkipped() const { return skipper_.skipped; }
  // Framebuffer size in pixels (0 x 0 while minimized).
  void framebufferSize(int* width, int* height) const;

  // F11: full screen on the monitor that holds most of the window, and back to the windowed
  // position and size it had before.
  void toggleFullscreen();
  bool fullscreen() const;
  // The window's size when not full screen (what settings keep), in screen coordinates.
  void windowedSize(int* width, int* height) const;

  // UI scale = monitor content scale x extra scale; fonts are re-rasterized at that size (at
  // the next beginFrame after setExtraScale: ImGui cannot change fonts within a frame).
  float uiScale() const { return ui_scale_; }
  void setExtraScale(float extra_scale);
  float extraScale() const { return extra_scale_; }
  // Rasterizes the fonts at kBaseFontPx x raster_scale pixels and scales the style's sizes by
  // layout_scale. They differ when the framebuffer has more pixels than the window has units
  // (macOS, Wayland, headless --scale): then ImGui lays out in units and io.FontGlobalScale
  // brings the sharper glyphs back to unit size.
  void rebuildFonts(float raster_scale, float layout_scale);
  // The scales the fonts were last rasterized at (rebuildFonts' arguments).
  float fontRasterScale() const { return raster_scale_built_; }
  float fontLayoutScale() const { return layout_scale_built_; }
  // "" when DejaVu Sans was found, else the warning shown in the status bar.
  const std::string& fontWarning() const { return font_warning_; }

 private:
  void beginFrameScales();  // re-rasterizes fonts when the monitor's content scale changed

  GLFWwindow* window_ = nullptr;
  bool imgui_ready_ = false;
  float extra_scale_ = 1.0f;
  float ui_scale_ = 1.0f;
  FrameSkipper skipper_;
  KeptFrame kept_;  // the last frame's pixels, redrawn where they change
  std::vector<std::string> dropped_files_;
  float raster_scale_built_ = 0.0f, layout_scale_built_ = 0.0f;
  std::string font_warning_;
  int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 0, windowed_h_ = 0;  // before full screen
};

// The size a font is designed at, before scaling: large enough for a projector at scale 1.
constexpr float kBaseFontPx = 17.0f;

}  // namespace gradlab
