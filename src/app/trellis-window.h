/* trellis-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-application.h"
#include "trellis-document.h"
#include "trellis-session.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_WINDOW (trellis_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisWindow, trellis_window, TRELLIS, WINDOW, AdwApplicationWindow)

TrellisWindow   *trellis_window_new               (TrellisApplication *application);
TrellisDocument *trellis_window_get_document      (TrellisWindow      *self);
void             trellis_window_set_document      (TrellisWindow      *self,
                                                   TrellisDocument    *document);
GFile           *trellis_window_get_file          (TrellisWindow      *self);
gboolean         trellis_window_is_empty          (TrellisWindow      *self);
gboolean         trellis_window_is_busy           (TrellisWindow      *self);
gboolean         trellis_window_get_unsaved       (TrellisWindow      *self);
void             trellis_window_load_file         (TrellisWindow      *self,
                                                   GFile              *file);
void             trellis_window_new_document      (TrellisWindow      *self);
void             trellis_window_save_to           (TrellisWindow      *self,
                                                   GFile              *file);
void             trellis_window_restore_draft     (TrellisWindow      *self,
                                                   const char         *uuid);
void             trellis_window_check_file        (TrellisWindow      *self);
void             trellis_window_show_section      (TrellisWindow      *self,
                                                   const char         *name);
const char      *trellis_window_get_section       (TrellisWindow      *self);
GtkWidget       *trellis_window_get_section_widget (TrellisWindow     *self,
                                                   const char         *name);
void             trellis_window_add_toast         (TrellisWindow      *self,
                                                   AdwToast           *toast);
gboolean         trellis_window_get_changed_on_disk (TrellisWindow    *self);
gboolean         trellis_window_get_presenting    (TrellisWindow      *self);
void             trellis_window_set_presenting    (TrellisWindow      *self,
                                                   gboolean            presenting);
gboolean         trellis_window_get_present_editing (TrellisWindow    *self);
void             trellis_window_set_present_editing (TrellisWindow    *self,
                                                     gboolean          editing);
const char      *trellis_window_get_draft_uuid    (TrellisWindow      *self);
TrellisSession  *trellis_window_get_session       (TrellisWindow      *self);
GtkWindow       *trellis_window_import_spreadsheet (TrellisWindow     *self,
                                                   GFile              *file);
GtkWindow       *trellis_window_export_spreadsheet (TrellisWindow     *self);
const char      *trellis_window_get_content_language (TrellisWindow   *self);
void             trellis_window_set_content_language (TrellisWindow   *self,
                                                   const char         *language);

G_END_DECLS
