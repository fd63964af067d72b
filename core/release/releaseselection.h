#pragma once

#include "selectedrelease.h"

#include <QList>
#include <QStringList>

// The outcome of release selection: the releases, de-duplicated by payload, plus warnings and the errors collected
// per channel. Any error makes the release part of a run fail.
class ReleaseSelection
{
public:
    QList<SelectedRelease> releases;
    QStringList warnings;
    QStringList errors;

    bool isOk() const { return errors.isEmpty(); }
};
