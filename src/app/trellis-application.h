/* trellis-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-draft.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_APPLICATION (trellis_application_get_type ())
G_DECLARE_FINAL_TYPE (TrellisApplication, trellis_application, TRELLIS, APPLICATION, AdwApplication)

typedef struct _TrellisWindow TrellisWindow;

TrellisApplication *trellis_application_new              (void);
GSettings          *trellis_application_get_settings     (TrellisApplication *self);
GListModel         *trellis_application_get_drafts       (TrellisApplication *self);
TrellisDraft       *trellis_application_take_draft       (TrellisApplication *self,
                                                          const char         *uuid);
TrellisDraft       *trellis_application_find_draft_for_file (TrellisApplication *self,
                                                          GFile              *file);
TrellisWindow      *trellis_application_new_window       (TrellisApplication *self);
TrellisWindow      *trellis_application_open_file        (TrellisApplication *self,
                                                          GFile              *file);
TrellisWindow      *trellis_application_find_window_for_file (TrellisApplication *self,
                                                          GFile              *file);
void                trellis_application_add_recent       (TrellisApplication *self,
                                                          GFile              *file);

G_END_DECLS
