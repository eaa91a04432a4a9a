#include "app/draw_fingerprint.h"

#include <imgui.h>

#include "app/word_hasher.h"

namespace gradlab {

std::uint64_t drawListHash(const ImDrawList& list) {
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
  }
  return hash.h;
}

std::uint64_t drawFingerprint(const ImDrawData& data, std::uint64_t content_version) {
  WordHasher hash;
  hash.word(content_version);
  hash.number(data.DisplayPos.x);
  hash.number(data.DisplayPos.y);
  hash.number(data.DisplaySize.x);
  hash.number(data.DisplaySize.y);
  hash.number(data.FramebufferScale.x);
  hash.number(data.FramebufferScale.y);
  hash.word(std::uint64_t(data.CmdListsCount));
  for (int l = 0; l < data.CmdListsCount; ++l) hash.word(drawListHash(*data.CmdLists[l]));
  return hash.h;
}

}  // namespace gradlab
