// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <compare>

namespace EnvDeck::Demo {

// MAJOR.MINOR.PATCH, the only version shape the demo repository writes.
struct Semver
{
    int major = 0;
    int minor = 0;
    int patch = 0;

    QString toString() const
    {
        return QString::number(major) + QLatin1Char('.') + QString::number(minor) + QLatin1Char('.')
               + QString::number(patch);
    }
    QByteArray toUtf8() const { return toString().toUtf8(); }

    // "1.8.3" -> {1, 8, 3}; anything else gives 0.0.0.
    static Semver fromString(const QString &text)
    {
        const QStringList parts = text.split(QLatin1Char('.'));
        if (parts.size() != 3)
            return {};
        return {parts.at(0).toInt(), parts.at(1).toInt(), parts.at(2).toInt()};
    }

    Semver nextPatch() const { return {major, minor, patch + 1}; }
    Semver nextMinor() const { return {major, minor + 1, 0}; }
    Semver nextMajor() const { return {major + 1, 0, 0}; }

    friend auto operator<=>(const Semver &, const Semver &) = default;
};

} // namespace EnvDeck::Demo
