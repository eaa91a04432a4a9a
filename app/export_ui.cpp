// The Export dialog. See export_ui.h.
#include "app/export_ui.h"

#include <imgui.h>

#include <sys/stat.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "app/app.h"
#include "app/export.h"

namespace gradlab {
namespace {

const char* formatName(ExportDialogFormat format) {
  static const char* const kNames[] = {"PNG", "SVG", "PDF", "CSV"};
  return kNames[int(format)];
}

const char* formatExtension(ExportDialogFormat format) {
  static const char* const kNames[] = {"png", "svg", "pdf", "csv"};
  return kNames[int(format)];
}

FigureFormat figureFormat(ExportDialogFormat format) {
  static const FigureFormat kFormats[] = {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf,
                                          FigureFormat::Csv};
  return kFormats[int(format)];
}

// The chosen target, clamped to the current lab's (a lab switch can shorten the list).
ExportTarget chosenTarget(App& app) {
  const std::vector<ExportTarget> targets = exportTargets(currentLab(app));
  app.export_dialog.target = std::clamp(app.export_dialog.target, 0, int(targets.size()) - 1);
  return targets[std::size_t(app.export_dialog.target)];
}

// Keeps the format one the target offers (a table is CSV only, the window PNG only).
void fitFormat(App& app) {
  const std::vector<ExportDialogFormat> formats = exportFormats(chosenTarget(app).kind);
  if (std::find(formats.begin(), formats.end(), app.export_dialog.format) == formats.end())
    app.export_dialog.format = formats.front();
}

// After a change of target or format: the default path, or the typed one with the new extension.
void updatePath(App& app) {
  ExportDialog& dialog = app.export_dialog;
  std::string path = defaultExportPath(app);
  if (dialog.path_edited) {
    std::filesystem::path typed(dialog.path);
    typed.replace_extension(formatExtension(dialog.format));
    path = typed.string();
  }
  std::snprintf(dialog.path, sizeof dialog.path, "%s", path.c_str());
}

void report(App& app, const std::string& problem, const std::string& done) {
  ExportDialog& dialog = app.export_dialog;
  dialog.message = problem.empty() ? done : problem;
  dialog.message_is_error = !problem.empty();
  app.scene_message = dialog.message;  // the status bar shows it, as File > Save's result
  app.scene_message_is_error = dialog.message_is_error;
}

// Why `path` cannot be written, checked before anything is built: "" when it can be tried.
std::string pathProblem(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty()) return "give a file name to export to";
  std::error_code error;
  if (fs::is_directory(path, error)) return "'" + path + "' is a folder: give a file name in it";
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::exists(dir, error))
    return "cannot write " + path + ": the folder '" + dir.string() + "' does not exist";
  if (!fs::is_directory(dir, error))
    return "cannot write " + path + ": '" + dir.string() + "' is not a folder";
  return "";
}

std::string absolutePath(const std::string& path) {
  std::error_code error;
  const std::filesystem::path full = std::filesystem::absolute(path, error);
  return error ? path : full.lexically_normal().string();
}

// [SECTION] Widgets

void drawTargetCombo(App& app, const std::vector<ExportTarget>& targets) {
  ExportDialog& dialog = app.export_dialog;
  auto label = [](const ExportTarget& t) {
    return t.kind == ExportTarget::Kind::Plot    ? "plot: " + t.name
           : t.kind == ExportTarget::Kind::Table ? "table: " + t.name
                                                 : std::string("the whole window");
  };
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (!ImGui::BeginCombo("what", label(targets[std::size_t(dialog.target)]).c_str())) return;
  for (int i = 0; i < int(targets.size()); ++i) {
    if (ImGui::Selectable(label(targets[std::size_t(i)]).c_str(), i == dialog.target) &&
        i != dialog.target) {
      dialog.target = i;
      fitFormat(app);
      updatePath(app);
    }
  }
  ImGui::EndCombo();
}

void drawFormatChoice(App& app, const ExportTarget& target) {
  ExportDialog& dialog = app.export_dialog;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("format");
  for (ExportDialogFormat format : exportFormats(target.kind)) {
    ImGui::SameLine();
    if (ImGui::RadioButton(formatName(format), dialog.format == format) &&
        dialog.format != format) {
      dialog.format = format;
      updatePath(app);
    }
  }
  if (target.kind == ExportTarget::Kind::Window) {
    ImGui::SameLine();
    ImGui::TextDisabled("(a screenshot: SVG and CSV are per plot)");
  }
}

void drawPixelSize(App& app, const ExportTarget& target) {
  ExportDialog& dialog = app.export_dialog;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool window = target.kind == ExportTarget::Kind::Window;
  if (!window) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    int size[2] = {dialog.width, dialog.height};
    if (ImGui::InputInt2("plot size (pixels)", size)) {
      dialog.width = std::clamp(size[0], 64, 8192);
      dialog.height = std::clamp(size[1], 64, 8192);
    }
  }
  if (dialog.format != ExportDialogFormat::Png) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("resolution");
  for (int scale : {1, 2, 4}) {
    ImGui::SameLine();
    char text[8];
    std::snprintf(text, sizeof text, "%dx", scale);
    if (ImGui::RadioButton(text, dialog.pixel_scale == scale)) dialog.pixel_scale = scale;
  }
  ImGui::SameLine();
  const double w = window ? display.x * ImGui::GetIO().DisplayFramebufferScale.x : dialog.width;
  const double h = window ? display.y * ImGui::GetIO().DisplayFramebufferScale.y : dialog.height;
  ImGui::TextDisabled("= %.0f x %.0f pixels", w * dialog.pixel_scale, h * dialog.pixel_scale);
}

void drawThemeChoice(App& app) {
  ExportDialog& dialog = app.export_dialog;
  if (dialog.format == ExportDialogFormat::Csv) return;  // numbers have no colours
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("theme");
  ImGui::SameLine();
  if (ImGui::RadioButton("light (print)", dialog.theme == Theme::Light))
    dialog.theme = Theme::Light;
  ImGui::SameLine();
  if (ImGui::RadioButton("dark (screen)", dialog.theme == Theme::Dark)) dialog.theme = Theme::Dark;
}

void drawButtons(App& app, const ExportTarget& target) {
  ExportDialog& dialog = app.export_dialog;
  const bool window = target.kind == ExportTarget::Kind::Window;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 frame(ImGui::CalcTextSize("Export").x + ImGui::GetStyle().FramePadding.x * 2,
                     ImGui::GetFrameHeight());
  dialog.export_button[0] = at.x + frame.x / 2;
  dialog.export_button[1] = at.y + frame.y / 2;
  if (ImGui::Button("Export")) exportFromDialog(app);
  if (!window) {
    ImGui::SameLine();
    const ImVec2 copy_at = ImGui::GetCursorScreenPos();
    dialog.copy_data_button[0] =
        copy_at.x + (ImGui::CalcTextSize("Copy data").x + ImGui::GetStyle().FramePadding.x * 2) / 2;
    dialog.copy_data_button[1] = copy_at.y + frame.y / 2;
    if (ImGui::Button("Copy data")) copyDataFromDialog(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("the CSV text, for a spreadsheet or a script");
  }
  ImGui::SameLine();
  // 1.86 reads keys by the backend's index: ImGuiKey_Escape itself is only a slot of io.KeyMap.
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (ImGui::Button("Close") || escape) dialog.open = false;
  // GLFW's clipboard holds text only: no button pretends to copy an image.
  if (target.kind == ExportTarget::Kind::Plot || window) {
    if (dialog.format == ExportDialogFormat::Png) {
      ImGui::TextDisabled("Copy image: the clipboard here holds text only; Export writes the PNG.");
    } else {
      ImGui::TextDisabled("Copy image: the clipboard here holds text only.");
      ImGui::SameLine();
      if (ImGui::SmallButton("Save a PNG instead")) {
        dialog.format = ExportDialogFormat::Png;
        updatePath(app);
        exportFromDialog(app);
      }
    }
  }
}

}  // namespace

std::vector<ExportTarget> exportTargets(const Lab& lab) {
  std::vector<ExportTarget> targets;
  const std::vector<ExportFigure> figures = lab.exportFigures(Theme::Light);
  const std::vector<ExportTable> tables = lab.exportTables();
  targets.reserve(figures.size() + tables.size() + 1);
  for (int i = 0; i < int(figures.size()); ++i)
    targets.push_back({ExportTarget::Kind::Plot, figures[std::size_t(i)].name, i});
  for (int i = 0; i < int(tables.size()); ++i)
    targets.push_back({ExportTarget::Kind::Table, tables[std::size_t(i)].name, i});
  targets.push_back({ExportTarget::Kind::Window, "window", 0});
  return targets;
}

std::vector<ExportDialogFormat> exportFormats(ExportTarget::Kind kind) {
  switch (kind) {
    case ExportTarget::Kind::Plot:
      return {ExportDialogFormat::Png, ExportDialogFormat::Svg, ExportDialogFormat::Pdf,
              ExportDialogFormat::Csv};
    case ExportTarget::Kind::Table:
      return {ExportDialogFormat::Csv};
    case ExportTarget::Kind::Window:
      return {ExportDialogFormat::Png};
  }
  return {ExportDialogFormat::Png};
}

std::string defaultExportPath(App& app) {
  return std::string(labTable()[std::size_t(app.lab)].name) + "-" + chosenTarget(app).name + "." +
         formatExtension(app.export_dialog.format);
}

void openExportDialog(App& app) {
  ExportDialog& dialog = app.export_dialog;
  dialog.open = true;
  dialog.message.clear();
  dialog.message_is_error = false;
  chosenTarget(app);
  fitFormat(app);
  if (!dialog.path_edited) updatePath(app);
}

std::string exportDialogCsv(App& app) {
  const ExportDialog& dialog = app.export_dialog;
  const ExportTarget target = chosenTarget(app);
  const Lab& lab = currentLab(app);
  if (target.kind == ExportTarget::Kind::Plot)
    return figureCsvText(lab.exportFigures(dialog.theme)[std::size_t(target.index)], dialog.width,
                         dialog.height);
  if (target.kind == ExportTarget::Kind::Table)
    return tableCsvText(lab.exportTables()[std::size_t(target.index)]);
  return "";
}

std::string exportFromDialog(App& app) {
  ExportDialog& dialog = app.export_dialog;
  const ExportTarget target = chosenTarget(app);
  fitFormat(app);
  const std::string path = dialog.path;
  std::string problem = pathProblem(path);
  if (problem.empty() && target.kind == ExportTarget::Kind::Window) {
    // The event loop draws the next frame offscreen without the dialog, then reports.
    dialog.capture = {true, path, dialog.pixel_scale, dialog.theme};
    dialog.open = false;
    dialog.message = "writing the window...";
    dialog.message_is_error = false;
    return "";
  }
  if (problem.empty() && target.kind == ExportTarget::Kind::Plot) {
    FigureFileOptions options;
    options.format = figureFormat(dialog.format);
    options.width = dialog.width;
    options.height = dialog.height;
    options.scale = dialog.format == ExportDialogFormat::Png ? float(dialog.pixel_scale) : 1.0f;
    options.theme = dialog.theme;
    const Lab& lab = currentLab(app);
    problem =
        writeFigureFile(lab.exportFigures(dialog.theme)[std::size_t(target.index)], options, path);
  } else if (problem.empty()) {
    problem = writeTableFile(currentLab(app).exportTables()[std::size_t(target.index)], path);
  }
  report(app, problem, "exported " + absolutePath(path));
  return problem;
}

std::string copyDataFromDialog(App& app) {
  const std::string text = exportDialogCsv(app);
  std::string problem;
  if (text.empty()) {
    problem = "the whole window has no data to copy: pick a plot or a table";
  } else {
    ImGui::SetClipboardText(text.c_str());
    // A platform without a clipboard keeps nothing: say so rather than claim it worked.
    const char* back = ImGui::GetClipboardText();
    if (back == nullptr || text != back)
      problem = "the clipboard is not available here: export a CSV file instead";
  }
  const int lines = int(std::count(text.begin(), text.end(), '\n'));
  report(app, problem, "copied " + std::to_string(lines) + " lines of CSV to the clipboard");
  return problem;
}

void reportWindowCapture(App& app, const std::string& problem) {
  ExportDialog& dialog = app.export_dialog;
  report(app, problem, "exported " + absolutePath(dialog.capture.path));
  dialog.capture.pending = false;
  dialog.open = true;
}

void handleExportShortcut(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput) return;
  // GLFW key codes for letters are their upper-case ASCII values.
  if (ImGui::IsKeyPressed('E', false)) openExportDialog(app);
}

void drawExportDialog(App& app) {
  ExportDialog& dialog = app.export_dialog;
  const char* title = "Export";
  if (dialog.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  chosenTarget(app);
  fitFormat(app);
  if (!dialog.path_edited) updatePath(app);  // the default name follows target and format
  ImGui::TextWrapped(
      "%s lab: a plot as an image or as the data behind it, a table, or the "
      "whole window.",
      labTable()[std::size_t(app.lab)].title);
  drawTargetCombo(app, exportTargets(currentLab(app)));
  const ExportTarget target = chosenTarget(app);  // after the combo: what the rest is about
  drawFormatChoice(app, target);
  drawPixelSize(app, target);
  drawThemeChoice(app);
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("file").x - ImGui::GetStyle().ItemInnerSpacing.x);
  if (ImGui::InputText("file", dialog.path, sizeof dialog.path)) dialog.path_edited = true;
  drawButtons(app, target);
  if (!dialog.message.empty()) {
    if (dialog.message_is_error)
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.55f, 0.2f, 1));
    ImGui::TextWrapped("%s", dialog.message.c_str());
    if (dialog.message_is_error) ImGui::PopStyleColor();
  }
  if (!dialog.open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace gradlab
