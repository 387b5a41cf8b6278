/* trellis-render-options.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-render-types.h"
#include "trellis-types.h"

G_BEGIN_DECLS

/**
 * TrellisRenderOptions:
 * @view: which view to draw
 * @role: restrict the view to one role (its id), or %NULL
 * @person: restrict the view to one person (their id), or %NULL
 * @since: for %TRELLIS_VIEW_TREND, the earlier date to compare with
 * @theme: the colour theme
 * @scale: device pixels per logical pixel (2 on a HiDPI screen); the
 *   layout is in logical pixels, exports are scaled
 * @zoom: 1 for the normal size; cells and text grow with it
 * @rtl: lay out right to left (mirrored), for right-to-left languages
 * @audience: who is going to see it, and so who may be shown (see
 *   #TrellisAudience); %TRELLIS_AUDIENCE_COACH unless set
 * @cell_text: print levels and gaps in the cells where they fit
 * @font_family: a Pango family list, or %NULL for the default
 * @font_size: the size of cell and header text in points at zoom 1, or 0
 *   for the default
 * @title: the picture's title, or %NULL for "organisation — view"
 * @fit_width: with @fit_height, the size of a screen the whole picture is
 *   to fill (a presentation): the layout then takes the largest zoom
 *   (from 0.6 to 8) at which the title, the map and the legend fit on
 *   it, the legend beside the map or under it, the title and legend
 *   wrapped at its width; @zoom is not used. 0 for a picture of its own
 *   size
 * @fit_height: see @fit_width
 * @content_language: the language to show the matrix's own texts in
 *   (their translations where they have one), or %NULL for the original
 *
 * What to draw and how. A #TrellisLayout is computed for one set of
 * options; change them and compute a new layout.
 */
typedef struct
{
  TrellisView      view;
  char            *role;
  char            *person;
  TrellisDate      since;
  TrellisTheme     theme;
  double           scale;
  double           zoom;
  gboolean         rtl;
  TrellisAudience  audience;
  gboolean         cell_text;
  char            *font_family;
  double           font_size;
  char            *title;
  double           fit_width;
  double           fit_height;
  char            *content_language;
} TrellisRenderOptions;

#define TRELLIS_DEFAULT_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define TRELLIS_DEFAULT_FONT_SIZE   9.0

#define TRELLIS_TYPE_RENDER_OPTIONS (trellis_render_options_get_type ())

GType                 trellis_render_options_get_type   (void);
TrellisRenderOptions *trellis_render_options_new        (TrellisView                 view);
TrellisRenderOptions *trellis_render_options_copy       (const TrellisRenderOptions *self);
void                  trellis_render_options_free       (TrellisRenderOptions       *self);
gboolean              trellis_render_options_equal      (const TrellisRenderOptions *a,
                                                         const TrellisRenderOptions *b);
void                  trellis_render_options_set_role   (TrellisRenderOptions       *self,
                                                         const char                 *role);
void                  trellis_render_options_set_person (TrellisRenderOptions       *self,
                                                         const char                 *person);
void                  trellis_render_options_set_font_family (TrellisRenderOptions  *self,
                                                         const char                 *family);
void                  trellis_render_options_set_title  (TrellisRenderOptions       *self,
                                                         const char                 *title);
void                  trellis_render_options_set_content_language (TrellisRenderOptions *self,
                                                         const char                 *language);

gboolean              trellis_render_options_shows_person (const TrellisRenderOptions *self,
                                                         TrellisEntity              *person);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisRenderOptions, trellis_render_options_free)

G_END_DECLS
