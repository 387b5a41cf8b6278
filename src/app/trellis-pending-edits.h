/* trellis-pending-edits.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * TrellisFlushFunc:
 * @owner: what holds an edit not yet in the document
 *
 * Commits the edit of @owner to the document.
 */
typedef void (*TrellisFlushFunc) (gpointer owner);

/* How long a widget with an edit of its own (a list of texts, the
 * levels of a competency) waits for more typing before committing. */
#define TRELLIS_PENDING_EDIT_PAUSE_MS 800

#define TRELLIS_TYPE_PENDING_EDITS (trellis_pending_edits_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPendingEdits, trellis_pending_edits, TRELLIS, PENDING_EDITS, GObject)

TrellisPendingEdits *trellis_pending_edits_new         (void);
void                 trellis_pending_edits_attach      (TrellisPendingEdits *self,
                                                        GtkWidget           *widget);
TrellisPendingEdits *trellis_pending_edits_find        (GtkWidget           *widget);
guint                trellis_pending_edits_get_n_edits (TrellisPendingEdits *self);
void                 trellis_pending_edits_commit      (TrellisPendingEdits *self);
void                 trellis_pending_edits_commit_for  (GtkWidget           *widget);

void                 trellis_pending_edit_add          (GtkWidget           *widget,
                                                        gpointer             owner,
                                                        TrellisFlushFunc     flush,
                                                        guint                pause_ms,
                                                        guint                max_ms);
void                 trellis_pending_edit_remove       (gpointer             owner);

G_END_DECLS
