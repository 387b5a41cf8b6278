/* trellis-layout-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-layout-private.h"

/* The grid views: which rows and columns each has, and what each cell
 * holds. The rules:
 *
 * - Gap heatmap: people grouped by role (a person with two roles is in
 *   both groups), competencies grouped by their first value. In a role's
 *   group a cell compares the person with what that role requires, the
 *   same measure as the role's aggregate rows; people without a role are
 *   measured against nothing. The team's aggregate rows measure each
 *   person against the highest level any of their roles requires.
 * - Who is shown follows the audience. For a coach (the default), people
 *   who share with their coach or the team; in a workshop, only people who
 *   share with the team; a view narrowed to one person shows that person.
 *   The others count only in totals that do not give them away: none with
 *   one or two people behind it who are not shown (taking the rows that
 *   are shown out of the total would leave theirs, or, for the team's
 *   total, taking out the roles' totals that are shown too), and in a
 *   workshop none over fewer than three people at all. Totals are the aggregate rows,
 *   coverage, who can carry a responsibility, a single point of knowledge
 *   and a mandate above ability.
 * - Everything comes from the analysis; the layout only reads it, except
 *   for the perspectives of the perception view, which the analysis does
 *   not keep per source: those are read from the document, one row at a
 *   time, the first time the row is needed. */

#define PRIVACY_MINIMUM 3

static inline TrellisEntity *
entity_at (TrellisLayout *self,
           TrellisKind    kind,
           guint          index)
{
  return index < self->n_at[kind] ? self->entity_at[kind][index] : NULL;
}

/* Whether the audience may see a person: their own choice, or a view
 * narrowed to them. */
static gboolean
audience_may_see (TrellisLayout *self,
                  TrellisEntity *person)
{
  TrellisShare share = trellis_entity_get_int (person, TRELLIS_FIELD_SHARE);

  if (self->options->person != NULL && g_strcmp0 (self->options->person, trellis_entity_get_id (person)) == 0)
    return TRUE;

  switch (self->options->audience)
    {
    case TRELLIS_AUDIENCE_COACH:
      return share == TRELLIS_SHARE_COACH || share == TRELLIS_SHARE_TEAM;
    case TRELLIS_AUDIENCE_WORKSHOP:
    case TRELLIS_N_AUDIENCES:
    default:
      return share == TRELLIS_SHARE_TEAM;
    }
}

static gboolean
person_visible (TrellisLayout *self,
                guint          person)
{
  return person < self->n_at[TRELLIS_KIND_PERSON] && self->shown[person];
}

/* Whether a total over behind people, hidden of whom are not shown, must
 * be withheld (see the top of this file). */
static gboolean
total_withheld (TrellisLayout *self,
                guint          behind,
                guint          hidden)
{
  if (hidden > 0 && hidden < PRIVACY_MINIMUM)
    return TRUE;

  return self->options->audience == TRELLIS_AUDIENCE_WORKSHOP && behind < PRIVACY_MINIMUM;
}

/* The same for a total over the whole team. */
static gboolean
team_total_withheld (TrellisLayout *self)
{
  return total_withheld (self, self->n_at[TRELLIS_KIND_PERSON], self->team_hidden);
}

static gboolean
role_total_withheld (TrellisLayout *self,
                     guint          role)
{
  return total_withheld (self, self->role_members[role]->len, self->role_hidden[role]);
}

static gint
index_of (TrellisLayout *self,
          TrellisEntity *entity)
{
  return entity != NULL ? trellis_analysis_get_index (self->analysis, entity) : -1;
}

static gint
index_of_id (TrellisLayout *self,
             const char    *id,
             TrellisKind    kind)
{
  TrellisEntity *entity = id != NULL ? trellis_document_lookup (self->document, id) : NULL;

  if (entity == NULL || trellis_entity_get_kind (entity) != kind)
    return -1;

  return index_of (self, entity);
}

/* The analysis is a snapshot: look its entities up by index once. */
static void
index_entities (TrellisLayout *self)
{
  static const TrellisKind kinds[] = {
    TRELLIS_KIND_PERSON, TRELLIS_KIND_COMPETENCY, TRELLIS_KIND_ROLE, TRELLIS_KIND_RESPONSIBILITY,
  };
  TrellisAnalysis *a = self->analysis;

  self->n_at[TRELLIS_KIND_PERSON] = trellis_analysis_get_n_people (a);
  self->n_at[TRELLIS_KIND_COMPETENCY] = trellis_analysis_get_n_competencies (a);
  self->n_at[TRELLIS_KIND_ROLE] = trellis_analysis_get_n_roles (a);
  self->n_at[TRELLIS_KIND_RESPONSIBILITY] = trellis_analysis_get_n_responsibilities (a);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      TrellisKind kind = kinds[k];
      guint n = trellis_document_get_n_items (self->document, kind);

      self->entity_at[kind] = g_new0 (TrellisEntity *, MAX (self->n_at[kind], 1));
      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *e = trellis_document_get_item (self->document, kind, i);
          gint idx = index_of (self, e);

          if (idx >= 0 && (guint) idx < self->n_at[kind])
            self->entity_at[kind][idx] = e;
        }
    }
}

static void
compute_members (TrellisLayout *self)
{
  guint n_roles = self->n_at[TRELLIS_KIND_ROLE];
  guint n_people = self->n_at[TRELLIS_KIND_PERSON];

  self->role_members = g_new0 (GArray *, MAX (n_roles, 1));
  self->role_hidden = g_new0 (guint, MAX (n_roles, 1));
  for (guint r = 0; r < n_roles; r++)
    self->role_members[r] = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Who may be shown; everyone else counts only in totals. */
  self->shown = g_new0 (gboolean, MAX (n_people, 1));
  for (guint p = 0; p < n_people; p++)
    {
      TrellisEntity *person = entity_at (self, TRELLIS_KIND_PERSON, p);

      self->shown[p] = person != NULL && audience_may_see (self, person);
      if (person != NULL && !self->shown[p])
        self->team_hidden++;
    }

  for (guint p = 0; p < n_people; p++)
    {
      TrellisEntity *person = entity_at (self, TRELLIS_KIND_PERSON, p);
      const char **roles = person != NULL ? trellis_entity_get_strv (person, TRELLIS_FIELD_ROLES) : NULL;

      for (guint k = 0; roles != NULL && roles[k] != NULL; k++)
        {
          gint r = index_of_id (self, roles[k], TRELLIS_KIND_ROLE);

          if (r >= 0 && !trellis_analysis_person_has_role (self->analysis, p, r))
            continue;
          if (r >= 0)
            {
              GArray *members = self->role_members[r];

              /* A role named twice counts once. */
              if (members->len == 0 || g_array_index (members, guint, members->len - 1) != p)
                {
                  g_array_append_val (members, p);
                  if (!self->shown[p])
                    self->role_hidden[r]++;
                }
            }
        }
    }
}

/* The roles a filter names: the role, or the person's roles. */
static GArray *
filter_roles (TrellisLayout *self)
{
  GArray *roles = g_array_new (FALSE, FALSE, sizeof (guint));
  const TrellisRenderOptions *o = self->options;

  if (o->role != NULL)
    {
      gint r = index_of_id (self, o->role, TRELLIS_KIND_ROLE);

      if (r >= 0)
        g_array_append_val (roles, r);
    }
  else if (o->person != NULL)
    {
      gint p = index_of_id (self, o->person, TRELLIS_KIND_PERSON);

      for (guint r = 0; p >= 0 && r < self->n_at[TRELLIS_KIND_ROLE]; r++)
        {
          if (trellis_analysis_person_has_role (self->analysis, p, r))
            g_array_append_val (roles, r);
        }
    }

  return roles;
}

static gboolean
role_in (GArray *roles,
         guint   role)
{
  for (guint i = 0; i < roles->len; i++)
    {
      if (g_array_index (roles, guint, i) == role)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_filtered (TrellisLayout *self)
{
  return self->options->role != NULL || self->options->person != NULL;
}

/* Entities grouped by a reference field (a competency's first value, a
 * responsibility's result), in document order; keep[] (by analysis
 * index) selects, or NULL for all. */
static void
add_grouped (TrellisLayout   *self,
             Axis            *axis,
             TrellisKind      kind,
             TrellisItemKind  item_kind,
             TrellisKind      group_kind,
             const gboolean  *keep,
             const char      *ungrouped)
{
  guint n_groups = trellis_document_get_n_items (self->document, group_kind);
  guint n = self->n_at[kind];
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));
  g_autofree const char **first = g_new0 (const char *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *e = entity_at (self, kind, i);
      TrellisEntity *g;
      const char *id = NULL;

      if (e == NULL)
        continue;

      if (group_kind == TRELLIS_KIND_VALUE)
        {
          const char **values = trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES);
          id = values != NULL ? values[0] : NULL;
        }
      else
        id = trellis_entity_get_string (e, TRELLIS_FIELD_RESULT);

      g = id != NULL ? trellis_document_lookup (self->document, id) : NULL;
      first[i] = g != NULL && trellis_entity_get_kind (g) == group_kind ? trellis_entity_get_id (g) : NULL;
    }

  for (guint v = 0; v <= n_groups; v++)
    {
      TrellisEntity *group = v < n_groups ? trellis_document_get_item (self->document, group_kind, v) : NULL;
      const char *group_id = group != NULL ? trellis_entity_get_id (group) : NULL;

      axis_begin_group (axis, group, group != NULL ? trellis_entity_get_name (group) : ungrouped);
      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *e = entity_at (self, kind, i);

          if (e == NULL || placed[i] || (keep != NULL && !keep[i]))
            continue;
          if (g_strcmp0 (first[i], group_id) != 0)
            continue;

          placed[i] = TRUE;
          axis_add_item (axis, item_kind, i, e, NULL);
        }
      axis_end_group (axis);
    }
}

static Item *
last_item (Axis *axis)
{
  return &g_array_index (axis->items, Item, axis->items->len - 1);
}

/* Whether person p counts in the aggregate of role (or TEAM_INDEX) over
 * the competency at column index. */
static gboolean
counted_in_aggregate (TrellisLayout *self,
                      guint          role,
                      guint          p,
                      guint          competency)
{
  const TrellisCell *cell = trellis_analysis_get_cell (self->analysis, p, competency);

  if (self->options->view == TRELLIS_VIEW_TREND)
    return cell->assessed != TRELLIS_LEVEL_NONE &&
           trellis_analysis_get_cell (self->before, p, competency)->assessed != TRELLIS_LEVEL_NONE;
  if (role != TEAM_INDEX)
    return trellis_analysis_get_role_required (self->analysis, role, competency) != TRELLIS_LEVEL_NONE;
  return cell->required != TRELLIS_LEVEL_NONE;
}

static gboolean
aggregate_withheld (TrellisLayout *self,
                    const AggCell *a)
{
  guint behind = self->options->view == TRELLIS_VIEW_TREND ? a->agg.n_assessed : a->agg.n_people;

  return a->withheld || total_withheld (self, behind, a->hidden);
}

/* The team's totals are shown beside the roles': taking the roles' totals
 * that are shown and the rows that are shown out of the team's leaves the
 * people not shown whom no shown role total covers. One or two of them,
 * and the team's total would give them away: it is withheld too. */
static void
withhold_team_differences (TrellisLayout *self,
                           AggCell       *team)
{
  guint n_roles = self->n_at[TRELLIS_KIND_ROLE];
  guint n_people = self->n_at[TRELLIS_KIND_PERSON];
  g_autofree AggCell **role_cells = g_new0 (AggCell *, MAX (n_roles, 1));

  for (guint i = 0; i < self->rows.items->len; i++)
    {
      Item *item = trellis_layout_row_item (self, i);

      if (item->kind == TRELLIS_ITEM_AGGREGATE_GAP && item->index < n_roles)
        role_cells[item->index] = item->data;
    }

  for (guint c = 0; c < self->columns.items->len; c++)
    {
      const Item *col = trellis_layout_column_item (self, c);
      guint uncovered = 0;

      if (team[c].hidden == 0)
        continue;

      for (guint p = 0; p < n_people; p++)
        {
          gboolean covered = FALSE;

          if (person_visible (self, p) || !counted_in_aggregate (self, TEAM_INDEX, p, col->index))
            continue;
          for (guint r = 0; r < n_roles && !covered; r++)
            covered = role_cells[r] != NULL &&
                      trellis_analysis_person_has_role (self->analysis, p, r) &&
                      counted_in_aggregate (self, r, p, col->index) &&
                      !aggregate_withheld (self, &role_cells[r][c]);
          if (!covered)
            uncovered++;
        }

      team[c].withheld = uncovered > 0 && uncovered < PRIVACY_MINIMUM;
    }
}

static void
add_aggregate_rows (TrellisLayout *self,
                    guint          role,
                    TrellisEntity *entity)
{
  guint n_cols = self->columns.items->len;
  AggCell *cells = g_new0 (AggCell, MAX (n_cols, 1));
  gboolean trend = self->options->view == TRELLIS_VIEW_TREND;
  GArray *members = role != TEAM_INDEX ? self->role_members[role] : NULL;
  guint n_people = self->n_at[TRELLIS_KIND_PERSON];

  for (guint c = 0; c < n_cols; c++)
    {
      const Item *col = trellis_layout_column_item (self, c);
      AggCell *a = &cells[c];
      guint n = members != NULL ? members->len : n_people;

      /* Who is behind the aggregate but not shown. */
      for (guint i = 0; i < n; i++)
        {
          guint p = members != NULL ? g_array_index (members, guint, i) : i;

          if (!person_visible (self, p) && counted_in_aggregate (self, role, p, col->index))
            a->hidden++;
        }

      if (trend)
        {
          double sum = 0;

          a->agg.mean_gap = NAN;
          for (guint i = 0; i < n; i++)
            {
              guint p = members != NULL ? g_array_index (members, guint, i) : i;
              const TrellisCell *now = trellis_analysis_get_cell (self->analysis, p, col->index);
              const TrellisCell *then = trellis_analysis_get_cell (self->before, p, col->index);

              if (now->assessed == TRELLIS_LEVEL_NONE)
                continue;
              a->agg.n_people++;
              if (then->assessed == TRELLIS_LEVEL_NONE)
                continue;
              a->agg.n_assessed++;
              sum += now->assessed - then->assessed;
            }
          if (a->agg.n_assessed > 0)
            {
              g_autofree char *text = NULL;

              a->agg.mean_gap = sum / a->agg.n_assessed;
              text = trellis_format_number (a->agg.mean_gap, 1, TRUE);
              a->mean_text = trellis_layout_intern_text (self, text);
            }
          continue;
        }

      if (role != TEAM_INDEX)
        trellis_analysis_aggregate_role (self->analysis, role, col->index, &a->agg);
      else
        trellis_analysis_aggregate_team (self->analysis, col->index, &a->agg);

      if (a->agg.n_assessed > 0)
        {
          g_autofree char *mean = trellis_format_number (a->agg.mean_gap, 1, FALSE);
          g_autofree char *share = g_strdup_printf ("%u", (guint) floor (100.0 * a->agg.n_meeting / a->agg.n_people + 0.5));

          a->mean_text = trellis_layout_intern_text (self, mean);
          a->share_text = trellis_layout_intern_text (self, share);
        }
    }

  if (role == TEAM_INDEX)
    withhold_team_differences (self, cells);

  g_ptr_array_add (self->agg_rows, cells);

  axis_add_item (&self->rows, TRELLIS_ITEM_AGGREGATE_GAP, role, entity,
                 trend ? _("Mean change") : _("Mean gap"));
  last_item (&self->rows)->data = cells;
  last_item (&self->rows)->marks |= ITEM_MARK_AGGREGATE;

  if (!trend)
    {
      /* Translators: the row with the percentage of people who meet the
       * requirement; not a format string. */
      /* xgettext:no-c-format */
      axis_add_item (&self->rows, TRELLIS_ITEM_AGGREGATE_MEETING, role, entity, _("% meeting"));
      last_item (&self->rows)->data = cells;
      last_item (&self->rows)->marks |= ITEM_MARK_AGGREGATE;
    }
}

/* How many people the view leaves out, each once however many roles
 * they have: the subtitle says so. */
static void
count_not_shown (TrellisLayout  *self,
                 const gboolean *not_shown)
{
  self->n_not_shown = 0;
  for (guint p = 0; p < self->n_at[TRELLIS_KIND_PERSON]; p++)
    self->n_not_shown += not_shown[p] ? 1 : 0;
}

/* Gap heatmap, perception and trend share their rows and columns. */
static void
build_people_view (TrellisLayout *self)
{
  const TrellisRenderOptions *o = self->options;
  TrellisAnalysis *a = self->analysis;
  guint n_comps = self->n_at[TRELLIS_KIND_COMPETENCY];
  guint n_roles = self->n_at[TRELLIS_KIND_ROLE];
  guint n_people = self->n_at[TRELLIS_KIND_PERSON];
  g_autofree gboolean *keep = NULL;
  g_autoptr(GArray) roles = filter_roles (self);
  gboolean aggregates = o->view != TRELLIS_VIEW_PERCEPTION && o->person == NULL;
  gint person = o->person != NULL ? index_of_id (self, o->person, TRELLIS_KIND_PERSON) : -1;
  g_autofree gboolean *not_shown = g_new0 (gboolean, MAX (n_people, 1));

  /* Columns: a role's competencies, or a person's (required or assessed). */
  if (is_filtered (self))
    {
      keep = g_new0 (gboolean, MAX (n_comps, 1));
      for (guint k = 0; k < n_comps; k++)
        {
          for (guint i = 0; i < roles->len && !keep[k]; i++)
            keep[k] = trellis_analysis_get_role_required (a, g_array_index (roles, guint, i), k) != TRELLIS_LEVEL_NONE;
          if (person >= 0 && !keep[k])
            keep[k] = trellis_analysis_get_cell (a, person, k)->assessed != TRELLIS_LEVEL_NONE;
        }
    }
  add_grouped (self, &self->columns, TRELLIS_KIND_COMPETENCY, TRELLIS_ITEM_COMPETENCY,
               TRELLIS_KIND_VALUE, keep, _("No value"));

  /* One person: a row in each of their roles. */
  if (person >= 0)
    {
      TrellisEntity *entity = entity_at (self, TRELLIS_KIND_PERSON, person);

      for (guint i = 0; i < roles->len; i++)
        {
          guint r = g_array_index (roles, guint, i);
          TrellisEntity *role = entity_at (self, TRELLIS_KIND_ROLE, r);

          axis_begin_group (&self->rows, role, trellis_entity_get_name (role));
          axis_add_item (&self->rows, TRELLIS_ITEM_PERSON, person, entity, NULL);
          last_item (&self->rows)->role = r;
          axis_end_group (&self->rows);
        }
      if (roles->len == 0)
        {
          axis_begin_group (&self->rows, NULL, _("No role"));
          axis_add_item (&self->rows, TRELLIS_ITEM_PERSON, person, entity, NULL);
          axis_end_group (&self->rows);
        }
      return;
    }

  for (guint r = 0; r < n_roles; r++)
    {
      TrellisEntity *role = entity_at (self, TRELLIS_KIND_ROLE, r);
      GArray *members = self->role_members[r];

      if (role == NULL)
        continue;
      if (o->role != NULL ? !role_in (roles, r) : members->len == 0)
        continue;

      axis_begin_group (&self->rows, role, trellis_entity_get_name (role));
      for (guint m = 0; m < members->len; m++)
        {
          guint p = g_array_index (members, guint, m);
          TrellisEntity *entity = entity_at (self, TRELLIS_KIND_PERSON, p);

          if (entity == NULL)
            continue;
          if (!person_visible (self, p))
            {
              not_shown[p] = TRUE;
              continue;
            }
          axis_add_item (&self->rows, TRELLIS_ITEM_PERSON, p, entity, NULL);
          last_item (&self->rows)->role = r;
        }
      if (aggregates)
        add_aggregate_rows (self, r, role);
      axis_end_group (&self->rows);
    }

  if (o->role != NULL)
    {
      count_not_shown (self, not_shown);
      return;
    }

  axis_begin_group (&self->rows, NULL, _("No role"));
  for (guint p = 0; p < n_people; p++)
    {
      TrellisEntity *entity = entity_at (self, TRELLIS_KIND_PERSON, p);
      gboolean has_role = FALSE;

      for (guint r = 0; r < n_roles && !has_role; r++)
        has_role = trellis_analysis_person_has_role (a, p, r);
      if (entity == NULL || has_role)
        continue;
      if (person_visible (self, p))
        axis_add_item (&self->rows, TRELLIS_ITEM_PERSON, p, entity, NULL);
      else
        not_shown[p] = TRUE;
    }
  axis_end_group (&self->rows);
  count_not_shown (self, not_shown);

  if (aggregates)
    {
      axis_begin_group (&self->rows, NULL, _("Team"));
      add_aggregate_rows (self, TEAM_INDEX, NULL);
      axis_end_group (&self->rows);
    }
}

/* Role requirement map: roles × competencies. */
static void
build_requirements (TrellisLayout *self)
{
  TrellisAnalysis *a = self->analysis;
  guint n_roles = self->n_at[TRELLIS_KIND_ROLE];
  guint n_comps = self->n_at[TRELLIS_KIND_COMPETENCY];
  g_autoptr(GArray) roles = filter_roles (self);
  g_autofree gboolean *keep = NULL;

  if (is_filtered (self))
    {
      keep = g_new0 (gboolean, MAX (n_comps, 1));
      for (guint k = 0; k < n_comps; k++)
        for (guint i = 0; i < roles->len && !keep[k]; i++)
          keep[k] = trellis_analysis_get_role_required (a, g_array_index (roles, guint, i), k) != TRELLIS_LEVEL_NONE;
    }
  add_grouped (self, &self->columns, TRELLIS_KIND_COMPETENCY, TRELLIS_ITEM_COMPETENCY,
               TRELLIS_KIND_VALUE, keep, _("No value"));

  axis_begin_group (&self->rows, NULL, NULL);
  for (guint r = 0; r < n_roles; r++)
    {
      TrellisEntity *role = entity_at (self, TRELLIS_KIND_ROLE, r);

      if (role == NULL || (is_filtered (self) && !role_in (roles, r)))
        continue;
      axis_add_item (&self->rows, TRELLIS_ITEM_ROLE, r, role, NULL);
      last_item (&self->rows)->role = r;
    }
  axis_end_group (&self->rows);
}

/* Coverage: competencies × roles. */
static void
build_coverage (TrellisLayout *self)
{
  TrellisAnalysis *a = self->analysis;
  guint n_roles = self->n_at[TRELLIS_KIND_ROLE];
  guint n_comps = self->n_at[TRELLIS_KIND_COMPETENCY];
  g_autoptr(GArray) roles = filter_roles (self);
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (n_comps, 1));

  for (guint k = 0; k < n_comps; k++)
    {
      if (is_filtered (self))
        {
          for (guint i = 0; i < roles->len && !keep[k]; i++)
            keep[k] = trellis_analysis_get_role_required (a, g_array_index (roles, guint, i), k) != TRELLIS_LEVEL_NONE;
        }
      else
        keep[k] = TRUE;
    }
  add_grouped (self, &self->rows, TRELLIS_KIND_COMPETENCY, TRELLIS_ITEM_COMPETENCY,
               TRELLIS_KIND_VALUE, keep, _("No value"));

  /* That only one person reaches a level is a total over the team. */
  for (guint i = 0; i < self->rows.items->len && !team_total_withheld (self); i++)
    {
      Item *item = trellis_layout_row_item (self, i);

      if (trellis_analysis_is_single_point (a, item->index, NULL))
        item->marks |= ITEM_MARK_SINGLE;
    }

  /* Columns: the roles that require any of the rows. */
  axis_begin_group (&self->columns, NULL, NULL);
  for (guint r = 0; r < n_roles; r++)
    {
      TrellisEntity *role = entity_at (self, TRELLIS_KIND_ROLE, r);
      gboolean any = FALSE;

      for (guint i = 0; i < self->rows.items->len && !any; i++)
        any = trellis_analysis_get_role_required (a, r, trellis_layout_row_item (self, i)->index) != TRELLIS_LEVEL_NONE;
      if (role == NULL || (!any && is_filtered (self)))
        continue;
      axis_add_item (&self->columns, TRELLIS_ITEM_ROLE, r, role, NULL);
      if (is_filtered (self) && role_in (roles, r))
        last_item (&self->columns)->marks |= ITEM_MARK_FOCUS;
    }
  axis_end_group (&self->columns);
}

static gboolean
finding_on_responsibility (TrellisFindingCode code)
{
  switch (code)
    {
    case TRELLIS_FINDING_NO_ACCOUNTABLE:
    case TRELLIS_FINDING_SEVERAL_ACCOUNTABLE:
    case TRELLIS_FINDING_NO_RESPONSIBLE:
    case TRELLIS_FINDING_NO_AUTHORITY:
    case TRELLIS_FINDING_UNASSIGNED:
    case TRELLIS_FINDING_ROLE_EMPTY:
    case TRELLIS_FINDING_MANDATE_ABOVE_ABILITY:
    case TRELLIS_FINDING_NOBODY_CAPABLE:
      return TRUE;
    case TRELLIS_FINDING_ROLE_OVERLOADED:
    case TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE:
    case TRELLIS_FINDING_SINGLE_POINT:
    case TRELLIS_FINDING_TARGET_MISSED:
    case TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT:
    case TRELLIS_FINDING_RESULT_WITHOUT_VALUE:
    case TRELLIS_N_FINDING_CODES:
    default:
      return FALSE;
    }
}

static guint
severity_mark (TrellisFindingCode code)
{
  switch (trellis_finding_code_get_severity (code))
    {
    case TRELLIS_SEVERITY_PROBLEM: return ITEM_MARK_PROBLEM;
    case TRELLIS_SEVERITY_WARNING: return ITEM_MARK_WARNING;
    case TRELLIS_SEVERITY_INFO:
    default:                       return ITEM_MARK_INFO;
    }
}

#define MAX_LISTED_FINDINGS 200

static void
collect_findings (TrellisLayout *self)
{
  TrellisAnalysis *a = self->analysis;
  guint n = trellis_analysis_get_n_findings (a);
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) columns = g_hash_table_new (NULL, NULL);
  guint n_more = 0;

  for (guint i = 0; i < self->rows.items->len; i++)
    g_hash_table_insert (rows, trellis_layout_row_item (self, i)->entity, trellis_layout_row_item (self, i));
  for (guint i = 0; i < self->columns.items->len; i++)
    if (trellis_layout_column_item (self, i)->entity != NULL)
      g_hash_table_insert (columns, trellis_layout_column_item (self, i)->entity, trellis_layout_column_item (self, i));

  /* In row order, so that the numbers run down the map. */
  for (guint r = 0; r < self->rows.items->len; r++)
    {
      Item *item = trellis_layout_row_item (self, r);

      for (guint i = 0; i < n; i++)
        {
          const TrellisFinding *f = trellis_analysis_get_finding (a, i);

          if (f->subject != item->entity || !finding_on_responsibility (f->code))
            continue;
          /* Findings that name a person stay out of a workshop, and
           * name nobody the audience may not see; that nobody can carry
           * a responsibility is a total over the team. */
          if (f->person != NULL &&
              (self->options->audience == TRELLIS_AUDIENCE_WORKSHOP ||
               !person_visible (self, trellis_analysis_get_index (a, f->person))))
            continue;
          if (f->code == TRELLIS_FINDING_NOBODY_CAPABLE && team_total_withheld (self))
            continue;

          item->marks |= severity_mark (f->code);
          if (self->findings->len >= MAX_LISTED_FINDINGS)
            {
              n_more++;
              continue;
            }
          g_ptr_array_add (self->findings, (gpointer) f);
          if (item->footnote == 0)
            item->footnote = self->findings->len;
          item->n_notes++;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (a, i);
      Item *item;

      if (f->code != TRELLIS_FINDING_ROLE_OVERLOADED)
        continue;
      item = g_hash_table_lookup (columns, f->subject);
      if (item == NULL)
        continue;
      item->marks |= severity_mark (f->code);
      if (self->findings->len < MAX_LISTED_FINDINGS)
        g_ptr_array_add (self->findings, (gpointer) f);
      else
        n_more++;
    }

  for (guint i = 0; i < self->findings->len; i++)
    {
      const TrellisFinding *f = g_ptr_array_index (self->findings, i);
      g_autofree char *message = trellis_finding_dup_message (f);
      /* Translators: a numbered line under the map: number, rule, message. */
      g_autofree char *line = g_strdup_printf (_("%u. %s: %s"), i + 1,
                                               trellis_finding_code_get_title (f->code), message);

      g_ptr_array_add (self->finding_layouts, trellis_layout_make_text (self, self->header_font, line));
    }

  if (n_more > 0)
    {
      g_autofree char *line = g_strdup_printf (ngettext ("… and %u more finding.",
                                                         "… and %u more findings.", n_more), n_more);

      g_ptr_array_add (self->finding_layouts, trellis_layout_make_text (self, self->header_font, line));
    }
}

/* Responsibility boundaries: responsibilities (by result) × roles. */
static void
build_responsibilities (TrellisLayout *self)
{
  TrellisAnalysis *a = self->analysis;
  guint n_roles = self->n_at[TRELLIS_KIND_ROLE];
  guint n_rs = self->n_at[TRELLIS_KIND_RESPONSIBILITY];
  g_autoptr(GArray) roles = filter_roles (self);
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (n_rs, 1));
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_roles, 1));
  guint n_cols;

  for (guint s = 0; s < n_rs; s++)
    {
      TrellisEntity *rs = entity_at (self, TRELLIS_KIND_RESPONSIBILITY, s);
      GArray *assigns = rs != NULL ? trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS) : NULL;

      keep[s] = !is_filtered (self);
      for (guint i = 0; assigns != NULL && i < assigns->len; i++)
        {
          const TrellisAssignment *as = &g_array_index (assigns, TrellisAssignment, i);
          gint r = index_of_id (self, as->role, TRELLIS_KIND_ROLE);

          if (r >= 0 && is_filtered (self) && role_in (roles, r))
            keep[s] = TRUE;
        }
    }

  add_grouped (self, &self->rows, TRELLIS_KIND_RESPONSIBILITY, TRELLIS_ITEM_RESPONSIBILITY,
               TRELLIS_KIND_RESULT, keep, _("No result"));

  /* The roles that carry any of the rows, so that a role's boundary with
   * the others shows. */
  for (guint i = 0; i < self->rows.items->len; i++)
    {
      GArray *assigns = trellis_entity_get_array (trellis_layout_row_item (self, i)->entity, TRELLIS_FIELD_ASSIGNS);

      for (guint k = 0; assigns != NULL && k < assigns->len; k++)
        {
          gint r = index_of_id (self, g_array_index (assigns, TrellisAssignment, k).role, TRELLIS_KIND_ROLE);

          if (r >= 0)
            used[r] = TRUE;
        }
    }

  axis_begin_group (&self->columns, NULL, _("Roles"));
  for (guint r = 0; r < n_roles; r++)
    {
      TrellisEntity *role = entity_at (self, TRELLIS_KIND_ROLE, r);

      if (role == NULL || (!used[r] && is_filtered (self)))
        continue;
      axis_add_item (&self->columns, TRELLIS_ITEM_ROLE, r, role, NULL);
      /* The role the view is narrowed to stands out among the others. */
      if (is_filtered (self) && role_in (roles, r))
        last_item (&self->columns)->marks |= ITEM_MARK_FOCUS;
    }
  axis_end_group (&self->columns);
  n_cols = self->columns.items->len;
  self->n_assign_columns = n_cols;

  axis_begin_group (&self->columns, NULL, _("Today"));
  axis_add_item (&self->columns, TRELLIS_ITEM_CAPABLE, 0, NULL, _("Can carry it"));
  axis_end_group (&self->columns);

  /* Each row's assignments, and whether the role's people have what it
   * needs. */
  self->assigns = g_new0 (Assign, MAX ((gsize) self->rows.items->len * n_cols, 1));
  for (guint i = 0; i < self->rows.items->len; i++)
    {
      TrellisEntity *rs = trellis_layout_row_item (self, i)->entity;
      GArray *assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);
      GArray *needs = trellis_entity_get_array (rs, TRELLIS_FIELD_NEEDS);

      for (guint c = 0; c < n_cols; c++)
        {
          const Item *col = trellis_layout_column_item (self, c);
          const TrellisAssignment *as = assigns != NULL ?
            trellis_assignments_lookup (assigns, trellis_entity_get_id (col->entity)) : NULL;
          Assign *cell = &self->assigns[(gsize) i * n_cols + c];
          GArray *members = self->role_members[col->index];

          if (as == NULL)
            continue;

          cell->raci = as->raci;
          cell->authority = as->authority;
          /* Someone in the role below a level: a total over its people. */
          if (!(as->raci & (TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE)) ||
              role_total_withheld (self, col->index))
            continue;

          for (guint k = 0; needs != NULL && k < needs->len && !cell->mandate; k++)
            {
              const TrellisRequirement *req = &g_array_index (needs, TrellisRequirement, k);
              gint comp = index_of_id (self, req->competency, TRELLIS_KIND_COMPETENCY);

              for (guint m = 0; comp >= 0 && m < members->len && !cell->mandate; m++)
                {
                  const TrellisCell *pc = trellis_analysis_get_cell (a, g_array_index (members, guint, m), comp);

                  cell->mandate = pc->assessed != TRELLIS_LEVEL_NONE && pc->assessed < req->level;
                }
            }
        }

      /* The owner is who is accountable; where nobody is, who does it. */
      {
        Assign *cells = &self->assigns[(gsize) i * n_cols];
        TrellisRaci owner_letter = TRELLIS_RACI_RESPONSIBLE;

        for (guint c = 0; c < n_cols; c++)
          if (cells[c].raci & TRELLIS_RACI_ACCOUNTABLE)
            owner_letter = TRELLIS_RACI_ACCOUNTABLE;
        for (guint c = 0; c < n_cols; c++)
          cells[c].owner = (cells[c].raci & owner_letter) != 0;
      }
    }

  collect_findings (self);
}

/* Cell sizes follow the text: wide enough for the widest number the
 * view prints, with a little air. */
static double
text_width (TrellisLayout *self,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = trellis_layout_make_text (self, self->cell_font, text);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* Widens the columns, up to half again, where that lets a group's name
 * lie above its columns instead of standing up in a tall band. */
static void
fit_group_names (TrellisLayout *self)
{
  g_autoptr(PangoLayout) layout = trellis_layout_make_text (self, self->group_font, "");
  double limit = self->cell_width * 1.5;
  double wanted = self->cell_width;

  for (guint g = 0; g < self->columns.groups->len; g++)
    {
      const Group *group = &g_array_index (self->columns.groups, Group, g);
      int w;

      if (group->label == NULL || group->n == 0)
        continue;
      pango_layout_set_text (layout, group->label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      wanted = MAX (wanted, (w + 10 * self->options->zoom) / group->n);
    }

  if (wanted <= limit)
    self->cell_width = ceil (wanted);
}

static void
size_cells (TrellisLayout *self)
{
  double zoom = self->options->zoom;
  double air = 3.5 * zoom + self->colors->cell_gap * zoom;
  double th = self->text_height;
  double widest;
  g_autofree char *mean = trellis_format_number (-8.8, 1, FALSE);
  g_autofree char *change = trellis_format_number (8.8, 1, TRUE);
  g_autofree char *gap = trellis_format_number (-8, 0, FALSE);

  self->cell_height = ceil (MAX (th * 1.4, 14 * zoom));
  switch (self->options->view)
    {
    case TRELLIS_VIEW_COVERAGE:
      /* Translators: the widest count of people meeting a requirement. */
      widest = text_width (self, C_("coverage", "88/88"));
      self->cell_width = ceil (MAX (widest + air, self->cell_height * 1.4));
      break;
    case TRELLIS_VIEW_RESPONSIBILITIES:
      /* And room for the mandate mark in the corner. */
      widest = MAX (text_width (self, "RA7"), text_width (self, "888"));
      self->cell_width = ceil (MAX (widest + air + 8 * zoom, self->cell_height * 1.4));
      break;
    case TRELLIS_VIEW_PERCEPTION:
      self->cell_width = ceil (TRELLIS_N_SOURCES * (text_width (self, "8") + 5 * zoom) + air);
      break;
    case TRELLIS_VIEW_GAPS:
    case TRELLIS_VIEW_TREND:
      /* Gaps, the means and shares of the aggregate rows, changes. */
      widest = MAX (MAX (text_width (self, mean), text_width (self, change)),
                    MAX (text_width (self, gap), text_width (self, "100")));
      self->cell_width = ceil (MAX (widest + air, self->cell_height * 1.2));
      break;
    case TRELLIS_VIEW_REQUIREMENTS:
    case TRELLIS_VIEW_SIGHT:
    case TRELLIS_N_VIEWS:
    default:
      self->cell_width = ceil (MAX (text_width (self, "10") + air, self->cell_height * 1.2));
      break;
    }
}

gboolean
trellis_layout_build_view (TrellisLayout  *self,
                           GError        **error)
{
  const TrellisRenderOptions *o = self->options;

  index_entities (self);
  compute_members (self);
  size_cells (self);

  if (o->view == TRELLIS_VIEW_TREND)
    self->before = trellis_analysis_new_at (self->document, o->since);

  switch (o->view)
    {
    case TRELLIS_VIEW_GAPS:
    case TRELLIS_VIEW_PERCEPTION:
    case TRELLIS_VIEW_TREND:
      build_people_view (self);
      break;
    case TRELLIS_VIEW_REQUIREMENTS:
      build_requirements (self);
      break;
    case TRELLIS_VIEW_COVERAGE:
      build_coverage (self);
      break;
    case TRELLIS_VIEW_RESPONSIBILITIES:
      build_responsibilities (self);
      break;
    case TRELLIS_VIEW_SIGHT:
    case TRELLIS_N_VIEWS:
    default:
      g_assert_not_reached ();
    }

  if (o->view != TRELLIS_VIEW_PERCEPTION)
    fit_group_names (self);

  /* Maps whose cell texts vary ("2/3", "RA5") learn them now, so that
   * painting only ever reads the text cache. */
  if (o->view == TRELLIS_VIEW_COVERAGE || o->view == TRELLIS_VIEW_RESPONSIBILITIES)
    {
      for (guint r = 0; r < self->rows.items->len; r++)
        for (guint c = 0; c < self->columns.items->len; c++)
          {
            TrellisCellInfo info;
            CellPaint paint = { 0 };

            trellis_layout_compute_cell (self, r, c, &info, &paint);
          }
    }

  return TRUE;
}

/* Cells */

static guint16
number_text (TrellisLayout *self,
             gint           value,
             gboolean       plus)
{
  if (value < -20 || value > 20)
    {
      g_autofree char *text = trellis_format_number (value, 0, plus);
      return trellis_layout_intern_text (self, text);
    }

  return plus ? self->signed_text[value + 20] : self->number_text[value + 20];
}

static void
paint_fill (TrellisLayout     *self,
            CellPaint         *paint,
            const TrellisRgba *fill)
{
  if (paint == NULL)
    return;

  paint->fill = fill;
  paint->text_color = trellis_palette_text_on (self->options->theme, fill);
}

static void
cell_not_required (TrellisLayout   *self,
                   TrellisCellInfo *info,
                   CellPaint       *paint)
{
  info->content = TRELLIS_CONTENT_EMPTY;
  if (paint != NULL)
    {
      paint->fill = &self->colors->not_required;
      paint->text_color = &self->colors->muted;
    }
}

static void
cell_hatched (TrellisLayout   *self,
              TrellisCellInfo *info,
              CellPaint       *paint)
{
  info->content = TRELLIS_CONTENT_NOT_ASSESSED;
  if (paint != NULL)
    {
      paint->pattern = PATTERN_HATCH;
      paint->fill = &self->colors->hatch_background;
    }
}

static void
cell_suppressed (TrellisLayout   *self,
                 TrellisCellInfo *info,
                 CellPaint       *paint)
{
  /* Nothing of what is withheld goes out, not even as a fact. */
  info->content = TRELLIS_CONTENT_SUPPRESSED;
  info->value = 0;
  info->count = 0;
  info->total = 0;
  info->flags = 0;
  if (paint != NULL)
    {
      paint->pattern = PATTERN_SUPPRESSED;
      paint->fill = &self->colors->suppressed;
    }
}

static void
perception_levels (TrellisLayout *self,
                   Item          *row,
                   guint          column,
                   gint           out[TRELLIS_N_SOURCES])
{
  gint8 *levels = row->data;
  guint n_cols = self->columns.items->len;

  /* Read the row's perspectives from the document the first time. */
  if (levels == NULL)
    {
      levels = g_new (gint8, (gsize) n_cols * TRELLIS_N_SOURCES);
      memset (levels, TRELLIS_LEVEL_NONE, (gsize) n_cols * TRELLIS_N_SOURCES);
      for (guint c = 0; c < n_cols; c++)
        {
          const Item *col = trellis_layout_column_item (self, c);
          const TrellisCell *cell = trellis_analysis_get_cell (self->analysis, row->index, col->index);
          g_autoptr(GArray) history = NULL;
          TrellisDate dates[TRELLIS_N_SOURCES] = { 0 };

          if (cell->perspectives == 0)
            continue;

          history = trellis_document_get_assessments (self->document, TRELLIS_PERSON (row->entity),
                                                      trellis_entity_get_id (col->entity));
          for (guint i = 0; history != NULL && i < history->len; i++)
            {
              const TrellisAssessment *as = &g_array_index (history, TrellisAssessment, i);

              if (as->source < TRELLIS_N_SOURCES && as->date >= dates[as->source])
                {
                  dates[as->source] = as->date;
                  levels[(gsize) c * TRELLIS_N_SOURCES + as->source] = as->level;
                }
            }
        }
      row->data = levels;
      g_ptr_array_add (self->agg_rows, levels);
    }

  for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
    out[k] = levels[(gsize) column * TRELLIS_N_SOURCES + k];
}

/* The perception colour: self against the coach, else a peer. */
static gboolean
perception_difference (const gint levels[TRELLIS_N_SOURCES],
                       gint      *difference)
{
  gint other = levels[TRELLIS_SOURCE_COACH] != TRELLIS_LEVEL_NONE ?
    levels[TRELLIS_SOURCE_COACH] : levels[TRELLIS_SOURCE_PEER];

  if (levels[TRELLIS_SOURCE_SELF] == TRELLIS_LEVEL_NONE || other == TRELLIS_LEVEL_NONE)
    return FALSE;

  *difference = levels[TRELLIS_SOURCE_SELF] - other;
  return TRUE;
}

static void
compute_person_cell (TrellisLayout   *self,
                     Item            *row,
                     const Item      *col,
                     guint            column,
                     TrellisCellInfo *info,
                     CellPaint       *paint)
{
  const TrellisCell *cell = trellis_analysis_get_cell (self->analysis, row->index, col->index);
  gint required = row->role != NO_ROLE ?
    trellis_analysis_get_role_required (self->analysis, row->role, col->index) : TRELLIS_LEVEL_NONE;

  info->required = required;
  info->assessed = cell->assessed;
  info->source = cell->source;
  if (cell->want)
    {
      info->flags |= TRELLIS_CELL_FLAG_WANT;
      if (paint != NULL)
        paint->marks |= MARK_WANT;
    }

  switch (self->options->view)
    {
    case TRELLIS_VIEW_PERCEPTION:
      {
        gint diff;

        perception_levels (self, row, column, info->perspectives);
        if (cell->perspectives == 0)
          {
            if (required != TRELLIS_LEVEL_NONE)
              cell_hatched (self, info, paint);
            else
              cell_not_required (self, info, paint);
            break;
          }

        info->content = TRELLIS_CONTENT_PERSPECTIVES;
        if (perception_difference (info->perspectives, &diff))
          {
            info->value = diff;
            paint_fill (self, paint, trellis_palette_gap_color (diff));
          }
        else
          {
            /* Nothing to compare: a pale neutral, outlined like any
             * pale fill, so the cells still read as cells. */
            info->value = NAN;
            paint_fill (self, paint, &self->colors->band[0]);
            if (paint != NULL)
              paint->text_color = &self->colors->foreground;
          }

        if (paint != NULL)
          {
            paint->n_parts = TRELLIS_N_SOURCES;
            for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
              {
                if (info->perspectives[k] == TRELLIS_LEVEL_NONE)
                  paint->part_missing |= 1 << k;
                else
                  paint->text[k] = number_text (self, info->perspectives[k], FALSE);
              }
          }
      }
      break;

    case TRELLIS_VIEW_TREND:
      {
        const TrellisCell *then = trellis_analysis_get_cell (self->before, row->index, col->index);

        if (cell->assessed == TRELLIS_LEVEL_NONE)
          {
            if (required != TRELLIS_LEVEL_NONE)
              cell_hatched (self, info, paint);
            else
              cell_not_required (self, info, paint);
          }
        else if (then->assessed == TRELLIS_LEVEL_NONE)
          {
            info->content = TRELLIS_CONTENT_NEW;
            if (paint != NULL)
              {
                paint->fill = &self->colors->not_required;
                paint->text_color = &self->colors->foreground;
                paint->marks |= MARK_NEW;
              }
          }
        else
          {
            gint change = cell->assessed - then->assessed;

            info->content = TRELLIS_CONTENT_VALUE;
            info->value = change;
            /* Growth takes the palette's "above" side. */
            paint_fill (self, paint, trellis_palette_gap_color (-change));
            if (paint != NULL)
              paint->text[0] = number_text (self, change, TRUE);
          }
      }
      break;

    case TRELLIS_VIEW_GAPS:
    case TRELLIS_VIEW_REQUIREMENTS:
    case TRELLIS_VIEW_COVERAGE:
    case TRELLIS_VIEW_RESPONSIBILITIES:
    case TRELLIS_VIEW_SIGHT:
    case TRELLIS_N_VIEWS:
    default:
      if (required == TRELLIS_LEVEL_NONE)
        {
          cell_not_required (self, info, paint);
          if (cell->assessed != TRELLIS_LEVEL_NONE)
            info->flags |= TRELLIS_CELL_FLAG_NOT_REQUIRED;
        }
      else if (cell->assessed == TRELLIS_LEVEL_NONE)
        cell_hatched (self, info, paint);
      else
        {
          gint gap = required - cell->assessed;

          info->content = TRELLIS_CONTENT_VALUE;
          info->value = gap;
          paint_fill (self, paint, trellis_palette_gap_color (gap));
          if (paint != NULL)
            paint->text[0] = number_text (self, gap, FALSE);
        }
      break;
    }
}

static void
compute_aggregate_cell (TrellisLayout   *self,
                        const Item      *row,
                        guint            column,
                        TrellisCellInfo *info,
                        CellPaint       *paint)
{
  const AggCell *a = &((const AggCell *) row->data)[column];
  gboolean trend = self->options->view == TRELLIS_VIEW_TREND;

  info->count = trend ? a->agg.n_assessed : a->agg.n_meeting;
  info->total = a->agg.n_people;

  if (a->agg.n_people == 0)
    {
      cell_not_required (self, info, paint);
      return;
    }
  /* None from which the people not shown could be worked out, one or
   * two of them, by taking away the rows or the other totals that are
   * shown; in a workshop none over fewer than three people. */
  if (aggregate_withheld (self, a))
    {
      cell_suppressed (self, info, paint);
      return;
    }
  if (a->agg.n_assessed == 0)
    {
      if (trend)
        {
          info->content = TRELLIS_CONTENT_NEW;
          if (paint != NULL)
            {
              paint->fill = &self->colors->not_required;
              paint->marks |= MARK_NEW;
            }
        }
      else
        cell_hatched (self, info, paint);
      return;
    }

  info->content = TRELLIS_CONTENT_VALUE;
  if (row->kind == TRELLIS_ITEM_AGGREGATE_GAP)
    {
      info->value = a->agg.mean_gap;
      paint_fill (self, paint, trellis_palette_gap_color (trend ? -a->agg.mean_gap : a->agg.mean_gap));
      if (paint != NULL)
        paint->text[0] = a->mean_text;
    }
  else
    {
      info->value = 100.0 * a->agg.n_meeting / a->agg.n_people;
      paint_fill (self, paint, trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE,
                                                         trellis_palette_share_step (a->agg.n_meeting, a->agg.n_people)));
      if (paint != NULL)
        paint->text[0] = a->share_text;
    }
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
fraction_text (TrellisLayout *self,
               guint          part,
               guint          whole)
{
  /* Translators: people meeting a requirement out of the role's people, e.g. "2/3". */
  g_autofree char *text = g_strdup_printf (C_("coverage", "%u/%u"), part, whole);

  return trellis_layout_intern_text (self, text);
}

static void
compute_coverage_cell (TrellisLayout   *self,
                       const Item      *row,
                       const Item      *col,
                       TrellisCellInfo *info,
                       CellPaint       *paint)
{
  guint role = col->index;
  guint comp = row->index;
  gint required = trellis_analysis_get_role_required (self->analysis, role, comp);
  guint members = self->role_members[role]->len;
  const TrellisTarget *target;
  guint single;
  guint meeting;

  info->required = required;
  info->total = members;
  if (required == TRELLIS_LEVEL_NONE)
    {
      cell_not_required (self, info, paint);
      return;
    }
  if (role_total_withheld (self, role))
    {
      cell_suppressed (self, info, paint);
      return;
    }

  meeting = trellis_analysis_get_meeting (self->analysis, role, comp, required);
  info->content = TRELLIS_CONTENT_VALUE;
  info->value = meeting;
  info->count = meeting;
  if (meeting == 0)
    info->flags |= TRELLIS_CELL_FLAG_NOBODY;

  target = find_target (col->entity, row->entity);
  if (target != NULL &&
      trellis_analysis_get_meeting (self->analysis, role, comp, target->level) < target->people)
    info->flags |= TRELLIS_CELL_FLAG_TARGET;

  if (!team_total_withheld (self) &&
      trellis_analysis_is_single_point (self->analysis, comp, &single) &&
      trellis_analysis_person_has_role (self->analysis, single, role))
    info->flags |= TRELLIS_CELL_FLAG_SINGLE;

  if (paint != NULL)
    {
      paint_fill (self, paint, trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE, trellis_palette_count_step (meeting)));
      paint->text[0] = fraction_text (self, meeting, members);
      if (info->flags & TRELLIS_CELL_FLAG_TARGET)
        paint->marks |= MARK_WARNING;
      if (info->flags & TRELLIS_CELL_FLAG_SINGLE)
        paint->marks |= MARK_SINGLE;
    }
}

static guint16
raci_text (TrellisLayout    *self,
           TrellisRaci       raci,
           TrellisAuthority  authority)
{
  guint16 *slot = &self->raci_text[raci & 0xf][MIN (authority, TRELLIS_N_AUTHORITIES - 1)];

  if (*slot == NO_TEXT)
    {
      char letters[5];
      g_autofree char *text = NULL;

      trellis_raci_to_string (raci, letters);
      if (authority != TRELLIS_AUTHORITY_NONE)
        text = g_strdup_printf ("%s%d", letters, (int) authority);
      else
        text = g_strdup (letters);
      *slot = trellis_layout_intern_text (self, text);
    }

  return *slot;
}

static void
compute_responsibility_cell (TrellisLayout   *self,
                             guint            row,
                             guint            column,
                             TrellisCellInfo *info,
                             CellPaint       *paint)
{
  const Item *r = trellis_layout_row_item (self, row);
  const Item *c = trellis_layout_column_item (self, column);

  if (c->kind == TRELLIS_ITEM_CAPABLE)
    {
      guint capable = trellis_analysis_get_capable (self->analysis, r->index);
      GArray *needs = trellis_entity_get_array (r->entity, TRELLIS_FIELD_NEEDS);

      if (team_total_withheld (self))
        {
          cell_suppressed (self, info, paint);
          return;
        }

      info->content = TRELLIS_CONTENT_VALUE;
      info->value = capable;
      info->count = capable;
      if (capable == 0 && needs != NULL && needs->len > 0)
        info->flags |= TRELLIS_CELL_FLAG_NOBODY;
      if (paint != NULL)
        {
          paint_fill (self, paint, trellis_palette_get_step (TRELLIS_PALETTE_GREY, trellis_palette_count_step (capable)));
          paint->text[0] = number_text (self, (gint) MIN (capable, 999999u), FALSE);
          if (info->flags & TRELLIS_CELL_FLAG_NOBODY)
            paint->marks |= MARK_WARNING;
        }
      return;
    }

  {
    const Assign *as = &self->assigns[(gsize) row * self->n_assign_columns + column];

    if (as->raci == TRELLIS_RACI_NONE)
      {
        info->content = TRELLIS_CONTENT_EMPTY;
        return;
      }

    info->content = TRELLIS_CONTENT_ASSIGNMENT;
    info->raci = as->raci;
    info->authority = as->authority;
    if (as->raci & (TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE))
      info->flags |= TRELLIS_CELL_FLAG_OWNER;
    if (as->mandate)
      info->flags |= TRELLIS_CELL_FLAG_MANDATE;

    if (paint != NULL)
      {
        paint_fill (self, paint, trellis_palette_raci_color (as->raci));
        paint->text[0] = raci_text (self, as->raci, as->authority);
        if (as->mandate)
          paint->marks |= MARK_WARNING;
      }
  }
}

/**
 * trellis_layout_compute_cell:
 *
 * What a cell holds (@info) and how it is painted (@paint, optional).
 * Called for each visible cell of a frame: it reads the analysis and the
 * layout's tables, and allocates only the first time a perception row is
 * shown.
 */
void
trellis_layout_compute_cell (TrellisLayout   *self,
                             guint            row,
                             guint            column,
                             TrellisCellInfo *info,
                             CellPaint       *paint)
{
  Item *r = trellis_layout_row_item (self, row);
  const Item *c = trellis_layout_column_item (self, column);

  memset (info, 0, sizeof *info);
  info->required = TRELLIS_LEVEL_NONE;
  info->assessed = TRELLIS_LEVEL_NONE;
  for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
    info->perspectives[k] = TRELLIS_LEVEL_NONE;

  switch (self->options->view)
    {
    case TRELLIS_VIEW_GAPS:
    case TRELLIS_VIEW_PERCEPTION:
    case TRELLIS_VIEW_TREND:
      if (r->kind == TRELLIS_ITEM_PERSON)
        compute_person_cell (self, r, c, column, info, paint);
      else
        compute_aggregate_cell (self, r, column, info, paint);
      break;

    case TRELLIS_VIEW_REQUIREMENTS:
      {
        gint required = trellis_analysis_get_role_required (self->analysis, r->index, c->index);

        info->required = required;
        if (required == TRELLIS_LEVEL_NONE)
          cell_not_required (self, info, paint);
        else
          {
            info->content = TRELLIS_CONTENT_VALUE;
            info->value = required;
            if (paint != NULL)
              {
                paint_fill (self, paint, trellis_palette_get_step (TRELLIS_PALETTE_REQUIRED,
                                                                   trellis_palette_level_step (required, self->scale_min, self->scale_max)));
                paint->text[0] = number_text (self, required, FALSE);
              }
          }
      }
      break;

    case TRELLIS_VIEW_COVERAGE:
      compute_coverage_cell (self, r, c, info, paint);
      break;

    case TRELLIS_VIEW_RESPONSIBILITIES:
      compute_responsibility_cell (self, row, column, info, paint);
      break;

    case TRELLIS_VIEW_SIGHT:
    case TRELLIS_N_VIEWS:
    default:
      break;
    }

  if (paint != NULL && !self->options->cell_text)
    memset (paint->text, 0, sizeof paint->text);
}
