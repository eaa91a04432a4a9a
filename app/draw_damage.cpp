#include "app/draw_damage.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/word_hasher.h"

namespace gradlab {
namespace {

PixelBox framebufferBox(const ImDrawData& data) {
  return {0, 0, int(data.DisplaySize.x * data.FramebufferScale.x),
          int(data.DisplaySize.y * data.FramebufferScale.y)};
}

// Pixels within `join` of each other count as touching (one pass instead of two).
bool near(const PixelBox& a, const PixelBox& b, int join) {
  return a.x0 <= b.x1 + join && b.x0 <= a.x1 + join && a.y0 <= b.y1 + join && b.y0 <= a.y1 + join;
}

// A texture other than the font atlas can change its pixels under the same name.
bool samplesContent(const ImDrawCmd& cmd, ImTextureID font_atlas) {
  return cmd.UserCallback != nullptr || cmd.TextureId != font_atlas;
}

std::uint64_t windowHash(const ImDrawList& list, std::uint64_t content_version,
                         ImTextureID font_atlas) {
  WordHasher hash;
  hash.bytes(list.VtxBuffer.Data, std::size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
  hash.bytes(list.IdxBuffer.Data, std::size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    hash.bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
    hash.bytes(&cmd.TextureId, sizeof cmd.TextureId);
    hash.word((std::uint64_t(cmd.VtxOffset) << 32) | cmd.IdxOffset);
    hash.word(cmd.ElemCount);
    hash.bytes(&cmd.UserCallback, sizeof cmd.UserCallback);
    hash.bytes(&cmd.UserCallbackData, sizeof cmd.UserCallbackData);
    if (samplesContent(cmd, font_atlas)) hash.word(content_version);
  }
  return hash.h;
}

// The pixels a triangle can touch: its vertices' bounding box in framebuffer pixels, one pixel
// wider on each side (rasterization covers pixels whose centres it contains), within the scissor.
PixelBox triangleBox(const ImDrawData& data, const ImDrawVert* v[3], const PixelBox& scissor) {
  float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  for (int k = 0; k < 3; ++k) {
    x0 = std::min(x0, v[k]->pos.x), x1 = std::max(x1, v[k]->pos.x);
    y0 = std::min(y0, v[k]->pos.y), y1 = std::max(y1, v[k]->pos.y);
  }
  const ImVec2 o = data.DisplayPos, s = data.FramebufferScale;
  const PixelBox box{int(std::floor((x0 - o.x) * s.x)) - 1, int(std::floor((y0 - o.y) * s.y)) - 1,
                     int(std::ceil((x1 - o.x) * s.x)) + 1, int(std::ceil((y1 - o.y) * s.y)) + 1};
  return intersect(box, scissor);
}

// Every primitive of the window, sorted by hash.
std::vector<DrawPrimitive> primitives(const ImDrawData& data, const ImDrawList& list,
                                      std::uint64_t content_version, ImTextureID font_atlas) {
  std::vector<DrawPrimitive> prims;
  prims.reserve(std::size_t(list.IdxBuffer.Size / 3 + list.CmdBuffer.Size));
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback == ImDrawCallback_ResetRenderState) continue;
    const PixelBox scissor = commandScissor(data, cmd);
    if (scissor.empty()) continue;
    WordHasher command;
    command.bytes(&scissor, sizeof scissor);
    command.bytes(&cmd.TextureId, sizeof cmd.TextureId);
    if (samplesContent(cmd, font_atlas)) command.word(content_version);
    if (cmd.UserCallback != nullptr) {
      command.bytes(&cmd.UserCallback, sizeof cmd.UserCallback);
      command.bytes(&cmd.UserCallbackData, sizeof cmd.UserCallbackData);
      prims.push_back({command.h, scissor});
      continue;
    }
    for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
      const ImDrawVert* v[3];
      WordHasher triangle = command;
      for (int k = 0; k < 3; ++k) {
        v[k] = &list.VtxBuffer[int(cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + i) + k])];
        triangle.bytes(v[k], sizeof(ImDrawVert));
      }
      const PixelBox box = triangleBox(data, v, scissor);
      if (!box.empty()) prims.push_back({triangle.h, box});
    }
  }
  std::sort(prims.begin(), prims.end(),
            [](const DrawPrimitive& a, const DrawPrimitive& b) { return a.hash < b.hash; });
  return prims;
}

}  // namespace

PixelBox intersect(const PixelBox& a, const PixelBox& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

PixelBox unite(const PixelBox& a, const PixelBox& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

PixelBox commandScissor(const ImDrawData& data, const ImDrawCmd& cmd) {
  // As imgui_impl_opengl3.cpp (1.86): glScissor((int)min.x, (int)(fb_h - max.y),
  // (int)(max.x - min.x), (int)(max.y - min.y)), GL's rows counted from the bottom.
  const ImVec2 o = data.DisplayPos, s = data.FramebufferScale;
  const int fb_h = int(data.DisplaySize.y * s.y);
  const ImVec2 min((cmd.ClipRect.x - o.x) * s.x, (cmd.ClipRect.y - o.y) * s.y);
  const ImVec2 max((cmd.ClipRect.z - o.x) * s.x, (cmd.ClipRect.w - o.y) * s.y);
  if (max.x <= min.x || max.y <= min.y) return {};
  const int x = int(min.x), gl_y = int(float(fb_h) - max.y);
  const int w = int(max.x - min.x), h = int(max.y - min.y);
  return intersect({x, fb_h - (gl_y + h), x + w, fb_h - gl_y}, framebufferBox(data));
}

std::vector<PixelBox> mergeBoxes(std::vector<PixelBox> boxes, int max_boxes, int join) {
  std::vector<PixelBox> merged;
  auto absorb = [&](PixelBox box) {
    // Joining may make the box touch others: keep joining until it touches none.
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t i = 0; i < merged.size(); ++i) {
        if (!near(merged[i], box, join)) continue;
        box = unite(box, merged[i]);
        merged.erase(merged.begin() + std::ptrdiff_t(i));
        grew = true;
        break;
      }
    }
    merged.push_back(box);
  };
  auto joinCheapestPair = [&] {
    std::size_t best_i = 0, best_j = 1;
    long best_cost = std::numeric_limits<long>::max();
    for (std::size_t i = 0; i < merged.size(); ++i)
      for (std::size_t j = i + 1; j < merged.size(); ++j) {
        const long cost = unite(merged[i], merged[j]).area() - merged[i].area() - merged[j].area();
        if (cost < best_cost) best_cost = cost, best_i = i, best_j = j;
      }
    const PixelBox joined = unite(merged[best_i], merged[best_j]);
    merged.erase(merged.begin() + std::ptrdiff_t(best_j));
    merged.erase(merged.begin() + std::ptrdiff_t(best_i));
    absorb(joined);
  };
  for (const PixelBox& box : boxes) {
    if (box.empty()) continue;
    absorb(box);
    // Bounded work per box: never more than a few boxes above the limit.
    while (int(merged.size()) > 4 * std::max(max_boxes, 1)) joinCheapestPair();
  }
  while (int(merged.size()) > std::max(max_boxes, 1)) joinCheapestPair();
  return merged;
}

std::vector<PixelBox> DamageTracker::update(const ImDrawData& data, std::uint64_t content_version,
                                            std::uint32_t clear_rgba) {
  const PixelBox whole = framebufferBox(data);
  WordHasher key;
  key.number(data.DisplayPos.x);
  key.number(data.DisplayPos.y);
  key.number(data.DisplaySize.x);
  key.number(data.DisplaySize.y);
  key.number(data.FramebufferScale.x);
  key.number(data.FramebufferScale.y);
  key.word(clear_rgba);
  bool full = !valid_ || key.h != frame_key_ || int(windows_.size()) != data.CmdListsCount;
  for (int l = 0; !full && l < data.CmdListsCount; ++l)
    full = windows_[std::size_t(l)].name != data.CmdLists[l]->_OwnerName;

  const ImTextureID font_atlas = ImGui::GetIO().Fonts->TexID;
  std::vector<Window> windows(std::size_t(data.CmdListsCount));
  std::vector<PixelBox> damage;
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    Window& now = windows[std::size_t(l)];
    now.name = list._OwnerName ? list._OwnerName : "";
    now.hash = windowHash(list, content_version, font_atlas);
    Window* before = full ? nullptr : &windows_[std::size_t(l)];
    if (before && before->hash == now.hash) {
      now.prims = std::move(before->prims);
      continue;
    }
    now.prims = primitives(data, list, content_version, font_atlas);
    if (!before) continue;
    // The symmetric difference of the two sorted multisets.
    const std::vector<DrawPrimitive>& a = before->prims;
    const std::vector<DrawPrimitive>& b = now.prims;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || (i < a.size() && a[i].hash < b[j].hash)) {
        damage.push_back(a[i++].box);
      } else if (i == a.size() || b[j].hash < a[i].hash) {
        damage.push_back(b[j++].box);
      } else {
        ++i, ++j;
      }
    }
  }
  windows_ = std::move(windows);
  frame_key_ = key.h;
  valid_ = true;
  if (full) return {whole};
  return mergeBoxes(std::move(damage), kMaxBoxes, 16);
}

}  // namespace gradlab
