#pragma once

#include "imagereference.h"
#include "registriesconfentry.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// containers-registries.conf(5), version 2 (TOML): registry entries with prefix, location, insecure, blocked and
// mirrors, used to decide where a reference is really pulled from.
// Where it is read: an explicit path, else $CONTAINERS_REGISTRIES_CONF (only that file in both cases); else
// ~/.config/containers/registries.conf if it exists, otherwise /etc/containers/registries.conf, followed by the
// *.conf drop-ins of /etc/containers/registries.conf.d and ~/.config/containers/registries.conf.d. A drop-in entry
// replaces an earlier entry with the same prefix. The V1 format ([registries.search]) is not supported.
class RegistriesConf
{
public:
    struct Locations
    {
        QString mainFile;
        bool mainFileRequired = false; // an explicit file must exist; the system default need not
        QStringList dropInDirectories;
    };

    // One place to try, in order: the reference rewritten to a mirror or to the entry's location.
    struct PullSource
    {
        ImageReference reference;
        bool insecure = false;
        bool isMirror = false;
    };

    static Locations defaultLocations(const QString &explicitPath = QString());

    // Errors name the file and the TOML line.
    static std::optional<RegistriesConf> load(const QString &explicitPath, QString *error);
    static std::optional<RegistriesConf> load(const Locations &locations, QString *error);
    // One file's content; fileName is used in messages.
    static std::optional<RegistriesConf> parse(const QByteArray &toml, const QString &fileName, QString *error);

    QList<RegistriesConfEntry> registries() const { return m_registries; }
    // Read for completeness; Ferry only works with fully qualified references.
    QStringList unqualifiedSearchRegistries() const { return m_unqualifiedSearchRegistries; }
    QStringList files() const { return m_files; }
    // Unknown keys and settings Ferry ignores, with file and line.
    QStringList warnings() const { return m_warnings; }

    // The entry with the longest prefix matching a reference string ("domain/path[:tag][@digest]").
    std::optional<RegistriesConfEntry> findRegistry(const QString &reference) const;
    std::optional<RegistriesConfEntry> findRegistry(const ImageReference &reference) const;

    // Where to pull a reference from, in order: the mirrors that apply (a tag reference skips digest-only mirrors
    // and, with mirror-by-digest-only, every mirror; a digest reference skips tag-only mirrors), then the location.
    // Without a matching entry: just the reference itself. Returns an empty list and sets *error when the entry is
    // blocked or a rewritten reference is invalid.
    QList<PullSource> pullSources(const ImageReference &reference, QString *error = nullptr) const;

    // Merges a later file (drop-in) into this one.
    void merge(const RegistriesConf &later);

private:
    QList<RegistriesConfEntry> m_registries;
    QStringList m_unqualifiedSearchRegistries;
    bool m_hasUnqualifiedSearchRegistries = false;
    QStringList m_files;
    QStringList m_warnings;
};
