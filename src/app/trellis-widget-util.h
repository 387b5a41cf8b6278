/* trellis-widget-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-render.h"

G_BEGIN_DECLS

void trellis_widget_set_new_tooltip (GtkWidget         *widget,
                                     const char        *text);
void trellis_scroller_fit_rows      (GtkScrolledWindow *scroller,
                                     GListModel        *model,
                                     int                row_height,
                                     int                max_rows);
void trellis_list_enter_at          (GtkListItem       *item,
                                     GtkWidget         *scroller);

TrellisTheme trellis_settings_get_theme (GSettings      *settings);
void trellis_dialog_close_on_escape (GtkWindow         *dialog);

G_END_DECLS
