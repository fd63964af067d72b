#include "registriesconf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <toml++/toml.h>

namespace {

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

int lineOf(const toml::node &node)
{
    return int(node.source().begin.line);
}

// Thrown inside the parser and turned into the error message at the top; carries file and line already.
struct ConfError
{
    QString message;
};

class FileParser
{
public:
    FileParser(const QString &fileName, QList<RegistriesConfEntry> *registries, QStringList *searchRegistries,
               bool *hasSearchRegistries, QStringList *warnings)
        : m_fileName(fileName)
        , m_registries(registries)
        , m_searchRegistries(searchRegistries)
        , m_hasSearchRegistries(hasSearchRegistries)
        , m_warnings(warnings)
    {
    }

    [[noreturn]] void fail(int line, const QString &message) const
    {
        throw ConfError{QStringLiteral("%1:%2: %3").arg(m_fileName).arg(line).arg(message)};
    }
    void warn(int line, const QString &message) const
    {
        *m_warnings << QStringLiteral("%1:%2: %3").arg(m_fileName).arg(line).arg(message);
    }

    bool boolean(const toml::node &node, const QString &key) const
    {
        if (!node.is_boolean())
            fail(lineOf(node), QStringLiteral("\"%1\" must be a boolean (true or false)").arg(key));
        return node.as_boolean()->get();
    }
    QString string(const toml::node &node, const QString &key) const
    {
        if (!node.is_string())
            fail(lineOf(node), QStringLiteral("\"%1\" must be a string").arg(key));
        return fromStd(node.as_string()->get());
    }
    QStringList stringArray(const toml::node &node, const QString &key) const
    {
        const toml::array *array = node.as_array();
        if (!array)
            fail(lineOf(node), QStringLiteral("\"%1\" must be an array of strings").arg(key));
        QStringList values;
        for (const toml::node &element : *array)
            values << string(element, key);
        return values;
    }

    // Trailing slashes are dropped; a URL scheme is a mistake (registries.conf names hosts, not URLs).
    QString location(const toml::node &node, const QString &key) const
    {
        const QString value = string(node, key);
        QString trimmed = value;
        while (trimmed.endsWith(QLatin1Char('/')))
            trimmed.chop(1);
        if (trimmed.isEmpty() && !value.isEmpty())
            fail(lineOf(node), QStringLiteral("\"%1\" = \"%2\" is not a valid location").arg(key, value));
        if (trimmed.startsWith(QLatin1String("http://")) || trimmed.startsWith(QLatin1String("https://")))
            fail(lineOf(node), QStringLiteral("\"%1\" = \"%2\": URL schemes are not supported, write "
                                              "host[:port][/path] (use insecure = true for plain HTTP)")
                                   .arg(key, value));
        if (trimmed.contains(QLatin1Char(' ')) || trimmed.contains(QLatin1Char('@')))
            fail(lineOf(node), QStringLiteral("\"%1\" = \"%2\" is not a valid location").arg(key, value));
        return trimmed;
    }

    void parse(const toml::table &root)
    {
        for (const auto &[key, node] : root) {
            const QString name = fromStd(key.str());
            const int line = int(key.source().begin.line ? key.source().begin.line : node.source().begin.line);
            if (name == QLatin1String("registries")) {
                fail(line, QStringLiteral("this is the version 1 format ([registries.search], "
                                          "[registries.insecure], [registries.block]), which Ferry does not support; "
                                          "rewrite it as version 2 with unqualified-search-registries and "
                                          "[[registry]] tables"));
            } else if (name == QLatin1String("unqualified-search-registries")) {
                *m_searchRegistries = stringArray(node, name);
                *m_hasSearchRegistries = true;
            } else if (name == QLatin1String("registry")) {
                const toml::array *array = node.as_array();
                if (!array || !array->is_array_of_tables())
                    fail(line, QStringLiteral("\"registry\" must be an array of tables ([[registry]])"));
                for (const toml::node &element : *array)
                    parseRegistry(*element.as_table());
            } else if (name == QLatin1String("credential-helpers")) {
                const QStringList helpers = stringArray(node, name);
                for (const QString &helper : helpers) {
                    if (helper != QLatin1String("containers-auth.json"))
                        warn(line, QStringLiteral("credential helper \"%1\" is not supported; only auth files "
                                                  "(containers-auth.json) are read")
                                       .arg(helper));
                }
            } else if (name == QLatin1String("short-name-mode") || name == QLatin1String("aliases") ||
                       name == QLatin1String("additional-layer-store-auth-helper")) {
                // Short names are not used by Ferry: every reference is fully qualified.
            } else {
                warn(line, QStringLiteral("unknown key \"%1\" is ignored").arg(name));
            }
        }
    }

    void parseRegistry(const toml::table &table)
    {
        RegistriesConfEntry entry;
        entry.file = m_fileName;
        entry.line = lineOf(table);
        const toml::node *prefixNode = nullptr;
        for (const auto &[key, node] : table) {
            const QString name = fromStd(key.str());
            if (name == QLatin1String("prefix")) {
                entry.prefix = location(node, name);
                prefixNode = &node;
            } else if (name == QLatin1String("location")) {
                entry.location = location(node, name);
            } else if (name == QLatin1String("insecure")) {
                entry.insecure = boolean(node, name);
            } else if (name == QLatin1String("blocked")) {
                entry.blocked = boolean(node, name);
            } else if (name == QLatin1String("mirror-by-digest-only")) {
                entry.mirrorByDigestOnly = boolean(node, name);
            } else if (name == QLatin1String("pull-from-mirror")) {
                fail(lineOf(node), QStringLiteral("\"pull-from-mirror\" belongs in a [[registry.mirror]] table, not "
                                                  "in [[registry]]"));
            } else if (name == QLatin1String("mirror")) {
                const toml::array *array = node.as_array();
                if (!array || !array->is_array_of_tables())
                    fail(lineOf(node), QStringLiteral("\"mirror\" must be an array of tables ([[registry.mirror]])"));
                for (const toml::node &element : *array)
                    entry.mirrors << parseMirror(*element.as_table());
            } else {
                warn(int(key.source().begin.line),
                     QStringLiteral("unknown key \"%1\" in [[registry]] is ignored").arg(name));
            }
        }

        if (entry.prefix.isEmpty()) {
            if (entry.location.isEmpty())
                fail(entry.line, QStringLiteral("[[registry]] needs a \"location\" or a \"prefix\""));
            entry.prefix = entry.location;
        } else {
            const int prefixLine = prefixNode ? lineOf(*prefixNode) : entry.line;
            const bool wildcard = entry.prefix.startsWith(QLatin1String("*."));
            if (wildcard) {
                const QString domain = entry.prefix.mid(2);
                if (domain.isEmpty() || domain.contains(QLatin1Char('*')) || domain.contains(QLatin1Char('/')) ||
                    domain.contains(QLatin1Char(':')))
                    fail(prefixLine, QStringLiteral("prefix \"%1\": a wildcard prefix must look like *.example.com")
                                         .arg(entry.prefix));
            } else if (entry.prefix.contains(QLatin1Char('*'))) {
                fail(prefixLine, QStringLiteral("prefix \"%1\": '*' is only allowed as the leading \"*.\" of a "
                                                "domain")
                                     .arg(entry.prefix));
            } else if (entry.location.isEmpty()) {
                fail(entry.line, QStringLiteral("[[registry]] with prefix \"%1\" needs a \"location\" (only a "
                                                "wildcard prefix such as *.example.com may omit it)")
                                     .arg(entry.prefix));
            }
        }
        for (const RegistryMirror &mirror : std::as_const(entry.mirrors)) {
            if (entry.mirrorByDigestOnly && mirror.pullFrom != RegistryMirror::PullFrom::All)
                fail(mirror.line, QStringLiteral("\"pull-from-mirror\" cannot be combined with the registry's "
                                                 "\"mirror-by-digest-only\" (line %1)")
                                      .arg(entry.line));
        }
        for (const RegistriesConfEntry &other : std::as_const(*m_registries)) {
            if (other.prefix == entry.prefix && other.file == entry.file)
                fail(entry.line,
                     QStringLiteral("prefix \"%1\" is already defined at line %2").arg(entry.prefix).arg(other.line));
        }
        *m_registries << entry;
    }

    RegistryMirror parseMirror(const toml::table &table)
    {
        RegistryMirror mirror;
        mirror.file = m_fileName;
        mirror.line = lineOf(table);
        for (const auto &[key, node] : table) {
            const QString name = fromStd(key.str());
            if (name == QLatin1String("location")) {
                mirror.location = location(node, name);
            } else if (name == QLatin1String("insecure")) {
                mirror.insecure = boolean(node, name);
            } else if (name == QLatin1String("pull-from-mirror")) {
                const QString value = string(node, name);
                if (value == QLatin1String("all") || value.isEmpty())
                    mirror.pullFrom = RegistryMirror::PullFrom::All;
                else if (value == QLatin1String("digest-only"))
                    mirror.pullFrom = RegistryMirror::PullFrom::DigestOnly;
                else if (value == QLatin1String("tag-only"))
                    mirror.pullFrom = RegistryMirror::PullFrom::TagOnly;
                else
                    fail(lineOf(node), QStringLiteral("\"pull-from-mirror\" = \"%1\": expected \"all\", "
                                                      "\"digest-only\" or \"tag-only\"")
                                           .arg(value));
            } else {
                warn(int(key.source().begin.line),
                     QStringLiteral("unknown key \"%1\" in [[registry.mirror]] is ignored").arg(name));
            }
        }
        if (mirror.location.isEmpty())
            fail(mirror.line, QStringLiteral("[[registry.mirror]] needs a \"location\""));
        return mirror;
    }

private:
    QString m_fileName;
    QList<RegistriesConfEntry> *m_registries;
    QStringList *m_searchRegistries;
    bool *m_hasSearchRegistries;
    QStringList *m_warnings;
};

} // namespace

RegistriesConf::Locations RegistriesConf::defaultLocations(const QString &explicitPath)
{
    Locations locations;
    const QString fromEnvironment = qEnvironmentVariable("CONTAINERS_REGISTRIES_CONF");
    if (!explicitPath.isEmpty() || !fromEnvironment.isEmpty()) {
        locations.mainFile = explicitPath.isEmpty() ? fromEnvironment : explicitPath;
        locations.mainFileRequired = true;
        return locations;
    }
    const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString userDir = (configHome.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : configHome) +
                            QStringLiteral("/containers");
    const QString userFile = userDir + QStringLiteral("/registries.conf");
    if (QFileInfo::exists(userFile)) {
        // A per-user registries.conf replaces the system configuration entirely, as in containers/image.
        locations.mainFile = userFile;
        locations.dropInDirectories << userDir + QStringLiteral("/registries.conf.d");
        return locations;
    }
    locations.mainFile = QStringLiteral("/etc/containers/registries.conf");
    locations.dropInDirectories << QStringLiteral("/etc/containers/registries.conf.d")
                                << userDir + QStringLiteral("/registries.conf.d");
    return locations;
}

std::optional<RegistriesConf> RegistriesConf::load(const QString &explicitPath, QString *error)
{
    return load(defaultLocations(explicitPath), error);
}

std::optional<RegistriesConf> RegistriesConf::load(const Locations &locations, QString *error)
{
    auto readOne = [error](const QString &path) -> std::optional<RegistriesConf> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        return parse(file.readAll(), path, error);
    };

    RegistriesConf conf;
    if (!locations.mainFile.isEmpty()) {
        if (QFileInfo::exists(locations.mainFile)) {
            const std::optional<RegistriesConf> main = readOne(locations.mainFile);
            if (!main)
                return std::nullopt;
            conf = *main;
        } else if (locations.mainFileRequired) {
            if (error)
                *error = QStringLiteral("registries configuration %1 does not exist").arg(locations.mainFile);
            return std::nullopt;
        }
    }
    for (const QString &directory : locations.dropInDirectories) {
        const QFileInfoList dropIns =
            QDir(directory).entryInfoList({QStringLiteral("*.conf")}, QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo &info : dropIns) {
            const std::optional<RegistriesConf> dropIn = readOne(info.filePath());
            if (!dropIn)
                return std::nullopt;
            conf.merge(*dropIn);
        }
    }
    return conf;
}

std::optional<RegistriesConf> RegistriesConf::parse(const QByteArray &tomlText, const QString &fileName, QString *error)
{
    RegistriesConf conf;
    conf.m_files << fileName;
    try {
        const std::string_view text(tomlText.constData(), size_t(tomlText.size()));
        const toml::table root = toml::parse(text, fileName.toStdString());
        FileParser parser(fileName, &conf.m_registries, &conf.m_unqualifiedSearchRegistries,
                          &conf.m_hasUnqualifiedSearchRegistries, &conf.m_warnings);
        parser.parse(root);
    } catch (const toml::parse_error &parseError) {
        if (error)
            *error = QStringLiteral("%1:%2: invalid TOML: %3")
                         .arg(fileName)
                         .arg(parseError.source().begin.line)
                         .arg(fromStd(parseError.description()));
        return std::nullopt;
    } catch (const ConfError &confError) {
        if (error)
            *error = confError.message;
        return std::nullopt;
    }
    return conf;
}

void RegistriesConf::merge(const RegistriesConf &later)
{
    for (const RegistriesConfEntry &entry : later.m_registries) {
        const auto same = std::find_if(m_registries.begin(), m_registries.end(),
                                       [&entry](const RegistriesConfEntry &e) { return e.prefix == entry.prefix; });
        if (same != m_registries.end())
            *same = entry;
        else
            m_registries << entry;
    }
    if (later.m_hasUnqualifiedSearchRegistries) {
        m_unqualifiedSearchRegistries = later.m_unqualifiedSearchRegistries;
        m_hasUnqualifiedSearchRegistries = true;
    }
    m_files << later.m_files;
    m_warnings << later.m_warnings;
}

std::optional<RegistriesConfEntry> RegistriesConf::findRegistry(const QString &reference) const
{
    const RegistriesConfEntry *best = nullptr;
    int longest = -1;
    for (const RegistriesConfEntry &entry : m_registries) {
        const int length = entry.matchLength(reference);
        if (length > longest) {
            longest = length;
            best = &entry;
        }
    }
    if (!best)
        return std::nullopt;
    return *best;
}

std::optional<RegistriesConfEntry> RegistriesConf::findRegistry(const ImageReference &reference) const
{
    return findRegistry(reference.toString());
}

QList<RegistriesConf::PullSource> RegistriesConf::pullSources(const ImageReference &reference, QString *error) const
{
    const QString text = reference.toString();
    const std::optional<RegistriesConfEntry> entry = findRegistry(text);
    if (!entry)
        return {PullSource{reference, false, false}};
    if (entry->blocked) {
        if (error)
            *error = QStringLiteral("%1 is blocked by the registry entry \"%2\" (%3:%4)")
                         .arg(text, entry->prefix, entry->file)
                         .arg(entry->line);
        return {};
    }
    const int prefixLength = entry->matchLength(text);
    const QString rest = text.mid(prefixLength);
    const bool byDigest = reference.hasDigest();

    QList<PullSource> sources;
    auto add = [&](const QString &location, bool insecure, bool isMirror, const QString &file, int line) {
        if (location.isEmpty()) {
            sources << PullSource{reference, insecure, isMirror};
            return true;
        }
        QString parseError;
        const QString rewrittenText = location + rest;
        const std::optional<ImageReference> rewritten = ImageReference::parse(rewrittenText, &parseError);
        // The result must be a fully qualified reference as written; parse() would otherwise quietly read a bare
        // "host:tag" as a Docker Hub repository.
        const QString firstComponent = rewrittenText.section(QLatin1Char('/'), 0, 0);
        const bool qualified =
            rewrittenText.contains(QLatin1Char('/')) &&
            (firstComponent.contains(QLatin1Char('.')) || firstComponent.contains(QLatin1Char(':')) ||
             firstComponent == QLatin1String("localhost"));
        if (rewritten && !qualified)
            parseError = QStringLiteral("\"%1\" is not a fully qualified reference").arg(rewrittenText);
        if (!rewritten || !parseError.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1:%2: rewriting %3 to location \"%4\" gives an invalid reference: %5")
                             .arg(file)
                             .arg(line)
                             .arg(text, location, parseError);
            return false;
        }
        sources << PullSource{*rewritten, insecure, isMirror};
        return true;
    };
    for (const RegistryMirror &mirror : entry->mirrors) {
        if (entry->mirrorByDigestOnly && !byDigest)
            continue;
        if (mirror.pullFrom == RegistryMirror::PullFrom::DigestOnly && !byDigest)
            continue;
        if (mirror.pullFrom == RegistryMirror::PullFrom::TagOnly && byDigest)
            continue;
        if (!add(mirror.location, mirror.insecure, true, mirror.file, mirror.line))
            return {};
    }
    if (!add(entry->location, entry->insecure, false, entry->file, entry->line))
        return {};
    return sources;
}
