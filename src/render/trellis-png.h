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

G_END_DECLS
