/* trellis-table-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-table-util"

#include "config.h"

#include "trellis-table-util.h"
#include "trellis-widget-util.h"

/* What the tables of the editors (levels, assignments, assessments)
 * share: a GtkColumnView with a row per item in a card that grows to
 * eight rows and then scrolls, columns made by signal factories, and a
 * column of the items' names. */

#define ROW_HEIGHT   39
#define MAX_ROWS     8

/**
 * trellis_table_view_new:
 * @table: the widget that shows the table
 * @model: (transfer full) (nullable): the rows
 * @accessible_label: what the table is called for a screen reader
 * @scroller: (out) (transfer none): the card around the column view
 *
 * Makes the column view of @table, with separators between the rows, in
 * a card that scrolls vertically and is the only child of @table, which
 * unparents *@scroller in its dispose.
 *
 * Returns: (transfer none): the column view
 */
GtkColumnView *
trellis_table_view_new (GtkWidget          *table,
                        GtkSelectionModel  *model,
                        const char         *accessible_label,
                        GtkWidget         **scroller)
{
  GtkColumnView *column_view;

  g_return_val_if_fail (GTK_IS_WIDGET (table), NULL);
  g_return_val_if_fail (scroller != NULL, NULL);

  column_view = GTK_COLUMN_VIEW (gtk_column_view_new (model));
  gtk_column_view_set_show_row_separators (column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  *scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (*scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (*scroller), GTK_WIDGET (column_view));
  gtk_widget_add_css_class (*scroller, "card");
  gtk_widget_set_overflow (*scroller, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (*scroller, table);

  return column_view;
}

/**
 * trellis_table_set_list:
 * @column_view: a column view made by trellis_table_view_new()
 * @scroller: its card
 * @list: (nullable): the items to show, one a row
 *
 * Shows @list, with nothing selectable, in a card as high as its rows
 * up to eight.
 */
void
trellis_table_set_list (GtkColumnView *column_view,
                        GtkWidget     *scroller,
                        GListModel    *list)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));
  g_return_if_fail (list == NULL || G_IS_LIST_MODEL (list));

  if (list != NULL)
    selection = gtk_no_selection_new (g_object_ref (list));

  gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (selection));
  trellis_scroller_fit_rows (GTK_SCROLLED_WINDOW (scroller), list, ROW_HEIGHT, MAX_ROWS);
}

/**
 * trellis_table_add_column:
 * @column_view: a column view
 * @title: (nullable): the title of the column
 * @setup: the #GtkSignalListItemFactory::setup handler
 * @bind: the ::bind handler
 * @unbind: (nullable): the ::unbind handler
 * @teardown: (nullable): the ::teardown handler
 * @user_data: the last argument of each handler
 *
 * Appends a column whose cells the handlers make and fill.
 *
 * Returns: (transfer none): the column
 */
GtkColumnViewColumn *
trellis_table_add_column (GtkColumnView *column_view,
                          const char    *title,
                          GCallback      setup,
                          GCallback      bind,
                          GCallback      unbind,
                          GCallback      teardown,
                          gpointer       user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  g_signal_connect (factory, "setup", setup, user_data);
  if (teardown != NULL)
    g_signal_connect (factory, "teardown", teardown, user_data);
  g_signal_connect (factory, "bind", bind, user_data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, user_data);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_append_column (column_view, column);

  return column;
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (item), "name",
                                              gtk_list_item_get_child (item), "label",
                                              G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (item), "name-binding", binding);
}

static void
unbind_name_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (item), "name-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (item), "name-binding", NULL);
}

/**
 * trellis_table_add_name_column:
 * @column_view: a column view of entities
 * @title: the title of the column
 *
 * Appends a column that fills the room left by the others with the
 * name of each entity, following renames.
 *
 * Returns: (transfer none): the column
 */
GtkColumnViewColumn *
trellis_table_add_name_column (GtkColumnView *column_view,
                               const char    *title)
{
  GtkColumnViewColumn *column;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  column = trellis_table_add_column (column_view, title,
                                     G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb),
                                     G_CALLBACK (unbind_name_cb), NULL, NULL);
  gtk_column_view_column_set_expand (column, TRUE);

  return column;
}
