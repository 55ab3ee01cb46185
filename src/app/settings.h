#pragma once

#include <QByteArray>
#include <QSettings>
#include <QVariant>

namespace Copydesk {

// A settings key with its type and default, defined once below; read and written only through it.
template<typename T> struct SettingKey
{
    const char *name;
    T defaultValue;

    T read(const QSettings &settings) const
    {
        const QVariant value = settings.value(QLatin1StringView(name));
        return value.isValid() && value.canConvert<T>() ? value.value<T>() : defaultValue;
    }
    void write(QSettings &settings, const T &value) const
    {
        settings.setValue(QLatin1StringView(name), value);
    }
};

namespace Settings {
inline const SettingKey<QByteArray> WindowGeometry{"window/geometry", {}};
inline const SettingKey<QByteArray> WindowState{"window/state", {}};
// The panes' widths: sidebar, list, editor, preview ("window/splitter" held the three before the sidebar).
inline const SettingKey<QByteArray> SplitterSizes{"window/panes", {}};
inline const SettingKey<bool> SidebarVisible{"view/sidebar", true};
inline const SettingKey<bool> ListVisible{"view/list", true};
inline const SettingKey<bool> EditorVisible{"view/editor", true};
inline const SettingKey<bool> PreviewVisible{"view/preview", true};
// The list's order (ArticleQuery::Order as a number; -1: best match with search text, else newest).
inline const SettingKey<int> ListOrder{"list/order", -1};
// The reading pane (View > Reading): theme (system, light, dark, sepia), text size steps, line width
// (narrow, medium, wide), sans-serif text.
inline const SettingKey<QString> ReadingTheme{"reading/theme", QStringLiteral("system")};
inline const SettingKey<int> ReadingSize{"reading/size", 0};
inline const SettingKey<QString> ReadingWidth{"reading/width", QStringLiteral("medium")};
inline const SettingKey<bool> ReadingSans{"reading/sans", false};
inline const SettingKey<QString> LastImportFolder{"import/lastFolder", {}};
inline const SettingKey<QString> LastExportFolder{"export/lastFolder", {}};
// Characters a headline should keep within; the editor shows the length against it.
inline const SettingKey<int> HeadlineTarget{"editor/headlineTarget", 70};
// Typographic quotes, apostrophes and dashes as you type.
inline const SettingKey<bool> SmartTypography{"editor/smartTypography", true};
// Misspelled words underlined in the body as you type.
inline const SettingKey<bool> SpellCheck{"editor/spellCheck", true};
inline const SettingKey<qlonglong> LastArticle{"library/lastArticle", 0};
// Where the cursor stood in the last article's body, written with each save, so a restart (a crash too)
// puts it back there.
inline const SettingKey<int> LastBodyPosition{"library/lastBodyPosition", -1};
} // namespace Settings

} // namespace Copydesk
