/* trellis-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-import.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_IMPORT_DIALOG (trellis_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisImportDialog, trellis_import_dialog, TRELLIS, IMPORT_DIALOG, AdwWindow)

TrellisImportDialog *trellis_import_dialog_new        (GtkWindow           *parent,
                                                       TrellisDocument     *document,
                                                       GFile               *file);
TrellisImport       *trellis_import_dialog_get_import (TrellisImportDialog *self);
gboolean             trellis_import_dialog_get_busy   (TrellisImportDialog *self);
void                 trellis_import_dialog_show_error (TrellisImportDialog *self,
                                                       const char          *message);

G_END_DECLS
