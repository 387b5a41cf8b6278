/* trellis-tiling.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-tiling"

#include "config.h"

#include <math.h>

#include "trellis-draw-private.h"
#include "trellis-layout-private.h"
#include "trellis-report.h"
#include "trellis-tiling-private.h"

/* A map too large for a page, cut into tiles between its cells: whole
 * rows and whole columns, each on exactly one tile, every tile with the
 * headers of its rows and columns. Painting a tile paints only what is
 * on it, through the layout's clipped painting. */

struct _TrellisTiling
{
  TrellisLayout *layout;
  GArray        *column_ranges;  /* Range */
  GArray        *row_ranges;
  GArray        *tiles;          /* TrellisTile, row by row */
  double         row_header;
  double         column_header;
};

typedef struct
{
  guint  first;
  guint  n;
  double start;
  double end;
} Range;

typedef gboolean (*ExtentFunc) (TrellisLayout *layout,
                                guint          index,
                                double        *pos,
                                double        *size);

/* Cuts an axis into runs of whole items, each no longer than @room
 * (but at least one item). */
static GArray *
cut_axis (TrellisLayout *layout,
          guint          n,
          ExtentFunc     extent,
          double         room)
{
  GArray *ranges = g_array_new (FALSE, TRUE, sizeof (Range));
  guint i = 0;

  while (i < n)
    {
      Range range = { i, 0, G_MAXDOUBLE, -G_MAXDOUBLE };

      for (; i < n; i++)
        {
          double pos, size;
          double start, end;

          extent (layout, i, &pos, &size);
          start = MIN (range.start, pos);
          end = MAX (range.end, pos + size);
          if (range.n > 0 && end - start > room)
            break;
          range.start = start;
          range.end = end;
          range.n++;
        }
      g_array_append_val (ranges, range);
    }

  return ranges;
}

/**
 * trellis_tiling_new:
 * @layout: a grid view's layout
 * @width: the width a tile may take, headers included
 * @height: the height a tile may take, headers included
 *
 * Cuts the map into tiles of at most @width × @height (a single row or
 * column wider than that still makes a tile of its own), row by row.
 *
 * Returns: (transfer full): the tiling
 */
TrellisTiling *
trellis_tiling_new (TrellisLayout *layout,
                    double         width,
                    double         height)
{
  TrellisTiling *self;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (layout), NULL);

  self = g_new0 (TrellisTiling, 1);
  self->layout = g_object_ref (layout);
  self->row_header = trellis_layout_get_row_header_width (layout);
  self->column_header = trellis_layout_get_column_header_height (layout);
  self->column_ranges = cut_axis (layout, trellis_layout_get_n_columns (layout), trellis_layout_get_column_extent,
                                  width - self->row_header);
  self->row_ranges = cut_axis (layout, trellis_layout_get_n_rows (layout), trellis_layout_get_row_extent,
                               height - self->column_header);
  self->tiles = g_array_new (FALSE, TRUE, sizeof (TrellisTile));

  for (guint r = 0; r < self->row_ranges->len; r++)
    for (guint c = 0; c < self->column_ranges->len; c++)
      {
        const Range *rows = &g_array_index (self->row_ranges, Range, r);
        const Range *columns = &g_array_index (self->column_ranges, Range, c);
        TrellisTile tile;

        tile.first_row = rows->first;
        tile.n_rows = rows->n;
        tile.first_column = columns->first;
        tile.n_columns = columns->n;
        tile.cells = TRELLIS_RECT_INIT (columns->start, rows->start,
                                        columns->end - columns->start, rows->end - rows->start);
        g_array_append_val (self->tiles, tile);
      }

  return self;
}

void
trellis_tiling_free (TrellisTiling *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->tiles);
  g_array_unref (self->row_ranges);
  g_array_unref (self->column_ranges);
  g_object_unref (self->layout);
  g_free (self);
}

guint
trellis_tiling_get_n_tiles (TrellisTiling *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tiles->len;
}

guint
trellis_tiling_get_n_across (TrellisTiling *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->column_ranges->len;
}

guint
trellis_tiling_get_n_down (TrellisTiling *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_ranges->len;
}

const TrellisTile *
trellis_tiling_get_tile (TrellisTiling *self,
                         guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->tiles->len, NULL);

  return &g_array_index (self->tiles, TrellisTile, index);
}

/* The size of a tile with its headers. */
void
trellis_tiling_get_tile_size (TrellisTiling *self,
                              guint          index,
                              double        *width,
                              double        *height)
{
  const TrellisTile *tile = trellis_tiling_get_tile (self, index);

  *width = self->row_header + tile->cells.width;
  *height = self->column_header + tile->cells.height;
}

/**
 * trellis_tiling_paint_tile:
 * @self: a tiling
 * @index: a tile
 * @cr: a cairo context with the tile's top-left at its origin
 *
 * Paints the tile: the corner, the headers of its columns and rows, and
 * its cells, and nothing else. Mirrored, the row headers are on the
 * right.
 */
void
trellis_tiling_paint_tile (TrellisTiling *self,
                           guint          index,
                           cairo_t       *cr)
{
  const TrellisTile *tile;
  gboolean rtl;
  double rw = self->row_header;
  double ch = self->column_header;
  double cells_x, rows_x;
  TrellisRect clip;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->tiles->len);

  tile = trellis_tiling_get_tile (self, index);
  rtl = trellis_layout_get_options (self->layout)->rtl;
  cells_x = rtl ? 0 : rw;
  rows_x = rtl ? tile->cells.width : 0;

  cairo_save (cr);
  cairo_translate (cr, rows_x, 0);
  trellis_layout_paint_corner (self->layout, cr);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, cells_x - tile->cells.x, 0);
  clip = TRELLIS_RECT_INIT (tile->cells.x, 0, tile->cells.width, ch);
  trellis_layout_paint_column_headers (self->layout, cr, &clip);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, rows_x, ch - tile->cells.y);
  clip = TRELLIS_RECT_INIT (0, tile->cells.y, rw, tile->cells.height);
  trellis_layout_paint_row_headers (self->layout, cr, &clip);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, cells_x - tile->cells.x, ch - tile->cells.y);
  trellis_layout_paint_cells (self->layout, cr, &tile->cells);
  cairo_restore (cr);
}

/* A small picture of the map's parts, as many across and down as there
 * are, this one filled: which part of the map a page shows. */
void
trellis_tiling_paint_overview (TrellisTiling            *self,
                               guint                     index,
                               cairo_t                  *cr,
                               double                    width,
                               double                    height,
                               const TrellisRgba        *accent,
                               const TrellisRgba        *line)
{
  guint across = self->column_ranges->len;
  guint down = self->row_ranges->len;
  double cw = MIN (width / across, 12);
  double ch = MIN (height / down, 8);
  double w = cw * across;
  double h = ch * down;
  double ox = width - w;  /* at the right of the box */

  cairo_save (cr);
  cairo_translate (cr, ox, 0);

  trellis_cairo_fill_rect (cr, accent, (index % across) * cw, (index / across) * ch, cw, ch);

  trellis_cairo_set_rgba (cr, line);
  cairo_set_line_width (cr, 0.4);
  /* The cuts, where they are far enough apart to be seen. */
  if (cw >= 2.0)
    for (guint c = 1; c < across; c++)
      {
        cairo_move_to (cr, c * cw, 0);
        cairo_line_to (cr, c * cw, h);
      }
  if (ch >= 2.0)
    for (guint r = 1; r < down; r++)
      {
        cairo_move_to (cr, 0, r * ch);
        cairo_line_to (cr, w, r * ch);
      }
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_stroke (cr);
  cairo_restore (cr);
}

TrellisLayout *
trellis_tiling_get_layout (TrellisTiling *self)
{
  return self->layout;
}
