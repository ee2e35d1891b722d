// SPDX-License-Identifier: GPL-3.0-or-later
#include "Environment.h"

#include <QRegularExpression>

#include <algorithm>

namespace EnvDeck {

QString tierToString(Tier tier)
{
    switch (tier) {
    case Tier::Dev:
        return QStringLiteral("dev");
    case Tier::Staging:
        return QStringLiteral("staging");
    case Tier::Production:
        return QStringLiteral("production");
    case Tier::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Tier tierFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"dev" || t == u"development" || t == u"develop")
        return Tier::Dev;
    if (t == u"staging" || t == u"stage" || t == u"qa" || t == u"test" || t == u"uat"
        || t == u"preprod" || t == u"pre-production")
        return Tier::Staging;
    if (t == u"production" || t == u"prod" || t == u"prd" || t == u"live")
        return Tier::Production;
    return Tier::Unknown;
}

int promotionRank(Tier tier)
{
    switch (tier) {
    case Tier::Dev:
        return 0;
    case Tier::Staging:
        return 1;
    case Tier::Production:
        return 2;
    case Tier::Unknown:
        break;
    }
    return 3;
}

Tier guessTierFromName(const QString &name)
{
    const QString n = name.toLower();
    const QStringList parts
        = n.split(QRegularExpression(QStringLiteral("[-_./]")), Qt::SkipEmptyParts);
    auto has = [&](std::initializer_list<const char16_t *> words) {
        return std::any_of(parts.begin(), parts.end(), [&](const QString &part) {
            return std::any_of(words.begin(), words.end(),
                               [&](const char16_t *w) { return part == QStringView(w); });
        });
    };
    if (has({u"prod", u"production", u"prd", u"live"}))
        return Tier::Production;
    if (has({u"staging", u"stage", u"stg", u"qa", u"uat", u"preprod", u"test"}))
        return Tier::Staging;
    if (has({u"dev", u"development", u"sandbox"}))
        return Tier::Dev;
    return Tier::Unknown;
}

int Environment::lockedCount() const
{
    return int(std::count_if(components.begin(), components.end(),
                             [](const ComponentVersion &c) { return c.locked; }));
}

const Environment *RepositorySnapshot::findEnvironment(const QString &name) const
{
    for (const Environment &environment : environments) {
        if (environment.name == name)
            return &environment;
    }
    return nullptr;
}

} // namespace EnvDeck
