#include "webscheme.h"

#include <QWebEngineUrlScheme>

namespace Copydesk {

void registerCopydeskScheme()
{
    QWebEngineUrlScheme scheme("copydesk");
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Local: pages from the open web can never load it; secure: no mixed-content downgrade.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme |
                    QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(scheme);
}

} // namespace Copydesk
