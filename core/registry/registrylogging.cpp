#include "registrylogging.h"

Q_LOGGING_CATEGORY(lcRegistry, "ferry.registry", QtWarningMsg)
