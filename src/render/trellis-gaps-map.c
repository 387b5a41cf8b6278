/* trellis-gaps-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-gaps-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-people-map-private.h"

/* The gap heatmap: people × competencies, each cell the gap between the
 * level the row's role requires and the assessed level (2 is two levels
 * short, −1 one above). Not assessed is hatched and never a number; not
 * required is a quiet tone without a number; a triangle in the top corner
 * means "wants to grow". Under each role, and for the team, the mean gap
 * and the share of people who meet the requirement. */

G_DECLARE_FINAL_TYPE (TrellisGapsMap, trellis_gaps_map, TRELLIS, GAPS_MAP, TrellisPeopleMap)

struct _TrellisGapsMap
{
  TrellisPeopleMap parent_instance;
};

G_DEFINE_FINAL_TYPE (TrellisGapsMap, trellis_gaps_map, TRELLIS_TYPE_PEOPLE_MAP)

/* A role's totals count the people whom it requires the competency of;
 * the team's, those whom any of their roles requires it of. */
static gboolean
trellis_gaps_map_counts (TrellisPeopleMap *self,
                         guint             role,
                         guint             person,
                         guint             competency)
{
  TrellisAnalysis *analysis = ((TrellisMap *) self)->analysis;

  if (role != TRELLIS_TEAM_INDEX)
    return trellis_analysis_get_role_required (analysis, role, competency) != TRELLIS_LEVEL_NONE;

  return trellis_analysis_get_cell (analysis, person, competency)->required != TRELLIS_LEVEL_NONE;
}

static void
trellis_gaps_map_aggregate (TrellisPeopleMap     *self,
                            guint                 role,
                            guint                 competency,
                            TrellisAggregateCell *a)
{
  TrellisMap *map = (TrellisMap *) self;

  if (role != TRELLIS_TEAM_INDEX)
    trellis_analysis_aggregate_role (map->analysis, role, competency, &a->agg);
  else
    trellis_analysis_aggregate_team (map->analysis, competency, &a->agg);
  a->behind = a->agg.n_people;

  if (a->agg.n_assessed > 0)
    {
      g_autofree char *mean = trellis_format_number (a->agg.mean_gap, 1, FALSE);
      g_autofree char *share = g_strdup_printf ("%u", (guint) floor (100.0 * a->agg.n_meeting / a->agg.n_people + 0.5));

      a->mean_text = trellis_style_intern (map->style, mean);
      a->share_text = trellis_style_intern (map->style, share);
    }
}

static void
trellis_gaps_map_add_aggregate_rows (TrellisPeopleMap     *self,
                                     guint                 role,
                                     TrellisEntity        *entity,
                                     TrellisAggregateCell *cells)
{
  trellis_people_map_add_aggregate_row (self, TRELLIS_ITEM_AGGREGATE_GAP, role, entity, _("Mean gap"), cells);
  /* Translators: the row with the percentage of people who meet the
   * requirement; not a format string. */
  /* xgettext:no-c-format */
  trellis_people_map_add_aggregate_row (self, TRELLIS_ITEM_AGGREGATE_MEETING, role, entity, _("% meeting"), cells);
}

static void
trellis_gaps_map_compute_person (TrellisPeopleMap *self,
                                 guint             row,
                                 guint             column,
                                 TrellisCellInfo  *info,
                                 TrellisCellPaint *paint)
{
  TrellisGridMap *grid = (TrellisGridMap *) self;
  const TrellisCell *cell = trellis_people_map_person_cell (self, row, column, info, paint);
  gint gap;

  if (info->required == TRELLIS_LEVEL_NONE)
    {
      trellis_grid_map_not_required (grid, info, paint);
      if (cell->assessed != TRELLIS_LEVEL_NONE)
        info->flags |= TRELLIS_CELL_FLAG_NOT_REQUIRED;
      return;
    }
  if (cell->assessed == TRELLIS_LEVEL_NONE)
    {
      trellis_grid_map_hatched (grid, info, paint);
      return;
    }

  gap = info->required - cell->assessed;
  info->content = TRELLIS_CONTENT_VALUE;
  info->value = gap;
  trellis_grid_map_fill_gap (grid, paint, gap);
  if (paint != NULL)
    paint->text[0] = trellis_style_number (((TrellisMap *) self)->style, gap, FALSE);
}

static void
trellis_gaps_map_compute_total (TrellisPeopleMap           *self,
                                guint                       row,
                                const TrellisAggregateCell *a,
                                TrellisCellInfo            *info,
                                TrellisCellPaint           *paint)
{
  TrellisGridMap *grid = (TrellisGridMap *) self;

  info->count = a->agg.n_meeting;
  if (!trellis_people_map_aggregate_shown (self, a, info, paint))
    return;
  if (a->agg.n_assessed == 0)
    {
      trellis_grid_map_hatched (grid, info, paint);
      return;
    }

  info->content = TRELLIS_CONTENT_VALUE;
  if (trellis_axis_get_item (&((TrellisMap *) self)->rows, row)->kind == TRELLIS_ITEM_AGGREGATE_GAP)
    {
      info->value = a->agg.mean_gap;
      trellis_grid_map_fill_gap (grid, paint, a->agg.mean_gap);
      if (paint != NULL)
        paint->text[0] = a->mean_text;
    }
  else
    {
      info->value = 100.0 * a->agg.n_meeting / a->agg.n_people;
      trellis_grid_map_fill (grid, paint,
                             trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE,
                                                       trellis_palette_share_step (a->agg.n_meeting, a->agg.n_people)));
      if (paint != NULL)
        paint->text[0] = a->share_text;
    }
}

static char *
gap_phrase (gint gap)
{
  if (gap == 0)
    return g_strdup (_("meets the requirement"));
  if (gap > 0)
    /* Translators: a person's gap in the Gap heatmap view's tooltip and legend; %d is how many levels
     * below the requirement, e.g. “2 levels short”. */
    return g_strdup_printf (ngettext ("%d level short", "%d levels short", gap), gap);

  /* Translators: a line of a cell's tooltip in the Gap heatmap view; %d is how many levels above the
   * requirement, e.g. “1 level above the requirement”. */
  return g_strdup_printf (ngettext ("%d level above the requirement", "%d levels above the requirement", -gap), -gap);
}

static void
trellis_gaps_map_describe_person (TrellisPeopleMap      *people,
                                  guint                  row,
                                  guint                  column,
                                  const TrellisCellInfo *info,
                                  gboolean               tooltip,
                                  GPtrArray             *lines)
{
  TrellisMap *map = (TrellisMap *) people;
  const TrellisItem *r = trellis_axis_get_item (&map->rows, row);
  TrellisAssessment effective;
  gboolean assessed = trellis_people_map_get_assessment (people, row, column, &effective);

  if (r->role != TRELLIS_NO_ROLE)
    {
      TrellisEntity *role = trellis_axis_get_group (&map->rows, r->group)->entity;

      if (info->required != TRELLIS_LEVEL_NONE)
        {
          g_autofree char *level = trellis_grid_map_level_phrase ((TrellisGridMap *) people, info->required);
          /* Translators: the level a role requires, e.g. "Required by Agent: 3 (Proficient)". */
          trellis_grid_map_add_line (lines, g_strdup_printf (_("Required by %s: %s"), trellis_map_get_name (map, role), level));
        }
      else
        /* Translators: a line of a cell's tooltip in the Gap heatmap view; %s is a role, e.g. “Not
         * required by Service agent”. */
        trellis_grid_map_add_line (lines, g_strdup_printf (_("Not required by %s"), trellis_map_get_name (map, role)));
    }
  else
    trellis_grid_map_add_line (lines, g_strdup (_("Not required")));

  trellis_people_map_describe_assessed (people, assessed, &effective, lines);

  if (info->content == TRELLIS_CONTENT_VALUE)
    {
      g_autofree char *phrase = gap_phrase ((gint) info->value);
      /* Translators: e.g. "Gap: 2 levels short". */
      trellis_grid_map_add_line (lines, g_strdup_printf (_("Gap: %s"), phrase));
    }

  trellis_people_map_describe_wish_and_note (people, info, tooltip, assessed, &effective, lines);
}

static void
trellis_gaps_map_describe_total (TrellisPeopleMap           *self,
                                 guint                       row,
                                 const TrellisAggregateCell *a,
                                 const TrellisCellInfo      *info,
                                 GPtrArray                  *lines)
{
  g_autofree char *mean = NULL;

  if (trellis_axis_get_item (&((TrellisMap *) self)->rows, row)->kind != TRELLIS_ITEM_AGGREGATE_GAP)
    {
      /* Translators: how many of how many people meet a requirement, and the percentage. */
      trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("%u of %u person meets the requirement (%.0f%%)",
                                                                   "%u of %u people meet the requirement (%.0f%%)",
                                                                   info->total),
                                                         info->count, info->total, info->value));
      return;
    }

  mean = trellis_format_number (info->value, 1, FALSE);
  /* Translators: the mean gap, then how many of how many people were assessed. */
  trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("Mean gap %s, over %u assessed of %u person",
                                                               "Mean gap %s, over %u assessed of %u people",
                                                               info->total),
                                                     mean, a->agg.n_assessed, info->total));
}

static void
trellis_gaps_map_add_legend (TrellisMap *map)
{
  const TrellisThemeColors *colors = map->colors;

  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HEADING, NULL, NULL, _("Gap: required level − assessed level"));
  trellis_legend_add_gap_steps (map->legend, map->style, FALSE);
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HATCH, &colors->hatch_background, NULL, _("not assessed"));
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_NOT_REQUIRED, &colors->not_required, NULL, _("not required"));
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_WANT, trellis_palette_gap_color (0), NULL,
                      _("wants to grow in it"));
  if (map->options->person == NULL)
    {
      trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HEADING, NULL, NULL,
                          _("Aggregate rows: the mean gap, and the percentage of people who meet the requirement"));
      trellis_legend_add_share_steps (map->legend, map->style);
    }
  trellis_grid_map_add_privacy_legend ((TrellisGridMap *) map);
}

static void
trellis_gaps_map_class_init (TrellisGapsMapClass *klass)
{
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);
  TrellisPeopleMapClass *people_class = TRELLIS_PEOPLE_MAP_CLASS (klass);

  map_class->name = "gaps";
  map_class->title = N_("Gap heatmap");
  map_class->flags = TRELLIS_MAP_SHOWS_ASSESSMENTS;
  map_class->add_legend = trellis_gaps_map_add_legend;

  people_class->compute_person = trellis_gaps_map_compute_person;
  people_class->describe_person = trellis_gaps_map_describe_person;
  people_class->counts = trellis_gaps_map_counts;
  people_class->aggregate = trellis_gaps_map_aggregate;
  people_class->add_aggregate_rows = trellis_gaps_map_add_aggregate_rows;
  people_class->compute_total = trellis_gaps_map_compute_total;
  people_class->describe_total = trellis_gaps_map_describe_total;
}

static void
trellis_gaps_map_init (TrellisGapsMap *self)
{
}
