/* trellis-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-legend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-draw-private.h"
#include "trellis-legend-private.h"

/* The legend: entries that flow in lines, wrapped at the picture's
 * width, each a swatch and its words; under them the numbered findings of
 * a responsibility map and the labels the picture had to shorten, in
 * full. */

static void
legend_item_clear (gpointer data)
{
  TrellisLegendItem *item = data;

  g_clear_object (&item->label);
}

void
trellis_legend_init (TrellisLegend *self)
{
  memset (self, 0, sizeof *self);
  self->items = g_array_new (FALSE, TRUE, sizeof (TrellisLegendItem));
  g_array_set_clear_func (self->items, legend_item_clear);
  self->findings = g_ptr_array_new ();
  self->lines = g_ptr_array_new_with_free_func (g_object_unref);
  self->shortened = g_ptr_array_new ();
  self->shortened_seen = g_hash_table_new (g_str_hash, g_str_equal);
}

void
trellis_legend_clear (TrellisLegend *self)
{
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->shortened, g_ptr_array_unref);
  g_clear_pointer (&self->shortened_seen, g_hash_table_unref);
}

void
trellis_legend_add (TrellisLegend     *self,
                    TrellisStyle      *style,
                    TrellisSwatch      kind,
                    const TrellisRgba *fill,
                    const char        *sample,
                    const char        *label)
{
  trellis_legend_add_marked (self, style, kind, fill, sample, label, 0);
}

/* An entry whose swatch carries cell marks, as the cells it stands for. */
void
trellis_legend_add_marked (TrellisLegend     *self,
                           TrellisStyle      *style,
                           TrellisSwatch      kind,
                           const TrellisRgba *fill,
                           const char        *sample,
                           const char        *label,
                           guint              marks)
{
  TrellisLegendItem item = { 0 };

  item.kind = kind;
  item.marks = marks;
  if (fill != NULL)
    item.fill = *fill;
  item.text = trellis_style_intern (style, sample);
  item.label = trellis_style_new_text (style, kind == TRELLIS_SWATCH_HEADING ? style->group_font : style->header_font,
                                       label);
  g_array_append_val (self->items, item);
}

/* The seven steps of the gap palette, −3 … +3: as gaps, or as changes
 * (growth on the palette's "above" side). */
void
trellis_legend_add_gap_steps (TrellisLegend *self,
                              TrellisStyle  *style,
                              gboolean       change)
{
  for (gint v = -3; v <= 3; v++)
    {
      g_autofree char *sample = trellis_format_number (v, 0, change);
      g_autofree char *label = NULL;
      gint n = ABS (v);

      if (change)
        {
          if (v == 0)
            label = g_strdup (_("no change"));
          else if (v > 0)
            /* Translators: a change in assessed level; "or more" for the last step. */
            label = g_strdup_printf (v == 3 ? ngettext ("%d level up or more", "%d levels up or more", n)
                                            /* Translators: a legend entry of the Trend view: a change in
                                             * assessed level; %d is a number of levels, e.g. “2 levels
                                             * up”. */
                                            : ngettext ("%d level up", "%d levels up", n), n);
          else
            /* Translators: a legend entry of the Trend view: a change in assessed level; %d is a
             * number of levels, e.g. “3 levels down or more”. */
            label = g_strdup_printf (v == -3 ? ngettext ("%d level down or more", "%d levels down or more", n)
                                             /* Translators: a legend entry of the Trend view: a change in
                                              * assessed level; %d is a number of levels, e.g. “1 level
                                              * down”. */
                                             : ngettext ("%d level down", "%d levels down", n), n);
          trellis_legend_add_marked (self, style, TRELLIS_SWATCH_FILL, trellis_palette_gap_color (-v), sample, label,
                                     trellis_draw_gap_marks (-v));
          continue;
        }

      if (v == 0)
        label = g_strdup (_("meets the requirement"));
      else if (v > 0)
        /* Translators: a gap: the person is this many levels below what is required. */
        label = g_strdup_printf (v == 3 ? ngettext ("%d level short or more", "%d levels short or more", n)
                                        : ngettext ("%d level short", "%d levels short", n), n);
      else
        /* Translators: a legend entry of the Gap heatmap view: a person above what is required; %d is
         * a number of levels, e.g. “3 levels above or more”. */
        label = g_strdup_printf (v == -3 ? ngettext ("%d level above or more", "%d levels above or more", n)
                                         /* Translators: a legend entry of the Gap heatmap view: a
                                          * person above what is required; %d is a number of levels,
                                          * e.g. “1 level above”. */
                                         : ngettext ("%d level above", "%d levels above", n), n);
      trellis_legend_add_marked (self, style, TRELLIS_SWATCH_FILL, trellis_palette_gap_color (v), sample, label,
                                 trellis_draw_gap_marks (v));
    }
}

/* The coverage palette's steps as shares of people. */
void
trellis_legend_add_share_steps (TrellisLegend *self,
                                TrellisStyle  *style)
{
  static const struct { guint part, whole; const char *sample; const char *label; } steps[] = {
    { 0, 4, "0", N_("nobody") },
    { 1, 8, "12", N_("under a quarter") },
    { 1, 4, "25", N_("under half") },
    { 2, 4, "50", N_("under three quarters") },
    { 3, 4, "75", N_("not everyone") },
    { 4, 4, "100", N_("everyone") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    trellis_legend_add (self, style, TRELLIS_SWATCH_FILL,
                        trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE,
                                                  trellis_palette_share_step (steps[i].part, steps[i].whole)),
                        steps[i].sample, _(steps[i].label));
}

/* A sequential palette's steps as counts of people. */
void
trellis_legend_add_count_steps (TrellisLegend      *self,
                                TrellisStyle       *style,
                                TrellisPaletteKind  palette)
{
  for (guint n = 0; n < TRELLIS_SEQUENTIAL_STEPS; n++)
    {
      g_autofree char *sample = n + 1 < TRELLIS_SEQUENTIAL_STEPS ? g_strdup_printf ("%u", n) : g_strdup_printf ("%u+", n);
      g_autofree char *label = n + 1 < TRELLIS_SEQUENTIAL_STEPS ?
        g_strdup_printf (ngettext ("%u person", "%u people", n), n) :
        /* Translators: the last step of a count: this many people or more. */
        g_strdup_printf (ngettext ("%u person or more", "%u people or more", n), n);

      trellis_legend_add (self, style, TRELLIS_SWATCH_FILL,
                          trellis_palette_get_step (palette, trellis_palette_count_step (n)), sample, label);
    }
}

/* Adds a line under the entries (a finding, say), taking it. */
void
trellis_legend_add_line (TrellisLegend *self,
                         PangoLayout   *line)
{
  g_ptr_array_add (self->lines, line);
}

/* Remembers a label the picture shortens, once, for the list of names
 * in full under it. */
void
trellis_legend_note_shortened (TrellisLegend *self,
                               const char    *label)
{
  if (label == NULL || g_hash_table_contains (self->shortened_seen, label))
    return;

  g_hash_table_add (self->shortened_seen, (gpointer) label);
  g_ptr_array_add (self->shortened, (gpointer) label);
}

/* Under the findings, the names the picture had to shorten, in full. */
void
trellis_legend_add_names_in_full (TrellisLegend *self,
                                  TrellisStyle  *style)
{
  guint shown = MIN (self->shortened->len, 200);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *line = NULL;

  if (self->shortened->len == 0)
    return;

  names = g_ptr_array_new ();
  for (guint i = 0; i < shown; i++)
    g_ptr_array_add (names, g_ptr_array_index (self->shortened, i));
  g_ptr_array_add (names, NULL);
  /* Translators: separates the full names listed under a picture. */
  joined = g_strjoinv (_(" · "), (char **) names->pdata);
  if (shown < self->shortened->len)
    /* Translators: the full names of shortened labels, and how many more there are. */
    line = g_strdup_printf (ngettext ("Names in full: %s, and %u more.", "Names in full: %s, and %u more.",
                                      self->shortened->len - shown),
                            joined, self->shortened->len - shown);
  else
    /* Translators: the full names of the labels the picture shortened. */
    line = g_strdup_printf (_("Names in full: %s."), joined);
  trellis_legend_add_line (self, trellis_style_new_text (style, style->header_font, line));
}

/**
 * trellis_legend_place:
 * @self: a legend
 * @style: its style
 * @swatch: the height of a swatch (a cell's)
 * @max_width: where lines wrap
 *
 * Places the entries in lines, each heading on a line of its own.
 */
void
trellis_legend_place (TrellisLegend *self,
                      TrellisStyle  *style,
                      double         swatch,
                      double         max_width)
{
  double zoom = style->options->zoom;
  double x = 0;
  double y = 0;
  double line_h = swatch;
  double widest = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      TrellisLegendItem *item = &g_array_index (self->items, TrellisLegendItem, i);
      int lw = 0;
      int lh = 0;

      /* Placed again at another width, the words unwrap first. */
      if (item->label != NULL)
        {
          pango_layout_set_width (item->label, -1);
          pango_layout_get_pixel_size (item->label, &lw, &lh);
        }

      if (item->kind == TRELLIS_SWATCH_HEADING && lw > max_width)
        {
          pango_layout_set_width (item->label, (int) (max_width * PANGO_SCALE));
          pango_layout_set_wrap (item->label, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_pixel_size (item->label, &lw, &lh);
        }

      if (item->kind == TRELLIS_SWATCH_HEADING)
        {
          if (i > 0)
            {
              y += line_h + 8 * zoom;
              x = 0;
            }
          item->width = lw;
          item->height = lh;
          item->x = 0;
          item->y = y;
          y += lh + 4 * zoom;
          line_h = swatch;
          widest = MAX (widest, lw);
          continue;
        }

      /* Words wider than the legend wrap beside their swatch. */
      if (swatch * 1.3 + 6 * zoom + lw > max_width && item->label != NULL)
        {
          pango_layout_set_width (item->label, (int) (MAX (max_width - swatch * 1.3 - 6 * zoom, 40 * zoom) * PANGO_SCALE));
          pango_layout_set_wrap (item->label, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_pixel_size (item->label, &lw, &lh);
        }
      item->width = swatch * 1.3 + 6 * zoom + lw;
      item->height = MAX (swatch, lh);
      if (x > 0 && x + item->width > max_width)
        {
          x = 0;
          y += line_h + 6 * zoom;
          line_h = swatch;
        }
      item->x = x;
      item->y = y;
      line_h = MAX (line_h, item->height);
      x += item->width + 18 * zoom;
      widest = MAX (widest, x - 18 * zoom);
    }

  self->width = widest;
  self->height = self->items->len > 0 ? y + line_h : 0;
}

/* Wraps the lines under the entries at width, less the margin their
 * marks stand in. */
void
trellis_legend_place_lines (TrellisLegend *self,
                            TrellisStyle  *style,
                            double         swatch,
                            double         width)
{
  double y = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->lines, i);
      int h;

      pango_layout_set_width (layout, (int) ((width - 2 * swatch) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, NULL, &h);
      y += h + 4 * style->options->zoom;
    }

  self->lines_height = y;
}

static void
paint_swatch (TrellisStyle            *style,
              cairo_t                 *cr,
              const TrellisLegendItem *item,
              double                   x,
              double                   y,
              double                   size)
{
  const TrellisThemeColors *c = style->colors;
  double zoom = style->options->zoom;
  double w = size * 1.3;
  TrellisRect rect = TRELLIS_RECT_INIT (x, y, w, size);

  switch (item->kind)
    {
    case TRELLIS_SWATCH_FILL:
    case TRELLIS_SWATCH_NOT_REQUIRED:
    case TRELLIS_SWATCH_SUPPRESSED:
    case TRELLIS_SWATCH_WANT:
    case TRELLIS_SWATCH_MANDATE:
    case TRELLIS_SWATCH_SINGLE:
    case TRELLIS_SWATCH_NEW:
      trellis_cairo_fill_rect (cr, &item->fill, x, y, w, size);
      if (item->kind == TRELLIS_SWATCH_NOT_REQUIRED || trellis_rgba_contrast_ratio (&item->fill, &c->background) < 1.3)
        {
          /* Pale swatches get an outline, or they vanish into the page. */
          trellis_cairo_set_rgba (cr, &c->muted);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, size - 1);
          cairo_stroke (cr);
        }
      if (item->text != TRELLIS_NO_TEXT)
        trellis_draw_text_run (style, cr, item->text, trellis_palette_text_on (style->options->theme, &item->fill),
                               x + w / 2, y + size / 2);
      if (item->kind == TRELLIS_SWATCH_SUPPRESSED)
        trellis_cairo_fill_rect (cr, &c->muted, x + w * 0.3, y + size / 2 - 0.75, w * 0.4, 1.5);
      else if (item->kind != TRELLIS_SWATCH_FILL && item->kind != TRELLIS_SWATCH_NOT_REQUIRED)
        {
          guint mark = item->kind == TRELLIS_SWATCH_WANT ? TRELLIS_CELL_MARK_WANT :
                       item->kind == TRELLIS_SWATCH_MANDATE ? TRELLIS_CELL_MARK_WARNING :
                       item->kind == TRELLIS_SWATCH_SINGLE ? TRELLIS_CELL_MARK_SINGLE : TRELLIS_CELL_MARK_NEW;

          trellis_cairo_set_rgba (cr, trellis_palette_text_on (style->options->theme, &item->fill));
          trellis_draw_cell_mark_path (cr, mark, x, y, w, size, style->options->rtl);
          cairo_fill (cr);
        }
      if (item->marks != 0)
        {
          trellis_cairo_set_rgba (cr, trellis_palette_text_on (style->options->theme, &item->fill));
          for (guint m = TRELLIS_CELL_MARK_WANT; m <= TRELLIS_CELL_MARK_LAST; m <<= 1)
            if (item->marks & m)
              trellis_draw_cell_mark_path (cr, m, x, y, w, size, style->options->rtl);
          cairo_fill (cr);
        }
      break;

    case TRELLIS_SWATCH_HATCH:
      trellis_draw_hatch_rect (style, cr, &rect);
      trellis_cairo_set_rgba (cr, &c->muted);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, size - 1);
      cairo_stroke (cr);
      break;

    case TRELLIS_SWATCH_STRIPS:
      {
        double pw = w / 2;
        double dash = MIN (pw * 0.4, 10 * zoom);

        trellis_cairo_fill_rect (cr, &item->fill, x, y, w, size);
        trellis_draw_text_run (style, cr, style->number_text[20 + 2], &c->foreground, x + pw / 2, y + size / 2);
        trellis_cairo_fill_rect (cr, &c->muted, x + pw + (pw - dash) / 2, y + size / 2 - 0.75 * zoom,
                                 dash, 1.5 * zoom);
      }
      break;

    case TRELLIS_SWATCH_BOUNDARY:
      trellis_cairo_fill_rect (cr, trellis_palette_raci_color (TRELLIS_RACI_RESPONSIBLE), x, y, w / 2, size);
      trellis_cairo_fill_rect (cr, trellis_palette_raci_color (TRELLIS_RACI_CONSULTED), x + w / 2, y, w / 2, size);
      trellis_cairo_fill_rect (cr, &c->boundary, x + w / 2 - c->boundary_width / 2, y, c->boundary_width, size);
      break;

    case TRELLIS_SWATCH_PROBLEM:
    case TRELLIS_SWATCH_WARNING:
      trellis_draw_symbol (style, cr, item->kind == TRELLIS_SWATCH_PROBLEM ? TRELLIS_SYMBOL_PROBLEM : TRELLIS_SYMBOL_WARNING,
                           x + (w - size * 0.85) / 2, y + size * 0.075, size * 0.85);
      break;

    case TRELLIS_SWATCH_STAGE:
      cairo_new_sub_path (cr);
      cairo_rectangle (cr, x + 1, y + 1, w - 2, size - 2);
      trellis_cairo_set_rgba (cr, &c->background);
      cairo_fill_preserve (cr);
      trellis_cairo_set_rgba (cr, &item->fill);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      trellis_cairo_fill_rect (cr, &item->fill, x + 1, y + 1, 4, size - 2);
      break;

    case TRELLIS_SWATCH_LINK:
    case TRELLIS_SWATCH_HEADING:
    case TRELLIS_SWATCH_TEXT:
    default:
      break;
    }
}

/**
 * trellis_legend_paint:
 * @self: a placed legend
 * @style: its style
 * @cr: a cairo context whose origin is the legend's top-left
 * @clip: the part of the legend to paint
 * @swatch: the height of a swatch
 * @width: the legend's width
 *
 * Paints the entries and, under them, the lines: a finding's with its
 * severity beside it.
 */
void
trellis_legend_paint (TrellisLegend     *self,
                      TrellisStyle      *style,
                      cairo_t           *cr,
                      const TrellisRect *clip,
                      double             swatch,
                      double             width)
{
  const TrellisThemeColors *c = style->colors;
  double zoom = style->options->zoom;
  gboolean rtl = style->options->rtl;
  double y;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);

  for (guint i = 0; i < self->items->len; i++)
    {
      const TrellisLegendItem *item = &g_array_index (self->items, TrellisLegendItem, i);
      TrellisRect box = TRELLIS_RECT_INIT (rtl ? width - item->x - item->width : item->x, item->y,
                                           item->width, item->height);
      int lw, lh;

      if (!trellis_rect_intersects (&box, clip))
        continue;

      trellis_text_size (item->label, &lw, &lh);
      trellis_cairo_set_rgba (cr, &c->foreground);

      if (item->kind == TRELLIS_SWATCH_HEADING)
        {
          trellis_text_show_start (style, cr, item->label, rtl ? box.x + box.width : box.x, box.y);
          continue;
        }

      /* Words that wrapped into lines taller than the swatch start at
       * its top. */
      if (item->kind == TRELLIS_SWATCH_TEXT)
        {
          trellis_text_show_start (style, cr, item->label, rtl ? box.x + box.width : box.x,
                                   box.y + (lh > swatch ? 0 : (swatch - lh) / 2.0));
          continue;
        }

      paint_swatch (style, cr, item, rtl ? box.x + box.width - swatch * 1.3 : box.x, box.y, swatch);
      trellis_cairo_set_rgba (cr, &c->foreground);
      trellis_text_show_start (style, cr, item->label,
                               rtl ? box.x + box.width - swatch * 1.3 - 6 * zoom
                                   : box.x + swatch * 1.3 + 6 * zoom,
                               box.y + (lh > swatch ? 0 : (swatch - lh) / 2.0));
    }

  /* The lines under the entries. */
  y = self->height + 14 * zoom;
  for (guint i = 0; i < self->lines->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->lines, i);
      double size = style->text_height * 0.85;
      int lw, lh;

      trellis_text_size (layout, &lw, &lh);
      if (i < self->findings->len)
        {
          const TrellisFinding *f = g_ptr_array_index (self->findings, i);
          TrellisSymbol symbol = trellis_finding_code_get_severity (f->code) == TRELLIS_SEVERITY_PROBLEM ?
                                 TRELLIS_SYMBOL_PROBLEM : TRELLIS_SYMBOL_WARNING;

          trellis_draw_symbol (style, cr, symbol, rtl ? width - size : 0, y + (style->text_height - size) / 2, size);
        }
      trellis_cairo_set_rgba (cr, &c->foreground);
      trellis_text_show_start (style, cr, layout, rtl ? width - swatch : swatch, y);
      y += lh + 4 * zoom;
    }

  cairo_restore (cr);
}
