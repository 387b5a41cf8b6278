/* trellis-report-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-mandate.h"
#include "trellis-report-private.h"

/* One person's pages: the development sheet a coach and the person talk
 * through and write on, and the mandate card ("what may I decide
 * here?"). Only for people the audience may see, or for the one person a
 * report is made for. */

#define CELL(m, f) { (m), (f), NULL, PANGO_ALIGN_LEFT }

typedef struct
{
  gint        level;
  TrellisDate date;
} Perspective;

static char *
dup_roles (TrellisReport *self,
           TrellisEntity *person)
{
  const char **roles = trellis_entity_get_strv (person, TRELLIS_FIELD_ROLES);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      TrellisEntity *role = trellis_document_lookup (self->document, roles[i]);

      if (role == NULL || !TRELLIS_IS_ROLE (role))
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, trellis_report_name_of (self, role));
    }

  if (text->len == 0)
    g_string_append (text, _("No role yet"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_title (TrellisReport *self,
           TrellisEntity *person,
           const char    *kicker)
{
  g_autofree char *name = trellis_markup_escape (trellis_report_name_of (self, person));
  g_autofree char *roles = dup_roles (self, person);
  g_autofree char *kicker_markup = trellis_markup_escape (kicker);
  /* Translators: under a person's name on their sheet: their roles. */
  g_autofree char *line = g_strdup_printf (_("Role: %s"), roles);

  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_SMALL_BOLD, &self->style.accent, 0, kicker_markup);
  trellis_flow_heading (&self->flow, TRELLIS_FONT_H1, name);
  trellis_report_muted (self, line);
  trellis_flow_space (&self->flow, 4);
}

/* The level text of a competency, for a table cell. */
static char *
level_markup (TrellisReport *self,
              gint           level)
{
  g_autofree char *text = trellis_report_dup_level_text (self, level);

  return trellis_markup_escape (text);
}

static void
add_strengths (TrellisReport *self,
               guint          p,
               gint           scale_max)
{
  guint n = trellis_analysis_get_n_competencies (self->analysis);
  static const double widths[] = { 5, 3, 3 };
  TrellisTableCell header[] = {
    CELL (_("Competency"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Assessed"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Required"), TRELLIS_FONT_SMALL_BOLD),
  };
  gboolean any = FALSE;

  trellis_report_heading (self, TRELLIS_FONT_H3, _("Strengths"));
  for (guint c = 0; c < n; c++)
    {
      const TrellisCell *cell = trellis_analysis_get_cell (self->analysis, p, c);
      TrellisEntity *competency = trellis_roster_entity (&self->roster, TRELLIS_KIND_COMPETENCY, c);
      gboolean strength;

      if (competency == NULL || cell->assessed == TRELLIS_LEVEL_NONE)
        continue;
      /* Above what the role asks, or high on the scale (and not
       * below what the role asks). */
      strength = (cell->required != TRELLIS_LEVEL_NONE && cell->assessed > cell->required) ||
                 (cell->assessed >= scale_max - 1 &&
                  (cell->required == TRELLIS_LEVEL_NONE || cell->assessed >= cell->required));
      if (!strength)
        continue;
      if (!any)
        trellis_flow_table_begin (&self->flow, 3, widths, header);
      any = TRUE;
      {
        g_autofree char *name = trellis_report_dup_name_markup (self, competency);
        g_autofree char *assessed = level_markup (self, cell->assessed);
        g_autofree char *required = level_markup (self, cell->required);
        TrellisTableCell row[] = {
          CELL (name, TRELLIS_FONT_SMALL),
          CELL (assessed, TRELLIS_FONT_SMALL_BOLD),
          CELL (required, TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
    }

  if (any)
    trellis_flow_table_end (&self->flow);
  else
    trellis_report_muted (self, _("None recorded yet: talk about what goes well."));
}

static void
add_gaps (TrellisReport *self,
          guint          p)
{
  guint n = trellis_analysis_get_n_competencies (self->analysis);
  static const double widths[] = { 5, 3, 3, 2 };
  TrellisTableCell header[] = {
    CELL (_("Competency"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Required"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Assessed"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Gap"), TRELLIS_FONT_SMALL_BOLD),
  };
  gboolean any = FALSE;

  trellis_report_heading (self, TRELLIS_FONT_H3, _("Gaps against the role"));
  for (guint c = 0; c < n; c++)
    {
      gint gap = 0;
      TrellisCellState state = trellis_analysis_get_state (self->analysis, p, c, &gap);
      const TrellisCell *cell = trellis_analysis_get_cell (self->analysis, p, c);
      TrellisEntity *competency = trellis_roster_entity (&self->roster, TRELLIS_KIND_COMPETENCY, c);

      if (competency == NULL || state == TRELLIS_CELL_NOT_REQUIRED || (state == TRELLIS_CELL_GAP && gap <= 0))
        continue;
      if (!any)
        trellis_flow_table_begin (&self->flow, 4, widths, header);
      any = TRUE;
      {
        g_autofree char *name = trellis_report_dup_name_markup (self, competency);
        g_autofree char *required = level_markup (self, cell->required);
        g_autofree char *assessed = NULL;
        g_autofree char *gap_text = NULL;
        const TrellisRgba *fill = NULL;

        if (state == TRELLIS_CELL_GAP)
          {
            /* Translators: an assessed level and who assessed it. */
            g_autofree char *level = trellis_report_dup_level_text (self, cell->assessed);
            g_autofree char *text = g_strdup_printf (_("%s (%s)"), level, trellis_source_get_label (cell->source));

            assessed = trellis_markup_escape (text);
            /* Translators: a gap of some levels, in a table. */
            gap_text = g_strdup_printf (C_("gap", "+%d"), gap);
            fill = trellis_palette_gap_color (gap);
          }
        else
          {
            assessed = trellis_markup_escape (_("not assessed"));
            gap_text = g_strdup ("?");
          }
        {
          TrellisTableCell row[] = {
            CELL (name, TRELLIS_FONT_SMALL),
            CELL (required, TRELLIS_FONT_SMALL),
            CELL (assessed, TRELLIS_FONT_SMALL),
            { gap_text, TRELLIS_FONT_SMALL_BOLD, fill, PANGO_ALIGN_CENTER },
          };

          trellis_flow_table_row (&self->flow, row);
        }
      }
    }

  if (any)
    trellis_flow_table_end (&self->flow);
  else
    trellis_report_muted (self, _("None: every level the role requires is met."));
}

static void
add_wishes (TrellisReport *self,
            guint          p)
{
  guint n = trellis_analysis_get_n_competencies (self->analysis);
  g_autoptr(GString) list = g_string_new (NULL);

  trellis_report_heading (self, TRELLIS_FONT_H3, _("Would like to grow in"));
  for (guint c = 0; c < n; c++)
    {
      const TrellisCell *cell = trellis_analysis_get_cell (self->analysis, p, c);
      TrellisEntity *competency = trellis_roster_entity (&self->roster, TRELLIS_KIND_COMPETENCY, c);

      if (competency == NULL || !cell->want)
        continue;
      if (list->len > 0)
        g_string_append (list, _(", "));
      g_string_append (list, trellis_report_name_of (self, competency));
    }

  if (list->len > 0)
    {
      g_autofree char *markup = trellis_markup_escape (list->str);

      trellis_flow_paragraph (&self->flow, TRELLIS_FONT_BODY, NULL, 0, markup);
    }
  else
    trellis_report_muted (self, _("Nothing marked yet."));
}

/* Self against peer and coach, where the person rated themself and a
 * peer or coach did too: the latest level of each perspective, side by
 * side, never averaged. */
static void
add_perspectives (TrellisReport *self,
                  TrellisEntity *person)
{
  g_autoptr(GArray) all = trellis_document_get_assessments (self->document, TRELLIS_PERSON (person), NULL);
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_COMPETENCY);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree Perspective *latest = g_new (Perspective, (gsize) MAX (n, 1) * TRELLIS_N_SOURCES);
  static const double widths[] = { 5, 2, 2, 2, 2 };
  TrellisTableCell header[] = {
    CELL (_("Competency"), TRELLIS_FONT_SMALL_BOLD),
    { (char *) trellis_source_get_label (TRELLIS_SOURCE_SELF), TRELLIS_FONT_SMALL_BOLD, NULL, PANGO_ALIGN_CENTER },
    { (char *) trellis_source_get_label (TRELLIS_SOURCE_PEER), TRELLIS_FONT_SMALL_BOLD, NULL, PANGO_ALIGN_CENTER },
    { (char *) trellis_source_get_label (TRELLIS_SOURCE_COACH), TRELLIS_FONT_SMALL_BOLD, NULL, PANGO_ALIGN_CENTER },
    { (char *) trellis_source_get_label (TRELLIS_SOURCE_AGREED), TRELLIS_FONT_SMALL_BOLD, NULL, PANGO_ALIGN_CENTER },
  };
  gboolean any = FALSE;

  for (guint c = 0; c < n; c++)
    {
      g_hash_table_insert (index, (gpointer) trellis_entity_get_id (trellis_document_get_item (self->document, TRELLIS_KIND_COMPETENCY, c)),
                           GUINT_TO_POINTER (c + 1));
      for (guint s = 0; s < TRELLIS_N_SOURCES; s++)
        latest[c * TRELLIS_N_SOURCES + s] = (Perspective) { TRELLIS_LEVEL_NONE, 0 };
    }
  for (guint i = 0; i < all->len; i++)
    {
      const TrellisAssessment *a = &g_array_index (all, TrellisAssessment, i);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (index, a->competency));
      Perspective *slot;

      if (c == 0 || a->level == TRELLIS_LEVEL_NONE || a->source >= TRELLIS_N_SOURCES)
        continue;
      slot = &latest[(c - 1) * TRELLIS_N_SOURCES + a->source];
      if (a->date >= slot->date)
        *slot = (Perspective) { a->level, a->date };
    }

  trellis_report_heading (self, TRELLIS_FONT_H3, _("Self, peer and coach"));
  for (guint c = 0; c < n; c++)
    {
      const Perspective *row_levels = &latest[c * TRELLIS_N_SOURCES];
      char *texts[TRELLIS_N_SOURCES];

      if (row_levels[TRELLIS_SOURCE_SELF].level == TRELLIS_LEVEL_NONE ||
          (row_levels[TRELLIS_SOURCE_PEER].level == TRELLIS_LEVEL_NONE &&
           row_levels[TRELLIS_SOURCE_COACH].level == TRELLIS_LEVEL_NONE))
        continue;
      if (!any)
        trellis_flow_table_begin (&self->flow, 5, widths, header);
      any = TRUE;

      for (guint s = 0; s < TRELLIS_N_SOURCES; s++)
        texts[s] = row_levels[s].level == TRELLIS_LEVEL_NONE ? g_strdup ("—") : g_strdup_printf ("%d", row_levels[s].level);
      {
        g_autofree char *name = trellis_report_dup_name_markup (self, trellis_document_get_item (self->document, TRELLIS_KIND_COMPETENCY, c));
        TrellisTableCell row[] = {
          CELL (name, TRELLIS_FONT_SMALL),
          { texts[0], TRELLIS_FONT_SMALL_BOLD, NULL, PANGO_ALIGN_CENTER },
          { texts[1], TRELLIS_FONT_SMALL, NULL, PANGO_ALIGN_CENTER },
          { texts[2], TRELLIS_FONT_SMALL, NULL, PANGO_ALIGN_CENTER },
          { texts[3], TRELLIS_FONT_SMALL_BOLD, NULL, PANGO_ALIGN_CENTER },
        };

        trellis_flow_table_row (&self->flow, row);
      }
      for (guint s = 0; s < TRELLIS_N_SOURCES; s++)
        g_free (texts[s]);
    }

  if (any)
    trellis_flow_table_end (&self->flow);
  else
    trellis_report_muted (self, _("No competency has both a self-assessment and a peer’s or coach’s yet."));
}

static void
add_actions (TrellisReport *self,
             TrellisEntity *person)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_ACTION);
  static const double widths[] = { 4, 2, 3, 2, 5 };
  TrellisTableCell header[] = {
    CELL (_("Competency"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Kind"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Due"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Status"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Note"), TRELLIS_FONT_SMALL_BOLD),
  };
  gboolean any = FALSE;

  trellis_report_heading (self, TRELLIS_FONT_H3, _("Agreed development actions"));
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *action = trellis_document_get_item (self->document, TRELLIS_KIND_ACTION, i);
      TrellisEntity *competency;
      const char *note;

      if (g_strcmp0 (trellis_entity_get_string (action, TRELLIS_FIELD_PERSON), trellis_entity_get_id (person)) != 0)
        continue;
      if (!any)
        trellis_flow_table_begin (&self->flow, 5, widths, header);
      any = TRUE;

      competency = trellis_document_lookup (self->document, trellis_entity_get_string (action, TRELLIS_FIELD_COMPETENCY));
      note = trellis_entity_get_string (action, TRELLIS_FIELD_NOTE);
      {
        g_autofree char *name = trellis_report_dup_name_markup (self, competency);
        g_autofree char *kind = trellis_markup_escape (trellis_action_kind_get_label (trellis_entity_get_int (action, TRELLIS_FIELD_ACTION_KIND)));
        g_autofree char *due_text = trellis_date_dup_long (trellis_entity_get_uint (action, TRELLIS_FIELD_DUE));
        g_autofree char *due = trellis_markup_escape (due_text[0] != '\0' ? due_text : "—");
        g_autofree char *status = trellis_markup_escape (trellis_action_status_get_label (trellis_entity_get_int (action, TRELLIS_FIELD_STATUS)));
        g_autofree char *note_text = trellis_markup_escape (note != NULL ? note : "");
        TrellisTableCell row[] = {
          CELL (name, TRELLIS_FONT_SMALL),
          CELL (kind, TRELLIS_FONT_SMALL),
          CELL (due, TRELLIS_FONT_SMALL),
          CELL (status, TRELLIS_FONT_SMALL_BOLD),
          CELL (note_text, TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
    }

  if (any)
    trellis_flow_table_end (&self->flow);
  else
    trellis_report_muted (self, _("None agreed yet."));
}

static void
add_feedback (TrellisReport *self,
              TrellisEntity *person)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_FEEDBACK);
  static const double widths[] = { 4, 3, 8 };
  TrellisTableCell header[] = {
    /* Translators: a column of the feedback table in a person's report: what a remark is about, e.g. “Listening”. */
    CELL (C_("feedback", "About"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Date"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Remark"), TRELLIS_FONT_SMALL_BOLD),
  };
  gboolean any = FALSE;

  trellis_report_heading (self, TRELLIS_FONT_H3, _("Open feedback"));
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *remark = trellis_document_get_item (self->document, TRELLIS_KIND_FEEDBACK, i);
      TrellisEntity *about;

      if (g_strcmp0 (trellis_entity_get_string (remark, TRELLIS_FIELD_PERSON), trellis_entity_get_id (person)) != 0 ||
          trellis_entity_get_int (remark, TRELLIS_FIELD_STATUS) != TRELLIS_FEEDBACK_OPEN)
        continue;
      if (!any)
        trellis_flow_table_begin (&self->flow, 3, widths, header);
      any = TRUE;

      about = trellis_document_lookup (self->document, trellis_entity_get_string (remark, TRELLIS_FIELD_ABOUT));
      {
        g_autofree char *about_label = about != NULL ? trellis_entity_dup_label_in (about, self->options->content_language)
                                                    : g_strdup ("—");
        g_autofree char *about_text = trellis_markup_escape (about_label);
        g_autofree char *date_text = trellis_date_dup_long (trellis_entity_get_uint (remark, TRELLIS_FIELD_DATE));
        g_autofree char *date = trellis_markup_escape (date_text);
        g_autofree char *text = trellis_markup_escape (trellis_entity_get_string (remark, TRELLIS_FIELD_TEXT));
        TrellisTableCell row[] = {
          CELL (about_text, TRELLIS_FONT_SMALL),
          CELL (date, TRELLIS_FONT_SMALL),
          CELL (text, TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
    }

  if (any)
    trellis_flow_table_end (&self->flow);
  else
    trellis_report_muted (self, _("No open remarks."));
}

void
trellis_report_add_sheet (TrellisReport *self,
                          TrellisEntity *person)
{
  gint p = trellis_analysis_get_index (self->analysis, person);
  const char *section = trellis_report_keep (self, g_strdup (trellis_report_section_get_title (TRELLIS_REPORT_SHEETS)));

  if (p < 0)
    return;

  trellis_flow_new_page (&self->flow, section);
  add_title (self, person, _("Development sheet"));
  add_strengths (self, p, trellis_document_get_scale_max (self->document));
  add_gaps (self, p);
  add_wishes (self, p);
  add_perspectives (self, person);
  add_actions (self, person);
  add_feedback (self, person);
  /* The notes' heading keeps with its first lines. */
  trellis_flow_need (&self->flow, 36 + 4 * 22);
  trellis_report_heading (self, TRELLIS_FONT_H3, _("Notes from our talk"));
  trellis_flow_writing_lines (&self->flow, 4);
}

/* Mandate card */

static char *
dup_role_list (TrellisReport *self,
               GPtrArray     *roles)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < roles->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, trellis_report_name_of (self, g_ptr_array_index (roles, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_involve (TrellisReport            *self,
             const TrellisMandateItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  struct { GPtrArray *roles; const char *label; } parts[] = {
    { item->accountable, C_("mandate", "Accountable") },
    { item->consult, C_("mandate", "Consult") },
    { item->inform, C_("mandate", "Inform") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *list = NULL;
      g_autofree char *label = NULL;
      g_autofree char *names = NULL;

      if (parts[i].roles->len == 0)
        continue;
      list = dup_role_list (self, parts[i].roles);
      label = trellis_markup_escape (parts[i].label);
      names = trellis_markup_escape (list);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "<b>%s</b> %s", label, names);
    }

  if (text->len == 0)
    g_string_append (text, "—");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_mandate_items (TrellisReport  *self,
                   TrellisMandate *mandate)
{
  static const double widths[] = { 5, 3, 4, 4 };
  TrellisTableCell header[] = {
    CELL (_("Responsibility and the result it serves"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("My part"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("How far I decide"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Whom I involve"), TRELLIS_FONT_SMALL_BOLD),
  };
  TrellisEntity *role = NULL;

  for (guint i = 0; i < trellis_mandate_get_n_items (mandate); i++)
    {
      const TrellisMandateItem *item = trellis_mandate_get_item (mandate, i);
      g_autofree char *what = NULL;
      g_autofree char *part = NULL;
      g_autofree char *decide = NULL;
      g_autofree char *involve = dup_involve (self, item);
      g_autofree char *values = NULL;
      char letters[5];

      if (item->role != role)
        {
          /* Translators: heads the part of a mandate card for one of the person's roles. */
          g_autofree char *as = g_strdup_printf (_("As %s"), trellis_report_name_of (self, item->role));

          if (role != NULL)
            trellis_flow_table_end (&self->flow);
          trellis_report_heading (self, TRELLIS_FONT_H2, as);
          trellis_flow_table_begin (&self->flow, 4, widths, header);
          role = item->role;
        }

      {
        g_autoptr(GString) names = g_string_new (NULL);

        for (guint v = 0; v < item->values->len; v++)
          {
            if (v > 0)
              g_string_append (names, _(", "));
            g_string_append (names, trellis_report_name_of (self, g_ptr_array_index (item->values, v)));
          }
        /* Translators: the values that guide a decision, on a mandate card. */
        values = names->len > 0 ? g_strdup_printf (_("Guided by: %s"), names->str) : g_strdup ("");
      }

      trellis_raci_to_string (item->raci, letters);
      {
        g_autofree char *responsibility = trellis_report_dup_name_markup (self, item->responsibility);
        g_autofree char *rest = g_markup_printf_escaped ("%s%s%s",
                                                         item->result != NULL ? trellis_report_name_of (self, item->result) : "",
                                                         item->result != NULL && values[0] != '\0' ? "\n" : "", values);

        what = g_strdup_printf ("<b>%s</b>\n<span size=\"smaller\">%s</span>", responsibility, rest);
      }
      part = g_markup_printf_escaped ("%s%s%s%s", item->roles, letters[0] != '\0' ? " (" : "", letters,
                                      letters[0] != '\0' ? ")" : "");
      decide = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"smaller\">%s</span>", item->decision, item->explanation);
      {
        TrellisTableCell row[] = {
          CELL (what, TRELLIS_FONT_SMALL),
          CELL (part, TRELLIS_FONT_SMALL),
          CELL (decide, TRELLIS_FONT_SMALL),
          CELL (involve, TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
    }

  if (role != NULL)
    trellis_flow_table_end (&self->flow);
}

static void
add_guiding_values (TrellisReport  *self,
                    TrellisMandate *mandate)
{
  GPtrArray *values = trellis_mandate_get_values (mandate);

  if (values->len == 0)
    return;

  trellis_report_heading (self, TRELLIS_FONT_H2, _("The values that guide my decisions"));
  for (guint i = 0; i < values->len; i++)
    {
      TrellisEntity *value = g_ptr_array_index (values, i);
      const char **behaviours = trellis_entity_get_strv (value, TRELLIS_FIELD_BEHAVIOURS);

      trellis_report_name_heading (self, TRELLIS_FONT_H3, value);
      for (guint b = 0; behaviours != NULL && behaviours[b] != NULL; b++)
        trellis_report_bullet (self, value, b);
    }
}

void
trellis_report_add_mandate (TrellisReport *self,
                            TrellisEntity *person)
{
  g_autoptr(TrellisMandate) mandate = trellis_mandate_new (self->document, person);
  const char *section = trellis_report_keep (self, g_strdup (trellis_report_section_get_title (TRELLIS_REPORT_MANDATE)));

  trellis_flow_new_page (&self->flow, section);
  add_title (self, person, _("Mandate card: what may I decide here?"));
  trellis_report_muted (self, _("For each responsibility my roles hold: the result it serves, my part in it, how far the "
                 "decision is mine (from “I am told” to “I decide”), and whom I consult and inform."));
  trellis_flow_space (&self->flow, 4);

  if (trellis_mandate_get_n_items (mandate) == 0)
    trellis_report_muted (self, _("None of my roles holds a responsibility yet."));
  add_mandate_items (self, mandate);
  add_guiding_values (self, mandate);
}
