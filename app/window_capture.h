// File > Export's whole window: the UI drawn once more into an offscreen target at 1, 2 or 4
// output pixels per pixel (fonts re-rasterized at that density, so text stays sharp) and written
// as PNG. Needs the window's GL context: the event loop calls it after a frame.
#pragma once

#include <string>

#include "app/app.h"
#include "app/platform.h"

namespace gradlab {

// When the export dialog asked for the window (app.export_dialog.capture.pending): draws the
// frame as asked (scale, theme), writes the PNG atomically and reports it in the dialog and the
// status bar. Returns "" or the problem; does nothing and returns "" when nothing was asked.
std::string captureWindowIfAsked(Platform& platform, App& app);

}  // namespace gradlab
