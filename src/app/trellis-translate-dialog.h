/* trellis-translate-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-window.h"

G_BEGIN_DECLS

GtkWindow *trellis_translate_dialog_new    (TrellisWindow *window);
void       trellis_translate_dialog_export (GtkWindow     *dialog,
                                            GFile         *file);
void       trellis_translate_dialog_import (GtkWindow     *dialog,
                                            GFile         *file);

G_END_DECLS
