/* trellis-history-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-entity-private.h"

G_BEGIN_DECLS

/* The undo history. Every change is made of primitive edits, each of
 * which knows how to apply itself both ways; a group of edits is one step
 * for the person (Ctrl+Z undoes the group). */

typedef enum
{
  TRELLIS_EDIT_INSERT,
  TRELLIS_EDIT_REMOVE,
  TRELLIS_EDIT_MOVE,
  TRELLIS_EDIT_FIELD,
  TRELLIS_EDIT_RECORD_INSERT,
  TRELLIS_EDIT_RECORD_REMOVE,
  TRELLIS_EDIT_RECORD_REPLACE,
  TRELLIS_EDIT_RECORDS,         /* every record of a person: GArrays in the values */
} TrellisEditKind;

typedef struct
{
  TrellisEditKind kind;
  TrellisEntity  *entity;
  guint           position;
  guint           to_position;
  TrellisField    field;
  GValue          old_value;
  GValue          new_value;
  TrellisRecord   old_record;
  TrellisRecord   new_record;
} TrellisEdit;

typedef struct _TrellisEditGroup TrellisEditGroup;

/* The state of a document's history, kept inside the document. */
typedef struct
{
  GPtrArray        *undo_stack;   /* TrellisEditGroup */
  GPtrArray        *redo_stack;
  TrellisEditGroup *open_group;
  guint             group_depth;
  guint             next_serial;
  guint             saved_serial;
} TrellisHistory;

void           trellis_history_init             (TrellisHistory  *self);
void           trellis_history_clear            (TrellisHistory  *self);

TrellisEdit   *trellis_edit_new                 (TrellisEditKind  kind,
                                                 TrellisEntity   *entity);
void           trellis_document_commit_edit     (TrellisDocument *self,
                                                 TrellisEdit     *edit,
                                                 const char      *label);

/* For saving, see trellis-file.c. */
guint          trellis_document_get_serial      (TrellisDocument *self);
void           trellis_document_mark_saved_at   (TrellisDocument *self,
                                                 guint            serial);

G_END_DECLS
