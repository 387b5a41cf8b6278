/* trellis-mandate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisMandateItem:
 * @role: the person's role that holds the responsibility
 * @responsibility: the responsibility
 * @result: (nullable): the result it serves
 * @raci: the role's RACI letters for it
 * @authority: the role's delegation level
 * @roles: what the RACI letters mean for the person: "I do the work and I
 *   answer for the outcome"
 * @decision: the delegation level in the first person, from "I am told"
 *   to "I decide"
 * @explanation: what that means in one sentence
 * @accountable: (element-type TrellisEntity): the other roles
 *   accountable for it
 * @consult: (element-type TrellisEntity): the other roles to consult
 * @inform: (element-type TrellisEntity): the other roles to inform
 * @values: (element-type TrellisEntity): the values the result serves
 *
 * One responsibility on a person's mandate card.
 */
typedef struct
{
  TrellisEntity    *role;
  TrellisEntity    *responsibility;
  TrellisEntity    *result;
  TrellisRaci       raci;
  TrellisAuthority  authority;
  char             *roles;
  const char       *decision;
  const char       *explanation;
  GPtrArray        *accountable;
  GPtrArray        *consult;
  GPtrArray        *inform;
  GPtrArray        *values;
} TrellisMandateItem;

typedef struct _TrellisMandate TrellisMandate;

#define TRELLIS_TYPE_MANDATE (trellis_mandate_get_type ())

GType                     trellis_mandate_get_type        (void);
TrellisMandate           *trellis_mandate_new             (TrellisDocument  *document,
                                                           TrellisEntity    *person);
TrellisMandate           *trellis_mandate_ref             (TrellisMandate   *self);
void                      trellis_mandate_unref           (TrellisMandate   *self);
guint                     trellis_mandate_get_n_items     (TrellisMandate   *self);
const TrellisMandateItem *trellis_mandate_get_item        (TrellisMandate   *self,
                                                           guint             index);
GPtrArray                *trellis_mandate_get_values      (TrellisMandate   *self);

const char               *trellis_authority_get_decision  (TrellisAuthority  authority);
const char               *trellis_authority_get_explanation (TrellisAuthority authority);
char                     *trellis_raci_dup_words          (TrellisRaci       raci);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisMandate, trellis_mandate_unref)

G_END_DECLS
