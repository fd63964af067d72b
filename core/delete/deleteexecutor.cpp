#include "deleteexecutor.h"

#include "registry/imagereference.h"
#include "registry/registryclient.h"

#include <QMutex>
#include <QSet>
#include <QtConcurrent>

namespace {
template<typename T>
RegistryResult<T> await(QFuture<RegistryResult<T>> future)
{
    future.waitForFinished();
    if (future.resultCount() == 0)
        return RegistryResult<T>(RegistryError(RegistryError::Kind::Http, QStringLiteral("the request was abandoned")));
    return future.result();
}

QString withoutTransport(const QString &reference)
{
    return reference.startsWith(QLatin1String("docker://")) ? reference.mid(9) : reference;
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
            repositories.insert(parsed->withTag(QString()).withDigest(QString()).toString());
    }
    QHash<QString, QString> kept;
    QMutex mutex;
    QStringList failures;
    QList<QString> repositoryList(repositories.cbegin(), repositories.cend());
    QtConcurrent::blockingMap(repositoryList, [&](const QString &repository) {
        const auto repo = ImageReference::parse(repository);
        if (!repo)
            return;
        const auto tags = await(m_client->listTags(*repo));
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
            const auto manifest = await(m_client->getManifest(repo->withTag(tag)));
            if (!manifest)
                continue; // gone meanwhile
            QMutexLocker locker(&mutex);
            kept.insert(manifest->digest().toString(), tagged);
            for (const Descriptor &child : manifest->manifests())
                kept.insert(child.digest().toString(), tagged);
        }
    });
    if (!failures.isEmpty() && error)
        *error = failures.join(QStringLiteral("; "));
    return kept;
}

QList<DeleteExecutor::Outcome> DeleteExecutor::protect(const QList<DeleteImageItem> &items, QString *error) const
{
    const QHash<QString, QString> kept = keptDigests(items, error);
    QList<Outcome> outcomes;
    for (const DeleteImageItem &item : items) {
        Outcome outcome;
        outcome.item = item;
        const auto reference = ImageReference::parse(withoutTransport(item.imageReference));
        if (!reference) {
            outcome.state = State::Failed;
            outcome.detail = QStringLiteral("not a valid image reference");
            outcomes.append(outcome);
            continue;
        }
        const auto head = await(m_client->headManifest(*reference));
        if (!head) {
            outcome.state = head.error().kind() == RegistryError::Kind::NotFound ? State::AlreadyGone : State::Failed;
            outcome.detail = head.error().toString();
            outcomes.append(outcome);
            continue;
        }
        outcome.digest = head->digest().toString();
        const QString keeper = kept.value(outcome.digest);
        if (!keeper.isEmpty() && !m_options.force) {
            outcome.state = State::Protected;
            outcome.detail = QStringLiteral("still needed by %1").arg(keeper);
        } else {
            outcome.state = State::Deleted; // may go; execute() confirms
        }
        outcomes.append(outcome);
    }
    return outcomes;
}

DeleteExecutor::Result DeleteExecutor::execute(const QList<DeleteImageItem> &items,
                                               const std::atomic_bool *cancelled) const
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
    std::atomic_bool disabled{false};
    QMutex mutex;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, m_options.parallelImages));
    QList<QFuture<void>> running;
    for (Outcome &outcome : result.outcomes) {
        if (outcome.state != State::Deleted)
            continue;
        running.append(QtConcurrent::run(&pool, [&, outcome = &outcome] {
            if ((cancelled && cancelled->load()) || disabled.load()) {
                outcome->state = State::Failed;
                outcome->detail = disabled.load() ? result.deletionDisabledError : QStringLiteral("cancelled");
                return;
            }
            const auto reference = ImageReference::parse(withoutTransport(outcome->item.imageReference));
            // Re-resolved right before deleting: a tag moved since the list was written is left alone.
            const auto head = await(m_client->headManifest(*reference));
            if (!head) {
                outcome->state =
                    head.error().kind() == RegistryError::Kind::NotFound ? State::AlreadyGone : State::Failed;
                outcome->detail = head.error().toString();
                return;
            }
            if (head->digest().toString() != outcome->digest) {
                outcome->state = State::Failed;
                outcome->detail = QStringLiteral("skipped: it changed since it was checked (%1 instead of %2)")
                                      .arg(head->digest().toString(), outcome->digest);
                return;
            }
            const auto deleted =
                await(m_client->deleteManifest(reference->withTag(QString()).withDigest(outcome->digest)));
            if (deleted)
                return;
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
    return result;
}

QByteArray DeleteExecutor::report(const Result &result)
{
    QByteArray text;
    const QList<QPair<State, QByteArray>> sections{{State::Deleted, "deleted"},
                                                   {State::AlreadyGone, "already gone"},
                                                   {State::Protected, "protected"},
                                                   {State::Failed, "failed or skipped"}};
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
    return text;
}
