// A fingerprint of one frame's pixels before they are drawn: everything ImGui's draw data holds
// (vertices, indices, each command's clip rectangle, texture and callback, the display size and
// scale) plus a version of what textures hold. Two frames with equal fingerprints draw equal
// pixels, so the second is not rasterized: an input event that changes nothing on screen (a mouse
// move over a label, the settle frames after a click) costs the UI's layout, not a redraw.
#pragma once

#include <cstdint>

struct ImDrawData;
struct ImDrawList;

namespace gradlab {

// A hash of everything one window's draw list holds (vertices, indices, commands).
std::uint64_t drawListHash(const ImDrawList& list);

// `content_version` must change whenever a texture the frame samples changes its contents under
// the same name (a contour re-shaded in place, fonts re-rasterized): see Lab::pixelsVersion.
std::uint64_t drawFingerprint(const ImDrawData& data, std::uint64_t content_version);

// Decides whether a frame must be rasterized: when its fingerprint differs from the last one
// drawn, or when the window lost its pixels (exposed, resized, first frame).
struct FrameSkipper {
  std::uint64_t last = 0;
  bool have_last = false;
  bool invalid = true;  // the window's pixels are not the last frame's (set on expose)
  long skipped = 0;     // frames not rasterized, for bench-frames and the status bar

  // True when the frame with this fingerprint must be drawn; remembers it as drawn.
  bool mustDraw(std::uint64_t fingerprint) {
    if (!invalid && have_last && fingerprint == last) {
      ++skipped;
      return false;
    }
    last = fingerprint;
    have_last = true;
    invalid = false;
    return true;
  }
};

}  // namespace gradlab
