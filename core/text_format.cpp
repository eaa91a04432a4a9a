// See text_format.h.
#include "core/text_format.h"

#include <cstdarg>
#include <cstdio>

namespace gradlab {

std::string formatText(const char* fmt, ...) {
  char buf[256];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  return buf;
}

}  // namespace gradlab
