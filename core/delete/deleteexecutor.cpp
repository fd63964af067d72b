#include "deleteexecutor.h"

#include "registry/awaitresult.h"

#include "registry/imagereference.h"
#include "registry/registryclient.h"

#include <QMutex>
#include <QScopeGuard>
#include <QSet>
#include <QtConcurrent>

namespace {
QString withoutTransport(const QString &reference)
{
    return reference.startsWith(QLatin1String("docker://")) ? reference.mid(9) : reference;
}

QString repositoryOf(const ImageReference &reference)
{
    return reference.withTag(QString()).withDigest(QString()).toString();
}
} // namespace

int DeleteExecutor::Result::count(State state) const
{
    return static_cast<int>(std::count_if(outcomes.cbegin(), outcomes.cend(),
                                          [state](const Outcome &outcome) { return outcome.state == state; }));
}

DeleteExecutor::DeleteExecutor(RegistryClient *client, Options options)
    : m_client(client)
    , m_options(std::move(options))
{
    while (m_options.destinationRegistry.endsWith(QLatin1Char('/')))
        m_options.destinationRegistry.chop(1);
}

QString DeleteExecutor::digestInName(const QString &imageName)
{
    const auto parsed = ImageReference::parse(withoutTransport(imageName));
    return parsed && parsed->hasDigest() ? parsed->digest() : QString();
}

QStringList DeleteExecutor::foreignItems(const QList<DeleteImageItem> &items) const
{
    QStringList errors;
    const QString root = m_options.destinationRegistry + QLatin1Char('/');
    for (const DeleteImageItem &item : items) {
        if (!withoutTransport(item.imageReference).startsWith(root)) {
            errors << QStringLiteral("delete destination %1 does not match values found in the delete-images yaml file "
                                     "(%2)")
                          .arg(m_options.destinationRegistry, item.imageReference);
        }
    }
    return errors;
}

QHash<QString, QString> DeleteExecutor::keptDigests(const QList<DeleteImageItem> &items, QString *error) const
{
    QSet<QString> deleting;
    QSet<QString> repositories;
    for (const DeleteImageItem &item : items) {
        const QString reference = withoutTransport(item.imageReference);
        deleting.insert(reference);
        if (const auto parsed = ImageReference::parse(reference))
            repositories.insert(repositoryOf(*parsed));
    }
    QHash<QString, QString> kept;
    QMutex mutex;
    QStringList failures;
    QList<QString> repositoryList(repositories.cbegin(), repositories.cend());
    QtConcurrent::blockingMap(repositoryList, [&](const QString &repository) {
        const auto repo = ImageReference::parse(repository);
        if (!repo)
            return;
        const auto tags = awaitResult(m_client->listTags(*repo));
        if (!tags) {
            if (tags.error().kind() != RegistryError::Kind::NotFound) {
                QMutexLocker locker(&mutex);
                failures << tags.error().toString();
            }
            return;
        }
        for (const QString &tag : *tags) {
            const QString tagged = repository + QLatin1Char(':') + tag;
            if (deleting.contains(tagged))
                continue;
            const auto manifest = awaitResult(m_client->getManifest(repo->withTag(tag)));
            if (!manifest)
                continue; // gone meanwhile
            QMutexLocker locker(&mutex);
            kept.insert(repository + QLatin1Char('@') + manifest->digest().toString(), tagged);
            for (const Descriptor &child : manifest->manifests())
                kept.insert(repository + QLatin1Char('@') + child.digest().toString(), tagged);
        }
    });
    if (!failures.isEmpty() && error)
        *error = failures.join(QStringLiteral("; "));
    return kept;
}

QHash<QString, QString> DeleteExecutor::configurationDigests(QString *error) const
{
    QList<QPair<QString, QString>> kept; // reference, origin
    for (auto it = m_options.keptByConfiguration.cbegin(); it != m_options.keptByConfiguration.cend(); ++it)
        kept.append({withoutTransport(it.key()), it.value()});
    QHash<QString, QString> digests;
    QMutex mutex;
    QStringList failures;
    QtConcurrent::blockingMap(kept, [&](const QPair<QString, QString> &entry) {
        const auto reference = ImageReference::parse(entry.first);
        if (!reference)
            return;
        const auto manifest = awaitResult(m_client->getManifest(*reference));
        QMutexLocker locker(&mutex);
        if (!manifest) {
            // Not at the destination (never mirrored there, or already gone): nothing of it to protect.
            if (manifest.error().kind() != RegistryError::Kind::NotFound)
                failures << manifest.error().toString();
            return;
        }
        const QString repository = repositoryOf(*reference) + QLatin1Char('@');
        digests.insert(repository + manifest->digest().toString(), entry.second);
        for (const Descriptor &child : manifest->manifests())
            digests.insert(repository + child.digest().toString(), entry.second);
    });
    if (!failures.isEmpty() && error)
        *error = failures.join(QStringLiteral("; "));
    return digests;
}

QList<DeleteExecutor::Outcome> DeleteExecutor::protect(const QList<DeleteImageItem> &items, QString *error) const
{
    QString tagError;
    QString configurationError;
    const QHash<QString, QString> kept = keptDigests(items, &tagError);
    const QHash<QString, QString> keptByConfiguration = configurationDigests(&configurationError);
    if (error) {
        QStringList errors;
        for (const QString &message : {tagError, configurationError}) {
            if (!message.isEmpty())
                errors << message;
        }
        *error = errors.join(QStringLiteral("; "));
    }
    QList<Outcome> outcomes(items.size());
    QtConcurrent::blockingMap(outcomes, [&](Outcome &outcome) {
        const qsizetype index = &outcome - outcomes.data();
        const DeleteImageItem &item = items.at(index);
        outcome.item = item;
        const auto reference = ImageReference::parse(withoutTransport(item.imageReference));
        if (!reference) {
            outcome.state = State::Failed;
            outcome.detail = QStringLiteral("not a valid image reference");
            return;
        }
        const auto manifest = awaitResult(m_client->getManifest(*reference));
        if (!manifest) {
            outcome.state =
                manifest.error().kind() == RegistryError::Kind::NotFound ? State::AlreadyGone : State::Failed;
            outcome.detail = manifest.error().toString();
            return;
        }
        outcome.digest = manifest->digest().toString();
        outcome.isIndex = manifest->isIndex();
        for (const Descriptor &child : manifest->manifests())
            outcome.children << child.digest().toString();
        QString expected = m_options.expectedDigests.value(item.imageReference);
        if (expected.isEmpty())
            expected = digestInName(item.imageName);
        if (!expected.isEmpty() && expected != outcome.digest && !m_options.force) {
            outcome.state = State::Skipped;
            outcome.detail = QStringLiteral("changed since the list was generated: %1 now, %2 when listed")
                                 .arg(outcome.digest, expected);
            return;
        }
        // Deleting by digest touches one repository only: what other repositories hold is not at risk.
        const QString key = repositoryOf(*reference) + QLatin1Char('@') + outcome.digest;
        const QString origin = keptByConfiguration.value(key);
        const QString keeper = kept.value(key);
        if (!origin.isEmpty() && !m_options.force) {
            outcome.state = State::Protected;
            outcome.detail = QStringLiteral("kept by the ImageSetConfiguration: %1").arg(origin);
        } else if (!keeper.isEmpty() && !m_options.force) {
            outcome.state = State::Protected;
            outcome.detail = QStringLiteral("still needed by %1").arg(keeper);
        } else {
            outcome.state = State::Deleted; // may go; execute() confirms
        }
    });
    return outcomes;
}

QList<DeleteImageItem> DeleteExecutor::signatureItems(const QList<Outcome> &outcomes) const
{
    // A signature tag is named after the signed digest, so two tags on one digest share it: a digest some kept
    // image needs keeps its signature too.
    QList<DeleteImageItem> going;
    for (const Outcome &outcome : outcomes)
        going.append(outcome.item);
    QString error;
    QHash<QString, QString> kept = keptDigests(going, &error);
    kept.insert(configurationDigests(&error));
    QSet<QString> keptDigestSet; // "repository@digest"
    for (auto it = kept.cbegin(); it != kept.cend(); ++it)
        keptDigestSet.insert(it.key());
    for (const Outcome &outcome : outcomes) {
        const auto reference = ImageReference::parse(withoutTransport(outcome.item.imageReference));
        if (outcome.state != State::Protected || !reference)
            continue;
        const QString repository = repositoryOf(*reference) + QLatin1Char('@');
        keptDigestSet.insert(repository + outcome.digest);
        for (const QString &child : outcome.children)
            keptDigestSet.insert(repository + child);
    }

    QList<DeleteImageItem> candidates;
    QSet<QString> seen;
    for (const Outcome &outcome : outcomes) {
        if (outcome.state != State::Deleted || outcome.digest.isEmpty())
            continue;
        const auto reference = ImageReference::parse(withoutTransport(outcome.item.imageReference));
        if (!reference)
            continue;
        const auto origin = ImageReference::parse(withoutTransport(outcome.item.imageName));
        QStringList digests{outcome.digest};
        digests << outcome.children;
        for (const QString &digest : std::as_const(digests)) {
            if (keptDigestSet.contains(repositoryOf(*reference) + QLatin1Char('@') + digest) ||
                !digest.startsWith(QLatin1String("sha256:")))
                continue;
            const QString tag = QStringLiteral("sha256-") + digest.mid(7) + QStringLiteral(".sig");
            DeleteImageItem item;
            item.imageReference = QStringLiteral("docker://") + repositoryOf(*reference) + QLatin1Char(':') + tag;
            if (seen.contains(item.imageReference))
                continue;
            seen.insert(item.imageReference);
            item.imageName = (origin ? repositoryOf(*origin) : outcome.item.imageName) + QLatin1Char(':') + tag;
            item.type = outcome.item.type;
            candidates.append(item);
        }
    }
    QList<DeleteImageItem> present;
    QMutex mutex;
    QtConcurrent::blockingMap(candidates, [&](const DeleteImageItem &item) {
        const auto reference = ImageReference::parse(withoutTransport(item.imageReference));
        if (reference && awaitResult(m_client->headManifest(*reference))) {
            QMutexLocker locker(&mutex);
            present.append(item);
        }
    });
    std::sort(present.begin(), present.end(),
              [](const DeleteImageItem &a, const DeleteImageItem &b) { return a.imageReference < b.imageReference; });
    return present;
}

DeleteExecutor::Result DeleteExecutor::execute(const QList<DeleteImageItem> &items, const std::atomic_bool *cancelled,
                                               const ProgressCallback &progress) const
{
    Result result;
    const QStringList foreign = foreignItems(items);
    if (!foreign.isEmpty()) {
        result.error = foreign.join(QLatin1Char('\n'));
        return result;
    }
    QString protectionError;
    result.outcomes = protect(items, &protectionError);
    if (!protectionError.isEmpty()) {
        // Without the full picture of what stays, nothing is deleted.
        result.error = QStringLiteral("cannot tell which images are still needed: %1").arg(protectionError);
        result.outcomes.clear();
        return result;
    }
    deleteChecked(result, cancelled, progress);
    return result;
}

GarbageEstimator::Estimate DeleteExecutor::predictGarbage(const QList<Outcome> &outcomes) const
{
    const QString registryHost = m_options.destinationRegistry.section(QLatin1Char('/'), 0, 0);
    GarbageEstimator estimator(m_client, registryHost, m_options.parallelImages);
    QStringList affected;
    QList<ImageReference> going; // by digest
    QSet<QString> seen;
    for (const Outcome &outcome : outcomes) {
        const auto parsed = ImageReference::parse(withoutTransport(outcome.item.imageReference));
        if (!parsed)
            continue;
        affected << parsed->path();
        if (outcome.state != State::Deleted || outcome.digest.isEmpty())
            continue;
        const ImageReference byDigest = parsed->withTag(QString()).withDigest(outcome.digest);
        if (!seen.contains(byDigest.toString())) {
            seen.insert(byDigest.toString());
            going.append(byDigest);
        }
    }
    QStringList failures;
    QMutex mutex;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, m_options.parallelImages));
    QtConcurrent::blockingMap(&pool, going, [&](const ImageReference &reference) {
        const auto manifest = awaitResult(m_client->getManifest(reference));
        if (manifest) {
            estimator.recordDeleting(reference.path(), *manifest);
        } else if (manifest.error().kind() != RegistryError::Kind::NotFound) {
            QMutexLocker locker(&mutex);
            failures << manifest.error().toString();
        }
    });
    if (!failures.isEmpty()) {
        GarbageEstimator::Estimate estimate;
        estimate.error = failures.first();
        return estimate;
    }
    return estimator.predict(affected);
}

void DeleteExecutor::deleteChecked(Result &result, const std::atomic_bool *cancelled,
                                   const ProgressCallback &progress) const
{
    const QString registryHost = m_options.destinationRegistry.section(QLatin1Char('/'), 0, 0);
    GarbageEstimator estimator(m_client, registryHost, m_options.parallelImages);
    QStringList affected;
    std::atomic_bool disabled{false};
    QMutex mutex;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, m_options.parallelImages));
    QList<QFuture<void>> running;
    for (Outcome &outcome : result.outcomes) {
        if (const auto parsed = ImageReference::parse(withoutTransport(outcome.item.imageReference)))
            affected << parsed->path();
        if (outcome.state != State::Deleted)
            continue;
        running.append(QtConcurrent::run(&pool, [&, outcome = &outcome] {
            const qsizetype index = outcome - result.outcomes.data();
            if (progress)
                progress(index, *outcome, false);
            // Reported as finished on every way out.
            const auto finished = qScopeGuard([&] {
                if (progress)
                    progress(index, *outcome, true);
            });
            if ((cancelled && cancelled->load()) || disabled.load()) {
                outcome->state = State::Failed;
                outcome->detail = disabled.load() ? result.deletionDisabledError : QStringLiteral("cancelled");
                return;
            }
            const auto reference = ImageReference::parse(withoutTransport(outcome->item.imageReference));
            // Re-resolved right before deleting: a tag moved since it was checked is left alone.
            const auto head = awaitResult(m_client->headManifest(*reference));
            if (!head) {
                outcome->state =
                    head.error().kind() == RegistryError::Kind::NotFound ? State::AlreadyGone : State::Failed;
                outcome->detail = head.error().toString();
                return;
            }
            if (head->digest().toString() != outcome->digest) {
                outcome->state = State::Skipped;
                outcome->detail = QStringLiteral("changed since it was checked: %1 now, %2 when checked")
                                      .arg(head->digest().toString(), outcome->digest);
                return;
            }
            const ImageReference byDigest = reference->withTag(QString()).withDigest(outcome->digest);
            if (m_options.estimateGarbage) {
                if (const auto manifest = awaitResult(m_client->getManifest(byDigest)))
                    estimator.recordDeleting(reference->path(), *manifest);
            }
            const auto deleted = awaitResult(m_client->deleteManifest(byDigest));
            if (deleted) {
                estimator.confirmDeleted(reference->path(), outcome->digest);
                return;
            }
            if (deleted.error().kind() == RegistryError::Kind::NotFound) {
                outcome->state = State::AlreadyGone;
                return;
            }
            outcome->state = State::Failed;
            outcome->detail = deleted.error().toString();
            if (deleted.error().kind() == RegistryError::Kind::DeletionDisabled) {
                QMutexLocker locker(&mutex);
                if (!disabled.exchange(true))
                    result.deletionDisabledError = deleted.error().message();
            }
        }));
    }
    for (QFuture<void> &future : running)
        future.waitForFinished();
    if (m_options.estimateGarbage && result.count(State::Deleted) > 0) {
        result.garbage = estimator.estimate(affected);
        result.garbageEstimated = true;
    }
}

QByteArray DeleteExecutor::report(const Result &result)
{
    QByteArray text;
    const QList<QPair<State, QByteArray>> sections{{State::Deleted, "deleted"},
                                                   {State::AlreadyGone, "already gone"},
                                                   {State::Protected, "protected"},
                                                   {State::Skipped, "skipped"},
                                                   {State::Failed, "failed"}};
    for (const auto &[state, title] : sections) {
        text += "# " + title + "\n";
        for (const Outcome &outcome : result.outcomes) {
            if (outcome.state != state)
                continue;
            text += outcome.item.imageReference.toUtf8();
            if (!outcome.digest.isEmpty())
                text += " " + outcome.digest.toUtf8();
            if (!outcome.detail.isEmpty())
                text += " (" + outcome.detail.toUtf8() + ")";
            text += '\n';
        }
    }
    if (result.garbageEstimated)
        text += "# garbage collection\n" + result.garbage.toString().toUtf8() + '\n';
    return text;
}
