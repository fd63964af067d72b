#include "yamlhighlighter.h"

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_keyPattern(QStringLiteral("^(\\s*(?:-\\s+)*)([^\\s#'\"][^:#]*?|\"[^\"]*\"|'[^']*'):(?=\\s|$)"))
    , m_numberPattern(QStringLiteral("^(?:-?\\d+(?:\\.\\d+)?|true|false|null|~)$"))
{
    m_keyFormat.setForeground(QColor(0x1f, 0x4e, 0x79));
    m_keyFormat.setFontWeight(QFont::DemiBold);
    m_commentFormat.setForeground(QColor(0x6a, 0x73, 0x7d));
    m_commentFormat.setFontItalic(true);
    m_dashFormat.setForeground(QColor(0xa8, 0x71, 0x1f));
    m_dashFormat.setFontWeight(QFont::Bold);
    m_stringFormat.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_literalFormat.setForeground(QColor(0xad, 0x14, 0x57));
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    const qsizetype indent = text.size() - QStringView(text).trimmed().size();
    if (text.trimmed().startsWith(QLatin1Char('#'))) {
        setFormat(0, int(text.size()), m_commentFormat);
        return;
    }

    qsizetype valueStart = 0;
    const QRegularExpressionMatch key = m_keyPattern.match(text);
    if (key.hasMatch()) {
        setFormat(int(key.capturedStart(2)), int(key.capturedLength(2)), m_keyFormat);
        valueStart = key.capturedEnd(0);
    }
    // List dashes at the start of the line (also "- - x").
    for (qsizetype i = indent; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('-') && (i + 1 == text.size() || text.at(i + 1).isSpace())) {
            setFormat(int(i), 1, m_dashFormat);
            valueStart = std::max(valueStart, i + 1);
        } else if (!text.at(i).isSpace()) {
            break;
        }
    }

    QString value = text.mid(valueStart);
    const qsizetype comment = value.indexOf(QStringLiteral(" #"));
    if (comment >= 0) {
        setFormat(int(valueStart + comment + 1), int(value.size() - comment - 1), m_commentFormat);
        value.truncate(comment);
    }
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return;
    }
    const int start = int(valueStart + value.indexOf(trimmed));
    setFormat(start, int(trimmed.size()), m_numberPattern.match(trimmed).hasMatch() ? m_literalFormat : m_stringFormat);
}
