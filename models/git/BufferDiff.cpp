// SPDX-License-Identifier: GPL-3.0-or-later
#include "BufferDiff.h"

#include "GitHandle.h"

namespace EnvDeck::Git {

Result<QString> diffBuffers(const QByteArray &before, const QByteArray &after, const QString &path)
{
    if (before == after)
        return QString();
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.context_lines = 3;
    options.interhunk_lines = 0;
    const QByteArray name = path.toUtf8();
    Handle<git_patch, git_patch_free> patch;
    if (call(patch, git_patch_from_buffers, before.constData(), size_t(before.size()),
             name.constData(), after.constData(), size_t(after.size()), name.constData(), &options)
        < 0)
        return lastError(QStringLiteral("Cannot diff %1").arg(path));
    git_buf text = GIT_BUF_INIT;
    if (git_patch_to_buf(&text, patch.get()) < 0)
        return lastError(QStringLiteral("Cannot format the diff of %1").arg(path));
    QString result = QString::fromUtf8(text.ptr, qsizetype(text.size));
    git_buf_dispose(&text);
    return result;
}

} // namespace EnvDeck::Git
