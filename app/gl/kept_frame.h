// KeptFrame: the window's last frame, kept in an offscreen framebuffer, and brought up to date
// by redrawing only what changed (app/draw_damage.h). The window and the headless commands draw
// through it; the window then copies it to its back buffer.
#pragma once

#include <cstdint>
#include <vector>

#include "app/draw_damage.h"
#include "app/gl/draw_data_renderer.h"
#include "app/gl/render_target.h"

struct ImDrawData;

namespace gradlab {

class KeptFrame {
 public:
  // Draws `data` into the kept framebuffer (resized to the data's framebuffer size: then drawn
  // in full), redrawing only the damage unless `everything`. Returns the pixels redrawn (0: the
  // kept pixels were up to date) or -1 when the framebuffer cannot be made.
  long draw(ImDrawData& data, std::uint64_t content_version, float clear_r, float clear_g,
            float clear_b, bool everything = false);
  // Makes the framebuffer width x height pixels (kept when unchanged); false when it cannot.
  bool resize(int width, int height);
  // The kept pixels no longer match the last frame (fonts rebuilt): the next draw is in full.
  void invalidate() { damage_.invalidate(); }
  // Deletes the GL objects (before the context goes).
  void release() { target_.destroy(); }
  // Copies the kept pixels to the bound draw framebuffer's (0, 0) corner.
  void copyToWindow() const;

  const RenderTarget& target() const { return target_; }
  const std::vector<PixelBox>& lastDamage() const { return last_damage_; }
  // CPU seconds spent finding damage so far (bench-frames reports it per frame).
  double trackingSeconds() const { return tracking_seconds_; }

 private:
  RenderTarget target_;
  DamageTracker damage_;
  CutBuffers buffers_;
  std::vector<PixelBox> last_damage_;
  double tracking_seconds_ = 0;
};

}  // namespace gradlab
