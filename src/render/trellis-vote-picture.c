/* trellis-vote-picture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-vote-picture"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "trellis-draw-private.h"
#include "trellis-translations.h"
#include "trellis-vote-picture.h"

/* A workshop vote as the room sees it: the question, the levels in words,
 * and after the reveal the spread of the votes drawn large, one bar per
 * level with its count, the lowest and the highest marked for the talk
 * that follows, and the names people typed under their level. The window
 * shows it on the presentation screen, and the same picture is written
 * to PNG, SVG or PDF.
 *
 * Before the reveal there is nothing to draw but the question: the
 * picture reads the round's counts, which the round gives out only once
 * revealed. Bars take the sequential colours of required levels (the
 * same colour for a level as on the requirement map), and every fact is
 * also a number or a word, so that no colour carries meaning alone. */

#define N_SLOTS (TRELLIS_LEVEL_MAX + 1)
#define MAX_NAME_LINES 4

struct _TrellisVotePicture
{
  TrellisVoteRound *round;
  TrellisTheme      theme;
  char             *font_family;
  char             *title;
  char             *question;
  char             *labels[N_SLOTS];
  char             *descriptions[N_SLOTS];
};

/* "3 Consult" → "Consult": the number is drawn on its own. */
static char *
words_of_label (const char *label)
{
  const char *p = label;

  while (g_ascii_isdigit (*p))
    p++;
  if (p > label && *p == ' ')
    return g_strdup (p + 1);

  return g_strdup (label);
}

static void
collect_levels (TrellisVotePicture *self,
                TrellisDocument    *document,
                const char         *language)
{
  TrellisVoteRound *round = self->round;
  gint min = trellis_vote_round_get_min_level (round);
  gint max = trellis_vote_round_get_max_level (round);

  if (trellis_vote_round_get_kind (round) == TRELLIS_VOTE_DELEGATION)
    {
      for (gint level = min; level <= max; level++)
        {
          self->labels[level] = words_of_label (trellis_authority_get_label (level));
          self->descriptions[level] = g_strdup (trellis_authority_get_description (level));
        }
      return;
    }

  {
    TrellisEntity *competency = trellis_document_lookup (document, trellis_vote_round_get_column_id (round));
    TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (document));
    GPtrArray *scale = trellis_document_get_scale (document);

    for (guint i = 0; scale != NULL && i < scale->len; i++)
      {
        const TrellisScaleLevel *l = g_ptr_array_index (scale, i);
        const char *text = competency != NULL ? trellis_entity_get_text (competency, TRELLIS_TEXT_LEVEL, l->value, language)
                                              : NULL;

        if (l->value < min || l->value > max)
          continue;
        self->labels[l->value] = g_strdup (trellis_document_get_level_name_in (document, l->value, language));
        /* What the competency looks like at that level, else what the
         * level means on the scale. */
        self->descriptions[l->value] = g_strdup (text != NULL && text[0] != '\0' ? text
                                                 : trellis_entity_get_text (org, TRELLIS_TEXT_SCALE_DESCRIPTION,
                                                                            l->value, language));
      }
  }
}

static char *
make_question (TrellisVoteRound *round,
               TrellisDocument  *document,
               const char       *language)
{
  TrellisEntity *row = trellis_document_lookup (document, trellis_vote_round_get_row_id (round));
  TrellisEntity *column = trellis_document_lookup (document, trellis_vote_round_get_column_id (round));
  g_autofree char *row_name = row != NULL ? trellis_entity_dup_label_in (row, language) : g_strdup ("?");
  g_autofree char *column_name = column != NULL ? trellis_entity_dup_label_in (column, language) : g_strdup ("?");

  if (trellis_vote_round_get_kind (round) == TRELLIS_VOTE_DELEGATION)
    /* Translators: the question of a workshop vote; the first %s is a responsibility, the second a role. */
    return g_strdup_printf (_("How far is ‘%s’ delegated to ‘%s’?"), row_name, column_name);

  /* Translators: the question of a workshop vote; the first %s is a competency, the second a role. */
  return g_strdup_printf (_("What level of ‘%s’ does ‘%s’ need?"), column_name, row_name);
}

/**
 * trellis_vote_picture_new:
 * @round: a vote round
 * @document: the document it was opened on
 *
 * Takes the question and the words of the levels from @document now;
 * the votes are read from @round when painted.
 *
 * Returns: (transfer full): the picture of @round
 */
TrellisVotePicture *
trellis_vote_picture_new (TrellisVoteRound *round,
                          TrellisDocument  *document)
{
  return trellis_vote_picture_new_in (round, document, NULL);
}

/**
 * trellis_vote_picture_new_in:
 * @round: a vote round
 * @document: the document it was opened on
 * @language: (nullable): the language of the matrix's texts to show (see
 *   trellis_entity_get_text()), %NULL for the original
 *
 * trellis_vote_picture_new() with the matrix's texts in @language.
 *
 * Returns: (transfer full): the picture of @round
 */
TrellisVotePicture *
trellis_vote_picture_new_in (TrellisVoteRound *round,
                             TrellisDocument  *document,
                             const char       *language)
{
  TrellisVotePicture *self;

  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (round), NULL);
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  self = g_new0 (TrellisVotePicture, 1);
  self->round = g_object_ref (round);
  self->theme = TRELLIS_THEME_LIGHT;
  self->font_family = g_strdup ("Cantarell, DejaVu Sans, sans-serif");
  self->question = make_question (round, document, language);
  collect_levels (self, document, language);

  return self;
}

void
trellis_vote_picture_free (TrellisVotePicture *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_free (self->labels[i]);
      g_free (self->descriptions[i]);
    }
  g_free (self->question);
  g_free (self->title);
  g_free (self->font_family);
  g_object_unref (self->round);
  g_free (self);
}

void
trellis_vote_picture_set_theme (TrellisVotePicture *self,
                                TrellisTheme        theme)
{
  g_return_if_fail (self != NULL);

  self->theme = theme;
}

void
trellis_vote_picture_set_font_family (TrellisVotePicture *self,
                                      const char         *family)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (family != NULL);

  g_free (self->font_family);
  self->font_family = g_strdup (family);
}

/**
 * trellis_vote_picture_set_title:
 * @self: a #TrellisVotePicture
 * @title: (nullable): a title to draw above the bars
 *
 * A picture on a screen that shows the question itself needs none; an
 * exported one gets the question unless given another.
 */
void
trellis_vote_picture_set_title (TrellisVotePicture *self,
                                const char         *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * trellis_vote_picture_get_question:
 * @self: a #TrellisVotePicture
 *
 * Returns: the question voted on, in words: “What level of ‘Active
 *   listening’ does ‘Agent’ need?”
 */
const char *
trellis_vote_picture_get_question (TrellisVotePicture *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->question;
}

/**
 * trellis_vote_picture_get_level_label:
 * @self: a #TrellisVotePicture
 * @level: a level of the round
 *
 * Returns: (nullable): the name of @level: the scale's (“Proficient”),
 *   or the delegation's (“Consult”)
 */
const char *
trellis_vote_picture_get_level_label (TrellisVotePicture *self,
                                      gint                level)
{
  g_return_val_if_fail (self != NULL, NULL);

  return level >= 0 && level < N_SLOTS ? self->labels[level] : NULL;
}

/**
 * trellis_vote_picture_get_level_description:
 * @self: a #TrellisVotePicture
 * @level: a level of the round
 *
 * Returns: (nullable): what @level means: the competency at that level
 *   in the matrix's words (else the scale's), or the delegation level
 */
const char *
trellis_vote_picture_get_level_description (TrellisVotePicture *self,
                                            gint                level)
{
  g_return_val_if_fail (self != NULL, NULL);

  return level >= 0 && level < N_SLOTS ? self->descriptions[level] : NULL;
}

/* Geometry */

typedef struct
{
  double title_height;
  double mark_height;    /* "Lowest", "Highest" */
  double count_height;
  double chart_top;
  double chart_bottom;   /* the baseline */
  double number_height;
  double label_height;
  double slot_width;
  double left;
  double font;           /* the unit of every size */
} Geometry;

/* The lines of names under the bars: as many as the longest list needs,
 * up to MAX_NAME_LINES. */
static guint
count_name_lines (TrellisVoteRound *round)
{
  guint lines = 0;

  for (gint level = trellis_vote_round_get_min_level (round); level <= trellis_vote_round_get_max_level (round); level++)
    {
      g_auto(GStrv) names = trellis_vote_round_dup_names (round, level);

      lines = MAX (lines, MIN (g_strv_length (names), MAX_NAME_LINES));
    }

  return lines;
}

static void
measure (TrellisVotePicture *self,
         double              width,
         double              height,
         Geometry           *g)
{
  gint min = trellis_vote_round_get_min_level (self->round);
  gint max = trellis_vote_round_get_max_level (self->round);
  double margin = MIN (width, height) * 0.04;

  g->font = MAX (6.0, MIN (height / 24.0, width / (6.0 * (max - min + 1))));
  g->title_height = self->title != NULL ? g->font * 3.6 : 0;
  g->mark_height = g->font * 1.4;
  g->count_height = g->font * 2.0;
  g->number_height = g->font * 2.2;
  g->label_height = g->font * (2.8 + 1.2 * count_name_lines (self->round));
  g->chart_top = margin + g->title_height + g->mark_height + g->count_height;
  g->chart_bottom = height - margin - g->number_height - g->label_height;
  g->left = margin;
  g->slot_width = (width - 2 * margin) / (max - min + 1);

  if (g->chart_bottom < g->chart_top + g->font)
    g->chart_bottom = g->chart_top + g->font;
}

/**
 * trellis_vote_picture_get_bar:
 * @self: a #TrellisVotePicture
 * @width: the picture's width
 * @height: its height
 * @level: a level of the round
 * @bar: (out): where its bar is
 *
 * Returns: whether @level has a bar: the round is revealed and somebody
 *   voted for it
 */
gboolean
trellis_vote_picture_get_bar (TrellisVotePicture *self,
                              double              width,
                              double              height,
                              gint                level,
                              TrellisRect        *bar)
{
  Geometry g;
  guint most = 0;
  guint count;
  gint min, max;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bar != NULL, FALSE);

  min = trellis_vote_round_get_min_level (self->round);
  max = trellis_vote_round_get_max_level (self->round);
  count = trellis_vote_round_get_count (self->round, level);
  if (level < min || level > max || count == 0)
    return FALSE;

  for (gint l = min; l <= max; l++)
    most = MAX (most, trellis_vote_round_get_count (self->round, l));

  measure (self, width, height, &g);
  bar->width = g.slot_width * 0.62;
  bar->x = g.left + (level - min) * g.slot_width + (g.slot_width - bar->width) / 2;
  bar->height = (g.chart_bottom - g.chart_top) * count / most;
  bar->y = g.chart_bottom - bar->height;

  return TRUE;
}

/* Painting */

/* A centred text at most @width wide, on at most @lines lines. */
static PangoLayout *
make_text (TrellisVotePicture *self,
           cairo_t            *cr,
           const char         *text,
           double              size,
           gboolean            bold,
           double              width,
           int                 lines)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (self->font_family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold || trellis_theme_get_colors (self->theme)->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static void
show_centred (TrellisVotePicture *self,
              cairo_t            *cr,
              const TrellisRgba  *color,
              const char         *text,
              double              size,
              gboolean            bold,
              double              centre,
              double              y,
              double              width,
              int                 lines)
{
  g_autoptr(PangoLayout) layout = make_text (self, cr, text, size, bold, width, lines);

  trellis_cairo_set_rgba (cr, color);
  trellis_text_show_centred (cr, layout, centre, y);
}

/* The names typed for @level, a few lines of them. */
static void
paint_names (TrellisVotePicture       *self,
             cairo_t                  *cr,
             const TrellisThemeColors *colors,
             const Geometry           *g,
             gint                      level,
             double                    centre,
             double                    y)
{
  g_auto(GStrv) names = trellis_vote_round_dup_names (self->round, level);
  guint n = g_strv_length (names);

  for (guint i = 0; i < n && i < MAX_NAME_LINES; i++)
    {
      g_autofree char *more = NULL;
      const char *line = names[i];

      if (i == MAX_NAME_LINES - 1 && n > MAX_NAME_LINES)
        {
          /* Translators: the last line of names under a bar; %u is how many more are not listed. */
          more = g_strdup_printf (ngettext ("and %u more", "and %u more", n - i), n - i);
          line = more;
        }
      show_centred (self, cr, &colors->foreground, line, g->font * 0.9, FALSE, centre,
                    y + i * g->font * 1.2, g->slot_width * 0.95, 1);
    }
}

static void
paint_bar (TrellisVotePicture       *self,
           cairo_t                  *cr,
           const TrellisThemeColors *colors,
           const Geometry           *g,
           double                    width,
           double                    height,
           gint                      level)
{
  gint min = trellis_vote_round_get_min_level (self->round);
  gint max = trellis_vote_round_get_max_level (self->round);
  gint lowest = trellis_vote_round_get_lowest (self->round);
  gint highest = trellis_vote_round_get_highest (self->round);
  guint count = trellis_vote_round_get_count (self->round, level);
  double centre = g->left + (level - min + 0.5) * g->slot_width;
  char number[16];
  TrellisRect bar;

  if (trellis_vote_picture_get_bar (self, width, height, level, &bar))
    {
      const TrellisRgba *fill = trellis_palette_get_step (TRELLIS_PALETTE_REQUIRED,
                                                          trellis_palette_level_step (level, min, max));
      const char *mark = NULL;

      trellis_cairo_fill_rect (cr, fill, bar.x, bar.y, bar.width, bar.height);

      /* The two ends of the spread, for the talk between them. */
      if (level == lowest || level == highest)
        {
          cairo_set_line_width (cr, MAX (2.0, g->font * 0.18));
          trellis_cairo_set_rgba (cr, &colors->foreground);
          cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
          cairo_stroke (cr);

          if (lowest == highest)
            mark = C_("vote spread", "Everyone");
          else
            mark = level == lowest ? C_("vote spread", "Lowest") : C_("vote spread", "Highest");
          show_centred (self, cr, &colors->foreground, mark, g->font * 1.0, TRUE, centre,
                        bar.y - g->count_height - g->mark_height, g->slot_width, 1);
        }

      g_snprintf (number, sizeof number, "%u", count);
      show_centred (self, cr, &colors->foreground, number, g->font * 1.5, TRUE, centre,
                    bar.y - g->count_height, g->slot_width, 1);
    }
  else
    show_centred (self, cr, &colors->muted, "0", g->font * 1.2, FALSE, centre,
                  g->chart_bottom - g->count_height, g->slot_width, 1);

  /* Under the line: the level, its words, who said so. */
  g_snprintf (number, sizeof number, "%d", level);
  show_centred (self, cr, &colors->foreground, number, g->font * 1.7, TRUE, centre,
                g->chart_bottom + g->font * 0.3, g->slot_width, 1);
  if (self->labels[level] != NULL)
    show_centred (self, cr, &colors->muted, self->labels[level], g->font * 0.9, FALSE, centre,
                  g->chart_bottom + g->number_height, g->slot_width * 0.95, 2);
  paint_names (self, cr, colors, g, level, centre, g->chart_bottom + g->number_height + g->font * 2.8);
}

/**
 * trellis_vote_picture_paint:
 * @self: a #TrellisVotePicture
 * @cr: where to paint, its origin the picture's top left corner
 * @width: the picture's width
 * @height: its height
 *
 * Paints the spread of a revealed round; of a round not revealed, only
 * the background (and the title, if any).
 */
void
trellis_vote_picture_paint (TrellisVotePicture *self,
                            cairo_t            *cr,
                            double              width,
                            double              height)
{
  const TrellisThemeColors *colors;
  gint min, max;
  Geometry g;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  colors = trellis_theme_get_colors (self->theme);
  min = trellis_vote_round_get_min_level (self->round);
  max = trellis_vote_round_get_max_level (self->round);
  measure (self, width, height, &g);

  cairo_save (cr);
  trellis_cairo_fill_rect (cr, &colors->background, 0, 0, width, height);

  if (self->title != NULL)
    show_centred (self, cr, &colors->foreground, self->title, g.font * 1.3, TRUE, width / 2,
                  MIN (width, height) * 0.04, width * 0.92, 2);

  if (trellis_vote_round_get_lowest (self->round) != TRELLIS_LEVEL_NONE)
    {
      for (gint level = min; level <= max; level++)
        paint_bar (self, cr, colors, &g, width, height, level);

      trellis_cairo_fill_rect (cr, &colors->foreground, g.left, g.chart_bottom,
                               width - 2 * g.left, MAX (1.0, g.font * 0.08));
    }

  cairo_restore (cr);
}

/**
 * trellis_vote_picture_dup_description:
 * @self: a #TrellisVotePicture
 *
 * The spread in words, for screen readers: how many voted for each
 * level, with the names typed, the lowest and the highest.
 *
 * Returns: (transfer full): the description; before the reveal, only
 *   the question
 */
char *
trellis_vote_picture_dup_description (TrellisVotePicture *self)
{
  GString *out;
  gint min, max, lowest, highest;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (self->question);
  lowest = trellis_vote_round_get_lowest (self->round);
  highest = trellis_vote_round_get_highest (self->round);
  if (lowest == TRELLIS_LEVEL_NONE)
    return g_string_free (out, FALSE);

  min = trellis_vote_round_get_min_level (self->round);
  max = trellis_vote_round_get_max_level (self->round);
  for (gint level = min; level <= max; level++)
    {
      guint count = trellis_vote_round_get_count (self->round, level);
      g_auto(GStrv) names = NULL;

      if (count == 0)
        continue;

      names = trellis_vote_round_dup_names (self->round, level);
      /* Translators: in the description of a vote's spread; %d is a level, %s its name, %u how many voted for it. */
      g_string_append_printf (out, ngettext (" Level %d, %s: %u vote.", " Level %d, %s: %u votes.", count),
                              level, self->labels[level] != NULL ? self->labels[level] : "", count);
      if (names[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", names);
          /* Translators: the names people typed with their votes for a level. */
          g_string_append_printf (out, _(" Named: %s."), joined);
        }
    }

  if (lowest == highest)
    /* Translators: %d is the level everyone voted for. */
    g_string_append_printf (out, _(" Everyone voted %d."), lowest);
  else
    /* Translators: %d and %d are the lowest and the highest level voted for. */
    g_string_append_printf (out, _(" Lowest %d, highest %d."), lowest, highest);

  return g_string_free (out, FALSE);
}

/**
 * trellis_vote_picture_write:
 * @self: a #TrellisVotePicture
 * @path: the file to write
 * @format: PNG, SVG or PDF
 * @width: the picture's width, in pixels or points
 * @height: its height
 * @error: where to say why it could not be written
 *
 * Writes the picture, with the question as its title unless it has one.
 *
 * Returns: whether the file was written
 */
gboolean
trellis_vote_picture_write (TrellisVotePicture   *self,
                            const char           *path,
                            TrellisExportFormat   format,
                            double                width,
                            double                height,
                            GError              **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean untitled;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == TRELLIS_EXPORT_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else if (format == TRELLIS_EXPORT_PDF)
    surface = cairo_pdf_surface_create (path, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));

  untitled = self->title == NULL;
  if (untitled)
    self->title = g_strdup (self->question);

  cr = cairo_create (surface);
  trellis_vote_picture_paint (self, cr, width, height);
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS && format == TRELLIS_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (untitled)
    g_clear_pointer (&self->title, g_free);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: the first %s is a file name, the second what went wrong. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The picture could not be written to ‘%s’: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
