/* trellis-page-flow-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "trellis-palette.h"
#include "trellis-report.h"

G_BEGIN_DECLS

/* The fonts of a report, one family in a few sizes and weights. */
typedef enum
{
  TRELLIS_FONT_COVER,     /* the organisation on the cover */
  TRELLIS_FONT_H1,        /* a section's title */
  TRELLIS_FONT_H2,        /* a part of a section: a role, a person */
  TRELLIS_FONT_H3,        /* a heading inside a part */
  TRELLIS_FONT_BODY,
  TRELLIS_FONT_BOLD,
  TRELLIS_FONT_ITALIC,
  TRELLIS_FONT_SMALL,     /* tables, notes */
  TRELLIS_FONT_SMALL_BOLD,
  TRELLIS_FONT_TINY,      /* running header and footer, chart labels */
  TRELLIS_N_FONTS
} TrellisFont;

/**
 * TrellisReportStyle:
 *
 * How a report looks: its fonts (in points, at 72 dots per inch, so that
 * a point on the page is a point), and its colours, all from the light
 * theme and the palettes.
 */
typedef struct
{
  PangoContext             *context;
  PangoFontDescription     *fonts[TRELLIS_N_FONTS];
  const TrellisThemeColors *colors;
  TrellisRgba               accent;     /* headings' rules, the current tile */
  TrellisRgba               rule;       /* table lines, writing lines */
  TrellisRgba               band;       /* table headers */
  GHashTable               *texts;      /* the layouts made, by font, width and markup */
} TrellisReportStyle;

void          trellis_report_style_init   (TrellisReportStyle *self,
                                           const char         *family);
void          trellis_report_style_clear  (TrellisReportStyle *self);
PangoLayout  *trellis_report_style_text   (TrellisReportStyle *self,
                                           TrellisFont         font,
                                           const char         *markup,
                                           double              width,
                                           PangoAlignment      align);

typedef void (*TrellisBoxPaintFunc) (cairo_t           *cr,
                                     const TrellisRect *box,
                                     gpointer           data);

typedef enum
{
  TRELLIS_BOX_TEXT,
  TRELLIS_BOX_FILL,
  TRELLIS_BOX_LINE,
  TRELLIS_BOX_PAINT,
} TrellisBoxKind;

/**
 * TrellisBox:
 *
 * Something placed on a page: text (a layout, or the lines of it from
 * @offset that fit), a filled rectangle, a line, or a drawing of its own.
 */
typedef struct
{
  TrellisBoxKind       kind;
  TrellisRect          rect;
  TrellisRgba          color;
  PangoLayout         *layout;
  double               offset;
  TrellisBoxPaintFunc  paint;
  gpointer             data;
  GDestroyNotify       destroy;
} TrellisBox;

typedef struct
{
  GArray     *boxes;     /* TrellisBox */
  const char *section;   /* the running header's title */
  gboolean    landscape; /* the sheet turned: for maps */
} TrellisPage;

/* One cell of a table row: markup, except in a table's header, which is
 * plain text. */
typedef struct
{
  const char        *markup;
  TrellisFont        font;
  const TrellisRgba *fill;     /* a chip behind the text, or NULL */
  PangoAlignment     align;
} TrellisTableCell;

#define TRELLIS_TABLE_MAX_COLUMNS 8

/**
 * TrellisFlow:
 *
 * Puts headings, paragraphs, tables, drawings and ruled lines one under
 * the other on pages of one size, starting a new page when the next does
 * not fit: a heading keeps with what follows it, a table repeats its
 * header on every page it runs over, a paragraph breaks between lines.
 */
typedef struct
{
  TrellisReportStyle *style;
  double              page_width;
  double              page_height;
  TrellisRect         body;      /* of the current page */
  TrellisRect         portrait;  /* the body of an upright page */
  TrellisRect         landscape; /* and of a turned one */
  GPtrArray          *pages;     /* TrellisPage */
  TrellisPage        *page;
  double              y;
  const char         *section;

  /* The table being set. */
  guint               n_columns;
  double              columns[TRELLIS_TABLE_MAX_COLUMNS];  /* widths */
  TrellisTableCell    header[TRELLIS_TABLE_MAX_COLUMNS];
  char               *header_markup[TRELLIS_TABLE_MAX_COLUMNS];
  gboolean            has_header;
} TrellisFlow;

void     trellis_flow_init          (TrellisFlow        *self,
                                     TrellisReportStyle *style,
                                     double              page_width,
                                     double              page_height);
void     trellis_flow_clear         (TrellisFlow        *self);
void     trellis_flow_new_page      (TrellisFlow        *self,
                                     const char         *section);
void     trellis_flow_new_landscape_page (TrellisFlow   *self);
void     trellis_flow_get_page_size (TrellisFlow        *self,
                                     guint               page,
                                     double             *width,
                                     double             *height);
double   trellis_flow_remaining     (TrellisFlow        *self);
gboolean trellis_flow_at_top        (TrellisFlow        *self);
void     trellis_flow_need          (TrellisFlow        *self,
                                     double              height);
void     trellis_flow_space         (TrellisFlow        *self,
                                     double              height);
void     trellis_flow_heading       (TrellisFlow        *self,
                                     TrellisFont         font,
                                     const char         *markup);
void     trellis_flow_paragraph     (TrellisFlow        *self,
                                     TrellisFont         font,
                                     const TrellisRgba  *color,
                                     double              indent,
                                     const char         *markup);
void     trellis_flow_text_at       (TrellisFlow        *self,
                                     TrellisFont         font,
                                     const TrellisRgba  *color,
                                     double              x,
                                     double              y,
                                     double              width,
                                     PangoAlignment      align,
                                     const char         *markup);
void     trellis_flow_add_box       (TrellisFlow        *self,
                                     const TrellisBox   *box);
void     trellis_flow_drawing       (TrellisFlow        *self,
                                     double              height,
                                     TrellisBoxPaintFunc paint,
                                     gpointer            data,
                                     GDestroyNotify      destroy);
void     trellis_flow_drawing_at    (TrellisFlow        *self,
                                     const TrellisRect  *rect,
                                     TrellisBoxPaintFunc paint,
                                     gpointer            data,
                                     GDestroyNotify      destroy);
void     trellis_flow_rule          (TrellisFlow        *self,
                                     const TrellisRgba  *color,
                                     double              width);
void     trellis_flow_writing_lines (TrellisFlow        *self,
                                     guint               min_lines);
void     trellis_flow_table_begin   (TrellisFlow        *self,
                                     guint               n_columns,
                                     const double       *fractions,
                                     const TrellisTableCell *header);
void     trellis_flow_table_row     (TrellisFlow        *self,
                                     const TrellisTableCell *cells);
void     trellis_flow_table_end     (TrellisFlow        *self);

void     trellis_page_paint         (TrellisPage        *page,
                                     cairo_t            *cr);
void     trellis_page_free          (gpointer            page);

/* Escapes text for Pango markup; the result lives until the next
 * main-loop-free point of the caller (a g_autofree string). */
char    *trellis_markup_escape      (const char         *text);

G_END_DECLS
