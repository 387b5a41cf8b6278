/* trellis-sheets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-sheets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-render.h"
#include "trellis-sheets-private.h"

/* Spreadsheets of the views: what each cell of a grid view shows, read
 * through the layout (the same facts the picture paints, with the same
 * audience: who may not be shown is in no row), as CSV here and as XLSX
 * in trellis-workbook.c; and the assessments in the long form, of the
 * people the audience may see.
 *
 * A CSV of a view has one header row: the row's group and the row, then
 * a column per column of the view; each cell holds its number (as shown:
 * 67 for 67 %, with the writer's decimal separator), its text ("RA5",
 * "2/3"), or what its pattern means ("not assessed"). */

const TrellisView trellis_sheet_default_views[4] = {
  TRELLIS_VIEW_GAPS, TRELLIS_VIEW_REQUIREMENTS, TRELLIS_VIEW_COVERAGE, TRELLIS_VIEW_RESPONSIBILITIES,
};

static const char * const format_names[] = { "csv", "xlsx" };

gboolean
trellis_sheet_format_from_path (const char         *path,
                                TrellisSheetFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;

  return trellis_sheet_format_from_string (dot + 1, format);
}

const char *
trellis_sheet_format_to_string (TrellisSheetFormat format)
{
  g_return_val_if_fail (format <= TRELLIS_SHEET_XLSX, NULL);

  return format_names[format];
}

gboolean
trellis_sheet_format_from_string (const char         *str,
                                  TrellisSheetFormat *format)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i]) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* A number as the renderer prints it: a plus or a minus sign (U+2212),
 * digits with a decimal point or comma, and a percent sign. */
static gboolean
parse_shown_number (const char       *text,
                    TrellisSheetCell *cell)
{
  const char *p = text;
  gboolean negative = FALSE;
  double value = 0;
  double scale = 0.1;
  gboolean digits = FALSE;

  if (*p == '+')
    {
      cell->plus = TRUE;
      p++;
    }
  else if (g_str_has_prefix (p, "\342\210\222"))
    {
      negative = TRUE;
      p += 3;
    }
  else if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (; g_ascii_isdigit (*p); p++)
    {
      value = value * 10 + (*p - '0');
      digits = TRUE;
    }
  if (digits && (*p == '.' || *p == ','))
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          value += (*p - '0') * scale;
          scale /= 10;
          cell->decimals++;
        }
    }
  if (*p == '%')
    {
      cell->percent = TRUE;
      p++;
    }
  if (!digits || *p != '\0')
    return FALSE;

  /* Round away what the decimal steps added. */
  value = round (value * pow (10, cell->decimals)) / pow (10, cell->decimals);
  cell->number = negative ? -value : value;
  return TRUE;
}

/**
 * trellis_sheet_cell_read:
 * @layout: a layout of a grid view
 * @row: a row
 * @column: a column
 * @cell: (out caller-allocates): the cell; clear it with
 *   trellis_sheet_cell_clear()
 *
 * What a cell of the view holds, for a spreadsheet.
 */
void
trellis_sheet_cell_read (TrellisLayout    *layout,
                         guint             row,
                         guint             column,
                         TrellisSheetCell *cell)
{
  TrellisCellInfo info;

  memset (cell, 0, sizeof *cell);
  trellis_layout_get_cell_info (layout, row, column, &info);
  cell->words = trellis_layout_dup_cell_text (layout, row, column);

  switch (info.content)
    {
    case TRELLIS_CONTENT_NOT_ASSESSED:
      /* The hatch says it. */
      cell->painted = g_strdup ("");
      break;
    case TRELLIS_CONTENT_SUPPRESSED:
      /* The short dash the picture draws. */
      cell->painted = g_strdup ("\342\200\223");
      break;
    case TRELLIS_CONTENT_VALUE:
      cell->painted = g_strdup (cell->words);
      cell->is_number = parse_shown_number (cell->painted, cell);
      break;
    case TRELLIS_CONTENT_EMPTY:
    case TRELLIS_CONTENT_ASSIGNMENT:
    case TRELLIS_CONTENT_PERSPECTIVES:
    case TRELLIS_CONTENT_NEW:
    default:
      cell->painted = g_strdup (cell->words);
      break;
    }
}

void
trellis_sheet_cell_clear (TrellisSheetCell *cell)
{
  g_clear_pointer (&cell->words, g_free);
  g_clear_pointer (&cell->painted, g_free);
}

static const char *
item_kind_label (TrellisItemKind kind)
{
  switch (kind)
    {
    case TRELLIS_ITEM_PERSON:         return trellis_kind_get_label (TRELLIS_KIND_PERSON);
    case TRELLIS_ITEM_COMPETENCY:     return trellis_kind_get_label (TRELLIS_KIND_COMPETENCY);
    case TRELLIS_ITEM_ROLE:           return trellis_kind_get_label (TRELLIS_KIND_ROLE);
    case TRELLIS_ITEM_RESPONSIBILITY: return trellis_kind_get_label (TRELLIS_KIND_RESPONSIBILITY);
    case TRELLIS_ITEM_AGGREGATE_GAP:
    case TRELLIS_ITEM_AGGREGATE_MEETING:
    case TRELLIS_ITEM_CAPABLE:
    case TRELLIS_ITEM_NODE:
    case TRELLIS_ITEM_STAGE:
    default:
      return NULL;
    }
}

/* The header over the rows' groups: what the first group is (a role, a
 * value, a result). */
const char *
trellis_sheet_group_header (TrellisLayout *layout)
{
  for (guint g = 0; g < trellis_layout_get_n_row_groups (layout); g++)
    {
      TrellisEntity *entity = trellis_layout_get_row_group_entity (layout, g);

      if (entity != NULL)
        return trellis_kind_get_label (trellis_entity_get_kind (entity));
    }

  return "";
}

/* The header over the rows: what the first row is. */
const char *
trellis_sheet_row_header (TrellisLayout *layout)
{
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      const char *label = item_kind_label (trellis_layout_get_row_kind (layout, r));

      if (label != NULL)
        return label;
    }

  return "";
}

/**
 * trellis_sheet_write_view_csv:
 * @layout: a layout of a grid view
 * @writer: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the view in the wide form: a header row, then a row per row of
 * the view (see the top of this file).
 *
 * Returns: %FALSE when writing failed
 */
gboolean
trellis_sheet_write_view_csv (TrellisLayout     *layout,
                              TrellisCsvWriter  *writer,
                              GCancellable      *cancellable,
                              GError           **error)
{
  guint n_rows, n_columns;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (trellis_view_is_grid (trellis_layout_get_options (layout)->view), FALSE);

  n_rows = trellis_layout_get_n_rows (layout);
  n_columns = trellis_layout_get_n_columns (layout);

  trellis_csv_writer_add_field (writer, trellis_sheet_group_header (layout));
  trellis_csv_writer_add_field (writer, trellis_sheet_row_header (layout));
  for (guint c = 0; c < n_columns; c++)
    trellis_csv_writer_add_field (writer, trellis_layout_get_column_label (layout, c));
  if (!trellis_csv_writer_end_row (writer, cancellable, error))
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      guint group = trellis_layout_get_row_group (layout, r);

      trellis_csv_writer_add_field (writer, group < trellis_layout_get_n_row_groups (layout)
                                            ? trellis_layout_get_row_group_label (layout, group) : NULL);
      trellis_csv_writer_add_field (writer, trellis_layout_get_row_label (layout, r));
      for (guint c = 0; c < n_columns; c++)
        {
          TrellisSheetCell cell;

          trellis_sheet_cell_read (layout, r, c, &cell);
          if (cell.is_number && !cell.percent)
            trellis_csv_writer_add_double (writer, cell.number);
          else
            trellis_csv_writer_add_field (writer, cell.words);
          trellis_sheet_cell_clear (&cell);
        }
      if (!trellis_csv_writer_end_row (writer, cancellable, error))
        return FALSE;
    }

  return trellis_csv_writer_finish (writer, cancellable, error);
}

gboolean
trellis_sheet_shows_person (TrellisPerson *person,
                            gpointer       options)
{
  return trellis_render_options_shows_person (options, TRELLIS_ENTITY (person));
}

/**
 * trellis_sheet_write_assessments_csv:
 * @document: a matrix
 * @options: whose assessments may be shown: the audience, and the person
 *   a view is narrowed to
 * @writer: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the long form of the assessments of the people the audience
 * may see (see trellis_csv_write_assessments()).
 *
 * Returns: %FALSE when writing failed
 */
gboolean
trellis_sheet_write_assessments_csv (TrellisDocument             *document,
                                     const TrellisRenderOptions  *options,
                                     TrellisCsvWriter            *writer,
                                     GCancellable                *cancellable,
                                     GError                     **error)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return trellis_csv_write_assessments (document, writer, trellis_sheet_shows_person, (gpointer) options,
                                        cancellable, error);
}

/**
 * trellis_sheet_csv_to_bytes:
 * @analysis: the matrix, analysed
 * @options: the view, its filter and its audience
 * @assessments: write the assessments in the long form instead of the
 *   view
 * @format: the delimiter and byte order mark
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the CSV file, or %NULL with @error
 *   set (a view that is not a grid, a role or person the matrix does not
 *   have)
 */
GBytes *
trellis_sheet_csv_to_bytes (TrellisAnalysis             *analysis,
                            const TrellisRenderOptions  *options,
                            gboolean                     assessments,
                            const TrellisCsvFormat      *format,
                            GCancellable                *cancellable,
                            GError                     **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(TrellisCsvWriter) writer = trellis_csv_writer_new (out, format);
  gboolean ok;

  if (assessments)
    ok = trellis_sheet_write_assessments_csv (trellis_analysis_get_document (analysis), options, writer,
                                              cancellable, error);
  else
    {
      g_autoptr(TrellisLayout) layout = NULL;

      if (!trellis_view_is_grid (options->view))
        {
          g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_FORMAT,
                       /* Translators: shown when a view is exported as a spreadsheet; %s is the title
                        * of a view, e.g. “Line of sight”. */
                       _("%s is a drawing, not a table: it cannot be a spreadsheet. Export it as PNG, SVG or PDF."),
                       trellis_view_get_title (options->view));
          return NULL;
        }
      layout = trellis_layout_new (analysis, options, error);
      ok = layout != NULL && trellis_sheet_write_view_csv (layout, writer, cancellable, error);
    }

  if (!ok || !g_output_stream_close (out, cancellable, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}
