#!/usr/bin/python3
# read-xlsx.py: what a workbook holds, as openpyxl reads it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints one line per cell that holds a value or a fill, for the tests
# of the spreadsheet export to compare with the views:
#   sheet <TAB> row <TAB> column <TAB> kind <TAB> value <TAB> pattern <TAB> fill <TAB> pattern colour <TAB> font colour
# rows and columns from 0; kind is n (number), s (text), d (date) or -
# (empty); colours are RRGGBB, or - where there are none. Then a line per
# merged range ("merged", sheet, the range) and per frozen pane ("frozen",
# sheet, its top left cell).

import sys

import openpyxl


def colour(c):
    if c is None or c.type != 'rgb' or c.rgb is None:
        return '-'
    return str(c.rgb)[-6:].upper()


def text(value):
    return str(value).replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    out = sys.stdout
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                pattern = cell.fill.patternType if cell.fill is not None else None
                if cell.value is None and pattern is None:
                    continue
                if cell.value is None:
                    kind, value = '-', ''
                elif isinstance(cell.value, bool):
                    kind, value = 's', str(cell.value)
                elif isinstance(cell.value, (int, float)):
                    kind, value = 'n', repr(float(cell.value))
                elif hasattr(cell.value, 'isoformat'):
                    kind, value = 'd', cell.value.date().isoformat()
                else:
                    kind, value = 's', text(cell.value)
                out.write('\t'.join([sheet.title, str(cell.row - 1), str(cell.column - 1), kind, value,
                                     pattern or '-',
                                     colour(cell.fill.fgColor) if pattern else '-',
                                     colour(cell.fill.bgColor) if pattern and pattern != 'solid' else '-',
                                     colour(cell.font.color) if cell.font is not None else '-']) + '\n')
        for merged in sheet.merged_cells.ranges:
            out.write('merged\t%s\t%s\n' % (sheet.title, merged.coord))
        if sheet.freeze_panes:
            out.write('frozen\t%s\t%s\n' % (sheet.title, sheet.freeze_panes))


if __name__ == '__main__':
    main()
