/* trellis-paint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-paint"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-layout-private.h"

/* Painting reads the layout and draws; it never shapes a cell's text
 * (that was done once, see trellis_layout_intern_text()), never looks at
 * a cell outside the clip, and batches: one fill per colour, and the
 * texts of one font and colour together.
 *
 * A cell's text is shown with a cairo_show_glyphs() of its own, never
 * with other cells' glyphs. Cairo composites a run of glyphs either glyph
 * by glyph or through one mask for the whole run, depending on every
 * glyph in the run (whether any of their boxes overlap), and the two
 * round differently by one level where two glyphs of a text share a
 * pixel. Had the run held every text of a colour, whichever other cells
 * the clip let in would change a cell's pixels, and a picture painted in
 * strips or a widget repainting one cell would not match the whole. */

/* Pango objects are not meant for several threads: a layout may lay
 * itself out again when the font configuration changes. The PNG writer
 * paints strips on several threads, so every use of Pango while painting
 * goes through this lock; cells draw their shaped numbers with cairo
 * alone and never wait for it. */
static GRecMutex text_lock;

void
trellis_text_lock (void)
{
  g_rec_mutex_lock (&text_lock);
}

void
trellis_text_unlock (void)
{
  g_rec_mutex_unlock (&text_lock);
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
  g_rec_mutex_lock (&text_lock);
  show_layout_at (cr, layout, x, y);
  g_rec_mutex_unlock (&text_lock);
}

void
trellis_text_size (PangoLayout *layout,
                   int         *width,
                   int         *height)
{
  g_rec_mutex_lock (&text_lock);
  pango_layout_get_pixel_size (layout, width, height);
  g_rec_mutex_unlock (&text_lock);
}

/* Draws a layout with its text starting at start: its left edge there,
 * or its right edge when the layout is mirrored; the logical extents say
 * where the text lies in the layout, whatever its width and alignment. */
void
trellis_text_show_start (TrellisLayout *self,
                         cairo_t       *cr,
                         PangoLayout   *layout,
                         double         start,
                         double         y)
{
  PangoRectangle logical;

  g_rec_mutex_lock (&text_lock);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (self->options->rtl)
    show_layout_at (cr, layout, start - logical.x - logical.width, y);
  else
    show_layout_at (cr, layout, start - logical.x, y);
  g_rec_mutex_unlock (&text_lock);
}

void
trellis_text_show_centred (cairo_t     *cr,
                           PangoLayout *layout,
                           double       centre,
                           double       y)
{
  PangoRectangle logical;

  g_rec_mutex_lock (&text_lock);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  show_layout_at (cr, layout, centre - logical.x - logical.width / 2.0, y);
  g_rec_mutex_unlock (&text_lock);
}

void
trellis_cairo_set_rgba (cairo_t           *cr,
                        const TrellisRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

static void
fill_rect (cairo_t           *cr,
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

/* The first item that reaches past lo. */
static guint
axis_first_visible (const Axis *axis,
                    double      lo)
{
  guint a = 0;
  guint b = axis->items->len;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;
      const Item *item = &g_array_index (axis->items, Item, mid);

      if (item->pos + item->size <= lo)
        a = mid + 1;
      else
        b = mid;
    }

  return a;
}

static guint
axis_end_visible (const Axis *axis,
                  guint       first,
                  double      hi)
{
  guint a = first;
  guint b = axis->items->len;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (g_array_index (axis->items, Item, mid).pos < hi)
        a = mid + 1;
      else
        b = mid;
    }

  return a;
}

/* The rows [*first, *end) that meet @clip. */
static void
visible_rows (TrellisLayout     *self,
              const TrellisRect *clip,
              guint             *first,
              guint             *end)
{
  *first = axis_first_visible (&self->rows, clip->y);
  *end = axis_end_visible (&self->rows, *first, clip->y + clip->height);
}

/* The columns [*first, *end) that meet @clip. Column positions run in
 * reading order, so right to left they are mirrored. */
static void
visible_columns (TrellisLayout     *self,
                 const TrellisRect *clip,
                 guint             *first,
                 guint             *end)
{
  double lo, hi;

  if (self->options->rtl)
    {
      lo = self->content_width - (clip->x + clip->width);
      hi = self->content_width - clip->x;
    }
  else
    {
      lo = clip->x;
      hi = clip->x + clip->width;
    }

  *first = axis_first_visible (&self->columns, lo);
  *end = axis_end_visible (&self->columns, *first, hi);
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
hatch_tile (TrellisLayout *self,
            double         scale)
{
  double size = 6 * self->options->zoom;
  cairo_surface_t *surface;
  cairo_t *pcr;
  int px;

  trellis_text_lock ();
  if (self->hatch != NULL && self->hatch_scale == scale)
    {
      trellis_text_unlock ();
      return self->hatch;
    }

  g_clear_pointer (&self->hatch, cairo_surface_destroy);

  px = MAX (2, (int) round (size * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px, px);
  pcr = cairo_create (surface);
  cairo_scale (pcr, px / size, px / size);
  trellis_cairo_set_rgba (pcr, &self->colors->hatch_line);
  cairo_set_line_width (pcr, MAX (1.0, self->options->zoom) * (self->colors->bold ? 1.4 : 1.0));
  cairo_move_to (pcr, -1, size + 1);
  cairo_line_to (pcr, size + 1, -1);
  cairo_move_to (pcr, -1, 1);
  cairo_line_to (pcr, 1, -1);
  cairo_move_to (pcr, size - 1, size + 1);
  cairo_line_to (pcr, size + 1, size - 1);
  cairo_stroke (pcr);
  cairo_destroy (pcr);

  self->hatch = surface;
  self->hatch_scale = scale;
  trellis_text_unlock ();

  return self->hatch;
}

/* Sets the hatch as the source, starting at the user space's origin.
 * Where user space is device space moved (export, a scrolling widget),
 * the tile's pixels lie on device pixels: the tile is then sampled one to
 * one, the same in a strip of a picture as in the whole, never resampled
 * at positions that rounding moves. Anywhere else the tile is simply six
 * logical pixels a side. */
static void
set_hatch_source (TrellisLayout *self,
                  cairo_t       *cr)
{
  double scale = device_scale (cr);
  double size = 6 * self->options->zoom;
  cairo_surface_t *tile = hatch_tile (self, scale);
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
trellis_paint_hatch_rect (TrellisLayout     *self,
                          cairo_t           *cr,
                          const TrellisRect *rect)
{
  fill_rect (cr, &self->colors->hatch_background, rect->x, rect->y, rect->width, rect->height);
  set_hatch_source (self, cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (cr);
}

void
trellis_paint_text_run (TrellisLayout     *self,
                        cairo_t           *cr,
                        guint16            id,
                        const TrellisRgba *color,
                        double             cx,
                        double             cy)
{
  const TextRun *run = trellis_layout_get_text_run (self, id);
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

/* Marks: shapes, so that they survive any palette and a grey print. */
void
trellis_paint_mark (TrellisLayout *self,
                    cairo_t       *cr,
                    SwatchKind     kind,
                    double         x,
                    double         y,
                    double         size)
{
  const TrellisThemeColors *c = self->colors;
  double cx = x + size / 2;
  double cy = y + size / 2;
  double r = size / 2;

  cairo_save (cr);
  cairo_new_path (cr);

  switch (kind)
    {
    case SWATCH_PROBLEM:
      /* A filled disc with an exclamation mark. */
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

    case SWATCH_WARNING:
      /* A triangle with an exclamation mark. */
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

    case SWATCH_SINGLE:
      /* A ring with a dot: one person holds it. */
      trellis_cairo_set_rgba (cr, &c->foreground);
      cairo_set_line_width (cr, MAX (1.2, size * 0.12));
      cairo_arc (cr, cx, cy, r * 0.8, 0, 2 * G_PI);
      trellis_cairo_flatten (cr);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, r * 0.3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case SWATCH_HEADING:
    case SWATCH_FILL:
    case SWATCH_HATCH:
    case SWATCH_SUPPRESSED:
    case SWATCH_NOT_REQUIRED:
    case SWATCH_WANT:
    case SWATCH_MANDATE:
    case SWATCH_BOUNDARY:
    case SWATCH_NEW:
    case SWATCH_STRIPS:
    case SWATCH_STAGE:
    case SWATCH_LINK:
    case SWATCH_TEXT:
    default:
      break;
    }

  cairo_restore (cr);
}

/* Cell marks, in the corners, in the cell's text colour; the corners
 * follow the reading direction. */
static void
add_cell_mark_path (cairo_t  *cr,
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
    case MARK_WANT:
      /* Top trailing corner: a small triangle, like a sprout. */
      cairo_move_to (cr, X (w - s), y);
      cairo_line_to (cr, X (w), y);
      cairo_line_to (cr, X (w), y + s);
      cairo_close_path (cr);
      break;

    case MARK_WARNING:
      /* Top leading corner: a diamond. */
      cairo_move_to (cr, X (1 + s / 2), y + 1);
      cairo_line_to (cr, X (1 + s), y + 1 + s / 2);
      cairo_line_to (cr, X (1 + s / 2), y + 1 + s);
      cairo_line_to (cr, X (1), y + 1 + s / 2);
      cairo_close_path (cr);
      break;

    case MARK_SINGLE:
      /* Bottom leading corner: a dot. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, X (2 + s * 0.4), y + h - 2 - s * 0.4, s * 0.4, 0, 2 * G_PI);
      break;

    case MARK_NEW:
      /* Centre: a dot. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w / 2, y + h / 2, s * 0.4, 0, 2 * G_PI);
      break;

    default:
      break;
    }
#undef X
}

typedef struct
{
  const TrellisRgba *color;
  GArray            *rects;   /* TrellisRect */
  gboolean           outline; /* too pale to stand out from the page */
} FillBatch;

typedef struct
{
  cairo_scaled_font_t *font;
  const TrellisRgba   *color;
  GArray              *glyphs;  /* cairo_glyph_t */
  GArray              *starts;  /* guint: where each cell's text begins */
} GlyphBatch;

typedef struct
{
  const TrellisRgba *color;
  guint              mark;
  GArray            *rects;
} MarkBatch;

typedef struct
{
  TrellisLayout *self;
  GArray        *fills;     /* FillBatch */
  GArray        *glyphs;    /* GlyphBatch */
  GArray        *marks;     /* MarkBatch */
  GArray        *hatches;   /* TrellisRect */
  GArray        *suppressed;
  GArray        *layouts;   /* fallback text: (id, colour, x, y) */
} Batches;

typedef struct
{
  guint16            id;
  const TrellisRgba *color;
  double             x;
  double             y;
} LooseText;

static void
batches_init (Batches       *b,
              TrellisLayout *self)
{
  b->self = self;
  b->fills = g_array_new (FALSE, FALSE, sizeof (FillBatch));
  b->glyphs = g_array_new (FALSE, FALSE, sizeof (GlyphBatch));
  b->marks = g_array_new (FALSE, FALSE, sizeof (MarkBatch));
  b->hatches = g_array_new (FALSE, FALSE, sizeof (TrellisRect));
  b->suppressed = g_array_new (FALSE, FALSE, sizeof (TrellisRect));
  b->layouts = g_array_new (FALSE, FALSE, sizeof (LooseText));
}

static void
batches_clear (Batches *b)
{
  for (guint i = 0; i < b->fills->len; i++)
    g_array_unref (g_array_index (b->fills, FillBatch, i).rects);
  for (guint i = 0; i < b->glyphs->len; i++)
    {
      g_array_unref (g_array_index (b->glyphs, GlyphBatch, i).glyphs);
      g_array_unref (g_array_index (b->glyphs, GlyphBatch, i).starts);
    }
  for (guint i = 0; i < b->marks->len; i++)
    g_array_unref (g_array_index (b->marks, MarkBatch, i).rects);
  g_array_unref (b->fills);
  g_array_unref (b->glyphs);
  g_array_unref (b->marks);
  g_array_unref (b->hatches);
  g_array_unref (b->suppressed);
  g_array_unref (b->layouts);
}

static void
batch_fill (Batches           *b,
            const TrellisRgba *color,
            const TrellisRect *rect)
{
  FillBatch *batch = NULL;

  /* Few distinct colours: the last one used is the likeliest. */
  for (guint i = b->fills->len; i > 0; i--)
    {
      FillBatch *f = &g_array_index (b->fills, FillBatch, i - 1);

      if (f->color == color)
        {
          batch = f;
          break;
        }
    }

  if (batch == NULL)
    {
      const TrellisThemeColors *c = b->self->colors;
      FillBatch f = { color, g_array_new (FALSE, FALSE, sizeof (TrellisRect)), FALSE };

      /* Data colours close to the page get a fine outline, so that
       * "nobody" never looks like "not required". */
      f.outline = color != &c->not_required && color != &c->background &&
                  color != &c->hatch_background && color != &c->suppressed &&
                  trellis_rgba_contrast_ratio (color, &c->background) < 1.2;
      g_array_append_val (b->fills, f);
      batch = &g_array_index (b->fills, FillBatch, b->fills->len - 1);
    }

  g_array_append_vals (batch->rects, rect, 1);
}

static void
batch_mark (Batches           *b,
            const TrellisRgba *color,
            guint              mark,
            const TrellisRect *rect)
{
  MarkBatch *batch = NULL;

  for (guint i = 0; i < b->marks->len; i++)
    {
      MarkBatch *m = &g_array_index (b->marks, MarkBatch, i);

      if (m->color == color && m->mark == mark)
        {
          batch = m;
          break;
        }
    }

  if (batch == NULL)
    {
      MarkBatch m = { color, mark, g_array_new (FALSE, FALSE, sizeof (TrellisRect)) };

      g_array_append_val (b->marks, m);
      batch = &g_array_index (b->marks, MarkBatch, b->marks->len - 1);
    }

  g_array_append_vals (batch->rects, rect, 1);
}

static void
batch_text (Batches           *b,
            guint16            id,
            const TrellisRgba *color,
            double             cx,
            double             cy,
            double             avail_w,
            double             avail_h)
{
  const TextRun *run = trellis_layout_get_text_run (b->self, id);
  GlyphBatch *batch = NULL;
  double x, y;
  guint start;

  /* Text is printed only where it fits. */
  if (run == NULL || run->width > avail_w || run->height > avail_h * 1.2)
    return;

  x = cx - run->width / 2;
  y = cy - run->height / 2;

  if (run->font == NULL)
    {
      LooseText t = { id, color, x, y };

      g_array_append_val (b->layouts, t);
      return;
    }

  for (guint i = b->glyphs->len; i > 0; i--)
    {
      GlyphBatch *g = &g_array_index (b->glyphs, GlyphBatch, i - 1);

      if (g->font == run->font && g->color == color)
        {
          batch = g;
          break;
        }
    }

  if (batch == NULL)
    {
      GlyphBatch g = { run->font, color, g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t)),
                       g_array_new (FALSE, FALSE, sizeof (guint)) };

      g_array_append_val (b->glyphs, g);
      batch = &g_array_index (b->glyphs, GlyphBatch, b->glyphs->len - 1);
    }

  start = batch->glyphs->len;
  g_array_append_val (batch->starts, start);
  g_array_append_vals (batch->glyphs, run->glyphs, run->n_glyphs);
  for (guint i = start; i < batch->glyphs->len; i++)
    {
      cairo_glyph_t *g = &g_array_index (batch->glyphs, cairo_glyph_t, i);

      g->x += x;
      g->y += y;
    }
}

static void
batches_paint (Batches *b,
               cairo_t *cr)
{
  TrellisLayout *self = b->self;

  for (guint i = 0; i < b->fills->len; i++)
    {
      FillBatch *f = &g_array_index (b->fills, FillBatch, i);

      trellis_cairo_set_rgba (cr, f->color);
      for (guint k = 0; k < f->rects->len; k++)
        {
          const TrellisRect *r = &g_array_index (f->rects, TrellisRect, k);
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      cairo_fill (cr);
    }

  for (guint i = 0; i < b->fills->len; i++)
    {
      FillBatch *f = &g_array_index (b->fills, FillBatch, i);
      const TrellisRgba *m = &self->colors->muted;

      if (!f->outline)
        continue;
      cairo_set_source_rgba (cr, m->red, m->green, m->blue, 0.55);
      cairo_set_line_width (cr, 1);
      for (guint k = 0; k < f->rects->len; k++)
        {
          const TrellisRect *r = &g_array_index (f->rects, TrellisRect, k);
          cairo_rectangle (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1);
        }
      cairo_stroke (cr);
    }

  if (b->hatches->len > 0)
    {
      set_hatch_source (self, cr);
      for (guint k = 0; k < b->hatches->len; k++)
        {
          const TrellisRect *r = &g_array_index (b->hatches, TrellisRect, k);
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      cairo_fill (cr);
    }

  if (b->suppressed->len > 0)
    {
      /* A short dash: something is there, but not shown. */
      trellis_cairo_set_rgba (cr, &self->colors->muted);
      for (guint k = 0; k < b->suppressed->len; k++)
        {
          const TrellisRect *r = &g_array_index (b->suppressed, TrellisRect, k);
          double w = MIN (r->width * 0.4, 10 * self->options->zoom);

          cairo_rectangle (cr, r->x + (r->width - w) / 2, r->y + r->height / 2 - 0.75 * self->options->zoom,
                           w, 1.5 * self->options->zoom);
        }
      cairo_fill (cr);
    }

  for (guint i = 0; i < b->marks->len; i++)
    {
      MarkBatch *m = &g_array_index (b->marks, MarkBatch, i);

      trellis_cairo_set_rgba (cr, m->color);
      for (guint k = 0; k < m->rects->len; k++)
        {
          const TrellisRect *r = &g_array_index (m->rects, TrellisRect, k);
          add_cell_mark_path (cr, m->mark, r->x, r->y, r->width, r->height, self->options->rtl);
        }
      cairo_fill (cr);
    }

  for (guint i = 0; i < b->glyphs->len; i++)
    {
      GlyphBatch *g = &g_array_index (b->glyphs, GlyphBatch, i);

      const cairo_glyph_t *glyphs = (const cairo_glyph_t *) (const void *) g->glyphs->data;

      trellis_cairo_set_rgba (cr, g->color);
      cairo_set_scaled_font (cr, g->font);
      /* One text at a time: see the top of this file. */
      for (guint k = 0; k < g->starts->len; k++)
        {
          guint start = g_array_index (g->starts, guint, k);
          guint end = k + 1 < g->starts->len ? g_array_index (g->starts, guint, k + 1) : g->glyphs->len;

          cairo_show_glyphs (cr, glyphs + start, end - start);
        }
    }

  for (guint i = 0; i < b->layouts->len; i++)
    {
      const LooseText *t = &g_array_index (b->layouts, LooseText, i);
      const TextRun *run = trellis_layout_get_text_run (self, t->id);

      trellis_cairo_set_rgba (cr, t->color);
      trellis_text_show (cr, run->layout, t->x, t->y);
    }
}

static gboolean
owned (TrellisLayout *self,
       guint          row,
       guint          column)
{
  if (column >= self->n_assign_columns || row >= self->rows.items->len)
    return FALSE;

  return self->assigns[(gsize) row * self->n_assign_columns + column].owner;
}

static gboolean
same_row_group (TrellisLayout *self,
                guint          a,
                guint          b)
{
  return b < self->rows.items->len &&
         trellis_layout_row_item (self, a)->group == trellis_layout_row_item (self, b)->group;
}

/* Lines where ownership changes between neighbours: each role's
 * territory gets an outline, and the line where one role hands over to
 * another stands out. */
static void
paint_boundaries (TrellisLayout *self,
                  cairo_t       *cr,
                  guint          r0,
                  guint          r1,
                  guint          c0,
                  guint          c1)
{
  double half = self->colors->cell_gap / 2;
  gboolean rtl = self->options->rtl;
  gboolean any = FALSE;

  c1 = MIN (c1, self->n_assign_columns);
  if (c0 >= c1)
    return;

  for (guint r = r0; r < r1; r++)
    {
      const Item *ri = trellis_layout_row_item (self, r);
      double top = ri->pos - half;
      double bottom = ri->pos + ri->size - half;

      for (guint c = c0; c < c1; c++)
        {
          const Item *ci = trellis_layout_column_item (self, c);
          gboolean here = owned (self, r, c);
          double lead = (rtl ? self->content_width - ci->pos : ci->pos) - (rtl ? -half : half);
          double trail = (rtl ? self->content_width - ci->pos - ci->size : ci->pos + ci->size) - (rtl ? -half : half);
          gboolean below = same_row_group (self, r, r + 1) && owned (self, r + 1, c);
          gboolean above = r > 0 && same_row_group (self, r, r - 1) && owned (self, r - 1, c);
          gboolean after = c + 1 < self->n_assign_columns && owned (self, r, c + 1);
          gboolean before = c > 0 && owned (self, r, c - 1);

          if (here != after)
            {
              cairo_move_to (cr, trail, top);
              cairo_line_to (cr, trail, bottom);
              any = TRUE;
            }
          if (c == c0 && here != before)
            {
              cairo_move_to (cr, lead, top);
              cairo_line_to (cr, lead, bottom);
              any = TRUE;
            }
          if (here != below)
            {
              cairo_move_to (cr, lead, bottom);
              cairo_line_to (cr, trail, bottom);
              any = TRUE;
            }
          if (r == r0 && here != above)
            {
              cairo_move_to (cr, lead, top);
              cairo_line_to (cr, trail, top);
              any = TRUE;
            }
        }
    }

  if (!any)
    return;

  trellis_cairo_set_rgba (cr, &self->colors->boundary);
  cairo_set_line_width (cr, self->colors->boundary_width * self->options->zoom);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
}

/**
 * trellis_layout_paint_cells:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the cell area's
 * @clip: the part of the cell area to paint
 *
 * Paints the cells that meet @clip, and no others.
 *
 * Returns: the number of cells (or nodes) painted
 */
guint
trellis_layout_paint_cells (TrellisLayout     *self,
                            cairo_t           *cr,
                            const TrellisRect *clip)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (clip != NULL, 0);

  return trellis_layout_paint_cells_on (self, cr, clip, PAGE_CLEAR);
}

/* The page between the cells, as stripes along the gaps: far less to
 * fill than the whole clip when the cells cover most of it. */
static void
paint_page_stripes (TrellisLayout     *self,
                    cairo_t           *cr,
                    const TrellisRect *clip,
                    guint              r0,
                    guint              r1,
                    guint              c0,
                    guint              c1)
{
  double gap = self->colors->cell_gap * self->options->zoom;
  double bottom = clip->y + clip->height;
  double cw = self->content_width;

  trellis_cairo_set_rgba (cr, &self->colors->background);

  /* Above the first row, and under each row down to the next. */
  if (trellis_layout_row_item (self, r0)->pos > clip->y)
    cairo_rectangle (cr, clip->x, clip->y, clip->width, trellis_layout_row_item (self, r0)->pos - clip->y);
  for (guint r = r0; r < r1; r++)
    {
      const Item *item = trellis_layout_row_item (self, r);
      double from = item->pos + item->size - gap;
      double to = r + 1 < self->rows.items->len ? trellis_layout_row_item (self, r + 1)->pos : MAX (bottom, from);

      cairo_rectangle (cr, clip->x, from, clip->width, MIN (to, bottom) - from);
    }

  /* Beside each column, towards the next; columns run right to left when
   * mirrored. */
  for (guint c = c0; c < c1; c++)
    {
      const Item *item = trellis_layout_column_item (self, c);
      double from = item->pos + item->size - gap;
      double to = c + 1 < self->columns.items->len ? trellis_layout_column_item (self, c + 1)->pos : cw + clip->width;

      if (self->options->rtl)
        cairo_rectangle (cr, cw - to, clip->y, to - from, clip->height);
      else
        cairo_rectangle (cr, from, clip->y, to - from, clip->height);
    }
  {
    double first = trellis_layout_column_item (self, c0)->pos;

    if (self->options->rtl)
      cairo_rectangle (cr, cw - first, clip->y, first + clip->width, clip->height);
    else
      cairo_rectangle (cr, clip->x, clip->y, first - clip->x, clip->height);
  }

  cairo_fill (cr);
}

guint
trellis_layout_paint_cells_on (TrellisLayout     *self,
                               cairo_t           *cr,
                               const TrellisRect *clip,
                               PageMode           page)
{
  const TrellisThemeColors *colors = self->colors;
  double gap = colors->cell_gap * self->options->zoom;
  guint r0, r1, c0, c1;
  guint painted = 0;
  Batches b;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);
  /* Stripes only work where the grid is the page's colour. */
  if (page == PAGE_STRIPES && memcmp (&colors->grid, &colors->background, sizeof (TrellisRgba)) != 0)
    page = PAGE_CLEAR;
  if (page == PAGE_CLEAR || (page == PAGE_STRIPES && self->options->view == TRELLIS_VIEW_SIGHT))
    {
      trellis_cairo_set_rgba (cr, &colors->background);
      cairo_paint (cr);
    }

  if (self->options->view == TRELLIS_VIEW_SIGHT)
    {
      painted = trellis_layout_paint_sight (self, cr, clip);
      cairo_restore (cr);
      return painted;
    }

  visible_rows (self, clip, &r0, &r1);
  visible_columns (self, clip, &c0, &c1);

  if (r0 >= r1 || c0 >= c1)
    {
      if (page == PAGE_STRIPES)
        {
          trellis_cairo_set_rgba (cr, &colors->background);
          cairo_paint (cr);
        }
      cairo_restore (cr);
      return 0;
    }

  if (page == PAGE_STRIPES)
    paint_page_stripes (self, cr, clip, r0, r1, c0, c1);

  /* Where the grid has its own colour (high contrast), it shows as the
   * block behind each group's cells. */
  if (memcmp (&colors->grid, &colors->background, sizeof (TrellisRgba)) != 0)
    {
      trellis_cairo_set_rgba (cr, &colors->grid);
      for (guint rg = trellis_layout_row_item (self, r0)->group; rg <= trellis_layout_row_item (self, r1 - 1)->group; rg++)
        {
          const Group *grow = &g_array_index (self->rows.groups, Group, rg);

          for (guint cg = trellis_layout_column_item (self, c0)->group; cg <= trellis_layout_column_item (self, c1 - 1)->group; cg++)
            {
              const Group *gcol = &g_array_index (self->columns.groups, Group, cg);
              double x = self->options->rtl ? self->content_width - gcol->pos - gcol->size : gcol->pos;

              cairo_rectangle (cr, x - gap, grow->pos - gap, gcol->size + gap, grow->size + gap);
            }
        }
      cairo_fill (cr);
    }

  batches_init (&b, self);

  for (guint r = r0; r < r1; r++)
    {
      const Item *ri = trellis_layout_row_item (self, r);

      for (guint c = c0; c < c1; c++)
        {
          const Item *ci = trellis_layout_column_item (self, c);
          TrellisCellInfo info;
          CellPaint paint;
          TrellisRect rect;

          memset (&paint, 0, sizeof paint);
          trellis_layout_compute_cell (self, r, c, &info, &paint);

          rect.x = self->options->rtl ? self->content_width - ci->pos - ci->size + gap : ci->pos;
          rect.y = ri->pos;
          rect.width = ci->size - gap;
          rect.height = ri->size - gap;

          if (paint.fill == NULL)
            paint.fill = &colors->background;
          if (paint.text_color == NULL)
            paint.text_color = &colors->foreground;

          batch_fill (&b, paint.fill, &rect);
          if (paint.pattern == PATTERN_HATCH)
            g_array_append_val (b.hatches, rect);
          else if (paint.pattern == PATTERN_SUPPRESSED)
            g_array_append_val (b.suppressed, rect);

          if (paint.n_parts == 0)
            {
              if (paint.text[0] != NO_TEXT)
                batch_text (&b, paint.text[0], paint.text_color,
                            rect.x + rect.width / 2, rect.y + rect.height / 2,
                            rect.width - 2, rect.height);
            }
          else
            {
              double pw = rect.width / paint.n_parts;

              for (guint k = 0; k < paint.n_parts; k++)
                {
                  guint kk = self->options->rtl ? paint.n_parts - 1 - k : k;
                  TrellisRect part = TRELLIS_RECT_INIT (rect.x + kk * pw, rect.y, pw, rect.height);

                  /* A perspective nobody gave: a quiet dash. */
                  if (paint.part_missing & (1 << k))
                    g_array_append_val (b.suppressed, part);
                  else if (paint.text[k] != NO_TEXT)
                    batch_text (&b, paint.text[k], paint.text_color,
                                part.x + part.width / 2, part.y + part.height / 2,
                                part.width, part.height);
                }
            }

          for (guint m = MARK_WANT; m <= MARK_NEW; m <<= 1)
            {
              if (paint.marks & m)
                batch_mark (&b, paint.text_color, m, &rect);
            }

          painted++;
        }
    }

  batches_paint (&b, cr);
  batches_clear (&b);

  /* Boundary lines are wider than the gap between cells: those of the
   * cells just outside the clip reach into it. */
  if (self->options->view == TRELLIS_VIEW_RESPONSIBILITIES)
    paint_boundaries (self, cr, r0 > 0 ? r0 - 1 : 0, MIN (r1 + 1, self->rows.items->len),
                      c0 > 0 ? c0 - 1 : 0, MIN (c1 + 1, self->columns.items->len));

  cairo_restore (cr);

  return painted;
}

/* Headers */

static PangoLayout *
item_layout (TrellisLayout *self,
             Item          *item,
             double         width)
{
  trellis_text_lock ();
  if (item->layout == NULL)
    {
      item->layout = trellis_layout_make_text (self, self->header_font, item->label);
      pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (item->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_single_paragraph_mode (item->layout, TRUE);
      if (item->marks & (ITEM_MARK_AGGREGATE | ITEM_MARK_FOCUS))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          if (item->marks & ITEM_MARK_AGGREGATE)
            pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
          if (item->marks & ITEM_MARK_FOCUS)
            pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (item->layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }
  trellis_text_unlock ();

  return item->layout;
}

static PangoLayout *
group_layout (TrellisLayout *self,
              Group         *group,
              double         width,
              double         height)
{
  trellis_text_lock ();
  if (group->layout == NULL)
    {
      group->layout = trellis_layout_make_text (self, self->group_font, group->label);
      if (width > 0)
        {
          pango_layout_set_ellipsize (group->layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (group->layout, (int) (MAX (width, 1) * PANGO_SCALE));
        }
      if (height > 0)
        {
          pango_layout_set_wrap (group->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (group->layout, (int) (height * PANGO_SCALE));
        }
      else
        pango_layout_set_single_paragraph_mode (group->layout, TRUE);
    }
  trellis_text_unlock ();

  return group->layout;
}

/* Upright text always starts at the bottom, next to its column. The
 * quarter turn is exact: cairo_rotate (-π/2) leaves a cosine of 6e-17,
 * enough to round a glyph that falls on half a device pixel (common at
 * a scale of 1.5) up in one place and down in another, so that a label
 * would move by a pixel with where the picture is painted from. */
static void
show_upright (cairo_t     *cr,
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

static void
paint_item_marks (TrellisLayout *self,
                  cairo_t       *cr,
                  const Item    *item,
                  double         x,
                  double         cy,
                  gboolean       rtl)
{
  double size = self->text_height * 0.85;
  double pos = x;

  if (item->marks & ITEM_MARK_PROBLEM)
    {
      trellis_paint_mark (self, cr, SWATCH_PROBLEM, rtl ? pos - size : pos, cy - size / 2, size);
      pos += rtl ? -(size + 3) : size + 3;
    }
  else if (item->marks & ITEM_MARK_WARNING)
    {
      trellis_paint_mark (self, cr, SWATCH_WARNING, rtl ? pos - size : pos, cy - size / 2, size);
      pos += rtl ? -(size + 3) : size + 3;
    }
  if (item->marks & ITEM_MARK_SINGLE)
    {
      trellis_paint_mark (self, cr, SWATCH_SINGLE, rtl ? pos - size : pos, cy - size / 2, size);
      pos += rtl ? -(size + 3) : size + 3;
    }

  if (item->footnote > 0)
    {
      g_autofree char *note = item->n_notes > 1 ?
        /* Translators: a range of finding numbers, e.g. "3–5". */
        g_strdup_printf (_("%u–%u"), item->footnote, item->footnote + item->n_notes - 1) :
        g_strdup_printf ("%u", item->footnote);
      PangoLayout *layout;
      int w, h;

      trellis_text_lock ();
      layout = trellis_layout_make_text (self, self->small_font, note);
      trellis_text_size (layout, &w, &h);
      trellis_cairo_set_rgba (cr, &self->colors->muted);
      trellis_text_show_start (self, cr, layout, pos, cy - h / 2.0);
      g_object_unref (layout);
      trellis_text_unlock ();
    }
}

/**
 * trellis_layout_paint_row_headers:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the row headers' top-left, with
 *   y running as in the cell area
 * @clip: the part of the row headers to paint
 *
 * Paints the group bands and row labels that meet @clip.
 */
void
trellis_layout_paint_row_headers (TrellisLayout     *self,
                                  cairo_t           *cr,
                                  const TrellisRect *clip)
{
  const TrellisThemeColors *colors;
  gboolean rtl;
  double width;
  guint r0, r1;
  double label_x;

  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  colors = self->colors;
  rtl = self->options->rtl;
  width = self->rows.header;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);
  trellis_cairo_set_rgba (cr, &colors->header);
  cairo_paint (cr);

  visible_rows (self, clip, &r0, &r1);
  if (r0 >= r1)
    {
      cairo_restore (cr);
      return;
    }

  /* Group bands, their names across the top of the band. */
  if (self->rows.band > 0)
    {
      double zoom = self->options->zoom;

      for (guint g = trellis_layout_row_item (self, r0)->group; g <= trellis_layout_row_item (self, r1 - 1)->group; g++)
        {
          Group *group = &g_array_index (self->rows.groups, Group, g);
          double x = rtl ? width - self->rows.band : 0;
          double h = group->size - colors->cell_gap;
          PangoLayout *layout;
          int lw, lh;

          fill_rect (cr, &colors->band[g % 2], x, group->pos, self->rows.band - 2 * zoom, h);
          if (group->label == NULL)
            continue;

          layout = group_layout (self, group, self->rows.band - 12 * zoom, MAX (h - 4 * zoom, 1));
          trellis_text_size (layout, &lw, &lh);
          trellis_cairo_set_rgba (cr, &colors->foreground);
          trellis_text_show_start (self, cr, layout, rtl ? x + self->rows.band - 7 * zoom : x + 5 * zoom,
                                   group->pos + MAX (0, MIN ((h - lh) / 2, (self->cell_height - colors->cell_gap - lh) / 2)));
        }
    }

  label_x = self->rows.band + 6 * self->options->zoom;
  for (guint r = r0; r < r1; r++)
    {
      Item *item = trellis_layout_row_item (self, r);
      PangoLayout *layout = item_layout (self, item, self->rows.label_width);
      double cy = item->pos + (item->size - self->colors->cell_gap) / 2;
      int lw, lh;

      trellis_text_size (layout, &lw, &lh);
      trellis_cairo_set_rgba (cr, (item->marks & ITEM_MARK_AGGREGATE) ? &colors->muted : &colors->foreground);
      trellis_text_show_start (self, cr, layout, rtl ? width - label_x : label_x, cy - lh / 2.0);

      if (item->marks & (ITEM_MARK_SINGLE | ITEM_MARK_PROBLEM | ITEM_MARK_WARNING | ITEM_MARK_INFO) || item->footnote)
        {
          double mx = label_x + self->rows.label_width + 4;

          paint_item_marks (self, cr, item, rtl ? width - mx : mx, cy, rtl);
        }
    }

  cairo_restore (cr);
}

/**
 * trellis_layout_paint_column_headers:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the column headers' top-left,
 *   with x running as in the cell area
 * @clip: the part of the column headers to paint
 *
 * Paints the group bands and column labels that meet @clip; long labels
 * run upwards.
 */
void
trellis_layout_paint_column_headers (TrellisLayout     *self,
                                     cairo_t           *cr,
                                     const TrellisRect *clip)
{
  const TrellisThemeColors *colors;
  gboolean rtl;
  double height;
  guint c0, c1;

  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  colors = self->colors;
  rtl = self->options->rtl;
  height = self->columns.header;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);
  trellis_cairo_set_rgba (cr, &colors->header);
  cairo_paint (cr);

  visible_columns (self, clip, &c0, &c1);
  if (c0 >= c1)
    {
      cairo_restore (cr);
      return;
    }

  if (self->columns.band > 0)
    {
      double zoom = self->options->zoom;

      for (guint g = trellis_layout_column_item (self, c0)->group; g <= trellis_layout_column_item (self, c1 - 1)->group; g++)
        {
          Group *group = &g_array_index (self->columns.groups, Group, g);
          double x = rtl ? self->content_width - group->pos - group->size + colors->cell_gap : group->pos;
          double w = group->size - colors->cell_gap;
          double band = self->columns.band - 2 * zoom;
          PangoLayout *layout;
          int lw, lh;

          fill_rect (cr, &colors->band[g % 2], x, 0, w, band);
          if (group->label == NULL)
            continue;

          layout = group_layout (self, group, -1, 0);
          trellis_text_size (layout, &lw, &lh);
          trellis_cairo_set_rgba (cr, &colors->foreground);
          if (lw <= w - 8 * zoom)
            trellis_text_show_centred (cr, layout, x + w / 2.0, band - lh - 3 * zoom);
          else if (w >= lh)
            {
              /* Too narrow: the name stands up, shortened to the band. */
              trellis_text_lock ();
              if (group->layout_upright == NULL)
                {
                  group->layout_upright = trellis_layout_make_text (self, self->group_font, group->label);
                  pango_layout_set_ellipsize (group->layout_upright, PANGO_ELLIPSIZE_END);
                  pango_layout_set_width (group->layout_upright, (int) ((band - 8 * zoom) * PANGO_SCALE));
                  pango_layout_set_single_paragraph_mode (group->layout_upright, TRUE);
                }
              trellis_text_unlock ();
              trellis_text_size (group->layout_upright, &lw, &lh);
              cairo_save (cr);
              cairo_translate (cr, x + (w - lh) / 2.0, band - 4 * zoom);
              show_upright (cr, group->layout_upright);
              cairo_restore (cr);
            }
        }
    }

  for (guint c = c0; c < c1; c++)
    {
      Item *item = trellis_layout_column_item (self, c);
      double x = rtl ? self->content_width - item->pos - item->size + colors->cell_gap : item->pos;
      double w = item->size - colors->cell_gap;
      PangoLayout *layout;
      int lw, lh;

      layout = item_layout (self, item, self->columns.rotated ? self->columns.label_width : w);
      trellis_text_size (layout, &lw, &lh);
      trellis_cairo_set_rgba (cr, &colors->foreground);

      if (self->columns.rotated)
        {
          cairo_save (cr);
          cairo_translate (cr, x + (w - lh) / 2.0, height - 5 * self->options->zoom);
          show_upright (cr, layout);
          cairo_restore (cr);
        }
      else
        {
          trellis_text_show_centred (cr, layout, x + w / 2.0, height - 5 * self->options->zoom - lh);
        }

      if (item->marks & (ITEM_MARK_SINGLE | ITEM_MARK_PROBLEM | ITEM_MARK_WARNING | ITEM_MARK_INFO))
        paint_item_marks (self, cr, item, x + (w - self->text_height * 0.85) / 2,
                          self->columns.band + self->text_height * 0.6, FALSE);
    }

  cairo_restore (cr);
}

/**
 * trellis_layout_paint_corner:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the corner's top-left
 *
 * Paints the corner where the row and column headers meet (its size is
 * the row header width by the column header height).
 */
void
trellis_layout_paint_corner (TrellisLayout *self,
                             cairo_t       *cr)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  fill_rect (cr, &self->colors->header, 0, 0, self->rows.header, self->columns.header);
}

/**
 * trellis_layout_paint_title:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the title's top-left
 * @clip: the part of the title area to paint
 *
 * Paints the title and the line under it: the filter, the trend's date,
 * the date of the newest assessment and workshop mode.
 */
void
trellis_layout_paint_title (TrellisLayout     *self,
                            cairo_t           *cr,
                            const TrellisRect *clip)
{
  int th;

  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);

  trellis_text_size (self->title, NULL, &th);
  trellis_cairo_set_rgba (cr, &self->colors->foreground);
  trellis_text_show_start (self, cr, self->title, self->options->rtl ? self->area_title.width : 0, 0);
  trellis_cairo_set_rgba (cr, &self->colors->muted);
  trellis_text_show_start (self, cr, self->subtitle, self->options->rtl ? self->area_title.width : 0,
                           th + 2 * self->options->zoom);

  cairo_restore (cr);
}

static void
paint_swatch (TrellisLayout    *self,
              cairo_t          *cr,
              const LegendItem *item,
              double            x,
              double            y,
              double            size)
{
  const TrellisThemeColors *c = self->colors;
  double w = size * 1.3;
  TrellisRect rect = TRELLIS_RECT_INIT (x, y, w, size);

  switch (item->kind)
    {
    case SWATCH_FILL:
    case SWATCH_NOT_REQUIRED:
    case SWATCH_SUPPRESSED:
    case SWATCH_WANT:
    case SWATCH_MANDATE:
    case SWATCH_SINGLE:
    case SWATCH_NEW:
      fill_rect (cr, &item->fill, x, y, w, size);
      if (item->kind == SWATCH_NOT_REQUIRED || trellis_rgba_contrast_ratio (&item->fill, &c->background) < 1.3)
        {
          /* Pale swatches get an outline, or they vanish into the page. */
          trellis_cairo_set_rgba (cr, &c->muted);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, size - 1);
          cairo_stroke (cr);
        }
      if (item->text != NO_TEXT)
        trellis_paint_text_run (self, cr, item->text, trellis_palette_text_on (self->options->theme, &item->fill),
                                x + w / 2, y + size / 2);
      if (item->kind == SWATCH_SUPPRESSED)
        fill_rect (cr, &c->muted, x + w * 0.3, y + size / 2 - 0.75, w * 0.4, 1.5);
      else if (item->kind != SWATCH_FILL && item->kind != SWATCH_NOT_REQUIRED)
        {
          guint mark = item->kind == SWATCH_WANT ? MARK_WANT :
                       item->kind == SWATCH_MANDATE ? MARK_WARNING :
                       item->kind == SWATCH_SINGLE ? MARK_SINGLE : MARK_NEW;

          trellis_cairo_set_rgba (cr, trellis_palette_text_on (self->options->theme, &item->fill));
          add_cell_mark_path (cr, mark, x, y, w, size, self->options->rtl);
          cairo_fill (cr);
        }
      break;

    case SWATCH_HATCH:
      trellis_paint_hatch_rect (self, cr, &rect);
      trellis_cairo_set_rgba (cr, &c->muted);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, size - 1);
      cairo_stroke (cr);
      break;

    case SWATCH_STRIPS:
      {
        double pw = w / 2;
        double dash = MIN (pw * 0.4, 10 * self->options->zoom);

        fill_rect (cr, &item->fill, x, y, w, size);
        trellis_paint_text_run (self, cr, self->number_text[20 + 2], &c->foreground, x + pw / 2, y + size / 2);
        fill_rect (cr, &c->muted, x + pw + (pw - dash) / 2, y + size / 2 - 0.75 * self->options->zoom,
                   dash, 1.5 * self->options->zoom);
      }
      break;

    case SWATCH_BOUNDARY:
      fill_rect (cr, trellis_palette_raci_color (TRELLIS_RACI_RESPONSIBLE), x, y, w / 2, size);
      fill_rect (cr, trellis_palette_raci_color (TRELLIS_RACI_CONSULTED), x + w / 2, y, w / 2, size);
      fill_rect (cr, &c->boundary, x + w / 2 - c->boundary_width / 2, y, c->boundary_width, size);
      break;

    case SWATCH_PROBLEM:
    case SWATCH_WARNING:
      trellis_paint_mark (self, cr, item->kind, x + (w - size * 0.85) / 2, y + size * 0.075, size * 0.85);
      break;

    case SWATCH_STAGE:
      cairo_new_sub_path (cr);
      cairo_rectangle (cr, x + 1, y + 1, w - 2, size - 2);
      trellis_cairo_set_rgba (cr, &c->background);
      cairo_fill_preserve (cr);
      trellis_cairo_set_rgba (cr, &item->fill);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      fill_rect (cr, &item->fill, x + 1, y + 1, 4, size - 2);
      break;

    case SWATCH_LINK:
    case SWATCH_HEADING:
    case SWATCH_TEXT:
    default:
      break;
    }
}

/**
 * trellis_layout_paint_legend:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the legend's top-left
 * @clip: the part of the legend area to paint
 *
 * Paints the legend (every colour, pattern and mark of the view) and,
 * under a responsibility map, the numbered list of rule findings.
 */
void
trellis_layout_paint_legend (TrellisLayout     *self,
                             cairo_t           *cr,
                             const TrellisRect *clip)
{
  const TrellisThemeColors *c;
  double swatch;
  double width;
  gboolean rtl;
  double y;

  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  c = self->colors;
  swatch = self->cell_height;
  width = self->area_legend.width;
  rtl = self->options->rtl;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      TrellisRect box = TRELLIS_RECT_INIT (rtl ? width - item->x - item->width : item->x, item->y,
                                           item->width, item->height);
      int lw, lh;

      if (!trellis_rect_intersects (&box, clip))
        continue;

      trellis_text_size (item->label, &lw, &lh);
      trellis_cairo_set_rgba (cr, item->kind == SWATCH_HEADING ? &c->foreground : &c->foreground);

      if (item->kind == SWATCH_HEADING)
        {
          trellis_text_show_start (self, cr, item->label, rtl ? box.x + box.width : box.x, box.y);
          continue;
        }

      if (item->kind == SWATCH_TEXT)
        {
          trellis_text_show_start (self, cr, item->label, rtl ? box.x + box.width : box.x, box.y + (swatch - lh) / 2.0);
          continue;
        }

      paint_swatch (self, cr, item, rtl ? box.x + box.width - swatch * 1.3 : box.x, box.y, swatch);
      trellis_cairo_set_rgba (cr, &c->foreground);
      trellis_text_show_start (self, cr, item->label,
                               rtl ? box.x + box.width - swatch * 1.3 - 6 * self->options->zoom
                                   : box.x + swatch * 1.3 + 6 * self->options->zoom,
                               box.y + (swatch - lh) / 2.0);
    }

  /* The findings under the map. */
  y = self->legend_height + 14 * self->options->zoom;
  for (guint i = 0; i < self->finding_layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->finding_layouts, i);
      double size = self->text_height * 0.85;
      int lw, lh;

      trellis_text_size (layout, &lw, &lh);
      if (i < self->findings->len)
        {
          const TrellisFinding *f = g_ptr_array_index (self->findings, i);
          SwatchKind kind = trellis_finding_code_get_severity (f->code) == TRELLIS_SEVERITY_PROBLEM ?
                            SWATCH_PROBLEM : SWATCH_WARNING;

          trellis_paint_mark (self, cr, kind, rtl ? width - size : 0, y + (self->text_height - size) / 2, size);
        }
      trellis_cairo_set_rgba (cr, &c->foreground);
      trellis_text_show_start (self, cr, layout, rtl ? width - swatch : swatch, y);
      y += lh + 4 * self->options->zoom;
    }

  cairo_restore (cr);
}

/**
 * trellis_layout_paint_focus:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the cell area's
 * @row: the focused row
 * @column: the focused column
 *
 * Outlines a cell (or node) in the theme's focus colour.
 */
void
trellis_layout_paint_focus (TrellisLayout *self,
                            cairo_t       *cr,
                            guint          row,
                            guint          column)
{
  TrellisRect rect;
  double w;

  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (!trellis_layout_get_cell_rect (self, row, column, &rect))
    return;

  w = 2 * self->options->zoom;
  cairo_save (cr);
  trellis_cairo_set_rgba (cr, &self->colors->focus);
  cairo_set_line_width (cr, w);
  cairo_rectangle (cr, rect.x - w / 2, rect.y - w / 2, rect.width + w - self->colors->cell_gap,
                   rect.height + w - self->colors->cell_gap);
  cairo_stroke (cr);
  cairo_restore (cr);
}
