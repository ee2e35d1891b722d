// SPDX-License-Identifier: GPL-3.0-or-later
#include "WelcomePage.h"

#include "PageSupport.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace EnvDeck {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));

    auto scrollArea = new QScrollArea(this);
    scrollArea->setFrameShape(QFrame::NoFrame);
    scrollArea->setWidgetResizable(true);
    auto outerLayout = new QVBoxLayout(this);
    outerLayout->setContentsMargins(0, 0, 0, 0);
    outerLayout->addWidget(scrollArea);

    auto page = new QWidget(scrollArea);
    scrollArea->setWidget(page);
    auto content = new QWidget(page);
    PageSupport::centre(page, content, 640);

    auto icon = new QLabel(content);
    icon->setPixmap(PageSupport::applicationIcon(72, this));
    icon->setAccessibleName(tr("EnvDeck logo"));
    auto title = PageSupport::createTitle(tr("Welcome to EnvDeck"), content, 1.8);
    auto description = new QLabel(tr("See, validate and promote the environments of a Terraform "
                                     "repository kept in Git."),
                                  content);
    description->setWordWrap(true);

    auto headerText = new QVBoxLayout;
    headerText->addStretch();
    headerText->addWidget(title);
    headerText->addWidget(description);
    headerText->addStretch();
    auto header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addLayout(headerText, 1);

    auto openButton = new QPushButton(tr("Open Repository…"), content);
    openButton->setObjectName(QStringLiteral("welcomeOpenButton"));
    openButton->setToolTip(tr("Open a local clone of a Terraform repository"));
    openButton->setDefault(true);
    auto demoButton = new QPushButton(tr("Open Demo"), content);
    demoButton->setObjectName(QStringLiteral("welcomeDemoButton"));
    demoButton->setToolTip(tr("Create a realistic demo repository on this computer and open it"));
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRepositoryRequested);
    connect(demoButton, &QPushButton::clicked, this, &WelcomePage::openDemoRequested);
    auto buttons = new QHBoxLayout;
    buttons->addWidget(openButton);
    buttons->addWidget(demoButton);
    buttons->addStretch();

    m_recentTitle = PageSupport::createTitle(tr("Recent repositories"), content, 1.15);
    m_recentList = new QWidget(content);
    m_recentList->setObjectName(QStringLiteral("welcomeRecentList"));
    m_recentList->setAccessibleName(tr("Recent repositories"));
    m_recentLayout = new QVBoxLayout(m_recentList);
    m_recentLayout->setContentsMargins(0, 0, 0, 0);
    m_recentLayout->setSpacing(2);

    auto layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addSpacing(16);
    layout->addWidget(m_recentTitle);
    layout->addWidget(m_recentList);

    setRecentRepositories({});
}

void WelcomePage::setRecentRepositories(const QStringList &paths)
{
    // deleteLater: the list is rebuilt while one of its buttons may be emitting clicked().
    while (QLayoutItem *item = m_recentLayout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    m_recentTitle->setVisible(!paths.isEmpty());
    m_recentList->setVisible(!paths.isEmpty());

    const QIcon folderIcon = style()->standardIcon(QStyle::SP_DirIcon);
    for (const QString &path : paths) {
        const bool exists = QFileInfo(path).isDir();
        const QString name = QFileInfo(path).fileName();
        const QString shownPath = QDir::toNativeSeparators(path);
        auto button = new QCommandLinkButton(
            name.isEmpty() ? shownPath : name,
            exists ? shownPath : tr("%1 (not found)").arg(shownPath), m_recentList);
        button->setIcon(folderIcon);
        button->setEnabled(exists);
        button->setToolTip(exists ? tr("Open %1").arg(shownPath)
                                  : tr("%1 does not exist any more").arg(shownPath));
        button->setAccessibleName(name);
        button->setAccessibleDescription(shownPath);
        connect(button, &QCommandLinkButton::clicked, this,
                [this, path] { emit recentRepositoryRequested(path); });
        m_recentLayout->addWidget(button);
    }
}

} // namespace EnvDeck
