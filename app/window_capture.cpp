// The whole window to PNG at a pixel scale. See window_capture.h.
#include "app/window_capture.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cmath>

#include "app/gl/draw_data_renderer.h"
#include "app/gl/render_target.h"
#include "app/png.h"

namespace gradlab {
namespace {

// One frame of the app into `target` at `pixel_scale` output pixels per UI unit.
void drawOffscreen(App& app, float pixel_scale, RenderTarget& target) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplayFramebufferScale = ImVec2(pixel_scale, pixel_scale);
  ImGui::NewFrame();
  drawApp(app, 0.0f);
  ImGui::Render();
  target.bind();
  const Rgb bg = themeBackground(app.theme);
  renderDrawDataIn(*ImGui::GetDrawData(), {PixelBox{0, 0, target.width(), target.height()}}, bg.r,
                   bg.g, bg.b);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace

std::string captureWindowIfAsked(Platform& platform, App& app) {
  const ExportDialog::WindowCapture capture = app.export_dialog.capture;
  if (!capture.pending) return "";
  const ImGuiIO& io = ImGui::GetIO();
  // The window's own pixels per UI unit (HiDPI), times the scale asked for.
  const float pixel_scale = io.DisplayFramebufferScale.x * float(capture.pixel_scale);
  const int width = int(std::lround(io.DisplaySize.x * pixel_scale));
  const int height = int(std::lround(io.DisplaySize.y * pixel_scale));
  std::string problem;
  RenderTarget target;
  if (!target.resize(width, height)) {
    problem = "cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
              " offscreen image for the window: try a smaller resolution";
  } else {
    const Theme theme = app.theme;
    const float raster = platform.fontRasterScale(), layout = platform.fontLayoutScale();
    setTheme(app, capture.theme);
    // Glyphs rasterized at the output's density, the layout unchanged: sharp text at 2x and 4x.
    if (capture.pixel_scale != 1)
      platform.rebuildFonts(raster * float(capture.pixel_scale), layout);
    drawOffscreen(app, pixel_scale, target);
    if (capture.pixel_scale != 1) platform.rebuildFonts(raster, layout);
    setTheme(app, theme);
    writePng(capture.path, width, height, target.readRgba(), &problem);
  }
  reportWindowCapture(app, problem);
  return problem;
}

}  // namespace gradlab
