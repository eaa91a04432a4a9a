// Shader compilation with readable errors. See shader.h.
#include "app/gl/shader.h"

#include <cstring>
#include <sstream>
#include <vector>

#include "app/gl/embedded_shaders.h"

namespace gradlab {

const char* findEmbeddedShader(const char* name) {
  for (const EmbeddedShader& shader : embeddedShaders())
    if (std::strcmp(shader.name, name) == 0) return shader.source;
  return nullptr;
}

std::string annotateShaderLog(const std::string& log, const std::string& file_name) {
  std::istringstream in(log);
  std::ostringstream out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    // Mesa: "0:LINE(COL): msg"; NVIDIA: "0(LINE) : msg". Take the first number after the
    // source-string index as the line.
    int line_number = -1;
    std::string message = line;
    std::size_t i = 0;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    if (i > 0 && i < line.size() && (line[i] == ':' || line[i] == '(')) {
      std::size_t j = i + 1;
      std::size_t digits = j;
      while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])))
        ++digits;
      if (digits > j) {
        line_number = std::stoi(line.substr(j, digits - j));
        std::size_t colon = line.find(':', digits);
        message = colon == std::string::npos ? line.substr(digits) : line.substr(colon + 1);
        while (!message.empty() && message.front() == ' ') message.erase(0, 1);
      }
    }
    out << file_name;
    if (line_number >= 0) out << ':' << line_number;
    out << ": " << message << '\n';
  }
  return out.str();
}

GLuint compileShader(GLenum kind, const char* name, const char* source, std::string* error) {
  GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
  glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
  *error += annotateShaderLog(log.data(), name);
  if (error->empty()) *error = std::string(name) + ": compile failed (no log)\n";
  glDeleteShader(shader);
  return 0;
}

ShaderProgram::~ShaderProgram() {
  destroy();
}

void ShaderProgram::destroy() {
  if (program_) glDeleteProgram(program_);
  program_ = 0;
}

bool ShaderProgram::build(const char* vertex_name, const char* fragment_name, std::string* error) {
  destroy();
  const char* vertex_source = findEmbeddedShader(vertex_name);
  const char* fragment_source = findEmbeddedShader(fragment_name);
  if (!vertex_source || !fragment_source) {
    *error = std::string("no embedded shader named ") +
             (vertex_source ? fragment_name : vertex_name) + "\n";
    return false;
  }
  GLuint vs = compileShader(GL_VERTEX_SHADER, vertex_name, vertex_source, error);
  GLuint fs = compileShader(GL_FRAGMENT_SHADER, fragment_name, fragment_source, error);
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return false;
  }
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
    *error += annotateShaderLog(log.data(), std::string(vertex_name) + "+" + fragment_name);
    glDeleteProgram(program);
    return false;
  }
  program_ = program;
  return true;
}

}  // namespace gradlab
