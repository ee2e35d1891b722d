// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace EnvDeck {

// Help ▸ About EnvDeck: version, the versions of the libraries in use, and the licence.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace EnvDeck
