// ScatterLayer: a cloud of same-coloured square markers drawn as one texture (the image of
// app/plot/scatter_image.h), for a plot whose points stay while curves over them move: a
// software rasterizer then redraws two triangles where the curves changed, not two per point.
// It pays per pixel of the plot area instead, so it is for dense clouds: the stochastic lab's
// 1,000 samples on 60,000 pixels cost 0.9 ms less a frame under llvmpipe; the elbow lab's 200
// points on 200,000 pixels cost 1.2 ms more, and stay markers.
// The image is repainted and uploaded only when the points, the view, the plot's size or the
// style change. Needs a current GL context; the exports keep the points as markers.
#pragma once

#include <cstdint>
#include <vector>

#include "app/gl/gl.h"
#include "app/plot/figure.h"
#include "app/plot/scatter_image.h"

namespace gradlab {

class ScatterLayer {
 public:
  ScatterLayer() = default;
  ScatterLayer(const ScatterLayer&) = delete;
  ScatterLayer& operator=(const ScatterLayer&) = delete;
  // Moves hand the texture over (a view reset by assigning a fresh one frees the old texture).
  ScatterLayer(ScatterLayer&& other) noexcept;
  ScatterLayer& operator=(ScatterLayer&& other) noexcept;
  ~ScatterLayer();

  // Inside plot::BeginPlot, once the axes are set up: the image item showing the points as
  // squares of `size` (a MarkerItem's size: times the plot style's scale) in `color`.
  plot::ImageItem item(const std::vector<double>& xs, const std::vector<double>& ys, float size,
                       plot::Color color);
  // Changes whenever the texture's pixels change (for Lab::pixelsVersion).
  std::uint64_t version() const { return version_; }

 private:
  GLuint texture_ = 0;
  std::uint64_t key_ = 0;      // what the texture was made from
  std::uint64_t version_ = 0;  // uploads so far
  plot::ScatterImage image_;
};

}  // namespace gradlab
