#pragma once

#include "mirroroptions.h"

#include <QStringList>

#include <optional>

// What MirrorOptions::parse found: the options, or every reason they were refused. Warnings never block a run.
class MirrorOptionsResult
{
public:
    bool isValid() const { return options.has_value() && errors.isEmpty(); }

    std::optional<MirrorOptions> options;
    QStringList errors;
    QStringList warnings;
    // --help was given: show helpText, nothing else was validated.
    bool helpRequested = false;
    QString helpText;
};
