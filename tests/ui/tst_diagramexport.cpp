// SPDX-License-Identifier: GPL-3.0-or-later
// The diagram's exports (SVG with every label as text, PNG of the right size, atomic writes and
// clear errors) and the HCL highlighting the file viewer uses for Terraform files.
#include "DiagramFixture.h"
#include "TestSupport.h"

#include "FileViewerDialog.h"
#include "HclHighlighter.h"
#include "diagram/DiagramExport.h"
#include "diagram/DiagramScene.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QXmlStreamReader>

using namespace EnvDeck;
using namespace EnvDeck::Diagram;
using namespace DiagramFixture;

namespace {

QString formatName(const QTextCharFormat &format, bool dark)
{
    using Token = HclHighlighter::Token;
    for (Token token : {Token::Comment, Token::String, Token::Interpolation, Token::Number,
                        Token::Keyword, Token::BlockType, Token::Attribute}) {
        if (format.foreground() == HclHighlighter::format(token, dark).foreground())
            return QString::number(int(token));
    }
    return QStringLiteral("none");
}

} // namespace

class tst_DiagramExport : public QObject
{
    Q_OBJECT

private slots:
    void exportSvg();
    void exportPng_data();
    void exportPng();
    void hclHighlighter_data();
    void hclHighlighter();
};

void tst_DiagramExport::exportSvg()
{
    GraphModel model;
    DiagramScene scene(&model);
    fill(model, scene.font());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("staging.svg"));
    const Result<void> written = Diagram::exportSvg(&scene, path);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    QString title;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        else if (xml.isStartElement() && xml.name() == QLatin1String("title"))
            title = xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(title, QStringLiteral("Environment staging"));
    for (const Node &node : model.graph().nodes) {
        QVERIFY2(texts.contains(node.label), qPrintable(node.label));
        if (!node.version.isEmpty())
            QVERIFY2(texts.contains(node.version), qPrintable(node.version));
    }
    QVERIFY(texts.contains(QStringLiteral("×3")));

    const Result<void> failed
        = Diagram::exportSvg(&scene, dir.filePath(QStringLiteral("no/such/dir/x.svg")));
    QVERIFY(!failed.ok());
    QVERIFY(failed.error().message().contains(QStringLiteral("x.svg")));
}

void tst_DiagramExport::exportPng_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
}

void tst_DiagramExport::exportPng()
{
    QFETCH(double, scale);
    GraphModel model;
    DiagramScene scene(&model);
    fill(model, scene.font());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("staging.png"));
    const Result<void> written = Diagram::exportPng(&scene, path, scale);
    QVERIFY(written.ok());
    const QImage image(path);
    QVERIFY(!image.isNull());
    const QRectF expected = scene.diagramRect().adjusted(-16, -16, 16, 16);
    QCOMPARE(image.size(), (expected.size() * scale).toSize());
    // Not blank: the nodes' borders differ from the background.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 10);

    GraphModel empty;
    DiagramScene emptyScene(&empty);
    QVERIFY(!Diagram::exportPng(&emptyScene, path, scale).ok());
}

void tst_DiagramExport::hclHighlighter_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("token");
    using Token = HclHighlighter::Token;
    QTest::newRow("hash comment") << QStringLiteral("# network for staging")
                                  << QStringLiteral("network") << int(Token::Comment);
    QTest::newRow("slash comment") << QStringLiteral("  cidr = 1 // the range")
                                   << QStringLiteral("range") << int(Token::Comment);
    QTest::newRow("string") << QStringLiteral("  source = \"../modules/net\"")
                            << QStringLiteral("modules") << int(Token::String);
    QTest::newRow("interpolation") << QStringLiteral("  name = \"aks-${var.env}\"")
                                   << QStringLiteral("var.env") << int(Token::Interpolation);
    QTest::newRow("number") << QStringLiteral("  count = 3") << QStringLiteral("3")
                            << int(Token::Number);
    QTest::newRow("keyword") << QStringLiteral("  enabled = true") << QStringLiteral("true")
                             << int(Token::Keyword);
    QTest::newRow("block type") << QStringLiteral("module \"network\" {")
                                << QStringLiteral("module") << int(Token::BlockType);
    QTest::newRow("heredoc body") << QStringLiteral("  values = <<-EOT\n    replicas: 2\n  EOT")
                                  << QStringLiteral("replicas") << int(Token::String);
    QTest::newRow("heredoc interpolation")
        << QStringLiteral("  values = <<EOT\nname: ${var.env}\nEOT") << QStringLiteral("var.env")
        << int(Token::Interpolation);
    QTest::newRow("after heredoc") << QStringLiteral("  v = <<EOT\nx: y\nEOT\n  count = 3")
                                   << QStringLiteral("3") << int(Token::Number);
    QTest::newRow("attribute") << QStringLiteral("  version = \"1.2.0\"")
                               << QStringLiteral("version") << int(Token::Attribute);
}

void tst_DiagramExport::hclHighlighter()
{
    QFETCH(QString, line);
    QFETCH(QString, fragment);
    QFETCH(int, token);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("main.tf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("/* a block\n comment */\n" + line.toUtf8() + "\n");
    file.close();
    FileViewerDialog dialog;
    QVERIFY(dialog.showFile(path, QStringLiteral("main.tf"), 3, 1));
    QVERIFY(dialog.highlighter());
    const bool dark = dialog.highlighter()->isDark();
    const auto formatAt = [&](int blockNumber, qsizetype position) {
        const QTextBlock block = dialog.editor()->document()->findBlockByNumber(blockNumber);
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (position >= range.start && position < range.start + range.length)
                return formatName(range.format, dark);
        }
        return QStringLiteral("none");
    };
    QCOMPARE(formatAt(1, 2), QString::number(int(HclHighlighter::Token::Comment))); // multi-line
    // The fragment's first occurrence after the comment (a row may span several lines).
    int blockNumber = 2;
    QTextBlock block = dialog.editor()->document()->findBlockByNumber(blockNumber);
    while (block.isValid() && !block.text().contains(fragment)) {
        block = block.next();
        ++blockNumber;
    }
    QVERIFY(block.isValid());
    QCOMPARE(formatAt(blockNumber, block.text().indexOf(fragment)), QString::number(token));
}

ENVDECK_TEST_MAIN_GUI(tst_DiagramExport)
#include "tst_diagramexport.moc"
