#include "credentialstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <unistd.h>

namespace {

// Line and column of a byte offset, so a JSON error can be located without quoting the (secret) content.
QString positionOf(const QByteArray &data, int offset)
{
    offset = qBound(0, offset, int(data.size()));
    const QByteArray before = data.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

// docker.io and its historical spellings are one registry for credential purposes.
QString normalizeRegistry(const QString &registry)
{
    const QString lowered = registry.toLower();
    if (lowered == QLatin1String("registry-1.docker.io") || lowered == QLatin1String("docker.io"))
        return QStringLiteral("index.docker.io");
    return lowered;
}

// Keys written by old Docker versions are URLs such as https://index.docker.io/v1/: only their host counts.
QString normalizeKey(const QString &key, bool legacy)
{
    QString stripped = key;
    if (stripped.startsWith(QLatin1String("http://")))
        stripped = stripped.mid(7);
    else if (stripped.startsWith(QLatin1String("https://")))
        stripped = stripped.mid(8);
    if (legacy || stripped != key)
        stripped = stripped.section(QLatin1Char('/'), 0, 0);
    return normalizeRegistry(stripped);
}

// A key naming a tag or digest is not a valid auth file key; containers/image would never match it.
bool keyHasTagOrDigest(const QString &key)
{
    if (key.contains(QLatin1Char('@')))
        return true;
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0 || key.startsWith(QLatin1String("http://")) || key.startsWith(QLatin1String("https://")))
        return false;
    return key.mid(slash).contains(QLatin1Char(':'));
}

QString uidRuntimeAuthFile()
{
    return QStringLiteral("/run/containers/%1/auth.json").arg(::getuid());
}

} // namespace

QStringList CredentialStore::searchPath(const QString &explicitPath, QStringList *warnings)
{
    if (!explicitPath.isEmpty())
        return {explicitPath};
    const QString fromEnvironment = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    if (!fromEnvironment.isEmpty())
        return {fromEnvironment};

    QStringList paths;
    const QString home = QDir::homePath();
    if (qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
        const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (QFileInfo(runtimeDir).isDir())
            paths << runtimeDir + QStringLiteral("/containers/auth.json");
        else if (warnings)
            *warnings << QStringLiteral("XDG_RUNTIME_DIR is set to %1, which does not exist; its auth.json is skipped")
                             .arg(runtimeDir);
    } else {
        paths << uidRuntimeAuthFile();
    }
    const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    paths << (configHome.isEmpty() ? home + QStringLiteral("/.config") : configHome) +
                 QStringLiteral("/containers/auth.json");
    const QString dockerConfig = qEnvironmentVariable("DOCKER_CONFIG");
    paths << (dockerConfig.isEmpty() ? home + QStringLiteral("/.docker") : dockerConfig) +
                 QStringLiteral("/config.json");
    paths << home + QStringLiteral("/.dockercfg");
    return paths;
}

CredentialStore CredentialStore::load(const QString &explicitPath, QString *error)
{
    const bool single = !explicitPath.isEmpty() || !qEnvironmentVariable("REGISTRY_AUTH_FILE").isEmpty();
    CredentialStore store;
    const QStringList paths = searchPath(explicitPath, &store.m_warnings);
    if (single) {
        const QString path = paths.constFirst();
        // A file named on the command line that is missing is a typo worth stopping for; the environment variable
        // is often exported globally, so a missing file there only means "no credentials".
        if (!QFileInfo::exists(path)) {
            if (!explicitPath.isEmpty()) {
                if (error)
                    *error = QStringLiteral("auth file %1 does not exist").arg(path);
                return {};
            }
            store.m_warnings << QStringLiteral("REGISTRY_AUTH_FILE names %1, which does not exist").arg(path);
            return store;
        }
    }
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            continue;
        File file;
        const bool legacy = !single && path == paths.constLast();
        if (!readFile(path, legacy, &file, &store.m_warnings, error))
            return {};
        store.m_files << file;
    }
    return store;
}

CredentialStore CredentialStore::loadFile(const QString &path, QString *error)
{
    CredentialStore store;
    File file;
    if (!readFile(path, false, &file, &store.m_warnings, error))
        return {};
    store.m_files << file;
    return store;
}

bool CredentialStore::readFile(const QString &path, bool legacy, File *file, QStringList *warnings, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("auth file %1: %2").arg(path, message);
        return false;
    };
    QFile device(path);
    if (!device.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot be read: %1").arg(device.errorString()));
    const QByteArray data = device.readAll();
    file->path = path;
    file->legacy = legacy;
    if (data.trimmed().isEmpty())
        return true; // an empty file is how some tools create a fresh auth file

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            QStringLiteral("%1: invalid JSON (%2)").arg(positionOf(data, parseError.offset), parseError.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("the top level must be a JSON object"));
    const QJsonObject root = document.object();

    QJsonObject auths;
    if (legacy) {
        auths = root;
    } else {
        const QJsonValue authsValue = root.value(QLatin1String("auths"));
        if (!authsValue.isUndefined() && !authsValue.isNull() && !authsValue.isObject())
            return fail(QStringLiteral("\"auths\" must be an object mapping registries to credentials"));
        auths = authsValue.toObject();

        const QJsonValue helpers = root.value(QLatin1String("credHelpers"));
        if (!helpers.isUndefined() && !helpers.isNull() && !helpers.isObject())
            return fail(QStringLiteral("\"credHelpers\" must be an object mapping registries to helper names"));
        const QJsonObject helperObject = helpers.toObject();
        for (auto it = helperObject.begin(); it != helperObject.end(); ++it)
            file->credHelpers.insert(it.key(), it.value().toString());
        file->credsStore = root.value(QLatin1String("credsStore")).toString();
    }

    for (auto it = auths.begin(); it != auths.end(); ++it) {
        const QString key = it.key();
        if (!it.value().isObject())
            return fail(QStringLiteral("the entry for \"%1\" must be an object").arg(key));
        if (keyHasTagOrDigest(key)) {
            if (warnings)
                *warnings
                    << QStringLiteral("auth file %1: key \"%2\" names a tag or digest and is ignored").arg(path, key);
            continue;
        }
        const QJsonObject object = it.value().toObject();
        Entry entry;
        entry.key = key;
        const QJsonValue authValue = object.value(QLatin1String("auth"));
        const QJsonValue tokenValue = object.value(QLatin1String("identitytoken"));
        if ((!authValue.isUndefined() && !authValue.isString()) ||
            (!tokenValue.isUndefined() && !tokenValue.isString()))
            return fail(
                QStringLiteral("the entry for \"%1\": \"auth\" and \"identitytoken\" must be strings").arg(key));
        const QString auth = authValue.toString();
        const QString identityToken = tokenValue.toString();
        if (auth.isEmpty() && identityToken.isEmpty()) {
            entry.marker = true;
        } else {
            QString username;
            QString password;
            if (!auth.isEmpty()) {
                const auto decoded =
                    QByteArray::fromBase64Encoding(auth.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                QByteArray plain = decoded.decoded;
                // Some writers pad the decoded value with NULs.
                while (plain.endsWith('\0'))
                    plain.chop(1);
                const qsizetype colon = plain.indexOf(':');
                if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok || auth.toLatin1() != auth.toUtf8())
                    entry.error = QStringLiteral("auth file %1: the \"auth\" value for \"%2\" is not valid base64")
                                      .arg(path, key);
                else if (colon < 0)
                    entry.error =
                        QStringLiteral("auth file %1: the \"auth\" value for \"%2\" does not decode to user:password")
                            .arg(path, key);
                else {
                    username = QString::fromUtf8(plain.left(colon));
                    password = QString::fromUtf8(plain.mid(colon + 1));
                }
            }
            entry.credential = Credential(username, password, identityToken);
            entry.credential.setSource(path, key);
        }
        file->entries << entry;
    }
    return true;
}

std::optional<CredentialStore::Entry> CredentialStore::findInFile(const File &file, const QString &host,
                                                                  const QString &repositoryPath)
{
    // Most specific first: host/ns/user/image, host/ns/user, host/ns, host.
    QStringList keys;
    if (!file.legacy) {
        QString key = host;
        if (!repositoryPath.isEmpty())
            key += QLatin1Char('/') + repositoryPath;
        while (true) {
            keys << key;
            const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
            if (slash < 0)
                break;
            key.truncate(slash);
        }
    }
    for (const QString &key : std::as_const(keys)) {
        for (const Entry &entry : file.entries) {
            if (entry.key == key)
                return entry;
        }
    }
    const QString normalizedHost = normalizeRegistry(host);
    for (const Entry &entry : file.entries) {
        if (normalizeKey(entry.key, file.legacy) == normalizedHost)
            return entry;
    }
    return std::nullopt;
}

std::optional<Credential> CredentialStore::find(const QString &registryHost, const QString &repositoryPath,
                                                QString *error) const
{
    const QString host = registryHost.toLower();
    for (const File &file : m_files) {
        // A helper configured for the host takes precedence over that file's stored entries.
        const auto helper = file.credHelpers.constFind(host);
        if (helper != file.credHelpers.constEnd()) {
            if (error)
                *error = QStringLiteral("auth file %1 configures the credential helper docker-credential-%2 for %3; "
                                        "Ferry does not run credential helpers: store the credentials in an auth "
                                        "file instead (podman login --authfile FILE %3)")
                             .arg(file.path, helper.value(), host);
            return std::nullopt;
        }
        const std::optional<Entry> entry = findInFile(file, host, repositoryPath);
        if (!entry || entry->marker)
            continue;
        if (!entry->error.isEmpty()) {
            if (error)
                *error = entry->error;
            return std::nullopt;
        }
        return entry->credential;
    }
    for (const File &file : m_files) {
        if (!file.credsStore.isEmpty()) {
            if (error)
                *error = QStringLiteral("no credentials for %1 in the auth files; %2 sets \"credsStore\": \"%3\", "
                                        "which Ferry does not support: store the credentials in an auth file instead")
                             .arg(host, file.path, file.credsStore);
            break;
        }
    }
    return std::nullopt;
}

QString CredentialStore::sourceFile() const
{
    return m_files.isEmpty() ? QString() : m_files.constFirst().path;
}

QStringList CredentialStore::files() const
{
    QStringList paths;
    for (const File &file : m_files)
        paths << file.path;
    return paths;
}
