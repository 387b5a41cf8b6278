/* trellis-analysis.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisAnalysis:
 *
 * An immutable picture of what a document means, computed in one pass:
 * the required and assessed level of every person on every competency
 * (a dense, compact grid indexed by list positions), gaps, aggregates,
 * coverage, capacity per responsibility and the rule findings. Views,
 * reports and the CLI read it; a new one is computed after changes.
 *
 * A level of %TRELLIS_LEVEL_NONE means "not required" or "not assessed",
 * which is never the same as any number.
 */

typedef enum
{
  TRELLIS_CELL_NOT_REQUIRED,   /* no role of the person requires it; may be assessed */
  TRELLIS_CELL_NOT_ASSESSED,   /* required, no assessment */
  TRELLIS_CELL_GAP,            /* required and assessed: gap = required - assessed */
} TrellisCellState;

typedef struct
{
  gint8          required;     /* TRELLIS_LEVEL_NONE when not required */
  gint8          assessed;     /* TRELLIS_LEVEL_NONE when not assessed */
  guint8         source;       /* TrellisSource of the level used, when assessed */
  guint8         want : 1;     /* the person wants to grow in it */
  guint8         history : 1;  /* more than one assessment exists */
  guint8         perspectives; /* bit per TrellisSource that has an assessment */
} TrellisCell;

typedef struct
{
  guint  n_people;             /* people the aggregate covers (required) */
  guint  n_assessed;           /* of those, assessed */
  guint  n_meeting;            /* of those, at or above the requirement */
  double mean_gap;             /* over the assessed; NAN when none */
} TrellisAggregate;

typedef enum
{
  TRELLIS_SEVERITY_INFO,
  TRELLIS_SEVERITY_WARNING,
  TRELLIS_SEVERITY_PROBLEM,
} TrellisSeverity;

typedef enum
{
  TRELLIS_FINDING_NO_ACCOUNTABLE,
  TRELLIS_FINDING_SEVERAL_ACCOUNTABLE,
  TRELLIS_FINDING_NO_RESPONSIBLE,
  TRELLIS_FINDING_NO_AUTHORITY,
  TRELLIS_FINDING_UNASSIGNED,
  TRELLIS_FINDING_ROLE_EMPTY,
  TRELLIS_FINDING_ROLE_OVERLOADED,
  TRELLIS_FINDING_MANDATE_ABOVE_ABILITY,
  TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE,
  TRELLIS_FINDING_NOBODY_CAPABLE,
  TRELLIS_FINDING_SINGLE_POINT,
  TRELLIS_FINDING_TARGET_MISSED,
  TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT,
  TRELLIS_FINDING_RESULT_WITHOUT_VALUE,
  TRELLIS_N_FINDING_CODES
} TrellisFindingCode;

/**
 * TrellisFinding:
 * @code: which rule found it; its stable name is trellis_finding_code_to_string()
 * @subject: the entity the finding is about (responsibility, role,
 *   competency, indicator, result)
 * @person: the person involved, or %NULL
 * @role: the role involved, or %NULL
 * @competency: the competency involved, or %NULL
 * @count: a number the message mentions (accountable roles, load, people)
 * @level: a level the message mentions, or %TRELLIS_LEVEL_NONE
 */
typedef struct
{
  TrellisFindingCode  code;
  TrellisEntity      *subject;
  TrellisEntity      *person;
  TrellisEntity      *role;
  TrellisEntity      *competency;
  guint               count;
  gint                level;
} TrellisFinding;

#define TRELLIS_TYPE_ANALYSIS (trellis_analysis_get_type ())

GType               trellis_analysis_get_type          (void);
TrellisAnalysis    *trellis_analysis_new               (TrellisDocument  *document);
TrellisAnalysis    *trellis_analysis_new_at            (TrellisDocument  *document,
                                                        TrellisDate       until);
TrellisAnalysis    *trellis_analysis_ref               (TrellisAnalysis  *self);
void                trellis_analysis_unref             (TrellisAnalysis  *self);
TrellisDocument    *trellis_analysis_get_document      (TrellisAnalysis  *self);
TrellisDate         trellis_analysis_get_latest_date   (TrellisAnalysis  *self);

guint               trellis_analysis_get_n_people      (TrellisAnalysis  *self);
guint               trellis_analysis_get_n_competencies (TrellisAnalysis *self);
guint               trellis_analysis_get_n_roles       (TrellisAnalysis  *self);
guint               trellis_analysis_get_n_responsibilities (TrellisAnalysis *self);
const TrellisCell  *trellis_analysis_get_cell          (TrellisAnalysis  *self,
                                                        guint             person,
                                                        guint             competency);
TrellisCellState    trellis_analysis_get_state         (TrellisAnalysis  *self,
                                                        guint             person,
                                                        guint             competency,
                                                        gint             *gap);
gint                trellis_analysis_get_role_required (TrellisAnalysis  *self,
                                                        guint             role,
                                                        guint             competency);
gboolean            trellis_analysis_person_has_role   (TrellisAnalysis  *self,
                                                        guint             person,
                                                        guint             role);
gint                trellis_analysis_get_index         (TrellisAnalysis  *self,
                                                        TrellisEntity    *entity);

void                trellis_analysis_aggregate_role    (TrellisAnalysis  *self,
                                                        guint             role,
                                                        guint             competency,
                                                        TrellisAggregate *out);
void                trellis_analysis_aggregate_team    (TrellisAnalysis  *self,
                                                        guint             competency,
                                                        TrellisAggregate *out);
void                trellis_analysis_aggregate_value   (TrellisAnalysis  *self,
                                                        TrellisValue     *value,
                                                        TrellisAggregate *out);
void                trellis_analysis_aggregate_person  (TrellisAnalysis  *self,
                                                        guint             person,
                                                        TrellisAggregate *out);

guint               trellis_analysis_get_meeting       (TrellisAnalysis  *self,
                                                        guint             role,
                                                        guint             competency,
                                                        gint              level);
guint               trellis_analysis_get_capable       (TrellisAnalysis  *self,
                                                        guint             responsibility);
guint               trellis_analysis_get_role_load     (TrellisAnalysis  *self,
                                                        guint             role);
gboolean            trellis_analysis_is_single_point   (TrellisAnalysis  *self,
                                                        guint             competency,
                                                        guint            *person);

guint               trellis_analysis_get_n_findings    (TrellisAnalysis  *self);
const TrellisFinding *trellis_analysis_get_finding     (TrellisAnalysis  *self,
                                                        guint             index);
guint               trellis_analysis_count_findings    (TrellisAnalysis  *self,
                                                        TrellisFindingCode code);

const char         *trellis_finding_code_to_string     (TrellisFindingCode code);
TrellisSeverity     trellis_finding_code_get_severity  (TrellisFindingCode code);
const char         *trellis_finding_code_get_title     (TrellisFindingCode code);
char               *trellis_finding_dup_message        (const TrellisFinding *finding);
char               *trellis_finding_dup_message_in     (const TrellisFinding *finding,
                                                        const char           *language);

typedef struct
{
  guint person;
  guint competency;
  gint  gap;
} TrellisGapEntry;

GArray             *trellis_analysis_largest_gaps      (TrellisAnalysis  *self,
                                                        guint             max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisAnalysis, trellis_analysis_unref)

G_END_DECLS
