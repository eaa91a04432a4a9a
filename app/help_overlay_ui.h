// The keyboard shortcuts overlay (F1 or ?, Help > Keyboard shortcuts): every shortcut in one
// table, from shortcuts.h. Esc, F1, ? or a click anywhere closes it.
#pragma once

#include "app/app.h"

namespace gradlab {

// Once a frame, at the top level: shows the overlay while app.show_help.
void drawHelpOverlay(App& app);

}  // namespace gradlab
