// PNG encoding into memory with stb_image_write, then an atomic write. See png.h.
#include "app/png.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb_image_write.h>

#include "core/atomic_file.h"

namespace gradlab {
namespace {

void appendBytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<unsigned char>*>(context);
  const auto* bytes = static_cast<const unsigned char*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

bool writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
              std::string* error) {
  if (width <= 0 || height <= 0 || rgba.size() != static_cast<std::size_t>(width) * height * 4) {
    *error = "cannot write " + path + ": empty or mis-sized image";
    return false;
  }
  std::vector<unsigned char> encoded;
  if (!stbi_write_png_to_func(appendBytes, &encoded, width, height, 4, rgba.data(), width * 4)) {
    *error = "cannot encode " + path + " as PNG";
    return false;
  }
  return writeFileAtomic(path, encoded.data(), encoded.size(), error);
}

}  // namespace gradlab
