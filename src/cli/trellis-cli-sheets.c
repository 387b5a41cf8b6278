/* trellis-cli-sheets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trellis-cli.h"
#include "trellis-import.h"
#ifdef TRELLIS_CLI_HAVE_RENDER
#include "trellis-analysis.h"
#include "trellis-render.h"
#include "trellis-translations.h"
#endif

/* import and export: spreadsheets in and out, with the same code the
 * application uses. */

/* import */

typedef struct
{
  char     *what;
  char     *encoding;
  char     *delimiter;
  char    **columns;
  char     *source;
  char     *date;
  char     *output;
  gboolean  add_missing;
  gboolean  good_rows;
  gboolean  dry_run;
  gboolean  new_matrix;
} ImportArgs;

static void
import_args_clear (ImportArgs *args)
{
  g_free (args->what);
  g_free (args->encoding);
  g_free (args->delimiter);
  g_strfreev (args->columns);
  g_free (args->source);
  g_free (args->date);
  g_free (args->output);
}

/* The choices of the command line, set on @import; a usage error when
 * one is wrong. */
static gboolean
import_choices (ImportArgs      *args,
                TrellisImport   *import,
                GOptionContext  *context,
                int             *status)
{
  TrellisCsvFormat format = TRELLIS_CSV_FORMAT_INIT;
  g_autofree char *msg = NULL;

  if (args->encoding != NULL && !trellis_csv_encoding_from_string (args->encoding, &format.encoding))
    /* Translators: %s is what the user typed after --encoding. */
    msg = g_strdup_printf (_("Unknown encoding ‘%s’. Choose utf-8 or windows-1252."), args->encoding);
  else if (args->delimiter != NULL && !trellis_csv_delimiter_from_string (args->delimiter, &format.delimiter))
    /* Translators: %s is what the user typed after --delimiter. */
    msg = g_strdup_printf (_("Unknown delimiter ‘%s’. Choose comma, semicolon or tab."), args->delimiter);
  if (msg != NULL)
    {
      *status = trellis_cli_usage_error (context, msg);
      return FALSE;
    }
  trellis_import_set_format (import, &format);
  trellis_import_set_create_missing (import, args->add_missing);

  if (args->source != NULL)
    {
      TrellisSource source;

      if (!trellis_source_from_string (args->source, strlen (args->source), &source))
        {
          /* Translators: %s is what the user typed after --source. */
          msg = g_strdup_printf (_("Unknown source ‘%s’. Choose self, peer, coach or agreed."), args->source);
          *status = trellis_cli_usage_error (context, msg);
          return FALSE;
        }
      trellis_import_set_default_source (import, source);
    }

  if (args->date != NULL)
    {
      TrellisDate date;

      if (!trellis_date_parse (args->date, strlen (args->date), &date))
        {
          msg = g_strdup_printf (_("‘%s’ is not a date; write it as YYYY-MM-DD."), args->date);
          *status = trellis_cli_usage_error (context, msg);
          return FALSE;
        }
      trellis_import_set_default_date (import, date);
    }

  return TRUE;
}

/* The column a --column names: its header, or #N for the N-th. */
static gboolean
find_column (TrellisImport *import,
             const char    *name,
             guint         *column)
{
  guint n = trellis_import_get_n_columns (import);

  if (name[0] == '#')
    {
      char *end = NULL;
      guint64 number = g_ascii_strtoull (name + 1, &end, 10);

      if (end != name + 1 && *end == '\0' && number >= 1 && number <= n)
        {
          *column = (guint) number - 1;
          return TRUE;
        }
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (g_utf8_collate (trellis_import_get_header (import, i), name) == 0)
        {
          *column = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* --column HEADER=FIELD, FIELD being a field's name, level-text:N or
 * competency-level:ID. */
static gboolean
set_column (TrellisImport  *import,
            const char     *spec,
            char          **problem)
{
  const char *eq = strrchr (spec, '=');
  g_autofree char *header = NULL;
  g_autofree char *field = NULL;
  TrellisImportColumn column = { TRELLIS_COLUMN_IGNORE, TRELLIS_LEVEL_NONE, NULL };
  char *colon;
  guint index;

  if (eq == NULL)
    {
      /* Translators: %s is what the user typed after --column. */
      *problem = g_strdup_printf (_("Write --column as HEADER=FIELD, not ‘%s’."), spec);
      return FALSE;
    }
  header = g_strndup (spec, eq - spec);
  field = g_strdup (eq + 1);
  if (!find_column (import, header, &index))
    {
      /* Translators: %s is a column's header as the user typed it. */
      *problem = g_strdup_printf (_("The spreadsheet has no column ‘%s’. Give its header as it is written, or "
                                    "#N for the N-th column."), header);
      return FALSE;
    }

  colon = strchr (field, ':');
  if (colon != NULL)
    *colon++ = '\0';
  if (!trellis_column_field_from_string (field, &column.field) ||
      (colon != NULL && column.field != TRELLIS_COLUMN_LEVEL_TEXT && column.field != TRELLIS_COLUMN_COMPETENCY_LEVEL) ||
      (column.field == TRELLIS_COLUMN_LEVEL_TEXT && colon == NULL))
    {
      /* Translators: %s is what the user typed after = in --column. */
      *problem = g_strdup_printf (_("Unknown field ‘%s’. Run ‘trellis-cli import --help’ to see the fields."),
                                  eq + 1);
      return FALSE;
    }
  if (column.field == TRELLIS_COLUMN_LEVEL_TEXT)
    column.level = atoi (colon);
  if (column.field == TRELLIS_COLUMN_COMPETENCY_LEVEL)
    column.competency = colon;

  trellis_import_set_column (import, index, &column);
  return TRUE;
}

/* The spreadsheet named on the command line, at its start; standard
 * input is read whole first, so that it can be read twice. */
static GInputStream *
open_spreadsheet (const char  *name,
                  guint64     *size,
                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GFileInputStream *stream;

  if (g_strcmp0 (name, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) bytes = NULL;

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      *size = g_bytes_get_size (bytes);
      return g_memory_input_stream_new_from_bytes (bytes);
    }

  file = trellis_cli_file_for_arg (name, error);
  if (file == NULL)
    return NULL;
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  *size = info != NULL ? (guint64) g_file_info_get_size (info) : 0;

  return G_INPUT_STREAM (stream);
}

static void
print_problems (const char    *spreadsheet,
                TrellisImport *import)
{
  TrellisLoadReport *problems = trellis_import_get_problems (import);
  TrellisImportSummary summary;
  guint n = trellis_load_report_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    g_printerr ("%s:%u: %s\n", spreadsheet, trellis_load_report_get_line (problems, i),
                trellis_load_report_get_message (problems, i));

  trellis_import_get_summary (import, &summary);
  if (summary.bad_rows > n)
    /* Translators: %u is a number of rows with problems not listed above. */
    g_printerr (ngettext ("…and %u more row that cannot be imported.\n",
                          "…and %u more rows that cannot be imported.\n", summary.bad_rows - n),
                summary.bad_rows - n);
}

/* Reads the spreadsheet into a plan: the first rows, the columns as the
 * command line says, then every row. */
static gboolean
read_spreadsheet (TrellisImport  *import,
                  const char     *spreadsheet,
                  char          **columns,
                  GOptionContext *context,
                  int            *status)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size = 0;

  stream = open_spreadsheet (spreadsheet, &size, &error);
  if (stream == NULL || !trellis_import_preview (import, stream, NULL, &error))
    {
      trellis_cli_print_error (spreadsheet, error);
      *status = TRELLIS_CLI_INVALID;
      return FALSE;
    }

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      g_autofree char *problem = NULL;

      if (!set_column (import, columns[i], &problem))
        {
          *status = trellis_cli_usage_error (context, problem);
          return FALSE;
        }
    }

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, NULL, &error) ||
      !trellis_import_read (import, stream, size, NULL, NULL, NULL, &error))
    {
      trellis_cli_print_error (spreadsheet, error);
      *status = TRELLIS_CLI_INVALID;
      return FALSE;
    }

  return TRUE;
}

int
trellis_cli_import (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *fields = NULL;
  ImportArgs args = { 0 };
  gboolean version = FALSE;
  const char *spreadsheet;
  TrellisImportSummary counts;
  int status = TRELLIS_CLI_OK;
  const GOptionEntry entries[] = {
    { "what", 0, 0, G_OPTION_ARG_STRING, &args.what,
      N_("What the sheet holds: people, competencies, assessments (a row each) or assessments-wide "
         "(a column per competency); by default, told from the columns"), N_("KIND") },
    { "column", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &args.columns,
      N_("Read a column as a field (repeatable); HEADER may be #N for the N-th column"), N_("HEADER=FIELD") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &args.encoding,
      N_("utf-8 or windows-1252 (by default, told from the bytes)"), N_("ENCODING") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &args.delimiter,
      N_("comma, semicolon or tab (by default, told from the first lines)"), N_("DELIMITER") },
    { "add-missing", 0, 0, G_OPTION_ARG_NONE, &args.add_missing,
      N_("Add the people, roles, competencies and values the matrix does not have"), NULL },
    { "source", 0, 0, G_OPTION_ARG_STRING, &args.source,
      N_("The source of assessments whose row gives none: self, peer, coach (the default) or agreed"), N_("SOURCE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &args.date,
      N_("The date of assessments whose row gives none (by default, today)"), N_("YYYY-MM-DD") },
    { "good-rows", 0, 0, G_OPTION_ARG_NONE, &args.good_rows,
      N_("Import the good rows when some cannot be imported (by default, nothing is)"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &args.dry_run, N_("Say what would change; write nothing"), NULL },
    { "new", 0, 0, G_OPTION_ARG_NONE, &args.new_matrix, N_("Start from an empty matrix instead of MATRIX"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write the matrix to OUT; OUT may be MATRIX itself, which is then saved with a backup"), N_("OUT") },
    { NULL }
  };

  context = trellis_cli_context_new (_("MATRIX SPREADSHEET.csv -o OUT"),
                                     _("Adds the people, competencies or assessments of a spreadsheet saved as CSV\n"
                                       "to a matrix, as one change. Rows that cannot be imported are listed as\n"
                                       "SPREADSHEET:ROW: reason; then nothing is imported, unless --good-rows."),
                                     entries, &version);
  fields = g_strjoin (", ", "ignore", "person-id", "person", "roles", "share", "competency-id", "competency",
                      "description", "values", "level-text:N", "level", "want", "source", "date", "note", "evidence",
                      "competency-level[:ID]", NULL);
  {
    /* Translators: %s lists the names of the fields, which are not translated. */
    g_autofree char *description = g_strdup_printf (_("Fields: %s."), fields);

    g_option_context_set_description (context, description);
  }

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    {
      import_args_clear (&args);
      return status;
    }

  status = TRELLIS_CLI_OK;
  if (argc != (args.new_matrix ? 2 : 3))
    status = trellis_cli_usage_error (context, args.new_matrix ? _("With --new, name one spreadsheet.")
                                                               : _("Name a matrix and a spreadsheet."));
  else if (args.output == NULL && !args.dry_run)
    status = trellis_cli_usage_error (context, _("Say where to write the matrix with -o OUT, or give --dry-run."));
  if (status != TRELLIS_CLI_OK)
    {
      import_args_clear (&args);
      return status;
    }

  spreadsheet = argv[args.new_matrix ? 1 : 2];
  doc = args.new_matrix ? trellis_document_new () : trellis_cli_load (argv[1]);
  if (doc == NULL)
    {
      import_args_clear (&args);
      return TRELLIS_CLI_INVALID;
    }

  {
    g_autofree char *base = g_path_get_basename (spreadsheet);

    import = trellis_import_new (doc, g_strcmp0 (spreadsheet, "-") == 0 ? _("standard input") : base);
  }
  if (args.what != NULL)
    {
      TrellisImportKind kind;

      if (!trellis_import_kind_from_string (args.what, &kind) || kind == TRELLIS_IMPORT_KIND_AUTO)
        {
          /* Translators: %s is what the user typed after --what. */
          g_autofree char *msg = g_strdup_printf (_("Unknown kind ‘%s’. Choose people, competencies, assessments "
                                                    "or assessments-wide."), args.what);
          import_args_clear (&args);
          return trellis_cli_usage_error (context, msg);
        }
      trellis_import_set_kind (import, kind);
    }

  if (!import_choices (&args, import, context, &status) ||
      !read_spreadsheet (import, spreadsheet, args.columns, context, &status))
    {
      import_args_clear (&args);
      return status;
    }

  print_problems (spreadsheet, import);
  summary = trellis_import_dup_summary_text (import);
  trellis_import_get_summary (import, &counts);

  if (counts.bad_rows > 0 && !args.good_rows && !args.dry_run)
    {
      /* Translators: %s says what the import would have done. */
      g_printerr (_("Nothing was imported (it would be: %s). Correct the rows above, or give --good-rows to "
                    "import the others.\n"), summary);
      import_args_clear (&args);
      return TRELLIS_CLI_INVALID;
    }

  if (args.dry_run)
    {
      /* Translators: %s says what the import would do. */
      g_print (_("Would import: %s.\n"), summary);
      import_args_clear (&args);
      return counts.bad_rows > 0 && !args.good_rows ? TRELLIS_CLI_INVALID : TRELLIS_CLI_OK;
    }

  if (!trellis_import_apply (import, &error))
    {
      trellis_cli_print_error (spreadsheet, error);
      status = TRELLIS_CLI_INVALID;
    }
  else if (!trellis_cli_write_matrix (doc, args.output, TRUE))
    status = TRELLIS_CLI_INVALID;
  else
    /* Translators: %s says what the import did. */
    g_print (_("Imported: %s.\n"), summary);

  import_args_clear (&args);
  return status;
}

#ifdef TRELLIS_CLI_HAVE_RENDER

/* export */

typedef struct
{
  char      *format;
  char     **views;
  char      *delimiter;
  char      *audience;
  char      *role;
  char      *person;
  char      *since;
  char      *output;
  char      *content_language;
  gboolean   bom;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->format);
  g_strfreev (args->views);
  g_free (args->delimiter);
  g_free (args->audience);
  g_free (args->role);
  g_free (args->person);
  g_free (args->since);
  g_free (args->output);
  g_free (args->content_language);
}

/* The views named with --view: "assessments" (@assessments) or grid
 * views (@views); a usage error in @msg otherwise. */
static gboolean
export_views (char       **names,
              GArray      *views,
              gboolean    *assessments,
              char       **msg)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      TrellisView view;

      if (strcmp (names[i], "assessments") == 0)
        {
          *assessments = TRUE;
          continue;
        }
      if (!trellis_view_from_string (names[i], &view) || !trellis_view_is_grid (view))
        {
          /* Translators: %s is what the user typed after --view. */
          *msg = g_strdup_printf (_("Unknown view ‘%s’. Choose assessments, gaps, requirements, coverage, "
                                    "responsibilities, perception or trend."), names[i]);
          return FALSE;
        }
      g_array_append_val (views, view);
    }

  return TRUE;
}

/* The options of the views: filter, audience, date; a usage error in
 * @msg when one is wrong. */
static TrellisRenderOptions *
export_options (ExportArgs  *args,
                GArray      *views,
                char       **msg)
{
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);

  if (args->audience != NULL && !trellis_audience_from_string (args->audience, &options->audience))
    {
      /* Translators: %s is what the user typed after --audience. */
      *msg = g_strdup_printf (_("Unknown audience ‘%s’. Choose coach or workshop."), args->audience);
      return NULL;
    }
  if (args->role != NULL && args->person != NULL)
    {
      *msg = g_strdup (_("Give --role or --person, not both."));
      return NULL;
    }
  if (args->since != NULL && !trellis_date_parse (args->since, strlen (args->since), &options->since))
    {
      *msg = g_strdup_printf (_("‘%s’ is not a date; write it as YYYY-MM-DD."), args->since);
      return NULL;
    }
  for (guint i = 0; i < views->len; i++)
    {
      if (trellis_view_needs_date (g_array_index (views, TrellisView, i)) && options->since == 0)
        {
          *msg = g_strdup (_("The trend compares with an earlier date: give --since YYYY-MM-DD."));
          return NULL;
        }
    }

  if (args->content_language != NULL &&
      (options->content_language = trellis_language_normalize (args->content_language, -1)) == NULL)
    {
      /* Translators: %s is what the user typed after --content-language. */
      *msg = g_strdup_printf (_("‘%s’ is not a language code; write it as de, nl or pt-BR."), args->content_language);
      return NULL;
    }

  trellis_render_options_set_role (options, args->role);
  trellis_render_options_set_person (options, args->person);
  options->cell_text = TRUE;

  return g_steal_pointer (&options);
}

static GBytes *
export_bytes (TrellisDocument             *doc,
              TrellisSheetFormat           format,
              const TrellisCsvFormat      *csv,
              TrellisRenderOptions        *options,
              GArray                      *views,
              gboolean                     assessments,
              GError                     **error)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);

  if (format == TRELLIS_SHEET_XLSX)
    return trellis_sheet_xlsx_to_bytes (analysis, options, (const TrellisView *) (gpointer) views->data, views->len,
                                        assessments, NULL, error);

  if (views->len > 0)
    options->view = g_array_index (views, TrellisView, 0);

  return trellis_sheet_csv_to_bytes (analysis, options, assessments, csv, NULL, error);
}

int
trellis_cli_export (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisRenderOptions) options = NULL;
  g_autoptr(GArray) views = g_array_new (FALSE, FALSE, sizeof (TrellisView));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *msg = NULL;
  ExportArgs args = { 0 };
  TrellisSheetFormat format = TRELLIS_SHEET_CSV;
  TrellisCsvFormat csv = { TRELLIS_CSV_ENCODING_UTF8, ',', FALSE };
  gboolean assessments = FALSE;
  gboolean version = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format, N_("csv or xlsx (by default, from the name of OUT)"), N_("FORMAT") },
    { "view", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.views,
      N_("What to write: assessments (a row each), or a view: gaps, requirements, coverage, responsibilities, "
         "perception, trend. CSV: one (assessments unless given); XLSX: a sheet each (repeatable; by default the "
         "first four views and the assessments)"), N_("VIEW") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &args.delimiter,
      N_("CSV: comma (the default), semicolon (for Excel where the decimal separator is a comma) or tab"),
      N_("DELIMITER") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &args.bom, N_("CSV: start with a byte order mark, so that Excel reads UTF-8"), NULL },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &args.audience,
      N_("Who will see it: coach (the default: people who share with their coach or the team) or workshop "
         "(only people who share with the team, no group under three)"), N_("AUDIENCE") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &args.role, N_("Show only this role"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &args.person, N_("Show only this person"), N_("ID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &args.since, N_("For the trend: compare with this date"), N_("YYYY-MM-DD") },
    { "content-language", 0, 0, G_OPTION_ARG_STRING, &args.content_language,
      N_("The views’ labels in this language where the matrix’s texts are translated, e.g. de; the assessments "
         "keep the names as written, to be read back"), N_("LL") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write to OUT.csv or OUT.xlsx"), N_("OUT") },
    { NULL }
  };

  context = trellis_cli_context_new (_("-o OUT.csv|OUT.xlsx FILE"),
                                     _("Writes the assessments, or views with their numbers, as a spreadsheet: CSV,\n"
                                       "or an Excel workbook with the heatmaps’ colours. People are shown as in the\n"
                                       "views: only to the audience they share with."),
                                     entries, &version);

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    {
      export_args_clear (&args);
      return status;
    }

  if (argc != 2)
    msg = g_strdup (_("Name exactly one matrix to export."));
  else if (args.output == NULL)
    msg = g_strdup (_("Say where to write with -o OUT.csv or OUT.xlsx."));
  else if (args.format != NULL ? !trellis_sheet_format_from_string (args.format, &format)
                               : !trellis_sheet_format_from_path (args.output, &format))
    /* Translators: %s is a format or a file name as the user typed it. */
    msg = g_strdup_printf (_("Cannot tell the format from ‘%s’: give --format csv or xlsx."),
                           args.format != NULL ? args.format : args.output);
  else if (args.delimiter != NULL && (!trellis_csv_delimiter_from_string (args.delimiter, &csv.delimiter) ||
                                      csv.delimiter == 0))
    msg = g_strdup_printf (_("Unknown delimiter ‘%s’. Choose comma, semicolon or tab."), args.delimiter);
  else if (export_views (args.views, views, &assessments, &msg))
    {
      if (format == TRELLIS_SHEET_CSV && views->len + assessments > 1)
        msg = g_strdup (_("A CSV file holds one table: give one --view, or write XLSX."));
      else
        options = export_options (&args, views, &msg);
    }
  if (msg != NULL)
    {
      export_args_clear (&args);
      return trellis_cli_usage_error (context, msg);
    }

  csv.bom = args.bom;
  if (format == TRELLIS_SHEET_CSV && views->len == 0)
    assessments = TRUE;
  if (format == TRELLIS_SHEET_XLSX && views->len == 0 && !assessments)
    {
      g_array_append_vals (views, trellis_sheet_default_views, G_N_ELEMENTS (trellis_sheet_default_views));
      assessments = TRUE;
    }

  doc = trellis_cli_load (argv[1]);
  if (doc == NULL)
    status = TRELLIS_CLI_INVALID;
  else if ((bytes = export_bytes (doc, format, &csv, options, views, assessments, &error)) == NULL)
    {
      trellis_cli_print_error (argv[1], error);
      status = g_error_matches (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_ROLE) ||
               g_error_matches (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON)
               ? TRELLIS_CLI_USAGE : TRELLIS_CLI_INVALID;
    }
  else if (!trellis_export_save (bytes, args.output, 0600, &error))
    {
      trellis_cli_print_error (args.output, error);
      status = TRELLIS_CLI_INVALID;
    }
  else
    status = TRELLIS_CLI_OK;

  export_args_clear (&args);
  return status;
}

#endif
