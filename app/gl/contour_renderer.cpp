// Field texture upload and contour shading. See contour_renderer.h.
#include "app/gl/contour_renderer.h"

namespace gradlab {

ContourRenderer::~ContourRenderer() {
  destroy();
}

bool ContourRenderer::init(std::string* error) {
  if (!program_.build("field.vert", "field.frag", error)) return false;
  // Linear filtering interpolates the grid bilinearly: smooth iso-lines from a coarse grid.
  field_texture_ = makeClampedTexture(GL_LINEAR);
  colormap_texture_ = makeClampedTexture(GL_LINEAR);
  glBindTexture(GL_TEXTURE_2D, 0);
  glGenVertexArrays(1, &vertex_array_);  // core profile draws need a bound VAO, even empty
  return true;
}

void ContourRenderer::destroy() {
  if (field_texture_) glDeleteTextures(1, &field_texture_);
  if (colormap_texture_) glDeleteTextures(1, &colormap_texture_);
  if (vertex_array_) glDeleteVertexArrays(1, &vertex_array_);
  field_texture_ = colormap_texture_ = vertex_array_ = 0;
  uploaded_colormap_ = nullptr;
  program_.destroy();
  target_.destroy();
}

void ContourRenderer::setField(const float* values, int nx, int ny) {
  glBindTexture(GL_TEXTURE_2D, field_texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, nx, ny, 0, GL_RED, GL_FLOAT, values);
  glBindTexture(GL_TEXTURE_2D, 0);
  nx_ = nx;
  ny_ = ny;
}

GLuint ContourRenderer::shade(int width, int height, const ContourStyle& style) {
  if (!ready() || nx_ < 2 || ny_ < 2 || !target_.resize(width, height)) return 0;
  if (style.colormap_rgb && style.colormap_rgb != uploaded_colormap_) {
    glBindTexture(GL_TEXTURE_2D, colormap_texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB32F, 256, 1, 0, GL_RGB, GL_FLOAT, style.colormap_rgb);
    uploaded_colormap_ = style.colormap_rgb;
  }
  target_.bind();
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  glUseProgram(program_.id());
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, field_texture_);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, colormap_texture_);
  glUniform1i(program_.uniform("u_field"), 0);
  glUniform1i(program_.uniform("u_colormap"), 1);
  glUniform2f(program_.uniform("u_grid_size"), float(nx_), float(ny_));
  glUniform1f(program_.uniform("u_levels"), float(style.levels));
  glUniform1i(program_.uniform("u_filled"), style.filled ? 1 : 0);
  glUniform1i(program_.uniform("u_colored_lines"), style.colored_lines ? 1 : 0);
  glUniform1f(program_.uniform("u_line_px"), style.line_px);
  glUniform4fv(program_.uniform("u_line_color"), 1, style.line_rgba);
  glUniform4fv(program_.uniform("u_background"), 1, style.background_rgba);
  glBindVertexArray(vertex_array_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return target_.texture();
}

}  // namespace gradlab
