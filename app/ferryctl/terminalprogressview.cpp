#include "terminalprogressview.h"

#include <QChar>

#include <algorithm>

namespace {
constexpr qint64 kSpeedWindowMs = 5000;
const QString kEllipsis = QString(QChar(0x2026));

QString fromCodePoints(const QList<uint> &codePoints, qsizetype from, qsizetype count)
{
    QString text;
    for (qsizetype i = from; i < from + count; ++i) {
        const char32_t c = codePoints.at(i);
        if (QChar::requiresSurrogates(c)) {
            text.append(QChar(QChar::highSurrogate(c)));
            text.append(QChar(QChar::lowSurrogate(c)));
        } else {
            text.append(QChar(static_cast<char16_t>(c)));
        }
    }
    return text;
}
} // namespace

void TerminalProgressView::setPlan(const QList<MirrorPlanEntry> &entries)
{
    m_entries = entries;
    m_rows.clear();
    for (int row = 0; row < entries.size(); ++row) {
        ImageCopyProgress progress;
        progress.row = row;
        m_rows.append(progress);
    }
    m_samples = {{0, 0}};
}

void TerminalProgressView::update(const QList<ImageCopyProgress> &rows, qint64 nowMs)
{
    for (const ImageCopyProgress &row : rows) {
        if (row.row >= 0 && row.row < m_rows.size())
            m_rows[row.row] = row;
    }
    m_samples.append({nowMs, bytesDone()});
    // Keep one sample older than the window as the baseline of the speed.
    while (m_samples.size() > 2 && m_samples.at(1).first <= nowMs - kSpeedWindowMs)
        m_samples.removeFirst();
}

int TerminalProgressView::finished() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const ImageCopyProgress &row) { return row.isFinished(); }));
}

qint64 TerminalProgressView::bytesDone() const
{
    qint64 bytes = 0;
    for (const ImageCopyProgress &row : m_rows)
        bytes += row.bytesDone;
    return bytes;
}

double TerminalProgressView::speed(qint64 nowMs) const
{
    if (m_samples.isEmpty())
        return -1;
    QPair<qint64, qint64> baseline = m_samples.first();
    for (const auto &sample : m_samples) {
        if (sample.first <= nowMs - kSpeedWindowMs)
            baseline = sample;
    }
    const qint64 elapsed = nowMs - baseline.first;
    if (elapsed < 500)
        return -1;
    return double(std::max<qint64>(0, bytesDone() - baseline.second)) * 1000.0 / double(elapsed);
}

qint64 TerminalProgressView::remainingMs(qint64 nowMs) const
{
    if (!m_rows.isEmpty() && finished() == m_rows.size())
        return 0;
    qint64 knownTotal = 0;
    int known = 0;
    qint64 left = 0;
    int unknown = 0;
    for (const ImageCopyProgress &row : m_rows) {
        if (row.bytesTotal > 0) {
            knownTotal += row.bytesTotal;
            ++known;
        }
        if (row.isFinished())
            continue;
        if (row.bytesTotal > 0)
            left += std::max<qint64>(0, row.bytesTotal - row.bytesDone);
        else
            ++unknown;
    }
    const double rate = speed(nowMs);
    if (known == 0 || rate <= 0)
        return -1;
    // Images not started yet are assumed to be as large as the average of those seen so far.
    left += qint64(double(knownTotal) / known * unknown);
    return qint64(double(left) * 1000.0 / rate);
}

QStringList TerminalProgressView::render(int width, qint64 nowMs) const
{
    width = std::max(width, 1);
    int done = 0;
    int failed = 0;
    QList<const ImageCopyProgress *> copying;
    for (const ImageCopyProgress &row : m_rows) {
        if (row.state == ImageCopyProgress::State::Failed)
            ++failed;
        if (row.isFinished())
            ++done;
        else if (row.state == ImageCopyProgress::State::Copying)
            copying.append(&row);
    }

    QString summary = QStringLiteral("%1 / %2 images").arg(done).arg(m_rows.size());
    if (failed > 0)
        summary += QStringLiteral(", %1 failed").arg(failed);
    summary += QStringLiteral("  %1").arg(formatBytes(bytesDone()));
    const double rate = speed(nowMs);
    summary += QStringLiteral("  %1").arg(rate < 0 ? QStringLiteral("-- B/s")
                                                   : formatBytes(qint64(rate)) + QStringLiteral("/s"));
    const qint64 left = remainingMs(nowMs);
    summary += QStringLiteral("  ETA %1").arg(left < 0 ? QStringLiteral("--:--") : formatDuration(left));
    summary += QStringLiteral("  (%1)").arg(formatDuration(nowMs));

    QStringList lines;
    const int barWidth = std::min(30, width - displayWidth(summary) - 3);
    if (barWidth >= 10) {
        const int filled = m_rows.isEmpty() ? 0 : int(qint64(barWidth) * done / m_rows.size());
        lines.append(QLatin1Char('[') + QString(filled, QLatin1Char('=')) +
                     QString(barWidth - filled, QLatin1Char(' ')) + QStringLiteral("] ") + summary);
    } else {
        lines.append(elideRight(summary, width));
    }

    const int shown = std::min<int>(static_cast<int>(copying.size()), std::max(0, m_maxImageLines));
    for (int i = 0; i < shown; ++i) {
        const ImageCopyProgress &row = *copying.at(i);
        const QString name = printable(m_entries.value(row.row).origin);
        QString bytes;
        if (row.bytesTotal > 0) {
            bytes = QStringLiteral(" %1 / %2 %3%")
                        .arg(formatBytes(row.bytesDone), formatBytes(row.bytesTotal))
                        .arg(row.bytesDone * 100 / row.bytesTotal);
        } else {
            bytes = QStringLiteral(" starting");
        }
        const int nameWidth = width - 2 - displayWidth(bytes);
        if (nameWidth >= 12)
            lines.append(QStringLiteral("  ") + elideLeft(name, nameWidth) + bytes);
        else
            lines.append(elideLeft(QStringLiteral("  ") + name, width));
    }
    if (copying.size() > shown)
        lines.append(elideRight(QStringLiteral("  … and %1 more being copied").arg(copying.size() - shown), width));
    return lines;
}

int TerminalProgressView::charWidth(char32_t c)
{
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) ||
        (c >= 0xE0100 && c <= 0xE01EF))
        return 0;
    const QChar::Category category = QChar::category(c);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
        return 0;
    // East Asian wide and fullwidth characters and emoji: what terminals draw in two cells (wcwidth's ranges).
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x231A && c <= 0x231B) || (c >= 0x23E9 && c <= 0x23EC) ||
                      (c >= 0x2614 && c <= 0x2615) || c == 0x26A1 || c == 0x2705 || c == 0x274C ||
                      (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                      (c >= 0x1F680 && c <= 0x1F6FF) || (c >= 0x1F900 && c <= 0x1F9FF) ||
                      (c >= 0x1FA70 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

QString TerminalProgressView::printable(const QString &text)
{
    // Names come from configurations and catalogs: control characters must not reach the terminal.
    QString clean = text;
    for (QChar &c : clean) {
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() < 0xA0))
            c = QLatin1Char('?');
    }
    return clean;
}

int TerminalProgressView::displayWidth(const QString &text)
{
    int width = 0;
    for (const uint c : text.toUcs4())
        width += charWidth(c);
    return width;
}

QString TerminalProgressView::elideLeft(const QString &text, int width)
{
    const QString clean = printable(text);
    if (displayWidth(clean) <= width)
        return clean;
    if (width <= 0)
        return {};
    const QList<uint> codePoints = clean.toUcs4();
    int used = 0;
    qsizetype start = codePoints.size();
    while (start > 0 && used + charWidth(codePoints.at(start - 1)) <= width - 1) {
        used += charWidth(codePoints.at(start - 1));
        --start;
    }
    // A combining mark without its base character would attach to the ellipsis.
    while (start < codePoints.size() && charWidth(codePoints.at(start)) == 0)
        ++start;
    return kEllipsis + fromCodePoints(codePoints, start, codePoints.size() - start);
}

QString TerminalProgressView::elideRight(const QString &text, int width)
{
    const QString clean = printable(text);
    if (displayWidth(clean) <= width)
        return clean;
    if (width <= 0)
        return {};
    const QList<uint> codePoints = clean.toUcs4();
    int used = 0;
    qsizetype end = 0;
    while (end < codePoints.size() && used + charWidth(codePoints.at(end)) <= width - 1) {
        used += charWidth(codePoints.at(end));
        ++end;
    }
    return fromCodePoints(codePoints, 0, end) + kEllipsis;
}

QString TerminalProgressView::formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(std::max<qint64>(0, bytes));
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = double(bytes) / 1024.0;
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString TerminalProgressView::formatDuration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms) / 1000;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const QString tail = QStringLiteral("%1:%2")
                             .arg(minutes, hours > 0 ? 2 : 1, 10, QLatin1Char('0'))
                             .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return hours > 0 ? QStringLiteral("%1:").arg(hours) + tail : tail;
}
