/* trellis-widget-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-widget-util"

#include "config.h"

#include <adwaita.h>

#include "trellis-widget-util.h"

/* What widgets of several kinds need and GTK 4.8 does not offer. */

/* Tables inside an editor: tall enough for their rows, up to a limit. */

#define TABLE_HEADER_HEIGHT 34

static void
fit_rows (GtkScrolledWindow *scroller)
{
  GListModel *model = g_object_get_data (G_OBJECT (scroller), "fit-model");
  int row_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "fit-row-height"));
  int max_rows = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "fit-max-rows"));
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  int rows = MAX (1, MIN ((int) n, max_rows));

  gtk_scrolled_window_set_min_content_height (scroller, -1);
  gtk_scrolled_window_set_max_content_height (scroller, TABLE_HEADER_HEIGHT + rows * row_height);
  gtk_scrolled_window_set_min_content_height (scroller, TABLE_HEADER_HEIGHT + rows * row_height);
}

/**
 * trellis_widget_set_new_tooltip:
 * @widget: a widget not yet in a window, such as a list row being made
 * @text: (nullable): the tooltip
 *
 * Sets the tooltip of a widget as gtk_widget_set_tooltip_text() does,
 * without its cost. On GTK 4.8 that function asks the display where the
 * pointer is whenever the widget is visible: a round trip to the X
 * server, about 0.2 ms, paid by every row a list view makes (and a list
 * view makes up to 200 at once). A hidden widget skips the question,
 * which only matters for a widget under the pointer already.
 */
void
trellis_widget_set_new_tooltip (GtkWidget  *widget,
                                const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_visible (widget) && gtk_widget_get_parent (widget) == NULL)
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}

/**
 * trellis_scroller_fit_rows:
 * @scroller: the scrolled window of a table
 * @model: the rows of the table
 * @row_height: the height of one row
 * @max_rows: how many rows to show at most before scrolling
 *
 * A list view measures only the rows it has made, so a table inside a
 * scrolling editor would otherwise show a row or two: size it by its rows.
 */
void
trellis_scroller_fit_rows (GtkScrolledWindow *scroller,
                           GListModel        *model,
                           int                row_height,
                           int                max_rows)
{
  GListModel *old = g_object_get_data (G_OBJECT (scroller), "fit-model");

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, fit_rows, scroller);

  g_object_set_data_full (G_OBJECT (scroller), "fit-model", model != NULL ? g_object_ref (model) : NULL,
                          g_object_unref);
  g_object_set_data (G_OBJECT (scroller), "fit-row-height", GINT_TO_POINTER (row_height));
  g_object_set_data (G_OBJECT (scroller), "fit-max-rows", GINT_TO_POINTER (max_rows));

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (fit_rows), scroller, G_CONNECT_SWAPPED);

  fit_rows (scroller);
}

/**
 * trellis_list_enter_at:
 * @item: an item of a list view or a column view, bound to a row
 * @scroller: (nullable): the scrolled window around the list
 *
 * A list view remembers the row that last had the focus, and Tab goes
 * back to it: when the list shows another entity, that is a row nobody
 * pointed at (Space then ticks or sets the wrong one). This makes Tab
 * enter the list at @item's row, scrolled into view from the top; where
 * the focus is in the list already, that row takes it now.
 */
void
trellis_list_enter_at (GtkListItem *item,
                       GtkWidget   *scroller)
{
  GtkWidget *child;
  GtkWidget *row;
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));
  g_return_if_fail (scroller == NULL || GTK_IS_SCROLLED_WINDOW (scroller));

  if (scroller != NULL)
    {
      GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
    }

  /* The row is the widget the list view holds; in a column view, the
   * cell of @item is inside it. */
  child = gtk_list_item_get_child (item);
  for (row = child; row != NULL; row = gtk_widget_get_parent (row))
    if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
      break;
  if (child == NULL || row == NULL)
    return;

  /* A widget keeps its focus child when the focus leaves it: whether
   * the focus is in the list is the window's to say. */
  root = gtk_widget_get_root (row);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, gtk_widget_get_parent (row)))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_set_focus_child (gtk_widget_get_parent (row), row);
}

/**
 * trellis_settings_get_theme:
 * @settings: (nullable): the application's settings
 *
 * The theme of pictures drawn in the window (maps, the spread of a
 * vote): the one chosen in "heatmap-theme", or the style of the system.
 *
 * Returns: the theme to draw in
 */
TrellisTheme
trellis_settings_get_theme (GSettings *settings)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  int choice = settings != NULL ? g_settings_get_enum (settings, "heatmap-theme") : 0;

  switch (choice)
    {
    case 1: return TRELLIS_THEME_LIGHT;
    case 2: return TRELLIS_THEME_DARK;
    case 3: return TRELLIS_THEME_HIGH_CONTRAST;
    default: break;
    }

  if (adw_style_manager_get_high_contrast (style))
    return TRELLIS_THEME_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (style))
    return TRELLIS_THEME_DARK;

  return TRELLIS_THEME_LIGHT;
}

static gboolean
close_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/**
 * trellis_dialog_close_on_escape:
 * @dialog: a dialog window
 *
 * Escape closes @dialog, as it closes a message dialog.
 */
void
trellis_dialog_close_on_escape (GtkWindow *dialog)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (close_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (dialog), keys);
}
