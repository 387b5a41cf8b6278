/* trellis-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisCsvEncoding:
 * @TRELLIS_CSV_ENCODING_AUTO: tell from the bytes (reading only): a byte
 *   order mark, else UTF-8 if the bytes are UTF-8, else Windows-1252
 * @TRELLIS_CSV_ENCODING_UTF8: UTF-8, with or without a byte order mark
 * @TRELLIS_CSV_ENCODING_WINDOWS_1252: what Excel writes in Western Europe
 *   ("CSV (Comma delimited)")
 * @TRELLIS_CSV_ENCODING_UTF16LE: Excel's "Unicode Text", little endian,
 *   recognised by its byte order mark
 * @TRELLIS_CSV_ENCODING_UTF16BE: the same, big endian
 *
 * The character encodings a spreadsheet file may be in.
 */
typedef enum
{
  TRELLIS_CSV_ENCODING_AUTO,
  TRELLIS_CSV_ENCODING_UTF8,
  TRELLIS_CSV_ENCODING_WINDOWS_1252,
  TRELLIS_CSV_ENCODING_UTF16LE,
  TRELLIS_CSV_ENCODING_UTF16BE,
  TRELLIS_N_CSV_ENCODINGS
} TrellisCsvEncoding;

/**
 * TrellisCsvFormat:
 * @encoding: the character encoding
 * @delimiter: `,`, `;` or a tab; 0 to detect it when reading
 * @bom: writing: start with a byte order mark (Excel needs one to take a
 *   file for UTF-8); reading: whether the file had one
 *
 * How a CSV file is written, or was found to be written.
 */
typedef struct
{
  TrellisCsvEncoding encoding;
  char               delimiter;
  gboolean           bom;
} TrellisCsvFormat;

#define TRELLIS_CSV_FORMAT_INIT { TRELLIS_CSV_ENCODING_AUTO, 0, FALSE }

/* The most columns a row may have: Excel's own limit. */
#define TRELLIS_CSV_MAX_COLUMNS 16384
/* The most bytes one cell may hold, after decoding. */
#define TRELLIS_CSV_MAX_CELL (1024 * 1024)

const char *trellis_csv_encoding_to_string   (TrellisCsvEncoding  encoding);
gboolean    trellis_csv_encoding_from_string (const char         *str,
                                              TrellisCsvEncoding *out);
const char *trellis_csv_encoding_get_label   (TrellisCsvEncoding  encoding);
gboolean    trellis_csv_delimiter_from_string (const char        *str,
                                              char               *out);
const char *trellis_csv_delimiter_get_label  (char                delimiter);

/* Writing. */
typedef struct _TrellisCsvWriter TrellisCsvWriter;

TrellisCsvWriter *trellis_csv_writer_new        (GOutputStream          *stream,
                                                 const TrellisCsvFormat *format);
void              trellis_csv_writer_free       (TrellisCsvWriter       *self);
void              trellis_csv_writer_add_field  (TrellisCsvWriter       *self,
                                                 const char             *text);
void              trellis_csv_writer_add_int    (TrellisCsvWriter       *self,
                                                 gint64                  value);
void              trellis_csv_writer_add_double (TrellisCsvWriter       *self,
                                                 double                  value);
gboolean          trellis_csv_writer_end_row    (TrellisCsvWriter       *self,
                                                 GCancellable           *cancellable,
                                                 GError                **error);
gboolean          trellis_csv_writer_finish     (TrellisCsvWriter       *self,
                                                 GCancellable           *cancellable,
                                                 GError                **error);

/**
 * TrellisAssessmentColumn:
 *
 * The columns of the long form of assessments, one row per assessment:
 * what Trellis exports, and the first shape its import reads.
 */
typedef enum
{
  TRELLIS_ASSESSMENT_COLUMN_PERSON_ID,
  TRELLIS_ASSESSMENT_COLUMN_PERSON,
  TRELLIS_ASSESSMENT_COLUMN_COMPETENCY_ID,
  TRELLIS_ASSESSMENT_COLUMN_COMPETENCY,
  TRELLIS_ASSESSMENT_COLUMN_LEVEL,
  TRELLIS_ASSESSMENT_COLUMN_WANT,
  TRELLIS_ASSESSMENT_COLUMN_SOURCE,
  TRELLIS_ASSESSMENT_COLUMN_DATE,
  TRELLIS_ASSESSMENT_COLUMN_NOTE,
  TRELLIS_ASSESSMENT_COLUMN_EVIDENCE,
  TRELLIS_N_ASSESSMENT_COLUMNS
} TrellisAssessmentColumn;

/**
 * TrellisPersonFilter:
 * @person: a person of the matrix
 * @user_data: data
 *
 * Whether a person's assessments may be written: the audience's rule,
 * which lives with the views (see src/render).
 *
 * Returns: %TRUE to write them
 */
typedef gboolean (*TrellisPersonFilter) (TrellisPerson *person,
                                         gpointer       user_data);

/**
 * TrellisAssessmentFunc:
 * @person: the person
 * @competency: the competency
 * @assessment: one of the person's assessments on it
 * @user_data: data
 * @error: where to say why the walk stops
 *
 * Receives one assessment of a walk over the matrix.
 *
 * Returns: %FALSE, with @error set, to stop
 */
typedef gboolean (*TrellisAssessmentFunc) (TrellisPerson           *person,
                                           TrellisCompetency       *competency,
                                           const TrellisAssessment *assessment,
                                           gpointer                 user_data,
                                           GError                 **error);

const char *trellis_assessment_column_get_label (TrellisAssessmentColumn column);
const char *trellis_csv_yes                  (void);
gboolean    trellis_document_foreach_assessment (TrellisDocument        *document,
                                                 TrellisPersonFilter     filter,
                                                 gpointer                filter_data,
                                                 TrellisAssessmentFunc   func,
                                                 gpointer                user_data,
                                                 GError                **error);
gboolean    trellis_csv_write_assessments    (TrellisDocument        *document,
                                              TrellisCsvWriter       *writer,
                                              TrellisPersonFilter     filter,
                                              gpointer                filter_data,
                                              GCancellable           *cancellable,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisCsvWriter, trellis_csv_writer_free)

G_END_DECLS
