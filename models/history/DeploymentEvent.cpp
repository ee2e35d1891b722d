// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/DeploymentEvent.h"

#include <array>
#include <utility>

namespace EnvDeck::History {

namespace {

using Kind = DeploymentEvent::Kind;

constexpr std::array<std::pair<Kind, const char16_t *>, 6> KindNames{{
    {Kind::Deploy, u"deploy"},
    {Kind::Add, u"add"},
    {Kind::Remove, u"remove"},
    {Kind::Lock, u"lock"},
    {Kind::Unlock, u"unlock"},
    {Kind::Approval, u"approval"},
}};

} // namespace

QString kindName(Kind kind)
{
    for (const auto &[value, name] : KindNames) {
        if (value == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

Kind kindFromName(const QString &name, bool *ok)
{
    for (const auto &[value, text] : KindNames) {
        if (name == QStringView(text)) {
            if (ok)
                *ok = true;
            return value;
        }
    }
    if (ok)
        *ok = false;
    return Kind::Deploy;
}

} // namespace EnvDeck::History
