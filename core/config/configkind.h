#pragma once

// Which document a configuration file holds (its `kind:`).
enum class ConfigKind {
    Unknown,
    ImageSetConfiguration,
    DeleteImageSetConfiguration,
};
