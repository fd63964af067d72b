#pragma once

#include "registryerror.h"

#include <optional>
#include <utility>

// Either a value or a RegistryError: what every asynchronous RegistryClient call delivers through its QFuture.
template<typename T>
class RegistryResult
{
public:
    RegistryResult() = default;
    RegistryResult(T value)
        : m_value(std::move(value))
    {
    }
    RegistryResult(RegistryError error)
        : m_error(std::move(error))
    {
    }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const RegistryError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    RegistryError m_error;
};

// For calls that only succeed or fail.
template<>
class RegistryResult<void>
{
public:
    RegistryResult() = default;
    RegistryResult(RegistryError error)
        : m_error(std::move(error))
    {
    }
    static RegistryResult success() { return RegistryResult(); }

    bool isOk() const { return !m_error.isError(); }
    explicit operator bool() const { return isOk(); }
    const RegistryError &error() const { return m_error; }

private:
    RegistryError m_error;
};
