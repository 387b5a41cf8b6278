/* trellis-csv-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-csv.h"

G_BEGIN_DECLS

/* The most bytes a spreadsheet may have: the same bound as a matrix. */
#define TRELLIS_CSV_MAX_SIZE TRELLIS_DOCUMENT_MAX_SIZE

/**
 * TrellisCsvRow:
 * @number: the row's number as a spreadsheet program shows it: 1 for the
 *   first row of the file, blank rows counted
 * @n_fields: how many cells it has; 0 for a blank row
 * @fields: each cell, UTF-8 and NUL-terminated, surrounding spaces and
 *   quotes taken off
 * @lengths: the length of each cell in bytes
 *
 * One row of a CSV file as the reader hands it on.
 */
typedef struct
{
  guint         number;
  guint         n_fields;
  const char  **fields;
  const gsize  *lengths;
} TrellisCsvRow;

/* Receives each row; returns FALSE to stop, with @error set when the
 * reading must fail. */
typedef gboolean (*TrellisCsvRowFunc)      (const TrellisCsvRow *row,
                                            gpointer             user_data,
                                            GError             **error);
typedef void     (*TrellisCsvProgressFunc) (guint64              bytes_read,
                                            gpointer             user_data);

gboolean trellis_csv_read (GInputStream           *stream,
                           const char             *display_name,
                           TrellisCsvFormat       *format,
                           TrellisCsvRowFunc       func,
                           gpointer                user_data,
                           TrellisCsvProgressFunc  progress,
                           gpointer                progress_data,
                           GCancellable           *cancellable,
                           GError                **error);

char     trellis_csv_detect_delimiter (const char *text,
                                       gsize       len,
                                       gboolean    complete);

G_END_DECLS
