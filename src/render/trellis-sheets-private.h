/* trellis-sheets-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-sheets.h"

G_BEGIN_DECLS

/**
 * TrellisSheetCell:
 * @words: what the cell holds in words: its text, or what its pattern
 *   means ("not assessed"), for a sheet without colours
 * @painted: what the picture prints in the cell, "" for nothing
 * @is_number: whether @painted is a number
 * @number: that number as shown (67 for "67%")
 * @decimals: its decimals as shown
 * @plus: shown with a plus sign
 * @percent: shown as a percentage
 *
 * A cell of a view, for a spreadsheet.
 */
typedef struct
{
  char     *words;
  char     *painted;
  gboolean  is_number;
  double    number;
  guint     decimals;
  gboolean  plus;
  gboolean  percent;
} TrellisSheetCell;

void        trellis_sheet_cell_read     (TrellisLayout    *layout,
                                         guint             row,
                                         guint             column,
                                         TrellisSheetCell *cell);
void        trellis_sheet_cell_clear    (TrellisSheetCell *cell);
const char *trellis_sheet_group_header  (TrellisLayout    *layout);
const char *trellis_sheet_row_header    (TrellisLayout    *layout);
gboolean    trellis_sheet_shows_person  (TrellisPerson    *person,
                                         gpointer          options);

G_END_DECLS
