/* trellis-legend-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-analysis.h"
#include "trellis-style-private.h"

G_BEGIN_DECLS

/* What a legend entry shows beside its words. */
typedef enum
{
  TRELLIS_SWATCH_HEADING,       /* no swatch: a heading over the entries after it */
  TRELLIS_SWATCH_FILL,          /* a colour, with a sample text */
  TRELLIS_SWATCH_HATCH,
  TRELLIS_SWATCH_SUPPRESSED,
  TRELLIS_SWATCH_NOT_REQUIRED,
  TRELLIS_SWATCH_WANT,          /* a colour with a cell mark */
  TRELLIS_SWATCH_MANDATE,
  TRELLIS_SWATCH_SINGLE,
  TRELLIS_SWATCH_BOUNDARY,
  TRELLIS_SWATCH_PROBLEM,       /* a symbol */
  TRELLIS_SWATCH_WARNING,
  TRELLIS_SWATCH_NEW,
  TRELLIS_SWATCH_STRIPS,
  TRELLIS_SWATCH_STAGE,
  TRELLIS_SWATCH_LINK,
  TRELLIS_SWATCH_TEXT,          /* no swatch: words alone */
} TrellisSwatch;

typedef struct
{
  TrellisSwatch      kind;
  TrellisRgba        fill;
  guint16            text;      /* sample text in the swatch */
  guint8             marks;     /* TRELLIS_CELL_MARK_* on a FILL swatch */
  PangoLayout       *label;
  double             x;
  double             y;
  double             width;
  double             height;
} TrellisLegendItem;

/**
 * TrellisLegend:
 *
 * What is written under a map: every colour, pattern and mark of the
 * view, then the numbered findings and the names the picture shortened,
 * in full. The view adds its entries and findings; the layout places and
 * paints them.
 */
typedef struct
{
  GArray             *items;          /* TrellisLegendItem */
  GPtrArray          *findings;       /* const TrellisFinding *, numbered on the rows */
  GPtrArray          *lines;          /* PangoLayout: the findings, then the names in full */
  GPtrArray          *shortened;      /* labels shown shortened, borrowed */
  GHashTable         *shortened_seen;
  double              width;
  double              height;
  double              lines_height;
} TrellisLegend;

void   trellis_legend_init              (TrellisLegend      *self);
void   trellis_legend_clear             (TrellisLegend      *self);

void   trellis_legend_add               (TrellisLegend      *self,
                                         TrellisStyle       *style,
                                         TrellisSwatch       kind,
                                         const TrellisRgba  *fill,
                                         const char         *sample,
                                         const char         *label);
void   trellis_legend_add_marked        (TrellisLegend      *self,
                                         TrellisStyle       *style,
                                         TrellisSwatch       kind,
                                         const TrellisRgba  *fill,
                                         const char         *sample,
                                         const char         *label,
                                         guint               marks);
void   trellis_legend_add_gap_steps     (TrellisLegend      *self,
                                         TrellisStyle       *style,
                                         gboolean            change);
void   trellis_legend_add_share_steps   (TrellisLegend      *self,
                                         TrellisStyle       *style);
void   trellis_legend_add_count_steps   (TrellisLegend      *self,
                                         TrellisStyle       *style,
                                         TrellisPaletteKind  palette);
void   trellis_legend_add_line          (TrellisLegend      *self,
                                         PangoLayout        *line);
void   trellis_legend_note_shortened    (TrellisLegend      *self,
                                         const char         *label);
void   trellis_legend_add_names_in_full (TrellisLegend      *self,
                                         TrellisStyle       *style);

void   trellis_legend_place             (TrellisLegend      *self,
                                         TrellisStyle       *style,
                                         double              swatch,
                                         double              max_width);
void   trellis_legend_place_lines       (TrellisLegend      *self,
                                         TrellisStyle       *style,
                                         double              swatch,
                                         double              width);
void   trellis_legend_paint             (TrellisLegend      *self,
                                         TrellisStyle       *style,
                                         cairo_t            *cr,
                                         const TrellisRect  *clip,
                                         double              swatch,
                                         double              width);

G_END_DECLS
