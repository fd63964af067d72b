#include "icontheme.h"

#include <QStringList>

// Q_INIT_RESOURCE must be used outside any class or namespace scope.
static void initFerryResources()
{
    Q_INIT_RESOURCE(ui);
    Q_INIT_RESOURCE(core);
}

void IconTheme::initResources()
{
    [[maybe_unused]] static const bool registered = (initFerryResources(), true);
}

void IconTheme::install()
{
    initResources();
    QStringList paths = QIcon::themeSearchPaths();
    if (!paths.contains(QStringLiteral(":/icons"))) {
        paths.prepend(QStringLiteral(":/icons"));
        QIcon::setThemeSearchPaths(paths);
    }
    QIcon::setThemeName(QString::fromLatin1(ThemeName));
}

QIcon IconTheme::applicationIcon()
{
    return icon(QStringLiteral("io.github.ferry.Ferry"));
}

QIcon IconTheme::icon(const QString &name)
{
    return QIcon::fromTheme(name);
}
