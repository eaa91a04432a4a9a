#include "app/gl/kept_frame.h"

#include <imgui.h>

#include <cmath>
#include <ctime>

#include "app/gl/draw_data_renderer.h"
#include "app/gl/gl.h"

namespace gradlab {
namespace {

// CPU time of this thread: the tracker's cost, whatever else the machine runs.
double threadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

}  // namespace

bool KeptFrame::resize(int width, int height) {
  if (width == target_.width() && height == target_.height()) return true;
  damage_.invalidate();
  return target_.resize(width, height);
}

long KeptFrame::draw(ImDrawData& data, std::uint64_t content_version, float clear_r, float clear_g,
                     float clear_b, bool everything) {
  const int w = int(data.DisplaySize.x * data.FramebufferScale.x);
  const int h = int(data.DisplaySize.y * data.FramebufferScale.y);
  if (!resize(w, h)) return -1;
  auto channel = [](float c) {
    return std::uint32_t(std::lround(std::fmin(std::fmax(c, 0.f), 1.f) * 255));
  };
  const std::uint32_t clear = channel(clear_r) | channel(clear_g) << 8 | channel(clear_b) << 16;
  if (everything) damage_.invalidate();
  const double start = threadCpuSeconds();
  last_damage_ = damage_.update(data, content_version, clear);
  tracking_seconds_ += threadCpuSeconds() - start;
  long pixels = 0;
  for (const PixelBox& box : last_damage_) pixels += box.area();
  if (pixels == 0) return 0;
  target_.bind();
  renderDrawDataIn(data, last_damage_, clear_r, clear_g, clear_b, buffers_);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return pixels;
}

void KeptFrame::copyToWindow() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, target_.framebuffer());
  glBlitFramebuffer(0, 0, target_.width(), target_.height(), 0, 0, target_.width(),
                    target_.height(), GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
}

}  // namespace gradlab
