/* trellis-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-csv.h"
#include "trellis-document.h"
#include "trellis-load-report.h"

G_BEGIN_DECLS

#define TRELLIS_IMPORT_ERROR (trellis_import_error_quark ())

/**
 * TrellisImportError:
 * @TRELLIS_IMPORT_ERROR_EMPTY: the file holds no rows
 * @TRELLIS_IMPORT_ERROR_NOT_TEXT: the file is not text (a binary file, or a
 *   workbook that was not saved as CSV)
 * @TRELLIS_IMPORT_ERROR_ENCODING: bytes that are not text in the encoding
 * @TRELLIS_IMPORT_ERROR_MALFORMED: a quoted cell is never closed
 * @TRELLIS_IMPORT_ERROR_TOO_LARGE: the file, a row or a cell is too large
 * @TRELLIS_IMPORT_ERROR_COLUMNS: the columns do not say enough (no column
 *   names the person of a row, say)
 * @TRELLIS_IMPORT_ERROR_CHANGED: the matrix changed after the file was
 *   read; read it again
 *
 * Why a spreadsheet could not be imported. Every error carries a
 * translated sentence saying what is wrong and what to do. A failed
 * import changes nothing.
 */
typedef enum
{
  TRELLIS_IMPORT_ERROR_EMPTY,
  TRELLIS_IMPORT_ERROR_NOT_TEXT,
  TRELLIS_IMPORT_ERROR_ENCODING,
  TRELLIS_IMPORT_ERROR_MALFORMED,
  TRELLIS_IMPORT_ERROR_TOO_LARGE,
  TRELLIS_IMPORT_ERROR_COLUMNS,
  TRELLIS_IMPORT_ERROR_CHANGED,
} TrellisImportError;

/**
 * TrellisImportKind:
 * @TRELLIS_IMPORT_KIND_AUTO: tell from the column names
 * @TRELLIS_IMPORT_KIND_PEOPLE: a row per person: name, id, roles, sharing
 * @TRELLIS_IMPORT_KIND_COMPETENCIES: a row per competency: name, id,
 *   description, values, a description per level
 * @TRELLIS_IMPORT_KIND_ASSESSMENTS: the long form, a row per assessment:
 *   person, competency, level, want, source, date, note, evidence
 * @TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE: the wide form, a row per person
 *   and a column per competency holding the level
 *
 * What a spreadsheet holds.
 */
typedef enum
{
  TRELLIS_IMPORT_KIND_AUTO,
  TRELLIS_IMPORT_KIND_PEOPLE,
  TRELLIS_IMPORT_KIND_COMPETENCIES,
  TRELLIS_IMPORT_KIND_ASSESSMENTS,
  TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE,
  TRELLIS_N_IMPORT_KINDS
} TrellisImportKind;

/**
 * TrellisColumnField:
 *
 * What a column of a spreadsheet holds. Which fields fit which kind of
 * spreadsheet: trellis_column_field_fits().
 */
typedef enum
{
  TRELLIS_COLUMN_IGNORE,
  TRELLIS_COLUMN_PERSON_ID,
  TRELLIS_COLUMN_PERSON,
  TRELLIS_COLUMN_ROLES,
  TRELLIS_COLUMN_SHARE,
  TRELLIS_COLUMN_COMPETENCY_ID,
  TRELLIS_COLUMN_COMPETENCY,
  TRELLIS_COLUMN_DESCRIPTION,
  TRELLIS_COLUMN_VALUES,
  TRELLIS_COLUMN_LEVEL_TEXT,        /* the description of one level */
  TRELLIS_COLUMN_LEVEL,
  TRELLIS_COLUMN_WANT,
  TRELLIS_COLUMN_SOURCE,
  TRELLIS_COLUMN_DATE,
  TRELLIS_COLUMN_NOTE,
  TRELLIS_COLUMN_EVIDENCE,
  TRELLIS_COLUMN_COMPETENCY_LEVEL,  /* wide form: the level in one competency */
  TRELLIS_N_COLUMN_FIELDS
} TrellisColumnField;

/**
 * TrellisImportColumn:
 * @field: what the column holds
 * @level: for %TRELLIS_COLUMN_LEVEL_TEXT, the level it describes
 * @competency: for %TRELLIS_COLUMN_COMPETENCY_LEVEL, the competency's id,
 *   or %NULL for the one the header names (a new one, if the matrix has
 *   none of that name)
 *
 * How one column of a spreadsheet is read.
 */
typedef struct
{
  TrellisColumnField  field;
  gint                level;
  char               *competency;
} TrellisImportColumn;

/**
 * TrellisImportSummary:
 * @rows: the rows read below the header, blank rows left out
 * @bad_rows: rows that cannot be imported (see the problems)
 * @added: per #TrellisKind, the entities the import adds
 * @updated: per #TrellisKind, the entities whose fields it changes
 * @unchanged: per #TrellisKind, those it names but leaves as they are
 * @assessments_added: assessments it adds
 * @assessments_updated: assessments it changes (same person, competency,
 *   source and date)
 * @assessments_unchanged: assessments that are already in the matrix
 *
 * What an import will do, or did.
 */
typedef struct
{
  guint rows;
  guint bad_rows;
  guint added[TRELLIS_N_KINDS];
  guint updated[TRELLIS_N_KINDS];
  guint unchanged[TRELLIS_N_KINDS];
  guint assessments_added;
  guint assessments_updated;
  guint assessments_unchanged;
} TrellisImportSummary;

/**
 * TrellisImportProgressFunc:
 * @fraction: how much of the file was read, from 0 to 1
 * @user_data: data
 *
 * Called from the thread that reads, now and then.
 */
typedef void (*TrellisImportProgressFunc) (double   fraction,
                                           gpointer user_data);

#define TRELLIS_TYPE_IMPORT (trellis_import_get_type ())
G_DECLARE_FINAL_TYPE (TrellisImport, trellis_import, TRELLIS, IMPORT, GObject)

GQuark              trellis_import_error_quark        (void);

TrellisImport      *trellis_import_new                (TrellisDocument           *document,
                                                       const char                *display_name);
TrellisDocument    *trellis_import_get_document       (TrellisImport             *self);

/* Choices, before reading; each may be left to detection. */
void                trellis_import_set_format         (TrellisImport             *self,
                                                       const TrellisCsvFormat    *format);
const TrellisCsvFormat *
                    trellis_import_get_format         (TrellisImport             *self);
void                trellis_import_set_kind           (TrellisImport             *self,
                                                       TrellisImportKind          kind);
TrellisImportKind   trellis_import_get_kind           (TrellisImport             *self);
void                trellis_import_set_create_missing (TrellisImport             *self,
                                                       gboolean                   create);
gboolean            trellis_import_get_create_missing (TrellisImport             *self);
void                trellis_import_set_default_source (TrellisImport             *self,
                                                       TrellisSource              source);
TrellisSource       trellis_import_get_default_source (TrellisImport             *self);
void                trellis_import_set_default_date   (TrellisImport             *self,
                                                       TrellisDate                date);

/* The first rows: the encoding, delimiter, kind and columns found. */
gboolean            trellis_import_preview            (TrellisImport             *self,
                                                       GInputStream              *stream,
                                                       GCancellable              *cancellable,
                                                       GError                   **error);
guint               trellis_import_get_n_columns      (TrellisImport             *self);
const char         *trellis_import_get_header         (TrellisImport             *self,
                                                       guint                      column);
const TrellisImportColumn *
                    trellis_import_get_column         (TrellisImport             *self,
                                                       guint                      column);
void                trellis_import_set_column         (TrellisImport             *self,
                                                       guint                      column,
                                                       const TrellisImportColumn *value);
guint               trellis_import_get_n_preview_rows (TrellisImport             *self);
const char         *trellis_import_get_preview_cell   (TrellisImport             *self,
                                                       guint                      row,
                                                       guint                      column);
guint               trellis_import_get_preview_row_number (TrellisImport         *self,
                                                       guint                      row);

/* Reading the whole file into a plan: safe in another thread. */
gboolean            trellis_import_read               (TrellisImport             *self,
                                                       GInputStream              *stream,
                                                       guint64                    size,
                                                       TrellisImportProgressFunc  progress,
                                                       gpointer                   progress_data,
                                                       GCancellable              *cancellable,
                                                       GError                   **error);
TrellisLoadReport  *trellis_import_get_problems       (TrellisImport             *self);
void                trellis_import_get_summary        (TrellisImport             *self,
                                                       TrellisImportSummary      *summary);
char               *trellis_import_dup_summary_text   (TrellisImport             *self);
guint               trellis_import_get_n_new          (TrellisImport             *self,
                                                       TrellisKind                kind);
const char         *trellis_import_get_new_name       (TrellisImport             *self,
                                                       TrellisKind                kind,
                                                       guint                      index);

/* Applying the plan: one undo step. */
gboolean            trellis_import_apply              (TrellisImport             *self,
                                                       GError                   **error);

/* Names. */
const char         *trellis_import_kind_to_string     (TrellisImportKind          kind);
gboolean            trellis_import_kind_from_string   (const char                *str,
                                                       TrellisImportKind         *out);
const char         *trellis_import_kind_get_label     (TrellisImportKind          kind);
const char         *trellis_column_field_get_label    (TrellisColumnField         field);
const char         *trellis_column_field_to_string    (TrellisColumnField         field);
gboolean            trellis_column_field_from_string  (const char                *str,
                                                       TrellisColumnField        *out);
gboolean            trellis_column_field_fits         (TrellisColumnField         field,
                                                       TrellisImportKind          kind);
char               *trellis_import_column_dup_label   (TrellisImport             *self,
                                                       const TrellisImportColumn *column);

G_END_DECLS
