#include <library/libraryfunctions.h>

#include <html/htmltext.h>

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace Copydesk {
namespace {

void plainText(sqlite3_context *context, int, sqlite3_value **arguments)
{
    const auto *html = reinterpret_cast<const char *>(sqlite3_value_text(arguments[0]));
    if (!html) {
        sqlite3_result_text(context, "", 0, SQLITE_STATIC);
        return;
    }
    const QByteArray text =
        HtmlText::plainText(QString::fromUtf8(html, sqlite3_value_bytes(arguments[0]))).toUtf8();
    sqlite3_result_text(context, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

} // namespace

bool registerLibraryFunctions(sqlite3 *connection)
{
    // Deterministic: the search indexes must read the same text from a body when they forget an article
    // as when they indexed it. Innocuous: it reads nothing but its argument, so a view may use it.
    return sqlite3_create_function_v2(connection, "copydesk_plain_text", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                      plainText, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace Copydesk
