// The undo stack (app/undo.h) on plain JSON: steps, the redo stack dropped by a new change, the
// cap, the timeline key ignored when comparing and kept when restoring, and the step's name.
#include <gtest/gtest.h>

#include <string>

#include "app/undo.h"

namespace gradlab {
namespace {

using nlohmann::json;

json scene(double lr, int iterations, double timeline = 0) {
  return {{"config", {{"lr", lr}, {"method", "gd"}}},
          {"iterations", iterations},
          {"timeline", {{"position", timeline}}}};
}

TEST(Undo, TwoChangesUndoneAndRedoneInOrder) {
  UndoHistory h;
  EXPECT_FALSE(undoRecord(h, scene(0.1, 10))) << "the first record is the baseline";
  EXPECT_TRUE(undoRecord(h, scene(0.2, 10)));
  EXPECT_TRUE(undoRecord(h, scene(0.2, 20)));
  json restore;
  std::string what;
  ASSERT_TRUE(undoStep(h, scene(0.2, 20), &restore, &what));
  EXPECT_EQ(restore, scene(0.2, 10));
  EXPECT_EQ(what, "iterations");
  ASSERT_TRUE(undoStep(h, restore, &restore, &what));
  EXPECT_EQ(restore, scene(0.1, 10));
  EXPECT_EQ(what, "config.lr");
  EXPECT_FALSE(undoStep(h, restore, &restore, &what)) << "nothing left to undo";
  EXPECT_EQ(restore, scene(0.1, 10));
  ASSERT_TRUE(redoStep(h, restore, &restore, &what));
  EXPECT_EQ(restore, scene(0.2, 10));
  ASSERT_TRUE(redoStep(h, restore, &restore, &what));
  EXPECT_EQ(restore, scene(0.2, 20));
  EXPECT_FALSE(redoStep(h, restore, &restore, &what));
}

TEST(Undo, ANewChangeAfterUndoDropsTheRedoSteps) {
  UndoHistory h;
  undoRecord(h, scene(0.1, 10));
  undoRecord(h, scene(0.2, 10));
  json restore;
  std::string what;
  ASSERT_TRUE(undoStep(h, scene(0.2, 10), &restore, &what));
  EXPECT_EQ(h.redo.size(), 1u);
  EXPECT_TRUE(undoRecord(h, scene(0.1, 99)));
  EXPECT_TRUE(h.redo.empty());
  EXPECT_FALSE(redoStep(h, scene(0.1, 99), &restore, &what));
  ASSERT_TRUE(undoStep(h, scene(0.1, 99), &restore, &what));
  EXPECT_EQ(restore, scene(0.1, 10));
}

TEST(Undo, TheTimelineIsNeitherAChangeNorRestored) {
  UndoHistory h;
  undoRecord(h, scene(0.1, 10, 0));
  EXPECT_FALSE(undoRecord(h, scene(0.1, 10, 5))) << "playing is not a parameter change";
  EXPECT_FALSE(undoRecord(h, scene(0.1, 10, 17)));
  EXPECT_TRUE(undoRecord(h, scene(0.3, 10, 17)));
  json restore;
  std::string what;
  ASSERT_TRUE(undoStep(h, scene(0.3, 10, 42), &restore, &what));
  EXPECT_EQ(restore, scene(0.1, 10, 42)) << "the animation stays where it is";
  // A scene with no timeline key (a lab without one) gets none.
  UndoHistory plain;
  undoRecord(plain, json{{"a", 1}});
  undoRecord(plain, json{{"a", 2}});
  ASSERT_TRUE(undoStep(plain, json{{"a", 2}}, &restore, &what));
  EXPECT_EQ(restore, (json{{"a", 1}}));
}

TEST(Undo, TheStackIsCappedAndKeepsTheNewestSteps) {
  UndoHistory h;
  undoRecord(h, scene(0, 0));
  for (int i = 1; i <= 150; ++i) undoRecord(h, scene(0, i));
  EXPECT_EQ(h.undo.size(), UndoHistory::kMaxSteps);
  json restore;
  std::string what;
  int steps = 0;
  json current = scene(0, 150);
  while (undoStep(h, current, &restore, &what)) {
    current = restore;
    ++steps;
  }
  EXPECT_EQ(steps, int(UndoHistory::kMaxSteps));
  EXPECT_EQ(current, scene(0, 150 - int(UndoHistory::kMaxSteps)));
}

TEST(Undo, FirstDifferenceNamesTheChangedField) {
  EXPECT_EQ(firstDifference(json{{"a", 1}}, json{{"a", 1}}), "");
  EXPECT_EQ(firstDifference(json{{"a", {{"b", 1}, {"c", 2}}}}, json{{"a", {{"b", 1}, {"c", 3}}}}),
            "a.c");
  EXPECT_EQ(firstDifference(json{{"starts", {1, 2}}}, json{{"starts", {1, 3}}}), "starts");
  EXPECT_EQ(firstDifference(json{{"a", 1}}, json{{"a", 1}, {"b", 2}}), "b");
  EXPECT_EQ(firstDifference(json{{"a", 1}, {"b", 2}}, json{{"a", 1}}), "b");
}

}  // namespace
}  // namespace gradlab
