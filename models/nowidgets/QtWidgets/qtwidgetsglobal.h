// SPDX-License-Identifier: GPL-3.0-or-later
// This folder is first on the include path of models/. Every Qt Widgets header includes
// <QtWidgets/qtwidgetsglobal.h>, so any attempt to use Qt Widgets from models/ stops here.
#error "models/ must not use Qt Widgets: put widgets in ui/ and keep models/ usable headless"
