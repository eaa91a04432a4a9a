// The GLSL sources of shaders/, embedded into the binary at build time (cmake/embed_shaders.cmake).
#pragma once

#include <string>
#include <vector>

namespace gradlab {

struct EmbeddedShader {
  const char* name;    // file name in shaders/, e.g. "field.frag"
  const char* source;  // its text
};

const std::vector<EmbeddedShader>& embeddedShaders();

}  // namespace gradlab
