// ShaderProgram: compiles and links embedded GLSL shaders, reporting errors with the shader's
// file name and line ("field.frag:12: error: ..."), never crashing on a bad shader.
#pragma once

#include <string>

#include "app/gl/gl.h"

namespace gradlab {

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;
  ~ShaderProgram();

  // Builds from two embedded shaders by file name. On failure returns false and *error holds
  // every compiler/linker message, each prefixed with "file:line:".
  bool build(const char* vertex_name, const char* fragment_name, std::string* error);
  void destroy();

  GLuint id() const { return program_; }
  bool ready() const { return program_ != 0; }
  GLint uniform(const char* name) const { return glGetUniformLocation(program_, name); }

 private:
  GLuint program_ = 0;
};

// Compiles one shader source; returns 0 and fills *error ("name:line: message") on failure.
GLuint compileShader(GLenum kind, const char* name, const char* source, std::string* error);

// Rewrites a driver's info log so each message names the file and line: Mesa writes
// "0:12(5): error: ...", NVIDIA "0(12) : error ...". Pure string work, unit-testable.
std::string annotateShaderLog(const std::string& log, const std::string& file_name);

// Finds an embedded shader's source by file name; nullptr if there is none.
const char* findEmbeddedShader(const char* name);

}  // namespace gradlab
