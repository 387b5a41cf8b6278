/* trellis-heatmap-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-heatmap-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "trellis-heatmap-view.h"
#include "trellis-scale-choices.h"

/* One view of the matrix, painted by src/render. The widget only draws:
 * the layout (made by the heatmap page from an analysis snapshot) knows
 * the geometry, the facts and how to paint them.
 *
 * The widget scrolls (GtkScrollable in a GtkScrolledWindow) with its row
 * and column headers kept in view; it keeps what it painted of the cells
 * and the headers as render nodes, so that moving the pointer or the
 * focus repaints nothing, and a new layout after an edit repaints only
 * the cells whose facts changed. A focus cell moves with the arrow keys;
 * a digit sets a level (a person's assessment, a role's requirement),
 * R, A, C and I toggle a role's RACI letters and 1…7 its delegation on
 * the responsibility map, and Enter opens a popover with the choices.
 * Ctrl+scroll, Ctrl+plus and Ctrl+minus and a pinch zoom. */

#define MIN_ZOOM 0.5
#define MAX_ZOOM 3.0
#define MAX_PATCHES 96

struct _TrellisHeatmapView
{
  GtkWidget      parent_instance;

  TrellisLayout *layout;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  guint          has_focus_cell : 1;
  guint          has_hover : 1;
  guint          anchor_set : 1;
  guint          scroll_pending : 1;
  guint          scroll_to_start : 1;

  double         zoom;
  double         gesture_zoom;
  guint          focus_row;
  guint          focus_column;
  guint          hover_row;
  guint          hover_column;
  TrellisSource  source;

  /* What was painted, in the areas' own coordinates. */
  GskRenderNode *cells_cache;
  TrellisRect    cells_rect;
  GPtrArray     *patches;
  GskRenderNode *rows_cache;
  TrellisRect    rows_rect;
  GskRenderNode *columns_cache;
  TrellisRect    columns_rect;
  GskRenderNode *corner_cache;
  guint          painted;

  /* Keep this content point under this widget point across a zoom. */
  double         anchor_fx;
  double         anchor_fy;
  double         anchor_wx;
  double         anchor_wy;

  GtkWidget     *popover;
};

static void trellis_heatmap_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisHeatmapView, trellis_heatmap_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, trellis_heatmap_view_scrollable_init))

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_ZOOM,
  N_PROPS,

  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  FOCUS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  double rows_x;
  double cells_x;
  double cells_y;
  double row_header_width;
  double column_header_height;
  double visible_width;
  double visible_height;
} Areas;

static void
get_areas (TrellisHeatmapView *self,
           Areas              *a)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  memset (a, 0, sizeof *a);
  if (self->layout == NULL)
    return;

  a->row_header_width = MIN (trellis_layout_get_row_header_width (self->layout), width);
  a->column_header_height = MIN (trellis_layout_get_column_header_height (self->layout), height);
  a->visible_width = MAX (0, width - a->row_header_width);
  a->visible_height = MAX (0, height - a->column_header_height);
  a->cells_x = rtl ? 0 : a->row_header_width;
  a->rows_x = rtl ? a->visible_width : 0;
  a->cells_y = a->column_header_height;
}

static double
scroll_x (TrellisHeatmapView *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (TrellisHeatmapView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* Widget coordinates to the cells' own. */
static gboolean
cell_at_widget_point (TrellisHeatmapView *self,
                      double              x,
                      double              y,
                      guint              *row,
                      guint              *column)
{
  Areas a;

  if (self->layout == NULL)
    return FALSE;

  get_areas (self, &a);
  if (x < a.cells_x || x >= a.cells_x + a.visible_width || y < a.cells_y)
    return FALSE;

  return trellis_layout_cell_at_point (self->layout, x - a.cells_x + scroll_x (self),
                                       y - a.cells_y + scroll_y (self), row, column);
}

static gboolean
cell_widget_rect (TrellisHeatmapView *self,
                  guint               row,
                  guint               column,
                  GdkRectangle       *out)
{
  TrellisRect rect;
  Areas a;

  if (self->layout == NULL || !trellis_layout_get_cell_rect (self->layout, row, column, &rect))
    return FALSE;

  get_areas (self, &a);
  out->x = floor (rect.x - scroll_x (self) + a.cells_x);
  out->y = floor (rect.y - scroll_y (self) + a.cells_y);
  out->width = ceil (rect.width);
  out->height = ceil (rect.height);

  return TRUE;
}

/* Caches */

static void
drop_caches (TrellisHeatmapView *self)
{
  g_clear_pointer (&self->cells_cache, gsk_render_node_unref);
  g_clear_pointer (&self->rows_cache, gsk_render_node_unref);
  g_clear_pointer (&self->columns_cache, gsk_render_node_unref);
  g_clear_pointer (&self->corner_cache, gsk_render_node_unref);
  g_ptr_array_set_size (self->patches, 0);
}

static gboolean
rect_equal (const TrellisRect *a,
            const TrellisRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

/* Adjustments */

static void
configure_adjustments (TrellisHeatmapView *self)
{
  double content_width = 0;
  double content_height = 0;
  Areas a;

  get_areas (self, &a);
  if (self->layout != NULL)
    trellis_layout_get_content_size (self->layout, &content_width, &content_height);

  if (self->hadjustment != NULL)
    {
      double upper = MAX (content_width, a.visible_width);
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (self->anchor_set && content_width > 0)
        value = self->anchor_fx * content_width - (self->anchor_wx - a.cells_x);
      if (self->scroll_to_start)
        value = 0;

      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (value, 0, MAX (0, upper - a.visible_width)),
                                0, upper, 24, a.visible_width * 0.9, a.visible_width);
    }

  if (self->vadjustment != NULL)
    {
      double upper = MAX (content_height, a.visible_height);
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (self->anchor_set && content_height > 0)
        value = self->anchor_fy * content_height - (self->anchor_wy - a.cells_y);
      if (self->scroll_to_start)
        value = 0;

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (value, 0, MAX (0, upper - a.visible_height)),
                                0, upper, 24, a.visible_height * 0.9, a.visible_height);
    }

  self->anchor_set = FALSE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && self->layout != NULL)
    self->scroll_to_start = FALSE;
}

static void
adjustment_value_changed_cb (TrellisHeatmapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TrellisHeatmapView  *self,
                GtkAdjustment      **slot,
                GtkAdjustment       *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  configure_adjustments (self);
}

/* Focus */

static void
update_accessible_focus (TrellisHeatmapView *self)
{
  g_autofree char *description = NULL;

  if (self->layout != NULL && self->has_focus_cell)
    description = trellis_layout_dup_cell_description (self->layout, self->focus_row, self->focus_column);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
scroll_to_focus (TrellisHeatmapView *self)
{
  double x, width, y, height;
  Areas a;

  if (self->layout == NULL || !self->has_focus_cell)
    return;

  /* Not allocated yet: scroll once the size is known. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    {
      self->scroll_pending = TRUE;
      return;
    }

  self->scroll_pending = FALSE;
  get_areas (self, &a);

  if (self->hadjustment != NULL &&
      trellis_layout_get_column_extent (self->layout, self->focus_column, &x, &width))
    {
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (x < value)
        gtk_adjustment_set_value (self->hadjustment, x);
      else if (x + width > value + a.visible_width)
        gtk_adjustment_set_value (self->hadjustment, x + width - a.visible_width);
    }

  if (self->vadjustment != NULL &&
      trellis_layout_get_row_extent (self->layout, self->focus_row, &y, &height))
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (y < value)
        gtk_adjustment_set_value (self->vadjustment, y);
      else if (y + height > value + a.visible_height)
        gtk_adjustment_set_value (self->vadjustment, y + height - a.visible_height);
    }
}

/**
 * trellis_heatmap_view_set_focus_cell:
 * @self: a #TrellisHeatmapView
 * @row: a row of the layout
 * @column: a column of the layout
 *
 * Moves the focus cell, scrolling it into view.
 */
void
trellis_heatmap_view_set_focus_cell (TrellisHeatmapView *self,
                                     guint               row,
                                     guint               column)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  if (self->layout == NULL)
    return;

  row = MIN (row, trellis_layout_get_n_rows (self->layout) - 1);
  column = MIN (column, trellis_layout_get_n_columns (self->layout) - 1);

  if (self->has_focus_cell && self->focus_row == row && self->focus_column == column)
    return;

  self->has_focus_cell = TRUE;
  self->focus_row = row;
  self->focus_column = column;

  scroll_to_focus (self);
  update_accessible_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[FOCUS_CHANGED], 0);
}

/**
 * trellis_heatmap_view_scroll_to_start:
 * @self: a #TrellisHeatmapView
 *
 * Shows the first rows and columns, also after a zoom or a layout that
 * is still to be allocated.
 */
void
trellis_heatmap_view_scroll_to_start (TrellisHeatmapView *self)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  self->scroll_to_start = TRUE;
  self->scroll_pending = FALSE;
  configure_adjustments (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
trellis_heatmap_view_get_focus_cell (TrellisHeatmapView *self,
                                     guint              *row,
                                     guint              *column)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), FALSE);

  if (!self->has_focus_cell || self->layout == NULL)
    return FALSE;

  if (row != NULL)
    *row = self->focus_row;
  if (column != NULL)
    *column = self->focus_column;

  return TRUE;
}

/* Editing */

static TrellisDocument *
get_document (TrellisHeatmapView *self)
{
  if (self->layout == NULL)
    return NULL;

  return trellis_analysis_get_document (trellis_layout_get_analysis (self->layout));
}

/**
 * trellis_heatmap_view_set_level:
 * @self: a #TrellisHeatmapView
 * @level: a level of the scale, or %TRELLIS_LEVEL_NONE
 *
 * Sets the level of the focus cell: a person's assessed level (from the
 * chosen perspective, dated today) on the gap and perception maps, a
 * role's required level on the requirement map.
 *
 * Returns: %TRUE if the cell took the level
 */
gboolean
trellis_heatmap_view_set_level (TrellisHeatmapView *self,
                                gint                level)
{
  TrellisDocument *document = get_document (self);
  TrellisEntity *row;
  TrellisEntity *column;

  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), FALSE);

  if (document == NULL || !self->has_focus_cell)
    return FALSE;

  if (level != TRELLIS_LEVEL_NONE && !trellis_document_level_in_scale (document, level))
    return FALSE;

  row = trellis_layout_get_row_entity (self->layout, self->focus_row);
  column = trellis_layout_get_column_entity (self->layout, self->focus_column);
  if (row == NULL || column == NULL || !TRELLIS_IS_COMPETENCY (column))
    return FALSE;

  /* The entities of a layout are those of the analysis' document, which
   * the layout keeps alive; an edit made meanwhile may have removed them. */
  if (trellis_document_lookup (document, trellis_entity_get_id (row)) != row ||
      trellis_document_lookup (document, trellis_entity_get_id (column)) != column)
    return FALSE;

  if (TRELLIS_IS_PERSON (row) && trellis_layout_get_row_kind (self->layout, self->focus_row) == TRELLIS_ITEM_PERSON)
    {
      if (level == TRELLIS_LEVEL_NONE)
        return FALSE;

      return trellis_document_set_assessed_level (document, TRELLIS_PERSON (row), trellis_entity_get_id (column),
                                                  self->source, trellis_date_today (), level);
    }

  if (TRELLIS_IS_ROLE (row))
    {
      trellis_document_set_requirement (document, row, trellis_entity_get_id (column), level);
      return TRUE;
    }

  return FALSE;
}

static const TrellisAssignment *
focus_assignment (TrellisHeatmapView     *self,
                  TrellisResponsibility **responsibility,
                  TrellisEntity         **role)
{
  TrellisDocument *document = get_document (self);
  TrellisEntity *row;
  TrellisEntity *column;

  if (document == NULL || !self->has_focus_cell)
    return NULL;

  row = trellis_layout_get_row_entity (self->layout, self->focus_row);
  column = trellis_layout_get_column_entity (self->layout, self->focus_column);

  if (row == NULL || column == NULL || !TRELLIS_IS_RESPONSIBILITY (row) || !TRELLIS_IS_ROLE (column) ||
      trellis_document_lookup (document, trellis_entity_get_id (row)) != row ||
      trellis_document_lookup (document, trellis_entity_get_id (column)) != column)
    return NULL;

  *responsibility = TRELLIS_RESPONSIBILITY (row);
  *role = column;

  {
    static const TrellisAssignment none = { NULL, TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE };
    const TrellisAssignment *a = trellis_assignments_lookup (trellis_entity_get_array (row, TRELLIS_FIELD_ASSIGNS),
                                                             trellis_entity_get_id (column));

    return a != NULL ? a : &none;
  }
}

/* Sets the focus cell's assignment: its letters with @letters given or
 * taken, and @authority. */
static gboolean
edit_focus_assignment (TrellisHeatmapView *self,
                       TrellisRaci         letters,
                       gboolean            set_authority,
                       TrellisAuthority    authority)
{
  TrellisResponsibility *responsibility = NULL;
  TrellisEntity *role = NULL;
  const TrellisAssignment *a = focus_assignment (self, &responsibility, &role);

  if (a == NULL)
    return FALSE;

  trellis_document_set_assignment (get_document (self), responsibility, trellis_entity_get_id (role),
                                   a->raci ^ letters, set_authority ? authority : a->authority);
  return TRUE;
}

/**
 * trellis_heatmap_view_toggle_letter:
 * @self: a #TrellisHeatmapView
 * @letter: one RACI letter
 *
 * On the responsibility map, gives or takes a RACI letter of the focus
 * cell's role.
 *
 * Returns: %TRUE if the focus cell is an assignment
 */
gboolean
trellis_heatmap_view_toggle_letter (TrellisHeatmapView *self,
                                    TrellisRaci         letter)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), FALSE);

  return edit_focus_assignment (self, letter, FALSE, TRELLIS_AUTHORITY_NONE);
}

/**
 * trellis_heatmap_view_set_authority:
 * @self: a #TrellisHeatmapView
 * @authority: a delegation level
 *
 * Returns: %TRUE if the focus cell is an assignment
 */
gboolean
trellis_heatmap_view_set_authority (TrellisHeatmapView *self,
                                    TrellisAuthority    authority)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), FALSE);

  return edit_focus_assignment (self, TRELLIS_RACI_NONE, TRUE, authority);
}

void
trellis_heatmap_view_set_source (TrellisHeatmapView *self,
                                 TrellisSource       source)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));
  g_return_if_fail (source < TRELLIS_N_SOURCES);

  self->source = source;
}

/* The popover of the focus cell */

static void
popover_level_activated_cb (GtkListBox         *list,
                            GtkListBoxRow      *row,
                            TrellisHeatmapView *self)
{
  gint level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "level"));

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  trellis_heatmap_view_set_level (self, level);
}

static void
popover_authority_activated_cb (GtkListBox         *list,
                                GtkListBoxRow      *row,
                                TrellisHeatmapView *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  trellis_heatmap_view_set_authority (self, gtk_list_box_row_get_index (row));
}

static void
popover_letter_toggled_cb (GtkToggleButton    *button,
                           TrellisHeatmapView *self)
{
  TrellisResponsibility *responsibility = NULL;
  TrellisEntity *role = NULL;
  TrellisRaci letter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "letter"));
  const TrellisAssignment *a = focus_assignment (self, &responsibility, &role);

  if (a == NULL || ((a->raci & letter) != 0) == gtk_toggle_button_get_active (button))
    return;

  trellis_heatmap_view_toggle_letter (self, letter);
}

static GtkWidget *
make_choice_row (const char *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_margin_start (text, 6);
  gtk_widget_set_margin_end (text, 6);
  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);

  return row;
}

static void
popover_closed_cb (TrellisHeatmapView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/**
 * trellis_heatmap_view_edit_focus:
 * @self: a #TrellisHeatmapView
 *
 * Opens the choices of the focus cell in a popover: its level, or its
 * RACI letters and delegation.
 */
void
trellis_heatmap_view_edit_focus (TrellisHeatmapView *self)
{
  TrellisDocument *document = get_document (self);
  TrellisResponsibility *responsibility = NULL;
  TrellisEntity *role = NULL;
  const TrellisAssignment *assignment;
  TrellisEntity *row;
  TrellisEntity *column;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *focus = NULL;
  GdkRectangle rect;

  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  if (document == NULL || !self->has_focus_cell || !cell_widget_rect (self, self->focus_row, self->focus_column, &rect))
    return;

  row = trellis_layout_get_row_entity (self->layout, self->focus_row);
  column = trellis_layout_get_column_entity (self->layout, self->focus_column);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  assignment = focus_assignment (self, &responsibility, &role);

  if (assignment != NULL)
    {
      static const TrellisRaci letters[] = {
        TRELLIS_RACI_RESPONSIBLE, TRELLIS_RACI_ACCOUNTABLE, TRELLIS_RACI_CONSULTED, TRELLIS_RACI_INFORMED,
      };
      GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (toggles, "linked");
      gtk_widget_set_halign (toggles, GTK_ALIGN_CENTER);
      for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
        {
          GtkWidget *toggle = gtk_toggle_button_new_with_label (trellis_raci_get_label (letters[i]));

          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), (assignment->raci & letters[i]) != 0);
          g_object_set_data (G_OBJECT (toggle), "letter", GUINT_TO_POINTER (letters[i]));
          g_signal_connect (toggle, "toggled", G_CALLBACK (popover_letter_toggled_cb), self);
          gtk_box_append (GTK_BOX (toggles), toggle);
          if (focus == NULL)
            focus = toggle;
        }
      gtk_box_append (GTK_BOX (box), toggles);

      list = gtk_list_box_new ();
      gtk_widget_add_css_class (list, "navigation-sidebar");
      for (guint i = 0; i < TRELLIS_N_AUTHORITIES; i++)
        {
          GtkWidget *choice = make_choice_row (trellis_authority_get_label (i));

          gtk_widget_set_tooltip_text (choice, trellis_authority_get_description (i));
          gtk_list_box_append (GTK_LIST_BOX (list), choice);
          if (i == assignment->authority)
            gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (choice));
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delegation"), -1);
      g_signal_connect (list, "row-activated", G_CALLBACK (popover_authority_activated_cb), self);
      gtk_box_append (GTK_BOX (box), list);
    }
  else if (row != NULL && column != NULL && TRELLIS_IS_COMPETENCY (column) &&
           ((TRELLIS_IS_PERSON (row) && trellis_layout_get_row_kind (self->layout, self->focus_row) == TRELLIS_ITEM_PERSON) ||
            TRELLIS_IS_ROLE (row)))
    {
      g_autoptr(GtkStringList) levels = trellis_scale_choices_new (document, TRELLIS_IS_ROLE (row) ? _("Not required") : NULL);
      TrellisCellInfo info;
      gboolean with_none = TRELLIS_IS_ROLE (row);
      gint current;

      trellis_layout_get_cell_info (self->layout, self->focus_row, self->focus_column, &info);
      current = TRELLIS_IS_ROLE (row) ? info.required : info.assessed;

      list = gtk_list_box_new ();
      gtk_widget_add_css_class (list, "navigation-sidebar");
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (levels)); i++)
        {
          GtkWidget *choice = make_choice_row (gtk_string_list_get_string (levels, i));
          gint level = trellis_scale_choice_to_level (document, i, with_none);

          g_object_set_data (G_OBJECT (choice), "level", GINT_TO_POINTER (level));
          gtk_list_box_append (GTK_LIST_BOX (list), choice);
          if (level == current)
            {
              gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (choice));
              focus = choice;
            }
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Level"), -1);
      g_signal_connect (list, "row-activated", G_CALLBACK (popover_level_activated_cb), self);
      gtk_box_append (GTK_BOX (box), list);
    }
  else
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_object_ref_sink (box);
      g_object_unref (box);
      return;
    }

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_new ();
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
    }

  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* Zoom */

static void
request_zoom (TrellisHeatmapView *self,
              double              zoom,
              double              wx,
              double              wy)
{
  double content_width = 0;
  double content_height = 0;
  Areas a;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 0.001)
    return;

  /* Keep what is under the pointer (or the middle) in its place. */
  if (self->layout != NULL)
    {
      get_areas (self, &a);
      trellis_layout_get_content_size (self->layout, &content_width, &content_height);
      if (wx < 0)
        {
          wx = a.cells_x + a.visible_width / 2;
          wy = a.cells_y + a.visible_height / 2;
        }
      if (content_width > 0 && content_height > 0)
        {
          self->anchor_fx = (scroll_x (self) + wx - a.cells_x) / content_width;
          self->anchor_fy = (scroll_y (self) + wy - a.cells_y) / content_height;
          self->anchor_wx = wx;
          self->anchor_wy = wy;
          self->anchor_set = TRUE;
        }
    }

  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TrellisHeatmapView       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event;
  double x = -1;
  double y = -1;

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL)
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double nx, ny;
      graphene_point_t p;

      gdk_event_get_position (event, &nx, &ny);
      if (native != NULL &&
          gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (nx, ny), &p))
        {
          x = p.x;
          y = p.y;
        }
    }

  request_zoom (self, self->zoom * pow (1.1, -dy), x, y);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture         *gesture,
               GdkEventSequence   *sequence,
               TrellisHeatmapView *self)
{
  self->gesture_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom     *gesture,
                       double              scale,
                       TrellisHeatmapView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = y = -1;

  request_zoom (self, self->gesture_zoom * scale, x, y);
}

/* Pointer */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TrellisHeatmapView       *self)
{
  guint row = 0, column = 0;
  gboolean hit = cell_at_widget_point (self, x, y, &row, &column);

  if (hit == self->has_hover && (!hit || (row == self->hover_row && column == self->hover_column)))
    return;

  self->has_hover = hit;
  self->hover_row = row;
  self->hover_column = column;

  /* Only the highlight changes: the cached cells are reused. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TrellisHeatmapView       *self)
{
  if (!self->has_hover)
    return;

  self->has_hover = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            TrellisHeatmapView *self)
{
  guint row, column;
  gboolean was_focus;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (!cell_at_widget_point (self, x, y, &row, &column))
    return;

  was_focus = self->has_focus_cell && self->focus_row == row && self->focus_column == column;
  trellis_heatmap_view_set_focus_cell (self, row, column);

  /* Click the focus cell again, or twice: edit it. */
  if (was_focus || n_press == 2)
    trellis_heatmap_view_edit_focus (self);
}

static gboolean
query_tooltip_cb (GtkWidget          *widget,
                  int                 x,
                  int                 y,
                  gboolean            keyboard_mode,
                  GtkTooltip         *tooltip,
                  TrellisHeatmapView *self)
{
  g_autofree char *text = NULL;
  GdkRectangle rect;
  guint row, column;

  if (keyboard_mode)
    {
      if (!self->has_focus_cell)
        return FALSE;
      row = self->focus_row;
      column = self->focus_column;
    }
  else if (!cell_at_widget_point (self, x, y, &row, &column))
    return FALSE;

  text = trellis_layout_dup_tooltip (self->layout, row, column);
  if (text == NULL || text[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  if (cell_widget_rect (self, row, column, &rect))
    gtk_tooltip_set_tip_area (tooltip, &rect);

  return TRUE;
}

/* Keys */

static gboolean
move_focus (TrellisHeatmapView *self,
            int                 drow,
            int                 dcolumn)
{
  guint n_rows, n_columns;
  gint64 row, column;

  if (self->layout == NULL)
    return FALSE;

  n_rows = trellis_layout_get_n_rows (self->layout);
  n_columns = trellis_layout_get_n_columns (self->layout);
  if (n_rows == 0 || n_columns == 0)
    return FALSE;

  if (!self->has_focus_cell)
    {
      trellis_heatmap_view_set_focus_cell (self, 0, 0);
      return TRUE;
    }

  /* Right to left, the next column is to the left. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    dcolumn = -dcolumn;

  row = CLAMP ((gint64) self->focus_row + drow, 0, (gint64) n_rows - 1);
  column = CLAMP ((gint64) self->focus_column + dcolumn, 0, (gint64) n_columns - 1);
  trellis_heatmap_view_set_focus_cell (self, (guint) row, (guint) column);

  return TRUE;
}

static guint
page_rows (TrellisHeatmapView *self)
{
  double y, height;
  Areas a;

  get_areas (self, &a);
  if (self->layout == NULL || !trellis_layout_get_row_extent (self->layout, 0, &y, &height) || height <= 0)
    return 10;

  return MAX (1, (guint) (a.visible_height / height) - 1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrellisHeatmapView    *self)
{
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  gunichar ch;

  if (self->layout == NULL)
    return FALSE;

  if (control)
    {
      switch (keyval)
        {
        case GDK_KEY_plus:
        case GDK_KEY_equal:
        case GDK_KEY_KP_Add:
          request_zoom (self, self->zoom * 1.2, -1, -1);
          return TRUE;

        case GDK_KEY_minus:
        case GDK_KEY_KP_Subtract:
          request_zoom (self, self->zoom / 1.2, -1, -1);
          return TRUE;

        case GDK_KEY_0:
        case GDK_KEY_KP_0:
          request_zoom (self, 1.0, -1, -1);
          return TRUE;

        case GDK_KEY_Home:
          trellis_heatmap_view_set_focus_cell (self, 0, 0);
          return TRUE;

        case GDK_KEY_End:
          trellis_heatmap_view_set_focus_cell (self, trellis_layout_get_n_rows (self->layout) - 1,
                                               trellis_layout_get_n_columns (self->layout) - 1);
          return TRUE;

        default:
          return FALSE;
        }
    }

  if (state & GDK_ALT_MASK)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return move_focus (self, 0, -1);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return move_focus (self, 0, 1);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return move_focus (self, -1, 0);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return move_focus (self, 1, 0);
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return move_focus (self, -(int) page_rows (self), 0);
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return move_focus (self, (int) page_rows (self), 0);
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return self->has_focus_cell && (trellis_heatmap_view_set_focus_cell (self, self->focus_row, 0), TRUE);
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return self->has_focus_cell &&
             (trellis_heatmap_view_set_focus_cell (self, self->focus_row,
                                                   trellis_layout_get_n_columns (self->layout) - 1), TRUE);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      trellis_heatmap_view_edit_focus (self);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      {
        TrellisResponsibility *responsibility = NULL;
        TrellisEntity *role = NULL;

        if (focus_assignment (self, &responsibility, &role) != NULL)
          {
            trellis_document_set_assignment (get_document (self), responsibility, trellis_entity_get_id (role),
                                             TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE);
            return TRUE;
          }
        if (!trellis_heatmap_view_set_level (self, TRELLIS_LEVEL_NONE))
          gtk_widget_error_bell (GTK_WIDGET (self));
        return TRUE;
      }

    default:
      break;
    }

  ch = gdk_keyval_to_unicode (keyval);

  /* The responsibility map: letters and delegation levels. */
  {
    TrellisResponsibility *responsibility = NULL;
    TrellisEntity *role = NULL;

    if (focus_assignment (self, &responsibility, &role) != NULL)
      {
        switch (g_unichar_toupper (ch))
          {
          case 'R': return trellis_heatmap_view_toggle_letter (self, TRELLIS_RACI_RESPONSIBLE);
          case 'A': return trellis_heatmap_view_toggle_letter (self, TRELLIS_RACI_ACCOUNTABLE);
          case 'C': return trellis_heatmap_view_toggle_letter (self, TRELLIS_RACI_CONSULTED);
          case 'I': return trellis_heatmap_view_toggle_letter (self, TRELLIS_RACI_INFORMED);
          default: break;
          }

        if (ch >= '0' && ch < '0' + TRELLIS_N_AUTHORITIES)
          return trellis_heatmap_view_set_authority (self, ch - '0');

        return FALSE;
      }
  }

  /* Elsewhere a digit is a level. */
  if (g_unichar_isdigit (ch))
    {
      if (!trellis_heatmap_view_set_level (self, g_unichar_digit_value (ch)))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  return FALSE;
}

/* Painting */

static GskRenderNode *
paint_node (TrellisLayout     *layout,
            const TrellisRect *rect,
            int                what,
            guint             *painted)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  switch (what)
    {
    case 0:
      {
        guint n;

        cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
        cairo_clip (cr);
        n = trellis_layout_paint_cells (layout, cr, rect);
        if (painted != NULL)
          *painted += n;
      }
      break;

    case 1:
      trellis_layout_paint_row_headers (layout, cr, rect);
      break;

    case 2:
      trellis_layout_paint_column_headers (layout, cr, rect);
      break;

    case 3:
      trellis_layout_paint_corner (layout, cr);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_destroy (cr);

  return node;
}

static void
append_focus_and_hover (TrellisHeatmapView *self,
                        GtkSnapshot        *snapshot)
{
  const TrellisThemeColors *colors = trellis_theme_get_colors (trellis_layout_get_options (self->layout)->theme);
  TrellisRect rect;

  if (self->has_hover && trellis_layout_get_cell_rect (self->layout, self->hover_row, self->hover_column, &rect))
    {
      GdkRGBA tint = { colors->foreground.red, colors->foreground.green, colors->foreground.blue, 0.16 };

      gtk_snapshot_append_color (snapshot, &tint,
                                 &GRAPHENE_RECT_INIT (rect.x, rect.y,
                                                      rect.width - colors->cell_gap,
                                                      rect.height - colors->cell_gap));
    }

  if (self->has_focus_cell && trellis_layout_get_cell_rect (self->layout, self->focus_row, self->focus_column, &rect))
    {
      double margin = 4 * trellis_layout_get_options (self->layout)->zoom;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (rect.x - margin, rect.y - margin,
                                                                    rect.width + 2 * margin, rect.height + 2 * margin));

      trellis_layout_paint_focus (self->layout, cr, self->focus_row, self->focus_column);
      cairo_destroy (cr);
    }
}

static void
trellis_heatmap_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const TrellisThemeColors *colors;
  GdkRGBA background;
  double x0, y0;
  TrellisRect visible;
  Areas a;

  if (width <= 0 || height <= 0 || self->layout == NULL)
    return;

  colors = trellis_theme_get_colors (trellis_layout_get_options (self->layout)->theme);
  background = (GdkRGBA) { colors->background.red, colors->background.green, colors->background.blue, 1 };
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  get_areas (self, &a);
  x0 = floor (scroll_x (self));
  y0 = floor (scroll_y (self));

  /* The cells: what was painted for this scroll position, the cells
   * repainted since, then the highlight and the focus. */
  visible = TRELLIS_RECT_INIT (x0, y0, a.visible_width, a.visible_height);
  if (self->cells_cache == NULL || !rect_equal (&visible, &self->cells_rect))
    {
      g_clear_pointer (&self->cells_cache, gsk_render_node_unref);
      g_ptr_array_set_size (self->patches, 0);
      if (visible.width > 0 && visible.height > 0)
        self->cells_cache = paint_node (self->layout, &visible, 0, &self->painted);
      self->cells_rect = visible;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (a.cells_x, a.cells_y, a.visible_width, a.visible_height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (a.cells_x - x0, a.cells_y - y0));
  if (self->cells_cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cells_cache);
  for (guint i = 0; i < self->patches->len; i++)
    gtk_snapshot_append_node (snapshot, g_ptr_array_index (self->patches, i));
  append_focus_and_hover (self, snapshot);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);

  /* Row headers scroll with the rows only. */
  visible = TRELLIS_RECT_INIT (0, y0, a.row_header_width, a.visible_height);
  if (self->rows_cache == NULL || !rect_equal (&visible, &self->rows_rect))
    {
      g_clear_pointer (&self->rows_cache, gsk_render_node_unref);
      if (visible.width > 0 && visible.height > 0)
        self->rows_cache = paint_node (self->layout, &visible, 1, NULL);
      self->rows_rect = visible;
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (a.rows_x, a.cells_y, a.row_header_width, a.visible_height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (a.rows_x, a.cells_y - y0));
  if (self->rows_cache != NULL)
    gtk_snapshot_append_node (snapshot, self->rows_cache);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);

  /* Column headers scroll with the columns only. */
  visible = TRELLIS_RECT_INIT (x0, 0, a.visible_width, a.column_header_height);
  if (self->columns_cache == NULL || !rect_equal (&visible, &self->columns_rect))
    {
      g_clear_pointer (&self->columns_cache, gsk_render_node_unref);
      if (visible.width > 0 && visible.height > 0)
        self->columns_cache = paint_node (self->layout, &visible, 2, NULL);
      self->columns_rect = visible;
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (a.cells_x, 0, a.visible_width, a.column_header_height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (a.cells_x - x0, 0));
  if (self->columns_cache != NULL)
    gtk_snapshot_append_node (snapshot, self->columns_cache);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);

  /* Where they meet. */
  if (self->corner_cache == NULL && a.row_header_width > 0 && a.column_header_height > 0)
    {
      TrellisRect corner = TRELLIS_RECT_INIT (0, 0, a.row_header_width, a.column_header_height);

      self->corner_cache = paint_node (self->layout, &corner, 3, NULL);
    }
  if (self->corner_cache != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (a.rows_x, 0, a.row_header_width, a.column_header_height));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (a.rows_x, 0));
      gtk_snapshot_append_node (snapshot, self->corner_cache);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }
}

static void
trellis_heatmap_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (widget);

  configure_adjustments (self);
  if (self->scroll_pending)
    scroll_to_focus (self);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
trellis_heatmap_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (widget);
  double width = 0;
  double height = 0;

  if (self->layout != NULL)
    {
      trellis_layout_get_content_size (self->layout, &width, &height);
      width += trellis_layout_get_row_header_width (self->layout);
      height += trellis_layout_get_column_header_height (self->layout);
    }

  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
trellis_heatmap_view_direction_changed (GtkWidget        *widget,
                                        GtkTextDirection  previous)
{
  drop_caches (TRELLIS_HEATMAP_VIEW (widget));
  gtk_widget_queue_allocate (widget);
}

/* A new layout */

static gboolean
same_cell_info (const TrellisCellInfo *a,
                const TrellisCellInfo *b)
{
  if (a->content != b->content || a->flags != b->flags || a->required != b->required ||
      a->assessed != b->assessed || a->source != b->source || a->count != b->count ||
      a->total != b->total || a->raci != b->raci || a->authority != b->authority)
    return FALSE;
  if (!(a->value == b->value || (isnan (a->value) && isnan (b->value))))
    return FALSE;

  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    {
      if (a->perspectives[i] != b->perspectives[i])
        return FALSE;
    }

  return TRUE;
}

static gboolean
same_structure (TrellisLayout *a,
                TrellisLayout *b)
{
  double aw, ah, bw, bh;
  guint rows, columns;

  if (!trellis_render_options_equal (trellis_layout_get_options (a), trellis_layout_get_options (b)))
    return FALSE;

  rows = trellis_layout_get_n_rows (a);
  columns = trellis_layout_get_n_columns (a);
  if (rows != trellis_layout_get_n_rows (b) || columns != trellis_layout_get_n_columns (b))
    return FALSE;

  trellis_layout_get_content_size (a, &aw, &ah);
  trellis_layout_get_content_size (b, &bw, &bh);
  if (aw != bw || ah != bh ||
      trellis_layout_get_row_header_width (a) != trellis_layout_get_row_header_width (b) ||
      trellis_layout_get_column_header_height (a) != trellis_layout_get_column_header_height (b))
    return FALSE;

  for (guint r = 0; r < rows; r++)
    {
      if (trellis_layout_get_row_entity (a, r) != trellis_layout_get_row_entity (b, r) ||
          trellis_layout_get_row_kind (a, r) != trellis_layout_get_row_kind (b, r) ||
          g_strcmp0 (trellis_layout_get_row_label (a, r), trellis_layout_get_row_label (b, r)) != 0)
        return FALSE;
    }

  for (guint c = 0; c < columns; c++)
    {
      if (trellis_layout_get_column_entity (a, c) != trellis_layout_get_column_entity (b, c) ||
          trellis_layout_get_column_kind (a, c) != trellis_layout_get_column_kind (b, c) ||
          g_strcmp0 (trellis_layout_get_column_label (a, c), trellis_layout_get_column_label (b, c)) != 0)
        return FALSE;
    }

  /* Findings are numbered on the rows, in the headers. */
  if (trellis_layout_get_n_findings (a) != trellis_layout_get_n_findings (b))
    return FALSE;

  return TRUE;
}

/* Repaints, over the cached cells, only the cells whose facts changed. */
static gboolean
patch_changed_cells (TrellisHeatmapView *self,
                     TrellisLayout      *old,
                     TrellisLayout      *layout)
{
  guint rows = trellis_layout_get_n_rows (layout);
  guint columns = trellis_layout_get_n_columns (layout);
  guint first_row = 0, last_row = 0, first_column = 0, last_column = 0;
  gboolean any_row = FALSE, any_column = FALSE;
  g_autoptr(GPtrArray) rects = g_ptr_array_new_with_free_func (g_free);

  if (self->cells_cache == NULL)
    return TRUE;

  /* The rows and columns in view. */
  for (guint r = 0; r < rows; r++)
    {
      double y, height;

      if (!trellis_layout_get_row_extent (layout, r, &y, &height))
        continue;
      if (y + height > self->cells_rect.y && y < self->cells_rect.y + self->cells_rect.height)
        {
          if (!any_row)
            first_row = r;
          last_row = r;
          any_row = TRUE;
        }
    }
  for (guint c = 0; c < columns; c++)
    {
      double x, width;

      if (!trellis_layout_get_column_extent (layout, c, &x, &width))
        continue;
      if (x + width > self->cells_rect.x && x < self->cells_rect.x + self->cells_rect.width)
        {
          if (!any_column)
            first_column = c;
          last_column = c;
          any_column = TRUE;
        }
    }

  if (!any_row || !any_column)
    return TRUE;

  for (guint r = first_row; r <= last_row; r++)
    {
      for (guint c = first_column; c <= last_column; c++)
        {
          TrellisCellInfo before, after;
          TrellisRect rect;

          trellis_layout_get_cell_info (old, r, c, &before);
          trellis_layout_get_cell_info (layout, r, c, &after);
          if (same_cell_info (&before, &after) || !trellis_layout_get_cell_rect (layout, r, c, &rect))
            continue;

          if (rects->len + self->patches->len >= MAX_PATCHES)
            return FALSE;
          g_ptr_array_add (rects, g_memdup2 (&rect, sizeof rect));
        }
    }

  for (guint i = 0; i < rects->len; i++)
    {
      TrellisRect *rect = g_ptr_array_index (rects, i);

      g_ptr_array_add (self->patches, paint_node (layout, rect, 0, &self->painted));
    }

  return TRUE;
}

/**
 * trellis_heatmap_view_set_layout:
 * @self: a #TrellisHeatmapView
 * @layout: (nullable): the view to show
 *
 * Shows @layout. When only facts of cells changed since the previous
 * layout (an edit), only those cells are painted again.
 */
void
trellis_heatmap_view_set_layout (TrellisHeatmapView *self,
                                 TrellisLayout      *layout)
{
  g_autoptr(TrellisLayout) old = NULL;
  TrellisEntity *focus_row_entity = NULL;
  TrellisEntity *focus_column_entity = NULL;
  TrellisItemKind focus_row_kind = TRELLIS_ITEM_PERSON;
  guint focus_row_group = 0;

  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));
  g_return_if_fail (!layout || TRELLIS_IS_LAYOUT (layout));

  if (self->layout == layout)
    return;

  old = g_steal_pointer (&self->layout);
  if (old != NULL && self->has_focus_cell)
    {
      focus_row_entity = trellis_layout_get_row_entity (old, self->focus_row);
      focus_row_kind = trellis_layout_get_row_kind (old, self->focus_row);
      focus_row_group = trellis_layout_get_row_group (old, self->focus_row);
      focus_column_entity = trellis_layout_get_column_entity (old, self->focus_column);
    }

  self->layout = layout != NULL ? g_object_ref (layout) : NULL;

  if (old != NULL && layout != NULL && same_structure (old, layout))
    {
      if (!patch_changed_cells (self, old, layout))
        {
          g_clear_pointer (&self->cells_cache, gsk_render_node_unref);
          g_ptr_array_set_size (self->patches, 0);
        }
    }
  else
    {
      drop_caches (self);

      /* Keep the focus on the same person and competency if they are still shown. */
      if (layout != NULL && self->has_focus_cell)
        {
          guint rows = trellis_layout_get_n_rows (layout);
          guint columns = trellis_layout_get_n_columns (layout);
          gboolean found_row = FALSE;

          for (guint r = 0; r < rows && !found_row; r++)
            {
              if (trellis_layout_get_row_entity (layout, r) == focus_row_entity &&
                  trellis_layout_get_row_kind (layout, r) == focus_row_kind &&
                  (focus_row_entity != NULL || trellis_layout_get_row_group (layout, r) == focus_row_group))
                {
                  self->focus_row = r;
                  found_row = TRUE;
                }
            }
          for (guint c = 0; c < columns; c++)
            {
              if (focus_column_entity != NULL && trellis_layout_get_column_entity (layout, c) == focus_column_entity)
                {
                  self->focus_column = c;
                  break;
                }
            }

          if (rows == 0 || columns == 0)
            self->has_focus_cell = FALSE;
          else
            {
              self->focus_row = MIN (self->focus_row, rows - 1);
              self->focus_column = MIN (self->focus_column, columns - 1);
            }
        }
    }

  if (layout == NULL)
    self->has_focus_cell = FALSE;
  self->has_hover = FALSE;

  if (layout != NULL)
    self->zoom = trellis_layout_get_options (layout)->zoom;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  configure_adjustments (self);
  update_accessible_focus (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

TrellisLayout *
trellis_heatmap_view_get_layout (TrellisHeatmapView *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), NULL);

  return self->layout;
}

/**
 * trellis_heatmap_view_take_painted:
 *
 * Returns: how many cells were painted since the last call, not
 *   counting those reused from what was painted before
 */
guint
trellis_heatmap_view_take_painted (TrellisHeatmapView *self)
{
  guint painted;

  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), 0);

  painted = self->painted;
  self->painted = 0;

  return painted;
}

/* GObject */

static void
trellis_heatmap_view_dispose (GObject *object)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  drop_caches (self);
  g_clear_object (&self->layout);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (trellis_heatmap_view_parent_class)->dispose (object);
}

static void
trellis_heatmap_view_finalize (GObject *object)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (object);

  g_clear_pointer (&self->patches, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_heatmap_view_parent_class)->finalize (object);
}

static void
trellis_heatmap_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_heatmap_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      trellis_heatmap_view_set_layout (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      request_zoom (self, g_value_get_double (value), -1, -1);
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_heatmap_view_class_init (TrellisHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_heatmap_view_dispose;
  object_class->finalize = trellis_heatmap_view_finalize;
  object_class->get_property = trellis_heatmap_view_get_property;
  object_class->set_property = trellis_heatmap_view_set_property;

  widget_class->snapshot = trellis_heatmap_view_snapshot;
  widget_class->size_allocate = trellis_heatmap_view_size_allocate;
  widget_class->measure = trellis_heatmap_view_measure;
  widget_class->direction_changed = trellis_heatmap_view_direction_changed;

  properties[PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL, TRELLIS_TYPE_LAYOUT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * TrellisHeatmapView::focus-changed:
   *
   * The focus cell moved.
   */
  signals[FOCUS_CHANGED] =
    g_signal_new ("focus-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
trellis_heatmap_view_init (TrellisHeatmapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->source = TRELLIS_SOURCE_AGREED;
  self->patches = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* Named for its view once it has one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heatmap"), -1);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
}

static void
trellis_heatmap_view_scrollable_init (GtkScrollableInterface *iface)
{
}

GtkWidget *
trellis_heatmap_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_HEATMAP_VIEW, NULL);
}
