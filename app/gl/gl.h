// The one include for OpenGL: core-profile entry points straight from libGL (the build defines
// GL_GLEXT_PROTOTYPES; glvnd's libGL exports every core function on Linux, so no loader).
#pragma once

#include <GL/gl.h>
#include <GL/glext.h>
