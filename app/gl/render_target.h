// RenderTarget: an offscreen framebuffer with an RGBA8 colour texture. Headless rendering draws
// the whole UI into one; the optimizer lab shades its contour into one when the view changes.
#pragma once

#include <cstdint>
#include <vector>

#include "app/gl/gl.h"

namespace gradlab {

class RenderTarget {
 public:
  RenderTarget() = default;
  RenderTarget(const RenderTarget&) = delete;
  RenderTarget& operator=(const RenderTarget&) = delete;
  ~RenderTarget();

  // (Re)creates the target at width x height pixels; no-op when the size is unchanged.
  // Returns false for a zero size or an incomplete framebuffer.
  bool resize(int width, int height);
  void destroy();
  void bind() const;  // binds it and sets the viewport to its size

  // Reads the pixels back, top row first (GL's origin is bottom-left).
  std::vector<std::uint8_t> readRgba() const;

  GLuint texture() const { return color_; }
  GLuint framebuffer() const { return fbo_; }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  GLuint fbo_ = 0, color_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace gradlab
