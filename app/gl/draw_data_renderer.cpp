#include "app/gl/draw_data_renderer.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

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

// The commands of one list for one box: draw commands cut to the box, each callback preceded by
// an empty draw command that sets the scissor to its cut clip (the backend sets no scissor for
// callbacks), commands outside the box left out.
void cutCommands(const ImDrawData& data, const ImVector<ImDrawCmd>& all, const PixelBox& box,
                 ImVector<ImDrawCmd>& out) {
  out.resize(0);
  for (const ImDrawCmd& cmd : all) {
    if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
      out.push_back(cmd);
      continue;
    }
    const PixelBox cut = intersect(commandScissor(data, cmd), box);
    if (cut.empty()) continue;
    ImDrawCmd clipped = cmd;
    clipped.ClipRect = clipRectFor(data, cut);
    if (cmd.UserCallback != nullptr) {
      ImDrawCmd scissor = clipped;
      scissor.UserCallback = nullptr;
      scissor.UserCallbackData = nullptr;
      scissor.ElemCount = 0;
      out.push_back(scissor);
      clipped.ClipRect = cmd.ClipRect;  // the callback's own rectangle (where it draws)
    }
    out.push_back(clipped);
  }
}

}  // namespace

void renderDrawDataIn(ImDrawData& data, const std::vector<PixelBox>& boxes, float clear_r,
                      float clear_g, float clear_b) {
  const int fb_h = int(data.DisplaySize.y * data.FramebufferScale.y);
  std::vector<ImVector<ImDrawCmd>> kept(std::size_t(data.CmdListsCount));
  for (int l = 0; l < data.CmdListsCount; ++l)
    kept[std::size_t(l)].swap(data.CmdLists[l]->CmdBuffer);
  for (const PixelBox& box : boxes) {
    if (box.empty()) continue;
    glEnable(GL_SCISSOR_TEST);
    glScissor(box.x0, fb_h - box.y1, box.x1 - box.x0, box.y1 - box.y0);
    glClearColor(clear_r, clear_g, clear_b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    for (int l = 0; l < data.CmdListsCount; ++l)
      cutCommands(data, kept[std::size_t(l)], box, data.CmdLists[l]->CmdBuffer);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
  }
  for (int l = 0; l < data.CmdListsCount; ++l)
    kept[std::size_t(l)].swap(data.CmdLists[l]->CmdBuffer);
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace gradlab
