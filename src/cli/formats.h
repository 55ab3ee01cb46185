#pragma once

#include <memory>

namespace Copydesk {

class ArticleRenderer;
class ExporterRegistry;
class ImportService;

// The one place where the formats Copydesk reads and writes are registered, for the window and the command
// line alike. Saved web pages and downloads come on top from the web part (WebImportSetup), which needs
// the browser engine.
namespace Formats {

// Plain text (.txt, .md) and ninjs news items.
void addImporters(ImportService &service);
// HTML page and ninjs news item, in menu order. The renderer must outlive the registry.
std::unique_ptr<ExporterRegistry> exporters(const ArticleRenderer &renderer);

} // namespace Formats
} // namespace Copydesk
