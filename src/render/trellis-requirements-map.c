/* trellis-requirements-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-requirements-map"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-grid-map-private.h"

/* Role requirements: roles × competencies, the required level on a
 * sequential palette (a scale of up to six levels takes the darkest
 * steps). */

G_DECLARE_FINAL_TYPE (TrellisRequirementsMap, trellis_requirements_map, TRELLIS, REQUIREMENTS_MAP, TrellisGridMap)

struct _TrellisRequirementsMap
{
  TrellisGridMap  parent_instance;

  gint            scale_min;
  gint            scale_max;
};

G_DEFINE_FINAL_TYPE (TrellisRequirementsMap, trellis_requirements_map, TRELLIS_TYPE_GRID_MAP)

static gboolean
trellis_requirements_map_build_axes (TrellisGridMap  *grid,
                                     GError         **error)
{
  TrellisRequirementsMap *self = (TrellisRequirementsMap *) grid;
  TrellisMap *map = (TrellisMap *) self;
  TrellisRoster *roster = &grid->roster;
  guint n_comps = roster->n_at[TRELLIS_KIND_COMPETENCY];
  g_autoptr(GArray) roles = trellis_roster_filter_roles (roster);
  g_autofree gboolean *keep = NULL;

  self->scale_min = trellis_document_get_scale_min (map->document);
  self->scale_max = trellis_document_get_scale_max (map->document);

  if (trellis_roster_is_filtered (roster))
    {
      keep = g_new0 (gboolean, MAX (n_comps, 1));
      for (guint k = 0; k < n_comps; k++)
        keep[k] = trellis_grid_map_required_by (grid, roles, k);
    }
  trellis_grid_map_add_grouped (grid, &map->columns, TRELLIS_KIND_COMPETENCY, TRELLIS_ITEM_COMPETENCY,
                                TRELLIS_KIND_VALUE, keep, _("No value"));

  trellis_axis_begin_group (&map->rows, NULL, NULL);
  for (guint r = 0; r < roster->n_at[TRELLIS_KIND_ROLE]; r++)
    {
      TrellisEntity *role = trellis_roster_entity (roster, TRELLIS_KIND_ROLE, r);

      if (role == NULL || (trellis_roster_is_filtered (roster) && !trellis_roles_contain (roles, r)))
        continue;
      trellis_axis_add_item (&map->rows, TRELLIS_ITEM_ROLE, r, role, NULL)->role = r;
    }
  trellis_axis_end_group (&map->rows);

  return TRUE;
}

static void
trellis_requirements_map_compute_cell (TrellisGridMap   *grid,
                                       guint             row,
                                       guint             column,
                                       TrellisCellInfo  *info,
                                       TrellisCellPaint *paint)
{
  TrellisRequirementsMap *self = (TrellisRequirementsMap *) grid;
  TrellisMap *map = (TrellisMap *) self;
  gint required = trellis_analysis_get_role_required (map->analysis, trellis_axis_get_item (&map->rows, row)->index,
                                                      trellis_axis_get_item (&map->columns, column)->index);

  info->required = required;
  if (required == TRELLIS_LEVEL_NONE)
    {
      trellis_grid_map_not_required (grid, info, paint);
      return;
    }

  info->content = TRELLIS_CONTENT_VALUE;
  info->value = required;
  if (paint != NULL)
    {
      trellis_grid_map_fill (grid, paint,
                             trellis_palette_get_step (TRELLIS_PALETTE_REQUIRED,
                                                       trellis_palette_level_step (required, self->scale_min, self->scale_max)));
      paint->text[0] = trellis_style_number (map->style, required, FALSE);
    }
}

static void
trellis_requirements_map_describe_cell (TrellisGridMap        *grid,
                                        guint                  row,
                                        guint                  column,
                                        const TrellisCellInfo *info,
                                        gboolean               tooltip,
                                        GPtrArray             *lines)
{
  if (info->required != TRELLIS_LEVEL_NONE)
    {
      g_autofree char *level = trellis_grid_map_level_phrase (grid, info->required);
      /* Translators: e.g. "Required: 3 (Proficient)". */
      trellis_grid_map_add_line (lines, g_strdup_printf (_("Required: %s"), level));
    }
  else
    trellis_grid_map_add_line (lines, g_strdup (_("Not required")));
}

static void
trellis_requirements_map_add_legend (TrellisMap *map)
{
  TrellisRequirementsMap *self = (TrellisRequirementsMap *) map;

  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HEADING, NULL, NULL, _("Required level"));
  for (gint level = self->scale_min; level <= self->scale_max; level++)
    {
      const char *name = trellis_map_get_level_name (map, level);
      g_autofree char *sample = g_strdup_printf ("%d", level);

      trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_FILL,
                          trellis_palette_get_step (TRELLIS_PALETTE_REQUIRED,
                                                    trellis_palette_level_step (level, self->scale_min, self->scale_max)),
                          sample, name != NULL ? name : sample);
    }
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_NOT_REQUIRED, &map->colors->not_required, NULL,
                      _("not required"));
}

static void
trellis_requirements_map_class_init (TrellisRequirementsMapClass *klass)
{
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);
  TrellisGridMapClass *grid_class = TRELLIS_GRID_MAP_CLASS (klass);

  map_class->name = "requirements";
  map_class->title = N_("Role requirements");
  map_class->add_legend = trellis_requirements_map_add_legend;

  grid_class->build_axes = trellis_requirements_map_build_axes;
  grid_class->compute_cell = trellis_requirements_map_compute_cell;
  grid_class->describe_cell = trellis_requirements_map_describe_cell;
}

static void
trellis_requirements_map_init (TrellisRequirementsMap *self)
{
}
