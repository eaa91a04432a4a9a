// Draws ImGui's draw data through the OpenGL 3 backend into the bound framebuffer, only inside
// given pixel boxes (app/draw_damage.h): each box is cleared, then every command is drawn with
// its scissor box cut to it. Outside the boxes the framebuffer keeps what it had, so a frame
// that changed a few rectangles costs those rectangles, not the window.
#pragma once

#include <imgui.h>

#include <vector>

#include "app/draw_damage.h"

namespace gradlab {

// The buffers the cut draw data is built in, kept from frame to frame by whoever draws every
// frame (a frame's vertices are hundreds of KB: allocated anew each frame, they cost page faults).
struct CutBuffers {
  std::vector<ImVector<ImDrawCmd>> cmds;
  std::vector<ImVector<ImDrawIdx>> indices;
  std::vector<ImVector<ImDrawVert>> vertices;
  std::vector<int> new_index;
};

// `data` is changed during the call (its lists' buffers) and restored before it returns.
// Callbacks (the contour copy, app/gl/texture_copy.h) run with the GL scissor box set to their
// clip rectangle cut to the box, and must draw only through it.
void renderDrawDataIn(ImDrawData& data, const std::vector<PixelBox>& boxes, float clear_r,
                      float clear_g, float clear_b, CutBuffers& buffers);
// The same for a one-off frame (a screenshot, a check).
void renderDrawDataIn(ImDrawData& data, const std::vector<PixelBox>& boxes, float clear_r,
                      float clear_g, float clear_b);

}  // namespace gradlab
