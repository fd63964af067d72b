#pragma once

#include "config/blockedimage.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

// blockedImages: each name is a regular expression matched anywhere (unanchored) in the origin and in the
// destination reference, as oc-mirror v2 does since 4.19.
class BlockedImageFilter
{
public:
    explicit BlockedImageFilter(const QList<BlockedImage> &blocked);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // The pattern that blocks the image, or empty when it may be mirrored.
    QString blockingPattern(const QString &origin, const QString &destination) const;

private:
    QList<QRegularExpression> m_patterns;
    QString m_error;
};
