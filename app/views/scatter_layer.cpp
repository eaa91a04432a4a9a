#include "app/views/scatter_layer.h"

#include <imgui.h>

#include <algorithm>
#include <utility>

#include "app/plot/plot_imgui.h"
#include "app/word_hasher.h"

namespace gradlab {

ScatterLayer::ScatterLayer(ScatterLayer&& other) noexcept
    : texture_(std::exchange(other.texture_, 0)),
      key_(other.key_),
      version_(other.version_),
      image_(std::move(other.image_)) {}

ScatterLayer& ScatterLayer::operator=(ScatterLayer&& other) noexcept {
  if (this == &other) return *this;
  if (texture_) glDeleteTextures(1, &texture_);
  texture_ = std::exchange(other.texture_, 0);
  key_ = other.key_;
  image_ = std::move(other.image_);
  // Another texture (GL may reuse the old name): its pixels count as changed.
  version_ = std::max(version_, other.version_) + 1;
  return *this;
}

ScatterLayer::~ScatterLayer() {
  if (texture_) glDeleteTextures(1, &texture_);
}

plot::ImageItem ScatterLayer::item(const std::vector<double>& xs, const std::vector<double>& ys,
                                   float size, plot::Color color) {
  const plot::Transform t = plot::GetPlotTransform();
  const double pixel_scale = ImGui::GetIO().DisplayFramebufferScale.x;
  const double half_size = double(size) * plot::GetStyle().scale;
  // Everything the image is made from (hashing a thousand points takes about a microsecond).
  WordHasher key;
  key.bytes(xs.data(), xs.size() * sizeof(double));
  key.bytes(ys.data(), ys.size() * sizeof(double));
  key.bytes(&t.limits, sizeof t.limits);
  key.bytes(&t.area, sizeof t.area);
  key.word(std::uint64_t(t.x_scale) << 8 | std::uint64_t(t.y_scale));
  key.bytes(&pixel_scale, sizeof pixel_scale);
  key.bytes(&half_size, sizeof half_size);
  key.bytes(&color, sizeof color);
  if (texture_ == 0 || key.h != key_) {
    plot::PaintSquaresImage(xs, ys, t, pixel_scale, half_size, color, image_);
    if (texture_ == 0) texture_ = makeClampedTexture(GL_NEAREST);  // drawn 1:1
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image_.width, image_.height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, image_.rgba.empty() ? nullptr : image_.rgba.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    key_ = key.h;
    ++version_;
  }
  plot::ImageItem image;
  image.label = "##scatter";
  // ImGui names a texture by a pointer-sized id: the GL name, widened.
  image.texture =
      reinterpret_cast<void*>(std::uintptr_t(texture_));  // NOLINT(performance-no-int-to-ptr)
  image.x_min = image_.x_min;
  image.x_max = image_.x_max;
  image.y_min = image_.y_min;
  image.y_max = image_.y_max;
  image.first_row_at_bottom = false;
  image.transparent = true;
  image.source_id = "scatter";
  return image;
}

}  // namespace gradlab
