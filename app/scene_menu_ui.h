// File > Open scene, Save scene, Save scene as, Open recent; their shortcuts (Ctrl+O, Ctrl+S);
// the path dialog; and scene files dropped on the window. Logic in scene_file.h.
#pragma once

#include "app/app.h"

namespace gradlab {

void drawSceneMenuItems(App& app);  // inside the File menu
void handleSceneShortcuts(App& app);
void drawSceneDialog(App& app);  // once a frame, at the top level
void openDroppedFiles(App& app);

}  // namespace gradlab
