#pragma once

#include "config/deleteimageitem.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

class RegistryClient;

// Deletes the manifests a DeleteImageList names, without hurting what stays. Deleting a manifest by digest drops
// every tag on it, and consecutive releases, operators and additional images share manifests; so before anything
// is deleted, every tag of the affected repositories that is not itself being deleted is resolved (with the
// children of indexes), and an item whose digest one of them needs is kept and reported as protected.
// Blocks the calling thread while the registry client works: run it on a worker (or in a command-line tool).
class DeleteExecutor
{
public:
    struct Options
    {
        QString destinationRegistry; // R, without docker://
        int parallelImages = 4;
        bool force = false; // delete even what other tags still need (never the default)
    };

    enum class State { Deleted, AlreadyGone, Protected, Failed };

    struct Outcome
    {
        DeleteImageItem item;
        State state = State::Failed;
        QString digest;
        QString detail; // protected: which kept image needs it; failed: why
    };

    struct Result
    {
        QList<Outcome> outcomes;
        QString error;                 // the whole run could not start
        QString deletionDisabledError; // "deletion is disabled on <registry>", said once
        int count(State state) const;
    };

    DeleteExecutor(RegistryClient *client, Options options);

    // Items whose reference is not under the destination registry, with oc-mirror's message.
    QStringList foreignItems(const QList<DeleteImageItem> &items) const;
    // digest → a kept tag that needs it ("repo:tag"), for the repositories the items touch.
    QHash<QString, QString> keptDigests(const QList<DeleteImageItem> &items, QString *error) const;
    // Splits the items into those that may go and those that are protected (with the reason).
    QList<Outcome> protect(const QList<DeleteImageItem> &items, QString *error) const;
    Result execute(const QList<DeleteImageItem> &items, const std::atomic_bool *cancelled = nullptr) const;

    // A text report: one line per item, grouped by outcome.
    static QByteArray report(const Result &result);

private:
    RegistryClient *m_client;
    Options m_options;
};
