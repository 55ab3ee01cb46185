#include "formats.h"

#include <import/importservice.h>
#include <import/plaintext/plaintextimporter.h>
#include <ninjs/ninjsexporter.h>
#include <ninjs/ninjsimporter.h>
#include <render/articleexporter.h>
#include <render/htmlexporter.h>

namespace Copydesk::Formats {

void addImporters(ImportService &service)
{
    service.addImporter(std::make_unique<PlainTextImporter>());
    service.addImporter(std::make_unique<NinjsImporter>());
}

std::unique_ptr<ExporterRegistry> exporters(const ArticleRenderer &renderer)
{
    auto registry = std::make_unique<ExporterRegistry>();
    registry->add(std::make_unique<HtmlExporter>(renderer));
    registry->add(std::make_unique<NinjsExporter>());
    return registry;
}

} // namespace Copydesk::Formats
