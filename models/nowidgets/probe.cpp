// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled only by the test "models_reject_widgets", which expects this file NOT to compile.
#include <QtWidgets/QWidget>

int probe()
{
    return sizeof(QWidget);
}
