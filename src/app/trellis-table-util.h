/* trellis-table-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkColumnView       *trellis_table_view_new        (GtkWidget          *table,
                                                    GtkSelectionModel  *model,
                                                    const char         *accessible_label,
                                                    GtkWidget         **scroller);
void                 trellis_table_set_list        (GtkColumnView      *column_view,
                                                    GtkWidget          *scroller,
                                                    GListModel         *list);
GtkColumnViewColumn *trellis_table_add_column      (GtkColumnView      *column_view,
                                                    const char         *title,
                                                    GCallback           setup,
                                                    GCallback           bind,
                                                    GCallback           unbind,
                                                    GCallback           teardown,
                                                    gpointer            user_data);
GtkColumnViewColumn *trellis_table_add_name_column (GtkColumnView      *column_view,
                                                    const char         *title);

G_END_DECLS
