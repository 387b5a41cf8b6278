/* trellis-sight.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisSightStage:
 * @TRELLIS_SIGHT_MISSION: the organisation's mission
 * @TRELLIS_SIGHT_VALUES: the values
 * @TRELLIS_SIGHT_RESULTS: the results
 * @TRELLIS_SIGHT_RESPONSIBILITIES: the responsibilities
 * @TRELLIS_SIGHT_COMPETENCIES: the competencies
 * @TRELLIS_SIGHT_ROLES: the roles
 * @TRELLIS_SIGHT_PEOPLE: the people
 *
 * The links of the line of sight, the spine of the method, in order.
 */
typedef enum
{
  TRELLIS_SIGHT_MISSION,
  TRELLIS_SIGHT_VALUES,
  TRELLIS_SIGHT_RESULTS,
  TRELLIS_SIGHT_RESPONSIBILITIES,
  TRELLIS_SIGHT_COMPETENCIES,
  TRELLIS_SIGHT_ROLES,
  TRELLIS_SIGHT_PEOPLE,
  TRELLIS_N_SIGHT_STAGES
} TrellisSightStage;

const char *trellis_sight_stage_get_label  (TrellisSightStage stage);
void        trellis_document_walk_sight    (TrellisDocument  *self,
                                            TrellisEntity    *from,
                                            GPtrArray        *stages[TRELLIS_N_SIGHT_STAGES]);

G_END_DECLS
