// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time host tool: renders the application's SVG icon into the PNG sizes of the hicolor
// icon theme (and, on request, a Windows .ico holding the same sizes), so that no generated
// image is ever committed and every size follows the one SVG source.
//
// Usage: envdeck_render_icons <icon.svg> <output-dir> <size>... [--ico <file.ico>]
// Writes <output-dir>/<size>x<size>/io.example.EnvDeck.png for each size.

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "envdeck_render_icons: %s\n", qPrintable(message));
}

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// An .ico is a small directory followed by PNG images (allowed since Windows Vista), which keeps
// the tool free of any image plugin besides PNG.
bool writeIco(const QString &path, const QList<QImage> &images)
{
    QByteArray out;
    const auto put16 = [&out](quint16 value) {
        const quint16 le = qToLittleEndian(value);
        out.append(reinterpret_cast<const char *>(&le), sizeof le);
    };
    const auto put32 = [&out](quint32 value) {
        const quint32 le = qToLittleEndian(value);
        out.append(reinterpret_cast<const char *>(&le), sizeof le);
    };
    QList<QByteArray> pngs;
    for (const QImage &image : images)
        pngs.append(pngBytes(image));

    put16(0); // reserved
    put16(1); // type: icon
    put16(quint16(images.size()));
    quint32 offset = 6 + 16 * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = images.at(i).width();
        out.append(char(size >= 256 ? 0 : size)); // 0 means 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // palette colours
        out.append(char(0)); // reserved
        put16(1);            // colour planes
        put16(32);           // bits per pixel
        put32(quint32(pngs.at(i).size()));
        put32(offset);
        offset += quint32(pngs.at(i).size());
    }
    for (const QByteArray &png : pngs)
        out.append(png);

    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(out) == out.size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString icoPath;
    if (const qsizetype at = args.indexOf(QStringLiteral("--ico")); at >= 0) {
        if (at + 1 >= args.size()) {
            fail(QStringLiteral("--ico needs a file name"));
            return 2;
        }
        icoPath = args.at(at + 1);
        args.remove(at, 2);
    }
    if (args.size() < 3) {
        fail(QStringLiteral("usage: envdeck_render_icons <icon.svg> <output-dir> <size>... "
                            "[--ico <file.ico>]"));
        return 2;
    }

    QSvgRenderer renderer(args.at(0));
    if (!renderer.isValid()) {
        fail(QStringLiteral("%1: not a readable SVG image").arg(args.at(0)));
        return 1;
    }
    const QDir output(args.at(1));
    QList<QImage> images;
    for (const QString &text : args.mid(2)) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size < 1 || size > 1024) {
            fail(QStringLiteral("'%1' is not an icon size between 1 and 1024").arg(text));
            return 2;
        }
        const QString folder = QStringLiteral("%1x%1").arg(size);
        const QString file = output.filePath(folder + QStringLiteral("/io.example.EnvDeck.png"));
        const QImage image = render(renderer, size);
        if (!output.mkpath(folder) || !image.save(file, "PNG")) {
            fail(QStringLiteral("%1: cannot write the PNG image").arg(file));
            return 1;
        }
        images.append(image);
    }
    if (!icoPath.isEmpty() && !writeIco(icoPath, images)) {
        fail(QStringLiteral("%1: cannot write the icon file").arg(icoPath));
        return 1;
    }
    return 0;
}
