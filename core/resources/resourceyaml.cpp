#include "resourceyaml.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace {
bool isAmbiguousScalar(const QString &text)
{
    static const QRegularExpression ambiguous(QStringLiteral(
        "^(?:|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
        "|[-+]?(?:[0-9][0-9_]*)?\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o?[0-7]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:"
        "nan|NaN|NAN)"
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$"));
    return ambiguous.match(text).hasMatch();
}

void emitValue(YAML::Emitter &out, const QJsonValue &value);

void emitObject(YAML::Emitter &out, const QJsonObject &object)
{
    if (object.isEmpty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
    }
    out << YAML::BeginMap;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QByteArray key = it.key().toUtf8();
        out << YAML::Key;
        if (isAmbiguousScalar(it.key()))
            out << YAML::DoubleQuoted;
        out << key.toStdString() << YAML::Value;
        emitValue(out, it.value());
    }
    out << YAML::EndMap;
}

void emitValue(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        emitObject(out, value.toObject());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &item : array)
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::String: {
        const QString text = value.toString();
        if (isAmbiguousScalar(text))
            out << YAML::DoubleQuoted;
        out << text.toUtf8().toStdString();
        break;
    }
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<qint64>(number)))
            out << static_cast<qint64>(number);
        else
            out << number;
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    }
}
QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &pair : node)
            object.insert(QString::fromStdString(pair.first.Scalar()), toJson(pair.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!")
            return text; // quoted in the source
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        bool isInteger = false;
        const qint64 integer = text.toLongLong(&isInteger);
        if (isInteger)
            return integer;
        return text;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    }
    return QJsonValue::Null;
}
} // namespace

std::optional<QJsonObject> ResourceYaml::fromYaml(const QByteArray &yaml, QString *error)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap()) {
            if (error)
                *error = QStringLiteral("expected a YAML mapping at the top level");
            return std::nullopt;
        }
        return toJson(root).toObject();
    } catch (const YAML::Exception &exception) {
        if (error) {
            *error = QStringLiteral("line %1, column %2: %3")
                         .arg(exception.mark.line + 1)
                         .arg(exception.mark.column + 1)
                         .arg(QString::fromStdString(exception.msg));
        }
        return std::nullopt;
    }
}

QByteArray ResourceYaml::toYaml(const QJsonObject &object)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    emitObject(out, object);
    QByteArray text(out.c_str(), static_cast<qsizetype>(out.size()));
    if (!text.endsWith('\n'))
        text.append('\n');
    return text;
}

QByteArray ResourceYaml::toMultiDocument(const QList<QJsonObject> &objects)
{
    QByteArray text;
    for (const QJsonObject &object : objects) {
        text += "---\n";
        text += toYaml(object);
    }
    return text;
}
