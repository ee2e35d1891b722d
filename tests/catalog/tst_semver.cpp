// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "catalog/Semver.h"
#include "catalog/VersionRange.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace EnvDeck;

class TestSemver : public QObject
{
    Q_OBJECT

private slots:
    void parsesValid_data();
    void parsesValid();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void precedence_data();
    void precedence();
    void sortsSpecExample();
    void sortsNewestFirst();
    void rangeMatches_data();
    void rangeMatches();
    void rangeReducesToComparators_data();
    void rangeReducesToComparators();
    void rangeRejectsMalformed_data();
    void rangeRejectsMalformed();
    void pattern_data();
    void pattern();
};

void TestSemver::parsesValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<qulonglong>("major");
    QTest::addColumn<qulonglong>("minor");
    QTest::addColumn<qulonglong>("patch");
    QTest::addColumn<QString>("prerelease");
    QTest::addColumn<QString>("build");
    QTest::addColumn<bool>("vPrefix");

    QTest::newRow("plain") << "1.2.3"
                           << "1.2.3" << 1ULL << 2ULL << 3ULL << ""
                           << "" << false;
    QTest::newRow("zeros") << "0.0.0"
                           << "0.0.0" << 0ULL << 0ULL << 0ULL << ""
                           << "" << false;
    QTest::newRow("pre and build") << "1.2.3-rc.1+build.5"
                                   << "1.2.3-rc.1+build.5" << 1ULL << 2ULL << 3ULL << "rc|1"
                                   << "build|5" << false;
    QTest::newRow("v prefix") << "v2.4.1"
                              << "2.4.1" << 2ULL << 4ULL << 1ULL << ""
                              << "" << true;
    QTest::newRow("v prefix, pre") << "v1.0.0-beta"
                                   << "1.0.0-beta" << 1ULL << 0ULL << 0ULL << "beta"
                                   << "" << true;
    QTest::newRow("build only, leading zeros allowed")
        << "1.0.0+build.007"
        << "1.0.0+build.007" << 1ULL << 0ULL << 0ULL << ""
        << "build|007" << false;
    QTest::newRow("hyphens in identifiers")
        << "1.0.0-x-y-z.--"
        << "1.0.0-x-y-z.--" << 1ULL << 0ULL << 0ULL << "x-y-z|--"
        << "" << false;
    QTest::newRow("alphanumeric with leading zero") << "1.2.3-0a"
                                                    << "1.2.3-0a" << 1ULL << 2ULL << 3ULL << "0a"
                                                    << "" << false;
    QTest::newRow("large numbers") << "10.200.3000"
                                   << "10.200.3000" << 10ULL << 200ULL << 3000ULL << ""
                                   << "" << false;
    QTest::newRow("spec build example")
        << "1.0.0-beta+exp.sha.5114f85"
        << "1.0.0-beta+exp.sha.5114f85" << 1ULL << 0ULL << 0ULL << "beta"
        << "exp|sha|5114f85" << false;
}

void TestSemver::parsesValid()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(qulonglong, major);
    QFETCH(qulonglong, minor);
    QFETCH(qulonglong, patch);
    QFETCH(QString, prerelease);
    QFETCH(QString, build);
    QFETCH(bool, vPrefix);

    const Result<Semver> version = Semver::parse(text);
    QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().message()));
    QCOMPARE(version->canonical(), canonical);
    QCOMPARE(version->toString(), text);
    QCOMPARE(version->majorVersion(), major);
    QCOMPARE(version->minorVersion(), minor);
    QCOMPARE(version->patchVersion(), patch);
    QCOMPARE(version->prerelease().join(u'|'), prerelease);
    QCOMPARE(version->build().join(u'|'), build);
    QCOMPARE(version->hasVPrefix(), vPrefix);
    QVERIFY(Semver::isValid(text));
}

void TestSemver::rejectsInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    const auto row
        =
            [](const char *name, const QString &text, const QString &what) {
                QTest::newRow(name)
                    << text
                    << QStringLiteral("\"%1\" is not a semantic version: %2").arg(text, what);
            };
    row("empty", "", "the text is empty");
    row("two parts", "1.2", "expected '.' and the patch version at column 4");
    row("one part", "1", "expected '.' and the minor version at column 2");
    row("leading zero major", "01.2.3", "the major version 01 has a leading zero at column 1");
    row("leading zero minor", "1.02.3", "the minor version 02 has a leading zero at column 3");
    row("empty pre-release", "1.2.3-", "empty pre-release identifier at column 7");
    row("empty pre-release identifier", "1.2.3-alpha..1",
        "empty pre-release identifier at column 13");
    row("numeric pre-release leading zero", "1.2.3-01",
        "the numeric pre-release identifier 01 has a leading zero at column 7");
    row("empty build", "1.2.3+", "empty build identifier at column 7");
    row("empty build identifier", "1.2.3-rc.1+build..5", "empty build identifier at column 18");
    row("trailing blank", "1.2.3 ", "unexpected character ' ' at column 6");
    row("leading blank", " 1.2.3", "expected the major version (a number), found ' ' at column 1");
    row("only v", "v", "expected the major version (a number) at column 2");
    row("capital V", "V1.2.3", "expected the major version (a number), found 'V' at column 1");
    row("underscore", "1.2.3-alpha_beta", "invalid character '_' in the pre-release at column 12");
    row("four parts", "1.2.3.4", "unexpected character '.' at column 6");
    row("wildcard", "1.2.x", "expected the patch version (a number), found 'x' at column 5");
    row("too large", "99999999999999999999.0.0",
        "the major version 99999999999999999999 is too large at column 1");
    row("non-ASCII", QStringLiteral("1.2.3-\u00e9"),
        QStringLiteral("invalid character '\u00e9' in the pre-release at column 7"));
    row("negative", "-1.2.3", "expected the major version (a number), found '-' at column 1");
    row("build plus", "1.2.3+a+b", "invalid character '+' in the build at column 8");
}

void TestSemver::rejectsInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    const Result<Semver> version = Semver::parse(text);
    QVERIFY(!version.ok());
    QCOMPARE(version.error().message(), message);
    QVERIFY(!Semver::isValid(text));
}

void TestSemver::precedence_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");

    // SemVer 2.0.0 §11, both example lists, each neighbour pair.
    const QStringList spec = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                              "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                              "1.0.0-rc.1",  "1.0.0",         "2.0.0",
                              "2.1.0",       "2.1.1"};
    for (qsizetype i = 0; i + 1 < spec.size(); ++i)
        QTest::addRow("%s < %s", qPrintable(spec.at(i)), qPrintable(spec.at(i + 1)))
            << spec.at(i) << spec.at(i + 1);
    QTest::newRow("numbers compare as numbers") << "1.9.0"
                                                << "1.10.0";
    QTest::newRow("numeric below alphanumeric") << "1.0.0-2"
                                                << "1.0.0-a";
    QTest::newRow("ASCII order, capitals first") << "1.0.0-RC"
                                                 << "1.0.0-rc";
    QTest::newRow("huge pre-release numbers") << "1.0.0-99999999999999999998"
                                              << "1.0.0-99999999999999999999";
    QTest::newRow("v prefix plays no part") << "v1.0.0"
                                            << "1.0.1";
}

void TestSemver::precedence()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);

    const Semver a = Semver::parse(lower).value();
    const Semver b = Semver::parse(higher).value();
    QCOMPARE(Semver::compare(a, b), -1);
    QCOMPARE(Semver::compare(b, a), 1);
    QVERIFY(a < b);
    QVERIFY(b > a);
    QVERIFY(!(a == b));
    QCOMPARE(Semver::compare(a, a), 0);
}

void TestSemver::sortsSpecExample()
{
    const QStringList expected = {"1.0.0-alpha",  "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                                  "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",       "1.0.0"};
    QList<Semver> versions;
    for (const QString &text : expected)
        versions << Semver::parse(text).value();
    std::shuffle(versions.begin(), versions.end(), *QRandomGenerator::global());
    std::sort(versions.begin(), versions.end());
    QStringList sorted;
    for (const Semver &version : versions)
        sorted << version.toString();
    QCOMPARE(sorted, expected);

    // Build metadata does not take part in precedence.
    QCOMPARE(Semver::compare(Semver::parse(u"1.0.0+a").value(), Semver::parse(u"1.0.0+b").value()),
             0);
}

void TestSemver::sortsNewestFirst()
{
    const QStringList sorted = sortVersionsNewestFirst(
        {"1.2.3", "latest", "1.10.0", "1.2.3", "1.10.0-rc.1", "0.9.0", "main"});
    QCOMPARE(sorted, (QStringList{"1.10.0", "1.10.0-rc.1", "1.2.3", "0.9.0", "main", "latest"}));
}

void TestSemver::rangeMatches_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("matches");

    const auto row = [](const QString &range, const QString &version, bool matches) {
        QTest::addRow("%s %s %s", qPrintable(version), matches ? "in" : "not in", qPrintable(range))
            << range << version << matches;
    };
    row(">=2.4.0 <3.0.0", "2.4.1", true);
    row(">=2.4.0 <3.0.0", "2.4.0", true);
    row(">=2.4.0 <3.0.0", "3.0.0", false);
    row(">=2.4.0 <3.0.0", "2.3.9", false);
    row(">=2.4.0 <3.0.0", "2.9.0-rc.1", false);
    row("=1.2.3", "1.2.3", true);
    row("1.2.3", "1.2.3+build.9", true);
    row("1.2.3", "1.2.4", false);
    row(">1.2.3", "1.2.3", false);
    row(">1.2.3", "1.2.4", true);
    row("<1.2.3", "1.2.2", true);
    row("<1.2.3", "1.2.3-rc.1", false);
    row("<=1.2.3", "1.2.3", true);
    row("^1.2.3", "1.9.9", true);
    row("^1.2.3", "2.0.0", false);
    row("^1.2.3", "1.2.2", false);
    row("^1.2.3", "2.0.0-rc.1", false);
    row("^0.2.3", "0.2.9", true);
    row("^0.2.3", "0.3.0", false);
    row("^0.0.3", "0.0.3", true);
    row("^0.0.3", "0.0.4", false);
    row("~1.2.3", "1.2.9", true);
    row("~1.2.3", "1.3.0", false);
    row("~1", "1.9.0", true);
    row("~1", "2.0.0", false);
    row("1.2.x", "1.2.7", true);
    row("1.2.x", "1.3.0", false);
    row("1.x", "1.99.0", true);
    row("1.x", "2.0.0", false);
    row("1.2", "1.2.5", true);
    row("*", "0.0.1", true);
    row("*", "1.0.0-beta", false);
    row("1.2.3 - 2.3.4", "2.3.4", true);
    row("1.2.3 - 2.3.4", "1.2.3", true);
    row("1.2.3 - 2.3.4", "2.3.5", false);
    row("1.2.3 - 2.3", "2.3.9", true);
    row("1.2.3 - 2.3", "2.4.0", false);
    row("1.x || >=2.5.0", "2.5.1", true);
    row("1.x || >=2.5.0", "1.0.0", true);
    row("1.x || >=2.5.0", "2.4.0", false);
    row(">1.2.3-alpha.3", "1.2.3-alpha.7", true);
    row(">1.2.3-alpha.3", "3.4.5-alpha.9", false);
    row(">1.2.3-alpha.3", "3.4.5", true);
    row("^1.2.3-beta.2", "1.2.3-beta.4", true);
    row("^1.2.3-beta.2", "1.2.4-beta.2", false);
    row(">= 1.2.3", "1.2.3", true);
    row("v1.2.3", "v1.2.3", true);
    row("<1.2", "1.1.9", true);
    row("<1.2", "1.2.0", false);
    row(">1.2", "1.2.9", false);
    row(">1.2", "1.3.0", true);
    row("<=1.2", "1.2.9", true);
    row("<=1.2", "1.3.0", false);
    row("*", "not-a-version", false);
}

void TestSemver::rangeMatches()
{
    QFETCH(QString, range);
    QFETCH(QString, version);
    QFETCH(bool, matches);

    const Result<VersionRange> parsed = VersionRange::parse(range);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
    QCOMPARE(parsed->matches(QStringView(version)), matches);
    QCOMPARE(parsed->text(), range);
}

void TestSemver::rangeReducesToComparators_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("comparators");

    QTest::newRow("caret") << "^1.2.3"
                           << ">=1.2.3 <2.0.0-0";
    QTest::newRow("caret 0.x") << "^0.2.3"
                               << ">=0.2.3 <0.3.0-0";
    QTest::newRow("caret 0.0.x") << "^0.0.3"
                                 << ">=0.0.3 <0.0.4-0";
    QTest::newRow("caret wildcard patch") << "^1.2.x"
                                          << ">=1.2.0 <2.0.0-0";
    QTest::newRow("caret 0.0 wildcard") << "^0.0.x"
                                        << ">=0.0.0 <0.1.0-0";
    QTest::newRow("caret 0 wildcard") << "^0.x"
                                      << ">=0.0.0 <1.0.0-0";
    QTest::newRow("tilde") << "~1.2.3"
                           << ">=1.2.3 <1.3.0-0";
    QTest::newRow("tilde two parts") << "~1.2"
                                     << ">=1.2.0 <1.3.0-0";
    QTest::newRow("tilde one part") << "~1"
                                    << ">=1.0.0 <2.0.0-0";
    QTest::newRow("hyphen") << "1.2.3 - 2.3.4"
                            << ">=1.2.3 <=2.3.4";
    QTest::newRow("hyphen partial low") << "1.2 - 2.3.4"
                                        << ">=1.2.0 <=2.3.4";
    QTest::newRow("hyphen partial high") << "1.2.3 - 2"
                                         << ">=1.2.3 <3.0.0-0";
    QTest::newRow("x-range") << "1.x"
                             << ">=1.0.0 <2.0.0-0";
    QTest::newRow("X-range") << "1.2.X"
                             << ">=1.2.0 <1.3.0-0";
    QTest::newRow("star") << "*"
                          << "*";
    QTest::newRow("x") << "x"
                       << "*";
    QTest::newRow("partial greater-equal") << ">=1.2"
                                           << ">=1.2.0";
    QTest::newRow("partial less-equal") << "<=1.2"
                                        << "<1.3.0-0";
    QTest::newRow("partial greater") << ">1.x"
                                     << ">=2.0.0";
    QTest::newRow("bare version") << "1.2.3"
                                  << "=1.2.3";
    QTest::newRow("alternatives") << "1 || 2"
                                  << ">=1.0.0 <2.0.0-0 || >=2.0.0 <3.0.0-0";
    QTest::newRow("v prefix") << "v1.2.3"
                              << "=1.2.3";
    QTest::newRow("operator apart") << "^ 1.2"
                                    << ">=1.2.0 <2.0.0-0";
    QTest::newRow("hyphen of x-ranges") << "1.x - 2.x" << ">=1.0.0 <3.0.0-0";
    QTest::newRow("hyphen from anything") << "* - 2" << "<3.0.0-0";
    QTest::newRow("tilde pre-release") << "~1.2.3-beta.2" << ">=1.2.3-beta.2 <1.3.0-0";
    QTest::newRow("caret 0.0 pre-release") << "^0.0.3-beta" << ">=0.0.3-beta <0.0.4-0";
    QTest::newRow("greater than anything") << ">*" << "<0.0.0-0";
    QTest::newRow("extra blanks") << "  >=2.4.0   <3.0.0 "
                                  << ">=2.4.0 <3.0.0";
}

void TestSemver::rangeReducesToComparators()
{
    QFETCH(QString, range);
    QFETCH(QString, comparators);

    const Result<VersionRange> parsed = VersionRange::parse(range);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
    QCOMPARE(parsed->toString(), comparators);
}

void TestSemver::rangeRejectsMalformed_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("message");

    const auto row
        =
            [](const char *name, const QString &range, const QString &what) {
                QTest::newRow(name)
                    << range
                    << QStringLiteral("malformed version range \"%1\": %2").arg(range, what);
            };
    row("empty", "", "the range is empty at column 1");
    row("blank", "   ", "the range is empty at column 1");
    row("operator only", ">=", "expected a version after '>=' at column 3");
    row("not a version", ">=abc", "\"abc\" is not a version at column 3");
    row("open hyphen", "1.2.3 -", "expected a version after '-' at column 7");
    row("hyphen first", "- 1.2.3", "'-' needs a version on each side at column 1");
    row("terraform pessimistic", "~>1.2", "unknown operator in \"~>1.2\" at column 1");
    row("not equal", "!=1.2.3", "unknown operator in \"!=1.2.3\" at column 1");
    row("empty alternative", "1.2.3 ||", "empty alternative at column 9");
    row("bad pre-release", ">=1.2.3-", "\"1.2.3-\": empty pre-release identifier at column 9");
    row("number after wildcard", "1.x.3",
        "\"1.x.3\": a number cannot follow a wildcard at column 5");
    row("leading zero", "01.2.3", "\"01.2.3\": 01 has a leading zero at column 1");
    row("trailing dot", "1.2.", "\"1.2.\" ends with '.' at column 5");
    row("dangling operator", ">=1.2.3 <", "expected a version after '<' at column 10");
    row("operator in hyphen", ">1.2.3 - 2.0.0",
        "a hyphen range takes plain versions, not \">1.2.3\" at column 1");
    row("second hyphen", "1.0.0 - 2.0.0 - 3.0.0", "'-' needs a version on each side at column 15");
}

void TestSemver::rangeRejectsMalformed()
{
    QFETCH(QString, range);
    QFETCH(QString, message);

    const Result<VersionRange> parsed = VersionRange::parse(range);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message(), message);
}

void TestSemver::pattern_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("matches");

    QTest::newRow("calendar version") << "2026.11.3"
                                      << "[0-9]{4}\\.[0-9]{1,2}\\.[0-9]+" << true;
    QTest::newRow("semver is not calendar") << "1.2.3"
                                            << "[0-9]{4}\\.[0-9]{1,2}\\.[0-9]+" << false;
    QTest::newRow("build number") << "release-42"
                                  << "release-\\d+" << true;
    QTest::newRow("whole text only, front") << "xrelease-42"
                                            << "release-\\d+" << false;
    QTest::newRow("whole text only, end") << "release-42b"
                                          << "release-\\d+" << false;
    QTest::newRow("alternation stays anchored") << "abc"
                                                << "a|abc" << true;
}

void TestSemver::pattern()
{
    QFETCH(QString, version);
    QFETCH(QString, pattern);
    QFETCH(bool, matches);

    const Result<bool> result = matchesPattern(version, pattern);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(*result, matches);

    const Result<bool> broken = matchesPattern(version, QStringLiteral("v(\\d+"));
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().message().startsWith(
                 u"the version pattern \"v(\\d+\" is not a valid regular expression: "),
             qPrintable(broken.error().message()));
}

ENVDECK_TEST_MAIN_CORE(TestSemver)

#include "tst_semver.moc"
