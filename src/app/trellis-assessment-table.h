/* trellis-assessment-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ASSESSMENT_TABLE (trellis_assessment_table_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAssessmentTable, trellis_assessment_table, TRELLIS, ASSESSMENT_TABLE, GtkWidget)

GtkWidget *trellis_assessment_table_new         (void);
void       trellis_assessment_table_set_target  (TrellisAssessmentTable *self,
                                                 TrellisDocument        *document,
                                                 TrellisPerson          *person);
guint      trellis_assessment_table_get_n_rows  (TrellisAssessmentTable *self);

G_END_DECLS
