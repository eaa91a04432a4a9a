// Undo and redo in the app (app/lab_undo.h) on every real lab: two parameter changes through the
// lab's scene API are undone to the exact original scene and redone to the exact edited one; a
// new change after an undo drops the redo step; each lab keeps its own history; a change made
// while the mouse is held (a slider drag) is one step, recorded when it is released.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/lab_undo.h"
#include "app/undo.h"
#include "tests/app/headless_imgui.h"

namespace gradlab {
namespace {

using nlohmann::json;

struct Edit {
  const char* pointer;  // a JSON pointer into the lab's scene
  json value;
};
struct LabEdits {
  const char* lab;
  Edit first, second;
};

// Two parameters per lab, each set to a valid value other than its default.
const LabEdits kEdits[] = {
    {"optimizer", {"/config/lr", 0.02}, {"/config/method", "adam"}},
    {"activations", {"/leaky_alpha", 0.25}, {"/softplus_beta", 2.5}},
    {"networks", {"/x_range", {-4.0, 4.0}}, {"/bias", false}},
    {"elbows", {"/training/lr", 0.02}, {"/network/units", 7}},
    {"stochastic", {"/sgd/iterations", 321}, {"/data/seed", 7u}},
    {"backprop", {"/step_size", 0.3}, {"/g2/a", 1.5}},
};

// The status bar's name of an edited field: "/config/lr" is "config.lr".
std::string fieldName(const char* pointer) {
  std::string name = pointer + 1;
  for (char& c : name)
    if (c == '/') c = '.';
  return name;
}

json scene(App& app) {
  return sceneWithoutTimeline(currentLab(app).saveScene());
}

// Sets one parameter through the lab's scene API and checks the lab took it.
void edit(App& app, const Edit& e) {
  json changed = currentLab(app).saveScene();
  ASSERT_NE(changed.at(json::json_pointer(e.pointer)), e.value) << e.pointer << " is the default";
  changed[json::json_pointer(e.pointer)] = e.value;
  ASSERT_EQ(currentLab(app).loadScene(changed), "") << e.pointer;
  ASSERT_EQ(currentLab(app).saveScene().at(json::json_pointer(e.pointer)), e.value) << e.pointer;
}

TEST(LabUndo, EveryLabUndoesTwoChangesExactlyAndRedoesThem) {
  ASSERT_EQ(std::size(kEdits), labTable().size()) << "a new lab needs its two edits here";
  for (const LabEdits& lab_edits : kEdits) {
    SCOPED_TRACE(lab_edits.lab);
    App app;
    initApp(app);
    app.lab = findLab(lab_edits.lab);
    ASSERT_GE(app.lab, 0);
    recordLabScene(app);  // the baselines
    const json original = scene(app);
    edit(app, lab_edits.first);
    EXPECT_TRUE(recordLabScene(app));
    edit(app, lab_edits.second);
    EXPECT_TRUE(recordLabScene(app));
    const json edited = scene(app);
    EXPECT_FALSE(recordLabScene(app)) << "no change, no step";

    EXPECT_EQ(undoLabScene(app), "Undid: " + fieldName(lab_edits.second.pointer));
    EXPECT_EQ(undoLabScene(app), "Undid: " + fieldName(lab_edits.first.pointer));
    EXPECT_EQ(scene(app), original);
    EXPECT_EQ(undoLabScene(app), "Nothing to undo");
    EXPECT_FALSE(canUndo(app));
    EXPECT_TRUE(canRedo(app));

    EXPECT_EQ(redoLabScene(app).rfind("Redid: ", 0), 0u);
    redoLabScene(app);
    EXPECT_EQ(scene(app), edited);
    EXPECT_EQ(redoLabScene(app), "Nothing to redo");

    // Back to the original, then a new change: the redo steps are gone.
    undoLabScene(app);
    undoLabScene(app);
    EXPECT_TRUE(canRedo(app));
    edit(app, lab_edits.second);
    EXPECT_TRUE(recordLabScene(app));
    EXPECT_FALSE(canRedo(app));
    EXPECT_EQ(redoLabScene(app), "Nothing to redo");
  }
}

// Undo picks up a change not yet recorded (made and undone in the same settled moment).
TEST(LabUndo, AnUnrecordedChangeIsTheStepUndone) {
  App app;
  initApp(app);
  app.lab = findLab("activations");
  recordLabScene(app);
  const json original = scene(app);
  edit(app, kEdits[1].first);
  EXPECT_EQ(undoLabScene(app), "Undid: leaky_alpha");
  EXPECT_EQ(scene(app), original);
}

TEST(LabUndo, EachLabHasItsOwnHistory) {
  App app;
  initApp(app);
  app.lab = findLab("activations");
  recordLabScene(app);
  edit(app, kEdits[1].first);
  recordLabScene(app);
  app.lab = findLab("backprop");  // switching labs is not a step
  EXPECT_FALSE(recordLabScene(app));
  EXPECT_EQ(undoLabScene(app), "Nothing to undo");
  app.lab = findLab("activations");
  EXPECT_EQ(undoLabScene(app), "Undid: leaky_alpha");
}

// Through ImGui's io: a scene changed over several frames while the mouse is held is recorded
// once, in the frame the button is released; frames without input never save the scene.
TEST(LabUndo, OneDragIsOneStep) {
  ImGuiContext* imgui = test::CreateHeadlessImGui(ImVec2(800, 600));
  App app;
  initApp(app);
  app.lab = findLab("activations");
  Lab& lab = currentLab(app);
  const auto frame = [&](bool mouse_down, double alpha) {
    ImGui::GetIO().MouseDown[0] = mouse_down;
    ImGui::NewFrame();
    if (alpha > 0) {
      json s = lab.saveScene();
      s["leaky_alpha"] = alpha;
      lab.loadScene(s);
    }
    recordSettledLabScene(app);
    ImGui::Render();
  };
  frame(false, 0);  // the first frame records the baselines
  const json original = scene(app);
  frame(true, 0);
  for (double alpha : {0.1, 0.2, 0.3}) frame(true, alpha);  // dragging
  EXPECT_FALSE(canUndo(app)) << "nothing recorded while the button is held";
  frame(false, 0);  // released
  EXPECT_TRUE(canUndo(app));
  EXPECT_EQ(app.undo[std::size_t(app.lab)].undo.size(), 1u);
  for (int i = 0; i < 3; ++i) frame(false, 0);  // idle frames add nothing
  EXPECT_EQ(app.undo[std::size_t(app.lab)].undo.size(), 1u);
  EXPECT_EQ(undoLabScene(app), "Undid: leaky_alpha");
  EXPECT_EQ(scene(app), original);
  ImGui::DestroyContext(imgui);
}

// A settled input frame saves the scene and compares it with the last one: that must cost far less
// than a frame. Prints the median per lab (the README quotes them); fails only past 5 ms.
TEST(LabUndo, RecordingASceneIsCheap) {
  App app;
  initApp(app);
  recordLabScene(app);
  for (int lab = 0; lab < int(app.labs.size()); ++lab) {
    app.lab = lab;
    std::vector<double> micros;
    for (int i = 0; i < 51; ++i) {
      const auto start = std::chrono::steady_clock::now();
      recordLabScene(app);
      micros.push_back(
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
              .count());
    }
    std::nth_element(micros.begin(), micros.begin() + 25, micros.end());
    std::printf("saveScene + compare, %s lab: %.0f us (median of 51)\n", labTable()[lab].name,
                micros[25]);
    EXPECT_LT(micros[25], 5000) << labTable()[lab].name;
  }
}

}  // namespace
}  // namespace gradlab
