#include "gojson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace {

void write(QByteArray &out, const QJsonValue &value, int indent, int level, bool escapeHtml,
           const GoJson::KeyOrder &order, const QString &parentKey);

void newline(QByteArray &out, int indent, int level)
{
    if (indent < 0)
        return;
    out += '\n';
    out += QByteArray(indent * level, ' ');
}

void writeObject(QByteArray &out, const QJsonObject &object, int indent, int level, bool escapeHtml,
                 const GoJson::KeyOrder &order, const QString &parentKey)
{
    if (object.isEmpty()) {
        out += "{}";
        return;
    }
    QStringList keys;
    if (order) {
        for (const QString &key : order(parentKey, object)) {
            if (object.contains(key) && !keys.contains(key))
                keys.append(key);
        }
    }
    for (const QString &key : object.keys()) { // already sorted
        if (!keys.contains(key))
            keys.append(key);
    }
    out += '{';
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += ',';
        newline(out, indent, level + 1);
        out += GoJson::string(keys.at(i), escapeHtml);
        out += indent < 0 ? ":" : ": ";
        write(out, object.value(keys.at(i)), indent, level + 1, escapeHtml, order, keys.at(i));
    }
    newline(out, indent, level);
    out += '}';
}

void write(QByteArray &out, const QJsonValue &value, int indent, int level, bool escapeHtml,
           const GoJson::KeyOrder &order, const QString &parentKey)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 1e21)
            out += QByteArray::number(qint64(number));
        else
            out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QJsonValue::String:
        out += GoJson::string(value.toString(), escapeHtml);
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            break;
        }
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            newline(out, indent, level + 1);
            write(out, array.at(i), indent, level + 1, escapeHtml, order, parentKey);
        }
        newline(out, indent, level);
        out += ']';
        break;
    }
    case QJsonValue::Object:
        writeObject(out, value.toObject(), indent, level, escapeHtml, order, parentKey);
        break;
    }
}

} // namespace

QByteArray GoJson::string(const QString &text, bool escapeHtml)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char ch : utf8) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        if (c < 0x20 || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else {
            out += ch;
        }
    }
    // Go escapes the JavaScript line separators U+2028 and U+2029 always.
    out.replace("\xe2\x80\xa8", "\\u2028");
    out.replace("\xe2\x80\xa9", "\\u2029");
    out += '"';
    return out;
}

QByteArray GoJson::serialize(const QJsonValue &value, int indent, bool escapeHtml, const KeyOrder &order)
{
    QByteArray out;
    write(out, value, indent, 0, escapeHtml, order, QString());
    return out;
}
