// Offscreen framebuffer. See render_target.h.
#include "app/gl/render_target.h"

#include <cstring>

namespace gradlab {

RenderTarget::~RenderTarget() {
  destroy();
}

void RenderTarget::destroy() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (color_) glDeleteTextures(1, &color_);
  fbo_ = color_ = 0;
  width_ = height_ = 0;
}

bool RenderTarget::resize(int width, int height) {
  if (width <= 0 || height <= 0) return false;
  if (fbo_ && width == width_ && height == height_) return true;
  destroy();
  // Targets are drawn 1:1 (made at the on-screen pixel size), so nearest sampling is exact.
  color_ = makeClampedTexture(GL_NEAREST);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_, 0);
  const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!complete) {
    destroy();
    return false;
  }
  width_ = width;
  height_ = height;
  return true;
}

void RenderTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, width_, height_);
}

std::vector<std::uint8_t> RenderTarget::readRgba() const {
  const std::size_t row = static_cast<std::size_t>(width_) * 4;
  std::vector<std::uint8_t> pixels(row * height_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  std::vector<std::uint8_t> flipped(pixels.size());
  for (int y = 0; y < height_; ++y)
    std::memcpy(&flipped[y * row], &pixels[(height_ - 1 - y) * row], row);
  return flipped;
}

}  // namespace gradlab
