// PNG images for GUI tests: load with stb_image, and the pixel statistics the tests assert on.
#pragma once

#include <stb_image.h>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace gradlab::test {

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
  const unsigned char* at(int x, int y) const { return &rgba[(std::size_t(y) * width + x) * 4]; }
};

inline Image loadPng(const std::string& path) {
  Image image;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  if (data) {
    image.rgba.assign(data, data + std::size_t(image.width) * image.height * 4);
    stbi_image_free(data);
  }
  return image;
}

inline double lumaVariance(const Image& image) {
  double sum = 0, sum2 = 0;
  const std::size_t n = std::size_t(image.width) * image.height;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char* p = &image.rgba[i * 4];
    const double y = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
    sum += y;
    sum2 += y * y;
  }
  const double mean = sum / double(n);
  return sum2 / double(n) - mean * mean;
}

// The most frequent colour: the background of a mostly empty window.
inline std::array<int, 3> dominantColor(const Image& image) {
  std::map<int, int> counts;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4)
    ++counts[(image.rgba[i] << 16) | (image.rgba[i + 1] << 8) | image.rgba[i + 2]];
  int best = 0, best_count = -1;
  for (auto [color, count] : counts)
    if (count > best_count) best = color, best_count = count;
  return {(best >> 16) & 255, (best >> 8) & 255, best & 255};
}

}  // namespace gradlab::test
