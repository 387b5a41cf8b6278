/* trellis-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "trellis-layout.h"
#include "trellis-render-types.h"

G_BEGIN_DECLS

/**
 * TrellisReportSection:
 * @TRELLIS_REPORT_COVER: organisation, team, date, mission, vision,
 *   values with their behaviours
 * @TRELLIS_REPORT_SIGHT: the line of sight, mission to competencies
 * @TRELLIS_REPORT_ROLES: each role's responsibilities and requirements
 * @TRELLIS_REPORT_GAPS: the gap heatmap, tiled over pages
 * @TRELLIS_REPORT_REQUIREMENTS: the role requirement map, tiled
 * @TRELLIS_REPORT_PERCEPTION: self against coach and peer, tiled
 * @TRELLIS_REPORT_BOUNDARIES: responsibility boundaries, tiled, with
 *   every rule finding in words
 * @TRELLIS_REPORT_COVERAGE: coverage and single points of knowledge
 * @TRELLIS_REPORT_MONITORING: indicators with a chart each, and the
 *   latest plan–do–check–act notes
 * @TRELLIS_REPORT_SHEETS: a development sheet per person
 * @TRELLIS_REPORT_MANDATE: a mandate card per person
 *
 * The sections of a report, in the order they are printed.
 */
typedef enum
{
  TRELLIS_REPORT_COVER        = 1 << 0,
  TRELLIS_REPORT_SIGHT        = 1 << 1,
  TRELLIS_REPORT_ROLES        = 1 << 2,
  TRELLIS_REPORT_GAPS         = 1 << 3,
  TRELLIS_REPORT_REQUIREMENTS = 1 << 4,
  TRELLIS_REPORT_PERCEPTION   = 1 << 5,
  TRELLIS_REPORT_BOUNDARIES   = 1 << 6,
  TRELLIS_REPORT_COVERAGE     = 1 << 7,
  TRELLIS_REPORT_MONITORING   = 1 << 8,
  TRELLIS_REPORT_SHEETS       = 1 << 9,
  TRELLIS_REPORT_MANDATE      = 1 << 10,
} TrellisReportSection;

#define TRELLIS_N_REPORT_SECTIONS 11
#define TRELLIS_REPORT_ALL        ((1u << TRELLIS_N_REPORT_SECTIONS) - 1)
/* Every section but the optional maps (requirements, perception). */
#define TRELLIS_REPORT_DEFAULT    (TRELLIS_REPORT_ALL & ~(TRELLIS_REPORT_REQUIREMENTS | TRELLIS_REPORT_PERCEPTION))

/* The zoom of a map on paper: its text about as large as a table's. */
#define TRELLIS_REPORT_MAP_ZOOM 0.7

/**
 * TrellisPaper:
 * @TRELLIS_PAPER_A4: 210 × 297 mm
 * @TRELLIS_PAPER_LETTER: 8.5 × 11 in
 *
 * The paper sizes a report is laid out on.
 */
typedef enum
{
  TRELLIS_PAPER_A4,
  TRELLIS_PAPER_LETTER,
  TRELLIS_N_PAPERS
} TrellisPaper;

/**
 * TrellisReportOptions:
 * @sections: #TrellisReportSection flags
 * @person: (nullable): the id of the one person the report is for: only
 *   their sheet and card, and they are shown whatever they chose
 * @audience: who will read it; see #TrellisAudience
 * @paper: the paper size
 * @date: the date printed on the report; 0 for today
 * @matrix_name: (nullable): the matrix's name for the running header,
 *   usually its file's name
 * @font_family: (nullable): a Pango family list
 * @content_language: (nullable): the language to show the matrix's own
 *   texts in, where they are translated; %NULL for the original
 * @bilingual: with @content_language, the original under each text
 *   shown translated, in a quieter style (the maps show the translation)
 *
 * What a report holds and how it is printed.
 */
typedef struct
{
  guint            sections;
  char            *person;
  TrellisAudience  audience;
  TrellisPaper     paper;
  TrellisDate      date;
  char            *matrix_name;
  char            *font_family;
  char            *content_language;
  gboolean         bilingual;
} TrellisReportOptions;

#define TRELLIS_TYPE_REPORT_OPTIONS (trellis_report_options_get_type ())

GType                 trellis_report_options_get_type  (void);
TrellisReportOptions *trellis_report_options_new       (void);
TrellisReportOptions *trellis_report_options_copy      (const TrellisReportOptions *self);
void                  trellis_report_options_free      (TrellisReportOptions       *self);
void                  trellis_report_options_set_person (TrellisReportOptions      *self,
                                                        const char                 *person);
void                  trellis_report_options_set_matrix_name (TrellisReportOptions *self,
                                                        const char                 *name);
void                  trellis_report_options_set_content_language (TrellisReportOptions *self,
                                                        const char                 *language);

const char           *trellis_report_section_to_string (TrellisReportSection        section);
gboolean              trellis_report_sections_parse    (const char                 *list,
                                                        guint                      *sections,
                                                        GError                    **error);
const char           *trellis_report_section_get_title (TrellisReportSection        section);
char                 *trellis_report_dup_section_choices (void);

const char           *trellis_paper_to_string          (TrellisPaper                paper);
gboolean              trellis_paper_from_string        (const char                 *str,
                                                        TrellisPaper               *out);
TrellisPaper          trellis_paper_from_locale        (void);
void                  trellis_paper_get_size           (TrellisPaper                paper,
                                                        double                     *width,
                                                        double                     *height);

char                 *trellis_date_dup_long            (TrellisDate                 date);

/**
 * TrellisTile:
 * @first_row: the first row of the map on the tile
 * @n_rows: how many rows
 * @first_column: the first column on the tile
 * @n_columns: how many columns
 * @cells: the part of the cell area the tile shows
 *
 * One page's part of a map too large for a page.
 */
typedef struct
{
  guint        first_row;
  guint        n_rows;
  guint        first_column;
  guint        n_columns;
  TrellisRect  cells;
} TrellisTile;

typedef struct _TrellisTiling TrellisTiling;

TrellisTiling        *trellis_tiling_new               (TrellisLayout              *layout,
                                                        double                      width,
                                                        double                      height);
void                  trellis_tiling_free              (TrellisTiling              *self);
guint                 trellis_tiling_get_n_tiles       (TrellisTiling              *self);
guint                 trellis_tiling_get_n_across      (TrellisTiling              *self);
guint                 trellis_tiling_get_n_down        (TrellisTiling              *self);
const TrellisTile    *trellis_tiling_get_tile          (TrellisTiling              *self,
                                                        guint                       index);
void                  trellis_tiling_paint_tile        (TrellisTiling              *self,
                                                        guint                       index,
                                                        cairo_t                    *cr);

#define TRELLIS_TYPE_REPORT (trellis_report_get_type ())
G_DECLARE_FINAL_TYPE (TrellisReport, trellis_report, TRELLIS, REPORT, GObject)

TrellisReport        *trellis_report_new               (TrellisAnalysis            *analysis,
                                                        const TrellisReportOptions *options,
                                                        GError                    **error);
TrellisReport        *trellis_report_new_for_map       (TrellisLayout              *layout,
                                                        const TrellisReportOptions *options);
const TrellisReportOptions *
                      trellis_report_get_options       (TrellisReport              *self);
gboolean              trellis_report_compose_step      (TrellisReport              *self);
void                  trellis_report_compose           (TrellisReport              *self);
double                trellis_report_get_progress      (TrellisReport              *self);
guint                 trellis_report_get_n_pages       (TrellisReport              *self);
void                  trellis_report_get_page_size     (TrellisReport              *self,
                                                        guint                       page,
                                                        double                     *width,
                                                        double                     *height);
gboolean              trellis_report_page_is_landscape (TrellisReport              *self,
                                                        guint                       page);
const char           *trellis_report_get_page_section  (TrellisReport              *self,
                                                        guint                       page);
void                  trellis_report_paint_page        (TrellisReport              *self,
                                                        guint                       page,
                                                        cairo_t                    *cr);
const char           *trellis_report_get_title         (TrellisReport              *self);
gboolean              trellis_report_write_pdf         (TrellisReport              *self,
                                                        const char                 *path,
                                                        GCancellable               *cancellable,
                                                        GError                    **error);

gboolean              trellis_render_to_pdf_pages      (TrellisLayout              *layout,
                                                        TrellisPaper                paper,
                                                        const char                 *path,
                                                        GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisReportOptions, trellis_report_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisTiling, trellis_tiling_free)

G_END_DECLS
