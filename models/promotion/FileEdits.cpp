// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotion/Promotion.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace EnvDeck::Promotion {
namespace {

Result<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Error(why);
    }
    if (!file.commit())
        return Error(file.errorString());
    return {};
}

// What is on disk must still be what the plan was made from: a file changed since (by hand, by
// another tool) would otherwise be overwritten without anyone seeing it.
Result<void> checkUnchanged(const FileEdit &edit)
{
    const QFileInfo info(edit.absolutePath);
    if (!info.exists()) {
        if (edit.before.isEmpty())
            return {};
        return Error(QObject::tr("%1 was removed since the change was planned").arg(edit.file));
    }
    if (!info.isFile())
        return Error(QObject::tr("%1 is not a file").arg(edit.file));
    QFile file(edit.absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QObject::tr("Cannot read %1: %2").arg(edit.file, file.errorString()));
    if (file.readAll() != edit.before)
        return Error(
            edit.before.isEmpty()
                ? QObject::tr("%1 already exists").arg(edit.file)
                : QObject::tr("%1 changed on disk since the change was planned").arg(edit.file));
    return {};
}

struct Written
{
    const FileEdit *edit = nullptr;
    bool existed = false;
    QStringList createdFolders; // made for this file, deepest last
};

// The folders mkpath() is about to create for `folder`, outermost first.
QStringList missingFolders(const QString &folder)
{
    QStringList missing;
    QString current = QDir::cleanPath(folder);
    while (!current.isEmpty() && !QFileInfo::exists(current)) {
        missing.prepend(current);
        const QString parent = QFileInfo(current).path();
        if (parent == current)
            break;
        current = parent;
    }
    return missing;
}

// Puts the files written so far back as they were, newest first. Returns the files that could
// not be restored.
QStringList restore(const QList<Written> &written)
{
    QStringList failed;
    for (auto it = written.crbegin(); it != written.crend(); ++it) {
        const FileEdit &edit = *it->edit;
        bool ok = true;
        if (it->existed) {
            ok = writeAtomically(edit.absolutePath, edit.before).ok();
        } else {
            ok = !QFileInfo::exists(edit.absolutePath) || QFile::remove(edit.absolutePath);
            for (auto folder = it->createdFolders.crbegin(); folder != it->createdFolders.crend();
                 ++folder)
                QDir().rmdir(*folder);
        }
        if (!ok) {
            qCWarning(lcPromotion) << "cannot restore" << edit.file;
            failed.append(edit.file);
        }
    }
    return failed;
}

} // namespace

Result<void> writeEdits(const QList<FileEdit> &edits)
{
    for (const FileEdit &edit : edits) {
        if (edit.absolutePath.isEmpty())
            return Error(QObject::tr("No path to write %1 to").arg(edit.file));
        if (auto unchanged = checkUnchanged(edit); !unchanged)
            return Error(unchanged.error().message() + QObject::tr("; nothing was written"));
    }

    QList<Written> written;
    for (const FileEdit &edit : edits) {
        Written entry{&edit, QFileInfo::exists(edit.absolutePath), {}};
        const QString folder = QFileInfo(edit.absolutePath).absolutePath();
        entry.createdFolders = missingFolders(folder);
        Result<void> result;
        if (!QDir().mkpath(folder))
            result = Error(QObject::tr("cannot create the folder %1").arg(folder));
        else
            result = writeAtomically(edit.absolutePath, edit.after);
        if (!result) {
            // QSaveFile left the file itself alone; only the folders made for it go.
            for (auto folder = entry.createdFolders.crbegin();
                 folder != entry.createdFolders.crend(); ++folder)
                QDir().rmdir(*folder);
            const QStringList notRestored = restore(written);
            QString message
                = QObject::tr("Cannot write %1: %2").arg(edit.file, result.error().message());
            if (!written.isEmpty())
                message += notRestored.isEmpty()
                               ? QObject::tr("; the files written before it were put back")
                               : QObject::tr("; these files could not be put back: %1")
                                     .arg(notRestored.join(QStringLiteral(", ")));
            return Error(message);
        }
        qCDebug(lcPromotion) << "wrote" << edit.file;
        written.append(entry);
    }
    return {};
}

Result<void> undoEdits(const QList<FileEdit> &edits)
{
    QStringList failed;
    for (const FileEdit &edit : edits) {
        if (edit.before.isEmpty()) {
            if (QFileInfo::exists(edit.absolutePath) && !QFile::remove(edit.absolutePath))
                failed.append(edit.file);
            continue;
        }
        if (!writeAtomically(edit.absolutePath, edit.before))
            failed.append(edit.file);
    }
    if (failed.isEmpty())
        return {};
    qCWarning(lcPromotion) << "cannot put back" << failed;
    return Error(QObject::tr("Cannot put these files back as they were: %1; restore them by hand")
                     .arg(failed.join(QStringLiteral(", "))));
}

} // namespace EnvDeck::Promotion
