/* trellis-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-layout-private.h"

/* A layout is everything about a view that does not change from frame to
 * frame: which rows and columns there are, where they are, what each
 * cell holds, the shaped text of headers and cell numbers, the legend
 * and the picture around the map. It is computed once per analysis,
 * options and font; painting then only reads it (and shapes a header
 * the first time it is shown). */

#define MAX_LABEL_WIDTH  220.0
#define MEASURE_EXACTLY  3000

G_DEFINE_FINAL_TYPE (TrellisLayout, trellis_layout, G_TYPE_OBJECT)

static void
text_run_free (gpointer data)
{
  TextRun *run = data;

  if (run == NULL)
    return;

  g_free (run->text);
  g_free (run->glyphs);
  g_clear_pointer (&run->font, cairo_scaled_font_destroy);
  g_clear_object (&run->layout);
  g_free (run);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->label);
  g_clear_object (&item->layout);
}

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_clear_object (&group->layout);
  g_clear_object (&group->layout_upright);
}

static void
legend_item_clear (gpointer data)
{
  LegendItem *item = data;

  g_clear_object (&item->label);
}

static void
sight_node_clear (gpointer data)
{
  SightNode *node = data;

  g_free (node->label);
  g_clear_object (&node->layout);
}

static void
axis_init (Axis *axis)
{
  axis->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (axis->items, item_clear);
  axis->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (axis->groups, group_clear);
}

static void
axis_clear (Axis *axis)
{
  g_clear_pointer (&axis->items, g_array_unref);
  g_clear_pointer (&axis->groups, g_array_unref);
}

static void
trellis_layout_finalize (GObject *object)
{
  TrellisLayout *self = TRELLIS_LAYOUT (object);

  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->role_hidden, g_free);
  if (self->role_members != NULL)
    {
      for (guint r = 0; r < trellis_analysis_get_n_roles (self->analysis); r++)
        g_clear_pointer (&self->role_members[r], g_array_unref);
      g_free (self->role_members);
    }

  for (guint k = 0; k < TRELLIS_N_KINDS; k++)
    g_clear_pointer (&self->entity_at[k], g_free);
  axis_clear (&self->rows);
  axis_clear (&self->columns);
  g_clear_pointer (&self->agg_rows, g_ptr_array_unref);
  g_clear_pointer (&self->assigns, g_free);
  g_clear_pointer (&self->sight_nodes, g_array_unref);
  g_clear_pointer (&self->sight_links, g_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->finding_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->shortened, g_ptr_array_unref);
  g_clear_pointer (&self->shortened_seen, g_hash_table_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->hatch, cairo_surface_destroy);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->text_ids, g_hash_table_unref);
  g_clear_pointer (&self->cell_font, pango_font_description_free);
  g_clear_pointer (&self->header_font, pango_font_description_free);
  g_clear_pointer (&self->group_font, pango_font_description_free);
  g_clear_pointer (&self->title_font, pango_font_description_free);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->options, trellis_render_options_free);
  g_clear_pointer (&self->before, trellis_analysis_unref);
  g_clear_pointer (&self->analysis, trellis_analysis_unref);

  G_OBJECT_CLASS (trellis_layout_parent_class)->finalize (object);
}

static void
trellis_layout_class_init (TrellisLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_layout_finalize;
}

static void
trellis_layout_init (TrellisLayout *self)
{
  axis_init (&self->rows);
  axis_init (&self->columns);

  self->texts = g_ptr_array_new_with_free_func (text_run_free);
  g_ptr_array_add (self->texts, NULL);
  self->text_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_array_set_clear_func (self->legend, legend_item_clear);
  self->sight_nodes = g_array_new (FALSE, TRUE, sizeof (SightNode));
  g_array_set_clear_func (self->sight_nodes, sight_node_clear);
  self->sight_links = g_array_new (FALSE, FALSE, sizeof (SightLink));
  self->findings = g_ptr_array_new ();
  self->finding_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->agg_rows = g_ptr_array_new_with_free_func (g_free);
  self->shortened = g_ptr_array_new ();
  self->shortened_seen = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Text */

char *
trellis_format_number (double   value,
                       guint    decimals,
                       gboolean plus)
{
  g_autofree char *plain = NULL;
  GString *out;

  /* Avoid "−0.0". */
  if (fabs (value) < 0.5 * pow (10, -(double) decimals))
    value = 0;

  plain = g_strdup_printf ("%.*f", (int) decimals, fabs (value));
  out = g_string_new (NULL);
  if (value < 0)
    g_string_append (out, "\u2212");
  else if (plus && value > 0)
    g_string_append_c (out, '+');
  g_string_append (out, plain);

  return g_string_free (out, FALSE);
}

/**
 * trellis_layout_intern_text:
 *
 * Returns: the id of @text in the layout's text cache, adding it; the
 *   text is shaped the first time it is drawn
 */
guint16
trellis_layout_intern_text (TrellisLayout *self,
                            const char    *text)
{
  gpointer id;
  TextRun *run;
  guint16 result;

  if (text == NULL || text[0] == '\0')
    return NO_TEXT;

  trellis_text_lock ();
  id = g_hash_table_lookup (self->text_ids, text);
  if (id != NULL)
    result = (guint16) GPOINTER_TO_UINT (id);
  else if (self->texts->len >= G_MAXUINT16)
    /* The cache holds short cell texts; there are few distinct ones. */
    result = NO_TEXT;
  else
    {
      run = g_new0 (TextRun, 1);
      run->text = g_strdup (text);
      g_ptr_array_add (self->texts, run);
      g_hash_table_insert (self->text_ids, run->text, GUINT_TO_POINTER (self->texts->len - 1));
      result = (guint16) (self->texts->len - 1);
    }
  trellis_text_unlock ();

  return result;
}

/**
 * trellis_layout_align:
 *
 * Aligns a layout's lines to the start of the reading direction: the
 * left in a left-to-right layout, the right when mirrored. Each text
 * keeps its own direction (a Latin name in a Hebrew matrix reads left to
 * right), and Pango swaps the alignment of a right-to-left paragraph, so
 * that is undone here.
 */
void
trellis_layout_align (TrellisLayout *self,
                      PangoLayout   *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  gboolean rtl_text = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
  gboolean right = self->options->rtl;

  if (rtl_text)
    right = !right;
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

PangoLayout *
trellis_layout_make_text (TrellisLayout              *self,
                          const PangoFontDescription *font,
                          const char                 *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  trellis_layout_align (self, layout);

  return layout;
}

static void
shape_run (TrellisLayout *self,
           TextRun       *run)
{
  /* Numbers read left to right in every language: a left-to-right mark
   * keeps "−1" from becoming "1−" in a mirrored layout. */
  g_autofree char *text = g_strconcat ("\u200e", run->text, NULL);
  g_autoptr(PangoLayout) layout = trellis_layout_make_text (self, self->cell_font, text);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoRectangle logical;
  PangoFont *font = NULL;
  gboolean one_font = TRUE;
  double baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  double x = 0;
  GArray *glyphs;

  run->shaped = TRUE;
  pango_layout_get_extents (layout, NULL, &logical);
  run->width = logical.width / (double) PANGO_SCALE;
  run->height = logical.height / (double) PANGO_SCALE;

  for (GSList *l = line != NULL ? line->runs : NULL; l != NULL; l = l->next)
    {
      PangoGlyphItem *item = l->data;

      if (font == NULL)
        font = item->item->analysis.font;
      else if (font != item->item->analysis.font)
        one_font = FALSE;
    }

  if (font == NULL || !one_font || !PANGO_IS_CAIRO_FONT (font) ||
      pango_layout_get_line_count (layout) != 1)
    {
      run->layout = g_steal_pointer (&layout);
      return;
    }

  glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *item = l->data;
      PangoGlyphString *gs = item->glyphs;

      for (int i = 0; i < gs->num_glyphs; i++)
        {
          PangoGlyphInfo *gi = &gs->glyphs[i];

          if (gi->glyph != PANGO_GLYPH_EMPTY)
            {
              cairo_glyph_t g;

              if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
                {
                  /* Missing glyphs are drawn as hex boxes by Pango only. */
                  g_array_unref (glyphs);
                  run->layout = g_steal_pointer (&layout);
                  return;
                }

              g.index = gi->glyph;
              g.x = x + gi->geometry.x_offset / (double) PANGO_SCALE - logical.x / (double) PANGO_SCALE;
              g.y = baseline + gi->geometry.y_offset / (double) PANGO_SCALE - logical.y / (double) PANGO_SCALE;
              g_array_append_val (glyphs, g);
            }
          x += gi->geometry.width / (double) PANGO_SCALE;
        }
    }

  run->n_glyphs = glyphs->len;
  run->glyphs = (cairo_glyph_t *) (void *) g_array_free (glyphs, FALSE);
  run->font = cairo_scaled_font_reference (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
}

const TextRun *
trellis_layout_get_text_run (TrellisLayout *self,
                             guint16        id)
{
  TextRun *run;

  if (id == NO_TEXT || id >= self->texts->len)
    return NULL;

  run = g_ptr_array_index (self->texts, id);
  if (!run->shaped)
    {
      trellis_text_lock ();
      if (!run->shaped)
        shape_run (self, run);
      trellis_text_unlock ();
    }

  return run;
}

/* Axes */

void
axis_begin_group (Axis          *axis,
                  TrellisEntity *entity,
                  const char    *label)
{
  Group group = { 0 };

  group.label = g_strdup (label);
  group.entity = entity;
  group.first = axis->items->len;
  g_array_append_val (axis->groups, group);
}

void
axis_end_group (Axis *axis)
{
  Group *group;

  g_assert (axis->groups->len > 0);

  group = &g_array_index (axis->groups, Group, axis->groups->len - 1);
  group->n = axis->items->len - group->first;

  /* Drop groups that came out empty. */
  if (group->n == 0)
    g_array_set_size (axis->groups, axis->groups->len - 1);
}

void
axis_add_item (Axis            *axis,
               TrellisItemKind  kind,
               guint            index,
               TrellisEntity   *entity,
               const char      *label)
{
  Item item = { 0 };

  g_assert (axis->groups->len > 0);

  item.kind = kind;
  item.index = index;
  item.entity = entity;
  item.group = axis->groups->len - 1;
  item.role = NO_ROLE;
  item.label = g_strdup (label != NULL ? label : (entity != NULL ? trellis_entity_get_name (entity) : ""));
  g_array_append_val (axis->items, item);
}

static void
axis_place (Axis   *axis,
            double  size,
            double  group_gap)
{
  double pos = 0;

  for (guint g = 0; g < axis->groups->len; g++)
    {
      Group *group = &g_array_index (axis->groups, Group, g);

      if (g > 0)
        pos += group_gap;

      group->pos = pos;
      for (guint i = group->first; i < group->first + group->n; i++)
        {
          Item *item = &g_array_index (axis->items, Item, i);

          item->group = g;
          item->pos = pos;
          item->size = size;
          pos += size;
        }
      group->size = pos - group->pos;
    }

  axis->extent = pos;
}

static gboolean
axis_find (const Axis *axis,
           double      pos,
           guint      *index)
{
  guint lo = 0;
  guint hi = axis->items->len;

  /* The last item that starts at or before pos. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (axis->items, Item, mid).pos <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return FALSE;

  {
    const Item *item = &g_array_index (axis->items, Item, lo - 1);

    if (pos >= item->pos + item->size)
      return FALSE;
  }

  *index = lo - 1;
  return TRUE;
}

static double font_height (TrellisLayout              *self,
                           const PangoFontDescription *font);

/* Remembers a label the picture shortens, once, for the list of names
 * in full under it. */
static void
note_shortened (TrellisLayout *self,
                const char    *label)
{
  if (label == NULL || g_hash_table_contains (self->shortened_seen, label))
    return;

  g_hash_table_add (self->shortened_seen, (gpointer) label);
  g_ptr_array_add (self->shortened, (gpointer) label);
}

static double
measure_labels (TrellisLayout              *self,
                Axis                       *axis,
                const PangoFontDescription *font,
                double                      cap)
{
  g_autoptr(PangoLayout) layout = trellis_layout_make_text (self, font, "");
  double widest = 0;
  guint n = axis->items->len;

  if (n <= MEASURE_EXACTLY)
    {
      for (guint i = 0; i < n; i++)
        {
          const Item *item = &g_array_index (axis->items, Item, i);
          int w;

          pango_layout_set_text (layout, item->label, -1);
          pango_layout_get_pixel_size (layout, &w, NULL);
          widest = MAX (widest, w);
          if (w > cap)
            note_shortened (self, item->label);
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
          const Item *item = &g_array_index (axis->items, Item, i);
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
            note_shortened (self, item->label);
        }
    }

  return widest;
}

static double
font_height (TrellisLayout              *self,
             const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = trellis_layout_make_text (self, font, "Ag19");
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

static gboolean
axis_has_group_labels (const Axis *axis)
{
  for (guint g = 0; g < axis->groups->len; g++)
    {
      const Group *group = &g_array_index (axis->groups, Group, g);

      if (group->label != NULL && group->label[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

static double
measure_group_labels (TrellisLayout *self,
                      Axis          *axis,
                      gboolean       only_unfitting,
                      double         cap)
{
  g_autoptr(PangoLayout) layout = trellis_layout_make_text (self, self->group_font, "");
  double widest = 0;

  for (guint g = 0; g < axis->groups->len; g++)
    {
      const Group *group = &g_array_index (axis->groups, Group, g);
      int w;

      if (group->label == NULL)
        continue;
      pango_layout_set_text (layout, group->label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      if (only_unfitting && w <= group->size - 8 * self->options->zoom)
        continue;
      widest = MAX (widest, w);

      /* Row group names wrap over as many lines as the group is tall. */
      if (cap > 0)
        {
          double lines = axis == &self->rows ? MAX (1, floor ((group->size - 4) / font_height (self, self->group_font))) : 1;

          if (w > cap * lines)
            note_shortened (self, group->label);
        }
    }

  return widest;
}

static void
compute_headers (TrellisLayout *self)
{
  double zoom = self->options->zoom;
  double group_h = font_height (self, self->group_font);
  double mark_space = 0;
  double widest;

  /* Row headers: [group band][label][marks]. */
  for (guint i = 0; i < self->rows.items->len; i++)
    {
      const Item *item = &g_array_index (self->rows.items, Item, i);

      if (item->marks & (ITEM_MARK_SINGLE | ITEM_MARK_PROBLEM | ITEM_MARK_WARNING | ITEM_MARK_INFO))
        mark_space = self->cell_height + (item->footnote > 0 ? 3 * self->text_height : 0);
    }

  widest = measure_labels (self, &self->rows, self->header_font,
                           self->options->view == TRELLIS_VIEW_SIGHT ? G_MAXDOUBLE : MAX_LABEL_WIDTH * zoom);
  self->rows.label_width = MIN (widest, MAX_LABEL_WIDTH * zoom);
  /* Row group names run across a band of their own, wrapping when the
   * group is tall enough. */
  self->rows.band = axis_has_group_labels (&self->rows) ?
    ceil (MIN (measure_group_labels (self, &self->rows, FALSE,
                                     self->options->view == TRELLIS_VIEW_SIGHT ? 0 : 138 * zoom),
               150 * zoom) + 14 * zoom) : 0;
  self->rows.header = self->rows.items->len == 0 ? 0 :
    self->rows.band + 6 * zoom + self->rows.label_width + mark_space + 8 * zoom;

  /* Column headers: [group band] above [label], vertical when the labels
   * are wider than a column. */
  mark_space = 0;
  for (guint i = 0; i < self->columns.items->len; i++)
    {
      const Item *item = &g_array_index (self->columns.items, Item, i);

      if (item->marks & (ITEM_MARK_SINGLE | ITEM_MARK_PROBLEM | ITEM_MARK_WARNING | ITEM_MARK_INFO))
        mark_space = self->cell_width;
    }

  widest = measure_labels (self, &self->columns, self->header_font, MAX_LABEL_WIDTH * zoom);
  /* Column group names lie above their columns, or stand up where the
   * group is too narrow for them. */
  self->columns.band = axis_has_group_labels (&self->columns) ? group_h + 8 * zoom : 0;
  if (self->columns.band > 0)
    {
      double upright = measure_group_labels (self, &self->columns, TRUE, 130 * zoom);

      if (upright > 0)
        self->columns.band = ceil (MAX (self->columns.band, MIN (upright, 140 * zoom) + 10 * zoom));
    }
  self->columns.rotated = widest > self->cell_width - 6 * zoom;
  if (self->columns.rotated)
    self->columns.label_width = MIN (widest, MAX_LABEL_WIDTH * zoom);
  else
    self->columns.label_width = font_height (self, self->header_font);
  self->columns.header = self->columns.items->len == 0 ? 0 :
    self->columns.band + self->columns.label_width + mark_space + 10 * zoom;
}

/* The legend flows in lines, wrapped at the picture's width. */
static void
place_legend (TrellisLayout *self,
              double         max_width)
{
  double zoom = self->options->zoom;
  double swatch = self->cell_height;
  double x = 0;
  double y = 0;
  double line_h = swatch;
  double widest = 0;

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      int lw = 0;
      int lh = 0;

      if (item->label != NULL)
        pango_layout_get_pixel_size (item->label, &lw, &lh);

      if (item->kind == SWATCH_HEADING)
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

  self->legend_width = widest;
  self->legend_height = self->legend->len > 0 ? y + line_h : 0;
}

static void
place_findings (TrellisLayout *self,
                double         width)
{
  double zoom = self->options->zoom;
  double y = 0;

  for (guint i = 0; i < self->finding_layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->finding_layouts, i);
      int h;

      pango_layout_set_width (layout, (int) ((width - 2 * self->cell_height) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, NULL, &h);
      y += h + 4 * zoom;
    }

  self->findings_height = y;
}

static void
compute_picture (TrellisLayout *self)
{
  double zoom = self->options->zoom;
  double margin = 16 * zoom;
  double title_h = 0;
  double map_w = self->rows.header + self->content_width;
  double width;
  double y;
  int tw = 0, th = 0, sw = 0, sh = 0;

  self->margin = margin;

  pango_layout_get_pixel_size (self->title, &tw, &th);
  pango_layout_get_pixel_size (self->subtitle, &sw, &sh);
  title_h = th + (sh > 0 ? 2 * zoom + sh : 0);

  /* Under the findings, the names the picture had to shorten, in full. */
  if (self->shortened->len > 0)
    {
      guint shown = MIN (self->shortened->len, 200);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      g_autofree char *line = NULL;

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
      g_ptr_array_add (self->finding_layouts, trellis_layout_make_text (self, self->header_font, line));
    }

  /* The legend wraps at the map's width, but never narrower than a
   * readable line. */
  place_legend (self, MAX (map_w, 520 * zoom));
  width = MAX (map_w, MAX (self->legend_width, MAX (tw, sw)));
  place_findings (self, MAX (width, 520 * zoom));
  if (self->findings_height > 0)
    width = MAX (width, 520 * zoom);

  /* Layouts align within the picture. */
  pango_layout_set_width (self->title, (int) (width * PANGO_SCALE));
  pango_layout_set_width (self->subtitle, (int) (width * PANGO_SCALE));

  self->area_title = TRELLIS_RECT_INIT (margin, margin, width, title_h);
  y = margin + title_h + 14 * zoom;

  if (!self->options->rtl)
    {
      self->area_rows = TRELLIS_RECT_INIT (margin, y + self->columns.header,
                                           self->rows.header, self->content_height);
      self->area_columns = TRELLIS_RECT_INIT (margin + self->rows.header, y,
                                              self->content_width, self->columns.header);
      self->area_cells = TRELLIS_RECT_INIT (margin + self->rows.header, y + self->columns.header,
                                            self->content_width, self->content_height);
    }
  else
    {
      double right = margin + width;

      self->area_rows = TRELLIS_RECT_INIT (right - self->rows.header, y + self->columns.header,
                                           self->rows.header, self->content_height);
      self->area_columns = TRELLIS_RECT_INIT (right - map_w, y,
                                              self->content_width, self->columns.header);
      self->area_cells = TRELLIS_RECT_INIT (right - map_w, y + self->columns.header,
                                            self->content_width, self->content_height);
    }

  y += self->columns.header + self->content_height + 18 * zoom;
  self->area_legend = TRELLIS_RECT_INIT (margin, y, width,
                                         self->legend_height +
                                         (self->findings_height > 0 ? 14 * zoom + self->findings_height : 0));
  y += self->area_legend.height;

  self->picture_width = ceil (width + 2 * margin);
  self->picture_height = ceil (y + margin);
}

static PangoFontDescription *
make_font (const char *family,
           double      points,
           PangoWeight weight,
           PangoStyle  style)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, (int) (points * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);

  return font;
}

static void
setup_text (TrellisLayout *self)
{
  const TrellisRenderOptions *o = self->options;
  const char *family = o->font_family != NULL ? o->font_family : TRELLIS_DEFAULT_FONT_FAMILY;
  double size = (o->font_size > 0 ? o->font_size : TRELLIS_DEFAULT_FONT_SIZE) * o->zoom;
  PangoWeight normal = self->colors->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics keep the layout the same at every scale factor, so
   * that a HiDPI export is the same picture, sharper. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);

  self->context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (self->context, 96.0);
  pango_cairo_context_set_font_options (self->context, font_options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_base_dir (self->context, o->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  cairo_font_options_destroy (font_options);

  self->cell_font = make_font (family, size, normal, PANGO_STYLE_NORMAL);
  self->header_font = make_font (family, size, normal, PANGO_STYLE_NORMAL);
  self->group_font = make_font (family, size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->title_font = make_font (family, size * 14.0 / 9.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->small_font = make_font (family, size * 8.0 / 9.0, normal, PANGO_STYLE_NORMAL);
  self->text_height = font_height (self, self->cell_font);

  for (gint v = -20; v <= 20; v++)
    {
      g_autofree char *plain = trellis_format_number (v, 0, FALSE);
      g_autofree char *plus = trellis_format_number (v, 0, TRUE);

      self->number_text[v + 20] = trellis_layout_intern_text (self, plain);
      self->signed_text[v + 20] = trellis_layout_intern_text (self, plus);
    }
}

static void
make_title (TrellisLayout *self)
{
  const TrellisRenderOptions *o = self->options;
  TrellisOrganisation *org = trellis_document_get_organisation (self->document);
  const char *org_name = org != NULL ? trellis_entity_get_name (TRELLIS_ENTITY (org)) : NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  char date[11];

  if (o->title != NULL)
    title = g_strdup (o->title);
  else if (org_name != NULL && org_name[0] != '\0')
    /* Translators: the title of a picture: organisation — view. */
    title = g_strdup_printf (_("%s — %s"), org_name, trellis_view_get_title (o->view));
  else
    title = g_strdup (trellis_view_get_title (o->view));

  if (o->role != NULL)
    {
      TrellisEntity *role = trellis_document_lookup (self->document, o->role);
      /* Translators: the subtitle names the role a view is narrowed to. */
      g_ptr_array_add (parts, g_strdup_printf (_("Role: %s"), trellis_entity_get_name (role)));
    }
  if (o->person != NULL)
    {
      TrellisEntity *person = trellis_document_lookup (self->document, o->person);
      /* Translators: the subtitle names the person a view is narrowed to. */
      g_ptr_array_add (parts, g_strdup_printf (_("Person: %s"), trellis_entity_get_name (person)));
    }
  if (o->view == TRELLIS_VIEW_TREND && o->since != 0)
    /* Translators: %s is an ISO date. */
    g_ptr_array_add (parts, g_strdup_printf (_("Change since %s"), trellis_date_format (o->since, date)));
  if (self->latest != 0)
    /* Translators: %s is the ISO date of the newest assessment in the matrix. */
    g_ptr_array_add (parts, g_strdup_printf (_("Assessments up to %s"), trellis_date_format (self->latest, date)));
  else if (o->view != TRELLIS_VIEW_SIGHT && o->view != TRELLIS_VIEW_REQUIREMENTS)
    g_ptr_array_add (parts, g_strdup (_("No assessments yet")));
  if (o->audience == TRELLIS_AUDIENCE_WORKSHOP)
    g_ptr_array_add (parts, g_strdup (_("Workshop mode: only people who share with the team, no group under three")));
  if (self->n_not_shown > 0 && o->audience == TRELLIS_AUDIENCE_WORKSHOP)
    /* Translators: in a workshop, who shares only with their coach, or
     * with nobody, is left out. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u person does not share their assessments with the team and is not shown",
                                                       "%u people do not share their assessments with the team and are not shown",
                                                       self->n_not_shown),
                                             self->n_not_shown));
  else if (self->n_not_shown > 0)
    /* Translators: for a coach, who keeps their assessments private is
     * left out. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u person keeps their assessments private and is not shown",
                                                       "%u people keep their assessments private and are not shown",
                                                       self->n_not_shown),
                                             self->n_not_shown));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a subtitle. */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);

  self->title = trellis_layout_make_text (self, self->title_font, title);
  self->subtitle = trellis_layout_make_text (self, self->header_font, subtitle);
  pango_layout_set_wrap (self->subtitle, PANGO_WRAP_WORD);
}

/**
 * trellis_layout_new:
 * @analysis: the analysis of a document
 * @options: what to draw and how
 * @error: return location for a #TRELLIS_RENDER_ERROR
 *
 * Lays out a view: rows, columns, groups, header sizes, the legend and
 * the picture around the map. Fails when @options name a role or person
 * the document does not have, or a trend lacks its date. Who is shown
 * follows @options' audience.
 *
 * Returns: (transfer full): a new #TrellisLayout, or %NULL
 */
TrellisLayout *
trellis_layout_new (TrellisAnalysis             *analysis,
                    const TrellisRenderOptions  *options,
                    GError                     **error)
{
  g_autoptr(TrellisLayout) self = NULL;
  TrellisRenderOptions *o;
  gboolean ok;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->view < TRELLIS_N_VIEWS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_LAYOUT, NULL);
  self->analysis = trellis_analysis_ref (analysis);
  self->document = trellis_analysis_get_document (analysis);
  self->options = o = trellis_render_options_copy (options);
  if (!(o->zoom > 0.05 && o->zoom < 40))
    o->zoom = 1.0;
  if (!(o->scale > 0.05 && o->scale < 40))
    o->scale = 1.0;
  if (o->theme >= TRELLIS_N_THEMES)
    o->theme = TRELLIS_THEME_LIGHT;
  if (o->audience >= TRELLIS_N_AUDIENCES)
    o->audience = TRELLIS_AUDIENCE_WORKSHOP;
  self->colors = trellis_theme_get_colors (o->theme);
  self->scale_min = trellis_document_get_scale_min (self->document);
  self->scale_max = trellis_document_get_scale_max (self->document);
  self->latest = trellis_analysis_get_latest_date (analysis);

  if (o->role != NULL)
    {
      TrellisEntity *role = trellis_document_lookup (self->document, o->role);

      if (role == NULL || !TRELLIS_IS_ROLE (role))
        {
          g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_ROLE,
                       /* Translators: %s is an id given on the command line. */
                       _("The matrix has no role with the id ‘%s’."), o->role);
          return NULL;
        }
    }

  if (o->person != NULL)
    {
      TrellisEntity *person = trellis_document_lookup (self->document, o->person);

      if (person == NULL || !TRELLIS_IS_PERSON (person))
        {
          g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON,
                       _("The matrix has no person with the id ‘%s’."), o->person);
          return NULL;
        }

    }

  if (o->view == TRELLIS_VIEW_TREND && o->since == 0)
    {
      g_set_error_literal (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_NEEDS_DATE,
                           _("A trend compares with an earlier date; give one."));
      return NULL;
    }

  setup_text (self);

  self->group_gap = 6 * o->zoom;

  if (o->view == TRELLIS_VIEW_SIGHT)
    ok = trellis_layout_build_sight (self, error);
  else
    ok = trellis_layout_build_view (self, error);

  if (!ok)
    return NULL;

  if (o->view != TRELLIS_VIEW_SIGHT)
    {
      axis_place (&self->rows, self->cell_height, self->group_gap);
      axis_place (&self->columns, self->cell_width, self->group_gap);
      self->content_width = self->columns.extent;
      self->content_height = self->rows.extent;
    }

  compute_headers (self);
  if (o->view == TRELLIS_VIEW_SIGHT)
    self->rows.header = 0;

  make_title (self);
  trellis_layout_build_legend_items (self);
  compute_picture (self);

  return g_steal_pointer (&self);
}

const TrellisRenderOptions *
trellis_layout_get_options (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return self->options;
}

/**
 * trellis_layout_get_analysis:
 *
 * Returns: (transfer none): the analysis the layout shows
 */
TrellisAnalysis *
trellis_layout_get_analysis (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return self->analysis;
}

/* Geometry */

void
trellis_layout_get_content_size (TrellisLayout *self,
                                 double        *width,
                                 double        *height)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (width != NULL)
    *width = self->content_width;
  if (height != NULL)
    *height = self->content_height;
}

double
trellis_layout_get_row_header_width (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->rows.header;
}

double
trellis_layout_get_column_header_height (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->columns.header;
}

/**
 * trellis_layout_get_picture_size:
 *
 * The size of the whole picture that trellis_render_cairo() paints:
 * title, headers, cells, legend and findings, with a margin.
 */
void
trellis_layout_get_picture_size (TrellisLayout *self,
                                 double        *width,
                                 double        *height)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (width != NULL)
    *width = self->picture_width;
  if (height != NULL)
    *height = self->picture_height;
}

/**
 * trellis_layout_get_areas:
 *
 * Where each part sits in the whole picture, for printing and export.
 * Any argument may be %NULL.
 */
void
trellis_layout_get_areas (TrellisLayout *self,
                          TrellisRect   *title,
                          TrellisRect   *column_headers,
                          TrellisRect   *row_headers,
                          TrellisRect   *cells,
                          TrellisRect   *legend)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (title != NULL)
    *title = self->area_title;
  if (column_headers != NULL)
    *column_headers = self->area_columns;
  if (row_headers != NULL)
    *row_headers = self->area_rows;
  if (cells != NULL)
    *cells = self->area_cells;
  if (legend != NULL)
    *legend = self->area_legend;
}

guint
trellis_layout_get_n_rows (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->rows.items->len;
}

guint
trellis_layout_get_n_columns (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->columns.items->len;
}

Item *
trellis_layout_row_item (TrellisLayout *self,
                         guint          row)
{
  return &g_array_index (self->rows.items, Item, row);
}

Item *
trellis_layout_column_item (TrellisLayout *self,
                            guint          column)
{
  return &g_array_index (self->columns.items, Item, column);
}

/* Columns run right to left in a mirrored layout. */
static double
column_x (TrellisLayout *self,
          const Item    *item)
{
  if (self->options->rtl)
    return self->content_width - item->pos - item->size;

  return item->pos;
}

gboolean
trellis_layout_get_row_extent (TrellisLayout *self,
                               guint          row,
                               double        *y,
                               double        *height)
{
  const Item *item;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (row >= self->rows.items->len)
    return FALSE;

  item = trellis_layout_row_item (self, row);
  if (y != NULL)
    *y = item->pos;
  if (height != NULL)
    *height = item->size;

  return TRUE;
}

gboolean
trellis_layout_get_column_extent (TrellisLayout *self,
                                  guint          column,
                                  double        *x,
                                  double        *width)
{
  const Item *item;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (column >= self->columns.items->len)
    return FALSE;

  item = trellis_layout_column_item (self, column);
  if (x != NULL)
    *x = column_x (self, item);
  if (width != NULL)
    *width = item->size;

  return TRUE;
}

/**
 * trellis_layout_get_cell_rect:
 * @self: a #TrellisLayout
 * @row: a row
 * @column: a column
 * @rect: (out caller-allocates): the cell's slot in the cell area,
 *   including the thin gap that shows between cells
 *
 * For the line of sight, @row is a node and @column its stage.
 *
 * Returns: whether the cell exists
 */
gboolean
trellis_layout_get_cell_rect (TrellisLayout *self,
                              guint          row,
                              guint          column,
                              TrellisRect   *rect)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (self->options->view == TRELLIS_VIEW_SIGHT)
    {
      const SightNode *node;

      if (row >= self->sight_nodes->len)
        return FALSE;
      node = &g_array_index (self->sight_nodes, SightNode, row);
      if (node->stage != column)
        return FALSE;
      *rect = TRELLIS_RECT_INIT (node->x, node->y, node->width, node->height);
      return TRUE;
    }

  if (row >= self->rows.items->len || column >= self->columns.items->len)
    return FALSE;

  {
    const Item *r = trellis_layout_row_item (self, row);
    const Item *c = trellis_layout_column_item (self, column);

    *rect = TRELLIS_RECT_INIT (column_x (self, c), r->pos, c->size, r->size);
  }

  return TRUE;
}

gboolean
trellis_layout_row_at_y (TrellisLayout *self,
                         double         y,
                         guint         *row)
{
  guint r;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (!axis_find (&self->rows, y, &r))
    return FALSE;
  if (row != NULL)
    *row = r;

  return TRUE;
}

gboolean
trellis_layout_column_at_x (TrellisLayout *self,
                            double         x,
                            guint         *column)
{
  guint c;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  /* Mirrored, a column covers (pos, pos + size] from the right edge;
   * stepping just below keeps each cell's left edge in the cell. */
  if (self->options->rtl)
    x = nextafter (self->content_width - x, -G_MAXDOUBLE);
  if (!axis_find (&self->columns, x, &c))
    return FALSE;
  if (column != NULL)
    *column = c;

  return TRUE;
}

/**
 * trellis_layout_cell_at_point:
 * @self: a #TrellisLayout
 * @x: x in the cell area
 * @y: y in the cell area
 * @row: (out) (optional): the row under the point
 * @column: (out) (optional): the column under the point
 *
 * Hit-tests the cell area. For the line of sight, @row is the node under
 * the point and @column its stage.
 *
 * Returns: whether a cell (or node) is under the point
 */
gboolean
trellis_layout_cell_at_point (TrellisLayout *self,
                              double         x,
                              double         y,
                              guint         *row,
                              guint         *column)
{
  guint r, c;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (self->options->view == TRELLIS_VIEW_SIGHT)
    {
      for (guint i = 0; i < self->sight_nodes->len; i++)
        {
          const SightNode *node = &g_array_index (self->sight_nodes, SightNode, i);
          TrellisRect rect = TRELLIS_RECT_INIT (node->x, node->y, node->width, node->height);

          if (trellis_rect_contains_point (&rect, x, y))
            {
              if (row != NULL)
                *row = i;
              if (column != NULL)
                *column = node->stage;
              return TRUE;
            }
        }
      return FALSE;
    }

  if (!trellis_layout_row_at_y (self, y, &r) || !trellis_layout_column_at_x (self, x, &c))
    return FALSE;

  if (row != NULL)
    *row = r;
  if (column != NULL)
    *column = c;

  return TRUE;
}

/* Rows, columns, groups */

TrellisItemKind
trellis_layout_get_row_kind (TrellisLayout *self,
                             guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), TRELLIS_ITEM_PERSON);
  g_return_val_if_fail (row < self->rows.items->len, TRELLIS_ITEM_PERSON);

  return trellis_layout_row_item (self, row)->kind;
}

/**
 * trellis_layout_get_row_entity:
 *
 * Returns: (transfer none) (nullable): the person, competency, role or
 *   responsibility of @row; for an aggregate row its role, or %NULL for
 *   the team
 */
TrellisEntity *
trellis_layout_get_row_entity (TrellisLayout *self,
                               guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (row < self->rows.items->len, NULL);

  return trellis_layout_row_item (self, row)->entity;
}

/**
 * trellis_layout_get_row_label:
 *
 * Returns: the full, never ellipsized label of @row
 */
const char *
trellis_layout_get_row_label (TrellisLayout *self,
                              guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (row < self->rows.items->len, NULL);

  return trellis_layout_row_item (self, row)->label;
}

guint
trellis_layout_get_row_group (TrellisLayout *self,
                              guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);
  g_return_val_if_fail (row < self->rows.items->len, 0);

  return trellis_layout_row_item (self, row)->group;
}

TrellisItemKind
trellis_layout_get_column_kind (TrellisLayout *self,
                                guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), TRELLIS_ITEM_COMPETENCY);
  g_return_val_if_fail (column < self->columns.items->len, TRELLIS_ITEM_COMPETENCY);

  return trellis_layout_column_item (self, column)->kind;
}

/**
 * trellis_layout_get_column_entity:
 *
 * Returns: (transfer none) (nullable): the entity of @column
 */
TrellisEntity *
trellis_layout_get_column_entity (TrellisLayout *self,
                                  guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (column < self->columns.items->len, NULL);

  return trellis_layout_column_item (self, column)->entity;
}

const char *
trellis_layout_get_column_label (TrellisLayout *self,
                                 guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (column < self->columns.items->len, NULL);

  return trellis_layout_column_item (self, column)->label;
}

guint
trellis_layout_get_column_group (TrellisLayout *self,
                                 guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);
  g_return_val_if_fail (column < self->columns.items->len, 0);

  return trellis_layout_column_item (self, column)->group;
}

guint
trellis_layout_get_n_row_groups (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->rows.groups->len;
}

const char *
trellis_layout_get_row_group_label (TrellisLayout *self,
                                    guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->rows.groups->len, NULL);

  return g_array_index (self->rows.groups, Group, group).label;
}

/**
 * trellis_layout_get_row_group_entity:
 *
 * Returns: (transfer none) (nullable): the role (or result) a row group
 *   stands for; %NULL for the team and for "no role"
 */
TrellisEntity *
trellis_layout_get_row_group_entity (TrellisLayout *self,
                                     guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->rows.groups->len, NULL);

  return g_array_index (self->rows.groups, Group, group).entity;
}

guint
trellis_layout_get_n_column_groups (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->columns.groups->len;
}

const char *
trellis_layout_get_column_group_label (TrellisLayout *self,
                                       guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->columns.groups->len, NULL);

  return g_array_index (self->columns.groups, Group, group).label;
}

/**
 * trellis_layout_get_column_group_entity:
 *
 * Returns: (transfer none) (nullable): the value a column group stands
 *   for, or %NULL
 */
TrellisEntity *
trellis_layout_get_column_group_entity (TrellisLayout *self,
                                        guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->columns.groups->len, NULL);

  return g_array_index (self->columns.groups, Group, group).entity;
}

/* Cells */

/**
 * trellis_layout_get_cell_info:
 * @self: a #TrellisLayout
 * @row: a row
 * @column: a column
 * @info: (out caller-allocates): what the cell holds
 *
 * The facts behind a cell, as painted.
 */
void
trellis_layout_get_cell_info (TrellisLayout   *self,
                              guint            row,
                              guint            column,
                              TrellisCellInfo *info)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (info != NULL);

  memset (info, 0, sizeof *info);
  info->required = info->assessed = TRELLIS_LEVEL_NONE;

  if (self->options->view == TRELLIS_VIEW_SIGHT)
    return;

  g_return_if_fail (row < self->rows.items->len && column < self->columns.items->len);

  trellis_layout_compute_cell (self, row, column, info, NULL);
}

/**
 * trellis_layout_dup_cell_text:
 *
 * Returns: (transfer full): the text printed in the cell, or a short word
 *   for what a pattern means ("not assessed"), for a table twin; empty
 *   when the cell shows nothing
 */
char *
trellis_layout_dup_cell_text (TrellisLayout *self,
                              guint          row,
                              guint          column)
{
  TrellisCellInfo info;
  CellPaint paint = { 0 };

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  if (self->options->view == TRELLIS_VIEW_SIGHT)
    return trellis_layout_describe_node (self, row, column, FALSE);

  g_return_val_if_fail (row < self->rows.items->len && column < self->columns.items->len, NULL);

  memset (&info, 0, sizeof info);
  trellis_layout_compute_cell (self, row, column, &info, &paint);

  switch (info.content)
    {
    case TRELLIS_CONTENT_NOT_ASSESSED:
      return g_strdup (C_("cell", "not assessed"));
    case TRELLIS_CONTENT_SUPPRESSED:
      return g_strdup (C_("cell", "hidden"));
    case TRELLIS_CONTENT_NEW:
      return g_strdup (C_("cell", "new"));
    case TRELLIS_CONTENT_PERSPECTIVES:
      {
        GString *s = g_string_new (NULL);

        for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
          {
            if (info.perspectives[k] == TRELLIS_LEVEL_NONE)
              continue;
            if (s->len > 0)
              g_string_append (s, " ");
            /* Translators: a perspective and its level, e.g. "Self 3". */
            g_string_append_printf (s, C_("perspective", "%s %d"),
                                    trellis_source_get_label (k), info.perspectives[k]);
          }
        return g_string_free (s, FALSE);
      }
    case TRELLIS_CONTENT_EMPTY:
    case TRELLIS_CONTENT_VALUE:
    case TRELLIS_CONTENT_ASSIGNMENT:
    default:
      {
        const TextRun *run = paint.text[0] != NO_TEXT ?
          g_ptr_array_index (self->texts, paint.text[0]) : NULL;

        return g_strdup (run != NULL ? run->text : "");
      }
    }
}

/**
 * trellis_layout_dup_cell_description:
 *
 * Returns: (transfer full): one sentence saying what the cell means, for
 *   screen readers and the table twin
 */
char *
trellis_layout_dup_cell_description (TrellisLayout *self,
                                     guint          row,
                                     guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  if (self->options->view == TRELLIS_VIEW_SIGHT)
    return trellis_layout_describe_node (self, row, column, FALSE);

  g_return_val_if_fail (row < self->rows.items->len && column < self->columns.items->len, NULL);

  return trellis_layout_describe_cell (self, row, column, FALSE);
}

/**
 * trellis_layout_dup_tooltip:
 *
 * Returns: (transfer full): the tooltip of a cell: who and what, the
 *   required level, the assessed level with its source and date, the wish
 *   to grow and the note, one fact per line
 */
char *
trellis_layout_dup_tooltip (TrellisLayout *self,
                            guint          row,
                            guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  if (self->options->view == TRELLIS_VIEW_SIGHT)
    return trellis_layout_describe_node (self, row, column, TRUE);

  g_return_val_if_fail (row < self->rows.items->len && column < self->columns.items->len, NULL);

  return trellis_layout_describe_cell (self, row, column, TRUE);
}

guint
trellis_layout_get_n_findings (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->findings->len;
}

const TrellisFinding *
trellis_layout_get_finding (TrellisLayout *self,
                            guint          index)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->findings->len, NULL);

  return g_ptr_array_index (self->findings, index);
}

/**
 * trellis_layout_prepare_threads:
 * @self: a #TrellisLayout
 *
 * Does the lazy steps of painting that change the layout's tables up
 * front (shaping cell text, reading perspectives), so that several threads
 * can then paint parts of the same layout at once. What is still made
 * while painting (header layouts, the hatch tile) is made under the
 * text lock.
 */
void
trellis_layout_prepare_threads (TrellisLayout *self)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (self->options->view == TRELLIS_VIEW_PERCEPTION)
    {
      for (guint r = 0; r < self->rows.items->len; r++)
        for (guint c = 0; c < self->columns.items->len; c++)
          {
            TrellisCellInfo info;
            CellPaint paint = { 0 };

            trellis_layout_compute_cell (self, r, c, &info, &paint);
          }
    }

  for (guint i = 1; i < self->texts->len; i++)
    trellis_layout_get_text_run (self, i);
}
