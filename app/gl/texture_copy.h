// Copying a texture to the screen instead of sampling it: for an opaque texture made at exactly
// the pixel size it is drawn at (the contour map), a framebuffer blit gives the same pixels as
// ImGui's textured quad at a fraction of the cost under a software rasterizer (llvmpipe samples,
// multiplies and blends every pixel of the quad; a same-size blit is a row-by-row copy).
#pragma once

struct ImDrawList;
struct ImDrawCmd;

namespace gradlab {

// An ImDrawList callback (plot::PlotContext::copy_texture): copies the GL texture whose name is
// the command's UserCallbackData to the command's clip rectangle, texture row 0 at the bottom,
// within the GL scissor box (set by renderDrawDataIn, app/gl/draw_data_renderer.h, through which
// every frame is drawn). Leaves the GL state as ImGui's backend expects it between commands.
void CopyTextureToClipRect(const ImDrawList* list, const ImDrawCmd* cmd);

}  // namespace gradlab
