/* trellis-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-render"

#include "config.h"

#include <math.h>

#include "trellis-draw-private.h"
#include "trellis-layout-private.h"
#include "trellis-render.h"

/* The whole picture, for printing and export: title, headers, cells,
 * legend and findings, each painted through the same entry points the
 * application uses for its scrolling view. */

static gboolean
part_clip (const TrellisRect *clip,
           const TrellisRect *area,
           TrellisRect       *out)
{
  double x0 = MAX (clip->x, area->x);
  double y0 = MAX (clip->y, area->y);
  double x1 = MIN (clip->x + clip->width, area->x + area->width);
  double y1 = MIN (clip->y + clip->height, area->y + area->height);

  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  *out = TRELLIS_RECT_INIT (x0 - area->x, y0 - area->y, x1 - x0, y1 - y0);
  return TRUE;
}

/**
 * trellis_render_cairo:
 * @layout: a #TrellisLayout
 * @cr: a cairo context; the picture's top-left is at its origin
 * @clip: (nullable): the part of the picture to paint, or %NULL for all
 *
 * Paints the whole picture: what printing, export and the command line
 * show. Its size is trellis_layout_get_picture_size().
 */
void
trellis_render_cairo (TrellisLayout     *layout,
                      cairo_t           *cr,
                      const TrellisRect *clip)
{
  const TrellisThemeColors *colors;
  TrellisRect all;
  TrellisRect title, columns, rows, cells, legend, corner, part;
  TrellisPageMode page;
  double width, height;

  g_return_if_fail (TRELLIS_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  colors = trellis_theme_get_colors (trellis_layout_get_options (layout)->theme);
  trellis_layout_get_picture_size (layout, &width, &height);
  trellis_layout_get_areas (layout, &title, &columns, &rows, &cells, &legend);
  corner = TRELLIS_RECT_INIT (rows.x, columns.y, rows.width, columns.height);

  cairo_save (cr);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }
  else
    {
      /* The whole picture, and the page around it to the surface's edge
       * (a scaled size rounds up to whole pixels). */
      all = TRELLIS_RECT_INIT (0, 0, width, height);
      clip = &all;
    }
  /* Where every cell edge lies on whole device pixels, the cell area's
   * page is painted between the cells only, instead of under them all. */
  {
    double ox = 0, oy = 0, ux = 1, uy = 1;
    double x0 = cells.x, y0 = cells.y;
    double sx = 1, sy = 1, dx = 0, dy = 0;

    /* cairo_user_to_device() leaves out the surface's own scale. */
    cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
    cairo_surface_get_device_offset (cairo_get_target (cr), &dx, &dy);
    cairo_user_to_device (cr, &ox, &oy);
    cairo_user_to_device (cr, &ux, &uy);
    cairo_user_to_device (cr, &x0, &y0);
    ox = ox * sx + dx, oy = oy * sy + dy;
    ux = ux * sx + dx, uy = uy * sy + dy;
    x0 = x0 * sx + dx, y0 = y0 * sy + dy;
    page = TRELLIS_PAGE_PAINTED;
    if (ox == floor (ox) && oy == floor (oy) && ux - ox == floor (ux - ox) && uy - oy == floor (uy - oy) &&
        x0 == floor (x0) && y0 == floor (y0) && trellis_layout_has_whole_cells (layout))
      page = TRELLIS_PAGE_STRIPES;
  }

  trellis_cairo_set_rgba (cr, &colors->background);
  if (page == TRELLIS_PAGE_STRIPES)
    {
      /* Without a clip, out to the surface's edge. */
      if (clip == &all)
        cairo_rectangle (cr, -1e5, -1e5, 3e5 + all.width, 3e5 + all.height);
      else
        cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_rectangle (cr, cells.x, cells.y, cells.width, cells.height);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_fill (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
    }
  else
    cairo_paint (cr);

#define PAINT_PART(area, call)                         \
  if (part_clip (clip, &(area), &part))                \
    {                                                  \
      cairo_save (cr);                                 \
      cairo_translate (cr, (area).x, (area).y);        \
      call;                                            \
      cairo_restore (cr);                              \
    }

  PAINT_PART (title, trellis_layout_paint_title (layout, cr, &part));
  PAINT_PART (corner, trellis_layout_paint_corner (layout, cr));
  PAINT_PART (columns, trellis_layout_paint_column_headers (layout, cr, &part));
  PAINT_PART (rows, trellis_layout_paint_row_headers (layout, cr, &part));
  PAINT_PART (cells, trellis_layout_paint_cells_on (layout, cr, &part, page));
  PAINT_PART (legend, trellis_layout_paint_legend (layout, cr, &part));

#undef PAINT_PART

  cairo_restore (cr);
}
