/* trellis-cell-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cell-batch"

#include "config.h"

#include "trellis-cell-batch-private.h"
#include "trellis-draw-private.h"

/* Painting batches: one fill per colour, and the texts of one font and
 * colour together. It never shapes a cell's text (that was done once, see
 * trellis_style_intern()).
 *
 * A cell's text is shown with a cairo_show_glyphs() of its own, never
 * with other cells' glyphs. Cairo composites a run of glyphs either glyph
 * by glyph or through one mask for the whole run, depending on every
 * glyph in the run (whether any of their boxes overlap), and the two
 * round differently by one level where two glyphs of a text share a
 * pixel. Had the run held every text of a colour, whichever other cells
 * the clip let in would change a cell's pixels, and a picture painted in
 * strips or a widget repainting one cell would not match the whole. */

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
  guint16            id;
  const TrellisRgba *color;
  double             x;
  double             y;
} LooseText;

void
trellis_cell_batch_init (TrellisCellBatch *self,
                         TrellisStyle     *style)
{
  self->style = style;
  self->fills = g_array_new (FALSE, FALSE, sizeof (FillBatch));
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (GlyphBatch));
  self->marks = g_array_new (FALSE, FALSE, sizeof (MarkBatch));
  self->hatches = g_array_new (FALSE, FALSE, sizeof (TrellisRect));
  self->suppressed = g_array_new (FALSE, FALSE, sizeof (TrellisRect));
  self->layouts = g_array_new (FALSE, FALSE, sizeof (LooseText));
}

void
trellis_cell_batch_clear (TrellisCellBatch *self)
{
  for (guint i = 0; i < self->fills->len; i++)
    g_array_unref (g_array_index (self->fills, FillBatch, i).rects);
  for (guint i = 0; i < self->glyphs->len; i++)
    {
      g_array_unref (g_array_index (self->glyphs, GlyphBatch, i).glyphs);
      g_array_unref (g_array_index (self->glyphs, GlyphBatch, i).starts);
    }
  for (guint i = 0; i < self->marks->len; i++)
    g_array_unref (g_array_index (self->marks, MarkBatch, i).rects);
  g_array_unref (self->fills);
  g_array_unref (self->glyphs);
  g_array_unref (self->marks);
  g_array_unref (self->hatches);
  g_array_unref (self->suppressed);
  g_array_unref (self->layouts);
}

void
trellis_cell_batch_fill (TrellisCellBatch  *self,
                         const TrellisRgba *color,
                         const TrellisRect *rect)
{
  FillBatch *batch = NULL;

  /* Few distinct colours: the last one used is the likeliest. */
  for (guint i = self->fills->len; i > 0; i--)
    {
      FillBatch *f = &g_array_index (self->fills, FillBatch, i - 1);

      if (f->color == color)
        {
          batch = f;
          break;
        }
    }

  if (batch == NULL)
    {
      const TrellisThemeColors *c = self->style->colors;
      FillBatch f = { color, g_array_new (FALSE, FALSE, sizeof (TrellisRect)), FALSE };

      /* Data colours close to the page get a fine outline, so that
       * "nobody" never looks like "not required". */
      f.outline = color != &c->not_required && color != &c->background &&
                  color != &c->hatch_background && color != &c->suppressed &&
                  trellis_rgba_contrast_ratio (color, &c->background) < 1.2;
      g_array_append_val (self->fills, f);
      batch = &g_array_index (self->fills, FillBatch, self->fills->len - 1);
    }

  g_array_append_vals (batch->rects, rect, 1);
}

/* Hatches a cell (over its fill): not assessed. */
void
trellis_cell_batch_hatch (TrellisCellBatch  *self,
                          const TrellisRect *rect)
{
  g_array_append_vals (self->hatches, rect, 1);
}

/* A short dash in a cell or a strip of one: something is there, but not
 * shown. */
void
trellis_cell_batch_suppressed (TrellisCellBatch  *self,
                               const TrellisRect *rect)
{
  g_array_append_vals (self->suppressed, rect, 1);
}

void
trellis_cell_batch_mark (TrellisCellBatch  *self,
                         const TrellisRgba *color,
                         guint              mark,
                         const TrellisRect *rect)
{
  MarkBatch *batch = NULL;

  for (guint i = 0; i < self->marks->len; i++)
    {
      MarkBatch *m = &g_array_index (self->marks, MarkBatch, i);

      if (m->color == color && m->mark == mark)
        {
          batch = m;
          break;
        }
    }

  if (batch == NULL)
    {
      MarkBatch m = { color, mark, g_array_new (FALSE, FALSE, sizeof (TrellisRect)) };

      g_array_append_val (self->marks, m);
      batch = &g_array_index (self->marks, MarkBatch, self->marks->len - 1);
    }

  g_array_append_vals (batch->rects, rect, 1);
}

/* A text centred on cx, cy, printed only where it fits. */
void
trellis_cell_batch_text (TrellisCellBatch  *self,
                         guint16            id,
                         const TrellisRgba *color,
                         double             cx,
                         double             cy,
                         double             avail_w,
                         double             avail_h)
{
  const TrellisTextRun *run = trellis_style_get_run (self->style, id);
  GlyphBatch *batch = NULL;
  double x, y;
  guint start;

  if (run == NULL || run->width > avail_w || run->height > avail_h * 1.2)
    return;

  x = cx - run->width / 2;
  y = cy - run->height / 2;

  if (run->font == NULL)
    {
      LooseText t = { id, color, x, y };

      g_array_append_val (self->layouts, t);
      return;
    }

  for (guint i = self->glyphs->len; i > 0; i--)
    {
      GlyphBatch *g = &g_array_index (self->glyphs, GlyphBatch, i - 1);

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

      g_array_append_val (self->glyphs, g);
      batch = &g_array_index (self->glyphs, GlyphBatch, self->glyphs->len - 1);
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
paint_fills (TrellisCellBatch *self,
             cairo_t          *cr)
{
  for (guint i = 0; i < self->fills->len; i++)
    {
      FillBatch *f = &g_array_index (self->fills, FillBatch, i);

      trellis_cairo_set_rgba (cr, f->color);
      for (guint k = 0; k < f->rects->len; k++)
        {
          const TrellisRect *r = &g_array_index (f->rects, TrellisRect, k);
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->fills->len; i++)
    {
      FillBatch *f = &g_array_index (self->fills, FillBatch, i);
      const TrellisRgba *m = &self->style->colors->muted;

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
}

static void
paint_patterns (TrellisCellBatch *self,
                cairo_t          *cr)
{
  double zoom = self->style->options->zoom;

  if (self->hatches->len > 0)
    {
      trellis_draw_set_hatch (self->style, cr);
      for (guint k = 0; k < self->hatches->len; k++)
        {
          const TrellisRect *r = &g_array_index (self->hatches, TrellisRect, k);
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      cairo_fill (cr);
    }

  if (self->suppressed->len > 0)
    {
      trellis_cairo_set_rgba (cr, &self->style->colors->muted);
      for (guint k = 0; k < self->suppressed->len; k++)
        {
          const TrellisRect *r = &g_array_index (self->suppressed, TrellisRect, k);
          double w = MIN (r->width * 0.4, 10 * zoom);

          cairo_rectangle (cr, r->x + (r->width - w) / 2, r->y + r->height / 2 - 0.75 * zoom,
                           w, 1.5 * zoom);
        }
      cairo_fill (cr);
    }
}

static void
paint_texts (TrellisCellBatch *self,
             cairo_t          *cr)
{
  for (guint i = 0; i < self->glyphs->len; i++)
    {
      GlyphBatch *g = &g_array_index (self->glyphs, GlyphBatch, i);
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

  for (guint i = 0; i < self->layouts->len; i++)
    {
      const LooseText *t = &g_array_index (self->layouts, LooseText, i);
      const TrellisTextRun *run = trellis_style_get_run (self->style, t->id);

      trellis_cairo_set_rgba (cr, t->color);
      trellis_text_show (cr, run->layout, t->x, t->y);
    }
}

/* Paints what was gathered: fills, patterns, marks, then texts. */
void
trellis_cell_batch_paint (TrellisCellBatch *self,
                          cairo_t          *cr)
{
  paint_fills (self, cr);
  paint_patterns (self, cr);

  for (guint i = 0; i < self->marks->len; i++)
    {
      MarkBatch *m = &g_array_index (self->marks, MarkBatch, i);

      trellis_cairo_set_rgba (cr, m->color);
      for (guint k = 0; k < m->rects->len; k++)
        {
          const TrellisRect *r = &g_array_index (m->rects, TrellisRect, k);
          trellis_draw_cell_mark_path (cr, m->mark, r->x, r->y, r->width, r->height, self->style->options->rtl);
        }
      cairo_fill (cr);
    }

  paint_texts (self, cr);
}
