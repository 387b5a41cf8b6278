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

#include "trellis-cell-popover.h"
#include "trellis-heatmap-keys.h"
#include "trellis-heatmap-nodes.h"
#include "trellis-heatmap-view-private.h"

/* One view of the matrix, painted by src/render. The widget only draws:
 * the layout (made by the heatmap page from an analysis snapshot) knows
 * the geometry, the facts and how to paint them.
 *
 * The widget scrolls (GtkScrollable in a GtkScrolledWindow) with its row
 * and column headers kept in view; it keeps what it painted of the cells
 * and the headers as render nodes, so that moving the pointer or the
 * focus repaints nothing, and a new layout after an edit repaints only
 * the cells whose facts changed. It has a focus cell, moved by the keys
 * (trellis-heatmap-keys.c) and the pointer; a click on the focus cell or
 * Enter opens its choices (trellis-cell-popover.c). The widget edits
 * nothing: what is typed or chosen activates the cell's "cell." action
 * with the ids of what the cell shows (trellis-cell-target.c), and the
 * window that owns the document makes the edit. Ctrl+scroll, Ctrl+plus
 * and Ctrl+minus and a pinch zoom. */

#define MIN_ZOOM 0.5
#define MAX_ZOOM 3.0
#define ZOOM_STEP 1.2

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
  gboolean       read_only;

  TrellisHeatmapNodes nodes;

  /* Keep this content point under this widget point across a zoom. */
  double         anchor_fx;
  double         anchor_fy;
  double         anchor_wx;
  double         anchor_wy;

  /* For the focus cell's choices. */
  GPtrArray     *scale;
  GListModel    *scale_labels;
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

/* The focus cell's edits */

void
trellis_heatmap_view_set_source (TrellisHeatmapView *self,
                                 TrellisSource       source)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));
  g_return_if_fail (source < TRELLIS_N_SOURCES);

  self->source = source;
}

/**
 * trellis_heatmap_view_set_read_only:
 * @self: a #TrellisHeatmapView
 * @read_only: whether the map only shows
 *
 * A map that only shows (presented to a team) moves its focus cell and
 * tells about it, but takes no level, letter or choice: those keys ring
 * the bell.
 */
void
trellis_heatmap_view_set_read_only (TrellisHeatmapView *self,
                                    gboolean            read_only)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  self->read_only = !!read_only;
  if (self->read_only && self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

gboolean
trellis_heatmap_view_get_read_only (TrellisHeatmapView *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), FALSE);

  return self->read_only;
}

/**
 * trellis_heatmap_view_set_scale:
 * @self: a #TrellisHeatmapView
 * @scale: (element-type TrellisScaleLevel) (nullable): the levels of the
 *   document's scale
 * @labels: (nullable): what to call each level of @scale, in its order
 *
 * Tells the view which levels a cell can take, for the digits typed and
 * the choices of the focus cell.
 */
void
trellis_heatmap_view_set_scale (TrellisHeatmapView *self,
                                GPtrArray          *scale,
                                GListModel         *labels)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));
  g_return_if_fail (labels == NULL || G_IS_LIST_MODEL (labels));

  if (scale != NULL)
    g_ptr_array_ref (scale);
  g_clear_pointer (&self->scale, g_ptr_array_unref);
  self->scale = scale;
  g_set_object (&self->scale_labels, labels);
}

gboolean
trellis_heatmap_view_level_in_scale (TrellisHeatmapView *self,
                                     gint                level)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), FALSE);

  for (guint i = 0; self->scale != NULL && i < self->scale->len; i++)
    {
      if (((const TrellisScaleLevel *) g_ptr_array_index (self->scale, i))->value == level)
        return TRUE;
    }

  return FALSE;
}

/* What the focus cell edits, by the ids of what it shows. */
void
trellis_heatmap_view_get_focus_target (TrellisHeatmapView *self,
                                       TrellisCellTarget  *target)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  /* A map that only shows has no cell to edit. */
  trellis_cell_target_init (target, self->has_focus_cell && !self->read_only ? self->layout : NULL,
                            self->focus_row, self->focus_column, self->source);
}

/* The focus cell by the ids of what it shows, on a map that only shows
 * too: a vote of the room on it changes nothing until the room agrees,
 * on the vote's own screen. */
void
trellis_heatmap_view_get_shown_target (TrellisHeatmapView *self,
                                       TrellisCellTarget  *target)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  trellis_cell_target_init (target, self->has_focus_cell ? self->layout : NULL,
                            self->focus_row, self->focus_column, self->source);
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
  g_auto(TrellisCellTarget) target = { 0 };
  GdkRectangle rect;

  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  if (!self->has_focus_cell || !cell_widget_rect (self, self->focus_row, self->focus_column, &rect))
    return;

  trellis_heatmap_view_get_focus_target (self, &target);
  if (target.edit == TRELLIS_CELL_EDIT_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->popover == NULL)
    {
      self->popover = trellis_cell_popover_new ();
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
    }

  trellis_cell_popover_set_target (TRELLIS_CELL_POPOVER (self->popover), &target, self->scale, self->scale_labels);
  trellis_cell_popover_popup_at (TRELLIS_CELL_POPOVER (self->popover), &rect);
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

/**
 * trellis_heatmap_view_zoom_step:
 * @self: a #TrellisHeatmapView
 * @steps: 1 to zoom in, -1 to zoom out, 0 for the normal size
 *
 * Zooms around the middle of what is in view.
 */
void
trellis_heatmap_view_zoom_step (TrellisHeatmapView *self,
                                int                 steps)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (self));

  if (steps > 0)
    request_zoom (self, self->zoom * ZOOM_STEP, -1, -1);
  else if (steps < 0)
    request_zoom (self, self->zoom / ZOOM_STEP, -1, -1);
  else
    request_zoom (self, 1.0, -1, -1);
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

/* The secondary button opens the cell's choices at once. */
static void
secondary_pressed_cb (GtkGestureClick    *gesture,
                      int                 n_press,
                      double              x,
                      double              y,
                      TrellisHeatmapView *self)
{
  guint row, column;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!cell_at_widget_point (self, x, y, &row, &column))
    return;

  trellis_heatmap_view_set_focus_cell (self, row, column);
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

/* Moving the focus cell */

/* Moves the focus cell by @drow rows and @dcolumn columns (forward in
 * the reading direction), or to the first cell when there is none. */
gboolean
trellis_heatmap_view_move_focus (TrellisHeatmapView *self,
                                 int                 drow,
                                 int                 dcolumn)
{
  guint n_rows, n_columns;
  gint64 row, column;

  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), FALSE);

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

/* How many rows Page Up and Page Down move. */
guint
trellis_heatmap_view_get_page_rows (TrellisHeatmapView *self)
{
  double y, height;
  Areas a;

  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), 10);

  get_areas (self, &a);
  if (self->layout == NULL || !trellis_layout_get_row_extent (self->layout, 0, &y, &height) || height <= 0)
    return 10;

  return MAX (1, (guint) (a.visible_height / height) - 1);
}


/* Painting */

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

/* Appends the part @visible of @area (in its own coordinates) at @x, @y
 * of the widget. */
static void
append_area (TrellisHeatmapView *self,
             GtkSnapshot        *snapshot,
             TrellisHeatmapArea  area,
             const TrellisRect  *visible,
             double              x,
             double              y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, y, visible->width, visible->height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - visible->x, y - visible->y));
  trellis_heatmap_nodes_append (&self->nodes, snapshot, self->layout, area, visible);
  if (area == TRELLIS_HEATMAP_AREA_CELLS)
    append_focus_and_hover (self, snapshot);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
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
   * painted again since, then the highlight and the focus. */
  append_area (self, snapshot, TRELLIS_HEATMAP_AREA_CELLS,
               &TRELLIS_RECT_INIT (x0, y0, a.visible_width, a.visible_height), a.cells_x, a.cells_y);

  /* Row headers scroll with the rows only, column headers with the
   * columns only; the corner is where they meet. */
  append_area (self, snapshot, TRELLIS_HEATMAP_AREA_ROW_HEADERS,
               &TRELLIS_RECT_INIT (0, y0, a.row_header_width, a.visible_height), a.rows_x, a.cells_y);
  append_area (self, snapshot, TRELLIS_HEATMAP_AREA_COLUMN_HEADERS,
               &TRELLIS_RECT_INIT (x0, 0, a.visible_width, a.column_header_height), a.cells_x, 0);
  append_area (self, snapshot, TRELLIS_HEATMAP_AREA_CORNER,
               &TRELLIS_RECT_INIT (0, 0, a.row_header_width, a.column_header_height), a.rows_x, 0);
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
  trellis_heatmap_nodes_drop (&TRELLIS_HEATMAP_VIEW (widget)->nodes);
  gtk_widget_queue_allocate (widget);
}

/* A new layout */

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

  /* Unless only facts of cells changed, keep the focus on the same
   * person and competency if they are still shown. */
  if (!trellis_heatmap_nodes_update (&self->nodes, old, layout))
    {
      if (layout != NULL && self->has_focus_cell)
        {
          guint rows = trellis_layout_get_n_rows (layout);
          guint columns = trellis_layout_get_n_columns (layout);
          gboolean found_row = FALSE;

          for (guint r = 0; r < rows && !found_row; r++)
            {
              if (trellis_entity_same (trellis_layout_get_row_entity (layout, r), focus_row_entity) &&
                  trellis_layout_get_row_kind (layout, r) == focus_row_kind &&
                  (focus_row_entity != NULL || trellis_layout_get_row_group (layout, r) == focus_row_group))
                {
                  self->focus_row = r;
                  found_row = TRUE;
                }
            }
          for (guint c = 0; c < columns; c++)
            {
              if (focus_column_entity != NULL &&
                  trellis_entity_same (trellis_layout_get_column_entity (layout, c), focus_column_entity))
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
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_VIEW (self), 0);

  return trellis_heatmap_nodes_take_painted (&self->nodes);
}

/* GObject */

static void
trellis_heatmap_view_dispose (GObject *object)
{
  TrellisHeatmapView *self = TRELLIS_HEATMAP_VIEW (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->scale, g_ptr_array_unref);
  g_clear_object (&self->scale_labels);
  trellis_heatmap_nodes_drop (&self->nodes);
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

  trellis_heatmap_nodes_clear (&self->nodes);

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
  trellis_heatmap_nodes_init (&self->nodes);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* Named for its view once it has one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heatmap"), -1);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  trellis_heatmap_keys_attach (self);

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

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
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
