/* trellis-entity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-types.h"

G_BEGIN_DECLS

/**
 * TrellisField:
 *
 * The fields an entity can carry. Each kind has a fixed subset of them,
 * listed in trellis-entity.c; each field is also a read-only GObject
 * property of the same name, so that views can bind to it. Fields are
 * changed only through trellis_document_set_field() and its typed
 * wrappers, which record the undo step and emit #TrellisDocument::changed.
 *
 * Arrays (GArray, GPtrArray) stored in a field are immutable once set:
 * an edit builds a new array. That keeps undo cheap (a reference to the
 * old array) and lets readers hold on to what they got.
 */
typedef enum
{
  TRELLIS_FIELD_NONE,
  TRELLIS_FIELD_NAME,          /* string */
  TRELLIS_FIELD_DESCRIPTION,   /* string */
  TRELLIS_FIELD_VISION,        /* string, organisation */
  TRELLIS_FIELD_MISSION,       /* string, organisation */
  TRELLIS_FIELD_SCALE,         /* GPtrArray of TrellisScaleLevel, organisation */
  TRELLIS_FIELD_BEHAVIOURS,    /* GStrv, value */
  TRELLIS_FIELD_VALUES,        /* GStrv of value ids: result, competency */
  TRELLIS_FIELD_LEVELS,        /* GPtrArray of TrellisLevelText, competency */
  TRELLIS_FIELD_RESULT,        /* string id: responsibility, indicator */
  TRELLIS_FIELD_NEEDS,         /* GArray of TrellisRequirement, responsibility */
  TRELLIS_FIELD_ASSIGNS,       /* GArray of TrellisAssignment, responsibility */
  TRELLIS_FIELD_REQUIRES,      /* GArray of TrellisRequirement, role */
  TRELLIS_FIELD_TARGETS,       /* GArray of TrellisTarget, role */
  TRELLIS_FIELD_ROLES,         /* GStrv of role ids, person */
  TRELLIS_FIELD_SHARE,         /* int TrellisShare, person */
  TRELLIS_FIELD_INDICATOR_KIND,/* int TrellisIndicatorKind */
  TRELLIS_FIELD_TARGET,        /* double (NAN: none), indicator */
  TRELLIS_FIELD_UNIT,          /* string, indicator */
  TRELLIS_FIELD_RHYTHM,        /* int TrellisRhythm, indicator */
  TRELLIS_FIELD_OWNER,         /* string role id, indicator */
  TRELLIS_FIELD_MEASUREMENTS,  /* GArray of TrellisMeasurement, indicator */
  TRELLIS_FIELD_REVIEWS,       /* GPtrArray of TrellisReview, indicator */
  TRELLIS_FIELD_PERSON,        /* string person id: action, feedback */
  TRELLIS_FIELD_COMPETENCY,    /* string competency id: action */
  TRELLIS_FIELD_ACTION_KIND,   /* int TrellisActionKind */
  TRELLIS_FIELD_DUE,           /* uint TrellisDate, action */
  TRELLIS_FIELD_STATUS,        /* int: TrellisActionStatus or TrellisFeedbackStatus */
  TRELLIS_FIELD_NOTE,          /* string: action */
  TRELLIS_FIELD_ABOUT,         /* string id of any entity, feedback */
  TRELLIS_FIELD_DATE,          /* uint TrellisDate, feedback */
  TRELLIS_FIELD_TEXT,          /* string, feedback */
  TRELLIS_FIELD_RESPONSE,      /* string, feedback */
  TRELLIS_FIELD_DECISIONS,     /* GPtrArray of TrellisDecision: role, responsibility */
  TRELLIS_FIELD_TRANSLATIONS,  /* GPtrArray of TrellisTranslation: every kind with texts of its own */
  TRELLIS_N_FIELDS
} TrellisField;

/* Elements of the array fields. Ids in them are interned strings. */
typedef struct
{
  gint  value;
  char *name;
  char *description;
} TrellisScaleLevel;

typedef struct
{
  gint  level;
  char *text;
} TrellisLevelText;

typedef struct
{
  const char *competency;
  gint        level;
} TrellisRequirement;

typedef struct
{
  const char       *role;
  TrellisRaci       raci;
  TrellisAuthority  authority;
} TrellisAssignment;

typedef struct
{
  const char *competency;
  gint        level;
  guint       people;
} TrellisTarget;

typedef struct
{
  TrellisDate date;
  double      value;
} TrellisMeasurement;

typedef struct
{
  TrellisDate date;
  char       *plan;
  char       *do_;
  char       *check;
  char       *act;
} TrellisReview;

/**
 * TRELLIS_DECISION_MAX_VOTES:
 *
 * The most votes a decision records.
 */
#define TRELLIS_DECISION_MAX_VOTES 1000

/**
 * TrellisDecision:
 * @about: the competency (of a role's decision) or the role (of a
 *   responsibility's), interned
 * @level: the level agreed, or the delegation level (1–7)
 * @date: when it was agreed
 * @votes: how many voted for each level, by level
 * @rationale: (nullable): why, in the team's words
 *
 * A value a workshop agreed on after a secret vote: a role's required
 * level of a competency, or how far a responsibility is delegated to a
 * role. Decisions are history, kept in the order they were made; the
 * value itself is the requirement or the assignment.
 */
typedef struct
{
  const char  *about;
  gint         level;
  TrellisDate  date;
  guint16      votes[TRELLIS_LEVEL_MAX + 1];
  char        *rationale;
} TrellisDecision;

#define TRELLIS_TYPE_ENTITY (trellis_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (TrellisEntity, trellis_entity, TRELLIS, ENTITY, GObject)

struct _TrellisEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  TrellisKind  kind;
  guint        n_fields;
  TrellisField fields[16];
  gint8        slot_of[TRELLIS_N_FIELDS];
};

#define TRELLIS_TYPE_ORGANISATION (trellis_organisation_get_type ())
G_DECLARE_FINAL_TYPE (TrellisOrganisation, trellis_organisation, TRELLIS, ORGANISATION, TrellisEntity)
#define TRELLIS_TYPE_VALUE (trellis_value_get_type ())
G_DECLARE_FINAL_TYPE (TrellisValue, trellis_value, TRELLIS, VALUE, TrellisEntity)
#define TRELLIS_TYPE_RESULT (trellis_result_get_type ())
G_DECLARE_FINAL_TYPE (TrellisResult, trellis_result, TRELLIS, RESULT, TrellisEntity)
#define TRELLIS_TYPE_COMPETENCY (trellis_competency_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCompetency, trellis_competency, TRELLIS, COMPETENCY, TrellisEntity)
#define TRELLIS_TYPE_RESPONSIBILITY (trellis_responsibility_get_type ())
G_DECLARE_FINAL_TYPE (TrellisResponsibility, trellis_responsibility, TRELLIS, RESPONSIBILITY, TrellisEntity)
#define TRELLIS_TYPE_ROLE (trellis_role_get_type ())
G_DECLARE_FINAL_TYPE (TrellisRole, trellis_role, TRELLIS, ROLE, TrellisEntity)
#define TRELLIS_TYPE_PERSON (trellis_person_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPerson, trellis_person, TRELLIS, PERSON, TrellisEntity)
#define TRELLIS_TYPE_INDICATOR (trellis_indicator_get_type ())
G_DECLARE_FINAL_TYPE (TrellisIndicator, trellis_indicator, TRELLIS, INDICATOR, TrellisEntity)
#define TRELLIS_TYPE_ACTION (trellis_action_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAction, trellis_action, TRELLIS, ACTION, TrellisEntity)
#define TRELLIS_TYPE_FEEDBACK (trellis_feedback_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFeedback, trellis_feedback, TRELLIS, FEEDBACK, TrellisEntity)

GType          trellis_kind_get_entity_type  (TrellisKind kind);

const char    *trellis_entity_get_id         (TrellisEntity *self);
gboolean       trellis_entity_same           (TrellisEntity *a,
                                              TrellisEntity *b);
TrellisKind    trellis_entity_get_kind       (TrellisEntity *self);
gboolean       trellis_entity_has_field      (TrellisEntity *self,
                                              TrellisField   field);
const GValue  *trellis_entity_get_field      (TrellisEntity *self,
                                              TrellisField   field);
const char    *trellis_entity_get_string     (TrellisEntity *self,
                                              TrellisField   field);
const char   **trellis_entity_get_strv       (TrellisEntity *self,
                                              TrellisField   field);
gint           trellis_entity_get_int        (TrellisEntity *self,
                                              TrellisField   field);
guint          trellis_entity_get_uint       (TrellisEntity *self,
                                              TrellisField   field);
double         trellis_entity_get_double     (TrellisEntity *self,
                                              TrellisField   field);
GArray        *trellis_entity_get_array      (TrellisEntity *self,
                                              TrellisField   field);
GPtrArray     *trellis_entity_get_ptr_array  (TrellisEntity *self,
                                              TrellisField   field);
const char    *trellis_entity_get_name       (TrellisEntity *self);
char          *trellis_entity_dup_label      (TrellisEntity *self);
const char    *trellis_field_get_name        (TrellisField   field);
TrellisField   trellis_field_from_name       (const char    *name);
GType          trellis_field_get_value_type  (TrellisField   field);

/* Helpers over the immutable array fields. Each returns a new array. */
GArray        *trellis_requirements_new      (void);
GArray        *trellis_requirements_copy_set (GArray        *requirements,
                                              const char    *competency,
                                              gint           level);
gint           trellis_requirements_lookup   (GArray        *requirements,
                                              const char    *competency);
GArray        *trellis_assignments_new       (void);
GArray        *trellis_assignments_copy_set  (GArray        *assignments,
                                              const char    *role,
                                              TrellisRaci    raci,
                                              TrellisAuthority authority);
const TrellisAssignment *
               trellis_assignments_lookup    (GArray        *assignments,
                                              const char    *role);
GArray        *trellis_targets_new           (void);
GArray        *trellis_targets_copy_set      (GArray        *targets,
                                              const char    *competency,
                                              gint           level,
                                              guint          people);
GArray        *trellis_measurements_new      (void);
GArray        *trellis_measurements_copy_set (GArray        *measurements,
                                              TrellisDate    date,
                                              double         value);
GArray        *trellis_measurements_copy_remove (GArray     *measurements,
                                              TrellisDate    date);
GPtrArray     *trellis_scale_new_default     (void);
GPtrArray     *trellis_scale_levels_new      (void);
TrellisScaleLevel *trellis_scale_level_new   (gint           value,
                                              const char    *name,
                                              const char    *description);
GPtrArray     *trellis_level_texts_new       (void);
GPtrArray     *trellis_level_texts_copy_set  (GPtrArray     *texts,
                                              gint           level,
                                              const char    *text);
const char    *trellis_level_texts_lookup    (GPtrArray     *texts,
                                              gint           level);
GPtrArray     *trellis_reviews_new           (void);
TrellisReview *trellis_review_new            (TrellisDate    date,
                                              const char    *plan,
                                              const char    *do_,
                                              const char    *check,
                                              const char    *act);
GPtrArray     *trellis_reviews_copy_set      (GPtrArray     *reviews,
                                              const TrellisReview *review);
GPtrArray     *trellis_reviews_copy_remove   (GPtrArray     *reviews,
                                              TrellisDate    date);
GPtrArray     *trellis_scale_copy            (GPtrArray     *scale);
char         **trellis_strv_copy_toggle      (const char   **strv,
                                              const char    *item,
                                              gboolean       present);
/* Decisions (trellis-decisions.c). */
GPtrArray     *trellis_decisions_new         (void);
TrellisDecision *trellis_decision_new        (const char    *about,
                                              gint           level,
                                              TrellisDate    date,
                                              const guint16 *votes,
                                              const char    *rationale);
void           trellis_decision_free         (TrellisDecision *decision);
GPtrArray     *trellis_decisions_copy_add    (GPtrArray     *decisions,
                                              const TrellisDecision *decision);
GPtrArray     *trellis_decisions_copy_drop   (GPtrArray     *decisions,
                                              const char    *about);
gboolean       trellis_decisions_mention     (GPtrArray     *decisions,
                                              const char    *about);
const TrellisDecision *
               trellis_decisions_get_last    (GPtrArray     *decisions,
                                              const char    *about);
char          *trellis_votes_to_string       (const guint16 *votes);
gboolean       trellis_votes_from_string     (const char    *str,
                                              gsize          len,
                                              gint           min,
                                              gint           max,
                                              guint16       *votes);
gboolean       trellis_strv_contains_id      (const char   **strv,
                                              const char    *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisDecision, trellis_decision_free)

G_END_DECLS
