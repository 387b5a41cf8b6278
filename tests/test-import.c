/* test-import.c: importing spreadsheets saved as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a file is read (delimiters, quoting, line ends, encodings and byte
 * order marks), what is refused and why (an empty file, a binary file, a
 * workbook, a line of 50 MB, a quote never closed), and that a failed or
 * declined import changes nothing. The shapes of sheets, matching and
 * applying are in test-import-shapes.c.
 */

#include "config.h"

#include <string.h>

#include "test-import-util.h"

/* Every delimiter, line end and quoting case of the long form: each row
 * must give the same two assessments. */
typedef struct
{
  const char *name;
  const char *csv;
  const char *anna_note;      /* what the quoting makes of Anna's note */
} LongCase;

static const LongCase long_cases[] = {
  { "comma",
    "Person,Competency,Level,Source,Date,Note\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n",
    "Listens" },
  { "semicolon",
    "Person;Competency;Level;Source;Date;Note\n"
    "Anna de Vries;Active listening;3;coach;2026-11-20;Listens, then answers\n"
    "Ben Jansen;Product knowledge;4;agreed;2026-10-01;\n",
    "Listens, then answers" },
  { "tab",
    "Person\tCompetency\tLevel\tSource\tDate\tNote\n"
    "Anna de Vries\tActive listening\t3\tcoach\t2026-11-20\tListens; then answers\n"
    "Ben Jansen\tProduct knowledge\t4\tagreed\t2026-10-01\t\n",
    "Listens; then answers" },
  { "excel-sep-line",
    "sep=,\r\nPerson,Competency,Level,Source,Date,Note\r\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens; then; answers\r\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\r\n",
    "Listens; then; answers" },
  { "crlf",
    "Person,Competency,Level,Source,Date,Note\r\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens\r\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\r\n",
    "Listens" },
  { "cr",
    "Person,Competency,Level,Source,Date,Note\r"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens\r"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\r",
    "Listens" },
  { "no-final-line-end",
    "Person,Competency,Level,Source,Date,Note\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,",
    "Listens" },
  { "quoted-delimiter",
    "Person,Competency,Level,Source,Date,Note\n"
    "\"Anna de Vries\",\"Active listening\",\"3\",coach,2026-11-20,\"Listens, then answers\"\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n",
    "Listens, then answers" },
  { "doubled-quotes",
    "Person,Competency,Level,Source,Date,Note\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,\"Says \"\"tell me more\"\"\"\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n",
    "Says \"tell me more\"" },
  { "embedded-newline",
    "Person,Competency,Level,Source,Date,Note\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,\"First line\nsecond line\"\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n",
    "First line\nsecond line" },
  { "embedded-crlf",
    "Person,Competency,Level,Source,Date,Note\r\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,\"First line\r\nsecond line\"\r\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\r\n",
    "First line\r\nsecond line" },
  { "spaces-around",
    "Person , Competency , Level , Source , Date , Note\n"
    "  Anna de Vries , Active listening ,  3 , coach , 2026-11-20 ,\"  Listens  \"\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n",
    "  Listens  " },
  { "blank-rows",
    "\n\nPerson,Competency,Level,Source,Date,Note\n\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens\n,,,,,\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n\n\n",
    "Listens" },
  { "utf8-bom",
    "\357\273\277Person,Competency,Level,Source,Date,Note\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n",
    "Listens" },
  { "short-rows",
    "Person,Competency,Level,Source,Date,Note\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,Listens\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01\n",
    "Listens" },
  { "formula-apostrophe",
    "Person,Competency,Level,Source,Date,Note\n"
    "Anna de Vries,Active listening,3,coach,2026-11-20,'=1+1\n"
    "Ben Jansen,Product knowledge,4,agreed,2026-10-01,\n",
    "=1+1" },
};

static void
test_long_case (gconstpointer data)
{
  const LongCase *c = data;
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = test_import_bytes (doc, c->csv, strlen (c->csv), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_kind (import), ==, TRELLIS_IMPORT_KIND_ASSESSMENTS);
  test_assert_no_problems (import);
  g_assert_true (trellis_import_apply (import, &error));
  g_assert_no_error (error);

  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 3, FALSE, c->anna_note);
  test_assert_assessment (doc, "p-ben", "c-product", TRELLIS_SOURCE_AGREED, "2026-10-01", 4, FALSE, NULL);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 2);
}

/* Encodings */

static void
test_windows_1252_detected (void)
{
  /* "Zoë" as Excel writes it in Western Europe. */
  const char csv[] = "Person;Competency;Level;Date;Note\r\n"
                     "Zo\353 Bakker;Active listening;2;2026-11-20;Caf\351 \200 5\r\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = test_import_bytes (doc, csv, sizeof csv - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_format (import)->encoding, ==, TRELLIS_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpint (trellis_import_get_format (import)->delimiter, ==, ';');
  test_assert_no_problems (import);
  g_assert_true (trellis_import_apply (import, &error));
  test_assert_assessment (doc, "p-zoe", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 2, FALSE, "Café € 5");
}

/* The first 64 KiB are ASCII: the guess is UTF-8, and the byte further
 * on proves it wrong; the import reads the file again as Windows-1252. */
static void
test_windows_1252_late (void)
{
  g_autoptr(GString) csv = g_string_new ("Person,Competency,Level,Date\n");
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TrellisImportSummary summary;

  while (csv->len < 100 * 1024)
    g_string_append (csv, "Anna de Vries,Active listening,3,2026-01-01\n");
  g_string_append (csv, "Zo\353 Bakker,Product knowledge,1,2026-11-20\n");

  import = test_import_bytes (doc, csv->str, csv->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_format (import)->encoding, ==, TRELLIS_CSV_ENCODING_WINDOWS_1252);
  test_assert_no_problems (import);
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.assessments_added, ==, 2);
  g_assert_true (trellis_import_apply (import, &error));
  test_assert_assessment (doc, "p-zoe", "c-product", TRELLIS_SOURCE_COACH, "2026-11-20", 1, FALSE, NULL);
}

static void
test_windows_1252_chosen (void)
{
  /* Valid UTF-8 by chance ("Ã«" is C3 AB), but chosen as Windows-1252. */
  const char csv[] = "Person,Competency,Level,Date,Note\nAnna de Vries,Active listening,2,2026-11-20,\303\253\n";
  TrellisCsvFormat format = { TRELLIS_CSV_ENCODING_WINDOWS_1252, 0, FALSE };
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = test_import_bytes (doc, csv, sizeof csv - 1, &format, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_import_apply (import, &error));
  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 2, FALSE, "Ã«");
}

static void
test_utf16 (gconstpointer data)
{
  const char *charset = data;
  const char *text = "Person\tCompetency\tLevel\tDate\r\nZoë Bakker\tActive listening\t4\t2026-11-20\r\n";
  g_autofree char *body = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  body = g_convert (text, -1, charset, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_string_append_len (csv, strcmp (charset, "UTF-16LE") == 0 ? "\377\376" : "\376\377", 2);
  g_string_append_len (csv, body, (gssize) len);

  import = test_import_bytes (doc, csv->str, csv->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_format (import)->encoding, ==,
                   strcmp (charset, "UTF-16LE") == 0 ? TRELLIS_CSV_ENCODING_UTF16LE : TRELLIS_CSV_ENCODING_UTF16BE);
  g_assert_cmpint (trellis_import_get_format (import)->delimiter, ==, '\t');
  test_assert_no_problems (import);
  g_assert_true (trellis_import_apply (import, &error));
  test_assert_assessment (doc, "p-zoe", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 4, FALSE, NULL);
}

/* Refused files: each with a clear sentence, and nothing changed */

#define BYTES(s) s, sizeof s - 1

typedef struct
{
  const char        *name;
  const char        *bytes;
  gsize              len;
  TrellisCsvEncoding encoding;
  gint               code;
  const char        *in_message;
} BadFile;

static const BadFile bad_files[] = {
  { "empty", BYTES (""), TRELLIS_CSV_ENCODING_AUTO, TRELLIS_IMPORT_ERROR_EMPTY, "holds no rows" },
  { "blank-lines", BYTES ("\n\r\n  \n"), TRELLIS_CSV_ENCODING_AUTO, TRELLIS_IMPORT_ERROR_EMPTY, "holds no rows" },
  { "only-bom", BYTES ("\357\273\277"), TRELLIS_CSV_ENCODING_AUTO, TRELLIS_IMPORT_ERROR_EMPTY, "holds no rows" },
  { "binary", BYTES ("\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\001"), TRELLIS_CSV_ENCODING_AUTO,
    TRELLIS_IMPORT_ERROR_NOT_TEXT, "not a text file" },
  { "xlsx", BYTES ("PK\003\004\024\0\006\0\010\0\0\0!\0"), TRELLIS_CSV_ENCODING_AUTO,
    TRELLIS_IMPORT_ERROR_NOT_TEXT, "is a workbook" },
  { "xls", BYTES ("\320\317\021\340\241\261\032\341\0\0"), TRELLIS_CSV_ENCODING_AUTO,
    TRELLIS_IMPORT_ERROR_NOT_TEXT, "is a workbook" },
  { "quote-never-closed", BYTES ("Person,Competency,Level\nAnna de Vries,Active listening,3\n\"Ben Jansen,c-product,4\n"), TRELLIS_CSV_ENCODING_AUTO, TRELLIS_IMPORT_ERROR_MALFORMED, "row 3: A quoted cell" },
  { "not-utf8-as-chosen", BYTES ("Person,Competency,Level\nZo\353 Bakker,Active listening,3\n"),
    TRELLIS_CSV_ENCODING_UTF8, TRELLIS_IMPORT_ERROR_ENCODING, "row 2: It holds bytes that are not UTF-8" },
  { "undefined-in-1252", BYTES ("Person,Competency,Level\nZo\201 Bakker,Active listening,3\n"),
    TRELLIS_CSV_ENCODING_AUTO, TRELLIS_IMPORT_ERROR_ENCODING, "not text in Western European" },
  { "zero-byte-later", BYTES ("Person,Competency,Level\nAnna de Vries,Active listening,3\0\n"),
    TRELLIS_CSV_ENCODING_UTF8, TRELLIS_IMPORT_ERROR_NOT_TEXT, "not a text file" },
  { "no-person-column", BYTES ("Competency,Level\nActive listening,3\n"), TRELLIS_CSV_ENCODING_AUTO,
    TRELLIS_IMPORT_ERROR_COLUMNS, "No column says whose assessment" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *c = data;
  TrellisCsvFormat format = { c->encoding, 0, FALSE };
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autofree char *before = test_serialize_string (doc);
  g_autofree char *after = NULL;
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = test_import_bytes (doc, c->bytes, c->len, &format, &error);
  g_assert_null (import);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, c->code);
  if (strstr (error->message, c->in_message) == NULL)
    g_error ("‘%s’ does not say ‘%s’", error->message, c->in_message);

  after = test_serialize_string (doc);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (trellis_document_can_undo (doc));
}

/* A line of 50 MB: one cell, or cells without end, or a quote opened and
 * never closed; each is refused early, naming row 1. */
static void
test_fifty_megabyte_line (gconstpointer data)
{
  const char *fill = data;
  gsize size = 50 * 1024 * 1024;
  g_autofree char *bytes = g_malloc (size);
  gsize fill_len = strlen (fill);
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autofree char *before = test_serialize_string (doc);
  g_autofree char *after = NULL;
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (gsize i = 0; i < size; i++)
    bytes[i] = fill[i % fill_len];
  if (fill[0] == '"')
    bytes[1] = 'x';

  import = test_import_bytes (doc, bytes, size, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "row 1:"));
  g_test_message ("%s (%.2f s)", error->message, (g_get_monotonic_time () - start) / 1e6);

  after = test_serialize_string (doc);
  g_assert_cmpstr (before, ==, after);
}

/* The delimiter when nothing says it: the one that splits the lines
 * alike, quoted text not counting. */
static void
test_detect_delimiter (void)
{
  static const struct { const char *text; char delimiter; } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2,5;3\n", ';' },
    { "a\tb\n1\t2,5\n", '\t' },
    { "Name;Roles\nAnna;Agent, Lead\nBen;Lead\n", ';' },
    { "\"x;y\",b\n\"1;2\",3\n", ',' },
    { "single\ncolumn\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (trellis_csv_detect_delimiter (cases[i].text, strlen (cases[i].text), TRUE), ==,
                     cases[i].delimiter);
}

/* The file's row numbers, as a spreadsheet program shows them: the
 * header is row 1, a cell of two lines is one row (and a name wrapped
 * over two lines is still the name), blank rows count. */
static void
test_row_numbers (void)
{
  const char *csv = "Person,Competency,Level\n"
                    "Anna de Vries,Active listening,\"3\"\n"
                    "\n"
                    "Ben Jansen,\"Product\nknowledge\",1\n"
                    "Ben Jansen,Product knowledge,7\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLoadReport *problems;
  TrellisImportSummary summary;

  import = test_import_bytes (doc, csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  problems = trellis_import_get_problems (import);
  g_assert_cmpuint (trellis_load_report_get_n_items (problems), ==, 1);
  g_assert_cmpuint (trellis_load_report_get_line (problems, 0), ==, 5);
  g_assert_cmpstr (trellis_load_report_get_message (problems, 0), ==, "Level 7 is outside the scale 0–4.");
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.rows, ==, 3);
  g_assert_cmpuint (summary.assessments_added, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (long_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/csv/long/%s", long_cases[i].name);

      g_test_add_data_func (path, &long_cases[i], test_long_case);
    }
  g_test_add_func ("/import/csv/encoding/windows-1252-detected", test_windows_1252_detected);
  g_test_add_func ("/import/csv/encoding/windows-1252-late", test_windows_1252_late);
  g_test_add_func ("/import/csv/encoding/windows-1252-chosen", test_windows_1252_chosen);
  g_test_add_data_func ("/import/csv/encoding/utf-16le", "UTF-16LE", test_utf16);
  g_test_add_data_func ("/import/csv/encoding/utf-16be", "UTF-16BE", test_utf16);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/csv/refused/%s", bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_data_func ("/import/csv/refused/50-mb-cell", "x", test_fifty_megabyte_line);
  g_test_add_data_func ("/import/csv/refused/50-mb-of-cells", "x,", test_fifty_megabyte_line);
  g_test_add_data_func ("/import/csv/refused/50-mb-quoted", "\"xxxxxxxx", test_fifty_megabyte_line);
  g_test_add_func ("/import/csv/detect-delimiter", test_detect_delimiter);
  g_test_add_func ("/import/csv/row-numbers", test_row_numbers);

  return g_test_run ();
}
