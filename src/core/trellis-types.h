/* trellis-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TrellisAnalysis       TrellisAnalysis;
typedef struct _TrellisDocument       TrellisDocument;
typedef struct _TrellisEntity         TrellisEntity;
typedef struct _TrellisLoadReport     TrellisLoadReport;

/**
 * TrellisKind:
 *
 * The kinds of entity a matrix holds. The order is the order of the
 * sections in a file and in the application.
 */
typedef enum
{
  TRELLIS_KIND_ORGANISATION,
  TRELLIS_KIND_VALUE,
  TRELLIS_KIND_RESULT,
  TRELLIS_KIND_COMPETENCY,
  TRELLIS_KIND_RESPONSIBILITY,
  TRELLIS_KIND_ROLE,
  TRELLIS_KIND_PERSON,
  TRELLIS_KIND_INDICATOR,
  TRELLIS_KIND_ACTION,
  TRELLIS_KIND_FEEDBACK,
  TRELLIS_N_KINDS
} TrellisKind;

/**
 * TrellisRaci:
 *
 * The RACI letters a role carries for a responsibility. A role may carry
 * more than one (a small team's lead is often both A and R).
 */
typedef enum
{
  TRELLIS_RACI_NONE        = 0,
  TRELLIS_RACI_RESPONSIBLE = 1 << 0,
  TRELLIS_RACI_ACCOUNTABLE = 1 << 1,
  TRELLIS_RACI_CONSULTED   = 1 << 2,
  TRELLIS_RACI_INFORMED    = 1 << 3,
} TrellisRaci;

/**
 * TrellisAuthority:
 *
 * How far a decision is delegated to a role: the seven levels of a
 * delegation board. %TRELLIS_AUTHORITY_NONE means no level was given.
 */
typedef enum
{
  TRELLIS_AUTHORITY_NONE     = 0,
  TRELLIS_AUTHORITY_TELL     = 1,
  TRELLIS_AUTHORITY_SELL     = 2,
  TRELLIS_AUTHORITY_CONSULT  = 3,
  TRELLIS_AUTHORITY_AGREE    = 4,
  TRELLIS_AUTHORITY_ADVISE   = 5,
  TRELLIS_AUTHORITY_INQUIRE  = 6,
  TRELLIS_AUTHORITY_DELEGATE = 7,
} TrellisAuthority;

#define TRELLIS_N_AUTHORITIES 8

typedef enum
{
  TRELLIS_SOURCE_SELF,
  TRELLIS_SOURCE_PEER,
  TRELLIS_SOURCE_COACH,
  TRELLIS_SOURCE_AGREED,
  TRELLIS_N_SOURCES
} TrellisSource;

typedef enum
{
  TRELLIS_SHARE_PRIVATE,
  TRELLIS_SHARE_COACH,
  TRELLIS_SHARE_TEAM,
  TRELLIS_N_SHARES
} TrellisShare;

typedef enum
{
  TRELLIS_INDICATOR_OUTPUT,
  TRELLIS_INDICATOR_HUMAN,
  TRELLIS_N_INDICATOR_KINDS
} TrellisIndicatorKind;

typedef enum
{
  TRELLIS_RHYTHM_NONE,
  TRELLIS_RHYTHM_WEEKLY,
  TRELLIS_RHYTHM_FORTNIGHTLY,
  TRELLIS_RHYTHM_MONTHLY,
  TRELLIS_RHYTHM_QUARTERLY,
  TRELLIS_RHYTHM_YEARLY,
  TRELLIS_N_RHYTHMS
} TrellisRhythm;

typedef enum
{
  TRELLIS_ACTION_TRAINING,
  TRELLIS_ACTION_COACHING,
  TRELLIS_ACTION_PRACTICE,
  TRELLIS_ACTION_MENTORING,
  TRELLIS_N_ACTION_KINDS
} TrellisActionKind;

typedef enum
{
  TRELLIS_STATUS_PLANNED,
  TRELLIS_STATUS_IN_PROGRESS,
  TRELLIS_STATUS_DONE,
  TRELLIS_STATUS_CANCELLED,
  TRELLIS_N_ACTION_STATUSES
} TrellisActionStatus;

typedef enum
{
  TRELLIS_FEEDBACK_OPEN,
  TRELLIS_FEEDBACK_DISCUSSED,
  TRELLIS_FEEDBACK_RESOLVED,
  TRELLIS_FEEDBACK_DECLINED,
  TRELLIS_N_FEEDBACK_STATUSES
} TrellisFeedbackStatus;

/* A level on the document's scale; TRELLIS_LEVEL_NONE stands for "no level"
 * (not required, not assessed), which is never the same as any number. */
#define TRELLIS_LEVEL_NONE (-1)
#define TRELLIS_LEVEL_MIN  0
#define TRELLIS_LEVEL_MAX  10

/* A calendar date as a GDate Julian day number; 0 is "no date". */
typedef guint32 TrellisDate;

/* Names written to files: never translated. */
const char *trellis_kind_to_element     (TrellisKind kind);
const char *trellis_source_to_string    (TrellisSource source);
gboolean    trellis_source_from_string  (const char *str, gsize len, TrellisSource *out);
const char *trellis_share_to_string     (TrellisShare share);
gboolean    trellis_share_from_string   (const char *str, gsize len, TrellisShare *out);
const char *trellis_authority_to_string (TrellisAuthority authority);
gboolean    trellis_authority_from_string (const char *str, gsize len, TrellisAuthority *out);
const char *trellis_indicator_kind_to_string (TrellisIndicatorKind kind);
gboolean    trellis_indicator_kind_from_string (const char *str, gsize len, TrellisIndicatorKind *out);
const char *trellis_rhythm_to_string    (TrellisRhythm rhythm);
gboolean    trellis_rhythm_from_string  (const char *str, gsize len, TrellisRhythm *out);
const char *trellis_action_kind_to_string (TrellisActionKind kind);
gboolean    trellis_action_kind_from_string (const char *str, gsize len, TrellisActionKind *out);
const char *trellis_action_status_to_string (TrellisActionStatus status);
gboolean    trellis_action_status_from_string (const char *str, gsize len, TrellisActionStatus *out);
const char *trellis_feedback_status_to_string (TrellisFeedbackStatus status);
gboolean    trellis_feedback_status_from_string (const char *str, gsize len, TrellisFeedbackStatus *out);
/* Writes the canonical letters ("RA", "C", …) into buf, which holds 5 bytes. */
const char *trellis_raci_to_string      (TrellisRaci raci, char buf[5]);
gboolean    trellis_raci_from_string    (const char *str, gsize len, TrellisRaci *out);

/* Names shown to people: translated. */
const char *trellis_kind_get_label      (TrellisKind kind);
const char *trellis_kind_get_plural_label (TrellisKind kind);
const char *trellis_source_get_label    (TrellisSource source);
const char *trellis_share_get_label     (TrellisShare share);
const char *trellis_authority_get_label (TrellisAuthority authority);
const char *trellis_authority_get_description (TrellisAuthority authority);
/* The same, untranslated (the label's context is "delegation level"), to
 * translate into another language than the program's. */
const char *trellis_authority_get_label_msgid (TrellisAuthority authority);
const char *trellis_authority_get_description_msgid (TrellisAuthority authority);
const char *trellis_raci_get_label      (TrellisRaci single_letter);
const char *trellis_indicator_kind_get_label (TrellisIndicatorKind kind);
const char *trellis_rhythm_get_label    (TrellisRhythm rhythm);
const char *trellis_action_kind_get_label (TrellisActionKind kind);
const char *trellis_action_status_get_label (TrellisActionStatus status);
const char *trellis_feedback_status_get_label (TrellisFeedbackStatus status);

/* ISO 8601 calendar dates (YYYY-MM-DD). */
gboolean    trellis_date_parse          (const char *str, gsize len, TrellisDate *out);
/* Writes "YYYY-MM-DD" into buf, which holds 11 bytes. */
char       *trellis_date_format         (TrellisDate date, char buf[11]);
TrellisDate trellis_date_today          (void);
gboolean    trellis_date_is_valid       (TrellisDate date);

G_END_DECLS
