/* trellis-perception-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-perception-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-people-map-private.h"

/* Perception: people × competencies, each cell the self, peer, coach and
 * agreed levels side by side (a dash where a perspective is missing),
 * coloured by self − coach (or peer). Nothing is averaged: no aggregate
 * rows.
 *
 * The analysis does not keep the levels per source: they are read from
 * the document, one row at a time, the first time the row is needed. */

G_DECLARE_FINAL_TYPE (TrellisPerceptionMap, trellis_perception_map, TRELLIS, PERCEPTION_MAP, TrellisPeopleMap)

struct _TrellisPerceptionMap
{
  TrellisPeopleMap  parent_instance;

  GPtrArray        *levels;  /* the rows' perspectives, read so far, owned */
};

G_DEFINE_FINAL_TYPE (TrellisPerceptionMap, trellis_perception_map, TRELLIS_TYPE_PEOPLE_MAP)

static double
trellis_perception_map_measure_cell (TrellisGridMap *grid)
{
  TrellisMap *map = (TrellisMap *) grid;

  return ceil (TRELLIS_N_SOURCES * (trellis_style_text_width (map->style, "8") + 5 * map->options->zoom) +
               trellis_grid_map_get_air (grid));
}

/* The latest level from each source, for one cell of a row; the row's
 * are read from the document the first time. */
static void
perception_levels (TrellisPerceptionMap *self,
                   guint                 row,
                   guint                 column,
                   gint                  out[TRELLIS_N_SOURCES])
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisItem *item = trellis_axis_get_item (&map->rows, row);
  gint8 *levels = item->data;
  guint n_cols = map->columns.items->len;

  if (levels == NULL)
    {
      levels = g_new (gint8, (gsize) n_cols * TRELLIS_N_SOURCES);
      memset (levels, TRELLIS_LEVEL_NONE, (gsize) n_cols * TRELLIS_N_SOURCES);
      for (guint c = 0; c < n_cols; c++)
        {
          const TrellisItem *col = trellis_axis_get_item (&map->columns, c);
          const TrellisCell *cell = trellis_analysis_get_cell (map->analysis, item->index, col->index);
          g_autoptr(GArray) history = NULL;
          TrellisDate dates[TRELLIS_N_SOURCES] = { 0 };

          if (cell->perspectives == 0)
            continue;

          history = trellis_document_get_assessments (map->document, TRELLIS_PERSON (item->entity),
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
      item->data = levels;
      g_ptr_array_add (self->levels, levels);
    }

  for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
    out[k] = levels[(gsize) column * TRELLIS_N_SOURCES + k];
}

/* The perception colour: self against the coach, else a peer. */
static gboolean
perception_difference (const gint  levels[TRELLIS_N_SOURCES],
                       gint       *difference)
{
  gint other = levels[TRELLIS_SOURCE_COACH] != TRELLIS_LEVEL_NONE ?
    levels[TRELLIS_SOURCE_COACH] : levels[TRELLIS_SOURCE_PEER];

  if (levels[TRELLIS_SOURCE_SELF] == TRELLIS_LEVEL_NONE || other == TRELLIS_LEVEL_NONE)
    return FALSE;

  *difference = levels[TRELLIS_SOURCE_SELF] - other;
  return TRUE;
}

static void
trellis_perception_map_compute_person (TrellisPeopleMap *people,
                                       guint             row,
                                       guint             column,
                                       TrellisCellInfo  *info,
                                       TrellisCellPaint *paint)
{
  TrellisPerceptionMap *self = (TrellisPerceptionMap *) people;
  TrellisGridMap *grid = (TrellisGridMap *) people;
  TrellisMap *map = (TrellisMap *) self;
  const TrellisCell *cell = trellis_people_map_person_cell (people, row, column, info, paint);
  gint diff;

  perception_levels (self, row, column, info->perspectives);
  if (cell->perspectives == 0)
    {
      if (info->required != TRELLIS_LEVEL_NONE)
        trellis_grid_map_hatched (grid, info, paint);
      else
        trellis_grid_map_not_required (grid, info, paint);
      return;
    }

  info->content = TRELLIS_CONTENT_PERSPECTIVES;
  if (perception_difference (info->perspectives, &diff))
    {
      info->value = diff;
      trellis_grid_map_fill_gap (grid, paint, diff);
    }
  else
    {
      /* Nothing to compare: a pale neutral, outlined like any pale fill,
       * so the cells still read as cells. */
      info->value = NAN;
      trellis_grid_map_fill (grid, paint, &map->colors->band[0]);
      if (paint != NULL)
        paint->text_color = &map->colors->foreground;
    }

  if (paint != NULL)
    {
      paint->n_parts = TRELLIS_N_SOURCES;
      for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
        {
          if (info->perspectives[k] == TRELLIS_LEVEL_NONE)
            paint->part_missing |= 1 << k;
          else
            paint->text[k] = trellis_style_number (map->style, info->perspectives[k], FALSE);
        }
    }
}

static void
trellis_perception_map_describe_person (TrellisPeopleMap      *people,
                                        guint                  row,
                                        guint                  column,
                                        const TrellisCellInfo *info,
                                        gboolean               tooltip,
                                        GPtrArray             *lines)
{
  TrellisGridMap *grid = (TrellisGridMap *) people;
  TrellisAssessment effective;
  gboolean assessed = trellis_people_map_get_assessment (people, row, column, &effective);

  for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
    {
      if (info->perspectives[k] == TRELLIS_LEVEL_NONE)
        /* Translators: a perspective without an assessment, e.g. "Peer: not assessed". */
        trellis_grid_map_add_line (lines, g_strdup_printf (_("%s: not assessed"), trellis_source_get_label (k)));
      else
        {
          g_autofree char *level = trellis_grid_map_level_phrase (grid, info->perspectives[k]);
          /* Translators: a perspective and its level, e.g. "Coach: 3 (Proficient)". */
          trellis_grid_map_add_line (lines, g_strdup_printf (_("%s: %s"), trellis_source_get_label (k), level));
        }
    }

  if (info->content == TRELLIS_CONTENT_PERSPECTIVES && !isnan (info->value))
    {
      gint diff = (gint) info->value;

      if (diff == 0)
        trellis_grid_map_add_line (lines, g_strdup (_("Self and coach (or peer) agree")));
      else if (diff > 0)
        /* Translators: a line of a cell's tooltip in the Perception view; %d is a number of levels,
         * e.g. “Rates themself 2 levels higher than the coach (or peer) does”. */
        trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("Rates themself %d level higher than the coach (or peer) does",
                                                                     "Rates themself %d levels higher than the coach (or peer) does",
                                                                     diff), diff));
      else
        /* Translators: a line of a cell's tooltip in the Perception view; %d is a number of levels,
         * e.g. “Rates themself 1 level lower than the coach (or peer) does”. */
        trellis_grid_map_add_line (lines, g_strdup_printf (ngettext ("Rates themself %d level lower than the coach (or peer) does",
                                                                     "Rates themself %d levels lower than the coach (or peer) does",
                                                                     -diff), -diff));
    }

  trellis_people_map_describe_wish_and_note (people, info, tooltip, assessed, &effective, lines);
}

static void
trellis_perception_map_add_legend (TrellisMap *map)
{
  const TrellisThemeColors *colors = map->colors;

  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HEADING, NULL, NULL,
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
        /* Translators: a legend entry of the Perception view: how much lower a person rates themself
         * than their coach or peer does; %d is a number of levels, e.g. “self 1 level lower”. */
        label = g_strdup_printf (ngettext ("self %d level lower", "self %d levels lower", n), n);
      trellis_legend_add_marked (map->legend, map->style, TRELLIS_SWATCH_FILL, trellis_palette_gap_color (v), sample, label,
                                 trellis_draw_gap_marks (v));
    }
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_STRIPS, &colors->band[0], NULL,
                      _("a dash: no assessment from that perspective; no colour: nothing to compare"));
  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HATCH, &colors->hatch_background, NULL, _("not assessed"));
}

/* Reads every row's perspectives now, before several threads paint. */
static void
trellis_perception_map_prepare_threads (TrellisMap *map)
{
  trellis_grid_map_compute_all ((TrellisGridMap *) map);
}

static void
trellis_perception_map_finalize (GObject *object)
{
  TrellisPerceptionMap *self = (TrellisPerceptionMap *) object;

  g_clear_pointer (&self->levels, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_perception_map_parent_class)->finalize (object);
}

static void
trellis_perception_map_class_init (TrellisPerceptionMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);
  TrellisGridMapClass *grid_class = TRELLIS_GRID_MAP_CLASS (klass);
  TrellisPeopleMapClass *people_class = TRELLIS_PEOPLE_MAP_CLASS (klass);

  object_class->finalize = trellis_perception_map_finalize;

  map_class->name = "perception";
  map_class->title = N_("Perception");
  map_class->flags = TRELLIS_MAP_SHOWS_ASSESSMENTS;
  map_class->add_legend = trellis_perception_map_add_legend;
  map_class->prepare_threads = trellis_perception_map_prepare_threads;

  /* Its cells are wide already. */
  grid_class->fit_group_names = FALSE;
  grid_class->measure_cell = trellis_perception_map_measure_cell;

  /* Nothing is averaged: no aggregate rows. */
  people_class->compute_person = trellis_perception_map_compute_person;
  people_class->describe_person = trellis_perception_map_describe_person;
}

static void
trellis_perception_map_init (TrellisPerceptionMap *self)
{
  self->levels = g_ptr_array_new_with_free_func (g_free);
}
