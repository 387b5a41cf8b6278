/* trellis-assessments-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"
#include "trellis-entity-private.h"

G_BEGIN_DECLS

/* The note and evidence of an assessment, kept apart from its record. */
typedef struct
{
  char *note;
  char *evidence;
} TrellisText;

void               trellis_text_free                      (gpointer             data);
guint32            trellis_document_add_text              (TrellisDocument     *self,
                                                           const char          *note,
                                                           const char          *evidence);
const TrellisText *trellis_document_get_text              (TrellisDocument     *self,
                                                           guint32              index);

void               trellis_document_assign_slot           (TrellisDocument     *self,
                                                           TrellisCompetency   *competency);
TrellisCompetency *trellis_document_get_competency_by_slot (TrellisDocument    *self,
                                                           guint32              slot);

void               trellis_document_record_to_assessment  (TrellisDocument     *self,
                                                           const TrellisRecord *record,
                                                           TrellisAssessment   *out);
gboolean           trellis_document_effective_record      (TrellisDocument     *self,
                                                           GArray              *records,
                                                           guint32              slot,
                                                           TrellisDate          until,
                                                           const TrellisRecord **out,
                                                           guint               *n_found,
                                                           guint8              *perspectives);

/* The primitive changes of the grid, which the history replays. */
void               trellis_document_do_record_insert      (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           const TrellisRecord *record);
void               trellis_document_do_record_remove      (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           const TrellisRecord *record);
void               trellis_document_do_record_replace     (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           const TrellisRecord *record);

G_END_DECLS
