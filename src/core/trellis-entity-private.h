/* trellis-entity-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-entity.h"

G_BEGIN_DECLS

/* One assessment inside the compact grid: 16 bytes, no pointers, so that
 * the enterprise tier (1.5 million and more) stays small. Notes and
 * evidence live in the document's text table, referenced by index. */
typedef struct
{
  guint32 slot;          /* the competency's slot, see TrellisCompetency */
  guint32 date;          /* TrellisDate */
  gint8   level;
  guint8  source;        /* TrellisSource */
  guint8  want;
  guint8  reserved;
  guint32 text;          /* index into the document's texts, 0 for none */
} TrellisRecord;

TrellisEntity *trellis_entity_new_internal      (TrellisKind    kind,
                                                 const char    *id);
void           trellis_entity_store_field       (TrellisEntity *self,
                                                 TrellisField   field,
                                                 const GValue  *value,
                                                 gboolean       notify);
GValue        *trellis_entity_peek_field_value  (TrellisEntity *self,
                                                 TrellisField   field);
const char    *trellis_entity_get_unknown_xml   (TrellisEntity *self);
void           trellis_entity_append_unknown_xml (TrellisEntity *self,
                                                 const char    *xml,
                                                 gsize          len);

guint32        trellis_competency_get_slot      (TrellisCompetency *self);
void           trellis_competency_set_slot      (TrellisCompetency *self,
                                                 guint32            slot);
GArray        *trellis_person_get_records       (TrellisPerson     *self);
GArray        *trellis_person_edit_records      (TrellisPerson     *self);
TrellisEntity *trellis_entity_copy_internal     (TrellisEntity     *self);

G_END_DECLS
