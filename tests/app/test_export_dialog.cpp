// File > Export... driven in the real app, in-process, in a hidden window under Xvfb: Ctrl+E
// opens it; its Export button writes a plot as PNG at 1x and 2x (twice the pixels), SVG (valid
// XML), PDF and CSV, in the light theme by default; the whole window at 1x and 2x through GL; a
// bad path is reported with no crash; Copy data puts the CSV on the clipboard.
#include <gtest/gtest.h>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "app/app.h"
#include "app/export_ui.h"
#include "app/platform.h"
#include "app/window_capture.h"
#include "tests/app/png_image.h"

namespace gradlab {
namespace {

constexpr int kWidth = 1280, kHeight = 800;

class ExportDialogTest : public ::testing::Test {
 protected:
  // One window for all the tests: a display connection that stays open (Xvfb resets, and
  // refuses connections for a moment, whenever its last client leaves).
  static void SetUpTestSuite() {
    PlatformOptions options;
    options.width = kWidth;
    options.height = kHeight;
    options.visible = false;
    options.vsync = false;
    platform_ = new Platform;
    if (!platform_->init(options, &init_error_)) {
      delete platform_;
      platform_ = nullptr;
    }
  }
  static void TearDownTestSuite() {
    delete platform_;
    platform_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(platform_, nullptr) << init_error_;
    initApp(app_);
    setTheme(app_, Theme::Dark);  // the app on screen is dark; export defaults to light
    for (int i = 0; i < 3; ++i) frame();
  }

  // One frame of the app as the event loop draws it, with scripted mouse and Ctrl+E.
  void frame(ImVec2 mouse = ImVec2(-1, -1), bool down = false, bool ctrl_e = false) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse;
    io.MouseDown[ImGuiMouseButton_Left] = down;
    io.KeyCtrl = ctrl_e;
    io.KeysDown['E'] = ctrl_e;
    io.KeysDown[GLFW_KEY_ESCAPE] = escape_;
    ImGui::NewFrame();
    drawApp(app_, 1.0f / 60.0f);
    const Rgb bg = themeBackground(app_.theme);
    platform_->endFrame(bg.r, bg.g, bg.b, appPixelsVersion(app_));
    if (app_.export_dialog.capture.pending) captureWindowIfAsked(*platform_, app_);
  }

  // Clicks a button where the dialog drew it, after a frame that lays out the current state.
  void click(const float* at) {
    frame();
    const ImVec2 p(at[0], at[1]);
    frame(p);
    frame(p, true);
    frame(p);
  }

  // Opens the dialog with Ctrl+E and lets its layout settle.
  void openWithShortcut() {
    frame(ImVec2(-1, -1), false, true);
    for (int i = 0; i < 3; ++i) frame();
  }

  void setPath(const std::string& path) {
    std::snprintf(app_.export_dialog.path, sizeof app_.export_dialog.path, "%s", path.c_str());
    app_.export_dialog.path_edited = true;
  }

  static std::string tempPath(const std::string& name) {
    const std::string path = ::testing::TempDir() + "gradlab_dialog_" + name;
    std::remove(path.c_str());
    return path;
  }

  bool escape_ = false;  // Escape held in the next frames
  static Platform* platform_;
  static std::string init_error_;
  App app_;
};

Platform* ExportDialogTest::platform_ = nullptr;
std::string ExportDialogTest::init_error_;

TEST_F(ExportDialogTest, CtrlEOpensItOnTheLabsFirstPlotWithADefaultName) {
  EXPECT_FALSE(app_.export_dialog.open);
  openWithShortcut();
  ASSERT_TRUE(app_.export_dialog.open);
  EXPECT_STREQ(app_.export_dialog.path, "optimizer-map.png");
  EXPECT_EQ(app_.export_dialog.theme, Theme::Light);
  EXPECT_GT(app_.export_dialog.export_button[0], 0) << "the Export button was not drawn";
  // Escape closes it.
  escape_ = true;
  frame();
  escape_ = false;
  frame();
  EXPECT_FALSE(app_.export_dialog.open);
}

TEST_F(ExportDialogTest, ExportButtonWritesPngAt1xAnd2xSvgPdfAndCsvOfAPlot) {
  openWithShortcut();
  ExportDialog& dialog = app_.export_dialog;

  const std::string png1 = tempPath("map1.png");
  setPath(png1);
  click(dialog.export_button);
  EXPECT_FALSE(dialog.message_is_error) << dialog.message;
  const test::Image one = test::loadPng(png1);
  EXPECT_EQ(one.width, 800);
  EXPECT_EQ(one.height, 600);
  // The print theme although the window is dark: a light background in the corner.
  for (int c = 0; c < 3; ++c) EXPECT_GE(one.at(2, 2)[c], 240);
  EXPECT_NE(dialog.message.find("map1.png"), std::string::npos) << dialog.message;
  EXPECT_EQ(app_.scene_message, dialog.message) << "the status bar shows the result";

  dialog.pixel_scale = 2;
  const std::string png2 = tempPath("map2.png");
  setPath(png2);
  click(dialog.export_button);
  const test::Image two = test::loadPng(png2);
  EXPECT_EQ(two.width, 2 * one.width);
  EXPECT_EQ(two.height, 2 * one.height);

  dialog.format = ExportDialogFormat::Svg;
  const std::string svg = tempPath("map.svg");
  setPath(svg);
  click(dialog.export_button);
  EXPECT_FALSE(dialog.message_is_error) << dialog.message;
  EXPECT_EQ(std::system(("xmllint --noout '" + svg + "'").c_str()), 0) << "not valid XML";

  dialog.format = ExportDialogFormat::Pdf;
  const std::string pdf = tempPath("map.pdf");
  setPath(pdf);
  click(dialog.export_button);
  std::ifstream pdf_in(pdf);
  std::string magic(5, ' ');
  pdf_in.read(&magic[0], 5);
  EXPECT_EQ(magic, "%PDF-");

  dialog.format = ExportDialogFormat::Csv;
  const std::string csv = tempPath("map.csv");
  setPath(csv);
  click(dialog.export_button);
  std::ifstream csv_in(csv);
  std::string header;
  std::getline(csv_in, header);
  EXPECT_EQ(header, "item,kind,label,index,x,y,x_end,y_end,value");
  EXPECT_TRUE(dialog.open) << "the dialog stays open for the next export";
}

TEST_F(ExportDialogTest, ABadPathIsReportedInTheDialogAndStatusBarWithoutACrash) {
  openWithShortcut();
  setPath("/no-such-folder-for-gradlab/map.png");
  click(app_.export_dialog.export_button);
  EXPECT_TRUE(app_.export_dialog.message_is_error);
  EXPECT_NE(app_.export_dialog.message.find("'/no-such-folder-for-gradlab' does not exist"),
            std::string::npos)
      << app_.export_dialog.message;
  EXPECT_TRUE(app_.scene_message_is_error);
  EXPECT_EQ(app_.scene_message, app_.export_dialog.message);
  for (int i = 0; i < 3; ++i) frame();
  EXPECT_TRUE(app_.export_dialog.open);
}

TEST_F(ExportDialogTest, WholeWindowIsWrittenAt1xAnd2xWithoutTheDialog) {
  openWithShortcut();
  ExportDialog& dialog = app_.export_dialog;
  const std::vector<ExportTarget> targets = exportTargets(currentLab(app_));
  ASSERT_EQ(targets.back().kind, ExportTarget::Kind::Window);
  dialog.target = int(targets.size()) - 1;
  frame();
  EXPECT_STREQ(dialog.path, "optimizer-window.png");
  for (int scale : {1, 2}) {
    dialog.pixel_scale = scale;
    const std::string png = tempPath("window" + std::to_string(scale) + ".png");
    setPath(png);
    click(dialog.export_button);
    for (int i = 0; i < 2; ++i) frame();
    EXPECT_FALSE(dialog.message_is_error) << dialog.message;
    EXPECT_TRUE(dialog.open) << "the dialog comes back with the result";
    const test::Image image = test::loadPng(png);
    EXPECT_EQ(image.width, kWidth * scale);
    EXPECT_EQ(image.height, kHeight * scale);
    EXPECT_GT(test::lumaVariance(image), 100.0) << "the window looks blank";
    // Light theme (the default) although the window is dark; the app is dark again afterwards.
    for (int c = 0; c < 3; ++c) EXPECT_GE(image.at(image.width - 2, image.height - 2)[c], 200);
    EXPECT_EQ(app_.theme, Theme::Dark);
  }
}

TEST_F(ExportDialogTest, CopyDataPutsThePlotsCsvOnTheClipboard) {
  openWithShortcut();
  app_.export_dialog.format = ExportDialogFormat::Csv;
  frame();
  click(app_.export_dialog.copy_data_button);
  EXPECT_FALSE(app_.export_dialog.message_is_error) << app_.export_dialog.message;
  const char* clipboard = ImGui::GetClipboardText();
  ASSERT_NE(clipboard, nullptr);
  EXPECT_EQ(std::string(clipboard), exportDialogCsv(app_));
  EXPECT_EQ(std::string(clipboard).rfind("item,kind,label", 0), 0u);
}

TEST_F(ExportDialogTest, TheStochasticLabsErrorTableIsATargetWrittenAsCsv) {
  app_.lab = findLab("stochastic");
  app_.select_lab_tab = true;
  for (int i = 0; i < 3; ++i) frame();
  openWithShortcut();
  ExportDialog& dialog = app_.export_dialog;
  const std::vector<ExportTarget> targets = exportTargets(currentLab(app_));
  int table = -1;
  for (int i = 0; i < int(targets.size()); ++i)
    if (targets[std::size_t(i)].kind == ExportTarget::Kind::Table) table = i;
  ASSERT_GE(table, 0);
  dialog.target = table;
  frame();
  EXPECT_EQ(dialog.format, ExportDialogFormat::Csv) << "a table is CSV only";
  EXPECT_STREQ(dialog.path, "stochastic-errors.csv");
  const std::string csv = tempPath("errors.csv");
  setPath(csv);
  click(dialog.export_button);
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "step_size,iteration,start 1,start 2,start 3");
}

}  // namespace
}  // namespace gradlab
