/* trellis-heatmap-nodes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-heatmap-nodes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-heatmap-nodes.h"

/* What the heatmap widget painted, kept as render nodes so that moving
 * the pointer or the focus paints nothing again, and a new layout after
 * an edit paints again only the cells whose facts changed: painted over
 * what was there ("patches"), as long as there are few of them. */

#define MAX_PATCHES 96

static gboolean
rect_equal (const TrellisRect *a,
            const TrellisRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static GskRenderNode *
paint_node (TrellisHeatmapNodes *self,
            TrellisLayout       *layout,
            TrellisHeatmapArea   area,
            const TrellisRect   *rect)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  switch (area)
    {
    case TRELLIS_HEATMAP_AREA_CELLS:
      cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
      cairo_clip (cr);
      self->painted += trellis_layout_paint_cells (layout, cr, rect);
      break;

    case TRELLIS_HEATMAP_AREA_ROW_HEADERS:
      trellis_layout_paint_row_headers (layout, cr, rect);
      break;

    case TRELLIS_HEATMAP_AREA_COLUMN_HEADERS:
      trellis_layout_paint_column_headers (layout, cr, rect);
      break;

    case TRELLIS_HEATMAP_AREA_CORNER:
      trellis_layout_paint_corner (layout, cr);
      break;

    case TRELLIS_HEATMAP_N_AREAS:
    default:
      g_assert_not_reached ();
    }

  cairo_destroy (cr);

  return node;
}

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
      if (!trellis_entity_same (trellis_layout_get_row_entity (a, r), trellis_layout_get_row_entity (b, r)) ||
          trellis_layout_get_row_kind (a, r) != trellis_layout_get_row_kind (b, r) ||
          g_strcmp0 (trellis_layout_get_row_label (a, r), trellis_layout_get_row_label (b, r)) != 0)
        return FALSE;
    }

  for (guint c = 0; c < columns; c++)
    {
      if (!trellis_entity_same (trellis_layout_get_column_entity (a, c), trellis_layout_get_column_entity (b, c)) ||
          trellis_layout_get_column_kind (a, c) != trellis_layout_get_column_kind (b, c) ||
          g_strcmp0 (trellis_layout_get_column_label (a, c), trellis_layout_get_column_label (b, c)) != 0)
        return FALSE;
    }

  /* Findings are numbered on the rows, in the headers. */
  if (trellis_layout_get_n_findings (a) != trellis_layout_get_n_findings (b))
    return FALSE;

  return TRUE;
}

/* The first and last rows (or columns) of @layout that meet the span
 * from @from, @size long. */
static gboolean
lines_in_view (TrellisLayout *layout,
               gboolean       rows,
               double         from,
               double         size,
               guint         *first,
               guint         *last)
{
  guint n = rows ? trellis_layout_get_n_rows (layout) : trellis_layout_get_n_columns (layout);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double start, length;

      if (!(rows ? trellis_layout_get_row_extent (layout, i, &start, &length)
                 : trellis_layout_get_column_extent (layout, i, &start, &length)))
        continue;
      if (start + length > from && start < from + size)
        {
          if (!any)
            *first = i;
          *last = i;
          any = TRUE;
        }
    }

  return any;
}

/* Paints again, over the cells painted before, only the cells in view
 * whose facts changed; %FALSE when there are too many for that. */
static gboolean
patch_changed_cells (TrellisHeatmapNodes *self,
                     TrellisLayout       *old,
                     TrellisLayout       *layout)
{
  const TrellisRect *view = &self->rects[TRELLIS_HEATMAP_AREA_CELLS];
  guint first_row = 0, last_row = 0, first_column = 0, last_column = 0;
  g_autoptr(GPtrArray) rects = g_ptr_array_new_with_free_func (g_free);

  if (self->nodes[TRELLIS_HEATMAP_AREA_CELLS] == NULL ||
      !lines_in_view (layout, TRUE, view->y, view->height, &first_row, &last_row) ||
      !lines_in_view (layout, FALSE, view->x, view->width, &first_column, &last_column))
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

      g_ptr_array_add (self->patches, paint_node (self, layout, TRELLIS_HEATMAP_AREA_CELLS, rect));
    }

  return TRUE;
}

void
trellis_heatmap_nodes_init (TrellisHeatmapNodes *self)
{
  memset (self, 0, sizeof *self);
  self->patches = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
}

/* Frees everything; init again to use it again. */
void
trellis_heatmap_nodes_clear (TrellisHeatmapNodes *self)
{
  if (self->patches != NULL)
    trellis_heatmap_nodes_drop (self);
  g_clear_pointer (&self->patches, g_ptr_array_unref);
}

/* Forgets what was painted: everything is painted again. */
void
trellis_heatmap_nodes_drop (TrellisHeatmapNodes *self)
{
  for (guint i = 0; i < TRELLIS_HEATMAP_N_AREAS; i++)
    g_clear_pointer (&self->nodes[i], gsk_render_node_unref);
  g_ptr_array_set_size (self->patches, 0);
}

/**
 * trellis_heatmap_nodes_append:
 * @self: the nodes
 * @snapshot: where to append them
 * @layout: the layout shown
 * @area: which area
 * @visible: the part of @area in view, in its own coordinates
 *
 * Appends what is painted of @area in @visible, painting it only if it
 * was not painted for @visible before.
 */
void
trellis_heatmap_nodes_append (TrellisHeatmapNodes *self,
                              GtkSnapshot         *snapshot,
                              TrellisLayout       *layout,
                              TrellisHeatmapArea   area,
                              const TrellisRect   *visible)
{
  g_assert (area < TRELLIS_HEATMAP_N_AREAS);

  if (self->nodes[area] == NULL || !rect_equal (visible, &self->rects[area]))
    {
      g_clear_pointer (&self->nodes[area], gsk_render_node_unref);
      if (area == TRELLIS_HEATMAP_AREA_CELLS)
        g_ptr_array_set_size (self->patches, 0);
      if (visible->width > 0 && visible->height > 0)
        self->nodes[area] = paint_node (self, layout, area, visible);
      self->rects[area] = *visible;
    }

  if (self->nodes[area] != NULL)
    gtk_snapshot_append_node (snapshot, self->nodes[area]);

  if (area == TRELLIS_HEATMAP_AREA_CELLS)
    {
      for (guint i = 0; i < self->patches->len; i++)
        gtk_snapshot_append_node (snapshot, g_ptr_array_index (self->patches, i));
    }
}

/**
 * trellis_heatmap_nodes_update:
 * @self: the nodes
 * @old: (nullable): the layout painted so far
 * @layout: (nullable): the layout to show from now on
 *
 * Keeps what can be kept of what @old painted for @layout: when only
 * facts of cells changed (an edit), the cells whose facts changed are
 * painted again over the others. Otherwise everything is dropped.
 *
 * Returns: %TRUE if @layout has the rows and columns of @old
 */
gboolean
trellis_heatmap_nodes_update (TrellisHeatmapNodes *self,
                              TrellisLayout       *old,
                              TrellisLayout       *layout)
{
  if (old == NULL || layout == NULL || !same_structure (old, layout))
    {
      trellis_heatmap_nodes_drop (self);
      return FALSE;
    }

  if (!patch_changed_cells (self, old, layout))
    {
      g_clear_pointer (&self->nodes[TRELLIS_HEATMAP_AREA_CELLS], gsk_render_node_unref);
      g_ptr_array_set_size (self->patches, 0);
    }

  return TRUE;
}

/* How many cells were painted since the last call. */
guint
trellis_heatmap_nodes_take_painted (TrellisHeatmapNodes *self)
{
  guint painted = self->painted;

  self->painted = 0;
  return painted;
}
