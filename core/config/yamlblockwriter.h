#pragma once

#include <QByteArray>
#include <QString>

// Writes block-style YAML the way go-yaml v2 (and so oc-mirror) lays it out: two-space indentation, list
// items at the same indentation as their key, scalars quoted only when they would not read back as strings.
class YamlBlockWriter
{
public:
    void string(const QString &key, const QString &value);
    void boolean(const QString &key, bool value);
    void integer(const QString &key, qint64 value);
    void emptyMap(const QString &key);
    void emptyList(const QString &key);

    void beginMap(const QString &key);
    void endMap();
    void beginList(const QString &key);
    void endList();
    // A list item that is a map: the next line written gets the "- " marker.
    void beginItem();
    void endItem();
    void stringItem(const QString &value);

    QByteArray data() const { return m_text.toUtf8(); }

private:
    void line(const QString &content);

    QString m_text;
    int m_indent = 0;
    bool m_pendingDash = false;
};
