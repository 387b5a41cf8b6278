/* trellis-document-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-document-private.h"

/* The edits of one entry in an entity's array, as the maps set them a
 * cell at a time: a required level, a RACI assignment, a coverage
 * target, the text of one level. Each replaces the array through
 * trellis_document_take_array() or _take_ptr_array(), which records the
 * undo step; they only name it. */

/**
 * trellis_document_set_requirement:
 * @self: a #TrellisDocument
 * @role_or_responsibility: a role (its required levels) or a
 *   responsibility (the competence it needs)
 * @competency: a competency id
 * @level: the level, or %TRELLIS_LEVEL_NONE to drop the requirement
 */
void
trellis_document_set_requirement (TrellisDocument *self,
                                  TrellisEntity   *role_or_responsibility,
                                  const char      *competency,
                                  gint             level)
{
  TrellisField field;
  GArray *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ROLE (role_or_responsibility) ||
                    TRELLIS_IS_RESPONSIBILITY (role_or_responsibility));
  g_return_if_fail (competency != NULL);
  g_return_if_fail (level == TRELLIS_LEVEL_NONE || trellis_document_level_in_scale (self, level));

  field = TRELLIS_IS_ROLE (role_or_responsibility) ? TRELLIS_FIELD_REQUIRES : TRELLIS_FIELD_NEEDS;
  current = trellis_entity_get_array (role_or_responsibility, field);

  if (trellis_requirements_lookup (current, competency) == level)
    return;

  {
    TrellisEntity *c = trellis_document_lookup (self, competency);
    g_autofree char *who = trellis_entity_dup_label (role_or_responsibility);
    g_autofree char *what = c != NULL ? trellis_entity_dup_label (c) : g_strdup (competency);
    /* Translators: an undo step; the first %s is a role or a responsibility, the second a competency. */
    g_autofree char *label = g_strdup_printf (_("Set Level Required of ‘%s’ in ‘%s’"), who, what);

    trellis_document_begin_group (self, label);
    trellis_document_take_array (self, role_or_responsibility, field,
                                 trellis_requirements_copy_set (current, competency, level));
    trellis_document_end_group (self);
  }
}

/**
 * trellis_document_set_assignment:
 * @self: a #TrellisDocument
 * @responsibility: a responsibility
 * @role: a role id
 * @raci: the RACI letters of @role
 * @authority: the delegation level of @role
 *
 * Sets the cell of the responsibility map; no letters and no authority
 * clears it.
 */
void
trellis_document_set_assignment (TrellisDocument       *self,
                                 TrellisResponsibility *responsibility,
                                 const char            *role,
                                 TrellisRaci            raci,
                                 TrellisAuthority       authority)
{
  GArray *current;
  const TrellisAssignment *a;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (role != NULL);
  g_return_if_fail (authority < TRELLIS_N_AUTHORITIES);

  current = trellis_entity_get_array (TRELLIS_ENTITY (responsibility), TRELLIS_FIELD_ASSIGNS);
  a = trellis_assignments_lookup (current, role);

  if (a != NULL ? (a->raci == raci && a->authority == authority)
                : (raci == TRELLIS_RACI_NONE && authority == TRELLIS_AUTHORITY_NONE))
    return;

  {
    TrellisEntity *r = trellis_document_lookup (self, role);
    g_autofree char *who = r != NULL ? trellis_entity_dup_label (r) : g_strdup (role);
    g_autofree char *what = trellis_entity_dup_label (TRELLIS_ENTITY (responsibility));
    /* Translators: an undo step; the first %s is a role, the second a responsibility. */
    g_autofree char *label = g_strdup_printf (_("Set the Part of ‘%s’ in ‘%s’"), who, what);

    trellis_document_begin_group (self, label);
    trellis_document_take_array (self, TRELLIS_ENTITY (responsibility), TRELLIS_FIELD_ASSIGNS,
                                 trellis_assignments_copy_set (current, role, raci, authority));
    trellis_document_end_group (self);
  }
}

void
trellis_document_set_target (TrellisDocument *self,
                             TrellisRole     *role,
                             const char      *competency,
                             gint             level,
                             guint            people)
{
  GArray *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ROLE (role));
  g_return_if_fail (competency != NULL);

  current = trellis_entity_get_array (TRELLIS_ENTITY (role), TRELLIS_FIELD_TARGETS);
  trellis_document_take_array (self, TRELLIS_ENTITY (role), TRELLIS_FIELD_TARGETS,
                               trellis_targets_copy_set (current, competency, level, people));
}

void
trellis_document_set_level_text (TrellisDocument   *self,
                                 TrellisCompetency *competency,
                                 gint               level,
                                 const char        *text)
{
  GPtrArray *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_COMPETENCY (competency));

  current = trellis_entity_get_ptr_array (TRELLIS_ENTITY (competency), TRELLIS_FIELD_LEVELS);
  if (g_strcmp0 (trellis_level_texts_lookup (current, level), text) == 0)
    return;

  trellis_document_take_ptr_array (self, TRELLIS_ENTITY (competency), TRELLIS_FIELD_LEVELS,
                                   trellis_level_texts_copy_set (current, level, text));
}
