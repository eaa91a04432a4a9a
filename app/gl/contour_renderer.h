// ContourRenderer: shades a scalar field into a texture as a filled colour map with iso-lines
// (shaders/field.frag). The field is uploaded once per change and shaded once per change; the
// plot then draws the finished texture every frame, which costs next to nothing.
#pragma once

#include <string>

#include "app/gl/gl.h"
#include "app/gl/render_target.h"
#include "app/gl/shader.h"

namespace gradlab {

struct ContourStyle {
  int levels = 14;            // bands between t = 0 and 1: lines at t = k / levels
  bool filled = true;         // false: lines only, like matplotlib's contour
  bool colored_lines = true;  // lines only: lines take the colour map's colour
  float line_px = 1.0f;       // iso-line width in output pixels
  float line_rgba[4] = {0.0f, 0.0f, 0.0f, 0.35f};
  float background_rgba[4] = {1.0f, 1.0f, 1.0f, 1.0f};
  const float* colormap_rgb = nullptr;  // 256 x 3 floats in [0, 1]
};

class ContourRenderer {
 public:
  // Builds the shader program; false with the compiler's messages on failure.
  bool init(std::string* error);
  bool ready() const { return program_.ready(); }
  void destroy();
  ~ContourRenderer();

  // Uploads a field of nx x ny colour-map positions t (0 and 1 are the map's ends, levels are
  // at t = k / levels), row 0 at the window's lowest y. NaN marks "undefined".
  void setField(const float* values, int nx, int ny);
  // Shades the current field into a width x height texture and returns it (0 on failure).
  // Leaves the default framebuffer bound.
  GLuint shade(int width, int height, const ContourStyle& style);

  GLuint texture() const { return target_.texture(); }

 private:
  ShaderProgram program_;
  RenderTarget target_;
  GLuint field_texture_ = 0, colormap_texture_ = 0, vertex_array_ = 0;
  const float* uploaded_colormap_ = nullptr;
  int nx_ = 0, ny_ = 0;
};

}  // namespace gradlab
