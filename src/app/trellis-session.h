/* trellis-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-application.h"
#include "trellis-document.h"
#include "trellis-draft.h"
#include "trellis-pending-edits.h"

G_BEGIN_DECLS

/**
 * TrellisSessionNotice:
 * @TRELLIS_SESSION_NOTICE_NONE: nothing to tell
 * @TRELLIS_SESSION_NOTICE_DRAFT_FOUND: an earlier session left unsaved
 *   changes of this file, offered by trellis_session_get_offered_draft()
 * @TRELLIS_SESSION_NOTICE_RECOVERED: the document holds changes
 *   recovered from a draft and not saved yet
 * @TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK: someone else changed the
 *   file since it was read; it is not overwritten
 *
 * What a window tells about its file, in its banner. A change by someone
 * else outranks the others.
 */
typedef enum
{
  TRELLIS_SESSION_NOTICE_NONE,
  TRELLIS_SESSION_NOTICE_DRAFT_FOUND,
  TRELLIS_SESSION_NOTICE_RECOVERED,
  TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK,
} TrellisSessionNotice;

/**
 * TrellisSessionClose:
 * @TRELLIS_SESSION_CLOSE_NOW: nothing is unsaved: close
 * @TRELLIS_SESSION_CLOSE_ASK: there are unsaved changes: ask whether to
 *   save them
 * @TRELLIS_SESSION_CLOSE_LATER: a save is being written;
 *   #TrellisSession::ready-to-close follows when it leaves nothing unsaved
 *
 * The answer of trellis_session_request_close().
 */
typedef enum
{
  TRELLIS_SESSION_CLOSE_NOW,
  TRELLIS_SESSION_CLOSE_ASK,
  TRELLIS_SESSION_CLOSE_LATER,
} TrellisSessionClose;

#define TRELLIS_TYPE_SESSION (trellis_session_get_type ())
G_DECLARE_FINAL_TYPE (TrellisSession, trellis_session, TRELLIS, SESSION, GObject)

TrellisSession      *trellis_session_new                  (void);
TrellisApplication  *trellis_session_get_application      (TrellisSession      *self);
void                 trellis_session_set_application      (TrellisSession      *self,
                                                           TrellisApplication  *application);
TrellisPendingEdits *trellis_session_get_pending_edits    (TrellisSession      *self);

TrellisDocument     *trellis_session_get_document         (TrellisSession      *self);
void                 trellis_session_set_document         (TrellisSession      *self,
                                                           TrellisDocument     *document);
GFile               *trellis_session_get_file             (TrellisSession      *self);
char                *trellis_session_dup_display_name     (TrellisSession      *self);
gboolean             trellis_session_get_loading          (TrellisSession      *self);
gboolean             trellis_session_get_saving           (TrellisSession      *self);
gboolean             trellis_session_get_unsaved          (TrellisSession      *self);
gboolean             trellis_session_get_recovered        (TrellisSession      *self);
gboolean             trellis_session_get_changed_on_disk  (TrellisSession      *self);
TrellisSessionNotice trellis_session_get_notice           (TrellisSession      *self);
TrellisDraft        *trellis_session_get_offered_draft    (TrellisSession      *self);
const char          *trellis_session_get_draft_uuid       (TrellisSession      *self);

void                 trellis_session_open_async           (TrellisSession      *self,
                                                           GFile               *file,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             trellis_session_open_finish          (TrellisSession      *self,
                                                           GAsyncResult        *result,
                                                           TrellisLoadReport  **report,
                                                           GError             **error);
void                 trellis_session_restore_async        (TrellisSession      *self,
                                                           TrellisDraft        *draft,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             trellis_session_restore_finish       (TrellisSession      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                 trellis_session_discard_draft        (TrellisSession      *self,
                                                           const char          *uuid);
void                 trellis_session_discard_recovered    (TrellisSession      *self);

void                 trellis_session_check_file           (TrellisSession      *self);
void                 trellis_session_queue_check          (TrellisSession      *self);

void                 trellis_session_save_async           (TrellisSession      *self,
                                                           GFile               *file,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             trellis_session_save_finish          (TrellisSession      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

TrellisSessionClose  trellis_session_request_close        (TrellisSession      *self);
void                 trellis_session_set_close_after_save (TrellisSession      *self,
                                                           gboolean             close_after_save);
void                 trellis_session_discard_changes      (TrellisSession      *self);

G_END_DECLS
