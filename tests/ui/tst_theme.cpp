// SPDX-License-Identifier: GPL-3.0-or-later
// The light and dark themes and the action icons: the palettes keep text readable (WCAG contrast),
// the diagram and the charts derive readable colours from them, a switch reaches the open window
// without a restart, System puts the start-up look back, and the SVG icons render sharp at any
// scale factor in the palette's colours.

#include "Icons.h"
#include "MainWindow.h"
#include "RepositoryPage.h"
#include "Screenshots.h"
#include "TestSupport.h"
#include "Theme.h"
#include "TimelineTab.h"
#include "VersionMatrixView.h"

#include "demo/DemoRepository.h"
#include "diagram/DiagramPage.h"
#include "diagram/DiagramStyle.h"
#include "diagram/DiagramView.h"
#include "matrix/VersionWorkspace.h"
#include "timeline/ChartSupport.h"
#include "timeline/TimelinePage.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtCharts/QChart>

#include <cmath>

using namespace EnvDeck;
using Diagram::DiagramStyle;

namespace {

// WCAG 2 relative luminance and contrast ratio: 4.5 is the minimum for text, 3 for large text
// and the parts of a drawing that must be told apart.
double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
           + 0.0722 * channel(rgb.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString describe(const QColor &a, const QColor &b)
{
    return QStringLiteral("%1 on %2: %3:1").arg(a.name(), b.name()).arg(contrast(a, b), 0, 'f', 2);
}

QPalette paletteNamed(const QString &name)
{
    return name == u"dark" ? Theme::darkPalette() : Theme::lightPalette();
}

// The mean lightness (0-255) of an image, to tell a dark drawing from a light one.
int meanLightness(const QImage &image)
{
    const QImage small = image.scaled(64, 64, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    qint64 sum = 0;
    for (int y = 0; y < small.height(); ++y) {
        for (int x = 0; x < small.width(); ++x)
            sum += QColor(small.pixel(x, y)).lightness();
    }
    return int(sum / (small.width() * small.height()));
}

} // namespace

class tst_Theme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QSettings().remove(Theme::settingsKey());
        QCOMPARE(Theme::storedMode(), Theme::Mode::System);
    }

    void cleanup() { Theme::apply(Theme::Mode::System); }

    void modeKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<Theme::Mode>("mode");
        QTest::addColumn<QString>("storedAs");
        QTest::newRow("system") << "system" << Theme::Mode::System << "system";
        QTest::newRow("light") << "light" << Theme::Mode::Light << "light";
        QTest::newRow("dark") << "dark" << Theme::Mode::Dark << "dark";
        QTest::newRow("empty") << "" << Theme::Mode::System << "system";
        QTest::newRow("unknown") << "solarized" << Theme::Mode::System << "system";
        QTest::newRow("case matters") << "Dark" << Theme::Mode::System << "system";
    }

    void modeKeys()
    {
        QFETCH(QString, key);
        QFETCH(Theme::Mode, mode);
        QFETCH(QString, storedAs);
        QCOMPARE(Theme::modeFromKey(key), mode);
        QCOMPARE(Theme::modeKey(mode), storedAs);
        QSettings().setValue(Theme::settingsKey(), key);
        QCOMPARE(Theme::storedMode(), mode);
        Theme::storeMode(mode);
        QCOMPARE(QSettings().value(Theme::settingsKey()).toString(), storedAs);
        QSettings().remove(Theme::settingsKey());
    }

    void paletteContrast_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::addColumn<QPalette::ColorRole>("foreground");
        QTest::addColumn<QPalette::ColorRole>("background");
        QTest::addColumn<double>("minimum");
        const QList<std::tuple<const char *, QPalette::ColorRole, QPalette::ColorRole, double>>
            pairs{
                {"window text", QPalette::WindowText, QPalette::Window, 4.5},
                {"text", QPalette::Text, QPalette::Base, 4.5},
                {"alternate rows", QPalette::Text, QPalette::AlternateBase, 4.5},
                {"buttons", QPalette::ButtonText, QPalette::Button, 4.5},
                {"selection", QPalette::HighlightedText, QPalette::Highlight, 4.5},
                {"tooltips", QPalette::ToolTipText, QPalette::ToolTipBase, 4.5},
                {"links", QPalette::Link, QPalette::Base, 4.5},
                {"placeholders", QPalette::PlaceholderText, QPalette::Base, 3.0},
            };
        for (const QString &palette : {QStringLiteral("light"), QStringLiteral("dark")}) {
            for (const auto &[name, foreground, background, minimum] : pairs)
                QTest::addRow("%s %s", qPrintable(palette), name)
                    << palette << foreground << background << minimum;
        }
    }

    void paletteContrast()
    {
        QFETCH(QString, palette);
        QFETCH(QPalette::ColorRole, foreground);
        QFETCH(QPalette::ColorRole, background);
        QFETCH(double, minimum);
        const QPalette colours = paletteNamed(palette);
        const QColor fg = colours.color(QPalette::Active, foreground);
        const QColor bg = colours.color(QPalette::Active, background);
        QVERIFY2(contrast(fg, bg) >= minimum, qPrintable(describe(fg, bg)));
        QCOMPARE(Theme::isDark(colours), palette == u"dark");
    }

    // Every kind of node box keeps its name and details readable, and its frame visible, in
    // both themes.
    void diagramReadable_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::addColumn<Diagram::NodeKind>("kind");
        const QList<std::pair<const char *, Diagram::NodeKind>> kinds{
            {"input", Diagram::NodeKind::Input},
            {"module", Diagram::NodeKind::Module},
            {"helm release", Diagram::NodeKind::HelmRelease},
            {"secret", Diagram::NodeKind::Secret},
            {"config map", Diagram::NodeKind::ConfigMap},
        };
        for (const QString &palette : {QStringLiteral("light"), QStringLiteral("dark")}) {
            for (const auto &[name, kind] : kinds)
                QTest::addRow("%s %s", qPrintable(palette), name) << palette << kind;
        }
    }

    void diagramReadable()
    {
        QFETCH(QString, palette);
        QFETCH(Diagram::NodeKind, kind);
        const DiagramStyle style(paletteNamed(palette));
        QCOMPARE(style.isDark(), palette == u"dark");
        const QColor fill = style.nodeFill(kind);
        QVERIFY2(contrast(style.text(), fill) >= 4.5, qPrintable(describe(style.text(), fill)));
        QVERIFY2(contrast(style.mutedText(), fill) >= 3.0,
                 qPrintable(describe(style.mutedText(), fill)));
        QVERIFY2(contrast(style.text(), style.background()) >= 4.5,
                 qPrintable(describe(style.text(), style.background())));
        // The frame and the kind colour tell the box from the background.
        QVERIFY2(contrast(style.kindColour(kind), style.background()) >= 3.0,
                 qPrintable(describe(style.kindColour(kind), style.background())));
        // Added, removed and changed boxes keep readable names too.
        for (Diagram::DiffState state : {Diagram::DiffState::Added, Diagram::DiffState::Removed,
                                         Diagram::DiffState::Changed}) {
            const QColor diffFill = style.diffFill(state, kind);
            QVERIFY2(contrast(style.text(), diffFill) >= 4.5,
                     qPrintable(describe(style.text(), diffFill)));
        }
    }

    void chartReadable_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::newRow("light") << "light";
        QTest::newRow("dark") << "dark";
    }

    void chartReadable()
    {
        QFETCH(QString, palette);
        const QPalette colours = paletteNamed(palette);
        QChart chart;
        Timeline::applyChartPalette(&chart, colours);
        const QColor background = chart.backgroundBrush().color();
        QCOMPARE(Theme::isDark(colours), background.lightness() < 128);
        const QColor title = chart.titleBrush().color();
        QVERIFY2(contrast(title, background) >= 4.5, qPrintable(describe(title, background)));
        // Every series colour and the run results stand out from the plot area they are drawn
        // on (WCAG's 3:1 for graphics).
        const QColor plot = chart.plotAreaBackgroundBrush().color();
        for (int index = 0; index < 10; ++index) {
            const QColor series = Timeline::componentColor(index);
            QVERIFY2(
                contrast(series, plot) >= 3.0,
                qPrintable(QStringLiteral("component %1: ").arg(index) + describe(series, plot)));
        }
        for (const QString &result : {QStringLiteral("succeeded"), QStringLiteral("failed")}) {
            const QColor colour = Timeline::resultColor(result);
            QVERIFY2(contrast(colour, plot) >= 3.0,
                     qPrintable(result + QStringLiteral(": ") + describe(colour, plot)));
        }
    }

    void applyAndRestore()
    {
        const QString startStyle = QApplication::style()->name();
        const QPalette startPalette = QApplication::palette();

        Theme::apply(Theme::Mode::Dark);
        QCOMPARE(Theme::currentMode(), Theme::Mode::Dark);
        QVERIFY(Theme::isDark(QApplication::palette()));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QCOMPARE(QApplication::palette().color(QPalette::Base),
                 Theme::darkPalette().color(QPalette::Base));

        Theme::apply(Theme::Mode::Light);
        QVERIFY(!Theme::isDark(QApplication::palette()));
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 Theme::lightPalette().color(QPalette::Window));

        Theme::apply(Theme::Mode::System);
        QCOMPARE(QApplication::style()->name(), startStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 startPalette.color(QPalette::Window));
        QCOMPARE(QApplication::palette().color(QPalette::Text), startPalette.color(QPalette::Text));
    }

    // Each drawing renders at the device pixels of a 1x, 1.5x and 2x screen, not scaled up
    // from a small bitmap.
    void iconsHighDpi_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("ratio");
        QDirIterator drawings(QStringLiteral(":/icons/actions"), {QStringLiteral("*.svg")});
        QStringList names;
        while (drawings.hasNext())
            names.append(drawings.nextFileInfo().completeBaseName());
        names.sort();
        QVERIFY(names.size() >= 20);
        for (const QString &name : std::as_const(names)) {
            for (double ratio : {1.0, 1.5, 2.0})
                QTest::addRow("%s @%.1fx", qPrintable(name), ratio) << name << ratio;
        }
    }

    void iconsHighDpi()
    {
        QFETCH(QString, name);
        QFETCH(double, ratio);
        QVERIFY(Icons::exists(name));
        const QIcon icon = Icons::icon(name);
        QVERIFY(!icon.isNull());
        const QPixmap pixmap = icon.pixmap(QSize(16, 16), ratio);
        const int pixels = int(std::lround(16 * ratio));
        QCOMPARE(pixmap.size(), QSize(pixels, pixels));
        QCOMPARE(pixmap.devicePixelRatio(), ratio);
        // Drawn (a 24-unit drawing with 2-unit strokes covers more than a
        // twenty-fifth of the square, even a single bar),
        // with anti-aliased edges, and its most opaque pixels in the palette's text colour.
        const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        int covered = 0;
        int partial = 0;
        QColor strongest(Qt::transparent);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (pixel.alpha() > 0)
                    ++covered;
                if (pixel.alpha() > 0 && pixel.alpha() < 255)
                    ++partial;
                if (pixel.alpha() > strongest.alpha())
                    strongest = pixel;
            }
        }
        QVERIFY2(
            covered * 25 > pixels * pixels,
            qPrintable(QStringLiteral("%1 of %2 pixels drawn").arg(covered).arg(pixels * pixels)));
        QVERIFY(partial > 0);
        QVERIFY2(strongest.alpha() > 128, qPrintable(QString::number(strongest.alpha())));
        const QColor text = QApplication::palette().color(QPalette::WindowText);
        for (const auto &[got, want] :
             {std::pair{strongest.red(), text.red()}, std::pair{strongest.green(), text.green()},
              std::pair{strongest.blue(), text.blue()}})
            QVERIFY2(std::abs(got - want) <= 3,
                     qPrintable(strongest.name() + QStringLiteral(" is not ") + text.name()));
    }

    void iconsFollowTheTheme_data()
    {
        QTest::addColumn<Theme::Mode>("mode");
        QTest::addColumn<QIcon::Mode>("iconMode");
        QTest::addColumn<QPalette::ColorGroup>("group");
        QTest::addColumn<QPalette::ColorRole>("role");
        QTest::newRow("light") << Theme::Mode::Light << QIcon::Normal << QPalette::Active
                               << QPalette::WindowText;
        QTest::newRow("dark") << Theme::Mode::Dark << QIcon::Normal << QPalette::Active
                              << QPalette::WindowText;
        QTest::newRow("dark disabled")
            << Theme::Mode::Dark << QIcon::Disabled << QPalette::Disabled << QPalette::WindowText;
        QTest::newRow("light selected") << Theme::Mode::Light << QIcon::Selected << QPalette::Active
                                        << QPalette::HighlightedText;
    }

    void iconsFollowTheTheme()
    {
        QFETCH(Theme::Mode, mode);
        QFETCH(QIcon::Mode, iconMode);
        QFETCH(QPalette::ColorGroup, group);
        QFETCH(QPalette::ColorRole, role);
        const QIcon icon = Icons::icon(QStringLiteral("lock"));
        Theme::apply(mode);
        const QImage image = icon.pixmap(QSize(32, 32), 1.0, iconMode)
                                 .toImage()
                                 .convertToFormat(QImage::Format_ARGB32);
        const QColor expected = QApplication::palette().color(group, role);
        bool found = false;
        for (int y = 0; y < image.height() && !found; ++y) {
            for (int x = 0; x < image.width() && !found; ++x) {
                const QColor pixel = image.pixelColor(x, y);
                found = pixel.alpha() > 200 && std::abs(pixel.red() - expected.red()) <= 3
                        && std::abs(pixel.green() - expected.green()) <= 3
                        && std::abs(pixel.blue() - expected.blue()) <= 3;
            }
        }
        QVERIFY2(found, qPrintable(expected.name()));
    }

    // An icon in a colour of its own (the padlock in the staging colour) keeps it in both
    // themes, and still greys out when disabled.
    void fixedColourIcon_data()
    {
        QTest::addColumn<Theme::Mode>("mode");
        QTest::addColumn<QIcon::Mode>("iconMode");
        QTest::addColumn<bool>("fixed");
        QTest::newRow("light") << Theme::Mode::Light << QIcon::Normal << true;
        QTest::newRow("dark") << Theme::Mode::Dark << QIcon::Normal << true;
        QTest::newRow("dark disabled") << Theme::Mode::Dark << QIcon::Disabled << false;
    }

    void fixedColourIcon()
    {
        QFETCH(Theme::Mode, mode);
        QFETCH(QIcon::Mode, iconMode);
        QFETCH(bool, fixed);
        const QColor amber(0xb4, 0x53, 0x09);
        Theme::apply(mode);
        const QImage image = Icons::icon(QStringLiteral("lock"), amber)
                                 .pixmap(QSize(32, 32), 1.0, iconMode)
                                 .toImage()
                                 .convertToFormat(QImage::Format_ARGB32);
        QColor strongest(Qt::transparent);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixelColor(x, y).alpha() > strongest.alpha())
                    strongest = image.pixelColor(x, y);
            }
        }
        const QColor expected
            = fixed ? amber
                    : QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
        QVERIFY2(std::abs(strongest.red() - expected.red()) <= 3
                     && std::abs(strongest.green() - expected.green()) <= 3
                     && std::abs(strongest.blue() - expected.blue()) <= 3,
                 qPrintable(strongest.name() + QStringLiteral(" is not ") + expected.name()));
    }

    void unknownIconIsNull()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("No icon drawing")));
        QVERIFY(Icons::icon(QStringLiteral("no-such-drawing")).isNull());
        QVERIFY(!Icons::exists(QStringLiteral("no-such-drawing")));
    }

    // The open window follows a switch at once: menus get icons, the diagram and the timeline
    // turn dark and light again, without reopening anything.
    void windowFollowsTheSwitch()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("infra"));
        Demo::Options options;
        options.endTime = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
        auto made = Demo::generate(demo, options);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));

        MainWindow window;
        window.resize(1400, 900);
        window.show();
        for (const char *name : {"actionOpenRepository", "actionReload", "actionReviewCommit",
                                 "actionQaReview", "actionPromote", "actionRollBack"}) {
            auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
            QVERIFY2(action && !action->icon().isNull(), name);
        }
        QSignalSpy loaded(&window, &MainWindow::repositoryLoaded);
        window.openRepository(demo);
        QVERIFY(loaded.wait(60000));
        auto *page = window.findChild<RepositoryPage *>();
        QTRY_VERIFY_WITH_TIMEOUT(!page->versionMatrix()->isLoading()
                                     && !page->versionMatrix()->workspace()->isEmpty(),
                                 60000);
        QVERIFY(page->selectEnvironment(QStringLiteral("prod-eu")));

        Theme::apply(Theme::Mode::Light);
        saveScreenshot(&window, QStringLiteral("main-window-light.png"));
        Theme::apply(Theme::Mode::Dark);
        QTest::qWait(50);
        QVERIFY(meanLightness(window.grab().toImage()) < 100);
        saveScreenshot(&window, QStringLiteral("main-window-dark.png"));
        // The Release menu shows its actions' icons in the dark theme's text colour.
        QMenu *release = window.findChild<QMenu *>(QStringLiteral("menuRelease"));
        QVERIFY(release);
        release->popup(window.mapToGlobal(QPoint(120, 20)));
        QTRY_VERIFY(release->isVisible());
        saveScreenshot(release, QStringLiteral("release-menu-dark.png"));
        release->close();

        page->tabs()->setCurrentWidget(page->diagramPage());
        Diagram::DiagramView *view = page->diagramPage()->view();
        QTRY_VERIFY(view->isVisible());
        QTest::qWait(100);
        QVERIFY(meanLightness(view->grab().toImage()) < 100);
        saveScreenshot(&window, QStringLiteral("diagram-dark.png"));

        QSignalSpy timelineLoaded(page->timelineTab(), &TimelineTab::loaded);
        page->tabs()->setCurrentWidget(page->timelineTab());
        QVERIFY(timelineLoaded.wait(60000));
        QTest::qWait(100);
        QVERIFY(meanLightness(page->timelineTab()->grab().toImage()) < 100);
        saveScreenshot(&window, QStringLiteral("timeline-dark.png"));
        QLabel *banner = page->timelineTab()->page()->banner();
        QVERIFY(banner->isVisible());
        const QString darkBanner = banner->styleSheet();

        // Back to light while the timeline shows: its charts follow too.
        Theme::apply(Theme::Mode::Light);
        QTest::qWait(100);
        QVERIFY(meanLightness(page->timelineTab()->grab().toImage()) > 150);
        // The demo-data banner takes the light theme's tone colours too.
        QVERIFY(!banner->styleSheet().isEmpty());
        QVERIFY(banner->styleSheet() != darkBanner);
        page->tabs()->setCurrentWidget(page->diagramPage());
        QTRY_VERIFY(view->isVisible());
        QTest::qWait(100);
        QVERIFY(meanLightness(view->grab().toImage()) > 150);
    }
};

ENVDECK_TEST_MAIN_GUI(tst_Theme)
#include "tst_theme.moc"
