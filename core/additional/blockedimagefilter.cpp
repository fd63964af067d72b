#include "blockedimagefilter.h"

BlockedImageFilter::BlockedImageFilter(const QList<BlockedImage> &blocked)
{
    for (const BlockedImage &entry : blocked) {
        QRegularExpression pattern(entry.name);
        if (!pattern.isValid()) {
            m_error = QStringLiteral("blockedImages: \"%1\" is not a valid regular expression: %2")
                          .arg(entry.name, pattern.errorString());
            continue;
        }
        m_patterns.append(pattern);
    }
}

QString BlockedImageFilter::blockingPattern(const QString &origin, const QString &destination) const
{
    for (const QRegularExpression &pattern : m_patterns) {
        if (pattern.match(origin).hasMatch() || (!destination.isEmpty() && pattern.match(destination).hasMatch()))
            return pattern.pattern();
    }
    return {};
}
