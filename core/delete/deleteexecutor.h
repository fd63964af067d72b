#pragma once

#include "garbageestimator.h"

#include "config/deleteimageitem.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

class RegistryClient;

// Deletes the manifests a DeleteImageList names, without hurting what stays. Deleting a manifest by digest drops
// every tag on it, and consecutive releases, operators and additional images share manifests; so before anything
// is deleted, every tag of the affected repositories that is not itself being deleted is resolved (with the
// children of indexes), and so is every image the workspace's ImageSetConfiguration still mirrors; an item whose
// digest one of them needs is kept and reported as protected.
// Blocks the calling thread while the registry client works: run it on a worker (or in a command-line tool).
class DeleteExecutor
{
public:
    struct Options
    {
        QString destinationRegistry; // R, without docker://
        int parallelImages = 4;
        bool force = false; // delete even what other tags still need (never the default)
        // Destination references (without docker://) the workspace's ImageSetConfiguration still mirrors → origin.
        QHash<QString, QString> keptByConfiguration;
        // imageReference → the digest it had when the list was generated; a different digest now skips the item.
        QHash<QString, QString> expectedDigests;
        bool estimateGarbage = true;
    };

    enum class State { Deleted, AlreadyGone, Protected, Skipped, Failed };

    struct Outcome
    {
        DeleteImageItem item;
        State state = State::Failed;
        QString digest;
        QString detail; // protected: which kept image needs it; skipped, failed: why
        bool isIndex = false;
        QStringList children; // an index's child digests
    };

    struct Result
    {
        QList<Outcome> outcomes;
        QString error;                 // the whole run could not start
        QString deletionDisabledError; // "deletion is disabled on <registry>", said once
        GarbageEstimator::Estimate garbage;
        bool garbageEstimated = false;
        int count(State state) const;
    };

    DeleteExecutor(RegistryClient *client, Options options);

    // Items whose reference is not under the destination registry, with oc-mirror's message.
    QStringList foreignItems(const QList<DeleteImageItem> &items) const;
    // "repository@digest" → a kept tag that needs it ("repository:tag"), for the repositories the items touch.
    // Deleting by digest only touches its repository, so protection is per repository.
    QHash<QString, QString> keptDigests(const QList<DeleteImageItem> &items, QString *error) const;
    // "repository@digest" → origin, for the images the ImageSetConfiguration still mirrors (with index children). A
    // listed reference the configuration also keeps (for another purpose, e.g. as an additional image) is protected
    // too.
    QHash<QString, QString> configurationDigests(QString *error) const;
    // Splits the items into those that may go and those that are protected (with the reason).
    QList<Outcome> protect(const QList<DeleteImageItem> &items, QString *error) const;
    // --delete-signatures: the sigstore signature tags (`sha256-<hex>.sig`, for an index also each child's) of the
    // items that may go, when the destination has them and no kept image shares the signed digest.
    QList<DeleteImageItem> signatureItems(const QList<Outcome> &outcomes) const;
    // Called from worker threads with an outcome and its index, when its deletion starts (finished false) and when
    // it ends.
    using ProgressCallback = std::function<void(qsizetype index, const Outcome &outcome, bool finished)>;

    // foreignItems(), protect(), then deleteChecked(): refuses to start while anything is unclear.
    Result execute(const QList<DeleteImageItem> &items, const std::atomic_bool *cancelled = nullptr,
                   const ProgressCallback &progress = {}) const;
    // Deletes the outcomes protect() let go (state Deleted), each re-resolved right before; updates them in place
    // and estimates the garbage. Cancelled items end as Failed ("cancelled").
    void deleteChecked(Result &result, const std::atomic_bool *cancelled = nullptr,
                       const ProgressCallback &progress = {}) const;
    // What a garbage collection would free if the outcomes protect() let go were deleted now (nothing is deleted).
    GarbageEstimator::Estimate predictGarbage(const QList<Outcome> &outcomes) const;

    // A text report: one line per item, grouped by outcome, and the garbage-collection estimate.
    static QByteArray report(const Result &result);
    // The digest a by-digest origin names ("…@sha256:…"), else empty.
    static QString digestInName(const QString &imageName);

private:
    RegistryClient *m_client;
    Options m_options;
};
