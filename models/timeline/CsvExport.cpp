// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/CsvExport.h"

#include "timeline/TimelineLogging.h"

#include <QSaveFile>

namespace EnvDeck::Timeline {

QString csvField(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
                       || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString toCsv(const QAbstractItemModel &model)
{
    const QLatin1String lineEnd("\r\n");
    QString csv;
    const int columns = model.columnCount();
    QStringList fields;
    for (int column = 0; column < columns; ++column)
        fields.append(csvField(model.headerData(column, Qt::Horizontal).toString()));
    csv += fields.join(QLatin1Char(',')) + lineEnd;
    for (int row = 0; row < model.rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < columns; ++column)
            fields.append(csvField(model.index(row, column).data().toString()));
        csv += fields.join(QLatin1Char(',')) + lineEnd;
    }
    return csv;
}

Result<void> writeCsv(const QAbstractItemModel &model, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    file.write(toCsv(model).toUtf8());
    if (!file.commit())
        return Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    qCInfo(lcTimeline) << "Exported" << model.rowCount() << "rows to" << path;
    return {};
}

} // namespace EnvDeck::Timeline
