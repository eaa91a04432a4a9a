#include "app/gl/draw_data_renderer.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>

#include "app/gl/gl.h"

namespace gradlab {
namespace {

// A clip rectangle the backend turns into exactly `box` (framebuffer pixels, top row first):
// it truncates min.x, fb_h - max.y and the sizes, so each edge sits a fraction of a pixel away
// from a whole pixel, on the side truncation keeps.
ImVec4 clipRectFor(const ImDrawData& data, const PixelBox& box) {
  const ImVec2 o = data.DisplayPos, s = data.FramebufferScale;
  return {o.x + (float(box.x0) + 0.5f) / s.x, o.y + (float(box.y0) - 0.5f) / s.y,
          o.x + (float(box.x1) + 0.75f) / s.x, o.y + (float(box.y1) - 0.25f) / s.y};
}

// Whether a triangle can touch a pixel of `box`: its vertices' bounding box in framebuffer
// pixels, a pixel wider on each side, meets it.
bool triangleMeets(const ImDrawData& data, const ImDrawVert* v0, const ImDrawVert* v1,
                   const ImDrawVert* v2, const PixelBox& box) {
  const ImVec2 o = data.DisplayPos, s = data.FramebufferScale;
  const float x0 = (std::min({v0->pos.x, v1->pos.x, v2->pos.x}) - o.x) * s.x - 1;
  const float x1 = (std::max({v0->pos.x, v1->pos.x, v2->pos.x}) - o.x) * s.x + 1;
  const float y0 = (std::min({v0->pos.y, v1->pos.y, v2->pos.y}) - o.y) * s.y - 1;
  const float y1 = (std::max({v0->pos.y, v1->pos.y, v2->pos.y}) - o.y) * s.y + 1;
  return x1 >= float(box.x0) && x0 <= float(box.x1) && y1 >= float(box.y0) && y0 <= float(box.y1);
}

// One list's commands and indices for one box: draw commands cut to the box with only the
// triangles that can reach it (llvmpipe sets up every triangle it is given, scissored or not),
// each callback preceded by an empty draw command that sets the scissor to its cut clip (the
// backend sets no scissor for callbacks), commands outside the box left out.
void cutList(const ImDrawData& data, const ImDrawList& list, const ImVector<ImDrawCmd>& cmds,
             const ImVector<ImDrawIdx>& indices, const PixelBox& box, ImVector<ImDrawCmd>& out,
             ImVector<ImDrawIdx>& out_indices) {
  out.resize(0);
  out_indices.resize(0);
  for (const ImDrawCmd& cmd : cmds) {
    if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
      out.push_back(cmd);
      continue;
    }
    const PixelBox scissor = commandScissor(data, cmd);
    const PixelBox cut = intersect(scissor, box);
    if (cut.empty()) continue;
    ImDrawCmd clipped = cmd;
    clipped.ClipRect = clipRectFor(data, cut);
    if (cmd.UserCallback != nullptr) {
      ImDrawCmd set_scissor = clipped;
      set_scissor.UserCallback = nullptr;
      set_scissor.UserCallbackData = nullptr;
      set_scissor.ElemCount = 0;
      out.push_back(set_scissor);
      clipped.ClipRect = cmd.ClipRect;  // the callback's own rectangle (where it draws)
      out.push_back(clipped);
      continue;
    }
    clipped.IdxOffset = unsigned(out_indices.Size);
    const ImDrawIdx* idx = indices.Data + cmd.IdxOffset;
    if (cut == scissor) {  // the whole command is inside the box
      for (unsigned i = 0; i < cmd.ElemCount; ++i) out_indices.push_back(idx[i]);
    } else {
      const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        if (!triangleMeets(data, &vtx[idx[i]], &vtx[idx[i + 1]], &vtx[idx[i + 2]], cut)) continue;
        out_indices.push_back(idx[i]);
        out_indices.push_back(idx[i + 1]);
        out_indices.push_back(idx[i + 2]);
      }
    }
    clipped.ElemCount = unsigned(out_indices.Size) - clipped.IdxOffset;
    if (clipped.ElemCount > 0) out.push_back(clipped);
  }
}

}  // namespace

void renderDrawDataIn(ImDrawData& data, const std::vector<PixelBox>& boxes, float clear_r,
                      float clear_g, float clear_b) {
  const int fb_h = int(data.DisplaySize.y * data.FramebufferScale.y);
  const std::size_t lists = std::size_t(data.CmdListsCount);
  std::vector<ImVector<ImDrawCmd>> cmds(lists);
  std::vector<ImVector<ImDrawIdx>> indices(lists);
  for (std::size_t l = 0; l < lists; ++l) {
    cmds[l].swap(data.CmdLists[l]->CmdBuffer);
    indices[l].swap(data.CmdLists[l]->IdxBuffer);
  }
  int total_indices = 0;
  for (const PixelBox& box : boxes) {
    if (box.empty()) continue;
    glEnable(GL_SCISSOR_TEST);
    glScissor(box.x0, fb_h - box.y1, box.x1 - box.x0, box.y1 - box.y0);
    glClearColor(clear_r, clear_g, clear_b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    total_indices = 0;
    for (std::size_t l = 0; l < lists; ++l) {
      ImDrawList& list = *data.CmdLists[l];
      cutList(data, list, cmds[l], indices[l], box, list.CmdBuffer, list.IdxBuffer);
      total_indices += list.IdxBuffer.Size;
    }
    const int kept_total = data.TotalIdxCount;
    data.TotalIdxCount = total_indices;
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    data.TotalIdxCount = kept_total;
  }
  for (std::size_t l = 0; l < lists; ++l) {
    cmds[l].swap(data.CmdLists[l]->CmdBuffer);
    indices[l].swap(data.CmdLists[l]->IdxBuffer);
  }
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace gradlab
