/* trellis-responsibilities-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-responsibilities-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-draw-private.h"
#include "trellis-grid-map-private.h"

/* Responsibility boundaries: responsibilities grouped by result × the
 * roles that carry any of them, plus "Can carry it" (people who reach
 * every level it needs today). Cells show the RACI letters and the
 * delegation level ("RA5"); a heavy outline surrounds who is accountable
 * (or responsible, where nobody is), so that the line where ownership
 * passes shows; a diamond marks a mandate above ability; rule findings
 * are marked and numbered on the rows and listed under the map. */

#define MAX_LISTED_FINDINGS 200

typedef struct
{
  TrellisRaci        raci;
  TrellisAuthority   authority;
  gboolean           mandate;   /* people of the role below what it needs */
  gboolean           owner;     /* accountable, or responsible where nobody is */
} Assign;

G_DECLARE_FINAL_TYPE (TrellisResponsibilitiesMap, trellis_responsibilities_map, TRELLIS, RESPONSIBILITIES_MAP, TrellisGridMap)

struct _TrellisResponsibilitiesMap
{
  TrellisGridMap  parent_instance;

  Assign         *assigns;          /* rows × the role columns */
  guint           n_assign_columns;
  guint16         raci_text[16][TRELLIS_N_AUTHORITIES];
};

G_DEFINE_FINAL_TYPE (TrellisResponsibilitiesMap, trellis_responsibilities_map, TRELLIS_TYPE_GRID_MAP)

/* Room for "RA7" or a count, and for the mandate mark in the corner. */
static double
trellis_responsibilities_map_measure_cell (TrellisGridMap *grid)
{
  TrellisMap *map = (TrellisMap *) grid;
  double widest = MAX (trellis_style_text_width (map->style, "RA7"), trellis_style_text_width (map->style, "888"));

  return ceil (MAX (widest + trellis_grid_map_get_air (grid) + 8 * map->options->zoom, map->cell_height * 1.4));
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
    case TRELLIS_SEVERITY_PROBLEM: return TRELLIS_ITEM_MARK_PROBLEM;
    case TRELLIS_SEVERITY_WARNING: return TRELLIS_ITEM_MARK_WARNING;
    case TRELLIS_SEVERITY_INFO:
    default:                       return TRELLIS_ITEM_MARK_INFO;
    }
}

/* The findings on each row, in row order so that the numbers run down
 * the map; how many did not fit in the list. */
static guint
collect_row_findings (TrellisResponsibilitiesMap *self)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = &((TrellisGridMap *) self)->roster;
  GPtrArray *findings = map->legend->findings;
  guint n = trellis_analysis_get_n_findings (map->analysis);
  guint n_more = 0;

  for (guint r = 0; r < map->rows.items->len; r++)
    {
      TrellisItem *item = trellis_axis_get_item (&map->rows, r);

      for (guint i = 0; i < n; i++)
        {
          const TrellisFinding *f = trellis_analysis_get_finding (map->analysis, i);

          if (f->subject != item->entity || !finding_on_responsibility (f->code))
            continue;
          if (!trellis_roster_finding_shown (roster, f))
            continue;

          item->marks |= severity_mark (f->code);
          if (findings->len >= MAX_LISTED_FINDINGS)
            {
              n_more++;
              continue;
            }
          g_ptr_array_add (findings, (gpointer) f);
          if (item->footnote == 0)
            item->footnote = findings->len;
          item->n_notes++;
        }
    }

  return n_more;
}

/* Rule findings: marked on their rows (and roles), numbered, and listed
 * under the map. */
static void
collect_findings (TrellisResponsibilitiesMap *self)
{
  TrellisMap *map = (TrellisMap *) self;
  GPtrArray *findings = map->legend->findings;
  guint n = trellis_analysis_get_n_findings (map->analysis);
  g_autoptr(GHashTable) columns = g_hash_table_new (NULL, NULL);
  guint n_more;

  for (guint i = 0; i < map->columns.items->len; i++)
    if (trellis_axis_get_item (&map->columns, i)->entity != NULL)
      g_hash_table_insert (columns, trellis_axis_get_item (&map->columns, i)->entity, trellis_axis_get_item (&map->columns, i));

  n_more = collect_row_findings (self);

  for (guint i = 0; i < n; i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (map->analysis, i);
      TrellisItem *item;

      if (f->code != TRELLIS_FINDING_ROLE_OVERLOADED)
        continue;
      item = g_hash_table_lookup (columns, f->subject);
      if (item == NULL)
        continue;
      item->marks |= severity_mark (f->code);
      if (findings->len < MAX_LISTED_FINDINGS)
        g_ptr_array_add (findings, (gpointer) f);
      else
        n_more++;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const TrellisFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *message = trellis_finding_dup_message_in (f, map->options->content_language);
      /* Translators: a numbered line under the map: number, rule, message. */
      g_autofree char *line = g_strdup_printf (_("%u. %s: %s"), i + 1,
                                               trellis_finding_code_get_title (f->code), message);

      trellis_legend_add_line (map->legend, trellis_style_new_text (map->style, map->style->header_font, line));
    }

  if (n_more > 0)
    {
      /* Translators: under the list of findings on the Responsibility boundaries view; %u is how many
       * more are not shown, e.g. “… and 4 more findings.” */
      g_autofree char *line = g_strdup_printf (ngettext ("… and %u more finding.",
                                                         "… and %u more findings.", n_more), n_more);

      trellis_legend_add_line (map->legend, trellis_style_new_text (map->style, map->style->header_font, line));
    }
}

/* Rows: the responsibilities (of the roles a view is narrowed to), by
 * result. */
static void
add_rows (TrellisResponsibilitiesMap *self,
          GArray                     *roles)
{
  TrellisGridMap *grid = (TrellisGridMap *) self;
  TrellisRoster *roster = &grid->roster;
  guint n_rs = roster->n_at[TRELLIS_KIND_RESPONSIBILITY];
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (n_rs, 1));

  for (guint s = 0; s < n_rs; s++)
    {
      TrellisEntity *rs = trellis_roster_entity (roster, TRELLIS_KIND_RESPONSIBILITY, s);
      GArray *assigns = rs != NULL ? trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS) : NULL;

      keep[s] = !trellis_roster_is_filtered (roster);
      for (guint i = 0; assigns != NULL && i < assigns->len; i++)
        {
          const TrellisAssignment *as = &g_array_index (assigns, TrellisAssignment, i);
          gint r = trellis_roster_index_of_id (roster, as->role, TRELLIS_KIND_ROLE);

          if (r >= 0 && trellis_roster_is_filtered (roster) && trellis_roles_contain (roles, r))
            keep[s] = TRUE;
        }
    }

  trellis_grid_map_add_grouped (grid, &((TrellisMap *) self)->rows, TRELLIS_KIND_RESPONSIBILITY, TRELLIS_ITEM_RESPONSIBILITY,
                                TRELLIS_KIND_RESULT, keep, _("No result"));
}

/* Columns: the roles that carry any of the rows, so that a role's
 * boundary with the others shows, then who can carry each row today. */
static void
add_columns (TrellisResponsibilitiesMap *self,
             GArray                     *roles)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = &((TrellisGridMap *) self)->roster;
  guint n_roles = roster->n_at[TRELLIS_KIND_ROLE];
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_roles, 1));
  gboolean filtered = trellis_roster_is_filtered (roster);

  for (guint i = 0; i < map->rows.items->len; i++)
    {
      GArray *assigns = trellis_entity_get_array (trellis_axis_get_item (&map->rows, i)->entity, TRELLIS_FIELD_ASSIGNS);

      for (guint k = 0; assigns != NULL && k < assigns->len; k++)
        {
          gint r = trellis_roster_index_of_id (roster, g_array_index (assigns, TrellisAssignment, k).role,
                                               TRELLIS_KIND_ROLE);

          if (r >= 0)
            used[r] = TRUE;
        }
    }

  trellis_axis_begin_group (&map->columns, NULL, _("Roles"));
  for (guint r = 0; r < n_roles; r++)
    {
      TrellisEntity *role = trellis_roster_entity (roster, TRELLIS_KIND_ROLE, r);
      TrellisItem *item;

      if (role == NULL || (!used[r] && filtered))
        continue;
      item = trellis_axis_add_item (&map->columns, TRELLIS_ITEM_ROLE, r, role, NULL);
      /* The role the view is narrowed to stands out among the others. */
      if (filtered && trellis_roles_contain (roles, r))
        item->marks |= TRELLIS_ITEM_MARK_FOCUS;
    }
  trellis_axis_end_group (&map->columns);
  self->n_assign_columns = map->columns.items->len;

  /* Translators: the Responsibility boundaries view: the heading over the column of who
   * has the competencies a responsibility needs today, as opposed to who is assigned to it. */
  trellis_axis_begin_group (&map->columns, NULL, _("Today"));
  trellis_axis_add_item (&map->columns, TRELLIS_ITEM_CAPABLE, 0, NULL, _("Can carry it"));
  trellis_axis_end_group (&map->columns);
}

/* Whether someone in a role is assessed below a level a responsibility
 * needs: a total over the role's people. */
static gboolean
mandate_above_ability (TrellisResponsibilitiesMap *self,
                       GArray                     *needs,
                       guint                       role)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = &((TrellisGridMap *) self)->roster;
  GArray *members = roster->role_members[role];

  for (guint k = 0; needs != NULL && k < needs->len; k++)
    {
      const TrellisRequirement *req = &g_array_index (needs, TrellisRequirement, k);
      gint comp = trellis_roster_index_of_id (roster, req->competency, TRELLIS_KIND_COMPETENCY);

      for (guint m = 0; comp >= 0 && m < members->len; m++)
        {
          const TrellisCell *pc = trellis_analysis_get_cell (map->analysis, g_array_index (members, guint, m), comp);

          if (pc->assessed != TRELLIS_LEVEL_NONE && pc->assessed < req->level)
            return TRUE;
        }
    }

  return FALSE;
}

/* Each row's assignments, whether the role's people have what it needs,
 * and who owns it: who is accountable, or where nobody is, who does it. */
static void
compute_assignments (TrellisResponsibilitiesMap *self)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = &((TrellisGridMap *) self)->roster;
  guint n_cols = self->n_assign_columns;

  self->assigns = g_new0 (Assign, MAX ((gsize) map->rows.items->len * n_cols, 1));
  for (guint i = 0; i < map->rows.items->len; i++)
    {
      TrellisEntity *rs = trellis_axis_get_item (&map->rows, i)->entity;
      GArray *assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);
      GArray *needs = trellis_entity_get_array (rs, TRELLIS_FIELD_NEEDS);
      Assign *cells = &self->assigns[(gsize) i * n_cols];
      TrellisRaci owner_letter = TRELLIS_RACI_RESPONSIBLE;

      for (guint c = 0; c < n_cols; c++)
        {
          const TrellisItem *col = trellis_axis_get_item (&map->columns, c);
          const TrellisAssignment *as = assigns != NULL ?
            trellis_assignments_lookup (assigns, trellis_entity_get_id (col->entity)) : NULL;

          if (as == NULL)
            continue;

          cells[c].raci = as->raci;
          cells[c].authority = as->authority;
          if ((as->raci & (TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE)) &&
              !trellis_roster_role_total_withheld (roster, col->index))
            cells[c].mandate = mandate_above_ability (self, needs, col->index);
        }

      for (guint c = 0; c < n_cols; c++)
        if (cells[c].raci & TRELLIS_RACI_ACCOUNTABLE)
          owner_letter = TRELLIS_RACI_ACCOUNTABLE;
      for (guint c = 0; c < n_cols; c++)
        cells[c].owner = (cells[c].raci & owner_letter) != 0;
    }
}

static gboolean
trellis_responsibilities_map_build_axes (TrellisGridMap  *grid,
                                         GError         **error)
{
  TrellisResponsibilitiesMap *self = (TrellisResponsibilitiesMap *) grid;
  g_autoptr(GArray) roles = trellis_roster_filter_roles (&grid->roster);

  add_rows (self, roles);
  add_columns (self, roles);
  compute_assignments (self);
  collect_findings (self);

  /* Learn the cells' texts ("RA5") now. */
  trellis_grid_map_compute_all (grid);

  return TRUE;
}

static guint16
raci_text (TrellisResponsibilitiesMap *self,
           TrellisRaci                 raci,
           TrellisAuthority            authority)
{
  guint16 *slot = &self->raci_text[raci & 0xf][MIN (authority, TRELLIS_N_AUTHORITIES - 1)];

  if (*slot == TRELLIS_NO_TEXT)
    {
      char letters[5];
      g_autofree char *text = NULL;

      trellis_raci_to_string (raci, letters);
      if (authority != TRELLIS_AUTHORITY_NONE)
        text = g_strdup_printf ("%s%d", letters, (int) authority);
      else
        text = g_strdup (letters);
      *slot = trellis_style_intern (((TrellisMap *) self)->style, text);
    }

  return *slot;
}

/* Who could carry a responsibility today: a total over the team. */
static void
compute_capable_cell (TrellisResponsibilitiesMap *self,
                      const TrellisItem          *row,
                      TrellisCellInfo            *info,
                      TrellisCellPaint           *paint)
{
  TrellisGridMap *grid = (TrellisGridMap *) self;
  guint capable = trellis_analysis_get_capable (((TrellisMap *) self)->analysis, row->index);
  GArray *needs = trellis_entity_get_array (row->entity, TRELLIS_FIELD_NEEDS);

  if (trellis_roster_team_total_withheld (&grid->roster))
    {
      trellis_grid_map_suppressed (grid, info, paint);
      return;
    }

  info->content = TRELLIS_CONTENT_VALUE;
  info->value = capable;
  info->count = capable;
  if (capable == 0 && needs != NULL && needs->len > 0)
    info->flags |= TRELLIS_CELL_FLAG_NOBODY;
  if (paint != NULL)
    {
      trellis_grid_map_fill (grid, paint, trellis_palette_get_step (TRELLIS_PALETTE_GREY, trellis_palette_count_step (capable)));
      paint->text[0] = trellis_style_number (((TrellisMap *) self)->style, (gint) MIN (capable, 999999u), FALSE);
      if (info->flags & TRELLIS_CELL_FLAG_NOBODY)
        paint->marks |= TRELLIS_CELL_MARK_WARNING;
    }
}

static void
trellis_responsibilities_map_compute_cell (TrellisGridMap   *grid,
                                           guint             row,
                                           guint             column,
                                           TrellisCellInfo  *info,
                                           TrellisCellPaint *paint)
{
  TrellisResponsibilitiesMap *self = (TrellisResponsibilitiesMap *) grid;
  TrellisMap *map = (TrellisMap *) self;
  const Assign *as;

  if (trellis_axis_get_item (&map->columns, column)->kind == TRELLIS_ITEM_CAPABLE)
    {
      compute_capable_cell (self, trellis_axis_get_item (&map->rows, row), info, paint);
      return;
    }

  as = &self->assigns[(gsize) row * self->n_assign_columns + column];
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
      trellis_grid_map_fill (grid, paint, trellis_palette_raci_color (as->raci));
      paint->text[0] = raci_text (self, as->raci, as->authority);
      if (as->mandate)
        paint->marks |= TRELLIS_CELL_MARK_WARNING;
    }
}

static void
describe_assignment (const TrellisCellInfo *info,
                     GPtrArray             *lines)
{
  static const TrellisRaci letters[] = {
    TRELLIS_RACI_RESPONSIBLE, TRELLIS_RACI_ACCOUNTABLE, TRELLIS_RACI_CONSULTED, TRELLIS_RACI_INFORMED,
  };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (info->raci & letters[i])
      g_ptr_array_add (names, (gpointer) trellis_raci_get_label (letters[i]));
  g_ptr_array_add (names, NULL);
  trellis_grid_map_add_line (lines, g_strjoinv (", ", (char **) names->pdata));

  if (info->authority != TRELLIS_AUTHORITY_NONE)
    /* Translators: a delegation level and what it means. */
    trellis_grid_map_add_line (lines, g_strdup_printf (_("Authority: %s — %s"), trellis_authority_get_label (info->authority),
                                                       trellis_authority_get_description (info->authority)));
  else if (info->flags & TRELLIS_CELL_FLAG_OWNER)
    trellis_grid_map_add_line (lines, g_strdup (_("No decision authority agreed")));
  if (info->flags & TRELLIS_CELL_FLAG_MANDATE)
    trellis_grid_map_add_line (lines, g_strdup (_("Mandate above ability: someone in the role is assessed below a level it needs")));
}

static void
trellis_responsibilities_map_describe_cell (TrellisGridMap        *grid,
                                            guint                  row,
                                            guint                  column,
                                            const TrellisCellInfo *info,
                                            gboolean               tooltip,
                                            GPtrArray             *lines)
{
  if (trellis_axis_get_item (&((TrellisMap *) grid)->columns, column)->kind == TRELLIS_ITEM_CAPABLE)
    {
      /* Translators: a line of a cell's tooltip in the Responsibility boundaries view; %u is how many
       * people have what the responsibility needs, e.g. “2 people could carry it today”. */
      trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("%u person could carry it today",
                                                                   "%u people could carry it today", info->count),
                                                         info->count));
      if (info->flags & TRELLIS_CELL_FLAG_NOBODY)
        trellis_grid_map_add_line (lines, g_strdup (_("Nobody reaches every level it needs")));
    }
  else if (info->content == TRELLIS_CONTENT_EMPTY)
    trellis_grid_map_add_line (lines, g_strdup (_("No part in it")));
  else
    describe_assignment (info, lines);
}

static gboolean
owned (TrellisResponsibilitiesMap *self,
       guint                       row,
       guint                       column)
{
  if (column >= self->n_assign_columns || row >= ((TrellisMap *) self)->rows.items->len)
    return FALSE;

  return self->assigns[(gsize) row * self->n_assign_columns + column].owner;
}

static gboolean
same_row_group (TrellisResponsibilitiesMap *self,
                guint                       a,
                guint                       b)
{
  TrellisAxis *rows = &((TrellisMap *) self)->rows;

  return b < rows->items->len && trellis_axis_get_item (rows, a)->group == trellis_axis_get_item (rows, b)->group;
}

/* Lines where ownership changes between neighbours: each role's
 * territory gets an outline, and the line where one role hands over to
 * another stands out. */
static void
trellis_responsibilities_map_paint_over (TrellisGridMap *grid,
                                         cairo_t        *cr,
                                         guint           r0,
                                         guint           r1,
                                         guint           c0,
                                         guint           c1)
{
  TrellisResponsibilitiesMap *self = (TrellisResponsibilitiesMap *) grid;
  TrellisMap *map = (TrellisMap *) self;
  double half = map->colors->cell_gap / 2;
  double cw = map->content_width;
  gboolean rtl = map->options->rtl;
  gboolean any = FALSE;

  c1 = MIN (c1, self->n_assign_columns);
  if (c0 >= c1)
    return;

  for (guint r = r0; r < r1; r++)
    {
      const TrellisItem *ri = trellis_axis_get_item (&map->rows, r);
      double top = ri->pos - half;
      double bottom = ri->pos + ri->size - half;

      for (guint c = c0; c < c1; c++)
        {
          const TrellisItem *ci = trellis_axis_get_item (&map->columns, c);
          gboolean here = owned (self, r, c);
          double lead = (rtl ? cw - ci->pos : ci->pos) - (rtl ? -half : half);
          double trail = (rtl ? cw - ci->pos - ci->size : ci->pos + ci->size) - (rtl ? -half : half);
          gboolean below = same_row_group (self, r, r + 1) && owned (self, r + 1, c);
          gboolean above = r > 0 && same_row_group (self, r, r - 1) && owned (self, r - 1, c);
          gboolean after = c + 1 < self->n_assign_columns && owned (self, r, c + 1);
          gboolean before = c > 0 && owned (self, r, c - 1);

          if (here != after)
            {
              cairo_move_to (cr, trail, top);
              cairo_line_to (cr, trail, bottom);
              any = TRUE;
            }
          if (c == c0 && here != before)
            {
              cairo_move_to (cr, lead, top);
              cairo_line_to (cr, lead, bottom);
              any = TRUE;
            }
          if (here != below)
            {
              cairo_move_to (cr, lead, bottom);
              cairo_line_to (cr, trail, bottom);
              any = TRUE;
            }
          if (r == r0 && here != above)
            {
              cairo_move_to (cr, lead, top);
              cairo_line_to (cr, trail, top);
              any = TRUE;
            }
        }
    }

  if (!any)
    return;

  trellis_cairo_set_rgba (cr, &map->colors->boundary);
  cairo_set_line_width (cr, map->colors->boundary_width * map->options->zoom);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
}

static void
trellis_responsibilities_map_add_legend (TrellisMap *map)
{
  static const TrellisRaci letters[] = {
    TRELLIS_RACI_ACCOUNTABLE, TRELLIS_RACI_RESPONSIBLE, TRELLIS_RACI_CONSULTED, TRELLIS_RACI_INFORMED,
  };
  const TrellisThemeColors *colors = map->colors;
  TrellisLegend *legend = map->legend;
  TrellisStyle *style = map->style;

  trellis_legend_add (legend, style, TRELLIS_SWATCH_HEADING, NULL, NULL, _("Who does what: RACI letter, then the delegation level"));
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      char sample[5];

      trellis_raci_to_string (letters[i], sample);
      trellis_legend_add (legend, style, TRELLIS_SWATCH_FILL, trellis_palette_raci_color (letters[i]), sample,
                          trellis_raci_get_label (letters[i]));
    }
  trellis_legend_add (legend, style, TRELLIS_SWATCH_BOUNDARY, &colors->background, NULL,
                      _("ownership: outlines who is accountable (or responsible, where nobody is); a step where it passes to another role"));
  trellis_legend_add (legend, style, TRELLIS_SWATCH_MANDATE, trellis_palette_raci_color (TRELLIS_RACI_RESPONSIBLE), NULL,
                      _("mandate above ability: someone in the role is below a level it needs"));

  trellis_legend_add (legend, style, TRELLIS_SWATCH_HEADING, NULL, NULL, _("Delegation level"));
  for (guint a = TRELLIS_AUTHORITY_TELL; a <= TRELLIS_AUTHORITY_DELEGATE; a++)
    trellis_legend_add (legend, style, TRELLIS_SWATCH_TEXT, NULL, NULL, trellis_authority_get_label (a));

  trellis_legend_add (legend, style, TRELLIS_SWATCH_HEADING, NULL, NULL, _("Can carry it: people who reach every level it needs today"));
  trellis_legend_add_count_steps (legend, style, TRELLIS_PALETTE_GREY);
  trellis_grid_map_add_privacy_legend ((TrellisGridMap *) map);

  if (legend->findings->len > 0)
    {
      trellis_legend_add (legend, style, TRELLIS_SWATCH_HEADING, NULL, NULL, _("Rule findings, numbered on the rows"));
      /* Translators: legend entries of the Responsibility boundaries view: how serious a finding is. */
      trellis_legend_add (legend, style, TRELLIS_SWATCH_PROBLEM, &colors->background, NULL, C_("finding severity", "problem"));
      /* Translators: legend entries of the Responsibility boundaries view: how serious a finding is. */
      trellis_legend_add (legend, style, TRELLIS_SWATCH_WARNING, &colors->background, NULL, C_("finding severity", "warning"));
    }
}

static void
trellis_responsibilities_map_finalize (GObject *object)
{
  TrellisResponsibilitiesMap *self = (TrellisResponsibilitiesMap *) object;

  g_clear_pointer (&self->assigns, g_free);

  G_OBJECT_CLASS (trellis_responsibilities_map_parent_class)->finalize (object);
}

static void
trellis_responsibilities_map_class_init (TrellisResponsibilitiesMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);
  TrellisGridMapClass *grid_class = TRELLIS_GRID_MAP_CLASS (klass);

  object_class->finalize = trellis_responsibilities_map_finalize;

  map_class->name = "responsibilities";
  map_class->title = N_("Responsibility boundaries");
  map_class->flags = TRELLIS_MAP_SHOWS_ASSESSMENTS;
  map_class->add_legend = trellis_responsibilities_map_add_legend;

  grid_class->measure_cell = trellis_responsibilities_map_measure_cell;
  grid_class->build_axes = trellis_responsibilities_map_build_axes;
  grid_class->compute_cell = trellis_responsibilities_map_compute_cell;
  grid_class->describe_cell = trellis_responsibilities_map_describe_cell;
  grid_class->paint_over = trellis_responsibilities_map_paint_over;
}

static void
trellis_responsibilities_map_init (TrellisResponsibilitiesMap *self)
{
}
