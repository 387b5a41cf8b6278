/* trellis-csv-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-csv-private.h"
#include "trellis-document-private.h"

/* Writing CSV for spreadsheet programs (RFC 4180): UTF-8, optionally
 * with the byte order mark Excel needs to take a file for UTF-8; cells
 * quoted when they hold the delimiter, a quote, a line end or spaces at
 * either end (which readers trim); rows ended by CRLF. With `;` as the
 * delimiter, as Excel uses where the decimal separator is a comma,
 * numbers are written with a decimal comma.
 *
 * A text cell starting with = + - or @ would be taken for a formula by
 * a spreadsheet program, which would run it on opening: such a cell is
 * written after an apostrophe, which spreadsheets show as text and the
 * import takes off again. Numbers are never text cells. */

#define FLUSH_SIZE (64 * 1024)

struct _TrellisCsvWriter
{
  GOutputStream *stream;
  char           delimiter;
  gboolean       decimal_comma;
  gboolean       first_cell;
  GString       *buf;
};

static const char * const assessment_columns[TRELLIS_N_ASSESSMENT_COLUMNS] = {
  NC_("spreadsheet column", "Person ID"),
  NC_("spreadsheet column", "Person"),
  NC_("spreadsheet column", "Competency ID"),
  NC_("spreadsheet column", "Competency"),
  NC_("spreadsheet column", "Level"),
  NC_("spreadsheet column", "Wants to grow"),
  NC_("spreadsheet column", "Source"),
  NC_("spreadsheet column", "Date"),
  NC_("spreadsheet column", "Note"),
  NC_("spreadsheet column", "Evidence"),
};

/**
 * trellis_assessment_column_get_label:
 * @column: a column of the long form
 *
 * Returns: the column's header, translated
 */
const char *
trellis_assessment_column_get_label (TrellisAssessmentColumn column)
{
  g_return_val_if_fail (column < TRELLIS_N_ASSESSMENT_COLUMNS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "spreadsheet column", assessment_columns[column]);
}

const char *
trellis_csv_yes (void)
{
  return C_("wants to grow", "yes");
}

/**
 * trellis_csv_writer_new:
 * @stream: where to write
 * @format: the delimiter and whether to start with a byte order mark;
 *   the encoding is always UTF-8
 *
 * Returns: (transfer full): a new writer; finish it with
 *   trellis_csv_writer_finish()
 */
TrellisCsvWriter *
trellis_csv_writer_new (GOutputStream          *stream,
                        const TrellisCsvFormat *format)
{
  TrellisCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (format->delimiter == ',' || format->delimiter == ';' || format->delimiter == '\t', NULL);

  self = g_new0 (TrellisCsvWriter, 1);
  self->stream = g_object_ref (stream);
  self->delimiter = format->delimiter;
  self->decimal_comma = format->delimiter == ';';
  self->first_cell = TRUE;
  self->buf = g_string_sized_new (FLUSH_SIZE + 4096);
  if (format->bom)
    g_string_append (self->buf, "\357\273\277");

  return self;
}

void
trellis_csv_writer_free (TrellisCsvWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_string_free (self->buf, TRUE);
  g_free (self);
}

static void
begin_cell (TrellisCsvWriter *self)
{
  if (!self->first_cell)
    g_string_append_c (self->buf, self->delimiter);
  self->first_cell = FALSE;
}

/**
 * trellis_csv_writer_add_field:
 * @self: a writer
 * @text: (nullable): a text cell; %NULL for an empty one
 *
 * Adds a cell to the row, quoted where needed.
 */
void
trellis_csv_writer_add_field (TrellisCsvWriter *self,
                              const char       *text)
{
  gsize len;
  gboolean quote;
  gboolean formula;

  g_return_if_fail (self != NULL);

  begin_cell (self);
  if (text == NULL || *text == '\0')
    return;

  len = strlen (text);
  formula = strchr ("=+-@", text[0]) != NULL;
  quote = g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1]) ||
          strpbrk (text, "\"\r\n") != NULL || memchr (text, self->delimiter, len) != NULL;

  if (!quote && !formula)
    {
      g_string_append_len (self->buf, text, (gssize) len);
      return;
    }

  if (quote)
    g_string_append_c (self->buf, '"');
  if (formula)
    g_string_append_c (self->buf, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buf, '"');
      g_string_append_c (self->buf, *p);
    }
  if (quote)
    g_string_append_c (self->buf, '"');
}

void
trellis_csv_writer_add_int (TrellisCsvWriter *self,
                            gint64            value)
{
  g_return_if_fail (self != NULL);

  begin_cell (self);
  g_string_append_printf (self->buf, "%" G_GINT64_FORMAT, value);
}

/**
 * trellis_csv_writer_add_double:
 * @self: a writer
 * @value: a number
 *
 * Adds a number with at most two decimals, with a decimal comma when the
 * delimiter is `;`. Not a number (NAN) is an empty cell.
 */
void
trellis_csv_writer_add_double (TrellisCsvWriter *self,
                               double            value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;
  gsize len;

  g_return_if_fail (self != NULL);

  begin_cell (self);
  if (value != value)
    return;

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  len = strlen (buf);
  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
      if (buf[len - 1] == '.')
        buf[--len] = '\0';
      else if (self->decimal_comma)
        *dot = ',';
    }
  if (strcmp (buf, "-0") == 0)
    strcpy (buf, "0");

  g_string_append (self->buf, buf);
}

static gboolean
flush (TrellisCsvWriter  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  gboolean ok = g_output_stream_write_all (self->stream, self->buf->str, self->buf->len, NULL, cancellable, error);

  g_string_truncate (self->buf, 0);
  return ok;
}

/**
 * trellis_csv_writer_end_row:
 * @self: a writer
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Ends the row; writes what waits when it is large enough.
 *
 * Returns: %FALSE when writing failed
 */
gboolean
trellis_csv_writer_end_row (TrellisCsvWriter  *self,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_string_append (self->buf, "\r\n");
  self->first_cell = TRUE;

  if (self->buf->len >= FLUSH_SIZE)
    return flush (self, cancellable, error);

  return TRUE;
}

/**
 * trellis_csv_writer_finish:
 * @self: a writer
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes what waits. The stream stays open.
 *
 * Returns: %FALSE when writing failed
 */
gboolean
trellis_csv_writer_finish (TrellisCsvWriter  *self,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->first_cell && !trellis_csv_writer_end_row (self, cancellable, error))
    return FALSE;

  return flush (self, cancellable, error) && g_output_stream_flush (self->stream, cancellable, error);
}

/* Assessments in the long form */

typedef struct
{
  GHashTable *position;   /* competency id (interned) → its position + 1 */
} Order;

static gint
compare_assessments (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const TrellisAssessment *aa = a;
  const TrellisAssessment *ab = b;
  Order *order = user_data;
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (order->position, aa->competency));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (order->position, ab->competency));

  if (pa != pb)
    return pa < pb ? -1 : 1;
  if (aa->date != ab->date)
    return aa->date < ab->date ? -1 : 1;
  return (aa->source > ab->source) - (aa->source < ab->source);
}

/**
 * trellis_document_foreach_assessment:
 * @document: a matrix
 * @filter: (nullable): whose assessments to walk; %NULL for everyone's
 * @filter_data: data for @filter
 * @func: receives each assessment
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Walks every assessment: people in the matrix's order, then each
 * person's competencies in the matrix's order, oldest first.
 *
 * Returns: %FALSE when @func stopped the walk
 */
gboolean
trellis_document_foreach_assessment (TrellisDocument        *document,
                                     TrellisPersonFilter     filter,
                                     gpointer                filter_data,
                                     TrellisAssessmentFunc   func,
                                     gpointer                user_data,
                                     GError                **error)
{
  Order order;
  guint n_people;
  guint n_competencies;
  gboolean ok = TRUE;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  order.position = g_hash_table_new (NULL, NULL);
  n_competencies = trellis_document_get_n_items (document, TRELLIS_KIND_COMPETENCY);
  for (guint c = 0; c < n_competencies; c++)
    g_hash_table_insert (order.position,
                         (gpointer) trellis_entity_get_id (trellis_document_get_item (document, TRELLIS_KIND_COMPETENCY, c)),
                         GUINT_TO_POINTER (c + 1));

  n_people = trellis_document_get_n_items (document, TRELLIS_KIND_PERSON);
  for (guint p = 0; p < n_people && ok; p++)
    {
      TrellisPerson *person = TRELLIS_PERSON (trellis_document_get_item (document, TRELLIS_KIND_PERSON, p));
      g_autoptr(GArray) assessments = NULL;

      if (filter != NULL && !filter (person, filter_data))
        continue;

      assessments = trellis_document_get_assessments (document, person, NULL);
      g_array_sort_with_data (assessments, compare_assessments, &order);
      for (guint i = 0; i < assessments->len && ok; i++)
        {
          const TrellisAssessment *a = &g_array_index (assessments, TrellisAssessment, i);
          TrellisEntity *competency = trellis_document_lookup (document, a->competency);

          ok = func (person, TRELLIS_COMPETENCY (competency), a, user_data, error);
        }
    }

  g_hash_table_unref (order.position);

  return ok;
}

typedef struct
{
  TrellisCsvWriter *writer;
  GCancellable     *cancellable;
} WriteData;

static gboolean
write_assessment_cb (TrellisPerson           *person,
                     TrellisCompetency       *competency,
                     const TrellisAssessment *a,
                     gpointer                 user_data,
                     GError                 **error)
{
  WriteData *data = user_data;
  TrellisCsvWriter *w = data->writer;
  char date[11];

  trellis_csv_writer_add_field (w, trellis_entity_get_id (TRELLIS_ENTITY (person)));
  trellis_csv_writer_add_field (w, trellis_entity_get_name (TRELLIS_ENTITY (person)));
  trellis_csv_writer_add_field (w, trellis_entity_get_id (TRELLIS_ENTITY (competency)));
  trellis_csv_writer_add_field (w, trellis_entity_get_name (TRELLIS_ENTITY (competency)));
  trellis_csv_writer_add_int (w, a->level);
  trellis_csv_writer_add_field (w, a->want ? trellis_csv_yes () : NULL);
  trellis_csv_writer_add_field (w, trellis_source_get_label (a->source));
  trellis_csv_writer_add_field (w, trellis_date_format (a->date, date));
  trellis_csv_writer_add_field (w, a->note);
  trellis_csv_writer_add_field (w, a->evidence);

  return trellis_csv_writer_end_row (w, data->cancellable, error);
}

/**
 * trellis_csv_write_assessments:
 * @document: a matrix
 * @writer: where to write
 * @filter: (nullable): whose assessments to write (the audience's rule)
 * @filter_data: data for @filter
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the long form of the assessments: a header, then a row per
 * assessment (see #TrellisAssessmentColumn), in the order of
 * trellis_document_foreach_assessment().
 *
 * Returns: %FALSE when writing failed
 */
gboolean
trellis_csv_write_assessments (TrellisDocument      *document,
                               TrellisCsvWriter     *writer,
                               TrellisPersonFilter   filter,
                               gpointer              filter_data,
                               GCancellable         *cancellable,
                               GError              **error)
{
  WriteData data = { writer, cancellable };

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);

  for (guint c = 0; c < TRELLIS_N_ASSESSMENT_COLUMNS; c++)
    trellis_csv_writer_add_field (writer, trellis_assessment_column_get_label (c));
  if (!trellis_csv_writer_end_row (writer, cancellable, error))
    return FALSE;

  return trellis_document_foreach_assessment (document, filter, filter_data, write_assessment_cb, &data, error) &&
         trellis_csv_writer_finish (writer, cancellable, error);
}
