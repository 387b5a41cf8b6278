/* trellis-sheets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-csv.h"
#include "trellis-layout.h"
#include "trellis-render-options.h"

G_BEGIN_DECLS

/**
 * TrellisSheetFormat:
 * @TRELLIS_SHEET_CSV: comma-separated values: one table
 * @TRELLIS_SHEET_XLSX: an Excel workbook: a sheet per view, with the
 *   views' colours, and the assessments
 *
 * The spreadsheet formats Trellis writes.
 */
typedef enum
{
  TRELLIS_SHEET_CSV,
  TRELLIS_SHEET_XLSX,
} TrellisSheetFormat;

/* The views a workbook holds unless told otherwise. */
extern const TrellisView trellis_sheet_default_views[4];

gboolean  trellis_sheet_format_from_path   (const char                 *path,
                                            TrellisSheetFormat         *format);
const char *trellis_sheet_format_to_string (TrellisSheetFormat          format);
gboolean  trellis_sheet_format_from_string (const char                 *str,
                                            TrellisSheetFormat         *format);

gboolean  trellis_sheet_write_view_csv     (TrellisLayout              *layout,
                                            TrellisCsvWriter           *writer,
                                            GCancellable               *cancellable,
                                            GError                    **error);
gboolean  trellis_sheet_write_assessments_csv (TrellisDocument         *document,
                                            const TrellisRenderOptions *options,
                                            TrellisCsvWriter           *writer,
                                            GCancellable               *cancellable,
                                            GError                    **error);
GBytes   *trellis_sheet_csv_to_bytes       (TrellisAnalysis            *analysis,
                                            const TrellisRenderOptions *options,
                                            gboolean                    assessments,
                                            const TrellisCsvFormat     *format,
                                            GCancellable               *cancellable,
                                            GError                    **error);
GBytes   *trellis_sheet_xlsx_to_bytes      (TrellisAnalysis            *analysis,
                                            const TrellisRenderOptions *options,
                                            const TrellisView          *views,
                                            guint                       n_views,
                                            gboolean                    assessments,
                                            GCancellable               *cancellable,
                                            GError                    **error);

G_END_DECLS
