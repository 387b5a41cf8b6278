/* trellis-render-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_RENDER_ERROR (trellis_render_error_quark ())

typedef enum
{
  TRELLIS_RENDER_ERROR_UNKNOWN_ROLE,
  TRELLIS_RENDER_ERROR_UNKNOWN_PERSON,
  TRELLIS_RENDER_ERROR_NEEDS_DATE,
  TRELLIS_RENDER_ERROR_TOO_LARGE,
  TRELLIS_RENDER_ERROR_FORMAT,
  TRELLIS_RENDER_ERROR_WRITE,
} TrellisRenderError;

/**
 * TrellisRgba:
 *
 * A colour with straight (not premultiplied) alpha, each channel 0…1.
 * The renderer's own type, so that it needs neither GDK nor GTK.
 */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} TrellisRgba;

/**
 * TrellisRect:
 *
 * A rectangle in logical pixels (device pixels divided by the scale).
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TrellisRect;

/**
 * TrellisView:
 * @TRELLIS_VIEW_GAPS: the gap heatmap
 * @TRELLIS_VIEW_REQUIREMENTS: what each role requires
 * @TRELLIS_VIEW_COVERAGE: how many of each role's people meet it
 * @TRELLIS_VIEW_RESPONSIBILITIES: responsibility boundaries
 * @TRELLIS_VIEW_PERCEPTION: self, peer, coach and agreed levels
 * @TRELLIS_VIEW_TREND: the change since a date
 * @TRELLIS_VIEW_SIGHT: the line of sight
 * @TRELLIS_N_VIEWS: how many views there are
 *
 * The views of a matrix the renderer draws: one for each line of the
 * view registry, trellis-view-registry.h, in its order.
 */
typedef enum
{
#define TRELLIS_VIEW(CONSTANT, name) TRELLIS_VIEW_##CONSTANT,
#include "trellis-view-registry.h"
#undef TRELLIS_VIEW
  TRELLIS_N_VIEWS
} TrellisView;

/**
 * TrellisTheme:
 *
 * The colour themes: data colours come from the palettes, the chrome
 * (background, text, grid, bands) from the theme.
 */
typedef enum
{
  TRELLIS_THEME_LIGHT,
  TRELLIS_THEME_DARK,
  TRELLIS_THEME_HIGH_CONTRAST,
  TRELLIS_N_THEMES
} TrellisTheme;

/**
 * TrellisAudience:
 * @TRELLIS_AUDIENCE_COACH: a person with their coach, or HR: people who
 *   share their assessments with their coach or with the team are shown;
 *   people who keep them private are never shown, and count only in
 *   totals over three or more people that would not give them away
 * @TRELLIS_AUDIENCE_WORKSHOP: the whole team, on a projector: only people
 *   who share with the team are shown, and no total covers fewer than
 *   three people
 * @TRELLIS_AUDIENCE_TOTALS: the whole team, totals only: nobody is shown
 *   by name, so that every total over three or more people is safe to
 *   show (a small team with a few private people sees its totals)
 *
 * Who is going to see the picture. A view narrowed to one person shows
 * that person whatever they chose: they are looking at their own, or it
 * is shown with their consent.
 */
typedef enum
{
  TRELLIS_AUDIENCE_COACH,
  TRELLIS_AUDIENCE_WORKSHOP,
  TRELLIS_AUDIENCE_TOTALS,
  TRELLIS_N_AUDIENCES
} TrellisAudience;

#define TRELLIS_RECT_INIT(x, y, w, h) ((TrellisRect) { (x), (y), (w), (h) })

static inline gboolean
trellis_rect_intersects (const TrellisRect *a,
                         const TrellisRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
trellis_rect_contains_point (const TrellisRect *r,
                             double             x,
                             double             y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

GQuark       trellis_render_error_quark (void);

/* The view registry (trellis-view-registry.c): stable names for files
 * and the command line (never translated), titles, and what a view
 * needs. */
const char  *trellis_view_to_string     (TrellisView   view);
gboolean     trellis_view_from_string   (const char   *str,
                                         TrellisView  *out);
const char  *trellis_view_get_title     (TrellisView   view);
gboolean     trellis_view_needs_date    (TrellisView   view);
gboolean     trellis_view_is_grid       (TrellisView   view);
char        *trellis_view_dup_choices   (void);

const char  *trellis_theme_to_string    (TrellisTheme  theme);
gboolean     trellis_theme_from_string  (const char   *str,
                                         TrellisTheme *out);
const char  *trellis_audience_to_string   (TrellisAudience  audience);
gboolean     trellis_audience_from_string (const char      *str,
                                           TrellisAudience *out);
gboolean     trellis_audience_is_team     (TrellisAudience  audience);

G_END_DECLS
