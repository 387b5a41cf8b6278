/* trellis-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-entity.h"
#include "trellis-load-report.h"
#include "trellis-types.h"

G_BEGIN_DECLS

#define TRELLIS_DOCUMENT_ERROR (trellis_document_error_quark ())

/**
 * TRELLIS_DOCUMENT_MAX_SIZE:
 *
 * The most bytes a matrix file may hold: over three times the largest
 * tier Trellis is built for (5,000 people × 300 competencies with their
 * history, about 150 MiB). Larger input is refused rather than read
 * forever.
 */
#define TRELLIS_DOCUMENT_MAX_SIZE (G_GUINT64_CONSTANT (512) * 1024 * 1024)

/**
 * TrellisDocumentError:
 *
 * Why a document could not be read or written, or an edit was refused.
 * Every error carries a translated sentence saying what is wrong, where
 * and what to do; errors found while reading start with "FILE:LINE: ".
 */
typedef enum
{
  TRELLIS_DOCUMENT_ERROR_NOT_XML,
  TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS,
  TRELLIS_DOCUMENT_ERROR_UNSUPPORTED_VERSION,
  TRELLIS_DOCUMENT_ERROR_FORBIDDEN,
  TRELLIS_DOCUMENT_ERROR_TOO_LARGE,
  TRELLIS_DOCUMENT_ERROR_INVALID,
  TRELLIS_DOCUMENT_ERROR_DUPLICATE_ID,
  TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE,
  TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE,
  TRELLIS_DOCUMENT_ERROR_BAD_DATE,
  TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK,
  TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
  TRELLIS_DOCUMENT_ERROR_IN_USE,
} TrellisDocumentError;

typedef enum
{
  TRELLIS_CHANGE_INSERTED,
  TRELLIS_CHANGE_REMOVED,
  TRELLIS_CHANGE_MOVED,
  TRELLIS_CHANGE_FIELD,
  TRELLIS_CHANGE_ASSESSMENTS,
  TRELLIS_CHANGE_RELOADED,
} TrellisChangeKind;

/**
 * TrellisChange:
 * @kind: what happened
 * @entity: the entity inserted, removed, moved or changed; for
 *   %TRELLIS_CHANGE_ASSESSMENTS the person
 * @field: for %TRELLIS_CHANGE_FIELD, the field that changed
 * @position: the new position in its list (inserted, moved) or the old
 *   one (removed)
 * @old_position: for %TRELLIS_CHANGE_MOVED, where it was
 * @competency: for %TRELLIS_CHANGE_ASSESSMENTS, the competency id, or
 *   %NULL when several of the person's assessments changed at once (an
 *   import)
 *
 * The argument of #TrellisDocument::changed: one precise change.
 */
typedef struct
{
  TrellisChangeKind  kind;
  TrellisEntity     *entity;
  TrellisField       field;
  guint              position;
  guint              old_position;
  const char        *competency;
} TrellisChange;

/**
 * TrellisAssessment:
 *
 * One dated assessment of a person on a competency from one perspective.
 * Several are kept per person and competency (history), and the
 * perspectives are never averaged.
 */
typedef struct
{
  const char    *competency;
  gint           level;
  gboolean       want;
  TrellisSource  source;
  TrellisDate    date;
  const char    *note;
  const char    *evidence;
} TrellisAssessment;

/**
 * TrellisFileState:
 *
 * What a file looked like when it was read or written, to notice that
 * somebody else changed it since.
 */
typedef struct
{
  gboolean exists;
  guint64  size;
  gint64   mtime_usec;
  guint64  hash;
} TrellisFileState;

typedef enum
{
  TRELLIS_SAVE_FLAGS_NONE      = 0,
  /* Overwrite even if the file changed on disk since it was loaded. */
  TRELLIS_SAVE_FLAGS_FORCE     = 1 << 0,
  /* Keep no backup copy of the previous version. */
  TRELLIS_SAVE_FLAGS_NO_BACKUP = 1 << 1,
  /* Create the file readable by its owner only, whatever it holds. */
  TRELLIS_SAVE_FLAGS_PRIVATE   = 1 << 2,
} TrellisSaveFlags;

#define TRELLIS_TYPE_DOCUMENT (trellis_document_get_type ())
G_DECLARE_FINAL_TYPE (TrellisDocument, trellis_document, TRELLIS, DOCUMENT, GObject)

GQuark             trellis_document_error_quark      (void);

TrellisDocument   *trellis_document_new              (void);
TrellisDocument   *trellis_document_snapshot         (TrellisDocument   *self);
TrellisDocument   *trellis_document_new_from_bytes   (GBytes            *bytes,
                                                      const char        *display_name,
                                                      TrellisLoadReport *report,
                                                      GError           **error);
TrellisDocument   *trellis_document_new_from_file    (GFile             *file,
                                                      TrellisLoadReport *report,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
TrellisDocument   *trellis_document_new_from_stream (GInputStream     *stream,
                                                      const char        *display_name,
                                                      TrellisLoadReport *report,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
void               trellis_document_load_async       (GFile             *file,
                                                      GCancellable      *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer           user_data);
TrellisDocument   *trellis_document_load_finish      (GAsyncResult      *result,
                                                      TrellisLoadReport **report,
                                                      GError           **error);
GBytes            *trellis_document_serialize        (TrellisDocument   *self,
                                                      GError           **error);
gboolean           trellis_document_save             (TrellisDocument   *self,
                                                      GFile             *file,
                                                      TrellisSaveFlags   flags,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
void               trellis_document_save_async       (TrellisDocument   *self,
                                                      GFile             *file,
                                                      TrellisSaveFlags   flags,
                                                      GCancellable      *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer           user_data);
gboolean           trellis_document_save_finish      (TrellisDocument   *self,
                                                      GAsyncResult      *result,
                                                      GError           **error);

GFile             *trellis_document_get_file         (TrellisDocument   *self);
void               trellis_document_set_file         (TrellisDocument   *self,
                                                      GFile             *file);
const TrellisFileState *
                   trellis_document_get_file_state   (TrellisDocument   *self);
void               trellis_document_set_file_state   (TrellisDocument   *self,
                                                      const TrellisFileState *state);
gboolean           trellis_document_check_file       (TrellisDocument   *self,
                                                      gboolean          *changed,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
gboolean           trellis_document_get_modified     (TrellisDocument   *self);
void               trellis_document_set_unmodified   (TrellisDocument   *self);
gboolean           trellis_document_is_self_assessment (TrellisDocument *self);
guint              trellis_document_get_format_minor (TrellisDocument   *self);

/* Reading. */
TrellisOrganisation *trellis_document_get_organisation (TrellisDocument *self);
GListModel        *trellis_document_get_list         (TrellisDocument   *self,
                                                      TrellisKind        kind);
guint              trellis_document_get_n_items      (TrellisDocument   *self,
                                                      TrellisKind        kind);
TrellisEntity     *trellis_document_get_item         (TrellisDocument   *self,
                                                      TrellisKind        kind,
                                                      guint              position);
TrellisEntity     *trellis_document_lookup           (TrellisDocument   *self,
                                                      const char        *id);
gboolean           trellis_document_find_position    (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      guint             *position);
GPtrArray         *trellis_document_get_scale        (TrellisDocument   *self);
gboolean           trellis_document_level_in_scale   (TrellisDocument   *self,
                                                      gint               level);
gint               trellis_document_get_scale_min    (TrellisDocument   *self);
gint               trellis_document_get_scale_max    (TrellisDocument   *self);
const char        *trellis_document_get_level_name   (TrellisDocument   *self,
                                                      gint               level);
char              *trellis_document_make_id          (TrellisDocument   *self,
                                                      TrellisKind        kind,
                                                      const char        *name);

guint              trellis_document_get_n_assessments (TrellisDocument  *self);
TrellisDate        trellis_document_get_first_assessment_date (TrellisDocument *self);
GArray            *trellis_document_get_assessments  (TrellisDocument   *self,
                                                      TrellisPerson     *person,
                                                      const char        *competency);
gboolean           trellis_document_get_effective    (TrellisDocument   *self,
                                                      TrellisPerson     *person,
                                                      const char        *competency,
                                                      TrellisAssessment *out);

/* Editing: every change goes through these, is recorded for undo and
 * emits #TrellisDocument::changed. */
void               trellis_document_begin_group      (TrellisDocument   *self,
                                                      const char        *label);
void               trellis_document_end_group        (TrellisDocument   *self);
TrellisEntity     *trellis_document_create           (TrellisDocument   *self,
                                                      TrellisKind        kind,
                                                      const char        *name,
                                                      gint               position);
void               trellis_document_insert           (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      gint               position);
void               trellis_document_remove           (TrellisDocument   *self,
                                                      TrellisEntity     *entity);
void               trellis_document_move             (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      guint              position);
void               trellis_document_set_field        (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      const GValue      *value);
void               trellis_document_set_string       (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      const char        *value);
void               trellis_document_set_strv         (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      const char *const *value);
void               trellis_document_set_int          (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      gint               value);
void               trellis_document_set_uint         (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      guint              value);
void               trellis_document_set_double       (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      double             value);
void               trellis_document_take_array       (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      GArray            *value);
void               trellis_document_take_ptr_array   (TrellisDocument   *self,
                                                      TrellisEntity     *entity,
                                                      TrellisField       field,
                                                      GPtrArray         *value);
void               trellis_document_set_requirement  (TrellisDocument   *self,
                                                      TrellisEntity     *role_or_responsibility,
                                                      const char        *competency,
                                                      gint               level);
void               trellis_document_set_assignment   (TrellisDocument   *self,
                                                      TrellisResponsibility *responsibility,
                                                      const char        *role,
                                                      TrellisRaci        raci,
                                                      TrellisAuthority   authority);
void               trellis_document_record_decision  (TrellisDocument   *self,
                                                      TrellisEntity     *role_or_responsibility,
                                                      const TrellisDecision *decision);
void               trellis_document_set_target       (TrellisDocument   *self,
                                                      TrellisRole       *role,
                                                      const char        *competency,
                                                      gint               level,
                                                      guint              people);
void               trellis_document_set_level_text   (TrellisDocument   *self,
                                                      TrellisCompetency *competency,
                                                      gint               level,
                                                      const char        *text);
gboolean           trellis_document_set_scale        (TrellisDocument   *self,
                                                      GPtrArray         *levels,
                                                      GError           **error);
void               trellis_document_set_assessment   (TrellisDocument   *self,
                                                      TrellisPerson     *person,
                                                      const TrellisAssessment *assessment);
gboolean           trellis_document_set_assessed_level (TrellisDocument *self,
                                                      TrellisPerson     *person,
                                                      const char        *competency,
                                                      TrellisSource      source,
                                                      TrellisDate        date,
                                                      gint               level);
gboolean           trellis_document_set_assessed_want (TrellisDocument  *self,
                                                      TrellisPerson     *person,
                                                      const char        *competency,
                                                      TrellisSource      source,
                                                      TrellisDate        date,
                                                      gboolean           want);
gboolean           trellis_document_remove_assessment (TrellisDocument  *self,
                                                      TrellisPerson     *person,
                                                      const char        *competency,
                                                      TrellisSource      source,
                                                      TrellisDate        date);

gboolean           trellis_document_can_undo         (TrellisDocument   *self);
gboolean           trellis_document_can_redo         (TrellisDocument   *self);
const char        *trellis_document_get_undo_label   (TrellisDocument   *self);
const char        *trellis_document_get_redo_label   (TrellisDocument   *self);
gboolean           trellis_document_undo             (TrellisDocument   *self);
gboolean           trellis_document_redo             (TrellisDocument   *self);
void               trellis_document_clear_history    (TrellisDocument   *self);

G_END_DECLS
