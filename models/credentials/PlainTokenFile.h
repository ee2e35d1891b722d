// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

#include <optional>

namespace EnvDeck::Credentials {

// The opted-in plain token file: JSON {"version": 1, "tokens": {"<key>": "<token>"}}, mode 0600,
// replaced atomically with QSaveFile. Errors name the file, never a token.
class PlainTokenFile
{
public:
    explicit PlainTokenFile(QString path);

    const QString &path() const { return m_path; }

    // The token under `key`, or nullopt when the file or the entry does not exist.
    Result<std::optional<QString>> read(const QString &key) const;
    Result<void> write(const QString &key, const QString &token) const;
    // True when an entry was removed. Removes the file when it becomes empty.
    Result<bool> remove(const QString &key) const;

private:
    QString m_path;
};

} // namespace EnvDeck::Credentials
