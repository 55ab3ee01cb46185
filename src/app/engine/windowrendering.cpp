#include "windowrendering.h"

#include <QQuickWindow>
#include <QSGRendererInterface>

namespace Copydesk {

void chooseWindowRendering()
{
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

} // namespace Copydesk
