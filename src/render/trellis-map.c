/* trellis-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-map"

#include "config.h"

#include <string.h>

#include "trellis-map-private.h"

/* The abstract base of every view: what the layout asks a view for. Each
 * view is a subclass in a file of its own; the grid views share
 * TrellisGridMap, the line of sight is a map of its own. */

G_DEFINE_ABSTRACT_TYPE (TrellisMap, trellis_map, G_TYPE_OBJECT)

static void
trellis_map_real_add_subtitle (TrellisMap *self,
                               GPtrArray  *parts)
{
}

static void
trellis_map_real_prepare_threads (TrellisMap *self)
{
}

static void
trellis_map_finalize (GObject *object)
{
  TrellisMap *self = TRELLIS_MAP (object);

  trellis_axis_clear (&self->rows);
  trellis_axis_clear (&self->columns);
  g_clear_pointer (&self->analysis, trellis_analysis_unref);

  G_OBJECT_CLASS (trellis_map_parent_class)->finalize (object);
}

static void
trellis_map_class_init (TrellisMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_map_finalize;

  klass->add_subtitle = trellis_map_real_add_subtitle;
  klass->prepare_threads = trellis_map_real_prepare_threads;
}

static void
trellis_map_init (TrellisMap *self)
{
  trellis_axis_init (&self->rows);
  trellis_axis_init (&self->columns);
}

/**
 * trellis_map_build:
 * @self: a new map
 * @analysis: the analysis to show
 * @options: what to draw and how; they must outlive the map
 * @style: the picture's style, which must outlive the map
 * @legend: the picture's legend, which must outlive the map
 * @error: return location for a #TRELLIS_RENDER_ERROR
 *
 * Makes the map's rows and columns for @analysis.
 *
 * Returns: whether the map could be made
 */
gboolean
trellis_map_build (TrellisMap                 *self,
                   TrellisAnalysis            *analysis,
                   const TrellisRenderOptions *options,
                   TrellisStyle               *style,
                   TrellisLegend              *legend,
                   GError                    **error)
{
  g_return_val_if_fail (TRELLIS_IS_MAP (self), FALSE);
  g_return_val_if_fail (self->analysis == NULL, FALSE);

  self->analysis = trellis_analysis_ref (analysis);
  self->document = trellis_analysis_get_document (analysis);
  self->options = options;
  self->colors = style->colors;
  self->style = style;
  self->legend = legend;
  self->group_gap = 6 * options->zoom;
  self->rows.language = options->content_language;
  self->columns.language = options->content_language;

  return TRELLIS_MAP_GET_CLASS (self)->build (self, error);
}

/**
 * trellis_map_get_name:
 * @self: a map being built or built
 * @entity: an entity of its document
 *
 * The one place a view takes the name of an element from: in the content
 * language of its options, through trellis_entity_get_text().
 *
 * Returns: (nullable): the name to show
 */
const char *
trellis_map_get_name (TrellisMap    *self,
                      TrellisEntity *entity)
{
  return trellis_entity_get_name_in (entity, self->options->content_language);
}

char *
trellis_map_dup_label (TrellisMap    *self,
                       TrellisEntity *entity)
{
  return trellis_entity_dup_label_in (entity, self->options->content_language);
}

const char *
trellis_map_get_level_name (TrellisMap *self,
                            gint        level)
{
  return trellis_document_get_level_name_in (self->document, level, self->options->content_language);
}

/* Places the rows and columns and works out the content size. */
void
trellis_map_place (TrellisMap *self)
{
  TRELLIS_MAP_GET_CLASS (self)->place (self);
}

void
trellis_map_add_legend (TrellisMap *self)
{
  TRELLIS_MAP_GET_CLASS (self)->add_legend (self);
}

/* Adds what narrows the view, beyond a role or a person, to the
 * subtitle's parts. */
void
trellis_map_add_subtitle (TrellisMap *self,
                          GPtrArray  *parts)
{
  TRELLIS_MAP_GET_CLASS (self)->add_subtitle (self, parts);
}

/**
 * trellis_map_paint:
 * @self: a placed map
 * @cr: a cairo context whose origin is the cell area's, clipped to @clip
 * @clip: the part of the cell area to paint
 * @page: how the page under it is painted
 *
 * Returns: the number of cells (or nodes) painted
 */
guint
trellis_map_paint (TrellisMap        *self,
                   cairo_t           *cr,
                   const TrellisRect *clip,
                   TrellisPageMode    page)
{
  return TRELLIS_MAP_GET_CLASS (self)->paint (self, cr, clip, page);
}

gboolean
trellis_map_get_cell_rect (TrellisMap  *self,
                           guint        row,
                           guint        column,
                           TrellisRect *rect)
{
  return TRELLIS_MAP_GET_CLASS (self)->get_cell_rect (self, row, column, rect);
}

gboolean
trellis_map_cell_at_point (TrellisMap *self,
                           double      x,
                           double      y,
                           guint      *row,
                           guint      *column)
{
  return TRELLIS_MAP_GET_CLASS (self)->cell_at_point (self, x, y, row, column);
}

/* The facts of a cell; nothing for a map without cells of its own. */
void
trellis_map_get_cell_info (TrellisMap      *self,
                           guint            row,
                           guint            column,
                           TrellisCellInfo *info)
{
  memset (info, 0, sizeof *info);
  info->required = info->assessed = TRELLIS_LEVEL_NONE;

  if (TRELLIS_MAP_GET_CLASS (self)->get_cell_info != NULL)
    TRELLIS_MAP_GET_CLASS (self)->get_cell_info (self, row, column, info);
}

char *
trellis_map_dup_cell_text (TrellisMap *self,
                           guint       row,
                           guint       column)
{
  return TRELLIS_MAP_GET_CLASS (self)->dup_cell_text (self, row, column);
}

char *
trellis_map_describe_cell (TrellisMap *self,
                           guint       row,
                           guint       column,
                           gboolean    tooltip)
{
  return TRELLIS_MAP_GET_CLASS (self)->describe_cell (self, row, column, tooltip);
}

void
trellis_map_prepare_threads (TrellisMap *self)
{
  TRELLIS_MAP_GET_CLASS (self)->prepare_threads (self);
}

void
trellis_map_add_labels (TrellisMap        *self,
                        const TrellisRect *row_headers,
                        const TrellisRect *cells,
                        double             size,
                        TrellisLabelFunc   func,
                        gpointer           user_data)
{
  TRELLIS_MAP_GET_CLASS (self)->add_labels (self, row_headers, cells, size, func, user_data);
}
