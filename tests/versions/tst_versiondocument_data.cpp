// SPDX-License-Identifier: GPL-3.0-or-later
// The tables of tst_versiondocument: documents in documents/, edits with their exact expected
// outputs in documents/expected/, refusals, parse errors, problems and quoting.
#include "tst_versiondocument.h"

#include <QtTest>

using namespace Qt::StringLiterals;

void TestVersionDocument::reads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    // Per entry: name@key location=version@value location, then what else was read. "+" marks
    // third-party charts. Locations are 1-based line:column (bytes), quotes included.
    const auto row = [](const char *file, const char *expected) {
        QTest::newRow(file) << QString::fromUtf8(file) << QString::fromUtf8(expected);
    };
    row("01-staging-product.yaml",
        "api-gateway@3:3=2.4.1@4:14 locked(QA regression run R-118@8:18) chart=api-gateway "
        "repo=oci://registry.example.io/helm\n"
        "billing@9:3=1.9.0@10:14 requires(api-gateway >=2.4.0 <3.0.0@11:30)\n"
        "+ingress-nginx@13:3=4.8.3@13:29 repo=https://kubernetes.github.io/ingress-nginx");
    row("02-demo-prod.yaml",
        "api-gateway@7:3=2.7.0@8:14 chart=api-gateway repo=oci://registry.example.io/helm\n"
        "billing@12:3=1.12.3@13:14 locked(Card-network certification until 2026-12-01@17:18) "
        "chart=billing repo=oci://registry.example.io/helm requires(api-gateway >=2.4.0 "
        "<3.0.0@18:30)\n"
        "orders@19:3=3.2.0@20:14 chart=orders repo=oci://registry.example.io/helm requires(billing "
        ">=1.10.0@23:26)\n"
        "+cert-manager@26:3=1.13.2@26:28 repo=https://charts.jetstack.io\n"
        "+ingress-nginx@27:3=4.8.3@27:29 repo=https://kubernetes.github.io/ingress-nginx\n"
        "+kube-prometheus-stack@28:3=55.5.0@28:37 "
        "repo=https://prometheus-community.github.io/helm-charts");
    row("03-crlf.yaml",
        "api-gateway@3:3=2.8.0-rc.1@4:14 chart=api-gateway repo=oci://registry.example.io/helm\n"
        "search@7:3=0.9.4@8:14 locked(index migration@10:18)\n"
        "+redis@12:3=18.4.0@12:21 repo=https://charts.bitnami.com/bitnami");
    row("04-no-final-newline.yaml",
        "notifications@3:3=1.4.2@4:14 chart=notifications\n"
        "+ingress-nginx@7:3=4.8.3@7:29 repo=https://kubernetes.github.io/ingress-nginx");
    row("05-four-space.yaml",
        "api-gateway@3:5=2.4.1@4:18 chart=api-gateway repo=oci://registry.example.io/helm\n"
        "billing@8:5=1.9.0@9:18 locked(waiting for PCI scan@13:22) chart=billing "
        "repo=oci://registry.example.io/helm\n"
        "+cert-manager@16:5=v1.13.2@17:18 repo=https://charts.jetstack.io");
    row("06-anchors.yaml",
        "orders@5:3=3.1.0@6:14 chart=orders repo=oci://registry.example.io/helm alias\n"
        "payments@9:3=2.2.0@10:24 chart=payments repo=oci://registry.example.io/helm\n"
        "ledger@13:3=1.0.7@14:14 repo=oci://registry.example.io/helm\n"
        "+ingress-nginx@17:3=4.8.3@17:29 repo=https://kubernetes.github.io/ingress-nginx");
    row("07-quoted-numbers.yaml",
        "legacy-portal@3:3=1.10@4:14 chart=legacy-portal\n"
        "reports@6:3=2.0@7:14 chart=reports\n"
        "scheduler@9:3=1.10.0@10:14 chart=scheduler\n"
        "+postgresql@13:3=13.2@13:26 repo=https://charts.bitnami.com/bitnami");
    row("08-quote-styles.yaml",
        "api-gateway@3:3=2.4.1@4:14 locked(QA's regression run: R-118@7:18) chart=api-gateway\n"
        "billing@8:3=1.9.0@9:14\n"
        "+ingress-nginx@13:3=4.8.3@13:29 repo=https://kubernetes.github.io/ingress-nginx");
    row("09-block-scalars.yaml", "api-gateway@6:3=2.4.1@11:14 chart=api-gateway\n"
                                 "search@13:3=0.9.4@14:14\n"
                                 "+ingress-nginx@18:3=4.8.3@18:29");
    row("10-tabs-comments.yaml", "api-gateway@3:3=2.4.1@4:14 chart=api-gateway\n"
                                 "billing@6:3=1.9.0@7:14 locked(R-118@9:18)");
    row("11-unicode.yaml",
        "übersetzer@4:3=1.2.0@5:14 locked(Abnahme durch Frau Jäger — Ticket «R-7»@8:18) "
        "chart=uebersetzer\n"
        "api-gateway@9:3=2.4.1@10:14\n"
        "+ingress-nginx@12:3=4.8.3@12:29 repo=https://kubernetes.github.io/ingress-nginx");
    row("12-flow-section.yaml", "api-gateway@2:15=2.4.1@2:39 chart=api-gateway\n"
                                "billing@2:68=1.9.0@2:88\n"
                                "+ingress-nginx@3:16=4.8.3@3:42");
    row("13-shorthand.yaml", "api-gateway@3:3=2.9.0-dev.14@3:16\n"
                             "billing@4:3=1.13.0-dev.3@4:12\n"
                             "orders@5:3=3.3.0-dev.1@5:11\n"
                             "+ingress-nginx@7:3=4.8.3@7:18");
    row("14-empty-third-party.yaml", "api-gateway@2:3=2.4.1@3:14 chart=api-gateway");
    row("15-no-third-party.yaml",
        "api-gateway@3:3=2.7.0@4:14\n"
        "contoso-sync@5:3=0.4.2@6:14 chart=contoso-sync repo=oci://registry.example.io/helm");
    row("16-locked-false-style.yaml", "api-gateway@3:3=2.4.1@4:14\n"
                                      "billing@6:3=1.9.0@7:14 locked(R-118@9:18)\n"
                                      "orders@10:3=3.2.0@11:14");
    row("17-comments-between.yaml", "api-gateway@4:3=2.4.1@6:14 chart=api-gateway\n"
                                    "billing@11:3=1.9.0@12:14\n"
                                    "+ingress-nginx@17:3=4.8.3@17:29");
    row("18-bom.yaml", "api-gateway@3:3=2.4.1@4:14 chart=api-gateway\n"
                       "billing@6:3=1.9.0@7:14");
    row("19-multiline-plain.yaml", "api-gateway@2:3=2.4.1@3:14 locked(QA regression run R-118, "
                                   "blocked until the payments team signs off@5:18)\n"
                                   "billing@7:3=1.9.0@8:14");
    row("20-extra-keys.yaml", "api-gateway@6:3=2.4.1@7:14 chart=api-gateway\n"
                              "billing@13:3=1.9.0@14:14");
    row("21-document-markers.yaml", "api-gateway@5:3=2.4.1@6:14\n"
                                    "billing@7:3=1.9.0@8:14");
    row("22-flow-compact.yaml",
        "api-gateway@2:3=2.4.1@2:26 chart=api-gateway\n"
        "billing@3:3=1.9.0@3:22 locked(R-118@3:56)\n"
        "+ingress-nginx@5:3=4.8.3@5:28 repo=https://kubernetes.github.io/ingress-nginx");
    row("23-tags.yaml", "legacy-portal@3:3=1.10@4:20 chart=legacy-portal\n"
                        "reports@6:3=2.0.1@7:14");
    row("24-requires-block.yaml", "api-gateway@2:3=2.4.1@3:14 pattern=^\\d+\\.\\d+\\.\\d+$\n"
                                  "billing@5:3=1.9.0@6:14 requires(api-gateway >=2.4.0 "
                                  "<3.0.0@9:20) requires(ledger ~1.0@10:15) allow_downgrade\n"
                                  "ledger@11:3=1.0.7@12:14");
    row("25-comments-only.yaml", "");
    row("26-empty-flow-section.yaml", "api-gateway@2:3=2.4.1@2:27 chart=api-gateway");
    row("27-empty-items.yaml", "api-gateway@2:3=2.4.1@3:14\nbilling@7:3=1.9.0@8:14");
}

void TestVersionDocument::edits_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("expectedFile");
    // Each row: a document, edits applied in order, and the expected file after them.
    const auto row = [](const char *file, const char *expected, QStringList edits) {
        QTest::newRow(expected) << QString::fromUtf8(file) << edits << QString::fromUtf8(expected);
    };
    const QString gatewayRepo = QStringLiteral("oci://registry.example.io/helm");

    row("01-staging-product.yaml", "01-set.yaml", {u"set|api-gateway|2.5.0"_s});
    row("01-staging-product.yaml", "01-set-float.yaml", {u"set|billing|1.10"_s});
    row("01-staging-product.yaml", "01-set-flow.yaml", {u"set|ingress-nginx|4.9.0"_s});
    row("01-staging-product.yaml", "01-lock.yaml", {u"lock|billing|QA run R-120"_s});
    row("01-staging-product.yaml", "01-relock.yaml", {u"lock|api-gateway|QA run R-121: smoke"_s});
    row("01-staging-product.yaml", "01-unlock.yaml", {u"unlock|api-gateway"_s});
    row("01-staging-product.yaml", "01-add.yaml",
        {u"add|search|0.9.4|components|search"_s + u'|' + gatewayRepo});
    row("01-staging-product.yaml", "01-add-third.yaml",
        {u"add|redis|18.4.0|third_party||https://charts.bitnami.com/bitnami"_s});
    row("01-staging-product.yaml", "01-remove.yaml", {u"remove|billing"_s});
    row("01-staging-product.yaml", "01-remove-first.yaml", {u"remove|api-gateway"_s});
    row("02-demo-prod.yaml", "02-promote.yaml",
        {u"set|api-gateway|2.8.0"_s, u"set|orders|3.3.0"_s, u"set|cert-manager|1.14.0"_s});
    row("02-demo-prod.yaml", "02-unlock.yaml", {u"unlock|billing"_s});
    row("02-demo-prod.yaml", "02-lock.yaml", {u"lock|api-gateway|Release r15 in QA"_s});
    row("02-demo-prod.yaml", "02-remove.yaml", {u"remove|orders"_s, u"remove|cert-manager"_s});
    row("02-demo-prod.yaml", "02-add-third.yaml",
        {u"add|external-dns|1.14.3|third_party||https://kubernetes-sigs.github.io/external-dns"_s});
    row("03-crlf.yaml", "03-set.yaml", {u"set|api-gateway|2.8.0"_s});
    row("03-crlf.yaml", "03-lock-unlock.yaml", {u"unlock|search"_s, u"lock|api-gateway|RC soak"_s});
    row("03-crlf.yaml", "03-add-remove.yaml",
        {u"add|ledger|1.0.7|components"_s, u"add|kafka|26.4.0|third_party"_s, u"remove|search"_s});
    row("04-no-final-newline.yaml", "04-add-third.yaml",
        {u"add|cert-manager|1.13.2|third_party||https://charts.jetstack.io"_s});
    row("04-no-final-newline.yaml", "04-set.yaml", {u"set|ingress-nginx|4.9.0"_s});
    row("04-no-final-newline.yaml", "04-lock.yaml", {u"lock|notifications|soak test"_s});
    row("05-four-space.yaml", "05-add.yaml", {u"add|ledger|1.0.7|components|ledger"_s});
    row("05-four-space.yaml", "05-lock-unlock.yaml",
        {u"lock|api-gateway|R-200"_s, u"unlock|billing"_s});
    row("05-four-space.yaml", "05-set-remove.yaml",
        {u"set|cert-manager|v1.14.0"_s, u"remove|api-gateway"_s});
    row("06-anchors.yaml", "06-set-anchored.yaml",
        {u"set|payments|2.3.0"_s, u"set|ledger|1.0.8"_s});
    row("06-anchors.yaml", "06-lock-remove.yaml",
        {u"lock|orders|core train frozen"_s, u"remove|ledger"_s});
    row("07-quoted-numbers.yaml", "07-quotes-kept.yaml",
        {u"set|legacy-portal|1.11"_s, u"set|reports|3.0"_s, u"set|postgresql|13.4"_s});
    row("07-quoted-numbers.yaml", "07-plain-to-quoted.yaml", {u"set|scheduler|1.20"_s});
    row("07-quoted-numbers.yaml", "07-quoted-to-plain-text.yaml",
        {u"set|legacy-portal|1.11.0"_s, u"set|scheduler|1.11.0"_s});
    row("08-quote-styles.yaml", "08-set.yaml",
        {u"set|api-gateway|2.5.0"_s, u"set|billing|2.0.0"_s, u"set|ingress-nginx|4.9.0"_s});
    row("08-quote-styles.yaml", "08-lock.yaml",
        {u"lock|api-gateway|it's done"_s, u"lock|billing|new \"audit\""_s});
    row("08-quote-styles.yaml", "08-unlock-false-style.yaml", {u"unlock|api-gateway"_s});
    row("09-block-scalars.yaml", "09-set-lock.yaml",
        {u"set|api-gateway|2.5.0"_s, u"lock|search|R-1"_s});
    row("09-block-scalars.yaml", "09-remove.yaml", {u"remove|api-gateway"_s});
    row("09-block-scalars.yaml", "09-add.yaml",
        {u"add|ledger|1.0.7|components"_s, u"remove|search"_s});
    row("10-tabs-comments.yaml", "10-edits.yaml",
        {u"set|api-gateway|2.5.0"_s, u"unlock|billing"_s, u"lock|api-gateway|R-200"_s});
    row("11-unicode.yaml", "11-edits.yaml",
        {u"set|übersetzer|1.3.0"_s, u"lock|api-gateway|Freigabe durch Jäger ✓"_s,
         u"add|zähler|0.1.0|components"_s});
    row("11-unicode.yaml", "11-unlock-remove.yaml",
        {u"unlock|übersetzer"_s, u"remove|übersetzer"_s});
    row("12-flow-section.yaml", "12-edits.yaml",
        {u"set|billing|2.0.0"_s, u"lock|api-gateway|R-1"_s, u"add|search|0.9.4|components"_s});
    row("12-flow-section.yaml", "12-remove.yaml",
        {u"remove|api-gateway"_s, u"remove|ingress-nginx"_s,
         u"add|cert-manager|1.13.2|third_party"_s});
    row("13-shorthand.yaml", "13-edits.yaml",
        {u"set|billing|1.13.0-dev.4"_s, u"lock|orders|R-5"_s,
         u"add|search|0.9.5-dev.1|components"_s, u"set|ingress-nginx|4.9.0"_s});
    row("13-shorthand.yaml", "13-add-detailed.yaml",
        {u"add|search|0.9.5|components|search"_s, u"remove|api-gateway"_s});
    row("14-empty-third-party.yaml", "14-add.yaml",
        {u"add|ingress-nginx|4.8.3|third_party||https://kubernetes.github.io/ingress-nginx"_s,
         u"add|search|0.9.4|components"_s});
    row("15-no-third-party.yaml", "15-add-section.yaml",
        {u"add|ingress-nginx|4.8.3|third_party"_s, u"lock|contoso-sync|customer UAT"_s});
    row("16-locked-false-style.yaml", "16-unlock-lock.yaml",
        {u"unlock|billing"_s, u"lock|api-gateway|R-119"_s});
    row("17-comments-between.yaml", "17-remove.yaml",
        {u"remove|api-gateway"_s, u"remove|ingress-nginx"_s});
    row("17-comments-between.yaml", "17-set-lock-add.yaml",
        {u"set|billing|2.0.0"_s, u"lock|billing|R-1"_s, u"add|search|0.9.4|components"_s});
    row("18-bom.yaml", "18-edits.yaml",
        {u"set|billing|1.9.1"_s, u"add|search|0.9.4|components"_s, u"remove|api-gateway"_s});
    row("19-multiline-plain.yaml", "19-unlock.yaml", {u"unlock|api-gateway"_s});
    row("19-multiline-plain.yaml", "19-relock.yaml",
        {u"lock|api-gateway|R-200"_s, u"set|billing|1.9.1"_s});
    row("20-extra-keys.yaml", "20-edits.yaml",
        {u"set|api-gateway|2.5.0"_s, u"lock|billing|R-1"_s, u"add|search|0.9.4|components"_s});
    row("20-extra-keys.yaml", "20-remove.yaml", {u"remove|api-gateway"_s});
    row("21-document-markers.yaml", "21-edits.yaml",
        {u"set|billing|1.9.1"_s, u"add|search|0.9.4|components"_s,
         u"add|ingress-nginx|4.8.3|third_party"_s});
    row("22-flow-compact.yaml", "22-edits.yaml",
        {u"set|api-gateway|2.5.0"_s, u"lock|api-gateway|R-2"_s, u"unlock|billing"_s,
         u"add|cert-manager|1.13.2|third_party||https://charts.jetstack.io"_s});
    row("23-tags.yaml", "23-set.yaml", {u"set|legacy-portal|1.11"_s, u"set|reports|2.0.2"_s});
    row("24-requires-block.yaml", "24-edits.yaml",
        {u"set|ledger|1.0.8"_s, u"lock|billing|R-3"_s, u"remove|api-gateway"_s});
    row("25-comments-only.yaml", "25-add.yaml",
        {u"add|api-gateway|2.4.1|components|api-gateway"_s, u"add|redis|18.4.0|third_party"_s});
    row("26-empty-flow-section.yaml", "26-add-remove.yaml",
        {u"add|redis|18.4.0|third_party||https://charts.bitnami.com/bitnami"_s,
         u"remove|api-gateway"_s, u"add|search|0.9.4|components"_s});
    row("27-empty-items.yaml", "27-remove.yaml", {u"remove|api-gateway"_s});
    row("27-empty-items.yaml", "27-lock-add.yaml",
        {u"lock|billing|R-4"_s, u"add|search|0.9.4|components"_s, u"remove|billing"_s});
}

void TestVersionDocument::refusedEdits_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("expectedError");

    const QByteArray anchors = "x-core: &core 3.1.0\n"
                               "components:\n"
                               "  orders:\n"
                               "    version: *core\n"
                               "  shared: &defaults { version: 1.0.0 }\n"
                               "  twin: *defaults\n";
    QTest::newRow("alias version") << anchors << u"set|orders|3.2.0"_s
                                   << u"versions.yaml:4:14: the version of `orders` is an alias "
                                      "(`*core`) of the value at line 1; EnvDeck does not edit it "
                                      "because the anchor may be shared: change the anchor or "
                                      "replace the alias by hand"_s;
    QTest::newRow("alias entry")
        << anchors << u"set|twin|1.1.0"_s
        << u"versions.yaml:6:9: the version of `twin` is an alias "
           "(`*defaults`) of the value at line 5; EnvDeck does not edit it "
           "because the anchor may be shared: change the anchor or "
           "replace the alias by hand"_s;
    QTest::newRow("anchored entry shared")
        << anchors << u"set|shared|1.1.0"_s
        << u"the edit was refused: the edit would also change `twin`"_s;
    QTest::newRow("anchor still used")
        << anchors << u"remove|shared"_s
        << u"versions.yaml: the edit was refused because the result would not be valid YAML "
           "(malformed YAML: the referenced anchor is not defined)"_s;
    QTest::newRow("block scalar version")
        << QByteArray("components:\n  api:\n    version: |\n      1.0.0\n") << u"set|api|1.0.1"_s
        << u"versions.yaml:3:14: the value is written as a block scalar (`|` or `>`); EnvDeck "
           "only replaces one-line values"_s;
    QTest::newRow("unknown component")
        << QByteArray("components:\n  api: 1.0.0\n") << u"set|web|1.0.0"_s
        << u"versions.yaml: there is no component `web`"_s;
    QTest::newRow("already listed")
        << QByteArray("components:\n  api: 1.0.0\n") << u"add|api|1.0.0|third_party"_s
        << u"versions.yaml:2:3: `api` is already listed"_s;
    QTest::newRow("line break in version")
        << QByteArray("components:\n  api: 1.0.0\n") << u"set|api|1.0.0\n2"_s
        << u"versions.yaml:2:8: the value must be one line of text without control characters"_s;
    QTest::newRow("empty reason") << QByteArray("components:\n  api: 1.0.0\n") << u"lock|api|  "_s
                                  << u"versions.yaml: a lock needs a reason"_s;
    QTest::newRow("empty version") << QByteArray("components:\n  api: 1.0.0\n") << u"set|api|"_s
                                   << u"versions.yaml: a version cannot be empty"_s;
    QTest::newRow("version is a list")
        << QByteArray("components:\n  api:\n    version: [1, 2]\n") << u"set|api|1.0.0"_s
        << u"versions.yaml:3:14: the version of `api` is not a plain value; edit it by hand"_s;
}

void TestVersionDocument::parseErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    const QString file = u"environments/qa/versions.yaml:"_s;
    QTest::newRow("bad indentation")
        << QByteArray("components:\n  api:\n    version: 1.0.0\n   bad: [\n")
        << file + u"4:4: malformed YAML: end of map not found"_s;
    QTest::newRow("unclosed flow map")
        << QByteArray("third_party:\n  nginx: { version: 4.8.3\n")
        << file + u"3:1: malformed YAML: end of map flow not found"_s;
    QTest::newRow("tab indentation") << QByteArray("components:\n\tapi: 1.0.0\n")
                                     << file + u"2:5: malformed YAML: illegal map value"_s;
    QTest::newRow("reserved indicator") << QByteArray("components:\n  api: 1.0.0\n  web: @x\n")
                                        << file + u"3:8: malformed YAML: unknown token"_s;
    QTest::newRow("value after value")
        << QByteArray("components:\n  api: {version: 1}\n  x: y: z\n")
        << file + u"3:7: malformed YAML: illegal map value"_s;
    QTest::newRow("unknown alias") << QByteArray("components:\n  api:\n    version: *nope\n")
                                   << file
                                          + u"3:14: malformed YAML: the referenced anchor is not "
                                            "defined"_s;
    QTest::newRow("crlf, third line")
        << QByteArray("components:\r\n  api:\r\n    version: 1.0.0\r\n  - bad\r\n")
        << file + u"4:3: malformed YAML: end of map not found"_s;
    QTest::newRow("not a mapping") << QByteArray("# comment\n- api: 1.0.0\n")
                                   << file
                                          + u"2:1: expected a mapping with `components:` at the "
                                            "top level"_s;
}

void TestVersionDocument::problems_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("duplicate version") << QByteArray("components:\n"
                                                     "  api:\n"
                                                     "    version: 1.0.0\n"
                                                     "    chart: api\n"
                                                     "    version: 1.0.1\n")
                                       << u"versions.yaml:5:5: duplicate key `version` (first "
                                          "written at line 3)"_s;
    QTest::newRow("duplicate component") << QByteArray("components:\n"
                                                       "  api: 1.0.0\n"
                                                       "  # again, further down\n"
                                                       "  api: 1.0.1\n")
                                         << u"versions.yaml:4:3: duplicate key `api` (first "
                                            "written at line 2)"_s;
    QTest::newRow("duplicate in flow map")
        << QByteArray("third_party:\n  nginx: { version: 4.8.3, version: 4.8.4 }\n")
        << u"versions.yaml:2:28: duplicate key `version` (first written at line 2)"_s;
    QTest::newRow("duplicate section") << QByteArray("components:\n  a: 1.0.0\n"
                                                     "components:\n  b: 1.0.0\n")
                                       << u"versions.yaml:3:1: duplicate key `components` (first "
                                          "written at line 1)"_s;
    QTest::newRow("duplicate unknown key")
        << QByteArray("metadata:\n  owner: a\n  owner: b\ncomponents:\n  a: 1.0.0\n")
        << u"versions.yaml:3:3: duplicate key `owner` (first written at line 2)"_s;
    QTest::newRow("no version") << QByteArray("components:\n  api:\n    chart: api\n")
                                << u"versions.yaml:3:5: component `api` has no `version`"_s;
    QTest::newRow("empty entry") << QByteArray("components:\n  api:\n  web: 1.0.0\n")
                                 << u"versions.yaml:2:3: component `api` has no version"_s;
    QTest::newRow("version not a scalar")
        << QByteArray("components:\n  api:\n    version: { major: 1 }\n")
        << u"versions.yaml:3:14: the version of `api` must be a plain value"_s;
    QTest::newRow("empty version") << QByteArray("components:\n  api:\n    version:\n")
                                   << u"versions.yaml:3:13: the version of `api` is empty"_s;
    QTest::newRow("sequence of components")
        << QByteArray("components:\n  - name: api\n    version: 1.0.0\n")
        << u"versions.yaml:2:3: `components` must be a mapping of component names"_s;
    QTest::newRow("requires not a map")
        << QByteArray("components:\n  api:\n    version: 1.0.0\n    requires: web\n")
        << u"versions.yaml:4:15: `requires` of `api` must map component names to version "
           "ranges"_s;
    QTest::newRow("unknown keys are fine")
        << QByteArray("components:\n  api:\n    version: 1.0.0\n    owner: me\n") << QString();
}

void TestVersionDocument::quoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("inFlow");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char *value, bool inFlow, const char *expected) {
        QTest::newRow(qPrintable(QStringLiteral("%1%2").arg(QString::fromUtf8(value),
                                                            inFlow ? u" (flow)"_s : QString())))
            << QString::fromUtf8(value) << inFlow << QByteArray(expected);
    };
    row("2.4.1", false, "2.4.1");
    row("2.8.0-rc.1+build.7", false, "2.8.0-rc.1+build.7");
    row("v1.13.2", false, "v1.13.2");
    row("1.10", false, "\"1.10\"");
    row("2", false, "\"2\"");
    row("1e3", false, "\"1e3\"");
    row("0x1F", false, "\"0x1F\"");
    row("0755", false, "\"0755\"");
    row(".5", false, "\".5\"");
    row("1_000", false, "\"1_000\"");
    row("yes", false, "\"yes\"");
    row("Off", false, "\"Off\"");
    row("null", false, "\"null\"");
    row("~", false, "\"~\"");
    row("2026-11-26", false, "\"2026-11-26\"");
    row("1:30", false, "\"1:30\"");
    row(">=2.4.0 <3.0.0", false, "\">=2.4.0 <3.0.0\"");
    row("R-118: smoke", false, "\"R-118: smoke\"");
    row("run #4", false, "\"run #4\"");
    row("- x", false, "\"- x\"");
    row("-beta", false, "-beta");
    row("a,b", false, "a,b");
    row("a,b", true, "\"a,b\"");
    row("https://charts.jetstack.io", true, "https://charts.jetstack.io");
    row("say \"hi\"", false, "say \"hi\"");
    row("\"hi\"", false, "\"\\\"hi\\\"\"");
    row("back\\slash", false, "back\\slash");
    row("Jäger ✓", false, "Jäger ✓");
    row("", false, "\"\"");
    row(" padded", false, "\" padded\"");
}
