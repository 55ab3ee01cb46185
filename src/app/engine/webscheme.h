#pragma once

namespace Copydesk {

// The app's own URL scheme, copydesk://, through which the preview gets images from the library.
// Must be registered before the engine's first profile exists (WebBrowserEngine does it).
void registerCopydeskScheme();

} // namespace Copydesk
