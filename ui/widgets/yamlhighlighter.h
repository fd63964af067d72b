#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours keys, comments, list dashes and scalars of the YAML preview; line-based, which suits what Ferry writes.
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlHighlighter)

public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_keyPattern;
    QRegularExpression m_numberPattern;
    QTextCharFormat m_keyFormat;
    QTextCharFormat m_commentFormat;
    QTextCharFormat m_dashFormat;
    QTextCharFormat m_stringFormat;
    QTextCharFormat m_literalFormat;
};
