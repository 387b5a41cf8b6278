/* trellis-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-assessments-private.h"
#include "trellis-document.h"
#include "trellis-entity-private.h"
#include "trellis-history-private.h"

G_BEGIN_DECLS

/* The current version of the file format. The namespace carries the
 * major version; the minor version grows when elements are added. A
 * file is written with the lowest minor version that holds all it
 * has (1.1: a matrix's identity, a personal file, the decisions of
 * workshop votes; 1.2: translations of the matrix's texts), or the
 * version it was read as if newer, so files without the parts of 1.1
 * stay 1.0. */
#define TRELLIS_FORMAT_NAMESPACE      "urn:trellis:matrix:1"
#define TRELLIS_FORMAT_NAMESPACE_BASE "urn:trellis:matrix:"
#define TRELLIS_FORMAT_MAJOR          1
#define TRELLIS_FORMAT_MINOR          2

/* What a document holds. trellis_document_snapshot() copies all of it
 * but the history and the file: a field added here is copied there too. */
struct _TrellisDocument
{
  GObject              parent_instance;

  TrellisOrganisation *organisation;
  GListStore          *lists[TRELLIS_N_KINDS];
  GHashTable          *ids;          /* interned id → entity, borrowed */
  GPtrArray           *slots;        /* competency slot → competency or NULL */
  GPtrArray           *texts;        /* TrellisText, index 0 unused */
  guint                n_records;

  TrellisHistory       history;
  guint                frozen;
  gboolean             loading;      /* see trellis_document_begin_loading() */

  GFile               *file;
  TrellisFileState     file_state;
  guint                format_minor;
  char                *lang;
  GString             *unknown_root;
  GString             *unknown_in_section[TRELLIS_N_KINDS];

  /* The matrix's identity and a personal file's progress: see
   * trellis-personal.c. */
  char                *matrix_id;
  gboolean             matrix_id_unsaved;
  struct _TrellisProgress *progress;
};

TrellisEntity *trellis_document_create_with_id  (TrellisDocument *self,
                                                 TrellisKind      kind,
                                                 const char      *id,
                                                 const char      *name,
                                                 gint             position);

/* Used by the reader, which builds a document without recording undo:
 * between begin_loading and finish_loading the typed setters
 * (trellis_document_set_string() and the others) store values straight
 * into the entities, recording and telling nothing. */
void           trellis_document_begin_loading   (TrellisDocument *self);
void           trellis_document_add_loaded      (TrellisDocument *self,
                                                 TrellisEntity   *entity);
void           trellis_document_finish_loading  (TrellisDocument *self);

/* The primitive changes the history records and replays: each has an
 * inverse among them, and each tells the document's followers. */
void           trellis_document_do_insert       (TrellisDocument     *self,
                                                 TrellisEntity       *entity,
                                                 guint                position);
void           trellis_document_do_remove       (TrellisDocument     *self,
                                                 TrellisEntity       *entity,
                                                 guint                position);
void           trellis_document_do_move         (TrellisDocument     *self,
                                                 TrellisEntity       *entity,
                                                 guint                from,
                                                 guint                to);
void           trellis_document_do_field        (TrellisDocument     *self,
                                                 TrellisEntity       *entity,
                                                 TrellisField         field,
                                                 const GValue        *value);
void           trellis_document_emit_change     (TrellisDocument     *self,
                                                 TrellisChangeKind    kind,
                                                 TrellisEntity       *entity,
                                                 TrellisField         field,
                                                 guint                position,
                                                 guint                old_position,
                                                 const char          *competency);
void           trellis_document_notify_history  (TrellisDocument     *self,
                                                 gboolean             was_modified,
                                                 gboolean             could_undo,
                                                 gboolean             could_redo);

/* A fast 64-bit hash of a file's bytes, fed chunk by chunk, to notice
 * changes that keep size and time. The same bytes give the same hash
 * however they are split into chunks. Not for security. */
typedef struct
{
  guint64 lanes[4];
  guint8  block[32];   /* bytes waiting for a whole block */
  guint   block_len;
  guint64 len;
} TrellisHasher;

void           trellis_hasher_init              (TrellisHasher    *hasher);
void           trellis_hasher_update            (TrellisHasher    *hasher,
                                                 const void       *data,
                                                 gsize             len);
guint64        trellis_hasher_finish            (TrellisHasher    *hasher);
gboolean       trellis_file_state_read          (GFile            *file,
                                                 TrellisFileState *state,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

/* The writer. */
typedef gboolean (*TrellisWriteFunc) (const char *data,
                                      gsize       len,
                                      gpointer    user_data,
                                      GError    **error);
gboolean       trellis_document_write           (TrellisDocument  *self,
                                                 TrellisWriteFunc  func,
                                                 gpointer          user_data,
                                                 GError          **error);

/* The reader. */
TrellisDocument *trellis_reader_load_stream     (GInputStream      *stream,
                                                 const char        *display_name,
                                                 TrellisLoadReport *report,
                                                 TrellisHasher     *hasher,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
TrellisDocument *trellis_reader_load_bytes      (const char        *data,
                                                 gsize              len,
                                                 const char        *display_name,
                                                 TrellisLoadReport *report,
                                                 GError           **error);

G_END_DECLS

G_BEGIN_DECLS

/* Fault injection for the tests of saving: make the n-th call of one
 * step fail with an errno value. */
typedef enum
{
  TRELLIS_FAULT_NONE,
  TRELLIS_FAULT_WRITE,
  TRELLIS_FAULT_FSYNC,
  TRELLIS_FAULT_CLOSE,
  TRELLIS_FAULT_BACKUP,
  TRELLIS_FAULT_RENAME,
  TRELLIS_FAULT_DIR_FSYNC,
} TrellisFault;

void           trellis_save_inject_fault        (TrellisFault     fault,
                                                 guint            nth_call,
                                                 int              errno_value);

/* For the tests of saving: called at each step, before it is taken. */
typedef void (*TrellisSaveObserver) (TrellisFault step,
                                     gpointer     user_data);
void           trellis_save_set_observer        (TrellisSaveObserver observer,
                                                 gpointer            user_data);

G_END_DECLS
