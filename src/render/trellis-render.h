/* trellis-render.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-layout.h"
#include "trellis-palette.h"
#include "trellis-render-options.h"
#include "trellis-render-types.h"
#include "trellis-sheets.h"
#include "trellis-report.h"

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_EXPORT_PNG,
  TRELLIS_EXPORT_SVG,
  TRELLIS_EXPORT_PDF,
} TrellisExportFormat;

void      trellis_render_cairo             (TrellisLayout        *layout,
                                            cairo_t              *cr,
                                            const TrellisRect    *clip);
gboolean  trellis_export_format_from_path  (const char           *path,
                                            TrellisExportFormat  *format);
gboolean  trellis_render_to_file           (TrellisLayout        *layout,
                                            const char           *path,
                                            TrellisExportFormat   format,
                                            GError              **error);
GBytes   *trellis_render_to_bytes          (TrellisLayout        *layout,
                                            TrellisExportFormat   format,
                                            GError              **error);
gboolean  trellis_export_save              (GBytes               *bytes,
                                            const char           *path,
                                            int                   mode,
                                            GError              **error);

G_END_DECLS
