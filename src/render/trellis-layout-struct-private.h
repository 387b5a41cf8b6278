/* trellis-layout-struct-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "trellis-layout-private.h"
#include "trellis-style-private.h"

G_BEGIN_DECLS

/* The insides of a layout, shared by the file that builds it
 * (trellis-layout.c) and the one that arranges it on a screen to fill
 * (trellis-layout-screen.c). */
struct _TrellisLayout
{
  GObject                    parent_instance;

  TrellisAnalysis           *analysis;
  TrellisDocument           *document;
  TrellisRenderOptions      *options;
  TrellisStyle               style;
  TrellisLegend              legend;
  TrellisMap                *map;
  TrellisDate                latest;

  /* The picture around the map. */
  PangoLayout               *title;
  PangoLayout               *subtitle;
  double                     margin;
  double                     picture_width;
  double                     picture_height;
  TrellisRect                area_title;
  TrellisRect                area_columns;
  TrellisRect                area_rows;
  TrellisRect                area_cells;
  TrellisRect                area_legend;
};

/* trellis-layout.c */
gboolean trellis_layout_build_parts   (TrellisLayout  *self,
                                       GError        **error);
void     trellis_layout_clear_parts   (TrellisLayout  *self);

/* trellis-layout-screen.c */
gboolean trellis_layout_fit_to_screen (TrellisLayout  *self,
                                       GError        **error);

G_END_DECLS
