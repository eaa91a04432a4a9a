// A real ImGui context with no window or GL, for tests that drive widgets frame by frame: ImGui
// runs headless once its font atlas is built. Mouse and keys are set on ImGui::GetIO().
#pragma once

#include <imgui.h>

namespace gradlab::test {

// Creates and makes current a context of the given display size at 60 frames per second.
inline ImGuiContext* CreateHeadlessImGui(ImVec2 display_size) {
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = display_size;
  io.DeltaTime = 1.0f / 60.0f;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas NewFrame asks for
  return context;
}

}  // namespace gradlab::test
