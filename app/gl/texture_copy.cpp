#include "app/gl/texture_copy.h"

#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "app/gl/gl.h"

namespace gradlab {

void CopyTextureToClipRect(const ImDrawList* /*list*/, const ImDrawCmd* cmd) {
  const ImDrawData* data = ImGui::GetDrawData();
  const auto texture = GLuint(reinterpret_cast<std::uintptr_t>(cmd->UserCallbackData));
  if (data == nullptr || texture == 0) return;
  GLint width = 0, height = 0;
  glBindTexture(GL_TEXTURE_2D, texture);  // the backend binds each command's texture again
  glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &width);
  glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_HEIGHT, &height);
  // The clip rectangle in framebuffer pixels, y up (the backend's viewport is the framebuffer).
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
  // A texture made at the rectangle's pixel size (truncated) is copied 1:1 from its top-left
  // corner: an unscaled blit is a plain copy, a scaled one would sample every pixel again.
  const auto x0 = GLint(std::lround((cmd->ClipRect.x - origin.x) * scale.x));
  const auto top = GLint(std::lround((cmd->ClipRect.y - origin.y) * scale.y));
  GLint x1 = GLint(std::lround((cmd->ClipRect.z - origin.x) * scale.x));
  GLint bottom = GLint(std::lround((cmd->ClipRect.w - origin.y) * scale.y));
  if (std::abs(x1 - x0 - width) <= 1) x1 = x0 + width;
  if (std::abs(bottom - top - height) <= 1) bottom = top + height;
  if (width <= 0 || height <= 0 || x1 <= x0 || bottom <= top) return;

  GLint read_framebuffer = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_framebuffer);
  GLuint source = 0;
  glGenFramebuffers(1, &source);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, source);
  glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
  // The blit is clipped by the scissor box, which renderDrawDataIn sets to the part of the
  // clip rectangle being redrawn.
  glBlitFramebuffer(0, 0, width, height, x0, viewport[3] - bottom, x1, viewport[3] - top,
                    GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(read_framebuffer));
  glDeleteFramebuffers(1, &source);
}

}  // namespace gradlab
