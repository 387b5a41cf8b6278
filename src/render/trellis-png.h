/* trellis-png.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-layout.h"

G_BEGIN_DECLS

GBytes   *trellis_png_render                (TrellisLayout  *layout,
                                             GError        **error);
gboolean  trellis_render_check_raster_size  (TrellisLayout  *layout,
                                             int            *width,
                                             int            *height,
                                             GError        **error);
void      trellis_layout_prepare_threads    (TrellisLayout  *layout);
void      trellis_png_set_threads           (guint           n_threads);
guint32   trellis_png_adler32               (guint32         adler,
                                             const guint8   *data,
                                             gsize           length);
guint32   trellis_png_adler32_pixels        (guint32         adler,
                                             const guint32  *pixels,
                                             gsize           n_pixels);

G_END_DECLS
