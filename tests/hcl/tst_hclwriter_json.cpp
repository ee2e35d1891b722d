// SPDX-License-Identifier: GPL-3.0-or-later
// tst_hclwriter's view of an edit through hcl2json: the JSON of the result must be the JSON of
// the source with only the edited attribute or block changed.
#include "tst_hclwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace EnvDeck::HclTest {

using namespace EnvDeck::Hcl;

BlockPath parsePath(const QString &text)
{
    BlockPath path;
    for (const QString &step : text.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const QStringList words = step.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        BlockSelector selector{words.first().toUtf8(), {}};
        for (qsizetype i = 1; i < words.size(); ++i) {
            QString label = words[i];
            if (label.startsWith(QLatin1Char('"')))
                label = label.mid(1, label.size() - 2);
            selector.labels.append(label.toUtf8());
        }
        path.append(selector);
    }
    return path;
}

QList<QByteArray> labelsOf(const QByteArray &joined)
{
    return joined.isEmpty() ? QList<QByteArray>() : joined.split(',');
}

namespace {

// ---- the hcl2json view of a file: blocks as arrays under their type and labels -----------------

using BodyEdit = std::function<void(QJsonObject &)>;

// Applies edit to the JSON body of the block at path (the top level for an empty path).
QJsonObject editBody(const QJsonObject &body, const BlockPath &path, qsizetype step,
                     const BodyEdit &edit)
{
    QJsonObject copy = body;
    if (step == path.size()) {
        edit(copy);
        return copy;
    }
    const BlockSelector &selector = path[step];
    std::function<QJsonValue(const QJsonValue &, qsizetype)> descend
        = [&](const QJsonValue &value, qsizetype label) -> QJsonValue {
        if (label == selector.labels.size()) {
            QJsonArray blocks = value.toArray();
            if (blocks.isEmpty())
                return blocks;
            blocks[0] = editBody(blocks[0].toObject(), path, step + 1, edit);
            return blocks;
        }
        QJsonObject labels = value.toObject();
        const QString key = QString::fromUtf8(selector.labels[label]);
        labels[key] = descend(labels.value(key), label + 1);
        return labels;
    };
    const QString type = QString::fromUtf8(selector.type);
    copy[type] = descend(copy.value(type), 0);
    return copy;
}

QJsonObject bodyAt(const QJsonObject &json, const BlockPath &path)
{
    QJsonObject found;
    editBody(json, path, 0, [&](QJsonObject &body) { found = body; });
    return found;
}

QJsonObject withoutKey(const QJsonObject &json, const BlockPath &path, const QByteArray &name)
{
    return editBody(json, path, 0,
                    [&](QJsonObject &body) { body.remove(QString::fromUtf8(name)); });
}

// Removes the last block type "labels..." of the body at parent, and objects left empty.
QJsonObject withoutBlock(const QJsonObject &json, const BlockPath &parent,
                         const BlockSelector &block)
{
    return editBody(json, parent, 0, [&](QJsonObject &body) {
        std::function<QJsonValue(const QJsonValue &, qsizetype)> drop
            = [&](const QJsonValue &value, qsizetype label) -> QJsonValue {
            if (label == block.labels.size()) {
                QJsonArray blocks = value.toArray();
                if (!blocks.isEmpty())
                    blocks.removeLast();
                return blocks.isEmpty() ? QJsonValue() : QJsonValue(blocks);
            }
            QJsonObject labels = value.toObject();
            const QString key = QString::fromUtf8(block.labels[label]);
            const QJsonValue inner = drop(labels.value(key), label + 1);
            if (inner.isNull())
                labels.remove(key);
            else
                labels[key] = inner;
            return labels.isEmpty() ? QJsonValue() : QJsonValue(labels);
        };
        const QString type = QString::fromUtf8(block.type);
        const QJsonValue rest = drop(body.value(type), 0);
        if (rest.isNull())
            body.remove(type);
        else
            body[type] = rest;
    });
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

QString onlyEditedPartChanged(const QJsonObject &before, const QJsonObject &after,
                              const WriterEdit &edit)
{
    return onlyEditedPartChanged(before, after, edit, parsePath(edit.path));
}

QString onlyEditedPartChanged(const QJsonObject &before, const QJsonObject &after,
                              const WriterEdit &edit, const BlockPath &path)
{
    const auto differ = [](const QJsonObject &a, const QJsonObject &b, const char *what) {
        return a == b ? QString()
                      : QStringLiteral("%1:\n  %2\n  %3")
                            .arg(QString::fromUtf8(what), QString::fromUtf8(compact(a)),
                                 QString::fromUtf8(compact(b)));
    };
    switch (edit.op) {
    case WriterEdit::Op::AddBlock:
        return differ(before, withoutBlock(after, path, {edit.name, labelsOf(edit.arg)}),
                      "the rest changed");
    case WriterEdit::Op::RemoveBlock:
        return differ(withoutBlock(before, path.first(path.size() - 1), path.last()), after,
                      "the rest changed");
    case WriterEdit::Op::Rename: {
        BlockPath renamed = path;
        renamed.last().labels[edit.a] = edit.arg;
        const BlockPath parent = path.first(path.size() - 1);
        if (QString d = differ(bodyAt(before, path), bodyAt(after, renamed), "the block changed");
            !d.isEmpty())
            return d;
        return differ(withoutBlock(before, parent, path.last()),
                      withoutBlock(after, parent, renamed.last()), "the rest changed");
    }
    default: {
        const QString key = QString::fromUtf8(edit.name);
        const QJsonValue old = bodyAt(before, path).value(key);
        const QJsonValue now = bodyAt(after, path).value(key);
        if (old == now)
            return QStringLiteral("the value of %1 did not change").arg(key);
        if (edit.op == WriterEdit::Op::Remove && !now.isUndefined())
            return QStringLiteral("%1 is still there").arg(key);
        return differ(withoutKey(before, path, edit.name), withoutKey(after, path, edit.name),
                      "the rest changed");
    }
    }
}

} // namespace EnvDeck::HclTest
