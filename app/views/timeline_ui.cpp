// The timeline's controls. See timeline_ui.h.
#include "app/views/timeline_ui.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace gradlab {

namespace {

bool changed(const Timeline& before, const Timeline& t) {
  return t.playing != before.playing || t.animated != before.animated ||
         t.position != before.position || t.speed != before.speed;
}

void drawButtons(Timeline& t) {
  if (ImGui::Button(t.playing ? "Pause" : "Play")) timelineTogglePlay(t);
  ImGui::SameLine();
  if (ImGui::Button("Step")) timelineStep(t);
  ImGui::SameLine();
  if (ImGui::Button("Rewind")) timelineRewind(t);
  ImGui::SameLine();
  ImGui::BeginDisabled(!t.animated);
  if (ImGui::Button("Show all")) timelineShowAll(t);
  ImGui::EndDisabled();
}

}  // namespace

bool drawTimelineButtons(Timeline& t) {
  const Timeline before = t;
  drawButtons(t);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("iteration %d of %d", t.animated ? int(t.position) : t.last, t.last);
  return changed(before, t);
}

bool drawTimelineControls(Timeline& t) {
  const Timeline before = t;
  drawButtons(t);
  // 60% of the row, less where the label would not fit beside it (1024 px at UI scale 1.5).
  char widest[64];
  std::snprintf(widest, sizeof widest, "iteration %d of %d", t.last, t.last);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width =
      std::max(avail * 0.3f, std::min(avail * 0.6f, avail - ImGui::GetStyle().ItemInnerSpacing.x -
                                                        ImGui::CalcTextSize(widest).x - 2.0f));
  int shown = t.animated ? int(t.position) : t.last;
  ImGui::SetNextItemWidth(width);
  // The iterate in the label, not on the slider: a run of a few iterates has a handle as wide
  // as half the slider, which would hide the number.
  char label[64];
  std::snprintf(label, sizeof label, "iteration %d of %d###iteration", shown, t.last);
  if (ImGui::SliderInt(label, &shown, 0, std::max(t.last, 1), "", ImGuiSliderFlags_AlwaysClamp))
    timelineSeek(t, shown);
  ImGui::SetNextItemWidth(width);
  float speed = float(t.speed);
  if (ImGui::SliderFloat("iterations/s", &speed, float(Timeline::kMinSpeed),
                         float(Timeline::kMaxSpeed), "%.0f",
                         ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
    t.speed = speed;
  return changed(before, t);
}

}  // namespace gradlab
