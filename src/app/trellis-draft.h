/* trellis-draft.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DRAFT (trellis_draft_get_type ())
G_DECLARE_FINAL_TYPE (TrellisDraft, trellis_draft, TRELLIS, DRAFT, GObject)

TrellisDraft     *trellis_draft_new              (const char       *uuid);
TrellisDraft     *trellis_draft_load             (const char       *uuid,
                                                  GError          **error);
const char       *trellis_draft_get_uuid         (TrellisDraft     *self);
GFile            *trellis_draft_get_contents_file (TrellisDraft    *self);
GFile            *trellis_draft_get_document_file (TrellisDraft    *self);
const char       *trellis_draft_get_title        (TrellisDraft     *self);
char             *trellis_draft_dup_display_name (TrellisDraft     *self);
GDateTime        *trellis_draft_get_written      (TrellisDraft     *self);
const TrellisFileState *
                  trellis_draft_get_file_state   (TrellisDraft     *self);
TrellisDocument  *trellis_draft_get_document     (TrellisDraft     *self);
void              trellis_draft_set_document     (TrellisDraft     *self,
                                                  TrellisDocument  *document);
gboolean          trellis_draft_get_keep         (TrellisDraft     *self);
void              trellis_draft_set_keep         (TrellisDraft     *self,
                                                  gboolean          keep);
gboolean          trellis_draft_write_now        (TrellisDraft     *self,
                                                  GError          **error);
void              trellis_draft_discard          (TrellisDraft     *self);
gboolean          trellis_draft_get_pending      (TrellisDraft     *self);

char             *trellis_drafts_dup_dir         (void);
GPtrArray        *trellis_drafts_scan            (void);
void              trellis_drafts_clean_stray_files (GPtrArray      *folders);

G_END_DECLS
