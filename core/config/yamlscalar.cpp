#include "yamlscalar.h"

#include <yaml-cpp/yaml.h>

#include <QRegularExpression>

YamlScalar::Type YamlScalar::resolve(const YAML::Node &node)
{
    if (node.IsNull())
        return Type::Null;
    const std::string &tag = node.Tag();
    // "!" marks a quoted (non-plain) scalar; explicit core-schema tags are honoured.
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return Type::String;
    if (tag == "tag:yaml.org,2002:int")
        return Type::Int;
    if (tag == "tag:yaml.org,2002:float")
        return Type::Float;
    if (tag == "tag:yaml.org,2002:bool")
        return Type::Bool;
    if (tag == "tag:yaml.org,2002:null")
        return Type::Null;
    if (tag != "?")
        return Type::String;
    return resolvePlain(QString::fromStdString(node.Scalar()));
}

YamlScalar::Type YamlScalar::resolvePlain(const QString &text)
{
    static const QStringList nulls = {QStringLiteral("~"), QStringLiteral("null"), QStringLiteral("Null"),
                                      QStringLiteral("NULL")};
    if (text.isEmpty() || nulls.contains(text))
        return Type::Null;
    if (toBool(text))
        return Type::Bool;
    if (toInt(text))
        return Type::Int;
    static const QRegularExpression floatPattern(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression specialFloat(QStringLiteral("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    if (floatPattern.match(text).hasMatch() || specialFloat.match(text).hasMatch())
        return Type::Float;
    return Type::String;
}

std::optional<bool> YamlScalar::toBool(const QString &text)
{
    // YAML 1.1 booleans as go-yaml v2 reads them.
    static const QStringList trueWords = {QStringLiteral("y"),    QStringLiteral("Y"),    QStringLiteral("yes"),
                                          QStringLiteral("Yes"),  QStringLiteral("YES"),  QStringLiteral("true"),
                                          QStringLiteral("True"), QStringLiteral("TRUE"), QStringLiteral("on"),
                                          QStringLiteral("On"),   QStringLiteral("ON")};
    static const QStringList falseWords = {QStringLiteral("n"),     QStringLiteral("N"),     QStringLiteral("no"),
                                           QStringLiteral("No"),    QStringLiteral("NO"),    QStringLiteral("false"),
                                           QStringLiteral("False"), QStringLiteral("FALSE"), QStringLiteral("off"),
                                           QStringLiteral("Off"),   QStringLiteral("OFF")};
    if (trueWords.contains(text))
        return true;
    if (falseWords.contains(text))
        return false;
    return std::nullopt;
}

std::optional<qint64> YamlScalar::toInt(const QString &text)
{
    QString digits = text;
    digits.remove(QLatin1Char('_'));
    bool negative = false;
    if (digits.startsWith(QLatin1Char('-')) || digits.startsWith(QLatin1Char('+'))) {
        negative = digits.startsWith(QLatin1Char('-'));
        digits.remove(0, 1);
    }
    if (digits.isEmpty() || !digits.at(0).isDigit())
        return std::nullopt;
    int base = 10;
    if (digits.startsWith(QLatin1String("0x")) || digits.startsWith(QLatin1String("0X"))) {
        base = 16;
        digits.remove(0, 2);
    } else if (digits.startsWith(QLatin1String("0b")) || digits.startsWith(QLatin1String("0B"))) {
        base = 2;
        digits.remove(0, 2);
    } else if (digits.startsWith(QLatin1String("0o")) || digits.startsWith(QLatin1String("0O"))) {
        base = 8;
        digits.remove(0, 2);
    } else if (digits.size() > 1 && digits.startsWith(QLatin1Char('0'))) {
        base = 8;
        digits.remove(0, 1);
    }
    if (digits.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok, base);
    if (!ok)
        return std::nullopt;
    return negative ? -value : value;
}

QString YamlScalar::describe(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("a map");
    if (node.IsSequence())
        return QStringLiteral("a list");
    if (!node.IsDefined() || node.IsNull())
        return QStringLiteral("null");
    const QString text = QString::fromStdString(node.Scalar());
    switch (resolve(node)) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("the boolean ") + text;
    case Type::Int:
        return QStringLiteral("the integer ") + text;
    case Type::Float:
        return QStringLiteral("the number ") + text;
    case Type::String:
        break;
    }
    return QStringLiteral("the string \"") + text + QLatin1Char('"');
}

QString YamlScalar::quoted(const QString &text)
{
    bool plain = !text.isEmpty() && resolvePlain(text) == Type::String;
    if (plain) {
        static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
        const QChar first = text.front();
        // A leading "-", "?" or ":" is fine when followed by a non-space, as in "-foo"; go-yaml still quotes.
        plain = !indicators.contains(first) && !first.isSpace() && !text.back().isSpace() &&
                !text.contains(QLatin1String(": ")) && !text.contains(QLatin1String(" #")) &&
                !text.endsWith(QLatin1Char(':'));
        for (const QChar c : text) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                plain = false;
                break;
            }
        }
    }
    if (plain)
        return text;
    bool control = false;
    for (const QChar c : text)
        control = control || c.unicode() < 0x20 || c.unicode() == 0x7f;
    // Strings that would read back as another type get double quotes (as go-yaml writes "4.18"); other
    // strings that cannot be plain get single quotes unless they hold control characters.
    if (!control && !text.isEmpty() && resolvePlain(text) == Type::String) {
        QString single = text;
        single.replace(QLatin1Char('\''), QLatin1String("''"));
        return QLatin1Char('\'') + single + QLatin1Char('\'');
    }
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            escaped += QLatin1String("\\\"");
            break;
        case '\\':
            escaped += QLatin1String("\\\\");
            break;
        case '\n':
            escaped += QLatin1String("\\n");
            break;
        case '\t':
            escaped += QLatin1String("\\t");
            break;
        case '\r':
            escaped += QLatin1String("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                escaped += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                escaped += c;
        }
    }
    escaped += QLatin1Char('"');
    return escaped;
}
