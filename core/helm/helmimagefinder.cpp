#include "helmimagefinder.h"

#include "helmjsonpath.h"
#include "registry/imagereference.h"

#include <QMap>

#include <yaml-cpp/yaml.h>

namespace {

// Survives YAML parsing inside plain and quoted scalars, in block and flow context, and is recognisable afterwards.
constexpr char Placeholder[] = "FERRY-TEMPLATED-EXPRESSION";
// Used while scanning, before the line test; never present in chart text.
constexpr char Marker = '\x01';

bool isTemplated(const QString &text)
{
    return text.contains(QLatin1String("{{")) || text.contains(QLatin1String(Placeholder));
}

class Collector
{
public:
    QMap<QString, QString> images; // normalised → as found
    QStringList warnings;

    // (a)/(b): values reached by a path; a missing tag means latest.
    void addFromPath(const QString &value, const QString &where)
    {
        const QString text = value.trimmed();
        if (text.isEmpty())
            return;
        if (isTemplated(text)) {
            warnTemplated(text, where);
            return;
        }
        QString error;
        auto reference = ImageReference::parse(text, &error);
        if (!reference) {
            warnings.append(where + QStringLiteral(": \"") + text + QStringLiteral("\" is not an image reference: ") +
                            error);
            return;
        }
        QString found = text;
        if (!reference->hasTag() && !reference->hasDigest()) {
            reference = reference->withTag(QStringLiteral("latest"));
            found += QStringLiteral(":latest");
        }
        add(*reference, found);
    }

    // (c): strings under `image` need a tag or digest to count.
    void addFromValues(const QString &text, const QString &where)
    {
        if (isTemplated(text)) {
            warnTemplated(text, where);
            return;
        }
        const auto reference = ImageReference::parse(text.trimmed());
        if (reference && (reference->hasTag() || reference->hasDigest()))
            add(*reference, text.trimmed());
    }

    void add(const ImageReference &reference, const QString &found)
    {
        const QString key = reference.toString();
        if (!images.contains(key))
            images.insert(key, found);
    }

    void warnTemplated(const QString &text, const QString &where)
    {
        QString shown = text;
        shown.replace(QString::fromLatin1(Placeholder), QStringLiteral("{{…}}"));
        warnings.append(where + QStringLiteral(": image value \"") + shown +
                        QStringLiteral("\" still contains {{ }} and cannot be resolved without rendering: skipped"));
    }
};

QString scalarOf(const YAML::Node &map, const char *key)
{
    const YAML::Node node = map[key];
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()).trimmed() : QString();
}

void walkValues(const YAML::Node &node, const QString &keyPath, const QString &parentKey,
                const HelmChartReader::Chart &chart, const QString &where, Collector *collector)
{
    if (node.IsMap()) {
        const YAML::Node repository = node["repository"];
        const bool conventional = repository && repository.IsScalar() &&
                                  (node["tag"] || node["digest"] || parentKey == QLatin1String("image"));
        if (conventional) {
            const QString location = where + QStringLiteral(": ") + keyPath;
            QString name = scalarOf(node, "repository");
            const QString registry = scalarOf(node, "registry");
            QString tag = scalarOf(node, "tag");
            QString digest = scalarOf(node, "digest");
            if (!name.isEmpty()) {
                if (!registry.isEmpty())
                    name = registry + QLatin1Char('/') + name;
                if (!digest.isEmpty() && !digest.contains(QLatin1Char(':')))
                    digest.prepend(QStringLiteral("sha256:"));
                if (tag.isEmpty() && digest.isEmpty())
                    tag = chart.appVersion;
                if (tag.isEmpty() && digest.isEmpty()) {
                    collector->warnings.append(location + QStringLiteral(": image \"") + name +
                                               QStringLiteral("\" has no tag and the chart no appVersion: skipped"));
                } else {
                    QString text = name;
                    if (!tag.isEmpty())
                        text += QLatin1Char(':') + tag;
                    if (!digest.isEmpty())
                        text += QLatin1Char('@') + digest;
                    if (isTemplated(text)) {
                        collector->warnTemplated(text, location);
                    } else if (const auto reference = ImageReference::parse(text)) {
                        collector->add(*reference, text);
                    } else {
                        collector->warnings.append(location + QStringLiteral(": \"") + text +
                                                   QStringLiteral("\" is not an image reference: skipped"));
                    }
                }
            }
        }
        for (const auto &child : node) {
            const QString key = child.first.IsScalar() ? QString::fromStdString(child.first.Scalar()) : QString();
            walkValues(child.second, keyPath.isEmpty() ? key : keyPath + QLatin1Char('.') + key, key, chart, where,
                       collector);
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            walkValues(node[i], keyPath + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'), parentKey, chart,
                       where, collector);
    } else if (node.IsScalar() && parentKey == QLatin1String("image")) {
        collector->addFromValues(QString::fromStdString(node.Scalar()), where + QStringLiteral(": ") + keyPath);
    }
}

// Splits on document separators when the whole file does not parse, so one broken document does not hide the rest.
QList<YAML::Node> loadDocuments(const QByteArray &text, const QString &where, QStringList *warnings)
{
    try {
        const auto documents = YAML::LoadAll(text.toStdString());
        return QList<YAML::Node>(documents.begin(), documents.end());
    } catch (const YAML::Exception &) {
    }
    QList<YAML::Node> documents;
    QList<QByteArray> current;
    int number = 0;
    const auto flush = [&] {
        ++number;
        const QByteArray chunk = current.join('\n');
        current.clear();
        if (chunk.trimmed().isEmpty())
            return;
        try {
            for (const YAML::Node &node : YAML::LoadAll(chunk.toStdString()))
                documents.append(node);
        } catch (const YAML::Exception &e) {
            warnings->append(where + QStringLiteral(": document ") + QString::number(number) +
                             QStringLiteral(" does not parse as YAML once template expressions are removed (") +
                             QString::fromStdString(e.msg) + QStringLiteral("): skipped"));
        }
    };
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("---"))
            flush();
        else
            current.append(line);
    }
    flush();
    return documents;
}

} // namespace

QStringList HelmImageFinder::defaultImagePaths()
{
    return {
        QStringLiteral("{.spec.containers[*].image}"),
        QStringLiteral("{.spec.initContainers[*].image}"),
        QStringLiteral("{.spec.template.spec.containers[*].image}"),
        QStringLiteral("{.spec.template.spec.initContainers[*].image}"),
        QStringLiteral("{.spec.jobTemplate.spec.template.spec.containers[*].image}"),
        QStringLiteral("{.spec.jobTemplate.spec.template.spec.initContainers[*].image}"),
    };
}

QString HelmImageFinder::templatePlaceholder()
{
    return QString::fromLatin1(Placeholder);
}

QByteArray HelmImageFinder::removeTemplateExpressions(const QByteArray &text)
{
    QByteArray marked;
    marked.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf("{{", i);
        if (open < 0) {
            marked.append(text.mid(i));
            break;
        }
        const qsizetype close = text.indexOf("}}", open + 2);
        marked.append(text.mid(i, open - i));
        marked.append(Marker);
        if (close < 0)
            break; // an unterminated expression swallows the rest, as it would break rendering anyway
        i = close + 2;
    }
    QByteArrayList lines = marked.split('\n');
    QByteArrayList kept;
    for (QByteArray &line : lines) {
        if (!line.contains(Marker)) {
            kept.append(line);
            continue;
        }
        QByteArray rest = line;
        rest.replace(Marker, QByteArray());
        if (rest.trimmed().isEmpty()) {
            kept.append(QByteArray()); // an empty line keeps the later lines where they were
            continue;
        }
        line.replace(QByteArray(1, Marker), QByteArray(Placeholder));
        kept.append(line);
    }
    return kept.join('\n');
}

HelmImageFinder::Result HelmImageFinder::find(const QList<HelmChartReader::Chart> &charts,
                                              const QStringList &imagePaths)
{
    Result result;
    QList<HelmJsonPath> paths;
    for (const QString &expression : imagePaths) {
        QString error;
        if (const auto path = HelmJsonPath::parse(expression, &error))
            paths.append(*path);
        else
            result.errors.append(error);
    }
    QList<HelmJsonPath> defaults;
    for (const QString &expression : defaultImagePaths())
        defaults.append(*HelmJsonPath::parse(expression));

    Collector collector;
    for (const HelmChartReader::Chart &chart : charts) {
        for (auto it = chart.templates.cbegin(); it != chart.templates.cend(); ++it) {
            const QString where = chart.path + QLatin1Char('/') + it.key();
            const QByteArray stripped = removeTemplateExpressions(it.value());
            for (const YAML::Node &document : loadDocuments(stripped, where, &collector.warnings)) {
                for (const HelmJsonPath &path : std::as_const(paths)) {
                    for (const QString &value : path.evaluate(document))
                        collector.addFromPath(value, where + QStringLiteral(": ") + path.expression());
                }
                for (const HelmJsonPath &path : std::as_const(defaults)) {
                    for (const QString &value : path.evaluate(document))
                        collector.addFromPath(value, where + QStringLiteral(": ") + path.expression());
                }
            }
        }
        if (chart.valuesYaml.trimmed().isEmpty())
            continue;
        const QString where = chart.path + QStringLiteral("/values.yaml");
        YAML::Node values;
        try {
            values = YAML::Load(chart.valuesYaml.toStdString());
        } catch (const YAML::Exception &e) {
            collector.warnings.append(where + QLatin1Char(':') + QString::number(e.mark.line + 1) +
                                      QStringLiteral(": not valid YAML (") + QString::fromStdString(e.msg) +
                                      QStringLiteral("): skipped"));
            continue;
        }
        for (const HelmJsonPath &path : std::as_const(paths)) {
            for (const QString &value : path.evaluate(values))
                collector.addFromPath(value, where + QStringLiteral(": ") + path.expression());
        }
        walkValues(values, QString(), QString(), chart, where, &collector);
    }
    result.images = collector.images.values();
    result.images.sort();
    result.images.removeDuplicates();
    result.warnings = collector.warnings;
    result.warnings.removeDuplicates();
    return result;
}
