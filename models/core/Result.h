// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace EnvDeck {

// Where in a file something was found. Lines and columns are 1-based; 0 means "not known".
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return !file.isEmpty(); }

    // "path:line:column", leaving out the parts that are not known.
    QString toString() const
    {
        QString text = file;
        if (line > 0) {
            text += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                text += QLatin1Char(':') + QString::number(column);
        }
        return text;
    }

    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

// An error a person can read, optionally tied to a place in a file.
class Error
{
public:
    Error() = default;
    explicit Error(QString message, SourceLocation location = {})
        : m_message(std::move(message))
        , m_location(std::move(location))
    {}

    const QString &message() const { return m_message; }
    const SourceLocation &location() const { return m_location; }

    // "file:line:column: message" when the location is known, otherwise just the message.
    QString toString() const
    {
        if (!m_location.isValid())
            return m_message;
        return m_location.toString() + QStringLiteral(": ") + m_message;
    }

    // The same error with a context in front: "Cannot open repository: <message>".
    Error withContext(const QString &context) const
    {
        return Error(context + QStringLiteral(": ") + m_message, m_location);
    }

private:
    QString m_message;
    SourceLocation m_location;
};

// Either a value or an Error. Errors are values in EnvDeck: no exception crosses a module boundary.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_data(std::in_place_index<0>, value)
    {}
    Result(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    static Result success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace EnvDeck
