#pragma once

#include <QDate>
#include <QDateTime>
#include <QSet>
#include <QString>

// working-dir/.history: the blob digests earlier archives already carried, so the next mirrorToDisk archive holds
// only what is new. Each run writes a new .history-<RFC3339> file holding the union.
class ArchiveHistory
{
public:
    explicit ArchiveHistory(QString historyDirectory);

    // The newest history file, or with a valid `since` the newest one dated before that day (--since).
    QString baselineFile(const QDate &since = {}) const;
    // Digests ("sha256:<hex>") of the baseline; empty when there is none.
    QSet<QString> load(const QDate &since = {}, QString *error = nullptr) const;
    // Writes previous ∪ added, sorted, as a new history file named after `when`; returns its path or empty.
    QString save(const QSet<QString> &digests, const QDateTime &when, QString *error = nullptr) const;

private:
    QString m_directory;
};
