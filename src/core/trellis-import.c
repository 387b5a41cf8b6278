/* trellis-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-import-private.h"

/**
 * TrellisImport:
 *
 * Importing a spreadsheet saved as CSV into a matrix, in three steps,
 * each of which may be repeated:
 *
 * 1. trellis_import_preview() reads the first rows: the encoding, the
 *    delimiter, the kind of sheet and what each column holds, which the
 *    person may correct (trellis_import_set_format(), _set_kind(),
 *    _set_column()).
 * 2. trellis_import_read() reads every row into a plan, without touching
 *    the matrix: what will be added, updated or left, and the rows that
 *    cannot be imported, each with its number and the reason. It may run
 *    in another thread: it reads only what the import copied from the
 *    matrix when it was made.
 * 3. trellis_import_apply() makes the plan's changes through the
 *    document's API as one step of the history, in the thread that owns
 *    the document. If the matrix changed since the import was made, it
 *    refuses (%TRELLIS_IMPORT_ERROR_CHANGED) and changes nothing.
 *
 * The rows that cannot be imported are never applied: applying imports
 * the good rows; not applying imports nothing. See IMPORT.md.
 */

#define PREVIEW_ROWS 20

G_DEFINE_FINAL_TYPE (TrellisImport, trellis_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (trellis-import-error, trellis_import_error)

static void
column_clear (gpointer data)
{
  TrellisImportColumn *column = data;

  g_clear_pointer (&column->competency, g_free);
}

static void
plan_entity_clear (gpointer data)
{
  TrellisPlanEntity *plan = data;

  g_clear_pointer (&plan->name, g_free);
  g_clear_pointer (&plan->description, g_free);
  g_clear_pointer (&plan->links, g_array_unref);
  g_clear_pointer (&plan->levels, g_ptr_array_unref);
}

static void
document_changed_cb (TrellisImport *self)
{
  g_atomic_int_set (&self->stale, TRUE);
}

static void
trellis_import_dispose (GObject *object)
{
  TrellisImport *self = TRELLIS_IMPORT (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (trellis_import_parent_class)->dispose (object);
}

static void
trellis_import_finalize (GObject *object)
{
  TrellisImport *self = TRELLIS_IMPORT (object);

  trellis_snapshot_clear (&self->snapshot);
  g_free (self->display_name);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->preview_numbers, g_array_unref);
  g_clear_pointer (&self->problems, trellis_load_report_free);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_array_unref);
  g_clear_pointer (&self->entity_rows, g_hash_table_unref);
  g_clear_pointer (&self->wide, g_array_unref);

  G_OBJECT_CLASS (trellis_import_parent_class)->finalize (object);
}

static void
trellis_import_class_init (TrellisImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_import_dispose;
  object_class->finalize = trellis_import_finalize;
}

static void
trellis_import_init (TrellisImport *self)
{
  self->default_source = TRELLIS_SOURCE_COACH;
  self->default_date = trellis_date_today ();
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, TRUE, sizeof (TrellisImportColumn));
  g_array_set_clear_func (self->columns, column_clear);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->preview_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = trellis_load_report_new ();
  self->records = g_array_new (FALSE, FALSE, sizeof (TrellisPlanRecord));
  self->texts = g_ptr_array_new_with_free_func (trellis_text_free);
  g_ptr_array_add (self->texts, NULL);
  self->entities = g_array_new (FALSE, TRUE, sizeof (TrellisPlanEntity));
  g_array_set_clear_func (self->entities, plan_entity_clear);
  self->entity_rows = g_hash_table_new (NULL, NULL);
  self->wide = g_array_new (FALSE, FALSE, sizeof (TrellisImportRef));
}

/**
 * trellis_import_new:
 * @document: the matrix to import into
 * @display_name: the file's name, for messages and the undo step
 *
 * Makes an import into @document, copying what it needs to know of it.
 * Call in the thread that owns @document.
 *
 * Returns: (transfer full): a new #TrellisImport
 */
TrellisImport *
trellis_import_new (TrellisDocument *document,
                    const char      *display_name)
{
  TrellisImport *self;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_IMPORT, NULL);
  self->document = g_object_ref (document);
  self->display_name = g_strdup (display_name);
  trellis_snapshot_init (&self->snapshot, document, TRUE);
  self->changed_id = g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);

  return self;
}

TrellisDocument *
trellis_import_get_document (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  return self->document;
}

/* Choices */

/**
 * trellis_import_set_format:
 * @self: a #TrellisImport
 * @format: the encoding and delimiter; %TRELLIS_CSV_ENCODING_AUTO and a
 *   delimiter of 0 leave them to detection
 *
 * Says how the file is written. Read it again (preview and read) after.
 */
void
trellis_import_set_format (TrellisImport          *self,
                           const TrellisCsvFormat *format)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  g_return_if_fail (format != NULL);
  g_return_if_fail (format->encoding < TRELLIS_N_CSV_ENCODINGS);

  self->format = *format;
  self->format.bom = FALSE;
}

/**
 * trellis_import_get_format:
 * @self: a #TrellisImport
 *
 * How the file was found to be written, by the last reading (or as chosen,
 * before any).
 *
 * Returns: (transfer none): the format
 */
const TrellisCsvFormat *
trellis_import_get_format (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  return self->found.encoding != TRELLIS_CSV_ENCODING_AUTO ? &self->found : &self->format;
}

/**
 * trellis_import_set_kind:
 * @self: a #TrellisImport
 * @kind: what the sheet holds, or %TRELLIS_IMPORT_KIND_AUTO
 *
 * Says what the sheet holds; the columns are matched again to its
 * fields.
 */
void
trellis_import_set_kind (TrellisImport     *self,
                         TrellisImportKind  kind)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  g_return_if_fail (kind < TRELLIS_N_IMPORT_KINDS);

  self->kind = kind;
  self->columns_chosen = FALSE;
  trellis_import_map_columns (self);
}

/**
 * trellis_import_get_kind:
 * @self: a #TrellisImport
 *
 * Returns: what the sheet holds, as chosen or found; people when nothing
 *   was read yet
 */
TrellisImportKind
trellis_import_get_kind (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), TRELLIS_IMPORT_KIND_PEOPLE);

  if (self->kind != TRELLIS_IMPORT_KIND_AUTO)
    return self->kind;
  if (self->found_kind != TRELLIS_IMPORT_KIND_AUTO)
    return self->found_kind;

  return TRELLIS_IMPORT_KIND_PEOPLE;
}

/**
 * trellis_import_set_create_missing:
 * @self: a #TrellisImport
 * @create: whether to add the people, competencies, roles and values the
 *   file names and the matrix does not have
 *
 * Without it (the default), a row that names what the matrix does not
 * have cannot be imported.
 */
void
trellis_import_set_create_missing (TrellisImport *self,
                                   gboolean       create)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));

  self->create_missing = !!create;
}

gboolean
trellis_import_get_create_missing (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);

  return self->create_missing;
}

/**
 * trellis_import_set_default_source:
 * @self: a #TrellisImport
 * @source: the perspective of assessments whose row says none
 *
 * The default is %TRELLIS_SOURCE_COACH: a spreadsheet of levels is most
 * often kept by whoever coaches the team, and claims no talk in which
 * the level was agreed.
 */
void
trellis_import_set_default_source (TrellisImport *self,
                                   TrellisSource  source)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  g_return_if_fail (source < TRELLIS_N_SOURCES);

  self->default_source = source;
}

TrellisSource
trellis_import_get_default_source (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), TRELLIS_SOURCE_COACH);

  return self->default_source;
}

/**
 * trellis_import_set_default_date:
 * @self: a #TrellisImport
 * @date: the date of assessments whose row says none (today, unless set)
 */
void
trellis_import_set_default_date (TrellisImport *self,
                                 TrellisDate    date)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  g_return_if_fail (trellis_date_is_valid (date));

  self->default_date = date;
}

/* Reading */

typedef struct
{
  TrellisImport *self;
  gboolean       header;     /* the header row was read */
  gboolean       preview;    /* reading only the first rows */
  GError        *error;
} ReadState;

static void
set_headers (TrellisImport       *self,
             const TrellisCsvRow *row)
{
  gboolean same = row->n_fields == self->headers->len;

  for (guint i = 0; same && i < row->n_fields; i++)
    same = strcmp (row->fields[i], g_ptr_array_index (self->headers, i)) == 0;
  if (same)
    return;

  g_ptr_array_set_size (self->headers, 0);
  for (guint i = 0; i < row->n_fields; i++)
    {
      /* A header left empty is still a column; call it by its letter, as
       * spreadsheet programs do. */
      if (row->lengths[i] == 0)
        {
          GString *name = g_string_new (NULL);

          for (guint n = i + 1; n > 0; n = (n - 1) / 26)
            g_string_prepend_c (name, (char) ('A' + (n - 1) % 26));
          /* Translators: %s is a column's letter in a spreadsheet (A, B, … AA). */
          g_ptr_array_add (self->headers, g_strdup_printf (_("Column %s"), name->str));
          g_string_free (name, TRUE);
        }
      else
        g_ptr_array_add (self->headers, g_strdup (row->fields[i]));
    }
  self->columns_chosen = FALSE;
}

static gboolean
row_blank (const TrellisCsvRow *row)
{
  for (guint i = 0; i < row->n_fields; i++)
    {
      if (row->lengths[i] > 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
preview_row_cb (const TrellisCsvRow  *row,
                gpointer              user_data,
                GError              **error)
{
  ReadState *state = user_data;
  TrellisImport *self = state->self;
  char **cells;

  if (row_blank (row))
    return TRUE;

  if (!state->header)
    {
      state->header = TRUE;
      set_headers (self, row);
      return TRUE;
    }

  cells = g_new0 (char *, MAX (row->n_fields, self->headers->len) + 1);
  for (guint i = 0; i < MAX (row->n_fields, self->headers->len); i++)
    cells[i] = g_strdup (i < row->n_fields ? row->fields[i] : "");
  g_ptr_array_add (self->preview, cells);
  g_array_append_val (self->preview_numbers, row->number);

  return self->preview->len < PREVIEW_ROWS;
}

static gboolean
read_row_cb (const TrellisCsvRow  *row,
             gpointer              user_data,
             GError              **error)
{
  ReadState *state = user_data;
  TrellisImport *self = state->self;

  if (state->header)
    return trellis_import_plan_row (self, row);

  if (row_blank (row))
    return TRUE;

  state->header = TRUE;
  set_headers (self, row);
  if (!self->columns_chosen)
    {
      self->found_kind = trellis_import_detect_kind (self);
      trellis_import_map_columns (self);
    }

  return trellis_import_check_columns (self, error) && trellis_import_plan_begin (self, error);
}

typedef struct
{
  TrellisImportProgressFunc func;
  gpointer                  data;
  guint64                   size;
} Progress;

static void
progress_cb (guint64  bytes,
             gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->func != NULL)
    progress->func (progress->size > 0 ? MIN (1.0, (double) bytes / (double) progress->size) : 0.0,
                    progress->data);
}

/* Reads the file once, or twice when the guess that it is UTF-8 proves
 * wrong further on and the stream can go back to its start. */
static gboolean
read_stream (TrellisImport     *self,
             GInputStream      *stream,
             TrellisCsvRowFunc  func,
             ReadState         *state,
             Progress          *progress,
             GCancellable      *cancellable,
             GError           **error)
{
  TrellisCsvFormat format = self->format;
  g_autoptr(GError) local_error = NULL;

  if (trellis_csv_read (stream, self->display_name, &format, func, state, progress_cb, progress,
                        cancellable, &local_error))
    {
      self->found = format;
      return TRUE;
    }

  if (g_error_matches (local_error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_ENCODING) &&
      self->format.encoding == TRELLIS_CSV_ENCODING_AUTO && format.encoding == TRELLIS_CSV_ENCODING_UTF8 &&
      G_IS_SEEKABLE (stream) && g_seekable_can_seek (G_SEEKABLE (stream)) &&
      g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, NULL))
    {
      g_clear_error (&local_error);
      format = self->format;
      format.encoding = TRELLIS_CSV_ENCODING_WINDOWS_1252;
      state->header = FALSE;
      if (!state->preview)
        trellis_import_plan_reset (self);
      else
        {
          g_ptr_array_set_size (self->preview, 0);
          g_array_set_size (self->preview_numbers, 0);
        }
      if (trellis_csv_read (stream, self->display_name, &format, func, state, progress_cb, progress,
                            cancellable, error))
        {
          self->found = format;
          return TRUE;
        }
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
no_rows (TrellisImport  *self,
         GError        **error)
{
  g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_EMPTY,
               /* Translators: a spreadsheet import error; %s is a file name, e.g. “team.csv”. */
               _("%s holds no rows. Choose the file your spreadsheet program saved as CSV."), self->display_name);
  return FALSE;
}

/**
 * trellis_import_preview:
 * @self: a #TrellisImport
 * @stream: the start of the file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the header and the first rows: finds the encoding and the
 * delimiter (unless chosen), the kind of sheet, and what each column
 * holds (unless chosen again after the last preview).
 *
 * Returns: %TRUE when the file has a header
 */
gboolean
trellis_import_preview (TrellisImport  *self,
                        GInputStream   *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  ReadState state = { self, FALSE, TRUE, NULL };
  Progress progress = { NULL, NULL, 0 };

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  g_ptr_array_set_size (self->preview, 0);
  g_array_set_size (self->preview_numbers, 0);

  if (!read_stream (self, stream, preview_row_cb, &state, &progress, cancellable, error))
    return FALSE;
  if (!state.header)
    return no_rows (self, error);

  self->found_kind = trellis_import_detect_kind (self);
  if (!self->columns_chosen)
    trellis_import_map_columns (self);

  return TRUE;
}

guint
trellis_import_get_n_columns (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);

  return self->headers->len;
}

const char *
trellis_import_get_header (TrellisImport *self,
                           guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

const TrellisImportColumn *
trellis_import_get_column (TrellisImport *self,
                           guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, TrellisImportColumn, column);
}

/**
 * trellis_import_set_column:
 * @self: a #TrellisImport
 * @column: a column of the sheet
 * @value: what it holds
 *
 * Corrects what a column holds. The choice is kept until the kind is
 * chosen again or another file is previewed.
 */
void
trellis_import_set_column (TrellisImport             *self,
                           guint                      column,
                           const TrellisImportColumn *value)
{
  TrellisImportColumn *current;

  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (value != NULL && value->field < TRELLIS_N_COLUMN_FIELDS);

  current = &g_array_index (self->columns, TrellisImportColumn, column);
  g_free (current->competency);
  current->field = value->field;
  current->level = value->level;
  current->competency = g_strdup (value->competency);
  self->columns_chosen = TRUE;
}

guint
trellis_import_get_n_preview_rows (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);

  return self->preview->len;
}

/**
 * trellis_import_get_preview_cell:
 * @self: a #TrellisImport
 * @row: a row of the preview
 * @column: a column
 *
 * Returns: (transfer none): the cell as read, "" where the row is short
 */
const char *
trellis_import_get_preview_cell (TrellisImport *self,
                                 guint          row,
                                 guint          column)
{
  char **cells;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->preview->len, NULL);

  cells = g_ptr_array_index (self->preview, row);
  for (guint i = 0; i <= column; i++)
    {
      if (cells[i] == NULL)
        return "";
    }

  return cells[column];
}

guint
trellis_import_get_preview_row_number (TrellisImport *self,
                                       guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);
  g_return_val_if_fail (row < self->preview_numbers->len, 0);

  return g_array_index (self->preview_numbers, guint, row);
}

/**
 * trellis_import_read:
 * @self: a #TrellisImport
 * @stream: the file, from its start
 * @size: its size in bytes, for the progress, or 0 when not known
 * @progress: (nullable): told how far the reading is, now and then, in
 *   the thread that reads
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads every row into the plan (see #TrellisImport). Safe in another
 * thread, while nothing else uses @self.
 *
 * Returns: %TRUE when the file could be read; its rows may still have
 *   problems (trellis_import_get_problems())
 */
gboolean
trellis_import_read (TrellisImport              *self,
                     GInputStream               *stream,
                     guint64                     size,
                     TrellisImportProgressFunc   progress,
                     gpointer                    progress_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  ReadState state = { self, FALSE, FALSE, NULL };
  Progress p = { progress, progress_data, size };

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  trellis_import_plan_reset (self);
  if (!read_stream (self, stream, read_row_cb, &state, &p, cancellable, error))
    {
      trellis_import_plan_reset (self);
      return FALSE;
    }
  if (!state.header)
    return no_rows (self, error);

  trellis_import_plan_finish (self);
  return TRUE;
}

/**
 * trellis_import_get_problems:
 * @self: a #TrellisImport
 *
 * The rows that cannot be imported, each with its number (the report's
 * line) and a sentence saying why; the first thousand of them (the
 * summary counts them all).
 *
 * Returns: (transfer none): the problems
 */
TrellisLoadReport *
trellis_import_get_problems (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  return self->problems;
}

void
trellis_import_get_summary (TrellisImport        *self,
                            TrellisImportSummary *summary)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  g_return_if_fail (summary != NULL);

  *summary = self->summary;
}

static TrellisImportTarget
target_of_kind (TrellisKind kind)
{
  switch (kind)
    {
    case TRELLIS_KIND_PERSON:     return TRELLIS_IMPORT_PERSON;
    case TRELLIS_KIND_COMPETENCY: return TRELLIS_IMPORT_COMPETENCY;
    case TRELLIS_KIND_ROLE:       return TRELLIS_IMPORT_ROLE;
    case TRELLIS_KIND_VALUE:      return TRELLIS_IMPORT_VALUE;
    case TRELLIS_KIND_ORGANISATION:
    case TRELLIS_KIND_RESULT:
    case TRELLIS_KIND_RESPONSIBILITY:
    case TRELLIS_KIND_INDICATOR:
    case TRELLIS_KIND_ACTION:
    case TRELLIS_KIND_FEEDBACK:
    case TRELLIS_N_KINDS:
    default:
      return TRELLIS_N_IMPORT_TARGETS;
    }
}

/**
 * trellis_import_get_n_new:
 * @self: a #TrellisImport
 * @kind: people, competencies, roles or values
 *
 * Returns: how many of @kind the plan adds
 */
guint
trellis_import_get_n_new (TrellisImport *self,
                          TrellisKind    kind)
{
  TrellisImportTarget target = target_of_kind (kind);

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);

  return target < TRELLIS_N_IMPORT_TARGETS ? self->snapshot.lists[target].created->len : 0;
}

const char *
trellis_import_get_new_name (TrellisImport *self,
                             TrellisKind    kind,
                             guint          index)
{
  TrellisImportTarget target = target_of_kind (kind);
  TrellisNewEntity *item;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (target < TRELLIS_N_IMPORT_TARGETS, NULL);
  g_return_val_if_fail (index < self->snapshot.lists[target].created->len, NULL);

  item = g_ptr_array_index (self->snapshot.lists[target].created, index);
  return item->name;
}

/**
 * trellis_import_apply:
 * @self: a #TrellisImport whose file was read
 * @error: return location for a #GError
 *
 * Makes the plan's changes, the good rows only, as one step of the
 * history. Call in the thread that owns the document, once. Fails with
 * %TRELLIS_IMPORT_ERROR_CHANGED, changing nothing, if the matrix changed
 * since the import was made.
 *
 * Returns: %TRUE when applied
 */
gboolean
trellis_import_apply (TrellisImport  *self,
                      GError        **error)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->read, FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (g_atomic_int_get (&self->stale))
    {
      g_set_error_literal (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CHANGED,
                           _("The matrix changed while the spreadsheet was being read, so nothing was imported. "
                             "Import it again."));
      return FALSE;
    }

  g_clear_signal_handler (&self->changed_id, self->document);
  self->applied = TRUE;
  trellis_import_apply_plan (self);

  return TRUE;
}

/* Adds a part to a list joined with commas; takes @part. */
static void
append_part (GString *text,
             guint    n,
             char    *part)
{
  if (n > 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, part);
    }
  g_free (part);
}

/**
 * trellis_import_dup_summary_text:
 * @self: a #TrellisImport whose file was read
 *
 * What the import does (or did), in words: what it adds, updates and
 * leaves, and how many rows it skips.
 *
 * Returns: (transfer full): a translated sentence
 */
char *
trellis_import_dup_summary_text (TrellisImport *self)
{
  const TrellisImportSummary *s;
  GString *text;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  s = &self->summary;
  text = g_string_new (NULL);

  guint unchanged = s->unchanged[TRELLIS_KIND_PERSON] + s->unchanged[TRELLIS_KIND_COMPETENCY] +
                    s->assessments_unchanged;

  append_part (text, s->added[TRELLIS_KIND_PERSON],
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u person added", "%u people added",
                                          s->added[TRELLIS_KIND_PERSON]), s->added[TRELLIS_KIND_PERSON]));
  append_part (text, s->updated[TRELLIS_KIND_PERSON],
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u person updated", "%u people updated",
                                          s->updated[TRELLIS_KIND_PERSON]), s->updated[TRELLIS_KIND_PERSON]));
  append_part (text, s->added[TRELLIS_KIND_ROLE],
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u role added", "%u roles added",
                                          s->added[TRELLIS_KIND_ROLE]), s->added[TRELLIS_KIND_ROLE]));
  append_part (text, s->added[TRELLIS_KIND_COMPETENCY],
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u competency added", "%u competencies added",
                                          s->added[TRELLIS_KIND_COMPETENCY]), s->added[TRELLIS_KIND_COMPETENCY]));
  append_part (text, s->updated[TRELLIS_KIND_COMPETENCY],
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u competency updated", "%u competencies updated",
                                          s->updated[TRELLIS_KIND_COMPETENCY]), s->updated[TRELLIS_KIND_COMPETENCY]));
  append_part (text, s->added[TRELLIS_KIND_VALUE],
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u value added", "%u values added",
                                          s->added[TRELLIS_KIND_VALUE]), s->added[TRELLIS_KIND_VALUE]));
  append_part (text, s->assessments_added,
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u assessment added", "%u assessments added",
                                          s->assessments_added), s->assessments_added));
  append_part (text, s->assessments_updated,
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u assessment updated", "%u assessments updated",
                                          s->assessments_updated), s->assessments_updated));
  append_part (text, unchanged,
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u already up to date", "%u already up to date", unchanged), unchanged));
  append_part (text, s->bad_rows,
               /* Translators: one part of the summary of a spreadsheet import, joined with commas,
                * e.g. “3 people added, 1 role added, 2 rows skipped”; %u is how many. */
               g_strdup_printf (ngettext ("%u row skipped", "%u rows skipped", s->bad_rows), s->bad_rows));

  if (text->len == 0)
    g_string_append (text, _("Nothing to import: the file has no rows below its header"));

  return g_string_free (text, FALSE);
}

/**
 * trellis_import_column_dup_label:
 * @self: a #TrellisImport
 * @column: what a column holds
 *
 * What a column holds, in words: its field, and for the description of
 * a level or a level in a competency, which.
 *
 * Returns: (transfer full): a translated label
 */
char *
trellis_import_column_dup_label (TrellisImport             *self,
                                 const TrellisImportColumn *column)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  if (column->field == TRELLIS_COLUMN_LEVEL_TEXT)
    {
      const char *name = trellis_document_get_level_name (self->document, column->level);

      if (name != NULL && *name != '\0')
        /* Translators: %d is a level of the scale, %s its name. */
        return g_strdup_printf (_("Description of level %d (%s)"), column->level, name);
      /* Translators: %d is a level of the scale. */
      return g_strdup_printf (_("Description of level %d"), column->level);
    }

  if (column->field == TRELLIS_COLUMN_COMPETENCY_LEVEL && column->competency != NULL)
    {
      TrellisSnapList *list = &self->snapshot.lists[TRELLIS_IMPORT_COMPETENCY];
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (list->by_id, column->competency));

      if (found != 0)
        /* Translators: %s is a competency's name. */
        return g_strdup_printf (_("Level in ‘%s’"),
                                ((TrellisSnapEntity *) g_ptr_array_index (list->items, found - 1))->name);
    }

  if (column->field == TRELLIS_COLUMN_COMPETENCY_LEVEL)
    return g_strdup (_("Level in a new competency named by the header"));

  return g_strdup (trellis_column_field_get_label (column->field));
}
