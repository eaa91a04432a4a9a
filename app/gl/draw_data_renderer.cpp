#include "app/gl/draw_data_renderer.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <vector>

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

// One list's commands, indices and vertices for one box: draw commands cut to the box with only
// the triangles that can reach it (llvmpipe sets up every triangle it is given, scissored or
// not), each callback preceded by an empty draw command that sets the scissor to its cut clip
// (the backend sets no scissor for callbacks), commands outside the box left out. `compact`
// also keeps only the vertices those triangles use (llvmpipe shades every vertex in a draw's
// index range); false when they would not fit 16-bit indices: then cut again without it.
bool cutList(const ImDrawData& data, const ImVector<ImDrawVert>& vertices,
             const ImVector<ImDrawCmd>& cmds, const ImVector<ImDrawIdx>& indices,
             const PixelBox& box, bool compact, std::vector<int>& new_index, ImDrawList& out) {
  out.CmdBuffer.resize(0);
  out.IdxBuffer.resize(0);
  if (compact) {
    out.VtxBuffer.resize(0);
    new_index.assign(std::size_t(vertices.Size), -1);
  } else {
    out.VtxBuffer = vertices;
  }
  for (const ImDrawCmd& cmd : cmds) {
    if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
      out.CmdBuffer.push_back(cmd);
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
      out.CmdBuffer.push_back(set_scissor);
      out.CmdBuffer.push_back(cmd);  // at its own rectangle (where it draws), scissored
      continue;
    }
    if (compact) clipped.VtxOffset = 0;
    clipped.IdxOffset = unsigned(out.IdxBuffer.Size);
    const ImDrawIdx* idx = indices.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = vertices.Data + cmd.VtxOffset;
    const bool whole = cut == scissor;  // the whole command is inside the box
    for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
      const ImDrawVert* const v[3] = {&vtx[idx[i]], &vtx[idx[i + 1]], &vtx[idx[i + 2]]};
      if (!whole && triangleBox(data, v, cut).empty()) continue;
      for (unsigned k = 0; k < 3; ++k) {
        if (!compact) {
          out.IdxBuffer.push_back(idx[i + k]);
          continue;
        }
        int& n = new_index[cmd.VtxOffset + idx[i + k]];
        if (n < 0) {
          n = out.VtxBuffer.Size;
          out.VtxBuffer.push_back(*v[k]);
        }
        out.IdxBuffer.push_back(ImDrawIdx(n));
      }
    }
    if (compact && sizeof(ImDrawIdx) == 2 && out.VtxBuffer.Size > 0xFFFF) return false;
    clipped.ElemCount = unsigned(out.IdxBuffer.Size) - clipped.IdxOffset;
    if (clipped.ElemCount > 0) out.CmdBuffer.push_back(clipped);
  }
  return true;
}

}  // namespace

void renderDrawDataIn(ImDrawData& data, const std::vector<PixelBox>& boxes, float clear_r,
                      float clear_g, float clear_b, CutBuffers& buffers) {
  const int fb_h = int(data.DisplaySize.y * data.FramebufferScale.y);
  const std::size_t lists = std::size_t(data.CmdListsCount);
  // The lists' own buffers are set aside; the lists get the buffers of earlier frames to be
  // filled with each box's cut.
  buffers.cmds.resize(std::max(buffers.cmds.size(), lists));
  buffers.indices.resize(std::max(buffers.indices.size(), lists));
  buffers.vertices.resize(std::max(buffers.vertices.size(), lists));
  for (std::size_t l = 0; l < lists; ++l) {
    buffers.cmds[l].swap(data.CmdLists[l]->CmdBuffer);
    buffers.indices[l].swap(data.CmdLists[l]->IdxBuffer);
    buffers.vertices[l].swap(data.CmdLists[l]->VtxBuffer);
  }
  const int kept_indices = data.TotalIdxCount, kept_vertices = data.TotalVtxCount;
  for (const PixelBox& box : boxes) {
    if (box.empty()) continue;
    glEnable(GL_SCISSOR_TEST);
    glScissor(box.x0, fb_h - box.y1, box.x1 - box.x0, box.y1 - box.y0);
    glClearColor(clear_r, clear_g, clear_b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    data.TotalIdxCount = data.TotalVtxCount = 0;
    for (std::size_t l = 0; l < lists; ++l) {
      ImDrawList& list = *data.CmdLists[l];
      for (bool compact : {true, false})
        if (cutList(data, buffers.vertices[l], buffers.cmds[l], buffers.indices[l], box, compact,
                    buffers.new_index, list))
          break;
      data.TotalIdxCount += list.IdxBuffer.Size;
      data.TotalVtxCount += list.VtxBuffer.Size;
    }
    ImGui_ImplOpenGL3_RenderDrawData(&data);
  }
  data.TotalIdxCount = kept_indices;
  data.TotalVtxCount = kept_vertices;
  for (std::size_t l = 0; l < lists; ++l) {
    buffers.cmds[l].swap(data.CmdLists[l]->CmdBuffer);
    buffers.indices[l].swap(data.CmdLists[l]->IdxBuffer);
    buffers.vertices[l].swap(data.CmdLists[l]->VtxBuffer);
  }
  glDisable(GL_SCISSOR_TEST);
}

void renderDrawDataIn(ImDrawData& data, const std::vector<PixelBox>& boxes, float clear_r,
                      float clear_g, float clear_b) {
  CutBuffers buffers;
  renderDrawDataIn(data, boxes, clear_r, clear_g, clear_b, buffers);
}

}  // namespace gradlab
