// The one include for OpenGL: core-profile entry points straight from libGL (the build defines
// GL_GLEXT_PROTOTYPES; glvnd's libGL exports every core function on Linux, so no loader).
#pragma once

#include <GL/gl.h>
#include <GL/glext.h>

namespace gradlab {

// Creates a 2-D texture (bound on return) that samples with `filter` and clamps at its edges.
inline GLuint makeClampedTexture(GLint filter) {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return texture;
}

}  // namespace gradlab
