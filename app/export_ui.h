// File > Export... (Ctrl+E): the dialog that writes one of the current lab's plots (PNG at 1x, 2x
// or 4x, SVG, PDF, or CSV of the data behind it), one of its tables (CSV), or the whole window
// (PNG at 1x, 2x or 4x), in the light print theme unless asked otherwise; and Copy data (the
// CSV as text on the clipboard). Plots and tables are written at once through export.h (the
// CPU backend, no GL); the whole window is read back by the event loop after the frame
// (window_capture.h). Results go to the dialog and to the status bar (App::scene_message).
#pragma once

#include <string>
#include <vector>

#include "app/theme.h"

namespace gradlab {

struct App;
class Lab;

// What the dialog can export from a lab: each plot, each table, then the whole window.
struct ExportTarget {
  enum class Kind { Plot, Table, Window } kind = Kind::Plot;
  std::string name;  // the plot's or table's name in file names ("map"); "window"
  int index = 0;     // into Lab::exportFigures or Lab::exportTables
};
std::vector<ExportTarget> exportTargets(const Lab& lab);

// The formats a target offers, as the dialog lists them.
enum class ExportDialogFormat { Png, Svg, Pdf, Csv };
std::vector<ExportDialogFormat> exportFormats(ExportTarget::Kind kind);

struct ExportDialog {
  bool open = false;
  int target = 0;  // into exportTargets(current lab)
  ExportDialogFormat format = ExportDialogFormat::Png;
  int pixel_scale = 1;            // PNG: 1, 2 or 4 output pixels per pixel
  int width = 800, height = 600;  // a plot's layout size, pixels
  Theme theme = Theme::Light;     // export's default: the print theme
  char path[1024] = "";
  bool path_edited = false;  // false: the path follows target and format (the default name)
  std::string message;       // the last result: the path written, or why not
  bool message_is_error = false;
  // Whole window: the event loop renders the next frame offscreen and writes it, then
  // the dialog opens again with the result (the picture shows the window, not the dialog).
  struct WindowCapture {
    bool pending = false;
    std::string path;
    int pixel_scale = 1;
    Theme theme = Theme::Light;
  } capture;
  // Where the dialog's buttons were drawn last frame, in UI units (tests click them).
  float export_button[2] = {0, 0}, copy_data_button[2] = {0, 0};
};

// Opens the dialog on the current lab (File > Export..., Ctrl+E): its first plot, and the
// default path when the user has not typed one.
void openExportDialog(App& app);
// "<lab>-<target>.<ext>" in the working directory.
std::string defaultExportPath(App& app);
// The Export button: writes the chosen plot or table now, or asks the event loop for the
// window. Reports in the dialog and the status bar; returns "" or the problem.
std::string exportFromDialog(App& app);
// The Copy data button: the chosen plot's or table's CSV text on the clipboard (GLFW's
// clipboard holds text); returns "" or why not (the window has no data to copy).
std::string copyDataFromDialog(App& app);
// The CSV text of the chosen plot or table ("" for the whole window).
std::string exportDialogCsv(App& app);
// What the window capture did: reported like an export, and the dialog shown again.
void reportWindowCapture(App& app, const std::string& problem);

void handleExportShortcut(App& app);  // Ctrl+E
void drawExportDialog(App& app);      // once a frame, at the top level

}  // namespace gradlab
