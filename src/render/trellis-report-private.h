/* trellis-report-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-page-flow-private.h"
#include "trellis-render-options.h"
#include "trellis-report.h"
#include "trellis-roster-private.h"
#include "trellis-translations.h"

G_BEGIN_DECLS

/* The band above a map's part: which part it is, and the overview. */
#define TRELLIS_TILE_BAND 44.0

/**
 * TrellisReport:
 *
 * A report being composed: its options, the flow of its pages, who may be
 * named in it (the roster of the audience), and the steps still to do.
 * The sections (trellis-report-team.c, trellis-report-person.c) add
 * their pages to the flow.
 */
struct _TrellisReport
{
  GObject               parent_instance;

  TrellisAnalysis      *analysis;
  TrellisDocument      *document;
  TrellisReportOptions *options;
  TrellisRenderOptions *view_options;  /* audience and person, for the roster and maps */
  TrellisRoster         roster;
  gboolean              has_roster;
  TrellisReportStyle    style;
  TrellisFlow           flow;

  GPtrArray            *strings;       /* texts the pages point to */
  GArray               *steps;         /* Step */
  guint                 next_step;
  TrellisLayout        *map;           /* the one map of trellis_report_new_for_map() */
  GPtrArray            *tilings;       /* the maps' tilings, which their pages share */

  char                 *title;
  char                 *date_text;
  char                 *organisation;
};

/* The sections' titles and texts, kept as long as the report. */
const char *trellis_report_keep               (TrellisReport      *self,
                                               char               *text);
gboolean    trellis_report_person_shown       (TrellisReport      *self,
                                               TrellisEntity      *person);
const char *trellis_report_name_of            (TrellisReport      *self,
                                               TrellisEntity      *entity);
const char *trellis_report_text_of            (TrellisReport      *self,
                                               TrellisEntity      *entity,
                                               TrellisTextPart     part,
                                               gint                index);
void        trellis_report_text               (TrellisReport      *self,
                                               TrellisFont         font,
                                               const TrellisRgba  *color,
                                               double              indent,
                                               TrellisEntity      *entity,
                                               TrellisTextPart     part,
                                               gint                index);
void        trellis_report_bullet             (TrellisReport      *self,
                                               TrellisEntity      *value,
                                               guint               index);
void        trellis_report_name_heading       (TrellisReport      *self,
                                               TrellisFont         font,
                                               TrellisEntity      *entity);
char       *trellis_report_dup_name_markup    (TrellisReport      *self,
                                               TrellisEntity      *entity);
void        trellis_report_heading            (TrellisReport      *self,
                                               TrellisFont         font,
                                               const char         *text);
void        trellis_report_paragraph          (TrellisReport      *self,
                                               TrellisFont         font,
                                               double              indent,
                                               const char         *text);
void        trellis_report_muted              (TrellisReport      *self,
                                               const char         *text);
void        trellis_report_begin_section      (TrellisReport      *self,
                                               const char         *title,
                                               const char         *intro);
char       *trellis_report_dup_level_text     (TrellisReport      *self,
                                               gint                level);

/* trellis-report-team.c */
void        trellis_report_add_cover          (TrellisReport      *self);
void        trellis_report_add_sight          (TrellisReport      *self);
void        trellis_report_add_roles          (TrellisReport      *self);
void        trellis_report_add_map            (TrellisReport      *self,
                                               TrellisReportSection section,
                                               TrellisLayout      *layout);
void        trellis_report_add_coverage       (TrellisReport      *self);
void        trellis_report_add_monitoring     (TrellisReport      *self);

/* trellis-report-person.c */
void        trellis_report_add_sheet          (TrellisReport      *self,
                                               TrellisEntity      *person);
void        trellis_report_add_mandate        (TrellisReport      *self,
                                               TrellisEntity      *person);

G_END_DECLS
