/* trellis-map-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-axis-private.h"
#include "trellis-legend-private.h"

G_BEGIN_DECLS

/**
 * TrellisPageMode:
 * @TRELLIS_PAGE_CLEAR: paint the page under the clip first
 * @TRELLIS_PAGE_PAINTED: the caller painted it
 * @TRELLIS_PAGE_STRIPES: paint only the page between the cells (every
 *   cell edge lies on whole device pixels)
 *
 * How the page under the cell area is painted.
 */
typedef enum
{
  TRELLIS_PAGE_CLEAR,
  TRELLIS_PAGE_PAINTED,
  TRELLIS_PAGE_STRIPES,
} TrellisPageMode;

/**
 * TrellisMapFlags:
 * @TRELLIS_MAP_NEEDS_DATE: compares with an earlier date, the options'
 *   @since
 * @TRELLIS_MAP_SHOWS_ASSESSMENTS: shows assessments, so that the
 *   subtitle dates the newest one, or says there is none yet
 * @TRELLIS_MAP_NO_ROW_HEADERS: its rows are listed for the table twin but
 *   have no header of their own beside the cells
 */
typedef enum
{
  TRELLIS_MAP_NEEDS_DATE        = 1 << 0,
  TRELLIS_MAP_SHOWS_ASSESSMENTS = 1 << 1,
  TRELLIS_MAP_NO_ROW_HEADERS    = 1 << 2,
} TrellisMapFlags;

/**
 * TrellisLabelFunc:
 * @x: where the label starts, in the picture
 * @y: its baseline
 * @text: the label in full
 * @user_data: data
 *
 * Receives a label of the picture, for a text layer.
 */
typedef void (*TrellisLabelFunc) (double      x,
                                  double      y,
                                  const char *text,
                                  gpointer    user_data);

#define TRELLIS_TYPE_MAP            (trellis_map_get_type ())
#define TRELLIS_MAP(obj)            (G_TYPE_CHECK_INSTANCE_CAST ((obj), TRELLIS_TYPE_MAP, TrellisMap))
#define TRELLIS_IS_MAP(obj)         (G_TYPE_CHECK_INSTANCE_TYPE ((obj), TRELLIS_TYPE_MAP))
#define TRELLIS_MAP_CLASS(klass)    (G_TYPE_CHECK_CLASS_CAST ((klass), TRELLIS_TYPE_MAP, TrellisMapClass))
#define TRELLIS_MAP_GET_CLASS(obj)  (G_TYPE_INSTANCE_GET_CLASS ((obj), TRELLIS_TYPE_MAP, TrellisMapClass))

typedef struct _TrellisMap      TrellisMap;
typedef struct _TrellisMapClass TrellisMapClass;

/**
 * TrellisMap:
 *
 * What a view draws between its title and its legend, and the facts
 * behind it: the abstract base of every view. A layout makes the map of
 * its view (see the registry, trellis-view-registry.h), builds it, places
 * it, and asks it for its cells.
 *
 * Unlike most GObjects its instance is declared here, not hidden behind
 * accessors: the views read these fields for every cell of every frame,
 * and nothing outside src/render sees them. For the same reason the maps
 * cast between their types with plain C casts, not the checked GObject
 * macros: a checked cast costs as much as painting a cell's number, and
 * computing a cell, or counting a person in a total, takes several.
 */
struct _TrellisMap
{
  GObject                     parent_instance;

  /* Set by trellis_map_build(), before the class's build: */
  TrellisAnalysis            *analysis;
  TrellisDocument            *document;   /* the analysis's */
  const TrellisRenderOptions *options;    /* the layout's, which outlives the map */
  const TrellisThemeColors   *colors;
  TrellisStyle               *style;      /* the layout's fonts, text runs and hatch */
  TrellisLegend              *legend;     /* the layout's legend, findings and names in full */

  /* Filled in by the class's build and place: */
  TrellisAxis                 rows;
  TrellisAxis                 columns;
  double                      cell_width;
  double                      cell_height;
  double                      group_gap;
  double                      content_width;
  double                      content_height;
  guint                       n_not_shown;  /* people the view leaves out, for the subtitle */
};

/**
 * TrellisMapClass:
 * @name: the view's name in files, settings and on the command line
 * @title: its title, marked with N_() and translated when read
 * @flags: #TrellisMapFlags
 * @build: makes the rows and columns (and whatever else the view keeps);
 *   may fail with a #TRELLIS_RENDER_ERROR
 * @place: sets each row's and column's place and the content size
 * @add_legend: adds the view's entries to the legend
 * @add_subtitle: adds what narrows the view to the subtitle's parts
 * @paint: paints the cells (or whatever the view draws) that meet the
 *   clip, on a context already clipped to it, and returns how many
 * @get_cell_rect: a cell's slot in the cell area
 * @cell_at_point: the cell under a point of the cell area
 * @get_cell_info: the facts of a cell, into an info set to nothing
 * @dup_cell_text: what a cell prints, in words
 * @describe_cell: a cell in one sentence, or its tooltip
 * @prepare_threads: does the lazy steps of painting now
 * @add_labels: hands each label of the rows to a text layer, in full
 *
 * The interface every view implements. Grid views derive from
 * #TrellisGridMap, which implements the functions over rows and columns
 * of cells, all but @add_legend (and @add_subtitle and @prepare_threads,
 * which do nothing unless a view has something to do).
 */
struct _TrellisMapClass
{
  GObjectClass      parent_class;

  const char       *name;
  const char       *title;
  TrellisMapFlags   flags;

  gboolean  (*build)           (TrellisMap         *self,
                                GError            **error);
  void      (*place)           (TrellisMap         *self);
  void      (*add_legend)      (TrellisMap         *self);
  void      (*add_subtitle)    (TrellisMap         *self,
                                GPtrArray          *parts);
  guint     (*paint)           (TrellisMap         *self,
                                cairo_t            *cr,
                                const TrellisRect  *clip,
                                TrellisPageMode     page);
  gboolean  (*get_cell_rect)   (TrellisMap         *self,
                                guint               row,
                                guint               column,
                                TrellisRect        *rect);
  gboolean  (*cell_at_point)   (TrellisMap         *self,
                                double              x,
                                double              y,
                                guint              *row,
                                guint              *column);
  void      (*get_cell_info)   (TrellisMap         *self,
                                guint               row,
                                guint               column,
                                TrellisCellInfo    *info);
  char     *(*dup_cell_text)   (TrellisMap         *self,
                                guint               row,
                                guint               column);
  char     *(*describe_cell)   (TrellisMap         *self,
                                guint               row,
                                guint               column,
                                gboolean            tooltip);
  void      (*prepare_threads) (TrellisMap         *self);
  void      (*add_labels)      (TrellisMap         *self,
                                const TrellisRect  *row_headers,
                                const TrellisRect  *cells,
                                double              size,
                                TrellisLabelFunc    func,
                                gpointer            user_data);
};

GType         trellis_map_get_type         (void);

/* The matrix's own texts as every view shows them: in the options'
 * content language where they are translated, else as written. */
const char   *trellis_map_get_name         (TrellisMap                 *self,
                                            TrellisEntity              *entity);
char         *trellis_map_dup_label        (TrellisMap                 *self,
                                            TrellisEntity              *entity);
const char   *trellis_map_get_level_name   (TrellisMap                 *self,
                                            gint                        level);

gboolean      trellis_map_build            (TrellisMap                 *self,
                                            TrellisAnalysis            *analysis,
                                            const TrellisRenderOptions *options,
                                            TrellisStyle               *style,
                                            TrellisLegend              *legend,
                                            GError                    **error);
void          trellis_map_place            (TrellisMap                 *self);
void          trellis_map_add_legend       (TrellisMap                 *self);
void          trellis_map_add_subtitle     (TrellisMap                 *self,
                                            GPtrArray                  *parts);
guint         trellis_map_paint            (TrellisMap                 *self,
                                            cairo_t                    *cr,
                                            const TrellisRect          *clip,
                                            TrellisPageMode             page);
gboolean      trellis_map_get_cell_rect    (TrellisMap                 *self,
                                            guint                       row,
                                            guint                       column,
                                            TrellisRect                *rect);
gboolean      trellis_map_cell_at_point    (TrellisMap                 *self,
                                            double                      x,
                                            double                      y,
                                            guint                      *row,
                                            guint                      *column);
void          trellis_map_get_cell_info    (TrellisMap                 *self,
                                            guint                       row,
                                            guint                       column,
                                            TrellisCellInfo            *info);
char         *trellis_map_dup_cell_text    (TrellisMap                 *self,
                                            guint                       row,
                                            guint                       column);
char         *trellis_map_describe_cell    (TrellisMap                 *self,
                                            guint                       row,
                                            guint                       column,
                                            gboolean                    tooltip);
void          trellis_map_prepare_threads  (TrellisMap                 *self);
void          trellis_map_add_labels       (TrellisMap                 *self,
                                            const TrellisRect          *row_headers,
                                            const TrellisRect          *cells,
                                            double                      size,
                                            TrellisLabelFunc            func,
                                            gpointer                    user_data);

/* trellis-view-registry.c: the map type that draws a view. */
GType         trellis_view_get_map_type    (TrellisView                 view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisMap, g_object_unref)

G_END_DECLS
