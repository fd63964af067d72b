#pragma once

#include <QIcon>

// Ferry's bundled icon theme (resources/icons), so the application looks the same on minimal desktops.
class IconTheme
{
public:
    static constexpr auto ThemeName = "ferry";

    // ferry_ui and ferry_core are static libraries: their resources need an explicit reference to be linked in.
    static void initResources();
    // Registers the embedded resources and makes the bundled theme the current one.
    static void install();
    static QIcon applicationIcon();
    static QIcon icon(const QString &name);
};
