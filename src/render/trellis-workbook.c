/* trellis-workbook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-sheets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "trellis-render.h"
#include "trellis-sheets-private.h"

/* An Excel workbook of the views, written with libxlsxwriter: a sheet
 * per view with the heatmap's own colours (the layout's, the same in
 * every output) and numbers (numbers as numbers, shown as the picture
 * shows them), and a sheet of the assessments in the long form.
 *
 * A view's sheet: the title and subtitle; a row of the column groups
 * (the values, for the gaps) as merged cells over their columns, and the
 * row of the columns' names, frozen with the columns of the rows' group
 * and name; a row per row of the view; then the legend (a swatch of each
 * colour and pattern with its words) and the numbered findings.
 *
 * The workbook streams (libxlsxwriter's constant-memory mode: each row
 * is written when the next begins), so that the enterprise tier's 1.6
 * million assessments need no more memory than a few; in that mode a
 * merged cell can only span one row, so a row group's name stands on
 * its first row. A sheet holds at most 1,048,576 rows: more assessments
 * go on to a second sheet. */

/* Rows of a view's sheet. */
enum
{
  ROW_TITLE = 0,
  ROW_SUBTITLE = 1,
  ROW_GROUPS = 3,
  ROW_LABELS = 4,
  ROW_CELLS = 5,
};

#define COLUMN_CELLS   2
#define MAX_SHEET_ROWS 1048576

typedef struct
{
  lxw_workbook  *workbook;
  GHashTable    *formats;     /* description → lxw_format, owned by the workbook */
  GHashTable    *names;       /* sheet names taken */
  TrellisTheme   theme;
} Book;

typedef struct
{
  const TrellisCellLook *look;   /* NULL: no fill */
  const char            *number; /* a number format, or NULL */
  gboolean               bold;
  gboolean               wrap;
  gboolean               center;
  double                 size;   /* points, or 0 */
} Style;

static lxw_color_t
rgb (const TrellisRgba *c)
{
  guint r = (guint) lround (CLAMP (c->red, 0.f, 1.f) * 255);
  guint g = (guint) lround (CLAMP (c->green, 0.f, 1.f) * 255);
  guint b = (guint) lround (CLAMP (c->blue, 0.f, 1.f) * 255);

  return (r << 16) | (g << 8) | b;
}

/* One lxw_format per look: libxlsxwriter writes each format it is given
 * into the file, so formats are shared. */
static lxw_format *
book_format (Book        *book,
             const Style *style)
{
  const TrellisCellLook *look = style->look;
  g_autofree char *key = NULL;
  lxw_format *format;

  key = g_strdup_printf ("%06x %06x %d %06x|%s|%d%d%d|%g",
                         look != NULL ? rgb (&look->fill) : 0xFFFFFFFF, look != NULL ? rgb (&look->text) : 0,
                         look != NULL ? (int) look->pattern : -1, look != NULL ? rgb (&look->pattern_color) : 0,
                         style->number != NULL ? style->number : "", style->bold, style->wrap, style->center,
                         style->size);
  format = g_hash_table_lookup (book->formats, key);
  if (format != NULL)
    return format;

  format = workbook_add_format (book->workbook);
  if (look != NULL)
    {
      if (look->pattern == TRELLIS_CELL_PATTERN_HATCH)
        {
          format_set_pattern (format, LXW_PATTERN_LIGHT_UP);
          format_set_fg_color (format, rgb (&look->pattern_color));
          format_set_bg_color (format, rgb (&look->fill));
        }
      else
        format_set_bg_color (format, rgb (&look->fill));
      format_set_font_color (format, rgb (&look->text));
      format_set_border (format, LXW_BORDER_THIN);
      format_set_border_color (format, 0xFFFFFF);
    }
  if (style->number != NULL)
    format_set_num_format (format, style->number);
  if (style->bold)
    format_set_bold (format);
  if (style->wrap)
    format_set_text_wrap (format);
  if (style->center)
    {
      format_set_align (format, LXW_ALIGN_CENTER);
      format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
    }
  if (style->size > 0)
    format_set_font_size (format, style->size);

  g_hash_table_insert (book->formats, g_steal_pointer (&key), format);
  return format;
}

static lxw_format *
plain_format (Book     *book,
              gboolean  bold,
              double    size)
{
  Style style = { NULL, NULL, bold, FALSE, FALSE, size };

  return book_format (book, &style);
}

/* A sheet's name: at most 31 characters, none of []:*?/\, and no other
 * sheet's. */
static char *
sheet_name (Book       *book,
            const char *title)
{
  g_autoptr(GString) base = g_string_new (NULL);
  char *name = NULL;

  for (const char *p = title; *p != '\0' && g_utf8_strlen (base->str, -1) < 27; p = g_utf8_next_char (p))
    {
      if (strchr ("[]:*?/\\", *p) != NULL)
        g_string_append_c (base, ' ');
      else
        g_string_append_len (base, p, g_utf8_next_char (p) - p);
    }
  if (base->len == 0)
    g_string_append (base, "Sheet");

  name = g_strdup (base->str);
  for (guint n = 2; g_hash_table_contains (book->names, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", base->str, n);
    }
  g_hash_table_add (book->names, name);

  return g_strdup (name);
}

static gboolean
check (lxw_error   err,
       GError    **error)
{
  if (err == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_WRITE,
               /* Translators: shown when a view is exported as a spreadsheet; %s is libxlsxwriter's
                * own description of what went wrong, e.g. “Error creating output xlsx file”. */
               _("The spreadsheet could not be written: %s."), lxw_strerror (err));
  return FALSE;
}

/* The number format that shows a number as the picture does: its
 * decimals, a plus sign where the view prints one, a true minus sign,
 * a percent sign. */
static char *
number_format (const TrellisSheetCell *cell)
{
  g_autoptr(GString) digits = g_string_new ("0");

  if (cell->decimals > 0)
    {
      g_string_append_c (digits, '.');
      for (guint i = 0; i < cell->decimals; i++)
        g_string_append_c (digits, '0');
    }
  if (cell->percent)
    return g_strdup_printf ("%s%%", digits->str);
  if (cell->plus)
    return g_strdup_printf ("+%s;\"\342\210\222\"%s;%s", digits->str, digits->str, digits->str);

  return g_strdup_printf ("%s;\"\342\210\222\"%s", digits->str, digits->str);
}

static lxw_error
write_cell (Book          *book,
            lxw_worksheet *sheet,
            TrellisLayout *layout,
            guint          row,
            guint          column)
{
  TrellisSheetCell cell;
  TrellisCellLook look;
  g_autofree char *number = NULL;
  Style style = { &look, NULL, FALSE, FALSE, TRUE, 0 };
  lxw_row_t r = ROW_CELLS + row;
  lxw_col_t c = COLUMN_CELLS + column;
  lxw_error err;

  trellis_layout_get_cell_look (layout, row, column, &look);
  trellis_sheet_cell_read (layout, row, column, &cell);

  if (cell.is_number)
    {
      style.number = number = number_format (&cell);
      err = worksheet_write_number (sheet, r, c, cell.percent ? cell.number / 100 : cell.number,
                                    book_format (book, &style));
    }
  else if (cell.painted[0] != '\0')
    err = worksheet_write_string (sheet, r, c, cell.painted, book_format (book, &style));
  else
    err = worksheet_write_blank (sheet, r, c, book_format (book, &style));

  trellis_sheet_cell_clear (&cell);
  return err;
}

/* The row of column groups, each name over its columns, and the row of
 * the columns' names. */
static lxw_error
write_column_headers (Book          *book,
                      lxw_worksheet *sheet,
                      TrellisLayout *layout,
                      lxw_format    *header)
{
  Style wrap = { NULL, NULL, TRUE, TRUE, TRUE, 0 };
  lxw_format *label = book_format (book, &wrap);
  guint n = trellis_layout_get_n_columns (layout);
  lxw_error err = LXW_NO_ERROR;

  for (guint c = 0; c < n && err == LXW_NO_ERROR;)
    {
      guint group = trellis_layout_get_column_group (layout, c);
      guint end = c + 1;
      const char *name;

      while (end < n && trellis_layout_get_column_group (layout, end) == group)
        end++;
      name = group < trellis_layout_get_n_column_groups (layout)
             ? trellis_layout_get_column_group_label (layout, group) : NULL;
      if (name != NULL && end - c > 1)
        err = worksheet_merge_range (sheet, ROW_GROUPS, COLUMN_CELLS + c, ROW_GROUPS, COLUMN_CELLS + end - 1,
                                     name, header);
      else if (name != NULL)
        err = worksheet_write_string (sheet, ROW_GROUPS, COLUMN_CELLS + c, name, header);
      c = end;
    }

  worksheet_set_row (sheet, ROW_LABELS, 60, NULL);
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (sheet, ROW_LABELS, 0, trellis_sheet_group_header (layout), header);
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (sheet, ROW_LABELS, 1, trellis_sheet_row_header (layout), header);
  for (guint c = 0; c < n && err == LXW_NO_ERROR; c++)
    err = worksheet_write_string (sheet, ROW_LABELS, COLUMN_CELLS + c, trellis_layout_get_column_label (layout, c),
                                  label);

  return err;
}

/* Under the cells: every colour and pattern of the view with its words,
 * then the findings, numbered as on the rows. */
static lxw_error
write_legend (Book          *book,
              lxw_worksheet *sheet,
              TrellisLayout *layout,
              lxw_row_t      row)
{
  lxw_format *bold = plain_format (book, TRUE, 0);
  lxw_error err;

  err = worksheet_write_string (sheet, row++, 0, _("Legend"), bold);
  for (guint i = 0; i < trellis_layout_get_n_legend_entries (layout) && err == LXW_NO_ERROR; i++, row++)
    {
      const char *label, *sample;
      gboolean heading;
      TrellisCellLook look;

      if (trellis_layout_get_legend_entry (layout, i, &label, &sample, &heading, &look))
        {
          Style style = { &look, NULL, FALSE, FALSE, TRUE, 0 };

          err = worksheet_write_string (sheet, row, 0, sample != NULL ? sample : "", book_format (book, &style));
        }
      if (err == LXW_NO_ERROR)
        err = worksheet_write_string (sheet, row, 1, label, heading ? bold : NULL);
    }

  for (guint i = 0; i < trellis_layout_get_n_findings (layout) && err == LXW_NO_ERROR; i++)
    {
      g_autofree char *message = trellis_finding_dup_message (trellis_layout_get_finding (layout, i));
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, message);

      if (i == 0)
        err = worksheet_write_string (sheet, ++row, 0, _("Findings"), bold);
      if (err == LXW_NO_ERROR)
        err = worksheet_write_string (sheet, ++row, 1, line, NULL);
    }

  return err;
}

static void
set_widths (lxw_worksheet *sheet,
            TrellisLayout *layout)
{
  glong group_width = g_utf8_strlen (trellis_sheet_group_header (layout), -1);
  glong row_width = g_utf8_strlen (trellis_sheet_row_header (layout), -1);

  for (guint g = 0; g < trellis_layout_get_n_row_groups (layout); g++)
    {
      const char *label = trellis_layout_get_row_group_label (layout, g);

      group_width = MAX (group_width, label != NULL ? g_utf8_strlen (label, -1) : 0);
    }
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    row_width = MAX (row_width, g_utf8_strlen (trellis_layout_get_row_label (layout, r), -1));

  worksheet_set_column (sheet, 0, 0, CLAMP (group_width + 2, 10, 30), NULL);
  worksheet_set_column (sheet, 1, 1, CLAMP (row_width + 2, 12, 40), NULL);
  if (trellis_layout_get_n_columns (layout) > 0)
    worksheet_set_column (sheet, COLUMN_CELLS, COLUMN_CELLS + trellis_layout_get_n_columns (layout) - 1, 9, NULL);
}

/* One view's sheet (see the top of this file). */
static gboolean
write_view (Book           *book,
            TrellisLayout  *layout,
            GCancellable   *cancellable,
            GError        **error)
{
  const TrellisThemeColors *colors = trellis_theme_get_colors (book->theme);
  g_autofree char *name = sheet_name (book, trellis_view_get_title (trellis_layout_get_options (layout)->view));
  TrellisCellLook header_look = { colors->header, colors->foreground, TRELLIS_CELL_PATTERN_NONE, colors->muted };
  Style header_style = { &header_look, NULL, TRUE, TRUE, TRUE, 0 };
  Style row_style = { &header_look, NULL, FALSE, FALSE, FALSE, 0 };
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  lxw_format *header = book_format (book, &header_style);
  lxw_format *row_header = book_format (book, &row_style);
  guint n_rows = trellis_layout_get_n_rows (layout);
  guint n_columns = trellis_layout_get_n_columns (layout);
  lxw_error err;

  if (sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  set_widths (sheet, layout);
  worksheet_freeze_panes (sheet, ROW_CELLS, COLUMN_CELLS);

  err = worksheet_write_string (sheet, ROW_TITLE, 0, trellis_layout_get_title (layout), plain_format (book, TRUE, 14));
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (sheet, ROW_SUBTITLE, 0, trellis_layout_get_subtitle (layout), NULL);
  if (err == LXW_NO_ERROR)
    err = write_column_headers (book, sheet, layout, header);

  for (guint r = 0; r < n_rows && err == LXW_NO_ERROR; r++)
    {
      guint group = trellis_layout_get_row_group (layout, r);

      if (r % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (group < trellis_layout_get_n_row_groups (layout) &&
          (r == 0 || trellis_layout_get_row_group (layout, r - 1) != group))
        err = worksheet_write_string (sheet, ROW_CELLS + r, 0, trellis_layout_get_row_group_label (layout, group),
                                      header);
      if (err == LXW_NO_ERROR)
        err = worksheet_write_string (sheet, ROW_CELLS + r, 1, trellis_layout_get_row_label (layout, r), row_header);
      for (guint c = 0; c < n_columns && err == LXW_NO_ERROR; c++)
        err = write_cell (book, sheet, layout, r, c);
    }

  if (err == LXW_NO_ERROR)
    err = write_legend (book, sheet, layout, ROW_CELLS + n_rows + 1);

  return check (err, error);
}

/* The assessments in the long form, of the people the audience may see. */

typedef struct
{
  Book          *book;
  lxw_worksheet *sheet;
  lxw_row_t      row;
  lxw_format    *header;
  lxw_format    *date;
  GCancellable  *cancellable;
} Assessments;

static gboolean
begin_assessments_sheet (Assessments  *a,
                         GError      **error)
{
  static const double widths[TRELLIS_N_ASSESSMENT_COLUMNS] = { 14, 24, 16, 28, 7, 8, 10, 12, 40, 30 };
  g_autofree char *name = sheet_name (a->book, _("Assessments"));
  lxw_error err = LXW_NO_ERROR;

  a->sheet = workbook_add_worksheet (a->book->workbook, name);
  if (a->sheet == NULL)
    return check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  worksheet_freeze_panes (a->sheet, 1, 0);
  for (guint c = 0; c < TRELLIS_N_ASSESSMENT_COLUMNS; c++)
    worksheet_set_column (a->sheet, c, c, widths[c], NULL);
  for (guint c = 0; c < TRELLIS_N_ASSESSMENT_COLUMNS && err == LXW_NO_ERROR; c++)
    err = worksheet_write_string (a->sheet, 0, c, trellis_assessment_column_get_label (c), a->header);
  a->row = 1;

  return check (err, error);
}

static lxw_error
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text)
{
  if (text == NULL || *text == '\0')
    return LXW_NO_ERROR;

  return worksheet_write_string (sheet, row, column, text, NULL);
}

static gboolean
write_assessment_cb (TrellisPerson           *person,
                     TrellisCompetency       *competency,
                     const TrellisAssessment *assessment,
                     gpointer                 user_data,
                     GError                 **error)
{
  Assessments *a = user_data;
  lxw_worksheet *s;
  lxw_row_t r;
  lxw_error err;
  GDate date;

  if (a->row == MAX_SHEET_ROWS && !begin_assessments_sheet (a, error))
    return FALSE;
  if (a->row % 4096 == 0 && g_cancellable_set_error_if_cancelled (a->cancellable, error))
    return FALSE;

  s = a->sheet;
  r = a->row++;
  err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_PERSON_ID, trellis_entity_get_id (TRELLIS_ENTITY (person)));
  if (err == LXW_NO_ERROR)
    err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_PERSON, trellis_entity_get_name (TRELLIS_ENTITY (person)));
  if (err == LXW_NO_ERROR)
    err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_COMPETENCY_ID, trellis_entity_get_id (TRELLIS_ENTITY (competency)));
  if (err == LXW_NO_ERROR)
    err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_COMPETENCY, trellis_entity_get_name (TRELLIS_ENTITY (competency)));
  if (err == LXW_NO_ERROR)
    err = worksheet_write_number (s, r, TRELLIS_ASSESSMENT_COLUMN_LEVEL, assessment->level, NULL);
  if (err == LXW_NO_ERROR && assessment->want)
    err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_WANT, trellis_csv_yes ());
  if (err == LXW_NO_ERROR)
    err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_SOURCE, trellis_source_get_label (assessment->source));
  if (err == LXW_NO_ERROR && trellis_date_is_valid (assessment->date))
    {
      lxw_datetime when = { 0 };

      g_date_clear (&date, 1);
      g_date_set_julian (&date, assessment->date);
      when.year = g_date_get_year (&date);
      when.month = g_date_get_month (&date);
      when.day = g_date_get_day (&date);
      err = worksheet_write_datetime (s, r, TRELLIS_ASSESSMENT_COLUMN_DATE, &when, a->date);
    }
  if (err == LXW_NO_ERROR)
    err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_NOTE, assessment->note);
  if (err == LXW_NO_ERROR)
    err = write_text (s, r, TRELLIS_ASSESSMENT_COLUMN_EVIDENCE, assessment->evidence);

  return check (err, error);
}

static gboolean
write_assessments (Book                        *book,
                   TrellisDocument             *document,
                   const TrellisRenderOptions  *options,
                   GCancellable                *cancellable,
                   GError                     **error)
{
  Style date = { NULL, "yyyy-mm-dd", FALSE, FALSE, FALSE, 0 };
  Assessments a = { book, NULL, 0, plain_format (book, TRUE, 0), book_format (book, &date), cancellable };

  return begin_assessments_sheet (&a, error) &&
         trellis_document_foreach_assessment (document, trellis_sheet_shows_person, (gpointer) options,
                                              write_assessment_cb, &a, error);
}

static gboolean
write_book (Book                        *book,
            TrellisAnalysis             *analysis,
            const TrellisRenderOptions  *options,
            const TrellisView           *views,
            guint                        n_views,
            gboolean                     assessments,
            GCancellable                *cancellable,
            GError                     **error)
{
  for (guint i = 0; i < n_views; i++)
    {
      g_autoptr(TrellisRenderOptions) view_options = trellis_render_options_copy (options);
      g_autoptr(TrellisLayout) layout = NULL;

      g_return_val_if_fail (trellis_view_is_grid (views[i]), FALSE);

      view_options->view = views[i];
      layout = trellis_layout_new (analysis, view_options, error);
      if (layout == NULL || !write_view (book, layout, cancellable, error))
        return FALSE;
    }

  return !assessments || write_assessments (book, trellis_analysis_get_document (analysis), options, cancellable, error);
}

/**
 * trellis_sheet_xlsx_to_bytes:
 * @analysis: the matrix, analysed
 * @options: the filter, audience and theme of every sheet (the view is
 *   each of @views in turn)
 * @views: (array length=n_views): the grid views to give a sheet each
 * @n_views: how many
 * @assessments: whether to add the sheet of the assessments
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes an Excel workbook of the views (see the top of this file).
 *
 * Returns: (transfer full) (nullable): the workbook, or %NULL with @error
 *   set
 */
GBytes *
trellis_sheet_xlsx_to_bytes (TrellisAnalysis             *analysis,
                             const TrellisRenderOptions  *options,
                             const TrellisView           *views,
                             guint                        n_views,
                             gboolean                     assessments,
                             GCancellable                *cancellable,
                             GError                     **error)
{
  lxw_workbook_options workbook_options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  Book book = { NULL, NULL, NULL, options->theme };
  gboolean ok;
  gsize len;
  int fd;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  /* libxlsxwriter writes to a file: a private one, gone at once after. */
  fd = g_file_open_tmp ("trellis-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  close (fd);

  book.workbook = workbook_new_opt (path, &workbook_options);
  if (book.workbook == NULL)
    {
      g_unlink (path);
      check (LXW_ERROR_CREATING_TMPFILE, error);
      return NULL;
    }
  book.formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  book.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = write_book (&book, analysis, options, views, n_views, assessments, cancellable, error);
  if (ok)
    ok = check (workbook_close (book.workbook), error);
  else
    lxw_workbook_free (book.workbook);
  g_hash_table_unref (book.formats);
  g_hash_table_unref (book.names);

  if (ok)
    ok = g_file_get_contents (path, &contents, &len, error);
  g_unlink (path);
  if (!ok)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), len);
}
