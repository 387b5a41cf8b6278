/* trellis-grid-map-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-draw-private.h"
#include "trellis-map-private.h"
#include "trellis-roster-private.h"

G_BEGIN_DECLS

/* Patterns over a cell's fill. */
enum
{
  TRELLIS_PATTERN_NONE,
  TRELLIS_PATTERN_HATCH,       /* not assessed */
  TRELLIS_PATTERN_SUPPRESSED,  /* a short dash: withheld */
};

#define TRELLIS_MAX_PARTS 4

/**
 * TrellisCellPaint:
 * @fill: the cell's colour, or %NULL for the page's
 * @text_color: the colour of its text and marks, or %NULL for the page's
 * @pattern: a TRELLIS_PATTERN_*
 * @marks: TRELLIS_CELL_MARK_* in its corners
 * @n_parts: 0 for one text in the cell, else how many strips it has
 * @part_missing: a bit per strip that has nothing to show
 * @text: the text ids of the cell, or of each strip
 *
 * How a cell is painted.
 */
typedef struct
{
  const TrellisRgba *fill;
  const TrellisRgba *text_color;
  guint8             pattern;
  guint8             marks;
  guint8             n_parts;
  guint8             part_missing;
  guint16            text[TRELLIS_MAX_PARTS];
} TrellisCellPaint;

#define TRELLIS_TYPE_GRID_MAP            (trellis_grid_map_get_type ())
#define TRELLIS_GRID_MAP(obj)            (G_TYPE_CHECK_INSTANCE_CAST ((obj), TRELLIS_TYPE_GRID_MAP, TrellisGridMap))
#define TRELLIS_IS_GRID_MAP(obj)         (G_TYPE_CHECK_INSTANCE_TYPE ((obj), TRELLIS_TYPE_GRID_MAP))
#define TRELLIS_GRID_MAP_CLASS(klass)    (G_TYPE_CHECK_CLASS_CAST ((klass), TRELLIS_TYPE_GRID_MAP, TrellisGridMapClass))
#define TRELLIS_GRID_MAP_GET_CLASS(obj)  (G_TYPE_INSTANCE_GET_CLASS ((obj), TRELLIS_TYPE_GRID_MAP, TrellisGridMapClass))

typedef struct _TrellisGridMap      TrellisGridMap;
typedef struct _TrellisGridMapClass TrellisGridMapClass;

/**
 * TrellisGridMap:
 * @roster: who is who, and whom the audience may see
 *
 * A view drawn as a grid of cells: rows and columns in groups, each cell
 * a fill, a text and marks. It paints, places, hit-tests and puts into
 * words any grid; each grid view says which rows and columns it has and
 * what a cell holds.
 */
struct _TrellisGridMap
{
  TrellisMap     parent_instance;

  TrellisRoster  roster;
};

/**
 * TrellisGridMapClass:
 * @fit_group_names: widen the columns, up to half again, where that lets
 *   a group's name lie above its columns
 * @measure_cell: the width of a cell, wide enough for the widest text the
 *   view prints; the height is the same in every grid view
 * @build_axes: adds the rows and columns, in groups
 * @compute_cell: what a cell holds (@info, set to nothing) and, when
 *   @paint is not %NULL, how it is painted (@paint, set to nothing);
 *   called for every cell painted, so it reads and never allocates but
 *   the first time it meets something
 * @describe_cell: adds the lines that say what a cell holds, after the
 *   line that names its row and column
 * @paint_over: paints over the cells of rows [r0, r1) and columns
 *   [c0, c1), already clipped: lines that run between cells
 *
 * The small interface a grid view implements: its axes, a cell, the
 * words for a cell and (as every map) its legend.
 */
struct _TrellisGridMapClass
{
  TrellisMapClass  parent_class;

  gboolean         fit_group_names;

  double    (*measure_cell)  (TrellisGridMap     *self);
  gboolean  (*build_axes)    (TrellisGridMap     *self,
                              GError            **error);
  void      (*compute_cell)  (TrellisGridMap     *self,
                              guint               row,
                              guint               column,
                              TrellisCellInfo    *info,
                              TrellisCellPaint   *paint);
  void      (*describe_cell) (TrellisGridMap     *self,
                              guint               row,
                              guint               column,
                              const TrellisCellInfo *info,
                              gboolean            tooltip,
                              GPtrArray          *lines);
  void      (*paint_over)    (TrellisGridMap     *self,
                              cairo_t            *cr,
                              guint               r0,
                              guint               r1,
                              guint               c0,
                              guint               c1);
};

GType        trellis_grid_map_get_type          (void);

/* For the views' cells. */
void         trellis_grid_map_compute_cell      (TrellisGridMap     *self,
                                                 guint               row,
                                                 guint               column,
                                                 TrellisCellInfo    *info,
                                                 TrellisCellPaint   *paint);
void         trellis_grid_map_compute_all       (TrellisGridMap     *self);
void         trellis_grid_map_fill              (TrellisGridMap     *self,
                                                 TrellisCellPaint   *paint,
                                                 const TrellisRgba  *fill);
void         trellis_grid_map_fill_gap          (TrellisGridMap     *self,
                                                 TrellisCellPaint   *paint,
                                                 double              value);
void         trellis_grid_map_not_required      (TrellisGridMap     *self,
                                                 TrellisCellInfo    *info,
                                                 TrellisCellPaint   *paint);
void         trellis_grid_map_hatched           (TrellisGridMap     *self,
                                                 TrellisCellInfo    *info,
                                                 TrellisCellPaint   *paint);
void         trellis_grid_map_suppressed        (TrellisGridMap     *self,
                                                 TrellisCellInfo    *info,
                                                 TrellisCellPaint   *paint);

/* For the views' axes, words and legends. */
double       trellis_grid_map_get_air           (TrellisGridMap     *self);
void         trellis_grid_map_add_grouped       (TrellisGridMap     *self,
                                                 TrellisAxis        *axis,
                                                 TrellisKind         kind,
                                                 TrellisItemKind     item_kind,
                                                 TrellisKind         group_kind,
                                                 const gboolean     *keep,
                                                 const char         *ungrouped);
gboolean     trellis_grid_map_required_by       (TrellisGridMap     *self,
                                                 GArray             *roles,
                                                 guint               competency);
char        *trellis_grid_map_level_phrase      (TrellisGridMap     *self,
                                                 gint                level);
void         trellis_grid_map_add_line          (GPtrArray          *lines,
                                                 char               *line);
void         trellis_grid_map_add_privacy_legend (TrellisGridMap    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisGridMap, g_object_unref)

G_END_DECLS
