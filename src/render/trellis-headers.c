/* trellis-headers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-headers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-draw-private.h"
#include "trellis-headers-private.h"

/* The row and column headers of a map: how much room their labels and
 * group bands need, and painting them. A label that does not fit is
 * shortened and listed in full under the picture. Header labels are
 * shaped the first time they are shown. */

#define MAX_LABEL_WIDTH  220.0
#define MEASURE_EXACTLY  3000

static double
measure_labels (TrellisAxis                *axis,
                TrellisStyle               *style,
                TrellisLegend              *legend,
                double                      cap)
{
  g_autoptr(PangoLayout) layout = trellis_style_new_text (style, style->header_font, "");
  double widest = 0;
  guint n = axis->items->len;

  if (n <= MEASURE_EXACTLY)
    {
      for (guint i = 0; i < n; i++)
        {
          const TrellisItem *item = trellis_axis_get_item (axis, i);
          int w;

          pango_layout_set_text (layout, item->label, -1);
          pango_layout_get_pixel_size (layout, &w, NULL);
          widest = MAX (widest, w);
          if (w > cap)
            trellis_legend_note_shortened (legend, item->label);
        }
    }
  else
    {
      /* Thousands of names: add up the widths of their characters, each
       * shaped once. Kerning only narrows text; ellipsizing catches the
       * rest. */
      g_autoptr(GHashTable) widths = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < n; i++)
        {
          const TrellisItem *item = trellis_axis_get_item (axis, i);
          double w = 0;

          for (const char *p = item->label; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);
              gpointer v = g_hash_table_lookup (widths, GUINT_TO_POINTER (c));

              if (v == NULL)
                {
                  char buf[8] = { 0 };
                  int cw;

                  g_unichar_to_utf8 (c, buf);
                  pango_layout_set_text (layout, buf, -1);
                  pango_layout_get_pixel_size (layout, &cw, NULL);
                  v = GINT_TO_POINTER (cw + 1);
                  g_hash_table_insert (widths, GUINT_TO_POINTER (c), v);
                }
              w += GPOINTER_TO_INT (v) - 1;
            }
          widest = MAX (widest, w);
          if (w > cap)
            trellis_legend_note_shortened (legend, item->label);
        }
    }

  return widest;
}

/* The widest group name; names wider than cap (times the lines a row
 * group has room for, when wrapped) are shortened. */
static double
measure_group_labels (TrellisAxis   *axis,
                      TrellisStyle  *style,
                      TrellisLegend *legend,
                      gboolean       wrapped,
                      gboolean       only_unfitting,
                      double         cap)
{
  g_autoptr(PangoLayout) layout = trellis_style_new_text (style, style->group_font, "");
  double line_height = wrapped ? trellis_style_font_height (style, style->group_font) : 0;
  double widest = 0;

  for (guint g = 0; g < axis->groups->len; g++)
    {
      const TrellisGroup *group = trellis_axis_get_group (axis, g);
      int w;

      if (group->label == NULL)
        continue;
      pango_layout_set_text (layout, group->label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      if (only_unfitting && w <= group->size - 8 * style->options->zoom)
        continue;
      widest = MAX (widest, w);

      /* Row group names wrap over as many lines as the group is tall. */
      if (cap > 0)
        {
          double lines = wrapped ? MAX (1, floor ((group->size - 4) / line_height)) : 1;

          if (w > cap * lines)
            trellis_legend_note_shortened (legend, group->label);
        }
    }

  return widest;
}

/**
 * trellis_headers_measure:
 * @rows: the rows, placed
 * @columns: the columns, placed
 * @style: the picture's style
 * @legend: where shortened labels are noted
 * @cell_width: the width of a cell
 * @cell_height: the height of a cell
 * @row_headers: whether the rows have headers of their own
 *
 * Sizes the headers: a row header is [group band][label][marks], a
 * column header its group band above its label (upright when the labels
 * are wider than a column) and its marks.
 */
void
trellis_headers_measure (TrellisAxis   *rows,
                         TrellisAxis   *columns,
                         TrellisStyle  *style,
                         TrellisLegend *legend,
                         double         cell_width,
                         double         cell_height,
                         gboolean       row_headers)
{
  double zoom = style->options->zoom;
  double group_h = trellis_style_font_height (style, style->group_font);
  double mark_space = 0;
  double widest;

  if (row_headers)
    {
      for (guint i = 0; i < rows->items->len; i++)
        {
          const TrellisItem *item = trellis_axis_get_item (rows, i);

          if (item->marks & TRELLIS_ITEM_MARKS_SHOWN)
            mark_space = cell_height + (item->footnote > 0 ? 3 * style->text_height : 0);
        }

      widest = measure_labels (rows, style, legend, MAX_LABEL_WIDTH * zoom);
      rows->label_width = MIN (widest, MAX_LABEL_WIDTH * zoom);
      /* Row group names run across a band of their own, wrapping when the
       * group is tall enough. */
      rows->band = trellis_axis_has_group_labels (rows) ?
        ceil (MIN (measure_group_labels (rows, style, legend, TRUE, FALSE, 138 * zoom), 150 * zoom) + 14 * zoom) : 0;
      rows->header = rows->items->len == 0 ? 0 :
        rows->band + 6 * zoom + rows->label_width + mark_space + 8 * zoom;
    }
  else
    rows->header = 0;

  mark_space = 0;
  for (guint i = 0; i < columns->items->len; i++)
    {
      const TrellisItem *item = trellis_axis_get_item (columns, i);

      if (item->marks & TRELLIS_ITEM_MARKS_SHOWN)
        mark_space = cell_width;
    }

  widest = measure_labels (columns, style, legend, MAX_LABEL_WIDTH * zoom);
  /* Column group names lie above their columns, or stand up where the
   * group is too narrow for them. */
  columns->band = trellis_axis_has_group_labels (columns) ? group_h + 8 * zoom : 0;
  if (columns->band > 0)
    {
      double upright = measure_group_labels (columns, style, legend, FALSE, TRUE, 130 * zoom);

      if (upright > 0)
        columns->band = ceil (MAX (columns->band, MIN (upright, 140 * zoom) + 10 * zoom));
    }
  columns->rotated = widest > cell_width - 6 * zoom;
  if (columns->rotated)
    columns->label_width = MIN (widest, MAX_LABEL_WIDTH * zoom);
  else
    columns->label_width = trellis_style_font_height (style, style->header_font);
  columns->header = columns->items->len == 0 ? 0 :
    columns->band + columns->label_width + mark_space + 10 * zoom;
}

static PangoLayout *
item_layout (TrellisStyle *style,
             TrellisItem  *item,
             double        width)
{
  trellis_text_lock ();
  if (item->layout == NULL)
    {
      item->layout = trellis_style_new_text (style, style->header_font, item->label);
      pango_layout_set_ellipsize (item->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (item->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_single_paragraph_mode (item->layout, TRUE);
      if (item->marks & (TRELLIS_ITEM_MARK_AGGREGATE | TRELLIS_ITEM_MARK_FOCUS))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          if (item->marks & TRELLIS_ITEM_MARK_AGGREGATE)
            pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
          if (item->marks & TRELLIS_ITEM_MARK_FOCUS)
            pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (item->layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }
  trellis_text_unlock ();

  return item->layout;
}

static PangoLayout *
group_layout (TrellisStyle *style,
              TrellisGroup *group,
              double        width,
              double        height)
{
  trellis_text_lock ();
  if (group->layout == NULL)
    {
      group->layout = trellis_style_new_text (style, style->group_font, group->label);
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

static void
paint_item_marks (TrellisStyle      *style,
                  cairo_t           *cr,
                  const TrellisItem *item,
                  double             x,
                  double             cy,
                  gboolean           rtl)
{
  double size = style->text_height * 0.85;
  double pos = x;

  if (item->marks & TRELLIS_ITEM_MARK_PROBLEM)
    {
      trellis_draw_symbol (style, cr, TRELLIS_SYMBOL_PROBLEM, rtl ? pos - size : pos, cy - size / 2, size);
      pos += rtl ? -(size + 3) : size + 3;
    }
  else if (item->marks & TRELLIS_ITEM_MARK_WARNING)
    {
      trellis_draw_symbol (style, cr, TRELLIS_SYMBOL_WARNING, rtl ? pos - size : pos, cy - size / 2, size);
      pos += rtl ? -(size + 3) : size + 3;
    }
  if (item->marks & TRELLIS_ITEM_MARK_SINGLE)
    {
      trellis_draw_symbol (style, cr, TRELLIS_SYMBOL_SINGLE, rtl ? pos - size : pos, cy - size / 2, size);
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
      layout = trellis_style_new_text (style, style->small_font, note);
      trellis_text_size (layout, &w, &h);
      trellis_cairo_set_rgba (cr, &style->colors->muted);
      trellis_text_show_start (style, cr, layout, pos, cy - h / 2.0);
      g_object_unref (layout);
      trellis_text_unlock ();
    }
}

/**
 * trellis_headers_paint_rows:
 * @rows: the rows, measured
 * @style: the picture's style
 * @cell_height: the height of a cell
 * @cr: a cairo context whose origin is the row headers' top-left, with
 *   y running as in the cell area
 * @clip: the part of the row headers to paint
 *
 * Paints the group bands and row labels that meet @clip.
 */
void
trellis_headers_paint_rows (TrellisAxis       *rows,
                            TrellisStyle      *style,
                            double             cell_height,
                            cairo_t           *cr,
                            const TrellisRect *clip)
{
  const TrellisThemeColors *colors = style->colors;
  gboolean rtl = style->options->rtl;
  double zoom = style->options->zoom;
  double width = rows->header;
  guint r0, r1;
  double label_x;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);
  trellis_cairo_set_rgba (cr, &colors->header);
  cairo_paint (cr);

  trellis_axis_visible (rows, clip->y, clip->height, FALSE, &r0, &r1);
  if (r0 >= r1)
    {
      cairo_restore (cr);
      return;
    }

  /* Group bands, their names across the top of the band. */
  if (rows->band > 0)
    {
      for (guint g = trellis_axis_get_item (rows, r0)->group; g <= trellis_axis_get_item (rows, r1 - 1)->group; g++)
        {
          TrellisGroup *group = trellis_axis_get_group (rows, g);
          double x = rtl ? width - rows->band : 0;
          double h = group->size - colors->cell_gap;
          PangoLayout *layout;
          int lw, lh;

          trellis_cairo_fill_rect (cr, &colors->band[g % 2], x, group->pos, rows->band - 2 * zoom, h);
          if (group->label == NULL)
            continue;

          layout = group_layout (style, group, rows->band - 12 * zoom, MAX (h - 4 * zoom, 1));
          trellis_text_size (layout, &lw, &lh);
          trellis_cairo_set_rgba (cr, &colors->foreground);
          trellis_text_show_start (style, cr, layout, rtl ? x + rows->band - 7 * zoom : x + 5 * zoom,
                                   group->pos + MAX (0, MIN ((h - lh) / 2, (cell_height - colors->cell_gap - lh) / 2)));
        }
    }

  label_x = rows->band + 6 * zoom;
  for (guint r = r0; r < r1; r++)
    {
      TrellisItem *item = trellis_axis_get_item (rows, r);
      PangoLayout *layout = item_layout (style, item, rows->label_width);
      double cy = item->pos + (item->size - colors->cell_gap) / 2;
      int lw, lh;

      trellis_text_size (layout, &lw, &lh);
      trellis_cairo_set_rgba (cr, (item->marks & TRELLIS_ITEM_MARK_AGGREGATE) ? &colors->muted : &colors->foreground);
      trellis_text_show_start (style, cr, layout, rtl ? width - label_x : label_x, cy - lh / 2.0);

      if (item->marks & TRELLIS_ITEM_MARKS_SHOWN || item->footnote)
        {
          double mx = label_x + rows->label_width + 4;

          paint_item_marks (style, cr, item, rtl ? width - mx : mx, cy, rtl);
        }
    }

  cairo_restore (cr);
}

/* A column group's name: above its columns, or standing up, shortened
 * to the band, where the group is too narrow for it. */
static void
paint_column_group (TrellisAxis  *columns,
                    TrellisStyle *style,
                    cairo_t      *cr,
                    guint         g)
{
  const TrellisThemeColors *colors = style->colors;
  double zoom = style->options->zoom;
  TrellisGroup *group = trellis_axis_get_group (columns, g);
  double x = style->options->rtl ? columns->extent - group->pos - group->size + colors->cell_gap : group->pos;
  double w = group->size - colors->cell_gap;
  double band = columns->band - 2 * zoom;
  PangoLayout *layout;
  int lw, lh;

  trellis_cairo_fill_rect (cr, &colors->band[g % 2], x, 0, w, band);
  if (group->label == NULL)
    return;

  layout = group_layout (style, group, -1, 0);
  trellis_text_size (layout, &lw, &lh);
  trellis_cairo_set_rgba (cr, &colors->foreground);
  if (lw <= w - 8 * zoom)
    trellis_text_show_centred (cr, layout, x + w / 2.0, band - lh - 3 * zoom);
  else if (w >= lh)
    {
      trellis_text_lock ();
      if (group->layout_upright == NULL)
        {
          group->layout_upright = trellis_style_new_text (style, style->group_font, group->label);
          pango_layout_set_ellipsize (group->layout_upright, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (group->layout_upright, (int) ((band - 8 * zoom) * PANGO_SCALE));
          pango_layout_set_single_paragraph_mode (group->layout_upright, TRUE);
        }
      trellis_text_unlock ();
      trellis_text_size (group->layout_upright, &lw, &lh);
      cairo_save (cr);
      cairo_translate (cr, x + (w - lh) / 2.0, band - 4 * zoom);
      trellis_text_show_upright (cr, group->layout_upright);
      cairo_restore (cr);
    }
}

/**
 * trellis_headers_paint_columns:
 * @columns: the columns, measured
 * @style: the picture's style
 * @cr: a cairo context whose origin is the column headers' top-left,
 *   with x running as in the cell area
 * @clip: the part of the column headers to paint
 *
 * Paints the group bands and column labels that meet @clip; long labels
 * run upwards.
 */
void
trellis_headers_paint_columns (TrellisAxis       *columns,
                               TrellisStyle      *style,
                               cairo_t           *cr,
                               const TrellisRect *clip)
{
  const TrellisThemeColors *colors = style->colors;
  gboolean rtl = style->options->rtl;
  double zoom = style->options->zoom;
  double height = columns->header;
  guint c0, c1;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);
  trellis_cairo_set_rgba (cr, &colors->header);
  cairo_paint (cr);

  trellis_axis_visible (columns, clip->x, clip->width, rtl, &c0, &c1);
  if (c0 >= c1)
    {
      cairo_restore (cr);
      return;
    }

  if (columns->band > 0)
    {
      for (guint g = trellis_axis_get_item (columns, c0)->group; g <= trellis_axis_get_item (columns, c1 - 1)->group; g++)
        paint_column_group (columns, style, cr, g);
    }

  for (guint c = c0; c < c1; c++)
    {
      TrellisItem *item = trellis_axis_get_item (columns, c);
      double x = rtl ? columns->extent - item->pos - item->size + colors->cell_gap : item->pos;
      double w = item->size - colors->cell_gap;
      PangoLayout *layout;
      int lw, lh;

      layout = item_layout (style, item, columns->rotated ? columns->label_width : w);
      trellis_text_size (layout, &lw, &lh);
      trellis_cairo_set_rgba (cr, &colors->foreground);

      if (columns->rotated)
        {
          cairo_save (cr);
          cairo_translate (cr, x + (w - lh) / 2.0, height - 5 * zoom);
          trellis_text_show_upright (cr, layout);
          cairo_restore (cr);
        }
      else
        {
          trellis_text_show_centred (cr, layout, x + w / 2.0, height - 5 * zoom - lh);
        }

      if (item->marks & TRELLIS_ITEM_MARKS_SHOWN)
        paint_item_marks (style, cr, item, x + (w - style->text_height * 0.85) / 2,
                          columns->band + style->text_height * 0.6, FALSE);
    }

  cairo_restore (cr);
}
