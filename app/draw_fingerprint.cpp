#include "app/draw_fingerprint.h"

#include <imgui.h>

#include <cstring>

namespace gradlab {
namespace {

// A word-at-a-time hash (multiply and rotate, as in MurmurHash's mixing): about 20 µs for a
// 10,000-vertex frame. Not cryptographic; a collision would show one stale frame.
struct Hasher {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  void word(std::uint64_t w) {
    w *= 0x87C37B91114253D5ull;
    w = (w << 31) | (w >> 33);
    h ^= w * 0x4CF5AD432745937Full;
    h = ((h << 27) | (h >> 37)) * 5 + 0x52DCE729;
  }
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      word(w);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p + i, size - i);
    word(tail ^ (std::uint64_t(size) << 56));
  }
  void number(float v) { bytes(&v, sizeof v); }
};

}  // namespace

std::uint64_t drawFingerprint(const ImDrawData& data, std::uint64_t content_version) {
  Hasher hash;
  hash.word(content_version);
  hash.number(data.DisplayPos.x);
  hash.number(data.DisplayPos.y);
  hash.number(data.DisplaySize.x);
  hash.number(data.DisplaySize.y);
  hash.number(data.FramebufferScale.x);
  hash.number(data.FramebufferScale.y);
  hash.word(std::uint64_t(data.CmdListsCount));
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    hash.bytes(list.VtxBuffer.Data, std::size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    hash.bytes(list.IdxBuffer.Data, std::size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      hash.bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
      hash.bytes(&cmd.TextureId, sizeof cmd.TextureId);
      hash.word((std::uint64_t(cmd.VtxOffset) << 32) | cmd.IdxOffset);
      hash.word(cmd.ElemCount);
      hash.bytes(&cmd.UserCallback, sizeof cmd.UserCallback);
      hash.bytes(&cmd.UserCallbackData, sizeof cmd.UserCallbackData);
    }
  }
  return hash.h;
}

}  // namespace gradlab
