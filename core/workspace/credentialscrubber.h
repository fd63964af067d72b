#pragma once

#include <QString>

// Removes secrets from text before it reaches a log, an error message or the screen. Messages often embed URLs,
// HTTP headers or auth files verbatim, so every line the logger writes passes through here.
class CredentialScrubber
{
public:
    // The placeholder that replaces every secret.
    static QString mask();
    static QString scrub(const QString &text);
};
