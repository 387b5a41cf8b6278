/* trellis-coverage-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-coverage-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-grid-map-private.h"

/* Coverage: competencies × roles, each cell how many of the role's
 * people meet its requirement (met/people); a dot marks the role of a
 * single point of knowledge (and the row header says which competency),
 * a diamond a missed coverage target. Both are totals over people, kept
 * from the audience where they would give someone away. */

G_DECLARE_FINAL_TYPE (TrellisCoverageMap, trellis_coverage_map, TRELLIS, COVERAGE_MAP, TrellisGridMap)

struct _TrellisCoverageMap
{
  TrellisGridMap parent_instance;
};

G_DEFINE_FINAL_TYPE (TrellisCoverageMap, trellis_coverage_map, TRELLIS_TYPE_GRID_MAP)

static double
trellis_coverage_map_measure_cell (TrellisGridMap *grid)
{
  TrellisMap *map = (TrellisMap *) grid;
  /* Translators: the widest count of people meeting a requirement. */
  double widest = trellis_style_text_width (map->style, C_("coverage", "88/88"));

  return ceil (MAX (widest + trellis_grid_map_get_air (grid), map->cell_height * 1.4));
}

static gboolean
trellis_coverage_map_build_axes (TrellisGridMap  *grid,
                                 GError         **error)
{
  TrellisMap *map = (TrellisMap *) grid;
  TrellisRoster *roster = &grid->roster;
  guint n_comps = roster->n_at[TRELLIS_KIND_COMPETENCY];
  g_autoptr(GArray) roles = trellis_roster_filter_roles (roster);
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (n_comps, 1));
  gboolean filtered = trellis_roster_is_filtered (roster);

  for (guint k = 0; k < n_comps; k++)
    keep[k] = filtered ? trellis_grid_map_required_by (grid, roles, k) : TRUE;
  trellis_grid_map_add_grouped (grid, &map->rows, TRELLIS_KIND_COMPETENCY, TRELLIS_ITEM_COMPETENCY,
                                TRELLIS_KIND_VALUE, keep, _("No value"));

  /* That only one person reaches a level is a total over the team. */
  for (guint i = 0; i < map->rows.items->len && !trellis_roster_team_total_withheld (roster); i++)
    {
      TrellisItem *item = trellis_axis_get_item (&map->rows, i);

      if (trellis_analysis_is_single_point (map->analysis, item->index, NULL))
        item->marks |= TRELLIS_ITEM_MARK_SINGLE;
    }

  /* Columns: the roles that require any of the rows. */
  trellis_axis_begin_group (&map->columns, NULL, NULL);
  for (guint r = 0; r < roster->n_at[TRELLIS_KIND_ROLE]; r++)
    {
      TrellisEntity *role = trellis_roster_entity (roster, TRELLIS_KIND_ROLE, r);
      gboolean any = FALSE;
      TrellisItem *item;

      for (guint i = 0; i < map->rows.items->len && !any; i++)
        any = trellis_analysis_get_role_required (map->analysis, r, trellis_axis_get_item (&map->rows, i)->index) !=
              TRELLIS_LEVEL_NONE;
      if (role == NULL || (!any && filtered))
        continue;
      item = trellis_axis_add_item (&map->columns, TRELLIS_ITEM_ROLE, r, role, NULL);
      if (filtered && trellis_roles_contain (roles, r))
        item->marks |= TRELLIS_ITEM_MARK_FOCUS;
    }
  trellis_axis_end_group (&map->columns);

  /* Learn the cells' texts ("2/3") now. */
  trellis_grid_map_compute_all (grid);

  return TRUE;
}

static const TrellisTarget *
find_target (TrellisEntity *role,
             TrellisEntity *competency)
{
  GArray *targets = trellis_entity_get_array (role, TRELLIS_FIELD_TARGETS);
  const char *id = trellis_entity_get_id (competency);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const TrellisTarget *t = &g_array_index (targets, TrellisTarget, i);

      if (g_strcmp0 (t->competency, id) == 0)
        return t;
    }

  return NULL;
}

static guint16
fraction_text (TrellisStyle *style,
               guint         part,
               guint         whole)
{
  /* Translators: people meeting a requirement out of the role's people, e.g. "2/3". */
  g_autofree char *text = g_strdup_printf (C_("coverage", "%u/%u"), part, whole);

  return trellis_style_intern (style, text);
}

static void
trellis_coverage_map_compute_cell (TrellisGridMap   *grid,
                                   guint             row,
                                   guint             column,
                                   TrellisCellInfo  *info,
                                   TrellisCellPaint *paint)
{
  TrellisMap *map = (TrellisMap *) grid;
  const TrellisItem *r = trellis_axis_get_item (&map->rows, row);
  const TrellisItem *c = trellis_axis_get_item (&map->columns, column);
  guint role = c->index;
  guint comp = r->index;
  gint required = trellis_analysis_get_role_required (map->analysis, role, comp);
  guint members = grid->roster.role_members[role]->len;
  const TrellisTarget *target;
  guint single;
  guint meeting;

  info->required = required;
  info->total = members;
  if (required == TRELLIS_LEVEL_NONE)
    {
      trellis_grid_map_not_required (grid, info, paint);
      return;
    }
  if (trellis_roster_role_total_withheld (&grid->roster, role))
    {
      trellis_grid_map_suppressed (grid, info, paint);
      return;
    }

  meeting = trellis_analysis_get_meeting (map->analysis, role, comp, required);
  info->content = TRELLIS_CONTENT_VALUE;
  info->value = meeting;
  info->count = meeting;
  if (meeting == 0)
    info->flags |= TRELLIS_CELL_FLAG_NOBODY;

  target = find_target (c->entity, r->entity);
  if (target != NULL &&
      trellis_analysis_get_meeting (map->analysis, role, comp, target->level) < target->people)
    info->flags |= TRELLIS_CELL_FLAG_TARGET;

  if (!trellis_roster_team_total_withheld (&grid->roster) &&
      trellis_analysis_is_single_point (map->analysis, comp, &single) &&
      trellis_analysis_person_has_role (map->analysis, single, role))
    info->flags |= TRELLIS_CELL_FLAG_SINGLE;

  if (paint != NULL)
    {
      trellis_grid_map_fill (grid, paint, trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE,
                                                                    trellis_palette_count_step (meeting)));
      paint->text[0] = fraction_text (map->style, meeting, members);
      if (info->flags & TRELLIS_CELL_FLAG_TARGET)
        paint->marks |= TRELLIS_CELL_MARK_WARNING;
      if (info->flags & TRELLIS_CELL_FLAG_SINGLE)
        paint->marks |= TRELLIS_CELL_MARK_SINGLE;
    }
}

static void
trellis_coverage_map_describe_cell (TrellisGridMap        *grid,
                                    guint                  row,
                                    guint                  column,
                                    const TrellisCellInfo *info,
                                    gboolean               tooltip,
                                    GPtrArray             *lines)
{
  g_autofree char *level = NULL;

  if (info->content == TRELLIS_CONTENT_EMPTY)
    {
      trellis_grid_map_add_line (lines, g_strdup (_("Not required")));
      return;
    }
  if (info->content == TRELLIS_CONTENT_SUPPRESSED)
    {
      trellis_grid_map_add_line (lines, g_strdup (trellis_roster_withheld_reason (&grid->roster, TRUE)));
      return;
    }

  level = trellis_grid_map_level_phrase (grid, info->required);
  trellis_grid_map_add_line (lines, g_strdup_printf (_("Required: %s"), level));
  /* Translators: a line of a cell's tooltip in the Coverage view; the first %u is how many people meet
   * the requirement, the second how many it applies to, e.g. “2 of 5 people meet it”. */
  trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("%u of %u person meets it",
                                                               "%u of %u people meet it", info->total),
                                                     info->count, info->total));
  if (info->flags & TRELLIS_CELL_FLAG_SINGLE)
    trellis_grid_map_add_line (lines, g_strdup (_("Single point of knowledge: only one person reaches the highest required level")));
  if (info->flags & TRELLIS_CELL_FLAG_TARGET)
    trellis_grid_map_add_line (lines, g_strdup (_("Coverage target missed")));
}

static void
trellis_coverage_map_add_legend (TrellisMap *map)
{
  TrellisLegend *legend = map->legend;

  trellis_legend_add (legend, map->style, TRELLIS_SWATCH_HEADING, NULL, NULL,
                      _("People of the role who meet its requirement (of all its people)"));
  trellis_legend_add_count_steps (legend, map->style, TRELLIS_PALETTE_COVERAGE);
  trellis_legend_add (legend, map->style, TRELLIS_SWATCH_NOT_REQUIRED, &map->colors->not_required, NULL, _("not required"));
  trellis_legend_add (legend, map->style, TRELLIS_SWATCH_SINGLE, trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE, 1), NULL,
                      _("single point of knowledge: only one person reaches the highest required level"));
  trellis_legend_add (legend, map->style, TRELLIS_SWATCH_MANDATE, trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE, 1), NULL,
                      _("coverage target missed"));
  trellis_grid_map_add_privacy_legend ((TrellisGridMap *) map);
}

static void
trellis_coverage_map_class_init (TrellisCoverageMapClass *klass)
{
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);
  TrellisGridMapClass *grid_class = TRELLIS_GRID_MAP_CLASS (klass);

  map_class->name = "coverage";
  map_class->title = N_("Coverage");
  map_class->flags = TRELLIS_MAP_SHOWS_ASSESSMENTS;
  map_class->add_legend = trellis_coverage_map_add_legend;

  grid_class->measure_cell = trellis_coverage_map_measure_cell;
  grid_class->build_axes = trellis_coverage_map_build_axes;
  grid_class->compute_cell = trellis_coverage_map_compute_cell;
  grid_class->describe_cell = trellis_coverage_map_describe_cell;
}

static void
trellis_coverage_map_init (TrellisCoverageMap *self)
{
}
