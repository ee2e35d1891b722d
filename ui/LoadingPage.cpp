// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadingPage.h"

#include "PageSupport.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace EnvDeck {

LoadingPage::LoadingPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("loadingPage"));

    auto content = new QWidget(this);
    PageSupport::centre(this, content, 560);

    m_title = PageSupport::createTitle({}, content, 1.3);
    m_path = new QLabel(content);
    m_path->setWordWrap(true);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(content);
    m_progress->setObjectName(QStringLiteral("loadingProgress"));
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Progress"));
    m_step = new QLabel(content);
    m_step->setObjectName(QStringLiteral("loadingStep"));
    m_step->setWordWrap(true);
    m_cancel = new QPushButton(tr("Cancel"), content);
    m_cancel->setObjectName(QStringLiteral("loadingCancelButton"));
    connect(m_cancel, &QPushButton::clicked, this, &LoadingPage::cancelRequested);

    auto buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);

    auto layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_path);
    layout->addSpacing(8);
    layout->addWidget(m_progress);
    layout->addWidget(m_step);
    layout->addSpacing(8);
    layout->addLayout(buttons);
}

void LoadingPage::start(const QString &title, const QString &path)
{
    m_title->setText(title);
    m_path->setText(QDir::toNativeSeparators(path));
    m_progress->setRange(0, 0); // busy until the work reports a range
    m_step->setText(tr("Starting…"));
    m_cancel->setFocus();
}

void LoadingPage::setProgressRange(int minimum, int maximum)
{
    m_progress->setRange(minimum, maximum);
}

void LoadingPage::setProgressValue(int value)
{
    m_progress->setValue(value);
}

void LoadingPage::setStep(const QString &text)
{
    if (!text.isEmpty())
        m_step->setText(text);
}

} // namespace EnvDeck
