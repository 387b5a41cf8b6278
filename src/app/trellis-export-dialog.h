/* trellis-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_EXPORT_DIALOG (trellis_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisExportDialog, trellis_export_dialog, TRELLIS, EXPORT_DIALOG, AdwWindow)

TrellisExportDialog *trellis_export_dialog_new       (GtkWindow           *parent,
                                                      TrellisDocument     *document);
void                 trellis_export_dialog_export_to (TrellisExportDialog *self,
                                                      GFile               *file);
gboolean             trellis_export_dialog_get_busy  (TrellisExportDialog *self);

G_END_DECLS
