#pragma once

#include "config/semanticversion.h"
#include "fbcchannel.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

class FileBasedCatalog;

// The upgrade graph of one channel as OLM builds it: entry X `replaces` R and `skips` S are edges R→X and S→X
// (skipRange adds no edge). A valid channel has exactly one head, the entry no other entry replaces or skips, and
// no cycle. Versions come from each bundle's olm.package property.
class ChannelGraph
{
public:
    // Fails with oc-mirror's messages: "multiple channel heads found: [a b]", "no channel heads found",
    // "detected a cycle in the upgrade graph of the channel", duplicate entries, entries replacing themselves.
    // catalog (may be null) supplies the bundle versions.
    static std::optional<ChannelGraph> build(const FbcChannel &channel, const FileBasedCatalog *catalog,
                                             QString *error = nullptr);

    QString package() const { return m_package; }
    QString channel() const { return m_channel; }
    QString head() const { return m_head; }
    QStringList entries() const { return m_entries; }
    bool contains(const QString &name) const { return m_index.contains(name); }
    // The entry `name` replaces, if that entry is in this channel; empty otherwise.
    QString replaces(const QString &name) const;
    QStringList skips(const QString &name) const;
    // The bundles that replace or skip `name` (its successors in the upgrade graph).
    QStringList successors(const QString &name) const;
    // head, the entry it replaces, and so on while the replaced entry is in the channel.
    QStringList replacesChain() const;
    std::optional<SemanticVersion> version(const QString &name) const;
    // The entries by descending version; unversioned entries last, in channel order.
    QStringList entriesByVersion() const;

private:
    QString m_package;
    QString m_channel;
    QString m_head;
    QStringList m_entries;
    QHash<QString, qsizetype> m_index;
    QList<FbcChannelEntry> m_entryData;
    QHash<QString, QStringList> m_successors;
    QHash<QString, SemanticVersion> m_versions;
};
