#pragma once

#include <QLoggingCategory>

// "ferry.registry": one debug line per request and answer (method, URL without credentials, status), off by default.
Q_DECLARE_LOGGING_CATEGORY(lcRegistry)
