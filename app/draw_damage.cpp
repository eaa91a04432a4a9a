#include "app/draw_damage.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/draw_fingerprint.h"
#include "app/word_hasher.h"

namespace gradlab {
namespace {

PixelBox framebufferBox(const ImDrawData& data) {
  return {0, 0, int(data.DisplaySize.x * data.FramebufferScale.x),
          int(data.DisplaySize.y * data.FramebufferScale.y)};
}

// The window a draw list belongs to ("" for a list without one).
std::string ownerName(const ImDrawList& list) {
  return list._OwnerName ? list._OwnerName : "";
}

// Pixels within `join` of each other count as touching (one pass instead of two).
bool near(const PixelBox& a, const PixelBox& b, int join) {
  return a.x0 <= b.x1 + join && b.x0 <= a.x1 + join && a.y0 <= b.y1 + join && b.y0 <= a.y1 + join;
}

// A texture other than the font atlas can change its pixels under the same name.
bool samplesContent(const ImDrawCmd& cmd, ImTextureID font_atlas) {
  return cmd.UserCallback != nullptr || cmd.TextureId != font_atlas;
}

// The window's draw list and, when it samples a texture that can change under its name, the
// textures' version.
std::uint64_t windowHash(const ImDrawList& list, std::uint64_t content_version,
                         ImTextureID font_atlas) {
  WordHasher hash;
  hash.word(drawListHash(list));
  for (const ImDrawCmd& cmd : list.CmdBuffer)
    if (samplesContent(cmd, font_atlas)) {
      hash.word(content_version);
      break;
    }
  return hash.h;
}

// Every primitive of the window. A vertex is hashed once, though several triangles share it.
// `prims` and `vertex_hash` are reused buffers (a frame's worth is hundreds of KB: allocating it
// anew each frame costs page faults).
void primitives(const ImDrawData& data, const ImDrawList& list, std::uint64_t content_version,
                ImTextureID font_atlas, std::vector<DrawPrimitive>& prims,
                std::vector<std::uint64_t>& vertex_hash) {
  vertex_hash.resize(std::size_t(list.VtxBuffer.Size));
  for (int i = 0; i < list.VtxBuffer.Size; ++i) {
    WordHasher vertex;
    vertex.bytes(&list.VtxBuffer[i], sizeof(ImDrawVert));
    vertex_hash[std::size_t(i)] = vertex.h;
  }
  prims.clear();
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
        const unsigned index = cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + i) + k];
        v[k] = &list.VtxBuffer[int(index)];
        triangle.word(vertex_hash[index]);
      }
      const PixelBox box = triangleBox(data, v, scissor);
      if (!box.empty()) prims.push_back({triangle.h, box});
    }
  }
}

// The primitives of one frame's window as a multiset: an open-addressing table of hash ->
// count (hash 0 marks an empty slot, so a primitive hashing to 0 is stored as 1), in a buffer
// the tracker keeps from frame to frame.
class PrimitiveCounts {
 public:
  PrimitiveCounts(const std::vector<DrawPrimitive>& prims, std::vector<DamageSlot>& slots)
      : prims_(prims), slots_(slots) {
    std::size_t size = 16;
    while (size < 2 * prims.size()) size *= 2;
    mask_ = size - 1;
    slots_.assign(size, DamageSlot{});
    for (std::size_t i = 0; i < prims.size(); ++i) {
      DamageSlot& slot = find(prims[i].hash);
      if (slot.count++ == 0) slot.key = key(prims[i].hash), slot.first = std::uint32_t(i);
    }
  }
  // Takes one primitive with this hash out; false when there is none left.
  bool take(std::uint64_t hash) {
    DamageSlot& slot = find(hash);
    if (slot.count == 0) return false;
    --slot.count;
    return true;
  }
  // The boxes of the primitives not taken.
  void addLeftOver(std::vector<PixelBox>& boxes) const {
    for (const DamageSlot& slot : slots_)
      if (slot.count > 0) boxes.push_back(prims_[slot.first].box);
  }

 private:
  static std::uint64_t key(std::uint64_t hash) { return hash == 0 ? 1 : hash; }
  DamageSlot& find(std::uint64_t hash) {
    const std::uint64_t k = key(hash);
    std::size_t at = std::size_t(k ^ (k >> 29)) & mask_;
    while (slots_[at].key != 0 && slots_[at].key != k) at = (at + 1) & mask_;
    return slots_[at];
  }

  const std::vector<DrawPrimitive>& prims_;
  std::vector<DamageSlot>& slots_;
  std::size_t mask_ = 0;
};

}  // namespace

PixelBox intersect(const PixelBox& a, const PixelBox& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

PixelBox unite(const PixelBox& a, const PixelBox& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

PixelBox triangleBox(const ImDrawData& data, const ImDrawVert* const v[3], const PixelBox& within) {
  float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  for (int k = 0; k < 3; ++k) {
    x0 = std::min(x0, v[k]->pos.x), x1 = std::max(x1, v[k]->pos.x);
    y0 = std::min(y0, v[k]->pos.y), y1 = std::max(y1, v[k]->pos.y);
  }
  const ImVec2 o = data.DisplayPos, s = data.FramebufferScale;
  const PixelBox box{int(std::floor((x0 - o.x) * s.x)) - 1, int(std::floor((y0 - o.y) * s.y)) - 1,
                     int(std::ceil((x1 - o.x) * s.x)) + 1, int(std::ceil((y1 - o.y) * s.y)) + 1};
  return intersect(box, within);
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

std::vector<PixelBox> mergeBoxes(const std::vector<PixelBox>& boxes, int max_boxes, int join) {
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
  // Boxes come in draw order, so neighbours mostly follow each other: they are joined into a
  // running box first, which is absorbed into the list only when a distant box comes.
  PixelBox running;
  for (const PixelBox& box : boxes) {
    if (box.empty()) continue;
    if (running.empty() || near(running, box, join)) {
      running = unite(running, box);
      continue;
    }
    absorb(running);
    running = box;
    // Bounded work per box: never more than a few boxes above the limit.
    while (int(merged.size()) > 4 * std::max(max_boxes, 1)) joinCheapestPair();
  }
  if (!running.empty()) absorb(running);
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
    full = windows_[std::size_t(l)].name != ownerName(*data.CmdLists[l]);

  const ImTextureID font_atlas = ImGui::GetIO().Fonts->TexID;
  std::vector<Window> windows(std::size_t(data.CmdListsCount));
  std::vector<PixelBox>& damage = damage_;
  damage.clear();
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    Window& now = windows[std::size_t(l)];
    now.name = ownerName(list);
    now.hash = windowHash(list, content_version, font_atlas);
    Window* before = full ? nullptr : &windows_[std::size_t(l)];
    if (before && before->hash == now.hash) {
      now.prims = std::move(before->prims);
      continue;
    }
    now.prims.swap(spare_prims_);  // a buffer of an earlier frame: no new allocation
    primitives(data, list, content_version, font_atlas, now.prims, vertex_hash_);
    if (!before) continue;
    // The symmetric difference of the two multisets.
    PrimitiveCounts before_counts(before->prims, slots_);
    for (const DrawPrimitive& prim : now.prims)
      if (!before_counts.take(prim.hash)) damage.push_back(prim.box);
    before_counts.addLeftOver(damage);
    spare_prims_.swap(before->prims);
  }
  windows_ = std::move(windows);
  frame_key_ = key.h;
  valid_ = true;
  if (full) return {whole};
  return mergeBoxes(damage, kMaxBoxes, 16);
}

}  // namespace gradlab
