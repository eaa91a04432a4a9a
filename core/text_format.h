// printf-style formatting into a std::string, for the one-line messages runs give the UI.
#pragma once

#include <string>

namespace gradlab {

// At most 255 characters (longer output is cut): a status line, never a document.
std::string formatText(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace gradlab
