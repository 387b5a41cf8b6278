/* trellis-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef HAVE_NL_PAPER
#include <langinfo.h>
#endif

#include "trellis-draw-private.h"
#include "trellis-report-private.h"
#include "trellis-tiling-private.h"

/* A report: pages composed from the sections a coach chose, painted one
 * at a time on any cairo_t, so that the same code writes the PDF, draws
 * the print operation's pages and its preview. Composing is done in
 * steps (a section, or one person's pages), so that a window can show
 * progress between them and stay responsive; painting a page only reads
 * what composing placed on it, and the maps paint only the part on the
 * page. Every page carries the organisation, the matrix, the date and
 * "page n of N". */

#define MAP_ZOOM TRELLIS_REPORT_MAP_ZOOM

typedef enum
{
  STEP_COVER,
  STEP_SIGHT,
  STEP_ROLES,
  STEP_MAP,
  STEP_MONITORING,
  STEP_PERSON,
  STEP_SINGLE_MAP,
} StepKind;

typedef struct
{
  StepKind             kind;
  TrellisReportSection section;
  TrellisEntity       *person;
} Step;

G_DEFINE_FINAL_TYPE (TrellisReport, trellis_report, G_TYPE_OBJECT)

/* Options */

static const struct {
  TrellisReportSection section;
  const char          *name;
  const char          *title;
} sections[TRELLIS_N_REPORT_SECTIONS] = {
  { TRELLIS_REPORT_COVER,        "cover",        N_("Mission and values") },
  { TRELLIS_REPORT_SIGHT,        "sight",        N_("Line of sight") },
  { TRELLIS_REPORT_ROLES,        "roles",        N_("Role profiles") },
  { TRELLIS_REPORT_GAPS,         "gaps",         N_("Gap heatmap") },
  { TRELLIS_REPORT_REQUIREMENTS, "requirements", N_("Role requirements") },
  { TRELLIS_REPORT_PERCEPTION,   "perception",   N_("Self, peer and coach") },
  { TRELLIS_REPORT_BOUNDARIES,   "boundaries",   N_("Responsibility boundaries") },
  { TRELLIS_REPORT_COVERAGE,     "coverage",     N_("Coverage and single points of knowledge") },
  { TRELLIS_REPORT_MONITORING,   "monitoring",   N_("Monitoring") },
  { TRELLIS_REPORT_SHEETS,       "sheets",       N_("Development sheets") },
  { TRELLIS_REPORT_MANDATE,      "mandate",      N_("Mandate cards") },
};

G_DEFINE_BOXED_TYPE (TrellisReportOptions, trellis_report_options,
                     trellis_report_options_copy, trellis_report_options_free)

/**
 * trellis_report_options_new:
 *
 * Returns: (transfer full): options for every section but the optional
 *   maps, for a coach, on the locale's paper, dated today
 */
TrellisReportOptions *
trellis_report_options_new (void)
{
  TrellisReportOptions *self = g_new0 (TrellisReportOptions, 1);

  self->sections = TRELLIS_REPORT_DEFAULT;
  self->audience = TRELLIS_AUDIENCE_COACH;
  self->paper = trellis_paper_from_locale ();

  return self;
}

TrellisReportOptions *
trellis_report_options_copy (const TrellisReportOptions *self)
{
  TrellisReportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->person = g_strdup (self->person);
  copy->matrix_name = g_strdup (self->matrix_name);
  copy->font_family = g_strdup (self->font_family);
  copy->content_language = g_strdup (self->content_language);

  return copy;
}

void
trellis_report_options_free (TrellisReportOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->person);
  g_free (self->matrix_name);
  g_free (self->font_family);
  g_free (self->content_language);
  g_free (self);
}

void
trellis_report_options_set_person (TrellisReportOptions *self,
                                   const char           *person)
{
  g_return_if_fail (self != NULL);

  g_free (self->person);
  self->person = g_strdup (person);
}

void
trellis_report_options_set_matrix_name (TrellisReportOptions *self,
                                        const char           *name)
{
  g_return_if_fail (self != NULL);

  g_free (self->matrix_name);
  self->matrix_name = g_strdup (name);
}

/**
 * trellis_report_options_set_content_language:
 * @self: options
 * @language: (nullable): a language tag; %NULL or empty for the original
 */
void
trellis_report_options_set_content_language (TrellisReportOptions *self,
                                             const char           *language)
{
  g_return_if_fail (self != NULL);

  g_free (self->content_language);
  self->content_language = language != NULL && language[0] != '\0' ? g_strdup (language) : NULL;
}

/**
 * trellis_report_section_to_string:
 *
 * Returns: the section's name on the command line, never translated
 */
const char *
trellis_report_section_to_string (TrellisReportSection section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].section == section)
      return sections[i].name;

  g_return_val_if_reached (NULL);
}

/**
 * trellis_report_section_get_title:
 *
 * Returns: the section's translated title
 */
const char *
trellis_report_section_get_title (TrellisReportSection section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].section == section)
      return _(sections[i].title);

  g_return_val_if_reached (NULL);
}

/**
 * trellis_report_dup_section_choices:
 *
 * Returns: (transfer full): the sections' names as a list: "cover, sight,
 *   … or mandate"
 */
char *
trellis_report_dup_section_choices (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (sections); i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, sections[i].name);
    }

  /* Translators: the end of a list of choices: "…, coverage or mandate". */
  return g_strdup_printf (_("%s or %s"), list->str, sections[G_N_ELEMENTS (sections) - 1].name);
}

/**
 * trellis_report_sections_parse:
 * @list: names separated by commas: "cover,sheets", or "all"
 * @sections: (out): the sections named
 * @error: a %G_OPTION_ERROR saying which name is unknown
 *
 * Returns: whether every name is a section
 */
gboolean
trellis_report_sections_parse (const char  *list,
                               guint       *out,
                               GError     **error)
{
  g_auto(GStrv) names = NULL;
  guint result = 0;

  g_return_val_if_fail (list != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint n = 0; names[n] != NULL; n++)
    {
      const char *name = g_strstrip (names[n]);
      gboolean found = FALSE;

      if (name[0] == '\0')
        continue;
      if (g_strcmp0 (name, "all") == 0)
        {
          result |= TRELLIS_REPORT_ALL;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        if (g_strcmp0 (name, sections[i].name) == 0)
          {
            result |= sections[i].section;
            found = TRUE;
          }
      if (!found)
        {
          g_autofree char *choices = trellis_report_dup_section_choices ();

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: the first %s is what was typed,
                        * the second lists the sections. */
                       _("Unknown section ‘%s’. Choose %s, or all."), name, choices);
          return FALSE;
        }
    }

  if (result == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Name at least one section."));
      return FALSE;
    }

  *out = result;
  return TRUE;
}

/* Paper */

static const char * const paper_names[TRELLIS_N_PAPERS] = { "a4", "letter" };

const char *
trellis_paper_to_string (TrellisPaper paper)
{
  g_return_val_if_fail (paper < TRELLIS_N_PAPERS, NULL);

  return paper_names[paper];
}

gboolean
trellis_paper_from_string (const char   *str,
                           TrellisPaper *out)
{
  for (guint i = 0; i < TRELLIS_N_PAPERS; i++)
    if (str != NULL && g_ascii_strcasecmp (str, paper_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * trellis_paper_from_locale:
 *
 * Returns: Letter where the locale's paper is (LC_PAPER: the United
 *   States, Canada and others), else A4
 */
TrellisPaper
trellis_paper_from_locale (void)
{
#ifdef HAVE_NL_PAPER
  union { unsigned int word; char *string; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return TRELLIS_PAPER_LETTER;
#endif

  return TRELLIS_PAPER_A4;
}

/**
 * trellis_paper_get_size:
 *
 * The size of a sheet, upright, in points.
 */
void
trellis_paper_get_size (TrellisPaper  paper,
                        double       *width,
                        double       *height)
{
  if (paper == TRELLIS_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

/* Dates */

static const char * const months[12] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

/* The month's name in the language of the messages: Trellis's own
 * translation, else GLib's, which every language GLib speaks has. */
static const char *
month_name (guint month)
{
  const char *ours = g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]);

  if (ours != months[month - 1] && g_strcmp0 (ours, months[month - 1]) != 0)
    return ours;

  return g_dpgettext2 ("glib20", "full month name", months[month - 1]);
}

/**
 * trellis_date_dup_long:
 * @date: a date
 *
 * Returns: (transfer full): the date written out for the language of the
 *   messages: "20 November 2026"; empty for no date
 */
char *
trellis_date_dup_long (TrellisDate date)
{
  GDate d;

  if (date == 0 || !g_date_valid_julian (date))
    return g_strdup ("");

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);

  /* Translators: a date written out: %1$u the day, %2$s the month's
   * name, %3$u the year. Reorder them as your language writes dates. */
  return g_strdup_printf (C_("long date", "%1$u %2$s %3$u"), g_date_get_day (&d),
                          month_name (g_date_get_month (&d)), g_date_get_year (&d));
}

/* The report */

static void
trellis_report_finalize (GObject *object)
{
  TrellisReport *self = TRELLIS_REPORT (object);

  trellis_flow_clear (&self->flow);
  g_clear_pointer (&self->tilings, g_ptr_array_unref);
  if (self->has_roster)
    trellis_roster_clear (&self->roster);
  trellis_report_style_clear (&self->style);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_object (&self->map);
  g_clear_pointer (&self->view_options, trellis_render_options_free);
  g_clear_pointer (&self->options, trellis_report_options_free);
  g_clear_pointer (&self->analysis, trellis_analysis_unref);
  g_free (self->title);
  g_free (self->date_text);
  g_free (self->organisation);

  G_OBJECT_CLASS (trellis_report_parent_class)->finalize (object);
}

static void
trellis_report_class_init (TrellisReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_report_finalize;
}

static void
trellis_report_init (TrellisReport *self)
{
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  self->tilings = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_tiling_free);
}

const char *
trellis_report_keep (TrellisReport *self,
                     char          *text)
{
  g_ptr_array_add (self->strings, text);
  return text;
}

gboolean
trellis_report_person_shown (TrellisReport *self,
                             TrellisEntity *person)
{
  gint index = trellis_analysis_get_index (self->analysis, person);

  return index >= 0 && trellis_roster_person_visible (&self->roster, index);
}

/* What the sections write, their texts escaped. The matrix's own texts
 * are in the content language where they are translated
 * (trellis_entity_get_text()); a bilingual report shows the original
 * under each text shown translated, smaller and in a quieter colour. */

const char *
trellis_report_name_of (TrellisReport *self,
                        TrellisEntity *entity)
{
  const char *name = entity != NULL ? trellis_entity_get_name_in (entity, self->options->content_language) : NULL;

  return name != NULL ? name : "";
}

const char *
trellis_report_text_of (TrellisReport   *self,
                        TrellisEntity   *entity,
                        TrellisTextPart  part,
                        gint             index)
{
  const char *text = entity != NULL ? trellis_entity_get_text (entity, part, index, self->options->content_language)
                                    : NULL;

  return text != NULL ? text : "";
}

/* The original of a text shown translated, where the report shows both
 * languages; else %NULL. */
static const char *
original_beside (TrellisReport   *self,
                 TrellisEntity   *entity,
                 TrellisTextPart  part,
                 gint             index)
{
  const char *original;

  if (!self->options->bilingual || self->options->content_language == NULL || entity == NULL)
    return NULL;

  original = trellis_entity_get_original (entity, part, index);
  if (original == NULL || original[0] == '\0' ||
      g_strcmp0 (original, trellis_report_text_of (self, entity, part, index)) == 0)
    return NULL;

  return original;
}

static void
muted_at (TrellisReport *self,
          double         indent,
          const char    *text)
{
  g_autofree char *markup = trellis_markup_escape (text);

  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_SMALL, &self->style.colors->muted, indent, markup);
}

/* A text of the matrix as a paragraph, with its original under it in a
 * bilingual report; nothing when it is empty. */
void
trellis_report_text (TrellisReport     *self,
                     TrellisFont        font,
                     const TrellisRgba *color,
                     double             indent,
                     TrellisEntity     *entity,
                     TrellisTextPart    part,
                     gint               index)
{
  const char *text = trellis_report_text_of (self, entity, part, index);
  const char *original = original_beside (self, entity, part, index);
  g_autofree char *markup = NULL;

  if (text[0] == '\0')
    return;

  markup = trellis_markup_escape (text);
  trellis_flow_paragraph (&self->flow, font, color, indent, markup);
  if (original != NULL)
    muted_at (self, indent, original);
}

/* A behaviour of a value, as an item of a list. */
void
trellis_report_bullet (TrellisReport *self,
                       TrellisEntity *value,
                       guint          index)
{
  const char *original = original_beside (self, value, TRELLIS_TEXT_BEHAVIOUR, (gint) index);
  g_autofree char *text = trellis_markup_escape (trellis_report_text_of (self, value, TRELLIS_TEXT_BEHAVIOUR, (gint) index));
  /* Translators: an observable behaviour in a list. */
  g_autofree char *line = g_strdup_printf (_("• %s"), text);

  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_BODY, NULL, 10, line);
  if (original != NULL)
    muted_at (self, 18, original);
}

/* An element's name as a heading, with its original under it in a
 * bilingual report. */
void
trellis_report_name_heading (TrellisReport *self,
                             TrellisFont    font,
                             TrellisEntity *entity)
{
  const char *original = original_beside (self, entity, TRELLIS_TEXT_NAME, 0);

  trellis_report_heading (self, font, trellis_report_name_of (self, entity));
  if (original != NULL)
    muted_at (self, 0, original);
}

/* An element's name as markup for a table cell: in a bilingual report
 * with its original on a line under it, smaller and quieter. */
char *
trellis_report_dup_name_markup (TrellisReport *self,
                                TrellisEntity *entity)
{
  const char *original = original_beside (self, entity, TRELLIS_TEXT_NAME, 0);
  const TrellisRgba *muted = &self->style.colors->muted;
  g_autofree char *colour = NULL;

  if (original == NULL)
    return trellis_markup_escape (trellis_report_name_of (self, entity));

  colour = g_strdup_printf ("#%02x%02x%02x", (guint) (muted->red * 255 + 0.5), (guint) (muted->green * 255 + 0.5),
                            (guint) (muted->blue * 255 + 0.5));
  return g_markup_printf_escaped ("%s\n<span weight=\"normal\" size=\"smaller\" foreground=\"%s\">%s</span>",
                                  trellis_report_name_of (self, entity), colour, original);
}

void
trellis_report_heading (TrellisReport *self,
                        TrellisFont    font,
                        const char    *text)
{
  g_autofree char *markup = trellis_markup_escape (text);

  trellis_flow_heading (&self->flow, font, markup);
}

void
trellis_report_paragraph (TrellisReport *self,
                          TrellisFont    font,
                          double         indent,
                          const char    *text)
{
  g_autofree char *markup = trellis_markup_escape (text);

  trellis_flow_paragraph (&self->flow, font, NULL, indent, markup);
}

/* A note in small, quieter type. */
void
trellis_report_muted (TrellisReport *self,
                      const char    *text)
{
  g_autofree char *markup = trellis_markup_escape (text);

  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_SMALL, &self->style.colors->muted, 0, markup);
}

/* A section starts on a page of its own, under its title. */
void
trellis_report_begin_section (TrellisReport *self,
                              const char    *title,
                              const char    *intro)
{
  g_autofree char *markup = trellis_markup_escape (title);

  trellis_flow_new_page (&self->flow, trellis_report_keep (self, g_strdup (title)));
  trellis_flow_heading (&self->flow, TRELLIS_FONT_H1, markup);
  if (intro != NULL && intro[0] != '\0')
    {
      g_autofree char *text = trellis_markup_escape (intro);

      trellis_flow_paragraph (&self->flow, TRELLIS_FONT_BODY, &self->style.colors->muted, 0, text);
      trellis_flow_space (&self->flow, 8);
    }
}

/* "3 · Proficient": a level with its name on the document's scale. */
char *
trellis_report_dup_level_text (TrellisReport *self,
                               gint           level)
{
  const char *name;

  if (level == TRELLIS_LEVEL_NONE)
    return g_strdup ("—");

  name = trellis_document_get_level_name_in (self->document, level, self->options->content_language);
  if (name == NULL || name[0] == '\0')
    return g_strdup_printf ("%d", level);

  /* Translators: a level on the scale: its number, then its name. */
  return g_strdup_printf (_("%d · %s"), level, name);
}

static void
add_step (TrellisReport        *self,
          StepKind              kind,
          TrellisReportSection  section,
          TrellisEntity        *person)
{
  Step step = { kind, section, person };

  g_array_append_val (self->steps, step);
}

static void
setup (TrellisReport              *self,
       TrellisAnalysis            *analysis,
       const TrellisReportOptions *options)
{
  TrellisOrganisation *org;
  const char *name;
  double width, height;

  self->analysis = trellis_analysis_ref (analysis);
  self->document = trellis_analysis_get_document (analysis);
  self->options = trellis_report_options_copy (options);
  if (self->options->paper >= TRELLIS_N_PAPERS)
    self->options->paper = TRELLIS_PAPER_A4;
  if (self->options->audience >= TRELLIS_N_AUDIENCES)
    self->options->audience = TRELLIS_AUDIENCE_WORKSHOP;
  if (self->options->date == 0)
    self->options->date = trellis_date_today ();

  self->view_options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  self->view_options->audience = self->options->audience;
  trellis_render_options_set_person (self->view_options, self->options->person);
  trellis_render_options_set_font_family (self->view_options, self->options->font_family);
  trellis_render_options_set_content_language (self->view_options, self->options->content_language);
  self->view_options->zoom = MAP_ZOOM;
  trellis_roster_init (&self->roster, analysis, self->view_options);
  self->has_roster = TRUE;

  trellis_report_style_init (&self->style, self->options->font_family);
  trellis_paper_get_size (self->options->paper, &width, &height);
  trellis_flow_init (&self->flow, &self->style, width, height);

  org = trellis_document_get_organisation (self->document);
  name = org != NULL ? trellis_entity_get_name_in (TRELLIS_ENTITY (org), self->options->content_language) : NULL;
  self->organisation = g_strdup (name != NULL && name[0] != '\0' ? name : _("Matrix"));
  self->date_text = trellis_date_dup_long (self->options->date);
}

/**
 * trellis_report_new:
 * @analysis: the analysis of a document
 * @options: what the report holds and how it is printed
 * @error: a %TRELLIS_RENDER_ERROR when @options name a person the
 *   document does not have
 *
 * Plans a report; compose it with trellis_report_compose() (or step by
 * step) before asking for its pages.
 *
 * Returns: (transfer full): the report, or %NULL
 */
TrellisReport *
trellis_report_new (TrellisAnalysis             *analysis,
                    const TrellisReportOptions  *options,
                    GError                     **error)
{
  g_autoptr(TrellisReport) self = NULL;
  TrellisEntity *only = NULL;
  guint s;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->person != NULL)
    {
      only = trellis_document_lookup (trellis_analysis_get_document (analysis), options->person);
      if (only == NULL || !TRELLIS_IS_PERSON (only))
        {
          g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON,
                       _("The matrix has no person with the id ‘%s’."), options->person);
          return NULL;
        }
    }

  self = g_object_new (TRELLIS_TYPE_REPORT, NULL);
  setup (self, analysis, options);
  s = self->options->sections;

  if (only != NULL)
    /* Translators: the title of a report for one person: their name. */
    self->title = g_strdup_printf (_("Development report for %s"), trellis_entity_get_name (only));
  else
    /* Translators: the title of a report: the organisation's name. */
    self->title = g_strdup_printf (_("%s: team report"), self->organisation);

  if (s & TRELLIS_REPORT_COVER)
    add_step (self, STEP_COVER, TRELLIS_REPORT_COVER, NULL);
  if (s & TRELLIS_REPORT_SIGHT)
    add_step (self, STEP_SIGHT, TRELLIS_REPORT_SIGHT, NULL);
  if (s & TRELLIS_REPORT_ROLES)
    add_step (self, STEP_ROLES, TRELLIS_REPORT_ROLES, NULL);
  for (guint bit = TRELLIS_REPORT_GAPS; bit <= TRELLIS_REPORT_COVERAGE; bit <<= 1)
    if (s & bit)
      add_step (self, STEP_MAP, bit, NULL);
  if (s & TRELLIS_REPORT_MONITORING)
    add_step (self, STEP_MONITORING, TRELLIS_REPORT_MONITORING, NULL);

  if (s & (TRELLIS_REPORT_SHEETS | TRELLIS_REPORT_MANDATE))
    {
      guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_PERSON);

      /* A sheet for each person the audience may see by name; for one
       * person alone, theirs whatever they chose. */
      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *person = trellis_document_get_item (self->document, TRELLIS_KIND_PERSON, i);

          if ((only == NULL || person == only) && trellis_report_person_shown (self, person))
            add_step (self, STEP_PERSON, 0, person);
        }
    }

  return g_steal_pointer (&self);
}

/**
 * trellis_report_new_for_map:
 * @layout: a grid view's layout
 * @options: the paper and the date (the sections are ignored)
 *
 * A report of one map, tiled over pages with its legend: a map exported
 * on paper.
 *
 * Returns: (transfer full): the report, to compose
 */
TrellisReport *
trellis_report_new_for_map (TrellisLayout              *layout,
                            const TrellisReportOptions *options)
{
  TrellisReport *self;
  g_autoptr(TrellisReportOptions) copy = NULL;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  copy = trellis_report_options_copy (options);
  copy->audience = trellis_layout_get_options (layout)->audience;
  trellis_report_options_set_person (copy, trellis_layout_get_options (layout)->person);

  self = g_object_new (TRELLIS_TYPE_REPORT, NULL);
  setup (self, trellis_layout_get_analysis (layout), copy);
  self->map = g_object_ref (layout);
  self->title = g_strdup (trellis_view_get_title (trellis_layout_get_options (layout)->view));
  add_step (self, STEP_SINGLE_MAP, 0, NULL);

  return self;
}

const TrellisReportOptions *
trellis_report_get_options (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->options;
}

static TrellisView
section_view (TrellisReportSection section)
{
  switch (section)
    {
    case TRELLIS_REPORT_REQUIREMENTS: return TRELLIS_VIEW_REQUIREMENTS;
    case TRELLIS_REPORT_PERCEPTION:   return TRELLIS_VIEW_PERCEPTION;
    case TRELLIS_REPORT_BOUNDARIES:   return TRELLIS_VIEW_RESPONSIBILITIES;
    case TRELLIS_REPORT_COVERAGE:     return TRELLIS_VIEW_COVERAGE;
    case TRELLIS_REPORT_GAPS:
    default:                          return TRELLIS_VIEW_GAPS;
    }
}

/* How many pages a map takes at its best orientation. */
static guint
count_tiles (TrellisReport *self,
             TrellisLayout *layout)
{
  guint best = G_MAXUINT;

  for (guint turned = 0; turned < 2; turned++)
    {
      const TrellisRect *body = turned ? &self->flow.landscape : &self->flow.portrait;
      g_autoptr(TrellisTiling) tiling = trellis_tiling_new (layout, body->width, body->height - TRELLIS_TILE_BAND);

      best = MIN (best, trellis_tiling_get_n_tiles (tiling));
    }

  return best;
}

/* A map is drawn at the largest of a few sizes that needs the fewest
 * pages: a little smaller often saves a page of headers alone. */
static void
run_map_step (TrellisReport        *self,
              TrellisReportSection  section)
{
  static const double zooms[] = { MAP_ZOOM, 0.6, 0.5 };
  g_autoptr(TrellisLayout) best = NULL;
  guint best_pages = G_MAXUINT;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(TrellisRenderOptions) options = trellis_render_options_copy (self->view_options);
      g_autoptr(TrellisLayout) layout = NULL;
      guint pages;

      options->view = section_view (section);
      options->zoom = zooms[z];
      layout = trellis_layout_new (self->analysis, options, NULL);
      /* The options were checked when the report was made. */
      g_return_if_fail (layout != NULL);

      pages = count_tiles (self, layout);
      if (pages < best_pages)
        {
          g_set_object (&best, layout);
          best_pages = pages;
        }
      if (pages <= 1)
        break;
    }

  trellis_report_add_map (self, section, best);
}

/**
 * trellis_report_compose_step:
 * @self: a report
 *
 * Composes the next section, or the next person's pages.
 *
 * Returns: whether steps remain
 */
gboolean
trellis_report_compose_step (TrellisReport *self)
{
  const Step *step;

  g_return_val_if_fail (TRELLIS_IS_REPORT (self), FALSE);

  if (self->next_step >= self->steps->len)
    return FALSE;

  step = &g_array_index (self->steps, Step, self->next_step++);
  switch (step->kind)
    {
    case STEP_COVER:
      trellis_report_add_cover (self);
      break;
    case STEP_SIGHT:
      trellis_report_add_sight (self);
      break;
    case STEP_ROLES:
      trellis_report_add_roles (self);
      break;
    case STEP_MAP:
      run_map_step (self, step->section);
      break;
    case STEP_MONITORING:
      trellis_report_add_monitoring (self);
      break;
    case STEP_PERSON:
      if (self->options->sections & TRELLIS_REPORT_SHEETS)
        trellis_report_add_sheet (self, step->person);
      if (self->options->sections & TRELLIS_REPORT_MANDATE)
        trellis_report_add_mandate (self, step->person);
      break;
    case STEP_SINGLE_MAP:
      trellis_report_add_map (self, 0, self->map);
      break;
    default:
      g_assert_not_reached ();
    }

  return self->next_step < self->steps->len;
}

/**
 * trellis_report_compose:
 * @self: a report
 *
 * Composes what remains of the report.
 */
void
trellis_report_compose (TrellisReport *self)
{
  g_return_if_fail (TRELLIS_IS_REPORT (self));

  while (trellis_report_compose_step (self))
    ;
}

/**
 * trellis_report_get_progress:
 *
 * Returns: how much of the report is composed, 0…1
 */
double
trellis_report_get_progress (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), 0);

  return self->steps->len > 0 ? (double) self->next_step / self->steps->len : 1.0;
}

/**
 * trellis_report_get_n_pages:
 *
 * Returns: the pages composed so far; at least one once composed (a
 *   report with nothing to show says so on its one page)
 */
guint
trellis_report_get_n_pages (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), 0);

  if (self->next_step >= self->steps->len && self->flow.pages->len == 0)
    {
      trellis_report_begin_section (self, self->title,
                                    _("Nothing to print: the sections chosen are empty, or nobody in them may be shown to this audience."));
    }

  return self->flow.pages->len;
}

/**
 * trellis_report_get_page_size:
 * @self: a report
 * @page: a page
 * @width: (out): its width in points
 * @height: (out): its height
 *
 * The size of a sheet as it is painted: a page turned sideways for a
 * map is wider than tall.
 */
void
trellis_report_get_page_size (TrellisReport *self,
                              guint          page,
                              double        *width,
                              double        *height)
{
  double w, h;

  g_return_if_fail (TRELLIS_IS_REPORT (self));
  g_return_if_fail (page < trellis_report_get_n_pages (self));

  trellis_flow_get_page_size (&self->flow, page, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/**
 * trellis_report_page_is_landscape:
 *
 * Returns: whether the page is printed on a sheet turned sideways
 */
gboolean
trellis_report_page_is_landscape (TrellisReport *self,
                                  guint          page)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (page < trellis_report_get_n_pages (self), FALSE);

  return ((TrellisPage *) g_ptr_array_index (self->flow.pages, page))->landscape;
}

/**
 * trellis_report_get_page_section:
 *
 * Returns: the title of the section a page belongs to
 */
const char *
trellis_report_get_page_section (TrellisReport *self,
                                 guint          page)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);
  g_return_val_if_fail (page < self->flow.pages->len, NULL);

  return ((TrellisPage *) g_ptr_array_index (self->flow.pages, page))->section;
}

const char *
trellis_report_get_title (TrellisReport *self)
{
  g_return_val_if_fail (TRELLIS_IS_REPORT (self), NULL);

  return self->title;
}

/* The running header and the footer. */
static void
paint_frame (TrellisReport *self,
             guint          page,
             cairo_t       *cr)
{
  TrellisReportStyle *style = &self->style;
  const TrellisRect *body = trellis_report_page_is_landscape (self, page) ? &self->flow.landscape : &self->flow.portrait;
  const char *section = trellis_report_get_page_section (self, page);
  double left = body->x;
  double width = body->width;
  double top = body->y - 34;
  double bottom = body->y + body->height + 24;
  g_autofree char *matrix = trellis_markup_escape (self->options->matrix_name);
  g_autofree char *organisation = trellis_markup_escape (self->organisation);
  g_autofree char *left_text = NULL;
  g_autofree char *section_text = trellis_markup_escape (section);
  g_autofree char *date = trellis_markup_escape (self->date_text);
  g_autofree char *number = NULL;
  PangoLayout *layout;

  if (matrix[0] != '\0')
    /* Translators: the running header: organisation, then the matrix's name. */
    left_text = g_strdup_printf (_("<b>%s</b> · %s"), organisation, matrix);
  else
    left_text = g_strdup_printf ("<b>%s</b>", organisation);

  trellis_cairo_set_rgba (cr, &style->colors->muted);
  layout = trellis_report_style_text (style, TRELLIS_FONT_TINY, left_text, width * 0.6, PANGO_ALIGN_LEFT);
  trellis_text_show (cr, layout, left, top);
  g_object_unref (layout);

  if (section_text[0] != '\0')
    {
      layout = trellis_report_style_text (style, TRELLIS_FONT_TINY, section_text, width * 0.4, PANGO_ALIGN_RIGHT);
      trellis_text_show (cr, layout, left + width * 0.6, top);
      g_object_unref (layout);
    }

  trellis_cairo_fill_rect (cr, &style->rule, left, top + 14, width, 0.5);

  layout = trellis_report_style_text (style, TRELLIS_FONT_TINY, date, width * 0.5, PANGO_ALIGN_LEFT);
  trellis_text_show (cr, layout, left, bottom);
  g_object_unref (layout);

  /* Translators: the footer of every page of a report. */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, trellis_report_get_n_pages (self));
  layout = trellis_report_style_text (style, TRELLIS_FONT_TINY, number, width * 0.5, PANGO_ALIGN_RIGHT);
  trellis_text_show (cr, layout, left + width * 0.5, bottom);
  g_object_unref (layout);
}

/**
 * trellis_report_paint_page:
 * @self: a composed report
 * @page: the page, from 0
 * @cr: a cairo context whose origin is the sheet's top-left corner, in
 *   points
 *
 * Paints one page, white paper included.
 */
void
trellis_report_paint_page (TrellisReport *self,
                           guint          page,
                           cairo_t       *cr)
{
  double width, height;

  g_return_if_fail (TRELLIS_IS_REPORT (self));
  g_return_if_fail (page < trellis_report_get_n_pages (self));

  cairo_save (cr);
  trellis_report_get_page_size (self, page, &width, &height);
  trellis_cairo_fill_rect (cr, &self->style.colors->background, 0, 0, width, height);
  paint_frame (self, page, cr);
  trellis_page_paint (g_ptr_array_index (self->flow.pages, page), cr);
  cairo_restore (cr);
}

/* PDF */

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *w = closure;

  if (w->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (w->out, data, length, NULL, w->cancellable, &w->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Bookmarks: one for each section, and each person's pages under them. */
static void
add_outline (TrellisReport   *self,
             cairo_surface_t *surface)
{
  const char *last = NULL;

  for (guint i = 0; i < self->flow.pages->len; i++)
    {
      const char *section = trellis_report_get_page_section (self, i);

      if (section != NULL && section != last)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", i + 1);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section, link, 0);
          last = section;
        }
    }
}

/**
 * trellis_report_write_pdf:
 * @self: a report
 * @path: where to write
 * @cancellable: (nullable): to stop early; the file is then not written
 * @error: return location for a #GError
 *
 * Composes what remains and writes every page as PDF, with the fonts
 * embedded and the text selectable, atomically: the file is replaced
 * only when all of it was written.
 *
 * Returns: whether the file was written
 */
gboolean
trellis_report_write_pdf (TrellisReport  *self,
                          const char     *path,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  WriteClosure closure = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  trellis_report_compose (self);
  n = trellis_report_get_n_pages (self);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  closure.out = G_OUTPUT_STREAM (stream);
  closure.cancellable = cancellable;
  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, self->flow.page_width, self->flow.page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < n && closure.error == NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &closure.error))
        break;
      double width, height;

      trellis_report_get_page_size (self, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      trellis_report_paint_page (self, i, cr);
      cairo_show_page (cr);
    }
  if (closure.error == NULL)
    add_outline (self, surface);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&closure.error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_WRITE,
                 /* Translators: %s is cairo's own description of what went wrong. */
                 _("The report could not be drawn: %s."), cairo_status_to_string (status));

  if (closure.error != NULL)
    {
      /* Closing with a cancelled cancellable keeps the file as it was. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_propagate_error (error, closure.error);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/**
 * trellis_render_to_pdf_pages:
 * @layout: a grid view's layout
 * @paper: the paper
 * @path: where to write
 * @error: return location for a #GError
 *
 * Writes a map on pages of @paper, tiled with its headers on every page,
 * its legend first.
 *
 * Returns: whether the file was written
 */
gboolean
trellis_render_to_pdf_pages (TrellisLayout  *layout,
                             TrellisPaper    paper,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(TrellisReport) report = NULL;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (layout), FALSE);

  options->paper = paper;
  report = trellis_report_new_for_map (layout, options);

  return trellis_report_write_pdf (report, path, NULL, error);
}
