/* trellis-people-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-people-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-people-map-private.h"

/* The rows and columns the gap heatmap, perception and trend share:
 * people grouped by role (a person with two roles is in both groups) ×
 * competencies grouped by their first value. In a role's group a cell
 * measures the person against what that role requires, the same measure
 * as the role's aggregate rows; people without a role are measured
 * against nothing. The team's aggregate rows measure each person against
 * the highest level any of their roles requires.
 *
 * Who is shown follows the audience (see trellis-roster.c): people the
 * audience may not see are in no row, and count only in totals that do
 * not give them away. */

G_DEFINE_ABSTRACT_TYPE (TrellisPeopleMap, trellis_people_map, TRELLIS_TYPE_GRID_MAP)

static inline TrellisRoster *
roster_of (TrellisPeopleMap *self)
{
  return &((TrellisGridMap *) self)->roster;
}

static gboolean
aggregate_withheld (TrellisPeopleMap           *self,
                    const TrellisAggregateCell *a)
{
  return a->withheld || trellis_roster_total_withheld (roster_of (self), a->behind, a->hidden);
}

/* The team's totals are shown beside the roles': taking the roles' totals
 * that are shown and the rows that are shown out of the team's leaves the
 * people not shown whom no shown role total covers. One or two of them,
 * and the team's total would give them away: it is withheld too. */
static void
withhold_team_differences (TrellisPeopleMap     *self,
                           TrellisAggregateCell *team)
{
  TrellisPeopleMapClass *klass = TRELLIS_PEOPLE_MAP_GET_CLASS (self);
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = roster_of (self);
  guint n_roles = roster->n_at[TRELLIS_KIND_ROLE];
  guint n_people = roster->n_at[TRELLIS_KIND_PERSON];
  g_autofree TrellisAggregateCell **role_cells = g_new0 (TrellisAggregateCell *, MAX (n_roles, 1));

  for (guint i = 0; i < map->rows.items->len; i++)
    {
      TrellisItem *item = trellis_axis_get_item (&map->rows, i);

      if (item->kind == TRELLIS_ITEM_AGGREGATE_GAP && item->index < n_roles)
        role_cells[item->index] = item->data;
    }

  for (guint c = 0; c < map->columns.items->len; c++)
    {
      const TrellisItem *col = trellis_axis_get_item (&map->columns, c);
      guint uncovered = 0;

      if (team[c].hidden == 0)
        continue;

      for (guint p = 0; p < n_people; p++)
        {
          gboolean covered = FALSE;

          if (trellis_roster_person_visible (roster, p) || !klass->counts (self, TRELLIS_TEAM_INDEX, p, col->index))
            continue;
          for (guint r = 0; r < n_roles && !covered; r++)
            covered = role_cells[r] != NULL &&
                      trellis_analysis_person_has_role (map->analysis, p, r) &&
                      klass->counts (self, r, p, col->index) &&
                      !aggregate_withheld (self, &role_cells[r][c]);
          if (!covered)
            uncovered++;
        }

      team[c].withheld = uncovered > 0 && uncovered < TRELLIS_PRIVACY_MINIMUM;
    }
}

/* The totals of a role's people (or the team's), column by column, in
 * the rows the view shows them in. */
static void
add_aggregates (TrellisPeopleMap *self,
                guint             role,
                TrellisEntity    *entity)
{
  TrellisPeopleMapClass *klass = TRELLIS_PEOPLE_MAP_GET_CLASS (self);
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = roster_of (self);
  guint n_cols = map->columns.items->len;
  TrellisAggregateCell *cells = g_new0 (TrellisAggregateCell, MAX (n_cols, 1));
  GArray *members = role != TRELLIS_TEAM_INDEX ? roster->role_members[role] : NULL;
  guint n = members != NULL ? members->len : roster->n_at[TRELLIS_KIND_PERSON];

  for (guint c = 0; c < n_cols; c++)
    {
      const TrellisItem *col = trellis_axis_get_item (&map->columns, c);
      TrellisAggregateCell *a = &cells[c];

      /* Who is behind the aggregate but not shown. */
      for (guint i = 0; i < n; i++)
        {
          guint p = members != NULL ? g_array_index (members, guint, i) : i;

          if (!trellis_roster_person_visible (roster, p) && klass->counts (self, role, p, col->index))
            a->hidden++;
        }

      klass->aggregate (self, role, col->index, a);
    }

  if (role == TRELLIS_TEAM_INDEX)
    withhold_team_differences (self, cells);

  g_ptr_array_add (self->aggregates, cells);
  klass->add_aggregate_rows (self, role, entity, cells);
}

/**
 * trellis_people_map_add_aggregate_row:
 * @self: a people map
 * @kind: %TRELLIS_ITEM_AGGREGATE_GAP or %TRELLIS_ITEM_AGGREGATE_MEETING
 * @role: the role, or %TRELLIS_TEAM_INDEX
 * @entity: (nullable): the role, or %NULL for the team
 * @label: the row's label
 * @cells: the totals it shows, owned by @self
 *
 * Adds a row of totals, in italics.
 */
void
trellis_people_map_add_aggregate_row (TrellisPeopleMap     *self,
                                      TrellisItemKind       kind,
                                      guint                 role,
                                      TrellisEntity        *entity,
                                      const char           *label,
                                      TrellisAggregateCell *cells)
{
  TrellisItem *item = trellis_axis_add_item (&((TrellisMap *) self)->rows, kind, role, entity, label);

  item->data = cells;
  item->marks |= TRELLIS_ITEM_MARK_AGGREGATE;
}

/* How many people the view leaves out, each once however many roles
 * they have: the subtitle says so. */
static void
count_not_shown (TrellisPeopleMap *self,
                 const gboolean   *not_shown)
{
  TrellisMap *map = (TrellisMap *) self;

  map->n_not_shown = 0;
  for (guint p = 0; p < roster_of (self)->n_at[TRELLIS_KIND_PERSON]; p++)
    map->n_not_shown += not_shown[p] ? 1 : 0;
}

/* Columns: a role's competencies, or a person's (required or assessed),
 * or all. */
static void
add_columns (TrellisPeopleMap *self,
             GArray           *roles,
             gint              person)
{
  TrellisGridMap *grid = (TrellisGridMap *) self;
  TrellisMap *map = (TrellisMap *) self;
  guint n_comps = roster_of (self)->n_at[TRELLIS_KIND_COMPETENCY];
  g_autofree gboolean *keep = NULL;

  if (trellis_roster_is_filtered (roster_of (self)))
    {
      keep = g_new0 (gboolean, MAX (n_comps, 1));
      for (guint k = 0; k < n_comps; k++)
        {
          keep[k] = trellis_grid_map_required_by (grid, roles, k);
          if (person >= 0 && !keep[k])
            keep[k] = trellis_analysis_get_cell (map->analysis, person, k)->assessed != TRELLIS_LEVEL_NONE;
        }
    }
  trellis_grid_map_add_grouped (grid, &map->columns, TRELLIS_KIND_COMPETENCY, TRELLIS_ITEM_COMPETENCY,
                                TRELLIS_KIND_VALUE, keep, _("No value"));
}

/* One person: a row in each of their roles. */
static void
add_person_rows (TrellisPeopleMap *self,
                 GArray           *roles,
                 guint             person)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisEntity *entity = trellis_roster_entity (roster_of (self), TRELLIS_KIND_PERSON, person);

  for (guint i = 0; i < roles->len; i++)
    {
      guint r = g_array_index (roles, guint, i);
      TrellisEntity *role = trellis_roster_entity (roster_of (self), TRELLIS_KIND_ROLE, r);

      trellis_axis_begin_group (&map->rows, role, trellis_map_get_name ((TrellisMap *) map, role));
      trellis_axis_add_item (&map->rows, TRELLIS_ITEM_PERSON, person, entity, NULL)->role = r;
      trellis_axis_end_group (&map->rows);
    }
  if (roles->len == 0)
    {
      trellis_axis_begin_group (&map->rows, NULL, _("No role"));
      trellis_axis_add_item (&map->rows, TRELLIS_ITEM_PERSON, person, entity, NULL);
      trellis_axis_end_group (&map->rows);
    }
}

/* Each role's people the audience may see, then its totals. */
static void
add_role_rows (TrellisPeopleMap *self,
               GArray           *roles,
               gboolean          aggregates,
               gboolean         *not_shown)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = roster_of (self);

  for (guint r = 0; r < roster->n_at[TRELLIS_KIND_ROLE]; r++)
    {
      TrellisEntity *role = trellis_roster_entity (roster, TRELLIS_KIND_ROLE, r);
      GArray *members = roster->role_members[r];

      if (role == NULL)
        continue;
      if (map->options->role != NULL ? !trellis_roles_contain (roles, r) : members->len == 0)
        continue;

      trellis_axis_begin_group (&map->rows, role, trellis_map_get_name ((TrellisMap *) map, role));
      for (guint m = 0; m < members->len; m++)
        {
          guint p = g_array_index (members, guint, m);
          TrellisEntity *entity = trellis_roster_entity (roster, TRELLIS_KIND_PERSON, p);

          if (entity == NULL)
            continue;
          if (!trellis_roster_person_visible (roster, p))
            {
              not_shown[p] = TRUE;
              continue;
            }
          trellis_axis_add_item (&map->rows, TRELLIS_ITEM_PERSON, p, entity, NULL)->role = r;
        }
      if (aggregates)
        add_aggregates (self, r, role);
      trellis_axis_end_group (&map->rows);
    }
}

/* People without a role the audience may see. */
static void
add_roleless_rows (TrellisPeopleMap *self,
                   gboolean         *not_shown)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = roster_of (self);

  trellis_axis_begin_group (&map->rows, NULL, _("No role"));
  for (guint p = 0; p < roster->n_at[TRELLIS_KIND_PERSON]; p++)
    {
      TrellisEntity *entity = trellis_roster_entity (roster, TRELLIS_KIND_PERSON, p);
      gboolean has_role = FALSE;

      for (guint r = 0; r < roster->n_at[TRELLIS_KIND_ROLE] && !has_role; r++)
        has_role = trellis_analysis_person_has_role (map->analysis, p, r);
      if (entity == NULL || has_role)
        continue;
      if (trellis_roster_person_visible (roster, p))
        trellis_axis_add_item (&map->rows, TRELLIS_ITEM_PERSON, p, entity, NULL);
      else
        not_shown[p] = TRUE;
    }
  trellis_axis_end_group (&map->rows);
}

static gboolean
trellis_people_map_build_axes (TrellisGridMap  *grid,
                               GError         **error)
{
  TrellisPeopleMap *self = (TrellisPeopleMap *) grid;
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = roster_of (self);
  const TrellisRenderOptions *o = map->options;
  g_autoptr(GArray) roles = trellis_roster_filter_roles (roster);
  gboolean aggregates = TRELLIS_PEOPLE_MAP_GET_CLASS (self)->aggregate != NULL && o->person == NULL;
  gint person = o->person != NULL ? trellis_roster_index_of_id (roster, o->person, TRELLIS_KIND_PERSON) : -1;
  g_autofree gboolean *not_shown = g_new0 (gboolean, MAX (roster->n_at[TRELLIS_KIND_PERSON], 1));

  add_columns (self, roles, person);

  if (person >= 0)
    {
      add_person_rows (self, roles, person);
      return TRUE;
    }

  add_role_rows (self, roles, aggregates, not_shown);
  if (o->role != NULL)
    {
      count_not_shown (self, not_shown);
      return TRUE;
    }

  add_roleless_rows (self, not_shown);
  count_not_shown (self, not_shown);

  if (aggregates)
    {
      trellis_axis_begin_group (&map->rows, NULL, _("Team"));
      add_aggregates (self, TRELLIS_TEAM_INDEX, NULL);
      trellis_axis_end_group (&map->rows);
    }

  return TRUE;
}

/* Gaps, the means and shares of the aggregate rows, changes. */
static double
trellis_people_map_measure_cell (TrellisGridMap *grid)
{
  TrellisMap *map = (TrellisMap *) grid;
  TrellisStyle *style = map->style;
  g_autofree char *mean = trellis_format_number (-8.8, 1, FALSE);
  g_autofree char *change = trellis_format_number (8.8, 1, TRUE);
  g_autofree char *gap = trellis_format_number (-8, 0, FALSE);
  double widest = MAX (MAX (trellis_style_text_width (style, mean), trellis_style_text_width (style, change)),
                       MAX (trellis_style_text_width (style, gap), trellis_style_text_width (style, "100")));

  return ceil (MAX (widest + trellis_grid_map_get_air (grid), map->cell_height * 1.2));
}

/**
 * trellis_people_map_person_cell:
 * @self: a people map
 * @row: a person's row
 * @column: a competency's column
 * @info: the cell's facts, where the levels and the wish to grow go
 * @paint: (nullable): how it is painted, where the wish's mark goes
 *
 * What every people view shows of a person's cell: the level the row's
 * role requires, the assessed level and its source, and the wish to
 * grow.
 *
 * Returns: the person's cell in the analysis
 */
const TrellisCell *
trellis_people_map_person_cell (TrellisPeopleMap *self,
                                guint             row,
                                guint             column,
                                TrellisCellInfo  *info,
                                TrellisCellPaint *paint)
{
  TrellisMap *map = (TrellisMap *) self;
  const TrellisItem *r = trellis_axis_get_item (&map->rows, row);
  const TrellisItem *c = trellis_axis_get_item (&map->columns, column);
  const TrellisCell *cell = trellis_analysis_get_cell (map->analysis, r->index, c->index);

  info->required = r->role != TRELLIS_NO_ROLE ?
    trellis_analysis_get_role_required (map->analysis, r->role, c->index) : TRELLIS_LEVEL_NONE;
  info->assessed = cell->assessed;
  info->source = cell->source;
  if (cell->want)
    {
      info->flags |= TRELLIS_CELL_FLAG_WANT;
      if (paint != NULL)
        paint->marks |= TRELLIS_CELL_MARK_WANT;
    }

  return cell;
}

/**
 * trellis_people_map_aggregate_shown:
 * @self: a people map
 * @cell: a total
 * @info: its cell's facts; the total goes in
 * @paint: (nullable): how it is painted
 *
 * A total over nobody is not required; one from which the people not
 * shown could be worked out, one or two of them, by taking away the rows
 * or the other totals that are shown is withheld, as is, in a workshop,
 * one over fewer than three people. Both are painted here.
 *
 * Returns: whether the total is shown
 */
gboolean
trellis_people_map_aggregate_shown (TrellisPeopleMap           *self,
                                    const TrellisAggregateCell *cell,
                                    TrellisCellInfo            *info,
                                    TrellisCellPaint           *paint)
{
  info->total = cell->agg.n_people;

  if (cell->agg.n_people == 0)
    {
      trellis_grid_map_not_required ((TrellisGridMap *) self, info, paint);
      return FALSE;
    }
  if (aggregate_withheld (self, cell))
    {
      trellis_grid_map_suppressed ((TrellisGridMap *) self, info, paint);
      return FALSE;
    }

  return TRUE;
}

/* The assessment that counts for a person's cell. */
gboolean
trellis_people_map_get_assessment (TrellisPeopleMap  *self,
                                   guint              row,
                                   guint              column,
                                   TrellisAssessment *effective)
{
  TrellisMap *map = (TrellisMap *) self;
  const TrellisItem *r = trellis_axis_get_item (&map->rows, row);
  const TrellisItem *c = trellis_axis_get_item (&map->columns, column);

  return trellis_document_get_effective (map->document, TRELLIS_PERSON (r->entity),
                                         trellis_entity_get_id (c->entity), effective);
}

void
trellis_people_map_describe_assessed (TrellisPeopleMap        *self,
                                      gboolean                 assessed,
                                      const TrellisAssessment *effective,
                                      GPtrArray               *lines)
{
  g_autofree char *level = NULL;
  char date[11];

  if (!assessed)
    {
      trellis_grid_map_add_line (lines, g_strdup (_("Not assessed")));
      return;
    }

  level = trellis_grid_map_level_phrase ((TrellisGridMap *) self, effective->level);
  /* Translators: level, who assessed it, and when, e.g. "Assessed: 3 (Proficient), Coach, 2026-11-21". */
  trellis_grid_map_add_line (lines, g_strdup_printf (_("Assessed: %s, %s, %s"), level,
                                                     trellis_source_get_label (effective->source),
                                                     trellis_date_format (effective->date, date)));
}

/* The wish to grow, and in a tooltip the assessment's note. */
void
trellis_people_map_describe_wish_and_note (TrellisPeopleMap        *self,
                                           const TrellisCellInfo   *info,
                                           gboolean                 tooltip,
                                           gboolean                 assessed,
                                           const TrellisAssessment *effective,
                                           GPtrArray               *lines)
{
  if (info->flags & TRELLIS_CELL_FLAG_WANT)
    trellis_grid_map_add_line (lines, g_strdup (_("Wants to grow in it")));

  if (tooltip && assessed && effective->note != NULL && effective->note[0] != '\0')
    /* Translators: the note of an assessment. */
    trellis_grid_map_add_line (lines, g_strdup_printf (_("Note: %s"), effective->note));
}

/* A person's cell, or a total's. */
static void
trellis_people_map_compute_cell (TrellisGridMap   *grid,
                                 guint             row,
                                 guint             column,
                                 TrellisCellInfo  *info,
                                 TrellisCellPaint *paint)
{
  TrellisPeopleMap *self = (TrellisPeopleMap *) grid;
  TrellisPeopleMapClass *klass = TRELLIS_PEOPLE_MAP_GET_CLASS (self);
  const TrellisItem *r = trellis_axis_get_item (&((TrellisMap *) self)->rows, row);

  if (r->kind == TRELLIS_ITEM_PERSON)
    klass->compute_person (self, row, column, info, paint);
  else
    klass->compute_total (self, row, &((const TrellisAggregateCell *) r->data)[column], info, paint);
}

/* Says why an aggregate cell shows no total, if it shows none; FALSE
 * when it shows a total. */
static gboolean
describe_no_total (TrellisPeopleMap      *self,
                   const TrellisCellInfo *info,
                   GPtrArray             *lines)
{
  switch (info->content)
    {
    case TRELLIS_CONTENT_SUPPRESSED:
      trellis_grid_map_add_line (lines, g_strdup (trellis_roster_withheld_reason (roster_of (self), TRUE)));
      return TRUE;
    case TRELLIS_CONTENT_EMPTY:
      trellis_grid_map_add_line (lines, g_strdup (_("Not required")));
      return TRUE;
    case TRELLIS_CONTENT_NOT_ASSESSED:
      /* Translators: a line of a cell's tooltip in the People view; %u is how many people the
       * competency is required of, e.g. 4. */
      trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("Required of %u person, nobody assessed yet",
                                                                   "Required of %u people, nobody assessed yet",
                                                                   info->total),
                                                         info->total));
      return TRUE;
    case TRELLIS_CONTENT_NEW:
      trellis_grid_map_add_line (lines, g_strdup (_("Nobody was assessed on both dates")));
      return TRUE;
    case TRELLIS_CONTENT_VALUE:
    case TRELLIS_CONTENT_ASSIGNMENT:
    case TRELLIS_CONTENT_PERSPECTIVES:
    default:
      return FALSE;
    }
}

static void
trellis_people_map_describe_cell (TrellisGridMap        *grid,
                                  guint                  row,
                                  guint                  column,
                                  const TrellisCellInfo *info,
                                  gboolean               tooltip,
                                  GPtrArray             *lines)
{
  TrellisPeopleMap *self = (TrellisPeopleMap *) grid;
  TrellisPeopleMapClass *klass = TRELLIS_PEOPLE_MAP_GET_CLASS (self);
  const TrellisItem *r = trellis_axis_get_item (&((TrellisMap *) self)->rows, row);

  if (r->kind == TRELLIS_ITEM_PERSON)
    klass->describe_person (self, row, column, info, tooltip, lines);
  else if (!describe_no_total (self, info, lines))
    klass->describe_total (self, row, &((const TrellisAggregateCell *) r->data)[column], info, lines);
}

static void
trellis_people_map_finalize (GObject *object)
{
  TrellisPeopleMap *self = (TrellisPeopleMap *) object;

  g_clear_pointer (&self->aggregates, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_people_map_parent_class)->finalize (object);
}

static void
trellis_people_map_class_init (TrellisPeopleMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisGridMapClass *grid_class = TRELLIS_GRID_MAP_CLASS (klass);

  object_class->finalize = trellis_people_map_finalize;

  grid_class->measure_cell = trellis_people_map_measure_cell;
  grid_class->build_axes = trellis_people_map_build_axes;
  grid_class->compute_cell = trellis_people_map_compute_cell;
  grid_class->describe_cell = trellis_people_map_describe_cell;
}

static void
trellis_people_map_init (TrellisPeopleMap *self)
{
  self->aggregates = g_ptr_array_new_with_free_func (g_free);
}
