// PNG files: RGBA8 pixels to a PNG, written atomically (stb_image_write from Debian's libstb-dev).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gradlab {

// `rgba` is width x height x 4 bytes, top row first. Returns false with a one-line *error.
bool writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
              std::string* error);

}  // namespace gradlab
