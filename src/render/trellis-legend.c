/* trellis-layout-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-layout-private.h"

/* The words around the picture: the legend of each view, and what a cell
 * means in a sentence (screen readers, the table twin) or in a tooltip. */

static void
legend_add (TrellisLayout     *self,
            SwatchKind         kind,
            const TrellisRgba *fill,
            const char        *sample,
            const char        *label)
{
  LegendItem item = { 0 };

  item.kind = kind;
  if (fill != NULL)
    item.fill = *fill;
  item.text = trellis_layout_intern_text (self, sample);
  item.label = trellis_layout_make_text (self, kind == SWATCH_HEADING ? self->group_font : self->header_font, label);
  g_array_append_val (self->legend, item);
}

static void
legend_gap_steps (TrellisLayout *self,
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
                                            : ngettext ("%d level up", "%d levels up", n), n);
          else
            label = g_strdup_printf (v == -3 ? ngettext ("%d level down or more", "%d levels down or more", n)
                                             : ngettext ("%d level down", "%d levels down", n), n);
          legend_add (self, SWATCH_FILL, trellis_palette_gap_color (-v), sample, label);
          continue;
        }

      if (v == 0)
        label = g_strdup (_("meets the requirement"));
      else if (v > 0)
        /* Translators: a gap: the person is this many levels below what is required. */
        label = g_strdup_printf (v == 3 ? ngettext ("%d level short or more", "%d levels short or more", n)
                                        : ngettext ("%d level short", "%d levels short", n), n);
      else
        label = g_strdup_printf (v == -3 ? ngettext ("%d level above or more", "%d levels above or more", n)
                                         : ngettext ("%d level above", "%d levels above", n), n);
      legend_add (self, SWATCH_FILL, trellis_palette_gap_color (v), sample, label);
    }
}

static void
legend_share_steps (TrellisLayout *self)
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
    legend_add (self, SWATCH_FILL,
                trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE,
                                          trellis_palette_share_step (steps[i].part, steps[i].whole)),
                steps[i].sample, _(steps[i].label));
}

static void
legend_count_steps (TrellisLayout      *self,
                    TrellisPaletteKind  palette)
{
  for (guint n = 0; n < TRELLIS_SEQUENTIAL_STEPS; n++)
    {
      g_autofree char *sample = n + 1 < TRELLIS_SEQUENTIAL_STEPS ? g_strdup_printf ("%u", n) : g_strdup_printf ("%u+", n);
      g_autofree char *label = n + 1 < TRELLIS_SEQUENTIAL_STEPS ?
        g_strdup_printf (ngettext ("%u person", "%u people", n), n) :
        /* Translators: the last step of a count: this many people or more. */
        g_strdup_printf (ngettext ("%u person or more", "%u people or more", n), n);

      legend_add (self, SWATCH_FILL, trellis_palette_get_step (palette, trellis_palette_count_step (n)), sample, label);
    }
}

/* Why a total is withheld, for the legend and the tooltips. */
static const char *
withheld_reason (TrellisLayout *self,
                 gboolean       tooltip)
{
  if (self->options->audience == TRELLIS_AUDIENCE_WORKSHOP)
    return tooltip ? _("Hidden in workshop mode: fewer than three people")
                   : _("hidden: fewer than three people");

  return tooltip ? _("Hidden: it would give away someone who keeps their assessments private")
                 : _("hidden: it would give away someone who keeps their assessments private");
}

static void
legend_privacy (TrellisLayout *self)
{
  if (self->options->audience == TRELLIS_AUDIENCE_WORKSHOP || self->team_hidden > 0)
    legend_add (self, SWATCH_SUPPRESSED, &self->colors->suppressed, NULL, withheld_reason (self, FALSE));
}

void
trellis_layout_build_legend_items (TrellisLayout *self)
{
  const TrellisThemeColors *colors = self->colors;
  TrellisView view = self->options->view;

  switch (view)
    {
    case TRELLIS_VIEW_GAPS:
      legend_add (self, SWATCH_HEADING, NULL, NULL, _("Gap: required level − assessed level"));
      legend_gap_steps (self, FALSE);
      legend_add (self, SWATCH_HATCH, &colors->hatch_background, NULL, _("not assessed"));
      legend_add (self, SWATCH_NOT_REQUIRED, &colors->not_required, NULL, _("not required"));
      legend_add (self, SWATCH_WANT, trellis_palette_gap_color (0), NULL, _("wants to grow in it"));
      if (self->options->person == NULL)
        {
          legend_add (self, SWATCH_HEADING, NULL, NULL,
                      _("Aggregate rows: the mean gap, and the percentage of people who meet the requirement"));
          legend_share_steps (self);
        }
      legend_privacy (self);
      break;

    case TRELLIS_VIEW_REQUIREMENTS:
      legend_add (self, SWATCH_HEADING, NULL, NULL, _("Required level"));
      for (gint level = self->scale_min; level <= self->scale_max; level++)
        {
          const char *name = trellis_document_get_level_name (self->document, level);
          g_autofree char *sample = g_strdup_printf ("%d", level);

          legend_add (self, SWATCH_FILL,
                      trellis_palette_get_step (TRELLIS_PALETTE_REQUIRED,
                                                trellis_palette_level_step (level, self->scale_min, self->scale_max)),
                      sample, name != NULL ? name : sample);
        }
      legend_add (self, SWATCH_NOT_REQUIRED, &colors->not_required, NULL, _("not required"));
      break;

    case TRELLIS_VIEW_COVERAGE:
      legend_add (self, SWATCH_HEADING, NULL, NULL,
                  _("People of the role who meet its requirement (of all its people)"));
      legend_count_steps (self, TRELLIS_PALETTE_COVERAGE);
      legend_add (self, SWATCH_NOT_REQUIRED, &colors->not_required, NULL, _("not required"));
      legend_add (self, SWATCH_SINGLE, trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE, 1), NULL,
                  _("single point of knowledge: only one person reaches the highest required level"));
      legend_add (self, SWATCH_MANDATE, trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE, 1), NULL,
                  _("coverage target missed"));
      legend_privacy (self);
      break;

    case TRELLIS_VIEW_RESPONSIBILITIES:
      {
        static const TrellisRaci letters[] = {
          TRELLIS_RACI_ACCOUNTABLE, TRELLIS_RACI_RESPONSIBLE, TRELLIS_RACI_CONSULTED, TRELLIS_RACI_INFORMED,
        };

        legend_add (self, SWATCH_HEADING, NULL, NULL, _("Who does what: RACI letter, then the delegation level"));
        for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
          {
            char sample[5];

            trellis_raci_to_string (letters[i], sample);
            legend_add (self, SWATCH_FILL, trellis_palette_raci_color (letters[i]), sample,
                        trellis_raci_get_label (letters[i]));
          }
        legend_add (self, SWATCH_BOUNDARY, &colors->background, NULL,
                    _("ownership: outlines who is accountable (or responsible, where nobody is); a step where it passes to another role"));
        legend_add (self, SWATCH_MANDATE, trellis_palette_raci_color (TRELLIS_RACI_RESPONSIBLE), NULL,
                    _("mandate above ability: someone in the role is below a level it needs"));

        legend_add (self, SWATCH_HEADING, NULL, NULL, _("Delegation level"));
        for (guint a = TRELLIS_AUTHORITY_TELL; a <= TRELLIS_AUTHORITY_DELEGATE; a++)
          legend_add (self, SWATCH_TEXT, NULL, NULL, trellis_authority_get_label (a));

        legend_add (self, SWATCH_HEADING, NULL, NULL, _("Can carry it: people who reach every level it needs today"));
        legend_count_steps (self, TRELLIS_PALETTE_GREY);
        legend_privacy (self);

        if (self->findings->len > 0)
          {
            legend_add (self, SWATCH_HEADING, NULL, NULL, _("Rule findings, numbered on the rows"));
            legend_add (self, SWATCH_PROBLEM, &colors->background, NULL, _("problem"));
            legend_add (self, SWATCH_WARNING, &colors->background, NULL, _("warning"));
          }
      }
      break;

    case TRELLIS_VIEW_PERCEPTION:
      legend_add (self, SWATCH_HEADING, NULL, NULL,
                  _("Each cell: self, peer, coach and agreed level side by side; colour: self minus coach (or peer)"));
      for (gint v = -3; v <= 3; v++)
        {
          g_autofree char *sample = trellis_format_number (v, 0, TRUE);
          g_autofree char *label = NULL;
          gint n = ABS (v);

          if (v == 0)
            label = g_strdup (_("they agree"));
          else if (v > 0)
            /* Translators: how much higher a person rates themself than their coach or peer does. */
            label = g_strdup_printf (ngettext ("self %d level higher", "self %d levels higher", n), n);
          else
            label = g_strdup_printf (ngettext ("self %d level lower", "self %d levels lower", n), n);
          legend_add (self, SWATCH_FILL, trellis_palette_gap_color (v), sample, label);
        }
      legend_add (self, SWATCH_STRIPS, &colors->band[0], NULL,
                  _("a dash: no assessment from that perspective; no colour: nothing to compare"));
      legend_add (self, SWATCH_HATCH, &colors->hatch_background, NULL, _("not assessed"));
      break;

    case TRELLIS_VIEW_TREND:
      legend_add (self, SWATCH_HEADING, NULL, NULL, _("Change in the assessed level"));
      legend_gap_steps (self, TRUE);
      legend_add (self, SWATCH_NEW, &colors->not_required, NULL, _("first assessed since then"));
      legend_add (self, SWATCH_HATCH, &colors->hatch_background, NULL, _("not assessed"));
      legend_privacy (self);
      break;

    case TRELLIS_VIEW_SIGHT:
      legend_add (self, SWATCH_HEADING, NULL, NULL, _("Line of sight: follow the lines to see why each part is there"));
      {
        static const char * const stages[] = {
          N_("Mission"), N_("Values"), N_("Results"), N_("Responsibilities"),
          N_("Competencies"), N_("Roles"), N_("People"),
        };

        for (guint i = 0; i < self->n_stages && i < G_N_ELEMENTS (stages); i++)
          legend_add (self, SWATCH_STAGE, trellis_palette_stage_color (i), NULL, _(stages[i]));
      }
      if (self->options->person != NULL)
        legend_add (self, SWATCH_FILL, trellis_palette_gap_color (1), "1", _("the person's gap on a competency"));
      break;

    case TRELLIS_N_VIEWS:
    default:
      break;
    }
}

/* Descriptions */

static char *
level_phrase (TrellisLayout *self,
              gint           level)
{
  const char *name = trellis_document_get_level_name (self->document, level);

  if (name != NULL && name[0] != '\0')
    /* Translators: a level and its name, e.g. "3 (Proficient)". */
    return g_strdup_printf (_("%d (%s)"), level, name);

  return g_strdup_printf ("%d", level);
}

static char *
gap_phrase (gint gap)
{
  if (gap == 0)
    return g_strdup (_("meets the requirement"));
  if (gap > 0)
    return g_strdup_printf (ngettext ("%d level short", "%d levels short", gap), gap);

  return g_strdup_printf (ngettext ("%d level above the requirement", "%d levels above the requirement", -gap), -gap);
}

static void
add_line (GPtrArray  *lines,
          char       *line)
{
  g_ptr_array_add (lines, line);
}

static void
describe_person_cell (TrellisLayout   *self,
                      const Item      *row,
                      const Item      *col,
                      const TrellisCellInfo *info,
                      gboolean         tooltip,
                      GPtrArray       *lines)
{
  TrellisAssessment effective;
  gboolean assessed = trellis_document_get_effective (self->document, TRELLIS_PERSON (row->entity),
                                                      trellis_entity_get_id (col->entity), &effective);

  if (row->role != NO_ROLE && self->options->view == TRELLIS_VIEW_GAPS)
    {
      TrellisEntity *role = g_array_index (self->rows.groups, Group, row->group).entity;

      if (info->required != TRELLIS_LEVEL_NONE)
        {
          g_autofree char *level = level_phrase (self, info->required);
          /* Translators: the level a role requires, e.g. "Required by Agent: 3 (Proficient)". */
          add_line (lines, g_strdup_printf (_("Required by %s: %s"), trellis_entity_get_name (role), level));
        }
      else
        add_line (lines, g_strdup_printf (_("Not required by %s"), trellis_entity_get_name (role)));
    }
  else if (self->options->view == TRELLIS_VIEW_GAPS)
    add_line (lines, g_strdup (_("Not required")));

  if (self->options->view == TRELLIS_VIEW_PERCEPTION)
    {
      gint diff;

      for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
        {
          if (info->perspectives[k] == TRELLIS_LEVEL_NONE)
            /* Translators: a perspective without an assessment, e.g. "Peer: not assessed". */
            add_line (lines, g_strdup_printf (_("%s: not assessed"), trellis_source_get_label (k)));
          else
            {
              g_autofree char *level = level_phrase (self, info->perspectives[k]);
              /* Translators: a perspective and its level, e.g. "Coach: 3 (Proficient)". */
              add_line (lines, g_strdup_printf (_("%s: %s"), trellis_source_get_label (k), level));
            }
        }

      if (info->content == TRELLIS_CONTENT_PERSPECTIVES && !isnan (info->value))
        {
          diff = (gint) info->value;
          if (diff == 0)
            add_line (lines, g_strdup (_("Self and coach (or peer) agree")));
          else if (diff > 0)
            add_line (lines, g_strdup_printf (ngettext ("Rates themself %d level higher than the coach (or peer) does",
                                                        "Rates themself %d levels higher than the coach (or peer) does", diff), diff));
          else
            add_line (lines, g_strdup_printf (ngettext ("Rates themself %d level lower than the coach (or peer) does",
                                                        "Rates themself %d levels lower than the coach (or peer) does", -diff), -diff));
        }
    }
  else if (assessed)
    {
      g_autofree char *level = level_phrase (self, effective.level);
      char date[11];

      /* Translators: level, who assessed it, and when, e.g. "Assessed: 3 (Proficient), Coach, 2026-11-21". */
      add_line (lines, g_strdup_printf (_("Assessed: %s, %s, %s"), level,
                                        trellis_source_get_label (effective.source),
                                        trellis_date_format (effective.date, date)));
    }
  else
    add_line (lines, g_strdup (_("Not assessed")));

  if (self->options->view == TRELLIS_VIEW_TREND)
    {
      const TrellisCell *then = trellis_analysis_get_cell (self->before, row->index, col->index);
      char date[11];

      trellis_date_format (self->options->since, date);
      if (then->assessed != TRELLIS_LEVEL_NONE)
        {
          g_autofree char *level = level_phrase (self, then->assessed);
          /* Translators: the level on an earlier date, e.g. "On 2026-01-01: 2 (Independent)". */
          add_line (lines, g_strdup_printf (_("On %s: %s"), date, level));
        }
      else
        add_line (lines, g_strdup_printf (_("Not assessed on %s"), date));

      if (info->content == TRELLIS_CONTENT_VALUE)
        {
          g_autofree char *change = trellis_format_number (info->value, 0, TRUE);
          /* Translators: a change in level, e.g. "Change: +1". */
          add_line (lines, g_strdup_printf (_("Change: %s"), change));
        }
    }

  if (self->options->view == TRELLIS_VIEW_GAPS && info->content == TRELLIS_CONTENT_VALUE)
    {
      g_autofree char *phrase = gap_phrase ((gint) info->value);
      /* Translators: e.g. "Gap: 2 levels short". */
      add_line (lines, g_strdup_printf (_("Gap: %s"), phrase));
    }

  if (info->flags & TRELLIS_CELL_FLAG_WANT)
    add_line (lines, g_strdup (_("Wants to grow in it")));

  if (tooltip && assessed && effective.note != NULL && effective.note[0] != '\0')
    /* Translators: the note of an assessment. */
    add_line (lines, g_strdup_printf (_("Note: %s"), effective.note));
}

static void
describe_aggregate_cell (TrellisLayout         *self,
                         const Item            *row,
                         guint                  column,
                         const TrellisCellInfo *info,
                         GPtrArray             *lines)
{
  switch (info->content)
    {
    case TRELLIS_CONTENT_SUPPRESSED:
      add_line (lines, g_strdup (withheld_reason (self, TRUE)));
      return;
    case TRELLIS_CONTENT_EMPTY:
      add_line (lines, g_strdup (_("Not required")));
      return;
    case TRELLIS_CONTENT_NOT_ASSESSED:
      add_line (lines, g_strdup_printf (ngettext ("Required of %u person, nobody assessed yet",
                                                  "Required of %u people, nobody assessed yet", info->total),
                                        info->total));
      return;
    case TRELLIS_CONTENT_NEW:
      add_line (lines, g_strdup (_("Nobody was assessed on both dates")));
      return;
    case TRELLIS_CONTENT_VALUE:
    case TRELLIS_CONTENT_ASSIGNMENT:
    case TRELLIS_CONTENT_PERSPECTIVES:
    default:
      break;
    }

  if (self->options->view == TRELLIS_VIEW_TREND)
    {
      g_autofree char *mean = trellis_format_number (info->value, 1, TRUE);
      /* Translators: a mean change over a number of people. */
      add_line (lines, g_strdup_printf (ngettext ("Mean change %s over %u person assessed on both dates",
                                                  "Mean change %s over %u people assessed on both dates", info->count),
                                        mean, info->count));
    }
  else if (row->kind == TRELLIS_ITEM_AGGREGATE_GAP)
    {
      const AggCell *a = &((const AggCell *) row->data)[column];
      g_autofree char *mean = trellis_format_number (info->value, 1, FALSE);

      /* Translators: the mean gap, then how many of how many people were assessed. */
      add_line (lines, g_strdup_printf (ngettext ("Mean gap %s, over %u assessed of %u person",
                                                  "Mean gap %s, over %u assessed of %u people", info->total),
                                        mean, a->agg.n_assessed, info->total));
    }
  else
    /* Translators: how many of how many people meet a requirement, and the percentage. */
    add_line (lines, g_strdup_printf (ngettext ("%u of %u person meets the requirement (%.0f%%)",
                                                "%u of %u people meet the requirement (%.0f%%)", info->total),
                                      info->count, info->total, info->value));
}

char *
trellis_layout_describe_cell (TrellisLayout *self,
                              guint          row,
                              guint          column,
                              gboolean       tooltip)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  Item *r = trellis_layout_row_item (self, row);
  const Item *c = trellis_layout_column_item (self, column);
  TrellisCellInfo info;

  memset (&info, 0, sizeof info);
  trellis_layout_compute_cell (self, row, column, &info, NULL);

  /* Translators: a cell's row and column, e.g. "Anna — Active listening". */
  if (r->kind == TRELLIS_ITEM_AGGREGATE_GAP || r->kind == TRELLIS_ITEM_AGGREGATE_MEETING)
    add_line (lines, g_strdup_printf (_("%s — %s"),
                                      r->entity != NULL ? trellis_entity_get_name (r->entity) : _("Team"),
                                      c->label));
  else
    add_line (lines, g_strdup_printf (_("%s — %s"), r->label, c->label));

  switch (r->kind)
    {
    case TRELLIS_ITEM_PERSON:
      describe_person_cell (self, r, c, &info, tooltip, lines);
      break;

    case TRELLIS_ITEM_AGGREGATE_GAP:
    case TRELLIS_ITEM_AGGREGATE_MEETING:
      describe_aggregate_cell (self, r, column, &info, lines);
      break;

    case TRELLIS_ITEM_ROLE:
      if (info.required != TRELLIS_LEVEL_NONE)
        {
          g_autofree char *level = level_phrase (self, info.required);
          /* Translators: e.g. "Required: 3 (Proficient)". */
          add_line (lines, g_strdup_printf (_("Required: %s"), level));
        }
      else
        add_line (lines, g_strdup (_("Not required")));
      break;

    case TRELLIS_ITEM_COMPETENCY:
      if (info.content == TRELLIS_CONTENT_EMPTY)
        add_line (lines, g_strdup (_("Not required")));
      else if (info.content == TRELLIS_CONTENT_SUPPRESSED)
        add_line (lines, g_strdup (withheld_reason (self, TRUE)));
      else
        {
          g_autofree char *level = level_phrase (self, info.required);

          add_line (lines, g_strdup_printf (_("Required: %s"), level));
          add_line (lines, g_strdup_printf (ngettext ("%u of %u person meets it",
                                                      "%u of %u people meet it", info.total),
                                            info.count, info.total));
          if (info.flags & TRELLIS_CELL_FLAG_SINGLE)
            add_line (lines, g_strdup (_("Single point of knowledge: only one person reaches the highest required level")));
          if (info.flags & TRELLIS_CELL_FLAG_TARGET)
            add_line (lines, g_strdup (_("Coverage target missed")));
        }
      break;

    case TRELLIS_ITEM_RESPONSIBILITY:
      if (c->kind == TRELLIS_ITEM_CAPABLE)
        {
          add_line (lines, g_strdup_printf (ngettext ("%u person could carry it today",
                                                      "%u people could carry it today", info.count),
                                            info.count));
          if (info.flags & TRELLIS_CELL_FLAG_NOBODY)
            add_line (lines, g_strdup (_("Nobody reaches every level it needs")));
        }
      else if (info.content == TRELLIS_CONTENT_EMPTY)
        add_line (lines, g_strdup (_("No part in it")));
      else
        {
          static const TrellisRaci letters[] = {
            TRELLIS_RACI_RESPONSIBLE, TRELLIS_RACI_ACCOUNTABLE, TRELLIS_RACI_CONSULTED, TRELLIS_RACI_INFORMED,
          };
          g_autoptr(GPtrArray) names = g_ptr_array_new ();

          for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
            if (info.raci & letters[i])
              g_ptr_array_add (names, (gpointer) trellis_raci_get_label (letters[i]));
          g_ptr_array_add (names, NULL);
          add_line (lines, g_strjoinv (", ", (char **) names->pdata));

          if (info.authority != TRELLIS_AUTHORITY_NONE)
            /* Translators: a delegation level and what it means. */
            add_line (lines, g_strdup_printf (_("Authority: %s — %s"), trellis_authority_get_label (info.authority),
                                              trellis_authority_get_description (info.authority)));
          else if (info.flags & TRELLIS_CELL_FLAG_OWNER)
            add_line (lines, g_strdup (_("No decision authority agreed")));
          if (info.flags & TRELLIS_CELL_FLAG_MANDATE)
            add_line (lines, g_strdup (_("Mandate above ability: someone in the role is assessed below a level it needs")));
        }
      break;

    case TRELLIS_ITEM_CAPABLE:
    case TRELLIS_ITEM_NODE:
    case TRELLIS_ITEM_STAGE:
    default:
      break;
    }

  g_ptr_array_add (lines, NULL);

  return g_strjoinv (tooltip ? "\n" : "; ", (char **) lines->pdata);
}
