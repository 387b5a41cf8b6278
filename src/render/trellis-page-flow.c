/* trellis-page-flow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-page-flow"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-draw-private.h"
#include "trellis-page-flow-private.h"
#include "trellis-style-private.h"

/* Typesetting for reports: boxes placed one under the other on pages of
 * one size, with page breaks where the next box does not fit. Each box
 * keeps what it needs to be painted again (a print preview shows a page
 * as often as it likes); painting a page only reads it. */

#define MARGIN_SIDE   56.0   /* about 20 mm */
#define MARGIN_TOP    70.0   /* the running header sits in it */
#define MARGIN_BOTTOM 62.0   /* the footer sits in it */
#define CELL_PAD_X     4.0
#define CELL_PAD_Y     3.0

/* Style */

void
trellis_report_style_init (TrellisReportStyle *self,
                           const char         *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  static const struct {
    double      size;
    PangoWeight weight;
    PangoStyle  style;
  } fonts[TRELLIS_N_FONTS] = {
    [TRELLIS_FONT_COVER]      = { 26.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_H1]         = { 17.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_H2]         = { 12.5, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_H3]         = { 10.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_BODY]       = {  9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_BOLD]       = {  9.5, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_ITALIC]     = {  9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
    [TRELLIS_FONT_SMALL]      = {  8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_SMALL_BOLD] = {  8.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
    [TRELLIS_FONT_TINY]       = {  7.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  };

  memset (self, 0, sizeof *self);
  if (family == NULL)
    family = TRELLIS_DEFAULT_FONT_FAMILY;

  /* Paper is not a screen: outlines as designed, unhinted. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  self->context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < TRELLIS_N_FONTS; i++)
    self->fonts[i] = trellis_style_make_font (family, fonts[i].size, fonts[i].weight, fonts[i].style);

  self->colors = trellis_theme_get_colors (TRELLIS_THEME_LIGHT);
  self->accent = *trellis_palette_get_step (TRELLIS_PALETTE_GAP, 0);
  self->rule = *trellis_palette_get_step (TRELLIS_PALETTE_GREY, 1);
  self->band = self->colors->band[0];
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
trellis_report_style_clear (TrellisReportStyle *self)
{
  for (guint i = 0; i < TRELLIS_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_object (&self->context);
}

/* A paragraph of markup in a font, wrapped at @width (unwrapped when
 * @width is not positive). A report says the same things many times
 * (the names of competencies and levels, a role's responsibilities on
 * each of its people's cards, the table headers), so each text is
 * shaped once and its layout shared: layouts are not changed once
 * made. */
PangoLayout *
trellis_report_style_text (TrellisReportStyle *self,
                           TrellisFont         font,
                           const char         *markup,
                           double              width,
                           PangoAlignment      align)
{
  g_autofree char *key = g_strdup_printf ("%u %d %u %s", font, (int) (width * 64), align, markup != NULL ? markup : "");
  PangoLayout *layout = g_hash_table_lookup (self->texts, key);

  if (layout != NULL)
    return g_object_ref (layout);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  pango_layout_set_alignment (layout, align);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  g_hash_table_insert (self->texts, g_steal_pointer (&key), g_object_ref (layout));

  return layout;
}

char *
trellis_markup_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Pages */

static void
box_clear (gpointer data)
{
  TrellisBox *box = data;

  g_clear_object (&box->layout);
  if (box->destroy != NULL)
    box->destroy (box->data);
}

void
trellis_page_free (gpointer data)
{
  TrellisPage *page = data;

  g_array_unref (page->boxes);
  g_free (page);
}

void
trellis_page_paint (TrellisPage *page,
                    cairo_t     *cr)
{
  for (guint i = 0; i < page->boxes->len; i++)
    {
      const TrellisBox *box = &g_array_index (page->boxes, TrellisBox, i);
      const TrellisRect *r = &box->rect;

      cairo_save (cr);
      switch (box->kind)
        {
        case TRELLIS_BOX_TEXT:
          /* Only the lines from @offset that fit: a paragraph broken
           * over two pages is one layout shown twice, clipped. */
          if (box->offset > 0)
            {
              cairo_rectangle (cr, r->x - 2, r->y, r->width + 4, r->height);
              cairo_clip (cr);
            }
          trellis_cairo_set_rgba (cr, &box->color);
          cairo_translate (cr, r->x, r->y - box->offset);
          pango_cairo_show_layout (cr, box->layout);
          break;
        case TRELLIS_BOX_FILL:
          trellis_cairo_fill_rect (cr, &box->color, r->x, r->y, r->width, r->height);
          break;
        case TRELLIS_BOX_LINE:
          trellis_cairo_set_rgba (cr, &box->color);
          cairo_set_line_width (cr, r->height);
          cairo_move_to (cr, r->x, r->y);
          cairo_line_to (cr, r->x + r->width, r->y);
          cairo_stroke (cr);
          break;
        case TRELLIS_BOX_PAINT:
          box->paint (cr, r, box->data);
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }
}

/* The flow */

void
trellis_flow_init (TrellisFlow        *self,
                   TrellisReportStyle *style,
                   double              page_width,
                   double              page_height)
{
  memset (self, 0, sizeof *self);
  self->style = style;
  self->page_width = page_width;
  self->page_height = page_height;
  self->portrait = TRELLIS_RECT_INIT (MARGIN_SIDE, MARGIN_TOP, page_width - 2 * MARGIN_SIDE,
                                      page_height - MARGIN_TOP - MARGIN_BOTTOM);
  self->landscape = TRELLIS_RECT_INIT (MARGIN_SIDE, MARGIN_TOP, page_height - 2 * MARGIN_SIDE,
                                       page_width - MARGIN_TOP - MARGIN_BOTTOM);
  self->body = self->portrait;
  self->pages = g_ptr_array_new_with_free_func (trellis_page_free);
}

void
trellis_flow_clear (TrellisFlow *self)
{
  trellis_flow_table_end (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->page = NULL;
}

static void
add_page (TrellisFlow *self,
          const char  *section,
          gboolean     landscape)
{
  TrellisPage *page = g_new0 (TrellisPage, 1);

  if (section != NULL)
    self->section = section;
  page->boxes = g_array_new (FALSE, TRUE, sizeof (TrellisBox));
  g_array_set_clear_func (page->boxes, box_clear);
  page->section = self->section;
  page->landscape = landscape;
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->body = landscape ? self->landscape : self->portrait;
  self->y = self->body.y;
}

void
trellis_flow_new_page (TrellisFlow *self,
                       const char  *section)
{
  add_page (self, section, FALSE);
}

/* A page turned sideways, for a map wider than tall; the pages after it
 * are upright again. */
void
trellis_flow_new_landscape_page (TrellisFlow *self)
{
  add_page (self, NULL, TRUE);
}

void
trellis_flow_get_page_size (TrellisFlow *self,
                            guint        page,
                            double      *width,
                            double      *height)
{
  gboolean landscape = ((TrellisPage *) g_ptr_array_index (self->pages, page))->landscape;

  *width = landscape ? self->page_height : self->page_width;
  *height = landscape ? self->page_width : self->page_height;
}

double
trellis_flow_remaining (TrellisFlow *self)
{
  return self->page != NULL ? self->body.y + self->body.height - self->y : 0;
}

gboolean
trellis_flow_at_top (TrellisFlow *self)
{
  return self->page != NULL && self->y <= self->body.y;
}

static void
repeat_table_header (TrellisFlow *self);

/* Starts a new page unless @height fits on this one (or nothing does:
 * a box taller than a page goes at the top of one). */
void
trellis_flow_need (TrellisFlow *self,
                   double       height)
{
  if (self->page == NULL || (height > trellis_flow_remaining (self) && !trellis_flow_at_top (self)))
    {
      add_page (self, NULL, self->page != NULL && self->page->landscape);
      repeat_table_header (self);
    }
}

void
trellis_flow_space (TrellisFlow *self,
                    double       height)
{
  if (self->page == NULL)
    trellis_flow_new_page (self, NULL);
  /* Space at the top of a page is wasted. */
  if (!trellis_flow_at_top (self))
    self->y = MIN (self->y + height, self->body.y + self->body.height);
}

void
trellis_flow_add_box (TrellisFlow      *self,
                      const TrellisBox *box)
{
  if (self->page == NULL)
    trellis_flow_new_page (self, NULL);
  g_array_append_val (self->page->boxes, *box);
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
add_text (TrellisFlow       *self,
          PangoLayout       *layout,
          const TrellisRgba *color,
          double             x,
          double             y,
          double             width,
          double             height,
          double             offset)
{
  TrellisBox box = { 0 };

  box.kind = TRELLIS_BOX_TEXT;
  box.rect = TRELLIS_RECT_INIT (x, y, width, height);
  box.color = *color;
  box.layout = g_object_ref (layout);
  box.offset = offset;
  trellis_flow_add_box (self, &box);
}

/* A heading keeps with the first lines after it. */
void
trellis_flow_heading (TrellisFlow *self,
                      TrellisFont  font,
                      const char  *markup)
{
  g_autoptr(PangoLayout) layout = trellis_report_style_text (self->style, font, markup, self->body.width, PANGO_ALIGN_LEFT);
  double h = layout_height (layout);
  double before = font == TRELLIS_FONT_H1 ? 0 : font == TRELLIS_FONT_H2 ? 14 : 9;
  double after = font == TRELLIS_FONT_H1 ? 10 : font == TRELLIS_FONT_H2 ? 5 : 3;

  trellis_flow_space (self, before);
  trellis_flow_need (self, h + after + 48);
  add_text (self, layout, &self->style->colors->foreground, self->body.x, self->y, self->body.width, h, 0);
  self->y += h;
  if (font == TRELLIS_FONT_H1)
    {
      TrellisBox rule = { 0 };

      rule.kind = TRELLIS_BOX_FILL;
      rule.rect = TRELLIS_RECT_INIT (self->body.x, self->y + 4, 36, 2.5);
      rule.color = self->style->accent;
      trellis_flow_add_box (self, &rule);
      self->y += 6;
    }
  self->y += after;
}

/* A paragraph, broken between lines where the page ends. */
void
trellis_flow_paragraph (TrellisFlow       *self,
                        TrellisFont        font,
                        const TrellisRgba *color,
                        double             indent,
                        const char        *markup)
{
  double width = self->body.width - indent;
  g_autoptr(PangoLayout) layout = trellis_report_style_text (self->style, font, markup, width, PANGO_ALIGN_LEFT);
  double height = layout_height (layout);
  double done = 0;

  if (color == NULL)
    color = &self->style->colors->foreground;
  if (self->page == NULL)
    trellis_flow_new_page (self, NULL);

  while (done < height)
    {
      double room = trellis_flow_remaining (self);
      double take = height - done;

      if (take > room)
        {
          /* As many whole lines as fit. */
          PangoLayoutIter *iter = pango_layout_get_iter (layout);
          double fit = 0;

          do
            {
              PangoRectangle logical;
              double bottom;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
              if (bottom <= done)
                continue;
              if (bottom - done > room)
                break;
              fit = bottom - done;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);

          if (fit <= 0)
            {
              if (trellis_flow_at_top (self))
                fit = MIN (room, take);  /* a line taller than a page */
              else
                {
                  trellis_flow_new_page (self, NULL);
                  continue;
                }
            }
          take = fit;
        }

      add_text (self, layout, color, self->body.x + indent, self->y, width, take, done);
      self->y += take;
      done += take;
      if (done < height)
        trellis_flow_new_page (self, NULL);
    }
}

/* Text at a place of the current page, outside the flow. */
void
trellis_flow_text_at (TrellisFlow       *self,
                      TrellisFont        font,
                      const TrellisRgba *color,
                      double             x,
                      double             y,
                      double             width,
                      PangoAlignment     align,
                      const char        *markup)
{
  g_autoptr(PangoLayout) layout = trellis_report_style_text (self->style, font, markup, width, align);

  add_text (self, layout, color != NULL ? color : &self->style->colors->foreground, x, y, width,
            layout_height (layout), 0);
}

void
trellis_flow_drawing (TrellisFlow        *self,
                      double              height,
                      TrellisBoxPaintFunc paint,
                      gpointer            data,
                      GDestroyNotify      destroy)
{
  TrellisRect rect;

  trellis_flow_need (self, height);
  rect = TRELLIS_RECT_INIT (self->body.x, self->y, self->body.width, height);
  trellis_flow_drawing_at (self, &rect, paint, data, destroy);
  self->y += height;
}

/* A drawing at a place of the current page, outside the flow. */
void
trellis_flow_drawing_at (TrellisFlow        *self,
                         const TrellisRect  *rect,
                         TrellisBoxPaintFunc paint,
                         gpointer            data,
                         GDestroyNotify      destroy)
{
  TrellisBox box = { 0 };

  box.kind = TRELLIS_BOX_PAINT;
  box.rect = *rect;
  box.paint = paint;
  box.data = data;
  box.destroy = destroy;
  trellis_flow_add_box (self, &box);
}

void
trellis_flow_rule (TrellisFlow       *self,
                   const TrellisRgba *color,
                   double             width)
{
  TrellisBox box = { 0 };

  trellis_flow_need (self, width + 2);
  box.kind = TRELLIS_BOX_LINE;
  box.rect = TRELLIS_RECT_INIT (self->body.x, self->y + width / 2, self->body.width, width);
  box.color = color != NULL ? *color : self->style->rule;
  trellis_flow_add_box (self, &box);
  self->y += width + 2;
}

/* Ruled lines to write on by hand, to the end of the page; on a new page
 * when fewer than @min_lines fit. */
void
trellis_flow_writing_lines (TrellisFlow *self,
                            guint        min_lines)
{
  const double pitch = 22.0;

  trellis_flow_need (self, pitch * min_lines);
  while (trellis_flow_remaining (self) >= pitch)
    {
      TrellisBox box = { 0 };

      self->y += pitch;
      box.kind = TRELLIS_BOX_LINE;
      box.rect = TRELLIS_RECT_INIT (self->body.x, self->y - 0.5, self->body.width, 0.6);
      box.color = self->style->rule;
      trellis_flow_add_box (self, &box);
    }
}

/* Tables */

static double
set_row (TrellisFlow            *self,
         const TrellisTableCell *cells,
         gboolean                header,
         gboolean                place)
{
  PangoLayout *layouts[TRELLIS_TABLE_MAX_COLUMNS] = { NULL };
  double height = 0;
  double x = self->body.x;

  for (guint i = 0; i < self->n_columns; i++)
    {
      double w = self->columns[i] - 2 * CELL_PAD_X;

      layouts[i] = trellis_report_style_text (self->style, cells[i].font, cells[i].markup, w, cells[i].align);
      height = MAX (height, layout_height (layouts[i]));
    }
  height += 2 * CELL_PAD_Y;

  /* A row goes whole on the next page, under the header again. */
  if (place && !header && height > trellis_flow_remaining (self) && !trellis_flow_at_top (self))
    {
      trellis_flow_new_page (self, NULL);
      repeat_table_header (self);
      x = self->body.x;
    }

  if (place)
    {
      TrellisBox line = { 0 };

      if (header)
        {
          TrellisBox band = { 0 };

          band.kind = TRELLIS_BOX_FILL;
          band.rect = TRELLIS_RECT_INIT (self->body.x, self->y, self->body.width, height);
          band.color = self->style->band;
          trellis_flow_add_box (self, &band);
        }

      for (guint i = 0; i < self->n_columns; i++)
        {
          const TrellisRgba *text = &self->style->colors->foreground;

          if (cells[i].fill != NULL)
            {
              TrellisBox chip = { 0 };

              chip.kind = TRELLIS_BOX_FILL;
              chip.rect = TRELLIS_RECT_INIT (x + 1, self->y + 1, self->columns[i] - 2, height - 2);
              chip.color = *cells[i].fill;
              trellis_flow_add_box (self, &chip);
              text = trellis_palette_text_on (TRELLIS_THEME_LIGHT, cells[i].fill);
            }
          add_text (self, layouts[i], text, x + CELL_PAD_X, self->y + CELL_PAD_Y,
                    self->columns[i] - 2 * CELL_PAD_X, height - 2 * CELL_PAD_Y, 0);
          x += self->columns[i];
        }

      line.kind = TRELLIS_BOX_LINE;
      line.rect = TRELLIS_RECT_INIT (self->body.x, self->y + height, self->body.width, header ? 0.8 : 0.4);
      line.color = header ? self->style->colors->muted : self->style->rule;
      trellis_flow_add_box (self, &line);
      self->y += height;
    }

  for (guint i = 0; i < self->n_columns; i++)
    g_clear_object (&layouts[i]);

  return height;
}

static void
repeat_table_header (TrellisFlow *self)
{
  if (self->n_columns > 0 && self->has_header)
    set_row (self, self->header, TRUE, TRUE);
}

void
trellis_flow_table_begin (TrellisFlow            *self,
                          guint                   n_columns,
                          const double           *fractions,
                          const TrellisTableCell *header)
{
  double total = 0;

  g_assert (n_columns > 0 && n_columns <= TRELLIS_TABLE_MAX_COLUMNS);

  trellis_flow_table_end (self);
  for (guint i = 0; i < n_columns; i++)
    total += fractions[i];
  for (guint i = 0; i < n_columns; i++)
    self->columns[i] = self->body.width * fractions[i] / total;
  self->n_columns = n_columns;
  self->has_header = header != NULL;

  if (header != NULL)
    {
      double h;

      for (guint i = 0; i < n_columns; i++)
        {
          self->header[i] = header[i];
          /* Headers are plain text: a translation may hold an "&". */
          self->header_markup[i] = trellis_markup_escape (header[i].markup);
          self->header[i].markup = self->header_markup[i];
        }
      /* The header keeps with the first row. */
      h = set_row (self, self->header, TRUE, FALSE);
      if (self->page == NULL || (2.5 * h > trellis_flow_remaining (self) && !trellis_flow_at_top (self)))
        trellis_flow_new_page (self, NULL);
      set_row (self, self->header, TRUE, TRUE);
    }
}

void
trellis_flow_table_row (TrellisFlow            *self,
                        const TrellisTableCell *cells)
{
  g_assert (self->n_columns > 0);

  if (self->page == NULL)
    trellis_flow_new_page (self, NULL);
  set_row (self, cells, FALSE, TRUE);
}

void
trellis_flow_table_end (TrellisFlow *self)
{
  for (guint i = 0; i < TRELLIS_TABLE_MAX_COLUMNS; i++)
    g_clear_pointer (&self->header_markup[i], g_free);
  self->n_columns = 0;
  self->has_header = FALSE;
}
