/* trellis-heatmap-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-heatmap-table"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-heatmap-table.h"

/* The table twin of a heatmap: the same facts as a list, one row per
 * cell (who or what, against what, what is shown, and the full sentence
 * a screen reader says), so that keyboard and screen-reader users reach
 * everything the colours say. The rows are made only when shown, so the
 * enterprise tier's million cells cost nothing until scrolled to. */

/* One cell as a list item. */

#define TRELLIS_TYPE_CELL_ITEM (trellis_cell_item_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCellItem, trellis_cell_item, TRELLIS, CELL_ITEM, GObject)

struct _TrellisCellItem
{
  GObject        parent_instance;
  TrellisLayout *layout;
  guint          row;
  guint          column;
};

G_DEFINE_FINAL_TYPE (TrellisCellItem, trellis_cell_item, G_TYPE_OBJECT)

static void
trellis_cell_item_dispose (GObject *object)
{
  g_clear_object (&TRELLIS_CELL_ITEM (object)->layout);

  G_OBJECT_CLASS (trellis_cell_item_parent_class)->dispose (object);
}

static void
trellis_cell_item_class_init (TrellisCellItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_cell_item_dispose;
}

static void
trellis_cell_item_init (TrellisCellItem *self)
{
}

/* Every cell of a layout, made on demand. */

#define TRELLIS_TYPE_CELL_MODEL (trellis_cell_model_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCellModel, trellis_cell_model, TRELLIS, CELL_MODEL, GObject)

struct _TrellisCellModel
{
  GObject        parent_instance;
  TrellisLayout *layout;
};

static GType
trellis_cell_model_get_item_type (GListModel *model)
{
  return TRELLIS_TYPE_CELL_ITEM;
}

static guint
cell_count (TrellisLayout *layout)
{
  if (layout == NULL)
    return 0;

  return trellis_layout_get_n_rows (layout) * trellis_layout_get_n_columns (layout);
}

static guint
trellis_cell_model_get_n_items (GListModel *model)
{
  return cell_count (TRELLIS_CELL_MODEL (model)->layout);
}

static gpointer
trellis_cell_model_get_item (GListModel *model,
                             guint       position)
{
  TrellisCellModel *self = TRELLIS_CELL_MODEL (model);
  TrellisCellItem *item;
  guint columns;

  if (position >= cell_count (self->layout))
    return NULL;

  columns = trellis_layout_get_n_columns (self->layout);
  item = g_object_new (TRELLIS_TYPE_CELL_ITEM, NULL);
  item->layout = g_object_ref (self->layout);
  item->row = position / columns;
  item->column = position % columns;

  return item;
}

static void
trellis_cell_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = trellis_cell_model_get_item_type;
  iface->get_n_items = trellis_cell_model_get_n_items;
  iface->get_item = trellis_cell_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisCellModel, trellis_cell_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, trellis_cell_model_list_init))

static void
trellis_cell_model_dispose (GObject *object)
{
  g_clear_object (&TRELLIS_CELL_MODEL (object)->layout);

  G_OBJECT_CLASS (trellis_cell_model_parent_class)->dispose (object);
}

static void
trellis_cell_model_class_init (TrellisCellModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_cell_model_dispose;
}

static void
trellis_cell_model_init (TrellisCellModel *self)
{
}

static void
cell_model_set_layout (TrellisCellModel *self,
                       TrellisLayout    *layout)
{
  guint before = cell_count (self->layout);

  g_set_object (&self->layout, layout);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, cell_count (layout));
}

/* The table */

struct _TrellisHeatmapTable
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  GtkColumnView      *column_view;
  TrellisCellModel   *model;
  GtkSingleSelection *selection;
  gboolean            selecting;
};

G_DEFINE_FINAL_TYPE (TrellisHeatmapTable, trellis_heatmap_table, GTK_TYPE_WIDGET)

enum {
  CELL_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_ROW,
  COLUMN_COLUMN,
  COLUMN_SHOWN,
  COLUMN_FACTS,
} ColumnKind;

/* The tooltip shows the whole text, which a narrow column cuts short.
 * It is asked for when needed: setting it on every bind would ask the
 * display where the pointer is, once per cell (see
 * trellis_widget_set_new_tooltip()). */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || text[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription),
                                 GPOINTER_TO_UINT (user_data) == COLUMN_FACTS ? 60 : 18);
  gtk_widget_set_has_tooltip (inscription, TRUE);
  g_signal_connect (inscription, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  TrellisCellItem *item = gtk_list_item_get_item (list_item);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_ROW:
      {
        guint group = trellis_layout_get_row_group (item->layout, item->row);
        const char *group_label = trellis_layout_get_n_row_groups (item->layout) > 1
                                  ? trellis_layout_get_row_group_label (item->layout, group) : NULL;
        const char *label = trellis_layout_get_row_label (item->layout, item->row);

        if (group_label != NULL && group_label[0] != '\0' && g_strcmp0 (group_label, label) != 0)
          /* Translators: a row of a heatmap: its group, then its label, e.g. “Service agent · Anna”. */
          text = g_strdup_printf (_("%s · %s"), group_label, label);
        else
          text = g_strdup (label);
      }
      break;

    case COLUMN_COLUMN:
      text = g_strdup (trellis_layout_get_column_label (item->layout, item->column));
      break;

    case COLUMN_SHOWN:
      text = trellis_layout_dup_cell_text (item->layout, item->row, item->column);
      break;

    case COLUMN_FACTS:
      text = trellis_layout_dup_cell_description (item->layout, item->row, item->column);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (inscription, text);
}

static void
add_column (TrellisHeatmapTable *self,
            const char          *title,
            ColumnKind           kind,
            gboolean             expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (kind));
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
selected_cb (TrellisHeatmapTable *self)
{
  TrellisCellItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL || self->selecting)
    return;

  g_signal_emit (self, signals[CELL_SELECTED], 0, item->row, item->column);
}

/* The rows are made and bound only while the table is shown: out of
 * view, the new layout that every edit brings would otherwise rebind a
 * screenful of rows (up to 200 in a list view) for nobody to read. So
 * a new layout out of view lets go of the rows, and showing the table
 * makes them again. */
static void
trellis_heatmap_table_map (GtkWidget *widget)
{
  TrellisHeatmapTable *self = TRELLIS_HEATMAP_TABLE (widget);
  gboolean attach = gtk_column_view_get_model (self->column_view) == NULL;
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (attach)
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  GTK_WIDGET_CLASS (trellis_heatmap_table_parent_class)->map (widget);

  if (attach && selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", selected);
}

static void
trellis_heatmap_table_dispose (GObject *object)
{
  TrellisHeatmapTable *self = TRELLIS_HEATMAP_TABLE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (trellis_heatmap_table_parent_class)->dispose (object);
}

static void
trellis_heatmap_table_class_init (TrellisHeatmapTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_heatmap_table_dispose;
  widget_class->map = trellis_heatmap_table_map;

  /**
   * TrellisHeatmapTable::cell-selected:
   * @row: the row of the layout
   * @column: the column
   */
  signals[CELL_SELECTED] =
    g_signal_new ("cell-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heatmaptable");
}

static void
trellis_heatmap_table_init (TrellisHeatmapTable *self)
{
  self->model = g_object_new (TRELLIS_TYPE_CELL_MODEL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The facts of the heatmap, one cell per row"),
                                  -1);

  add_column (self, C_("heatmap table", "Row"), COLUMN_ROW, FALSE);
  add_column (self, C_("heatmap table", "Column"), COLUMN_COLUMN, FALSE);
  add_column (self, C_("heatmap table", "Shown"), COLUMN_SHOWN, FALSE);
  add_column (self, C_("heatmap table", "Facts"), COLUMN_FACTS, TRUE);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->column_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
trellis_heatmap_table_new (void)
{
  return g_object_new (TRELLIS_TYPE_HEATMAP_TABLE, NULL);
}

/**
 * trellis_heatmap_table_set_layout:
 * @self: a #TrellisHeatmapTable
 * @layout: (nullable): the heatmap whose facts to list
 */
void
trellis_heatmap_table_set_layout (TrellisHeatmapTable *self,
                                  TrellisLayout       *layout)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_TABLE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_column_view_set_model (self->column_view, NULL);

  self->selecting = TRUE;
  cell_model_set_layout (self->model, layout);
  self->selecting = FALSE;
}

/**
 * trellis_heatmap_table_select_cell:
 * @self: a #TrellisHeatmapTable
 * @row: a row of the layout
 * @column: a column of the layout
 *
 * Selects the row of that cell and scrolls it into view.
 */
void
trellis_heatmap_table_select_cell (TrellisHeatmapTable *self,
                                   guint                row,
                                   guint                column)
{
  guint position;

  g_return_if_fail (TRELLIS_IS_HEATMAP_TABLE (self));

  if (self->model->layout == NULL)
    return;

  position = row * trellis_layout_get_n_columns (self->model->layout) + column;
  if (position >= cell_count (self->model->layout))
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  /* Out of view, showing the table scrolls to it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
}

/**
 * trellis_heatmap_table_get_model:
 *
 * Returns: (transfer none): the cells, one #GObject per cell
 */
GListModel *
trellis_heatmap_table_get_model (TrellisHeatmapTable *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_TABLE (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * trellis_heatmap_table_dup_facts:
 * @self: a #TrellisHeatmapTable
 * @position: a row of the table
 *
 * Returns: (transfer full) (nullable): the sentence the table shows for
 *   that cell
 */
char *
trellis_heatmap_table_dup_facts (TrellisHeatmapTable *self,
                                 guint                position)
{
  g_autoptr(TrellisCellItem) item = NULL;

  g_return_val_if_fail (TRELLIS_IS_HEATMAP_TABLE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (item == NULL)
    return NULL;

  return trellis_layout_dup_cell_description (item->layout, item->row, item->column);
}
