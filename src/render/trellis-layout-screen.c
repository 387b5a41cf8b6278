/* trellis-layout-screen.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-layout"

#include "config.h"

#include <math.h>

#include "trellis-layout-struct-private.h"

/* A layout on a screen to fill, for a projector: the zoom at which the
 * whole picture fits, each part in a place of its own, and the list of
 * what is drawn where, which shows that nothing overlaps. */

/* The height of the title and subtitle wrapped at @width. */
static double
wrap_title (TrellisLayout *self,
            double         width)
{
  int th = 0, sh = 0;

  pango_layout_set_width (self->title, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (self->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (self->subtitle, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (self->subtitle, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (self->title, NULL, &th);
  pango_layout_get_pixel_size (self->subtitle, NULL, &sh);

  return th + (sh > 0 ? 2 * self->options->zoom + sh : 0);
}

/* The legend placed at @width: entries, then the lines under them. */
static double
place_legend (TrellisLayout *self,
              double         width)
{
  double swatch = self->map->cell_height;

  trellis_legend_place (&self->legend, &self->style, swatch, width);
  trellis_legend_place_lines (&self->legend, &self->style, swatch, width);

  return self->legend.height + (self->legend.lines_height > 0 ? 14 * self->options->zoom + self->legend.lines_height : 0);
}

/* Arranges the picture on a screen of @width × @height: the title
 * across the top, wrapped at the screen's width; the map under it; the
 * legend in a column beside the map where there is room for one, else
 * under it, wrapped at the screen's width. Each part has a place of
 * its own: nothing is drawn over anything else.
 *
 * Returns: whether it all fits on the screen */
static gboolean
arrange_on_screen (TrellisLayout *self,
                   double         width,
                   double         height)
{
  TrellisMap *map = self->map;
  double zoom = self->options->zoom;
  double margin = MIN (16 * zoom, MIN (width, height) * 0.03);
  double inner_w = width - 2 * margin;
  double inner_h = height - 2 * margin;
  double map_w = map->rows.header + map->content_width;
  double map_h = map->columns.header + map->content_height;
  double gap = 18 * zoom;
  double column_w = inner_w - map_w - gap;
  double title_h = wrap_title (self, inner_w);
  double top = margin + title_h + 14 * zoom;
  double legend_h;
  double map_x;
  gboolean beside = FALSE;
  gboolean fits;

  /* Beside, if a legend column of a readable width fits there. */
  if (column_w >= 180 * zoom)
    {
      legend_h = place_legend (self, column_w);
      beside = legend_h <= height - margin - top && map_h <= height - margin - top;
    }
  if (beside)
    {
      fits = TRUE;
      map_x = self->options->rtl ? margin + inner_w - map_w : margin;
      self->area_legend = TRELLIS_RECT_INIT (self->options->rtl ? margin : margin + map_w + gap, top,
                                             column_w, legend_h);
    }
  else
    {
      legend_h = place_legend (self, inner_w);
      fits = map_w <= inner_w && top + map_h + gap + legend_h <= height - margin;
      map_x = self->options->rtl ? margin + MAX (inner_w - map_w, 0) : margin;
      self->area_legend = TRELLIS_RECT_INIT (margin, top + map_h + gap, inner_w, legend_h);
    }

  self->margin = margin;
  self->area_title = TRELLIS_RECT_INIT (margin, margin, inner_w, title_h);
  self->area_rows = TRELLIS_RECT_INIT (self->options->rtl ? map_x + map->content_width : map_x, top + map->columns.header,
                                       map->rows.header, map->content_height);
  self->area_columns = TRELLIS_RECT_INIT (self->options->rtl ? map_x : map_x + map->rows.header, top,
                                          map->content_width, map->columns.header);
  self->area_cells = TRELLIS_RECT_INIT (self->area_columns.x, top + map->columns.header,
                                        map->content_width, map->content_height);
  /* The screen, or what it takes where it does not fit. */
  fits = fits && inner_h > 0;
  self->picture_width = fits ? width : MAX (width, ceil (map_x + map_w + margin - 0.01));
  self->picture_height = fits ? height : MAX (height, ceil (self->area_legend.y + self->area_legend.height + margin - 0.01));

  return fits;
}

/* Builds the picture at @zoom and arranges it on the screen. */
static gboolean
fits_at (TrellisLayout  *self,
         double          zoom,
         gboolean       *fits,
         GError        **error)
{
  trellis_layout_clear_parts (self);
  self->options->zoom = zoom;
  if (!trellis_layout_build_parts (self, error))
    return FALSE;
  *fits = arrange_on_screen (self, self->options->fit_width, self->options->fit_height);

  return TRUE;
}

/* The largest zoom at which the picture fits the screen: cells as large
 * as fit, for a projector. From the normal size it grows by steps while
 * it fits (or shrinks, to no less than FIT_MIN_ZOOM, under which text is
 * too small to read from the back of a room: a map that does not fit
 * then is arranged there and scrolls); a few halvings find the edge. */
#define FIT_MIN_ZOOM 0.6
#define FIT_MAX_ZOOM 8.0

/**
 * trellis_layout_fit_to_screen:
 * @self: a layout whose options give a screen to fill
 * @error: return location for a #TRELLIS_RENDER_ERROR
 *
 * Builds the parts of @self at the largest zoom at which the whole
 * picture fits the screen, and arranges them on it.
 *
 * Returns: whether the parts could be built
 */
gboolean
trellis_layout_fit_to_screen (TrellisLayout  *self,
                              GError        **error)
{
  double lo, hi;
  gboolean fits = FALSE;

  if (!fits_at (self, 1.0, &fits, error))
    return FALSE;
  if (fits)
    {
      for (lo = 1.0, hi = 1.25; fits && lo < FIT_MAX_ZOOM; hi = MIN (hi * 1.25, FIT_MAX_ZOOM))
        {
          if (!fits_at (self, hi, &fits, error))
            return FALSE;
          if (fits)
            lo = hi;
        }
    }
  else
    {
      lo = FIT_MIN_ZOOM;
      hi = 1.0;
      if (!fits_at (self, lo, &fits, error))
        return FALSE;
      if (!fits)
        return TRUE;
    }

  for (guint i = 0; i < 6 && hi - lo > 0.01; i++)
    {
      double mid = (lo + hi) / 2;

      if (!fits_at (self, mid, &fits, error))
        return FALSE;
      if (fits)
        lo = mid;
      else
        hi = mid;
    }

  return fits_at (self, floor (lo * 100) / 100, &fits, error);
}

static void
add_element (GArray             *elements,
             TrellisElementKind  kind,
             double              x,
             double              y,
             double              width,
             double              height)
{
  TrellisElement e = { kind, TRELLIS_RECT_INIT (x, y, width, height) };

  if (width > 0 && height > 0)
    g_array_append_val (elements, e);
}

/* The extent of a text started at @start (its right end right to left). */
static void
add_text_element (TrellisLayout      *self,
                  GArray             *elements,
                  TrellisElementKind  kind,
                  PangoLayout        *layout,
                  double              start,
                  double              y)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  add_element (elements, kind, self->options->rtl ? start - logical.width : start, y, logical.width, logical.height);
}

/**
 * trellis_layout_dup_elements:
 * @self: a #TrellisLayout
 *
 * Every part of the whole picture that is drawn on its own, where it is
 * drawn (the extent of its text, for a text): the title, the subtitle,
 * the headers, the cells, each entry of the legend and each line under
 * it. None overlaps another; on a screen to fill, all lie on it.
 *
 * Returns: (transfer full) (element-type TrellisElement): the elements
 */
GArray *
trellis_layout_dup_elements (TrellisLayout *self)
{
  GArray *elements;
  TrellisRect *legend;
  double swatch;
  double start;
  double y;
  int th = 0;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  elements = g_array_new (FALSE, FALSE, sizeof (TrellisElement));
  legend = &self->area_legend;
  swatch = self->map->cell_height;

  start = self->area_title.x + (self->options->rtl ? self->area_title.width : 0);
  pango_layout_get_pixel_size (self->title, NULL, &th);
  add_text_element (self, elements, TRELLIS_ELEMENT_TITLE, self->title, start, self->area_title.y);
  add_text_element (self, elements, TRELLIS_ELEMENT_SUBTITLE, self->subtitle, start,
                    self->area_title.y + th + 2 * self->options->zoom);

  add_element (elements, TRELLIS_ELEMENT_CORNER, self->area_rows.x, self->area_columns.y,
               self->area_rows.width, self->area_columns.height);
  add_element (elements, TRELLIS_ELEMENT_COLUMN_HEADERS, self->area_columns.x, self->area_columns.y,
               self->area_columns.width, self->area_columns.height);
  add_element (elements, TRELLIS_ELEMENT_ROW_HEADERS, self->area_rows.x, self->area_rows.y,
               self->area_rows.width, self->area_rows.height);
  add_element (elements, TRELLIS_ELEMENT_CELLS, self->area_cells.x, self->area_cells.y,
               self->area_cells.width, self->area_cells.height);

  for (guint i = 0; i < self->legend.items->len; i++)
    {
      const TrellisLegendItem *item = &g_array_index (self->legend.items, TrellisLegendItem, i);
      double x = self->options->rtl ? legend->width - item->x - item->width : item->x;

      add_element (elements, TRELLIS_ELEMENT_LEGEND_ENTRY, legend->x + x, legend->y + item->y, item->width, item->height);
    }

  /* As trellis_legend_paint() puts them. */
  y = self->legend.height + 14 * self->options->zoom;
  for (guint i = 0; i < self->legend.lines->len; i++)
    {
      PangoLayout *line = g_ptr_array_index (self->legend.lines, i);
      PangoRectangle logical;

      pango_layout_get_pixel_extents (line, NULL, &logical);
      add_element (elements, TRELLIS_ELEMENT_LEGEND_LINE,
                   legend->x + (self->options->rtl ? legend->width - swatch - logical.width : swatch),
                   legend->y + y, logical.width, logical.height);
      y += logical.height + 4 * self->options->zoom;
    }

  return elements;
}
