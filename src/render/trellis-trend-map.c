/* trellis-trend-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-trend-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-people-map-private.h"

/* Trend: people × competencies, each cell the change of the assessed
 * level since an earlier date, growth on the blue side; a dot where the
 * first assessment came later. Under each role, and for the team, the
 * mean change of those assessed both times. */

G_DECLARE_FINAL_TYPE (TrellisTrendMap, trellis_trend_map, TRELLIS, TREND_MAP, TrellisPeopleMap)

struct _TrellisTrendMap
{
  TrellisPeopleMap  parent_instance;

  TrellisAnalysis  *before;  /* the analysis at the earlier date */
  TrellisDate       since;   /* that date: the options', else the first round's */
};

G_DEFINE_FINAL_TYPE (TrellisTrendMap, trellis_trend_map, TRELLIS_TYPE_PEOPLE_MAP)

static gboolean
trellis_trend_map_build (TrellisMap  *map,
                         GError     **error)
{
  TrellisTrendMap *self = (TrellisTrendMap *) map;

  /* Without a date, since the first round of assessments. */
  self->since = map->options->since;
  if (self->since == 0)
    self->since = trellis_document_get_first_assessment_date (map->document);
  if (self->since == 0)
    {
      g_set_error_literal (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_NEEDS_DATE,
                           _("A trend compares assessments with earlier ones, and the matrix has no assessments yet."));
      return FALSE;
    }

  self->before = trellis_analysis_new_at (map->document, self->since);

  return TRELLIS_MAP_CLASS (trellis_trend_map_parent_class)->build (map, error);
}

static void
trellis_trend_map_add_subtitle (TrellisMap *map,
                                GPtrArray  *parts)
{
  char date[11];

  /* Translators: %s is an ISO date. */
  g_ptr_array_add (parts, g_strdup_printf (_("Change since %s"), trellis_date_format (((TrellisTrendMap *) map)->since, date)));
}

/* A total counts the people assessed both times. */
static gboolean
trellis_trend_map_counts (TrellisPeopleMap *people,
                          guint             role,
                          guint             person,
                          guint             competency)
{
  TrellisTrendMap *self = (TrellisTrendMap *) people;

  return trellis_analysis_get_cell (((TrellisMap *) self)->analysis, person, competency)->assessed != TRELLIS_LEVEL_NONE &&
         trellis_analysis_get_cell (self->before, person, competency)->assessed != TRELLIS_LEVEL_NONE;
}

/* The mean change of a role's people (or the team's) assessed both
 * times. */
static void
trellis_trend_map_aggregate (TrellisPeopleMap     *people,
                             guint                 role,
                             guint                 competency,
                             TrellisAggregateCell *a)
{
  TrellisTrendMap *self = (TrellisTrendMap *) people;
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = &((TrellisGridMap *) self)->roster;
  GArray *members = role != TRELLIS_TEAM_INDEX ? roster->role_members[role] : NULL;
  guint n = members != NULL ? members->len : roster->n_at[TRELLIS_KIND_PERSON];
  double sum = 0;

  a->agg.mean_gap = NAN;
  for (guint i = 0; i < n; i++)
    {
      guint p = members != NULL ? g_array_index (members, guint, i) : i;
      const TrellisCell *now = trellis_analysis_get_cell (map->analysis, p, competency);
      const TrellisCell *then = trellis_analysis_get_cell (self->before, p, competency);

      if (now->assessed == TRELLIS_LEVEL_NONE)
        continue;
      a->agg.n_people++;
      if (then->assessed == TRELLIS_LEVEL_NONE)
        continue;
      a->agg.n_assessed++;
      sum += now->assessed - then->assessed;
    }
  a->behind = a->agg.n_assessed;

  if (a->agg.n_assessed > 0)
    {
      g_autofree char *text = NULL;

      a->agg.mean_gap = sum / a->agg.n_assessed;
      text = trellis_format_number (a->agg.mean_gap, 1, TRUE);
      a->mean_text = trellis_style_intern (map->style, text);
    }
}

static void
trellis_trend_map_add_aggregate_rows (TrellisPeopleMap     *self,
                                      guint                 role,
                                      TrellisEntity        *entity,
                                      TrellisAggregateCell *cells)
{
  trellis_people_map_add_aggregate_row (self, TRELLIS_ITEM_AGGREGATE_GAP, role, entity, _("Mean change"), cells);
}

/* First assessed after the date: a dot on the quiet tone. */
static void
first_assessed_later (TrellisTrendMap  *self,
                      TrellisCellInfo  *info,
                      TrellisCellPaint *paint)
{
  info->content = TRELLIS_CONTENT_NEW;
  if (paint != NULL)
    {
      paint->fill = &((TrellisMap *) self)->colors->not_required;
      paint->marks |= TRELLIS_CELL_MARK_NEW;
    }
}

static void
trellis_trend_map_compute_person (TrellisPeopleMap *people,
                                  guint             row,
                                  guint             column,
                                  TrellisCellInfo  *info,
                                  TrellisCellPaint *paint)
{
  TrellisTrendMap *self = (TrellisTrendMap *) people;
  TrellisGridMap *grid = (TrellisGridMap *) self;
  TrellisMap *map = (TrellisMap *) self;
  const TrellisCell *cell = trellis_people_map_person_cell (people, row, column, info, paint);
  const TrellisCell *then = trellis_analysis_get_cell (self->before, trellis_axis_get_item (&map->rows, row)->index,
                                                       trellis_axis_get_item (&map->columns, column)->index);
  gint change;

  if (cell->assessed == TRELLIS_LEVEL_NONE)
    {
      if (info->required != TRELLIS_LEVEL_NONE)
        trellis_grid_map_hatched (grid, info, paint);
      else
        trellis_grid_map_not_required (grid, info, paint);
      return;
    }
  if (then->assessed == TRELLIS_LEVEL_NONE)
    {
      first_assessed_later (self, info, paint);
      if (paint != NULL)
        paint->text_color = &map->colors->foreground;
      return;
    }

  change = cell->assessed - then->assessed;
  info->content = TRELLIS_CONTENT_VALUE;
  info->value = change;
  /* Growth takes the palette's "above" side. */
  trellis_grid_map_fill_gap (grid, paint, -change);
  if (paint != NULL)
    paint->text[0] = trellis_style_number (map->style, change, TRUE);
}

static void
trellis_trend_map_compute_total (TrellisPeopleMap           *self,
                                 guint                       row,
                                 const TrellisAggregateCell *a,
                                 TrellisCellInfo            *info,
                                 TrellisCellPaint           *paint)
{
  info->count = a->agg.n_assessed;
  if (!trellis_people_map_aggregate_shown (self, a, info, paint))
    return;
  if (a->agg.n_assessed == 0)
    {
      first_assessed_later ((TrellisTrendMap *) self, info, paint);
      return;
    }

  info->content = TRELLIS_CONTENT_VALUE;
  info->value = a->agg.mean_gap;
  trellis_grid_map_fill_gap ((TrellisGridMap *) self, paint, -a->agg.mean_gap);
  if (paint != NULL)
    paint->text[0] = a->mean_text;
}

static void
trellis_trend_map_describe_person (TrellisPeopleMap      *people,
                                   guint                  row,
                                   guint                  column,
                                   const TrellisCellInfo *info,
                                   gboolean               tooltip,
                                   GPtrArray             *lines)
{
  TrellisTrendMap *self = (TrellisTrendMap *) people;
  TrellisMap *map = (TrellisMap *) self;
  const TrellisCell *then = trellis_analysis_get_cell (self->before, trellis_axis_get_item (&map->rows, row)->index,
                                                       trellis_axis_get_item (&map->columns, column)->index);
  TrellisAssessment effective;
  gboolean assessed = trellis_people_map_get_assessment (people, row, column, &effective);
  char date[11];

  trellis_people_map_describe_assessed (people, assessed, &effective, lines);

  trellis_date_format (self->since, date);
  if (then->assessed != TRELLIS_LEVEL_NONE)
    {
      g_autofree char *level = trellis_grid_map_level_phrase ((TrellisGridMap *) self, then->assessed);
      /* Translators: the level on an earlier date, e.g. "On 2026-01-01: 2 (Independent)". */
      trellis_grid_map_add_line (lines, g_strdup_printf (_("On %s: %s"), date, level));
    }
  else
    /* Translators: a line of a cell's tooltip in the Trend view; %s is a date, e.g. “2026-01-01”. */
    trellis_grid_map_add_line (lines, g_strdup_printf (_("Not assessed on %s"), date));

  if (info->content == TRELLIS_CONTENT_VALUE)
    {
      g_autofree char *change = trellis_format_number (info->value, 0, TRUE);
      /* Translators: a change in level, e.g. "Change: +1". */
      trellis_grid_map_add_line (lines, g_strdup_printf (_("Change: %s"), change));
    }

  trellis_people_map_describe_wish_and_note (people, info, tooltip, assessed, &effective, lines);
}

static void
trellis_trend_map_describe_total (TrellisPeopleMap           *self,
                                  guint                       row,
                                  const TrellisAggregateCell *a,
                                  const TrellisCellInfo      *info,
                                  GPtrArray                  *lines)
{
  g_autofree char *mean = trellis_format_number (info->value, 1, TRUE);

  /* Translators: a mean change over a number of people. */
  trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("Mean change %s over %u person assessed on both dates",
                                                               "Mean change %s over %u people assessed on both dates",
                                                               info->count),
                                                     mean, info->count));
}

static void
trellis_trend_map_add_legend (TrellisMap *map)
{
  const TrellisThemeColors *colors = map->colors;

  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HEADING, NULL, NULL, _("Change in the assessed level"));
  trellis_legend_add_gap_steps (map->legend, map->style, TRUE);
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_NEW, &colors->not_required, NULL, _("first assessed since then"));
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HATCH, &colors->hatch_background, NULL, _("not assessed"));
  trellis_grid_map_add_privacy_legend ((TrellisGridMap *) map);
}

static void
trellis_trend_map_finalize (GObject *object)
{
  TrellisTrendMap *self = (TrellisTrendMap *) object;

  g_clear_pointer (&self->before, trellis_analysis_unref);

  G_OBJECT_CLASS (trellis_trend_map_parent_class)->finalize (object);
}

static void
trellis_trend_map_class_init (TrellisTrendMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);
  TrellisPeopleMapClass *people_class = TRELLIS_PEOPLE_MAP_CLASS (klass);

  object_class->finalize = trellis_trend_map_finalize;

  map_class->name = "trend";
  map_class->title = N_("Trend");
  map_class->flags = TRELLIS_MAP_NEEDS_DATE | TRELLIS_MAP_SHOWS_ASSESSMENTS;
  map_class->build = trellis_trend_map_build;
  map_class->add_subtitle = trellis_trend_map_add_subtitle;
  map_class->add_legend = trellis_trend_map_add_legend;

  people_class->compute_person = trellis_trend_map_compute_person;
  people_class->describe_person = trellis_trend_map_describe_person;
  people_class->counts = trellis_trend_map_counts;
  people_class->aggregate = trellis_trend_map_aggregate;
  people_class->add_aggregate_rows = trellis_trend_map_add_aggregate_rows;
  people_class->compute_total = trellis_trend_map_compute_total;
  people_class->describe_total = trellis_trend_map_describe_total;
}

static void
trellis_trend_map_init (TrellisTrendMap *self)
{
}
