// SPDX-License-Identifier: GPL-3.0-or-later
// A TokenStore in a fresh process, for the tests whose D-Bus session must differ per case (the
// session bus connection is made once per process).
//
// tokenprobe <service> <host> <keychain timeout ms> <reads>
// prints, per read: "read <n> ms=<elapsed>", then "source=", "detail=", "value=", "note=" and
// "error=" lines.
#include "credentials/TokenStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTextStream>

using namespace EnvDeck::Credentials;

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: tokenprobe <service> <host> <keychain timeout ms> <reads>\n";
        return 2;
    }
    TokenStore store;
    store.setKeychainTimeout(std::chrono::milliseconds(args.at(3).toInt()));
    store.setGitTimeout(std::chrono::seconds(5));
    const Account account{args.at(1), args.at(2), QString()};
    QTextStream out(stdout);
    const int reads = args.at(4).toInt();
    for (int n = 1; n <= reads; ++n) {
        QElapsedTimer elapsed;
        elapsed.start();
        QStringList notes;
        const EnvDeck::Result<Token> token = store.readBlocking(account, &notes);
        out << "read " << n << " ms=" << elapsed.elapsed() << '\n';
        if (token) {
            out << "source=" << int(token->source) << '\n';
            out << "detail=" << token->detail << '\n';
            out << "value=" << token->value << '\n';
        } else {
            out << "error=" << token.error().toString() << '\n';
        }
        for (const QString &note : notes)
            out << "note=" << note << '\n';
        out.flush();
    }
    return 0;
}
