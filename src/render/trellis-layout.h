/* trellis-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "trellis-analysis.h"
#include "trellis-render-options.h"
#include "trellis-render-types.h"

G_BEGIN_DECLS

/**
 * TrellisItemKind:
 * @TRELLIS_ITEM_PERSON: a person (gap, perception and trend rows)
 * @TRELLIS_ITEM_COMPETENCY: a competency
 * @TRELLIS_ITEM_ROLE: a role
 * @TRELLIS_ITEM_RESPONSIBILITY: a responsibility
 * @TRELLIS_ITEM_AGGREGATE_GAP: the mean gap (trend: mean change) of a
 *   role's people, or of the team when the entity is %NULL
 * @TRELLIS_ITEM_AGGREGATE_MEETING: the share of a role's (or the team's)
 *   people who meet the requirement
 * @TRELLIS_ITEM_CAPABLE: the column counting who could carry a
 *   responsibility today
 * @TRELLIS_ITEM_NODE: an element of the line of sight
 * @TRELLIS_ITEM_STAGE: a column of the line of sight
 *
 * What a row or column of a layout stands for.
 */
typedef enum
{
  TRELLIS_ITEM_PERSON,
  TRELLIS_ITEM_COMPETENCY,
  TRELLIS_ITEM_ROLE,
  TRELLIS_ITEM_RESPONSIBILITY,
  TRELLIS_ITEM_AGGREGATE_GAP,
  TRELLIS_ITEM_AGGREGATE_MEETING,
  TRELLIS_ITEM_CAPABLE,
  TRELLIS_ITEM_NODE,
  TRELLIS_ITEM_STAGE,
} TrellisItemKind;

/**
 * TrellisContent:
 * @TRELLIS_CONTENT_EMPTY: nothing to show: not required, no assignment
 * @TRELLIS_CONTENT_VALUE: a number: gap, mean, level, count, change
 * @TRELLIS_CONTENT_NOT_ASSESSED: required but not assessed (hatched,
 *   never a number)
 * @TRELLIS_CONTENT_SUPPRESSED: hidden in workshop mode (fewer than three
 *   people behind it)
 * @TRELLIS_CONTENT_ASSIGNMENT: a RACI assignment with its authority
 * @TRELLIS_CONTENT_PERSPECTIVES: the level of each perspective
 * @TRELLIS_CONTENT_NEW: first assessed after the trend's date
 *
 * What a cell holds.
 */
typedef enum
{
  TRELLIS_CONTENT_EMPTY,
  TRELLIS_CONTENT_VALUE,
  TRELLIS_CONTENT_NOT_ASSESSED,
  TRELLIS_CONTENT_SUPPRESSED,
  TRELLIS_CONTENT_ASSIGNMENT,
  TRELLIS_CONTENT_PERSPECTIVES,
  TRELLIS_CONTENT_NEW,
} TrellisContent;

typedef enum
{
  TRELLIS_CELL_FLAG_WANT        = 1 << 0,  /* the person wants to grow in it */
  TRELLIS_CELL_FLAG_MANDATE     = 1 << 1,  /* a person of the role is below what it needs */
  TRELLIS_CELL_FLAG_TARGET      = 1 << 2,  /* a coverage target is missed */
  TRELLIS_CELL_FLAG_SINGLE      = 1 << 3,  /* single point of knowledge */
  TRELLIS_CELL_FLAG_OWNER       = 1 << 4,  /* responsible or accountable */
  TRELLIS_CELL_FLAG_NOBODY      = 1 << 5,  /* nobody meets or can carry it */
  TRELLIS_CELL_FLAG_NOT_REQUIRED = 1 << 6, /* assessed but not required */
} TrellisCellFlags;

/**
 * TrellisCellInfo:
 * @content: what the cell holds
 * @flags: #TrellisCellFlags
 * @value: the number shown (gap, mean gap, level, count, change)
 * @required: the required level, or %TRELLIS_LEVEL_NONE
 * @assessed: the assessed level, or %TRELLIS_LEVEL_NONE
 * @source: the #TrellisSource of @assessed
 * @count: people meeting, capable, or assessed both times
 * @total: people counted
 * @raci: the RACI letters of an assignment
 * @authority: its delegation level
 * @perspectives: the latest level from each #TrellisSource, or
 *   %TRELLIS_LEVEL_NONE
 *
 * The facts behind one cell, the same ones that are painted, for a table
 * twin, tooltips and tests.
 */
typedef struct
{
  TrellisContent   content;
  guint            flags;
  double           value;
  gint             required;
  gint             assessed;
  TrellisSource    source;
  guint            count;
  guint            total;
  TrellisRaci      raci;
  TrellisAuthority authority;
  gint             perspectives[TRELLIS_N_SOURCES];
} TrellisCellInfo;

#define TRELLIS_TYPE_LAYOUT (trellis_layout_get_type ())
/**
 * TrellisElementKind:
 * @TRELLIS_ELEMENT_TITLE: the title's text
 * @TRELLIS_ELEMENT_SUBTITLE: the subtitle's text
 * @TRELLIS_ELEMENT_CORNER: where the row and column headers meet
 * @TRELLIS_ELEMENT_COLUMN_HEADERS: the column headers
 * @TRELLIS_ELEMENT_ROW_HEADERS: the row headers
 * @TRELLIS_ELEMENT_CELLS: the cells
 * @TRELLIS_ELEMENT_LEGEND_ENTRY: one entry of the legend: its swatch and words
 * @TRELLIS_ELEMENT_LEGEND_LINE: a line under the legend: a finding, or
 *   names in full
 *
 * A part of the whole picture that is drawn on its own.
 */
typedef enum
{
  TRELLIS_ELEMENT_TITLE,
  TRELLIS_ELEMENT_SUBTITLE,
  TRELLIS_ELEMENT_CORNER,
  TRELLIS_ELEMENT_COLUMN_HEADERS,
  TRELLIS_ELEMENT_ROW_HEADERS,
  TRELLIS_ELEMENT_CELLS,
  TRELLIS_ELEMENT_LEGEND_ENTRY,
  TRELLIS_ELEMENT_LEGEND_LINE,
} TrellisElementKind;

typedef struct
{
  TrellisElementKind kind;
  TrellisRect        rect;
} TrellisElement;

G_DECLARE_FINAL_TYPE (TrellisLayout, trellis_layout, TRELLIS, LAYOUT, GObject)

TrellisLayout        *trellis_layout_new                  (TrellisAnalysis             *analysis,
                                                           const TrellisRenderOptions  *options,
                                                           GError                     **error);
const TrellisRenderOptions *
                      trellis_layout_get_options          (TrellisLayout               *self);
TrellisAnalysis      *trellis_layout_get_analysis         (TrellisLayout               *self);

/* Geometry. The cell area, the row headers and the column headers each
 * have their own coordinates: cells from (0, 0) to the content size; row
 * headers share the cells' y, column headers the cells' x. */
void                  trellis_layout_get_content_size     (TrellisLayout               *self,
                                                           double                      *width,
                                                           double                      *height);
double                trellis_layout_get_row_header_width (TrellisLayout               *self);
double                trellis_layout_get_column_header_height (TrellisLayout           *self);
void                  trellis_layout_get_picture_size     (TrellisLayout               *self,
                                                           double                      *width,
                                                           double                      *height);
void                  trellis_layout_get_areas            (TrellisLayout               *self,
                                                           TrellisRect                 *title,
                                                           TrellisRect                 *column_headers,
                                                           TrellisRect                 *row_headers,
                                                           TrellisRect                 *cells,
                                                           TrellisRect                 *legend);
GArray               *trellis_layout_dup_elements         (TrellisLayout               *self);

guint                 trellis_layout_get_n_rows           (TrellisLayout               *self);
guint                 trellis_layout_get_n_columns        (TrellisLayout               *self);
gboolean              trellis_layout_get_cell_rect        (TrellisLayout               *self,
                                                           guint                        row,
                                                           guint                        column,
                                                           TrellisRect                 *rect);
gboolean              trellis_layout_get_row_extent       (TrellisLayout               *self,
                                                           guint                        row,
                                                           double                      *y,
                                                           double                      *height);
gboolean              trellis_layout_get_column_extent    (TrellisLayout               *self,
                                                           guint                        column,
                                                           double                      *x,
                                                           double                      *width);
gboolean              trellis_layout_cell_at_point        (TrellisLayout               *self,
                                                           double                       x,
                                                           double                       y,
                                                           guint                       *row,
                                                           guint                       *column);
gboolean              trellis_layout_row_at_y             (TrellisLayout               *self,
                                                           double                       y,
                                                           guint                       *row);
gboolean              trellis_layout_column_at_x          (TrellisLayout               *self,
                                                           double                       x,
                                                           guint                       *column);

/* Rows, columns and their groups, for hit tests and the table twin. */
TrellisItemKind       trellis_layout_get_row_kind         (TrellisLayout               *self,
                                                           guint                        row);
TrellisEntity        *trellis_layout_get_row_entity       (TrellisLayout               *self,
                                                           guint                        row);
const char           *trellis_layout_get_row_label        (TrellisLayout               *self,
                                                           guint                        row);
guint                 trellis_layout_get_row_group        (TrellisLayout               *self,
                                                           guint                        row);
TrellisItemKind       trellis_layout_get_column_kind      (TrellisLayout               *self,
                                                           guint                        column);
TrellisEntity        *trellis_layout_get_column_entity    (TrellisLayout               *self,
                                                           guint                        column);
const char           *trellis_layout_get_column_label     (TrellisLayout               *self,
                                                           guint                        column);
guint                 trellis_layout_get_column_group     (TrellisLayout               *self,
                                                           guint                        column);
guint                 trellis_layout_get_n_row_groups     (TrellisLayout               *self);
const char           *trellis_layout_get_row_group_label  (TrellisLayout               *self,
                                                           guint                        group);
TrellisEntity        *trellis_layout_get_row_group_entity (TrellisLayout               *self,
                                                           guint                        group);
guint                 trellis_layout_get_n_column_groups  (TrellisLayout               *self);
const char           *trellis_layout_get_column_group_label (TrellisLayout             *self,
                                                           guint                        group);
TrellisEntity        *trellis_layout_get_column_group_entity (TrellisLayout            *self,
                                                           guint                        group);

/* Cells. */
void                  trellis_layout_get_cell_info        (TrellisLayout               *self,
                                                           guint                        row,
                                                           guint                        column,
                                                           TrellisCellInfo             *info);
char                 *trellis_layout_dup_cell_text        (TrellisLayout               *self,
                                                           guint                        row,
                                                           guint                        column);
char                 *trellis_layout_dup_cell_description (TrellisLayout               *self,
                                                           guint                        row,
                                                           guint                        column);
char                 *trellis_layout_dup_tooltip          (TrellisLayout               *self,
                                                           guint                        row,
                                                           guint                        column);

/* Findings listed under the responsibility map. */
guint                 trellis_layout_get_n_findings       (TrellisLayout               *self);
const TrellisFinding *trellis_layout_get_finding          (TrellisLayout               *self,
                                                           guint                        index);

/**
 * TrellisCellPattern:
 * @TRELLIS_CELL_PATTERN_NONE: the fill alone
 * @TRELLIS_CELL_PATTERN_HATCH: hatched: required but not assessed
 * @TRELLIS_CELL_PATTERN_WITHHELD: a short dash: a total withheld from the
 *   audience
 *
 * What a cell shows over its fill.
 */
typedef enum
{
  TRELLIS_CELL_PATTERN_NONE,
  TRELLIS_CELL_PATTERN_HATCH,
  TRELLIS_CELL_PATTERN_WITHHELD,
} TrellisCellPattern;

/**
 * TrellisCellLook:
 * @fill: the cell's colour
 * @text: the colour of its text
 * @pattern: what it shows over the fill
 * @pattern_color: the colour of the pattern
 *
 * How a cell is painted, for outputs that are not pictures.
 */
typedef struct
{
  TrellisRgba         fill;
  TrellisRgba         text;
  TrellisCellPattern  pattern;
  TrellisRgba         pattern_color;
} TrellisCellLook;

/* The picture in words and colours, for spreadsheets. */
const char           *trellis_layout_get_title            (TrellisLayout               *self);
const char           *trellis_layout_get_subtitle         (TrellisLayout               *self);
gboolean              trellis_layout_get_cell_look        (TrellisLayout               *self,
                                                           guint                        row,
                                                           guint                        column,
                                                           TrellisCellLook             *look);
guint                 trellis_layout_get_n_legend_entries (TrellisLayout               *self);
gboolean              trellis_layout_get_legend_entry     (TrellisLayout               *self,
                                                           guint                        index,
                                                           const char                 **label,
                                                           const char                 **sample,
                                                           gboolean                    *heading,
                                                           TrellisCellLook             *look);

/* Painting: each takes the area's own coordinates and a clip rectangle
 * in them, and touches nothing outside the clip. */
guint                 trellis_layout_paint_cells          (TrellisLayout               *self,
                                                           cairo_t                     *cr,
                                                           const TrellisRect           *clip);
void                  trellis_layout_paint_row_headers    (TrellisLayout               *self,
                                                           cairo_t                     *cr,
                                                           const TrellisRect           *clip);
void                  trellis_layout_paint_column_headers (TrellisLayout               *self,
                                                           cairo_t                     *cr,
                                                           const TrellisRect           *clip);
void                  trellis_layout_paint_corner         (TrellisLayout               *self,
                                                           cairo_t                     *cr);
void                  trellis_layout_paint_title          (TrellisLayout               *self,
                                                           cairo_t                     *cr,
                                                           const TrellisRect           *clip);
void                  trellis_layout_paint_legend         (TrellisLayout               *self,
                                                           cairo_t                     *cr,
                                                           const TrellisRect           *clip);
void                  trellis_layout_paint_focus          (TrellisLayout               *self,
                                                           cairo_t                     *cr,
                                                           guint                        row,
                                                           guint                        column);

/* Before painting from several threads at once. */
void                  trellis_layout_prepare_threads      (TrellisLayout               *self);

G_END_DECLS
