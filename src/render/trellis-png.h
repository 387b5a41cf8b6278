/* trellis-png.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "trellis-render-types.h"

G_BEGIN_DECLS

/**
 * TrellisPngPrepareFunc:
 * @user_data: the data given to trellis_png_encode()
 *
 * Makes painting safe from several threads at once.
 */
typedef void (*TrellisPngPrepareFunc) (gpointer user_data);

/**
 * TrellisPngPaintFunc:
 * @cr: a cairo context whose origin is the picture's top left
 * @clip: the part of the picture to paint, in logical pixels
 * @user_data: the data given to trellis_png_encode()
 *
 * Paints part of a picture, exactly as painting the whole would.
 */
typedef void (*TrellisPngPaintFunc)   (cairo_t           *cr,
                                       const TrellisRect *clip,
                                       gpointer           user_data);

GBytes   *trellis_png_encode                (int                     width,
                                             int                     height,
                                             double                  scale,
                                             TrellisPngPrepareFunc   prepare,
                                             TrellisPngPaintFunc     paint,
                                             gpointer                user_data,
                                             GError                **error);
void      trellis_png_set_threads           (guint                   n_threads);

G_END_DECLS
