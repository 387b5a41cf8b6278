/* trellis-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-draw"

#include "config.h"

#include <math.h>

#include "trellis-draw-private.h"

/* What every part of a picture draws with: colours, clips, text, the
 * hatch and the marks. What the clip lets in must be painted exactly as
 * in the whole picture, pixel for pixel, wherever the clip lies (the PNG
 * writer's strips and a widget repainting one cell depend on it); cairo
 * does not give that by itself, and the rules that make it so are
 * written here, once. */

void
trellis_cairo_set_rgba (cairo_t           *cr,
                        const TrellisRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

void
trellis_cairo_fill_rect (cairo_t           *cr,
                         const TrellisRgba *rgba,
                         double             x,
                         double             y,
                         double             width,
                         double             height)
{
  trellis_cairo_set_rgba (cr, rgba);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/* Replaces the current path's curves by the straight segments cairo
 * would draw them with. Cairo strokes a curve that stays outside the clip
 * as a straight line, which turns the join or cap where it meets the rest
 * of the path; the pixels inside the clip then depend on where the clip
 * is. A path of straight segments is stroked the same under any clip. */
void
trellis_cairo_flatten (cairo_t *cr)
{
  cairo_path_t *flat = cairo_copy_path_flat (cr);

  cairo_new_path (cr);
  cairo_append_path (cr, flat);
  cairo_path_destroy (flat);
}

/* Clips to a rectangle grown to whole device pixels. Cairo takes a clip
 * on whole pixels as a set of pixels; any other clip changes how it
 * rasterises what crosses it (a fill that reaches such a clip is cut to
 * it first), and the pixels inside would depend on where the clip lies.
 * Painting a picture in strips, or one cell of it, must give the pixels
 * of painting it whole. */
void
trellis_cairo_clip_pixels (cairo_t           *cr,
                           const TrellisRect *r)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double x0 = r->x, y0 = r->y, x1 = r->x + r->width, y1 = r->y + r->height;
  double sx = 1, sy = 1, ox = 0, oy = 0;
  double px0, py0, px1, py1;

  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  px0 = floor (MIN (x0, x1) * sx + ox + 1e-6);
  px1 = ceil (MAX (x0, x1) * sx + ox - 1e-6);
  py0 = floor (MIN (y0, y1) * sy + oy + 1e-6);
  py1 = ceil (MAX (y0, y1) * sy + oy - 1e-6);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, (px0 - ox) / sx, (py0 - oy) / sy, (px1 - px0) / sx, (py1 - py0) / sy);
  cairo_restore (cr);
  cairo_clip (cr);
}

/* Draws a layout with its top left at x, y. Pango starts from cairo's
 * current point, which cairo keeps in device space on a 1/256 pixel grid
 * and turns back into user space through the inverse of the device
 * transform: at a scale such as 1.5 with a device offset, 0 comes back as
 * 3e-14, and a glyph that falls on half a pixel is rounded to the pixel
 * below instead of the one above. Moving the origin there and leaving no
 * current point (which Pango then takes as 0, 0) places the text the
 * same wherever the picture is painted from. Call it with the text
 * lock held. */
static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_new_path (cr);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
trellis_text_show (cairo_t     *cr,
                   PangoLayout *layout,
                   double       x,
                   double       y)
{
  trellis_text_lock ();
  show_layout_at (cr, layout, x, y);
  trellis_text_unlock ();
}

void
trellis_text_size (PangoLayout *layout,
                   int         *width,
                   int         *height)
{
  trellis_text_lock ();
  pango_layout_get_pixel_size (layout, width, height);
  trellis_text_unlock ();
}

/* Draws a layout with its text starting at start: its left edge there,
 * or its right edge when the picture is mirrored; the logical extents say
 * where the text lies in the layout, whatever its width and alignment. */
void
trellis_text_show_start (TrellisStyle *style,
                         cairo_t      *cr,
                         PangoLayout  *layout,
                         double        start,
                         double        y)
{
  PangoRectangle logical;

  trellis_text_lock ();
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (style->options->rtl)
    show_layout_at (cr, layout, start - logical.x - logical.width, y);
  else
    show_layout_at (cr, layout, start - logical.x, y);
  trellis_text_unlock ();
}

void
trellis_text_show_centred (cairo_t     *cr,
                           PangoLayout *layout,
                           double       centre,
                           double       y)
{
  PangoRectangle logical;

  trellis_text_lock ();
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  show_layout_at (cr, layout, centre - logical.x - logical.width / 2.0, y);
  trellis_text_unlock ();
}

/* Upright text always starts at the bottom, next to its column. The
 * quarter turn is exact: cairo_rotate (-π/2) leaves a cosine of 6e-17,
 * enough to round a glyph that falls on half a device pixel (common at
 * a scale of 1.5) up in one place and down in another, so that a label
 * would move by a pixel with where the picture is painted from. */
void
trellis_text_show_upright (cairo_t     *cr,
                           PangoLayout *layout)
{
  cairo_matrix_t quarter_turn;
  PangoRectangle logical;

  cairo_matrix_init (&quarter_turn, 0, -1, 1, 0, 0, 0);
  cairo_transform (cr, &quarter_turn);
  trellis_text_lock ();
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  show_layout_at (cr, layout, -logical.x, 0);
  trellis_text_unlock ();
}

/* Draws a text run centred on cx, cy. */
void
trellis_draw_text_run (TrellisStyle      *style,
                       cairo_t           *cr,
                       guint16            id,
                       const TrellisRgba *color,
                       double             cx,
                       double             cy)
{
  const TrellisTextRun *run = trellis_style_get_run (style, id);
  double x, y;

  if (run == NULL)
    return;

  x = cx - run->width / 2;
  y = cy - run->height / 2;
  trellis_cairo_set_rgba (cr, color);

  if (run->font != NULL)
    {
      cairo_glyph_t stack[16];
      cairo_glyph_t *glyphs = run->n_glyphs <= G_N_ELEMENTS (stack) ? stack : g_new (cairo_glyph_t, run->n_glyphs);

      for (guint i = 0; i < run->n_glyphs; i++)
        {
          glyphs[i] = run->glyphs[i];
          glyphs[i].x += x;
          glyphs[i].y += y;
        }
      cairo_set_scaled_font (cr, run->font);
      cairo_show_glyphs (cr, glyphs, run->n_glyphs);
      if (glyphs != stack)
        g_free (glyphs);
    }
  else
    {
      trellis_text_show (cr, run->layout, x, y);
    }
}

static double
device_scale (cairo_t *cr)
{
  double sx = 1, sy = 1;

  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  return sx;
}

/* One tile of the hatch, made for the target's resolution so that the
 * lines stay crisp: a whole number of device pixels, close to six
 * logical pixels (at the zoom) a side. */
static cairo_surface_t *
hatch_tile (TrellisStyle *style,
            double        scale)
{
  double size = 6 * style->options->zoom;
  cairo_surface_t *surface;
  cairo_t *pcr;
  int px;

  trellis_text_lock ();
  if (style->hatch != NULL && style->hatch_scale == scale)
    {
      trellis_text_unlock ();
      return style->hatch;
    }

  g_clear_pointer (&style->hatch, cairo_surface_destroy);

  px = MAX (2, (int) round (size * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
  pcr = cairo_create (surface);
  cairo_scale (pcr, px / size, px / size);
  trellis_cairo_set_rgba (pcr, &style->colors->hatch_line);
  cairo_set_line_width (pcr, MAX (1.0, style->options->zoom) * (style->colors->bold ? 1.4 : 1.0));
  cairo_move_to (pcr, -1, size + 1);
  cairo_line_to (pcr, size + 1, -1);
  cairo_move_to (pcr, -1, 1);
  cairo_line_to (pcr, 1, -1);
  cairo_move_to (pcr, size - 1, size + 1);
  cairo_line_to (pcr, size + 1, size - 1);
  cairo_stroke (pcr);
  cairo_destroy (pcr);

  style->hatch = surface;
  style->hatch_scale = scale;
  trellis_text_unlock ();

  return style->hatch;
}

/* Sets the hatch as the source, starting at the user space's origin.
 * Where user space is device space moved (export, a scrolling widget),
 * the tile's pixels lie on device pixels: the tile is then sampled one to
 * one, the same in a strip of a picture as in the whole, never resampled
 * at positions that rounding moves. Anywhere else the tile is simply six
 * logical pixels a side. */
void
trellis_draw_set_hatch (TrellisStyle *style,
                        cairo_t      *cr)
{
  double scale = device_scale (cr);
  double size = 6 * style->options->zoom;
  cairo_surface_t *tile = hatch_tile (style, scale);
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (tile);
  double px = cairo_image_surface_get_width (tile);
  cairo_matrix_t ctm, matrix;

  cairo_get_matrix (cr, &ctm);
  if (ctm.xx == 1 && ctm.yy == 1 && ctm.xy == 0 && ctm.yx == 0 &&
      cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      double dx = ctm.x0 * scale, dy = ctm.y0 * scale;

      cairo_matrix_init (&matrix, scale, 0, 0, scale, dx - floor (dx), dy - floor (dy));
      cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
    }
  else
    cairo_matrix_init_scale (&matrix, px / size, px / size);

  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
}

void
trellis_draw_hatch_rect (TrellisStyle      *style,
                         cairo_t           *cr,
                         const TrellisRect *rect)
{
  trellis_cairo_fill_rect (cr, &style->colors->hatch_background, rect->x, rect->y, rect->width, rect->height);
  trellis_draw_set_hatch (style, cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (cr);
}

void
trellis_draw_symbol (TrellisStyle  *style,
                     cairo_t       *cr,
                     TrellisSymbol  symbol,
                     double         x,
                     double         y,
                     double         size)
{
  const TrellisThemeColors *c = style->colors;
  double cx = x + size / 2;
  double cy = y + size / 2;
  double r = size / 2;

  cairo_save (cr);
  cairo_new_path (cr);

  switch (symbol)
    {
    case TRELLIS_SYMBOL_PROBLEM:
      trellis_cairo_set_rgba (cr, &c->warning);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      trellis_cairo_set_rgba (cr, &c->background);
      cairo_set_line_width (cr, MAX (1.2, size * 0.14));
      cairo_move_to (cr, cx, cy - r * 0.55);
      cairo_line_to (cr, cx, cy + r * 0.15);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy + r * 0.5, MAX (0.8, size * 0.08), 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case TRELLIS_SYMBOL_WARNING:
      trellis_cairo_set_rgba (cr, &c->warning);
      cairo_set_line_width (cr, MAX (1.2, size * 0.12));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, cx, y + size * 0.08);
      cairo_line_to (cr, x + size * 0.97, y + size * 0.92);
      cairo_line_to (cr, x + size * 0.03, y + size * 0.92);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, cx, y + size * 0.38);
      cairo_line_to (cr, cx, y + size * 0.64);
      cairo_stroke (cr);
      cairo_arc (cr, cx, y + size * 0.78, MAX (0.7, size * 0.065), 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case TRELLIS_SYMBOL_SINGLE:
      trellis_cairo_set_rgba (cr, &c->foreground);
      cairo_set_line_width (cr, MAX (1.2, size * 0.12));
      cairo_arc (cr, cx, cy, r * 0.8, 0, 2 * G_PI);
      trellis_cairo_flatten (cr);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, r * 0.3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
}

/* Adds a cell mark's shape to the path; the corners follow the reading
 * direction. */
/**
 * trellis_draw_gap_marks:
 * @value: a value on the gap palette
 *
 * Returns: the mark of the side of zero @value is coloured on
 *   (%TRELLIS_CELL_MARK_SHORT or %TRELLIS_CELL_MARK_ABOVE), or 0 in the
 *   middle: a mean that rounds to zero has none
 */
guint
trellis_draw_gap_marks (double value)
{
  guint step = trellis_palette_gap_step (value);
  guint middle = trellis_palette_gap_step (0);

  return step > middle ? TRELLIS_CELL_MARK_SHORT : step < middle ? TRELLIS_CELL_MARK_ABOVE : 0;
}

void
trellis_draw_cell_mark_path (cairo_t  *cr,
                             guint     mark,
                             double    x,
                             double    y,
                             double    w,
                             double    h,
                             gboolean  rtl)
{
  double s = MIN (w, h) * 0.32;
#define X(dx) (rtl ? x + w - (dx) : x + (dx))

  switch (mark)
    {
    case TRELLIS_CELL_MARK_WANT:
      cairo_move_to (cr, X (w - s), y);
      cairo_line_to (cr, X (w), y);
      cairo_line_to (cr, X (w), y + s);
      cairo_close_path (cr);
      break;

    case TRELLIS_CELL_MARK_WARNING:
      cairo_move_to (cr, X (1 + s / 2), y + 1);
      cairo_line_to (cr, X (1 + s), y + 1 + s / 2);
      cairo_line_to (cr, X (1 + s / 2), y + 1 + s);
      cairo_line_to (cr, X (1), y + 1 + s / 2);
      cairo_close_path (cr);
      break;

    case TRELLIS_CELL_MARK_SINGLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, X (2 + s * 0.4), y + h - 2 - s * 0.4, s * 0.4, 0, 2 * G_PI);
      break;

    case TRELLIS_CELL_MARK_NEW:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w / 2, y + h / 2, s * 0.4, 0, 2 * G_PI);
      break;

    /* Both in the bottom left corner, under the digits' baseline, in
     * either direction (the marks of the other corners are not in the
     * views of the gap palette): they never come together. */
    case TRELLIS_CELL_MARK_SHORT:
      cairo_move_to (cr, x + 2, y + h - 1.5 - s * 0.5);
      cairo_line_to (cr, x + 2 + s * 0.9, y + h - 1.5 - s * 0.5);
      cairo_line_to (cr, x + 2 + s * 0.45, y + h - 1.5);
      cairo_close_path (cr);
      break;

    case TRELLIS_CELL_MARK_ABOVE:
      cairo_move_to (cr, x + 2, y + h - 1.5);
      cairo_line_to (cr, x + 2 + s * 0.9, y + h - 1.5);
      cairo_line_to (cr, x + 2 + s * 0.45, y + h - 1.5 - s * 0.5);
      cairo_close_path (cr);
      break;

    default:
      break;
    }
#undef X
}
