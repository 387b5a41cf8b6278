/* trellis-roster-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-analysis.h"
#include "trellis-render-options.h"

G_BEGIN_DECLS

/* No total over fewer people than this in a workshop, and none from
 * which fewer than this many people who are not shown could be worked
 * out. */
#define TRELLIS_PRIVACY_MINIMUM 3

/**
 * TrellisRoster:
 *
 * Who is who in an analysis, for the grid views: its entities by
 * analysis index, each role's people, and whom the audience may see.
 * Everyone else counts only in totals that do not give them away (see
 * trellis_roster_total_withheld()).
 */
typedef struct
{
  TrellisAnalysis            *analysis;
  TrellisDocument            *document;
  const TrellisRenderOptions *options;
  TrellisEntity             **entity_at[TRELLIS_N_KINDS];  /* by analysis index */
  guint                       n_at[TRELLIS_N_KINDS];
  GArray                    **role_members;  /* per role: person indices */
  gboolean                   *shown;         /* per person: may be shown to the audience */
  guint                      *role_hidden;   /* per role: its people not shown */
  guint                       team_hidden;   /* people not shown */
} TrellisRoster;

static inline TrellisEntity *
trellis_roster_entity (const TrellisRoster *self,
                       TrellisKind          kind,
                       guint                index)
{
  return index < self->n_at[kind] ? self->entity_at[kind][index] : NULL;
}

static inline gboolean
trellis_roster_person_visible (const TrellisRoster *self,
                               guint                person)
{
  return person < self->n_at[TRELLIS_KIND_PERSON] && self->shown[person];
}

void         trellis_roster_init                (TrellisRoster              *self,
                                                 TrellisAnalysis            *analysis,
                                                 const TrellisRenderOptions *options);
void         trellis_roster_clear               (TrellisRoster              *self);

gint         trellis_roster_index_of            (const TrellisRoster        *self,
                                                 TrellisEntity              *entity);
gint         trellis_roster_index_of_id         (const TrellisRoster        *self,
                                                 const char                 *id,
                                                 TrellisKind                 kind);
gboolean     trellis_roster_is_filtered         (const TrellisRoster        *self);
GArray      *trellis_roster_filter_roles        (const TrellisRoster        *self);
gboolean     trellis_roles_contain              (GArray                     *roles,
                                                 guint                       role);

gboolean     trellis_roster_total_withheld      (const TrellisRoster        *self,
                                                 guint                       behind,
                                                 guint                       hidden);
gboolean     trellis_roster_team_total_withheld (const TrellisRoster        *self);
gboolean     trellis_roster_role_total_withheld (const TrellisRoster        *self,
                                                 guint                       role);
gboolean     trellis_roster_finding_shown       (const TrellisRoster        *self,
                                                 const TrellisFinding       *finding);
const char  *trellis_roster_withheld_reason     (const TrellisRoster        *self,
                                                 gboolean                    tooltip);

G_END_DECLS
