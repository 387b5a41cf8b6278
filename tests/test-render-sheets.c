/* test-render-sheets.c: the views and assessments as spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is read back by programs nobody here wrote: openpyxl
 * (tests/read-xlsx.py, for the fills, values and frozen panes) and
 * Gnumeric's ssconvert (to CSV, for the numbers as a spreadsheet shows
 * them). Each must hold the same numbers and colours as the view, and
 * nobody the audience may not see.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "test-render-util.h"
#include "trellis-csv-private.h"
#include "trellis-sheets.h"

/* A cell of a workbook as openpyxl reads it. */
typedef struct
{
  char *kind;       /* n, s, d or - */
  char *value;
  char *pattern;
  char *fill;
  char *pattern_color;
  char *font;
} BookCell;

typedef struct
{
  GHashTable *cells;     /* "sheet\trow\tcol" → BookCell */
  GPtrArray  *merged;    /* "sheet\tA1:B2" */
  GHashTable *frozen;    /* sheet → "C6" */
  GPtrArray  *strings;   /* every text, for who is named */
} Book;

static void
book_cell_free (gpointer data)
{
  BookCell *cell = data;

  g_free (cell->kind);
  g_free (cell->value);
  g_free (cell->pattern);
  g_free (cell->fill);
  g_free (cell->pattern_color);
  g_free (cell->font);
  g_free (cell);
}

static void
book_free (Book *book)
{
  g_hash_table_unref (book->cells);
  g_ptr_array_unref (book->merged);
  g_hash_table_unref (book->frozen);
  g_ptr_array_unref (book->strings);
  g_free (book);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Book, book_free)

static char *
write_temp (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-sheets-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The workbook at @path as openpyxl reads it; NULL when this machine has
 * no openpyxl, which build-aux/setup-deps installs. */
static Book *
read_book (const char *path)
{
  const char *python = g_getenv ("TRELLIS_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Book *book;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  if (!g_spawn_check_wait_status (status, NULL))
    {
      if (strstr (err, "No module named 'openpyxl'") != NULL)
        return NULL;
      g_error ("read-xlsx.py: %s", err);
    }

  book = g_new0 (Book, 1);
  book->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, book_cell_free);
  book->merged = g_ptr_array_new_with_free_func (g_free);
  book->frozen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->strings = g_ptr_array_new_with_free_func (g_free);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      BookCell *cell;

      if (g_strcmp0 (f[0], "merged") == 0)
        {
          g_ptr_array_add (book->merged, g_strdup_printf ("%s\t%s", f[1], f[2]));
          continue;
        }
      if (g_strcmp0 (f[0], "frozen") == 0)
        {
          g_hash_table_insert (book->frozen, g_strdup (f[1]), g_strdup (f[2]));
          continue;
        }
      g_assert_cmpuint (g_strv_length (f), ==, 9);
      cell = g_new0 (BookCell, 1);
      cell->kind = g_strdup (f[3]);
      cell->value = unescape (f[4]);
      cell->pattern = g_strdup (f[5]);
      cell->fill = g_strdup (f[6]);
      cell->pattern_color = g_strdup (f[7]);
      cell->font = g_strdup (f[8]);
      if (strcmp (cell->kind, "s") == 0)
        g_ptr_array_add (book->strings, g_strdup (cell->value));
      g_hash_table_insert (book->cells, g_strdup_printf ("%s\t%s\t%s", f[0], f[1], f[2]), cell);
    }

  return book;
}

static BookCell *
book_cell (Book       *book,
           const char *sheet,
           guint       row,
           guint       column)
{
  g_autofree char *key = g_strdup_printf ("%s\t%u\t%u", sheet, row, column);

  return g_hash_table_lookup (book->cells, key);
}

static char *
hex (const TrellisRgba *c)
{
  return g_strdup_printf ("%02X%02X%02X", (guint) lround (c->red * 255), (guint) lround (c->green * 255),
                          (guint) lround (c->blue * 255));
}

static GBytes *
workbook (TrellisDocument *doc,
          TrellisAudience  audience)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  options->audience = audience;
  bytes = trellis_sheet_xlsx_to_bytes (analysis, options, trellis_sheet_default_views,
                                       G_N_ELEMENTS (trellis_sheet_default_views), TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

/* The number a view prints: its minus sign (U+2212), its decimal point
 * or comma, a percent sign. */
static double
view_number (const char *words,
             gboolean   *percent)
{
  g_autofree char *plain = g_strdup (words);
  char *minus = strstr (plain, "\342\210\222");

  if (minus != NULL)
    {
      memmove (minus + 1, minus + 3, strlen (minus + 3) + 1);
      *minus = '-';
    }
  g_strdelimit (plain, ",", '.');
  *percent = g_str_has_suffix (plain, "%");

  return g_ascii_strtod (plain, NULL);
}

/* The cell at @row, @column of the view, as the sheet must hold it. */
static void
assert_cell (Book          *book,
             const char    *sheet,
             TrellisLayout *layout,
             guint          row,
             guint          column)
{
  BookCell *got = book_cell (book, sheet, 5 + row, 2 + column);
  TrellisCellLook look;
  TrellisCellInfo info;
  g_autofree char *fill = NULL;
  g_autofree char *words = trellis_layout_dup_cell_text (layout, row, column);

  g_assert_true (trellis_layout_get_cell_look (layout, row, column, &look));
  trellis_layout_get_cell_info (layout, row, column, &info);
  fill = hex (&look.fill);

  g_assert_nonnull (got);
  if (look.pattern == TRELLIS_CELL_PATTERN_HATCH)
    {
      g_autofree char *line = hex (&look.pattern_color);

      g_assert_cmpstr (got->pattern, ==, "lightUp");
      g_assert_cmpstr (got->pattern_color, ==, fill);
      g_assert_cmpstr (got->fill, ==, line);
      g_assert_cmpstr (got->kind, ==, "-");
      return;
    }
  g_assert_cmpstr (got->pattern, ==, "solid");
  g_assert_cmpstr (got->fill, ==, fill);

  if (info.content == TRELLIS_CONTENT_VALUE && strcmp (got->kind, "n") == 0)
    {
      double shown = g_ascii_strtod (got->value, NULL);
      gboolean percent;
      double expected = view_number (words, &percent);

      g_assert_cmpfloat_with_epsilon (percent ? shown * 100 : shown, expected, 1e-9);
      return;
    }

  if (info.content == TRELLIS_CONTENT_SUPPRESSED)
    g_assert_cmpstr (got->value, ==, "–");
  else if (words[0] != '\0')
    g_assert_cmpstr (got->value, ==, words);
  else
    g_assert_cmpstr (got->kind, ==, "-");
}

/* Every cell of every view's sheet: the view's number (as a number) or
 * text, its fill and pattern; every row's name; the frozen headers and
 * the value groups merged over their columns. */
static void
test_xlsx_matches_views (gconstpointer data)
{
  const char *example = data;
  g_autoptr(TrellisDocument) doc = load_example (example);
  g_autoptr(GBytes) bytes = workbook (doc, TRELLIS_AUDIENCE_COACH);
  g_autofree char *path = write_temp (bytes, "views.xlsx");
  g_autoptr(Book) book = read_book (path);

  if (book == NULL)
    {
      remove_temp (path);
      g_test_skip ("openpyxl is not installed (build-aux/setup-deps installs it)");
      return;
    }

  for (guint v = 0; v < G_N_ELEMENTS (trellis_sheet_default_views); v++)
    {
      TrellisView view = trellis_sheet_default_views[v];
      g_autoptr(TrellisLayout) layout = render_test_layout (doc, view, TRELLIS_AUDIENCE_COACH);
      const char *sheet = trellis_view_get_title (view);
      guint n_rows = trellis_layout_get_n_rows (layout);
      guint n_columns = trellis_layout_get_n_columns (layout);
      guint groups = 0;

      g_test_message ("%s: %u × %u", sheet, n_rows, n_columns);
      g_assert_cmpuint (n_rows, >, 0);
      g_assert_cmpstr (g_hash_table_lookup (book->frozen, sheet), ==, "C6");
      g_assert_cmpstr (book_cell (book, sheet, 0, 0)->value, ==, trellis_layout_get_title (layout));

      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpstr (book_cell (book, sheet, 4, 2 + c)->value, ==, trellis_layout_get_column_label (layout, c));
      for (guint r = 0; r < n_rows; r++)
        {
          g_assert_cmpstr (book_cell (book, sheet, 5 + r, 1)->value, ==, trellis_layout_get_row_label (layout, r));
          for (guint c = 0; c < n_columns; c++)
            assert_cell (book, sheet, layout, r, c);
        }

      for (guint i = 0; i < book->merged->len; i++)
        groups += g_str_has_prefix (g_ptr_array_index (book->merged, i), sheet);
      if (view == TRELLIS_VIEW_GAPS)
        {
          /* Competencies in groups by value: a merged name over each
           * group of more than one. */
          g_assert_cmpuint (groups, >, 0);
          g_assert_cmpuint (groups, <=, trellis_layout_get_n_column_groups (layout));
        }
    }

  remove_temp (path);
}

/* Only whom the audience may see: a person who keeps their assessments
 * private is named on no sheet; in a workshop, only who shares with the
 * team. */
static void
test_xlsx_audience (gconstpointer data)
{
  TrellisAudience audience = GPOINTER_TO_INT (data);
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  g_autoptr(GBytes) bytes = workbook (doc, audience);
  g_autofree char *path = write_temp (bytes, "audience.xlsx");
  g_autoptr(Book) book = read_book (path);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  guint n_people = trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON);
  guint hidden = 0;
  guint shown = 0;

  if (book == NULL)
    {
      remove_temp (path);
      g_test_skip ("openpyxl is not installed (build-aux/setup-deps installs it)");
      return;
    }

  options->audience = audience;
  for (guint p = 0; p < n_people; p++)
    {
      TrellisEntity *person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, p);
      const char *name = trellis_entity_get_name (person);
      const char *id = trellis_entity_get_id (person);
      gboolean named = FALSE;

      for (guint i = 0; i < book->strings->len && !named; i++)
        {
          const char *s = g_ptr_array_index (book->strings, i);

          named = strcmp (s, name) == 0 || strcmp (s, id) == 0;
        }
      if (trellis_render_options_shows_person (options, person))
        shown++;
      else
        {
          hidden++;
          g_assert_false (named);
        }
    }

  g_test_message ("%u shown, %u not", shown, hidden);
  g_assert_cmpuint (hidden, >, 0);
  g_assert_cmpuint (shown, >, 0);
  remove_temp (path);
}

typedef struct
{
  GPtrArray *rows;   /* GStrv */
} Table;

static gboolean
table_row_cb (const TrellisCsvRow  *row,
              gpointer              user_data,
              GError              **error)
{
  Table *table = user_data;
  char **cells = g_new0 (char *, row->n_fields + 1);

  for (guint i = 0; i < row->n_fields; i++)
    cells[i] = g_strdup (row->fields[i]);
  g_ptr_array_add (table->rows, cells);

  return TRUE;
}

/* A CSV file read with Trellis's own reader. */
static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  TrellisCsvFormat format = TRELLIS_CSV_FORMAT_INIT;
  Table table = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };

  in = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_csv_read (G_INPUT_STREAM (in), path, &format, table_row_cb, &table, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return table.rows;
}

/* The gap heatmap as Gnumeric reads it, converted to CSV: each number
 * the view prints. */
static void
test_xlsx_ssconvert (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  g_autoptr(GBytes) bytes = workbook (doc, TRELLIS_AUDIENCE_COACH);
  g_autofree char *path = write_temp (bytes, "gnumeric.xlsx");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pattern = g_build_filename (dir, "sheet-%n.csv", NULL);
  g_autofree char *first = g_build_filename (dir, "sheet-0.csv", NULL);
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autoptr(TrellisLayout) layout = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_COACH);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (ssconvert == NULL)
    {
      remove_temp (path);
      g_test_skip ("Gnumeric's ssconvert is not installed (build-aux/setup-deps installs it)");
      return;
    }

  {
    const char *argv[] = { ssconvert, "-S", path, pattern, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  rows = read_csv (first);
  g_assert_cmpuint (rows->len, >=, 5 + trellis_layout_get_n_rows (layout));
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      char **cells = g_ptr_array_index (rows, 5 + r);

      g_assert_cmpstr (cells[1], ==, trellis_layout_get_row_label (layout, r));
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          g_autofree char *words = trellis_layout_dup_cell_text (layout, r, c);
          TrellisCellInfo info;

          trellis_layout_get_cell_info (layout, r, c, &info);
          if (info.content == TRELLIS_CONTENT_VALUE)
            {
              gboolean percent;
              double expected = view_number (words, &percent);
              double got = g_ascii_strtod (cells[2 + c], NULL);

              g_assert_cmpfloat_with_epsilon (percent ? got * 100 : got, expected, 1e-9);
            }
        }
    }

  remove_temp (path);
}

/* The assessments' sheet: a row per assessment of whom the audience may
 * see, with the level a number and the date a date. */
static void
test_xlsx_assessments (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  g_autoptr(GBytes) bytes = workbook (doc, TRELLIS_AUDIENCE_COACH);
  g_autofree char *path = write_temp (bytes, "assessments.xlsx");
  g_autoptr(Book) book = read_book (path);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  const char *sheet = "Assessments";
  guint row = 1;

  if (book == NULL)
    {
      remove_temp (path);
      g_test_skip ("openpyxl is not installed (build-aux/setup-deps installs it)");
      return;
    }

  g_assert_cmpstr (g_hash_table_lookup (book->frozen, sheet), ==, "A2");
  g_assert_cmpstr (book_cell (book, sheet, 0, 0)->value, ==, "Person ID");
  for (guint p = 0; p < trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON); p++)
    {
      TrellisEntity *person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, p);
      g_autoptr(GArray) list = NULL;

      if (!trellis_render_options_shows_person (options, person))
        continue;
      list = trellis_document_get_assessments (doc, TRELLIS_PERSON (person), NULL);
      for (guint i = 0; i < list->len; i++, row++)
        {
          BookCell *id = book_cell (book, sheet, row, 0);
          BookCell *level = book_cell (book, sheet, row, 4);
          BookCell *date = book_cell (book, sheet, row, 7);

          g_assert_cmpstr (id->value, ==, trellis_entity_get_id (person));
          g_assert_cmpstr (level->kind, ==, "n");
          g_assert_cmpstr (date->kind, ==, "d");
        }
    }
  g_assert_null (book_cell (book, sheet, row, 0));
  remove_temp (path);
}

/* A view as CSV in the wide form: a header, a row per row of the view,
 * each number as a number. */
static void
test_csv_view (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("klantenservice.trellis");
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_COACH);
  TrellisCsvFormat format = { TRELLIS_CSV_ENCODING_UTF8, ';', TRUE };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  bytes = trellis_sheet_csv_to_bytes (analysis, options, FALSE, &format, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 3, "\357\273\277", 3);
  path = write_temp (bytes, "gaps.csv");
  rows = read_csv (path);

  g_assert_cmpuint (rows->len, ==, 1 + trellis_layout_get_n_rows (layout));
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      char **cells = g_ptr_array_index (rows, 1 + r);

      g_assert_cmpstr (cells[1], ==, trellis_layout_get_row_label (layout, r));
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          g_autofree char *words = trellis_layout_dup_cell_text (layout, r, c);
          TrellisCellInfo info;

          trellis_layout_get_cell_info (layout, r, c, &info);
          if (info.content == TRELLIS_CONTENT_VALUE && !g_str_has_suffix (words, "%"))
            {
              /* The view's minus sign, as ASCII; a decimal comma with ';'. */
              g_autofree char *expected = g_str_has_prefix (words, "\342\210\222")
                                          ? g_strconcat ("-", words + 3, NULL) : g_strdup (words);

              g_strdelimit (expected, ".", ',');
              if (g_str_has_suffix (expected, ",0"))
                expected[strlen (expected) - 2] = '\0';
              g_assert_cmpstr (cells[2 + c], ==, expected);
            }
          else
            g_assert_cmpstr (cells[2 + c], ==, words);
        }
    }

  remove_temp (path);
}

/* The long form for an audience: whom it may not see is left out. */
static void
test_csv_assessments_audience (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  TrellisCsvFormat format = { TRELLIS_CSV_ENCODING_UTF8, ',', FALSE };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint expected = 0;

  options->audience = TRELLIS_AUDIENCE_WORKSHOP;
  bytes = trellis_sheet_csv_to_bytes (analysis, options, TRUE, &format, NULL, &error);
  g_assert_no_error (error);
  path = write_temp (bytes, "assessments.csv");
  rows = read_csv (path);

  for (guint p = 0; p < trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON); p++)
    {
      TrellisEntity *person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, p);
      g_autoptr(GArray) list = trellis_document_get_assessments (doc, TRELLIS_PERSON (person), NULL);

      if (trellis_entity_get_int (person, TRELLIS_FIELD_SHARE) == TRELLIS_SHARE_TEAM)
        expected += list->len;
    }
  g_assert_cmpuint (rows->len, ==, 1 + expected);
  for (guint r = 1; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      TrellisEntity *person = trellis_document_lookup (doc, cells[0]);

      g_assert_cmpint (trellis_entity_get_int (person, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_TEAM);
    }

  remove_temp (path);
}

/* The line of sight is a drawing: no spreadsheet of it. */
static void
test_csv_not_a_grid (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_SIGHT);
  TrellisCsvFormat format = { TRELLIS_CSV_ENCODING_UTF8, ',', FALSE };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = trellis_sheet_csv_to_bytes (analysis, options, FALSE, &format, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_FORMAT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/render/sheets/xlsx/matches-views/en", "customer-service.trellis", test_xlsx_matches_views);
  g_test_add_data_func ("/render/sheets/xlsx/matches-views/nl", "klantenservice.trellis", test_xlsx_matches_views);
  g_test_add_data_func ("/render/sheets/xlsx/audience/coach", GINT_TO_POINTER (TRELLIS_AUDIENCE_COACH),
                        test_xlsx_audience);
  g_test_add_data_func ("/render/sheets/xlsx/audience/workshop", GINT_TO_POINTER (TRELLIS_AUDIENCE_WORKSHOP),
                        test_xlsx_audience);
  g_test_add_func ("/render/sheets/xlsx/ssconvert", test_xlsx_ssconvert);
  g_test_add_func ("/render/sheets/xlsx/assessments", test_xlsx_assessments);
  g_test_add_func ("/render/sheets/csv/view", test_csv_view);
  g_test_add_func ("/render/sheets/csv/assessments-audience", test_csv_assessments_audience);
  g_test_add_func ("/render/sheets/csv/not-a-grid", test_csv_not_a_grid);

  return g_test_run ();
}
