#pragma once

namespace Copydesk {

// Chooses how windows with a web view are composed. Must run before the first web view exists
// (WebBrowserEngine does it).
//
// A QWebEngineView makes Qt compose its whole top-level window through OpenGL, so on a machine without a
// GPU (Mesa's llvmpipe) every repaint of any widget, a typed letter in the body included, re-composes the
// full window in software: about 45 ms of CPU per keystroke, measured with perf in a 1600x1000 window, 80%
// of it in llvmpipe threads. The preview shows a static article and gains nothing from a GPU, so Qt Quick's
// software scene graph is used instead, which keeps the window an ordinary raster window (3.7 ms per key
// in the same measure). QT_QUICK_BACKEND, when set, still decides.
void chooseWindowRendering();

} // namespace Copydesk
