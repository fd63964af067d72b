#include "yamlblockwriter.h"

#include "yamlscalar.h"

void YamlBlockWriter::string(const QString &key, const QString &value)
{
    line(key + QLatin1String(": ") + YamlScalar::quoted(value));
}

void YamlBlockWriter::boolean(const QString &key, bool value)
{
    line(key + (value ? QLatin1String(": true") : QLatin1String(": false")));
}

void YamlBlockWriter::integer(const QString &key, qint64 value)
{
    line(key + QLatin1String(": ") + QString::number(value));
}

void YamlBlockWriter::emptyMap(const QString &key)
{
    line(key + QLatin1String(": {}"));
}

void YamlBlockWriter::emptyList(const QString &key)
{
    line(key + QLatin1String(": []"));
}

void YamlBlockWriter::beginMap(const QString &key)
{
    line(key + QLatin1Char(':'));
    m_indent += 2;
}

void YamlBlockWriter::endMap()
{
    m_indent -= 2;
}

void YamlBlockWriter::beginList(const QString &key)
{
    line(key + QLatin1Char(':'));
}

void YamlBlockWriter::endList() {}

void YamlBlockWriter::beginItem()
{
    m_pendingDash = true;
    m_indent += 2;
}

void YamlBlockWriter::endItem()
{
    if (m_pendingDash)
        line(QStringLiteral("{}"));
    m_indent -= 2;
}

void YamlBlockWriter::stringItem(const QString &value)
{
    line(QLatin1String("- ") + YamlScalar::quoted(value));
}

void YamlBlockWriter::line(const QString &content)
{
    if (m_pendingDash) {
        m_text += QString(m_indent - 2, QLatin1Char(' ')) + QLatin1String("- ") + content + QLatin1Char('\n');
        m_pendingDash = false;
        return;
    }
    m_text += QString(m_indent, QLatin1Char(' ')) + content + QLatin1Char('\n');
}
