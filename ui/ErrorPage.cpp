// SPDX-License-Identifier: GPL-3.0-or-later
#include "ErrorPage.h"

#include "PageSupport.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace EnvDeck {

ErrorPage::ErrorPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("errorPage"));

    auto content = new QWidget(this);
    PageSupport::centre(this, content, 620);

    auto icon = new QLabel(content);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    icon->setAccessibleName(tr("Error"));

    m_title = PageSupport::createTitle({}, content, 1.4);
    m_title->setObjectName(QStringLiteral("errorTitle"));
    m_message = new QLabel(content);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path = new QLabel(content);
    m_path->setWordWrap(true);
    m_path->setTextFormat(Qt::PlainText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setForegroundRole(QPalette::PlaceholderText);

    m_hint = new QLabel(content);
    m_hint->setObjectName(QStringLiteral("errorHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);

    auto openButton = new QPushButton(tr("Open Another…"), content);
    openButton->setObjectName(QStringLiteral("errorOpenAnotherButton"));
    auto retryButton = new QPushButton(tr("Try Again"), content);
    retryButton->setObjectName(QStringLiteral("errorTryAgainButton"));
    retryButton->setDefault(true);
    connect(openButton, &QPushButton::clicked, this, &ErrorPage::openAnotherRequested);
    connect(retryButton, &QPushButton::clicked, this, &ErrorPage::tryAgainRequested);

    auto text = new QVBoxLayout;
    text->setSpacing(8);
    text->addWidget(m_title);
    text->addWidget(m_message);
    text->addWidget(m_path);
    text->addSpacing(4);
    text->addWidget(m_hint);
    auto body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addLayout(text, 1);

    auto buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(openButton);
    buttons->addWidget(retryButton);

    auto layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addLayout(body);
    layout->addLayout(buttons);
}

void ErrorPage::setError(const QString &title, const QString &message, const QString &path,
                         const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_title->setText(title);
    m_message->setText(message);
    // Most messages name the path already; repeat it only when they do not.
    const QString shownPath = QDir::toNativeSeparators(path);
    const bool showPath = !path.isEmpty() && !message.contains(shownPath);
    m_path->setText(showPath ? tr("Location: %1").arg(shownPath) : QString());
    m_path->setVisible(showPath);
}

QString ErrorPage::message() const
{
    return m_message->text();
}

} // namespace EnvDeck
