// Damage tracking: which framebuffer rectangles of a new frame can differ from the last frame
// drawn, found by comparing ImGui's draw data primitive by primitive. Redrawing only those
// rectangles into a framebuffer that keeps the last frame (app/gl/draw_data_renderer.h) gives
// the same pixels as a full redraw at a fraction of the cost under a software rasterizer, whose
// time is spent shading pixels: a dragged start point repaints the map and the curves, not the
// controls beside them.
//
// Why this is exact: a pixel's colour is the clear colour blended with the primitives that cover
// it, in draw order. A primitive is a triangle (its three vertices, texture and scissor box) or a
// callback (its function, data and scissor box). Each window's primitives are compared as a
// multiset; every primitive present in only one of the two frames adds its pixel box to the
// damage. A pixel outside every damage box is covered by the same primitives in both frames,
// and, because windows must keep their order (or the whole frame is damage) and ImGui emits a
// window's primitives in the order of the code that draws them, in the same order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct ImDrawData;
struct ImDrawCmd;
struct ImDrawList;
struct ImDrawVert;

namespace gradlab {

// A rectangle of framebuffer pixels, top row first, half-open: [x0, x1) x [y0, y1).
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  long area() const { return empty() ? 0 : long(x1 - x0) * long(y1 - y0); }
  bool operator==(const PixelBox& o) const {
    return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1;
  }
};

PixelBox intersect(const PixelBox& a, const PixelBox& b);
PixelBox unite(const PixelBox& a, const PixelBox& b);

// The pixels ImGui's OpenGL 3 backend lets a command touch: its scissor box, computed with the
// backend's own rounding (truncation of the clip rectangle in framebuffer pixels).
PixelBox commandScissor(const ImDrawData& data, const ImDrawCmd& cmd);

// The pixels a triangle can touch: its vertices' bounding box in framebuffer pixels, one pixel
// wider on each side (rasterization covers pixels whose centres it contains), cut to `within`.
PixelBox triangleBox(const ImDrawData& data, const ImDrawVert* const v[3], const PixelBox& within);

// Joins boxes that touch or lie within `join` pixels of each other, then the cheapest pairs
// (least added area) until at most `max_boxes` remain. The result covers every input box.
std::vector<PixelBox> mergeBoxes(const std::vector<PixelBox>& boxes, int max_boxes, int join);

// One triangle or callback of the draw data: a hash of everything that decides its pixels and
// the box of pixels it can touch.
struct DrawPrimitive {
  std::uint64_t hash = 0;
  PixelBox box;
};

// One slot of the tracker's hash table of primitives (draw_damage.cpp).
struct DamageSlot {
  std::uint64_t key = 0;
  std::uint32_t count = 0;
  std::uint32_t first = 0;  // the index of the first primitive with this hash
};

class DamageTracker {
 public:
  // Each box is one pass over the draw data. Twelve rather than six: smaller boxes cost the
  // rasterizer less than the extra passes cost (bench-frames cpu_ms_per_frame, median of three:
  // backprop --drag 4.18 -> 3.29 ms, stochastic --animate 4.80 -> 4.38, optimizer --drag 3.24
  // -> 3.13; 24 boxes gained nothing more, 2 lost 40%).
  static constexpr int kMaxBoxes = 12;

  // The boxes to redraw so the kept framebuffer shows `data`: none when nothing changed, the
  // whole framebuffer after invalidate(), a size, scale or clear colour change, or windows that
  // changed order. `content_version` changes when a texture changes its contents under the same
  // name (Lab::pixelsVersion): every primitive sampling a texture other than the font atlas
  // is then damage.
  std::vector<PixelBox> update(const ImDrawData& data, std::uint64_t content_version,
                               std::uint32_t clear_rgba);
  // The kept pixels are lost (resized, first frame, exposed): the next update is the whole frame.
  void invalidate() { valid_ = false; }

 private:
  struct Window {
    std::string name;        // ImDrawList's owner: windows are matched by it
    std::uint64_t hash = 0;  // of everything its draw list holds (and the textures' version)
    std::vector<DrawPrimitive> prims;  // recomputed only when `hash` changes
  };

  bool valid_ = false;
  std::uint64_t frame_key_ = 0;  // display size and scale, clear colour
  std::vector<Window> windows_;
  // Buffers kept from frame to frame (a frame's worth is hundreds of KB).
  std::vector<DrawPrimitive> spare_prims_;
  std::vector<std::uint64_t> vertex_hash_;
  std::vector<DamageSlot> slots_;
  std::vector<PixelBox> damage_;
};

}  // namespace gradlab
