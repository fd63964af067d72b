#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The independent client registry tests check results with.
class Skopeo
{
public:
    // `skopeo inspect --raw` of docker://reference (TLS verification off): the manifest bytes exactly as the
    // registry serves them, or empty when the image is not there.
    static QByteArray inspectRaw(const QString &reference, const QStringList &extraArguments = {});
};
