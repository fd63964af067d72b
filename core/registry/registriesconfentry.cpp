#include "registriesconfentry.h"

int RegistriesConfEntry::matchLength(const QString &reference) const
{
    if (prefix.isEmpty())
        return -1;
    if (isWildcard()) {
        // "*.example.com" covers every sub-domain (any port), never example.com itself nor a path component.
        const QString suffix = prefix.mid(1);
        const qsizetype slash = reference.indexOf(QLatin1Char('/'));
        const QString domain = slash < 0 ? reference : reference.left(slash);
        const qsizetype index = domain.indexOf(suffix);
        if (index <= 0)
            return -1;
        const qsizetype end = index + suffix.size();
        if (end != domain.size() && domain.at(end) != QLatin1Char(':'))
            return -1;
        // The whole host, port included, is what the wildcard stands for.
        return int(domain.size());
    }
    if (!reference.startsWith(prefix))
        return -1;
    if (reference.size() == prefix.size())
        return int(prefix.size());
    const QChar next = reference.at(prefix.size());
    if (next == QLatin1Char('/') || next == QLatin1Char('@'))
        return int(prefix.size());
    // After a repository a ':' starts a tag; after a bare host it would be a port, and "example.com" must not
    // cover "example.com:5000" (a different registry).
    if (next == QLatin1Char(':') && prefix.contains(QLatin1Char('/')))
        return int(prefix.size());
    return -1;
}
