/* trellis-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-style"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-style-private.h"

/* Fonts and text. Headers and the title are Pango layouts; the short
 * texts of cells are interned (each string gets an id) and shaped once,
 * the first time one is drawn, into glyphs that painting shows with cairo
 * alone. */

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

static void
text_run_free (gpointer data)
{
  TrellisTextRun *run = data;

  if (run == NULL)
    return;

  g_free (run->text);
  g_free (run->glyphs);
  g_clear_pointer (&run->font, cairo_scaled_font_destroy);
  g_clear_object (&run->layout);
  g_free (run);
}

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
 * trellis_style_intern:
 *
 * Returns: the id of @text in the style's text cache, adding it; the
 *   text is shaped the first time it is drawn
 */
guint16
trellis_style_intern (TrellisStyle *self,
                      const char   *text)
{
  gpointer id;
  TrellisTextRun *run;
  guint16 result;

  if (text == NULL || text[0] == '\0')
    return TRELLIS_NO_TEXT;

  trellis_text_lock ();
  id = g_hash_table_lookup (self->run_ids, text);
  if (id != NULL)
    result = (guint16) GPOINTER_TO_UINT (id);
  else if (self->runs->len >= G_MAXUINT16)
    /* The cache holds short cell texts; there are few distinct ones. */
    result = TRELLIS_NO_TEXT;
  else
    {
      run = g_new0 (TrellisTextRun, 1);
      run->text = g_strdup (text);
      g_ptr_array_add (self->runs, run);
      g_hash_table_insert (self->run_ids, run->text, GUINT_TO_POINTER (self->runs->len - 1));
      result = (guint16) (self->runs->len - 1);
    }
  trellis_text_unlock ();

  return result;
}

/* The string of an id, without shaping it. */
const char *
trellis_style_get_text (TrellisStyle *self,
                        guint16       id)
{
  const TrellisTextRun *run;

  if (id == TRELLIS_NO_TEXT || id >= self->runs->len)
    return NULL;

  run = g_ptr_array_index (self->runs, id);
  return run->text;
}

/**
 * trellis_style_align:
 *
 * Aligns a layout's lines to the start of the reading direction: the
 * left in a left-to-right layout, the right when mirrored. Each text
 * keeps its own direction (a Latin name in a Hebrew matrix reads left to
 * right), and Pango swaps the alignment of a right-to-left paragraph, so
 * that is undone here.
 */
void
trellis_style_align (TrellisStyle *self,
                     PangoLayout  *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  gboolean rtl_text = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
  gboolean right = self->options->rtl;

  if (rtl_text)
    right = !right;
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

PangoLayout *
trellis_style_new_text (TrellisStyle               *self,
                        const PangoFontDescription *font,
                        const char                 *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  trellis_style_align (self, layout);

  return layout;
}

static void
shape_run (TrellisStyle   *self,
           TrellisTextRun *run)
{
  /* Numbers read left to right in every language: a left-to-right mark
   * keeps "−1" from becoming "1−" in a mirrored layout. */
  g_autofree char *text = g_strconcat ("\u200e", run->text, NULL);
  g_autoptr(PangoLayout) layout = trellis_style_new_text (self, self->cell_font, text);
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

/* A text run, shaped the first time it is asked for. */
const TrellisTextRun *
trellis_style_get_run (TrellisStyle *self,
                       guint16       id)
{
  TrellisTextRun *run;

  if (id == TRELLIS_NO_TEXT || id >= self->runs->len)
    return NULL;

  run = g_ptr_array_index (self->runs, id);
  if (!run->shaped)
    {
      trellis_text_lock ();
      if (!run->shaped)
        shape_run (self, run);
      trellis_text_unlock ();
    }

  return run;
}

/* Shapes every text run now, before several threads paint. */
void
trellis_style_shape_all (TrellisStyle *self)
{
  for (guint i = 1; i < self->runs->len; i++)
    trellis_style_get_run (self, i);
}

/* The id of a whole number's text; "+n" for a change when plus. */
guint16
trellis_style_number (TrellisStyle *self,
                      gint          value,
                      gboolean      plus)
{
  if (value < -20 || value > 20)
    {
      g_autofree char *text = trellis_format_number (value, 0, plus);
      return trellis_style_intern (self, text);
    }

  return plus ? self->signed_text[value + 20] : self->number_text[value + 20];
}

double
trellis_style_font_height (TrellisStyle               *self,
                           const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = trellis_style_new_text (self, font, "Ag19");
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

/* How wide a text is in the cell font: cells are sized to what they
 * print. */
double
trellis_style_text_width (TrellisStyle *self,
                          const char   *text)
{
  g_autoptr(PangoLayout) layout = trellis_style_new_text (self, self->cell_font, text);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* A font of @family at @points, for the views and the report. */
PangoFontDescription *
trellis_style_make_font (const char *family,
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

/**
 * trellis_style_init:
 * @self: the style to set up
 * @options: the options it is for, which must outlive it
 *
 * Sets up the theme's colours, the fonts at the options' zoom, and the
 * texts of the numbers −20…20.
 */
void
trellis_style_init (TrellisStyle               *self,
                    const TrellisRenderOptions *options)
{
  const char *family = options->font_family != NULL ? options->font_family : TRELLIS_DEFAULT_FONT_FAMILY;
  double size = (options->font_size > 0 ? options->font_size : TRELLIS_DEFAULT_FONT_SIZE) * options->zoom;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *font_options = cairo_font_options_create ();
  PangoWeight normal;

  memset (self, 0, sizeof *self);
  self->options = options;
  self->colors = trellis_theme_get_colors (options->theme);
  normal = self->colors->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;

  self->runs = g_ptr_array_new_with_free_func (text_run_free);
  g_ptr_array_add (self->runs, NULL);
  self->run_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* Unhinted metrics keep the layout the same at every scale factor, so
   * that a HiDPI export is the same picture, sharper. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);

  self->context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (self->context, 96.0);
  pango_cairo_context_set_font_options (self->context, font_options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_base_dir (self->context, options->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  cairo_font_options_destroy (font_options);

  self->cell_font = trellis_style_make_font (family, size, normal, PANGO_STYLE_NORMAL);
  self->header_font = trellis_style_make_font (family, size, normal, PANGO_STYLE_NORMAL);
  self->group_font = trellis_style_make_font (family, size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->title_font = trellis_style_make_font (family, size * 14.0 / 9.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->small_font = trellis_style_make_font (family, size * 8.0 / 9.0, normal, PANGO_STYLE_NORMAL);
  self->text_height = trellis_style_font_height (self, self->cell_font);

  for (gint v = -20; v <= 20; v++)
    {
      g_autofree char *plain = trellis_format_number (v, 0, FALSE);
      g_autofree char *plus = trellis_format_number (v, 0, TRUE);

      self->number_text[v + 20] = trellis_style_intern (self, plain);
      self->signed_text[v + 20] = trellis_style_intern (self, plus);
    }
}

void
trellis_style_clear (TrellisStyle *self)
{
  g_clear_pointer (&self->hatch, cairo_surface_destroy);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->run_ids, g_hash_table_unref);
  g_clear_pointer (&self->cell_font, pango_font_description_free);
  g_clear_pointer (&self->header_font, pango_font_description_free);
  g_clear_pointer (&self->group_font, pango_font_description_free);
  g_clear_pointer (&self->title_font, pango_font_description_free);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_object (&self->context);
}
