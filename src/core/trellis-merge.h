/* trellis-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisMergeMatch:
 * @TRELLIS_MERGE_REFUSED: the file is refused (see
 *   trellis_merge_item_get_refusal()); nothing of it is taken
 * @TRELLIS_MERGE_BY_ID: the person is the matrix's person of the same
 *   id, with the same name
 * @TRELLIS_MERGE_BY_NAME: the matrix has no person of the file's id, and
 *   exactly one of the same name
 * @TRELLIS_MERGE_NEW: the matrix has nobody of that id or name: the
 *   person is added
 * @TRELLIS_MERGE_UNSURE: who the person is needs an answer: several
 *   people share the name, or the person of the same id has another name
 *   that nobody else has (renamed?). See trellis_merge_item_choose().
 * @TRELLIS_MERGE_CHOSEN: the answer was given
 * @TRELLIS_MERGE_LEFT_OUT: the file was left out: an unsure match was
 *   never answered, or answered with "none of them"
 *
 * How the person of a personal file was matched with the matrix.
 */
typedef enum
{
  TRELLIS_MERGE_REFUSED,
  TRELLIS_MERGE_BY_ID,
  TRELLIS_MERGE_BY_NAME,
  TRELLIS_MERGE_NEW,
  TRELLIS_MERGE_UNSURE,
  TRELLIS_MERGE_CHOSEN,
  TRELLIS_MERGE_LEFT_OUT,
} TrellisMergeMatch;

/**
 * TrellisMergeConflict:
 * @competency: the competency id, in the matrix
 * @date: the date both assessments carry
 * @theirs: the level the file holds
 * @ours: the level the matrix holds
 *
 * An assessment of a file that differs from the matrix's assessment of
 * the same person, competency, date and source. The matrix's is kept;
 * nothing is resolved silently.
 */
typedef struct
{
  const char  *competency;
  TrellisDate  date;
  gint         theirs;
  gint         ours;
} TrellisMergeConflict;

typedef struct _TrellisMerge     TrellisMerge;
typedef struct _TrellisMergeItem TrellisMergeItem;

TrellisMerge      *trellis_merge_new                 (TrellisDocument  *team);
void               trellis_merge_free                (TrellisMerge     *self);
TrellisMergeItem  *trellis_merge_add                 (TrellisMerge     *self,
                                                      const char       *name,
                                                      TrellisDocument  *personal,
                                                      const GError     *load_error);
TrellisMergeItem  *trellis_merge_add_file            (TrellisMerge     *self,
                                                      GFile            *file,
                                                      GCancellable     *cancellable);
guint              trellis_merge_get_n_items         (TrellisMerge     *self);
TrellisMergeItem  *trellis_merge_get_item            (TrellisMerge     *self,
                                                      guint             index);
guint              trellis_merge_apply               (TrellisMerge     *self);

const char        *trellis_merge_item_get_name       (TrellisMergeItem *item);
TrellisMergeMatch  trellis_merge_item_get_match      (TrellisMergeItem *item);
const char        *trellis_merge_item_get_refusal    (TrellisMergeItem *item);
const char        *trellis_merge_item_get_person_name (TrellisMergeItem *item);
const char        *trellis_merge_item_get_person_id  (TrellisMergeItem *item);
TrellisPerson     *trellis_merge_item_get_person     (TrellisMergeItem *item);
GPtrArray         *trellis_merge_item_get_candidates (TrellisMergeItem *item);
void               trellis_merge_item_choose         (TrellisMergeItem *item,
                                                      TrellisPerson    *person);
gboolean           trellis_merge_item_is_taken       (TrellisMergeItem *item);
guint              trellis_merge_item_get_n_assessments (TrellisMergeItem *item);
guint              trellis_merge_item_get_n_added    (TrellisMergeItem *item);
guint              trellis_merge_item_get_n_present  (TrellisMergeItem *item);
guint              trellis_merge_item_get_n_conflicts (TrellisMergeItem *item);
const TrellisMergeConflict *
                   trellis_merge_item_get_conflict   (TrellisMergeItem *item,
                                                      guint             index);
gboolean           trellis_merge_item_get_share_changed (TrellisMergeItem *item,
                                                      TrellisShare     *share);
char              *trellis_merge_item_dup_summary    (TrellisMergeItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisMerge, trellis_merge_free)

G_END_DECLS
