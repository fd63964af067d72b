#pragma once

#include <QMetaType>
#include <QString>

// The live state of one plan entry, as the engine reports it (row = index in the plan as given).
class ImageCopyProgress
{
public:
    enum class State { Queued, Copying, Done, Skipped, Failed };

    int row = -1;
    State state = State::Queued;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    int blobsDone = 0;
    int blobsTotal = 0;
    QString error;

    bool isFinished() const { return state == State::Done || state == State::Skipped || state == State::Failed; }
    bool operator==(const ImageCopyProgress &) const = default;
};

Q_DECLARE_METATYPE(ImageCopyProgress)
