// The optimizer lab's scene: a plain struct that round-trips through JSON; a malformed scene
// names its bad field; a loaded scene gives the same runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "app/labs/optimizer/optimizer_lab.h"
#include "app/labs/optimizer/optimizer_scene.h"
#include "tests/app/run_command.h"

namespace gradlab {
namespace {

using nlohmann::json;

OptimizerScene defaultScene() {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  return lab.scene;
}

TEST(OptimizerScene, TheDefaultSceneRoundTrips) {
  const OptimizerScene scene = defaultScene();
  const json j = optimizerSceneToJson(scene);
  OptimizerScene back;  // not the defaults: every field must come from the JSON
  back.starts.clear();
  ASSERT_EQ(optimizerSceneFromJson(j, &back), "");
  EXPECT_EQ(optimizerSceneToJson(back), j);
  EXPECT_EQ(j["function"]["name"], "two-bumps");
  EXPECT_EQ(j["config"]["method"], "gd");
  EXPECT_EQ(j["config"]["lr"], 0.1);
  EXPECT_FALSE(j["config"]["sgd"].contains("lr"));  // held once, beside the method
  EXPECT_EQ(back.starts.size(), 3u);
}

TEST(OptimizerScene, AnEditedSceneRoundTripsEveryInput) {
  OptimizerScene s = defaultScene();
  s.spec.name = "expression";
  s.spec.expression = "(x - 1)^2 + 4*(y + 0.5)^2";
  s.spec.params.clear();
  s.config = defaultRunConfig(Method::AMSGrad, false);
  s.config.step_size = 0.0123;
  s.config.adam.beta2 = 0.95;
  s.config.stop.max_iterations = 777;
  s.config.stop.f_tol = 1e-9;
  s.starts = {Vec2(1.25, -0.5), Vec2(0.1, 0.2)};
  s.compare = true;
  s.compare_entries.resize(2);
  s.compare_entries[1].config = defaultRunConfig(Method::RMSProp, false);
  s.compare_entries[1].config.rmsprop.centered = true;
  s.compare_entries[1].enabled = false;
  s.view = {-3, 4, -1.5, 2.5};
  s.contour.levels = 22;
  s.contour.log_levels = true;
  s.contour.colormap = 1;
  s.show_arrows = false;
  s.log_f_axis = true;
  s.pinned = true;
  s.pin = Vec2(0.3, -0.7);
  s.sweep.count = 17;
  const json j = optimizerSceneToJson(s);
  OptimizerScene back = defaultScene();
  ASSERT_EQ(optimizerSceneFromJson(j, &back), "");
  EXPECT_EQ(optimizerSceneToJson(back), j);
  EXPECT_EQ(back.config.method, Method::AMSGrad);
  EXPECT_EQ(back.config.adam.beta2, 0.95);
  EXPECT_EQ(back.compare_entries[1].config.rmsprop.centered, true);
  EXPECT_FALSE(back.compare_entries[1].enabled);
  EXPECT_EQ(back.pin, Vec2(0.3, -0.7));
  EXPECT_EQ(back.view.y_max, 2.5);
  EXPECT_EQ(back.contour.colormap, 1);
  // Text and back: the JSON as written to a file reads back the same.
  OptimizerScene from_text = defaultScene();
  ASSERT_EQ(optimizerSceneFromJson(json::parse(j.dump(2)), &from_text), "");
  EXPECT_EQ(optimizerSceneToJson(from_text), j);
}

TEST(OptimizerScene, MissingKeysKeepTheDefaults) {
  OptimizerScene s = defaultScene();
  ASSERT_EQ(optimizerSceneFromJson(json{{"config", {{"adam", {{"beta1", 0.8}}}}}}, &s), "");
  EXPECT_EQ(s.config.adam.beta1, 0.8);
  EXPECT_EQ(s.config.method, Method::GradientDescent);
  EXPECT_EQ(s.config.step_size, 0.1);
  EXPECT_EQ(s.starts.size(), 3u);
}

TEST(OptimizerScene, AMalformedSceneNamesTheBadField) {
  const struct {
    json j;
    std::string message;
  } cases[] = {
      {json::array(), "a scene must be a JSON object"},
      {{{"version", 99}}, "version: this gradlab reads scene versions up to 2"},
      {{{"lab", "elbows"}}, "lab: this is not an optimizer scene"},
      {{{"config", {{"adam", {{"beta1", 2.0}}}}}}, "config.adam.beta1 must be in ["},
      {{{"config", {{"adam", {{"betta1", 0.5}}}}}}, "config.adam.betta1 is not a parameter here"},
      {{{"config", {{"sgd", {{"lr", "fast"}}}}}}, "config.sgd.lr has the wrong type"},
      {{{"config", {{"lr", "fast"}}}}, "config.lr has the wrong type"},
      {{{"config", {{"lr", 20}}}}, "config.lr must be in [1e-06, 10]"},
      {{{"config", {{"method", "damped-newton"}, {"lr", 5}}}}, "config.lr must be in [0.001, 2]"},
      {{{"config", {{"method", "damped-newton"}, {"newton", {{"eta", 5}}}}}},
       "config.newton.eta must be in [0.001, 2]"},
      {{{"config", {{"stop", {{"lr", 0.1}}}}}}, "config.stop.lr is not a parameter here"},
      {{{"config", {{"method", "sgd9"}}}}, "config.method is not a method"},
      {{{"config", {{"stop", {{"max_iterations", 1.5}}}}}},
       "config.stop.max_iterations must be a whole number"},
      {{{"starts", {{0, 1}, {2}}}}, "starts[1] must be [x, y] with finite numbers"},
      {{{"starts", json::array()}}, "starts must be a list of 1 to 16 points"},
      {{{"view", {0, 0, 1, 2}}}, "view must be [x_min, x_max, y_min, y_max] with min < max"},
      {{{"contour", {{"colormap", "rainbow"}}}}, "contour.colormap is not a colour map"},
      {{{"contour", {{"levels", 0}}}}, "contour.levels must be 1 to 60"},
      {{{"pin", {1}}}, "pin must be null or [x, y]"},
      {{{"compare_entries", {{{"config", {{"adam", {{"eps", -1}}}}}}}}},
       "compare_entries[0].config.adam.eps must be in ["},
      {{{"show_arrows", 1}}, "show_arrows must be true or false"},
  };
  for (const auto& c : cases) {
    OptimizerScene s = defaultScene();
    const std::string error = optimizerSceneFromJson(c.j, &s);
    EXPECT_EQ(error.rfind(c.message, 0), 0u) << c.j.dump() << " -> " << error;
  }
}

TEST(OptimizerScene, ApplyingASceneReproducesItsRunsAndABadOneChangesNothing) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  OptimizerScene scene = lab.scene;
  scene.config.step_size = 0.5;
  ASSERT_EQ(applyOptimizerScene(lab, scene), "");
  ASSERT_EQ(lab.runs.size(), 3u);
  EXPECT_EQ(lab.start_slots.size(), 3u);
  const std::size_t length = lab.runs[0].iterates.size();
  OptimizerScene bad = scene;
  bad.spec.name = "no-such-function";
  EXPECT_NE(applyOptimizerScene(lab, bad), "");
  EXPECT_EQ(lab.scene.spec.name, "two-bumps");
  EXPECT_EQ(lab.runs[0].iterates.size(), length);
}

json readSceneFile(const std::string& name) {
  std::ifstream in(std::string(GRADLAB_TEST_DATA_DIR) + "/scenes/" + name);
  EXPECT_TRUE(in) << name;
  return json::parse(in);
}

// Version-1 files (a step size in each method's struct, written by gradlab before the step size
// was held once: tests/data/scenes/make_v1_scenes.sh) load with the active method's step and give
// the runs that version gave.
TEST(OptimizerScene, VersionOneFilesLoadWithTheActiveMethodsStep) {
  OptimizerLab lab;
  resetOptimizerLab(lab);
  ASSERT_EQ(loadOptimizerScene(lab, readSceneFile("v1-adam.json")), "");
  EXPECT_EQ(lab.scene.config.method, Method::Adam);
  EXPECT_EQ(lab.scene.config.step_size, 0.05);  // config.adam.lr, not config.sgd.lr = 0.1
  ASSERT_EQ(lab.runs.size(), 1u);
  EXPECT_EQ(lab.runs[0].status, RunStatus::Converged);
  EXPECT_EQ(lab.runs[0].status_iteration, 2114);
  ASSERT_EQ(lab.scene.compare_entries.size(), 4u);
  EXPECT_EQ(lab.scene.compare_entries[0].config.step_size, 0.0006638488581100247);  // sgd.lr
  EXPECT_EQ(lab.scene.compare_entries[2].config.step_size, 0.04);                   // adam.lr
  EXPECT_EQ(lab.scene.compare_entries[3].config.step_size, 1.0);                    // newton.eta
  // The loaded step is the gradient step that Newton and back returns to.
  selectMethod(lab, Method::Newton);
  selectMethod(lab, Method::GradientDescent);
  EXPECT_EQ(lab.scene.config.step_size, 0.05);

  ASSERT_EQ(loadOptimizerScene(lab, readSceneFile("v1-damped.json")), "");
  EXPECT_EQ(lab.scene.config.method, Method::DampedNewton);
  EXPECT_EQ(lab.scene.config.step_size, 0.3);  // config.newton.eta
  const int damped_steps[] = {70, 79, 55};
  ASSERT_EQ(lab.runs.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(lab.runs[i].status_iteration, damped_steps[i]) << i;

  ASSERT_EQ(loadOptimizerScene(lab, readSceneFile("v1-compare.json")), "");
  EXPECT_TRUE(lab.scene.compare);
  const int compare_steps[] = {28, 225, 369, 4};  // gd, momentum, adam at 0.02; newton
  ASSERT_EQ(lab.runs.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(lab.runs[i].status, RunStatus::Converged) << i;
    EXPECT_EQ(lab.runs[i].status_iteration, compare_steps[i]) << i;
  }
  // Written again, it is a version-2 file with the step once per config.
  const json again = optimizerSceneToJson(lab.scene);
  EXPECT_EQ(again["version"], 2);
  EXPECT_EQ(again["compare_entries"][2]["config"]["lr"], 0.02);
  EXPECT_FALSE(again["compare_entries"][2]["config"]["adam"].contains("lr"));
}

// A teacher prepares a scene on the command line and opens it again: the same pictures.
TEST(OptimizerScene, SaveSceneThenSceneExportsTheSameFigures) {
  const std::string dir = ::testing::TempDir() + "gradlab_scene_roundtrip";
  const std::string file = dir + "/demo.json";
  std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "/a' '" + dir + "/b'").c_str());
  test::CommandResult a = test::runGradlab("export --out-dir '" + dir +
                                               "/a' --function rosenbrock --method adam --lr 0.05 "
                                               "--pin 0.5,0.5 --save-scene '" +
                                               file + "'",
                                           true, "env -u DISPLAY");
  ASSERT_EQ(a.exit_code, 0) << a.output;
  test::CommandResult b = test::runGradlab(
      "export --out-dir '" + dir + "/b' --scene '" + file + "'", true, "env -u DISPLAY");
  ASSERT_EQ(b.exit_code, 0) << b.output;
  for (const char* name : {"optimizer-map.png", "optimizer-f.png", "optimizer-grad-norm.png"}) {
    std::ifstream fa(dir + "/a/" + name, std::ios::binary),
        fb(dir + "/b/" + name, std::ios::binary);
    std::stringstream sa, sb;
    sa << fa.rdbuf();
    sb << fb.rdbuf();
    EXPECT_FALSE(sa.str().empty()) << name;
    EXPECT_EQ(sa.str(), sb.str()) << name;
  }
  test::CommandResult bad =
      test::runGradlab("export --out-dir '" + dir + "/b' --scene '" + dir + "/missing.json'", true,
                       "env -u DISPLAY");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("cannot read scene file"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace gradlab
