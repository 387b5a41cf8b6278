/* trellis-roster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-roster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-roster-private.h"

/* Who is shown follows the audience. For a coach (the default), people
 * who share with their coach or the team; in a workshop, only people who
 * share with the team; for totals only, nobody; a view narrowed to one
 * person shows that person.
 * The others count only in totals that do not give them away: none with
 * one or two people behind it who are not shown (taking the rows that
 * are shown out of the total would leave theirs, or, for the team's
 * total, taking out the roles' totals that are shown too), and in a
 * workshop none over fewer than three people at all. Totals are the
 * aggregate rows, coverage, who can carry a responsibility, a single
 * point of knowledge and a mandate above ability. */

gint
trellis_roster_index_of (const TrellisRoster *self,
                         TrellisEntity       *entity)
{
  return entity != NULL ? trellis_analysis_get_index (self->analysis, entity) : -1;
}

gint
trellis_roster_index_of_id (const TrellisRoster *self,
                            const char          *id,
                            TrellisKind          kind)
{
  TrellisEntity *entity = id != NULL ? trellis_document_lookup (self->document, id) : NULL;

  if (entity == NULL || trellis_entity_get_kind (entity) != kind)
    return -1;

  return trellis_roster_index_of (self, entity);
}

/* The analysis is a snapshot: look its entities up by index once. */
static void
index_entities (TrellisRoster *self)
{
  static const TrellisKind kinds[] = {
    TRELLIS_KIND_PERSON, TRELLIS_KIND_COMPETENCY, TRELLIS_KIND_ROLE, TRELLIS_KIND_RESPONSIBILITY,
  };
  TrellisAnalysis *a = self->analysis;

  self->n_at[TRELLIS_KIND_PERSON] = trellis_analysis_get_n_people (a);
  self->n_at[TRELLIS_KIND_COMPETENCY] = trellis_analysis_get_n_competencies (a);
  self->n_at[TRELLIS_KIND_ROLE] = trellis_analysis_get_n_roles (a);
  self->n_at[TRELLIS_KIND_RESPONSIBILITY] = trellis_analysis_get_n_responsibilities (a);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      TrellisKind kind = kinds[k];
      guint n = trellis_document_get_n_items (self->document, kind);

      self->entity_at[kind] = g_new0 (TrellisEntity *, MAX (self->n_at[kind], 1));
      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *e = trellis_document_get_item (self->document, kind, i);
          gint idx = trellis_roster_index_of (self, e);

          if (idx >= 0 && (guint) idx < self->n_at[kind])
            self->entity_at[kind][idx] = e;
        }
    }
}

static void
compute_members (TrellisRoster *self)
{
  guint n_roles = self->n_at[TRELLIS_KIND_ROLE];
  guint n_people = self->n_at[TRELLIS_KIND_PERSON];

  self->role_members = g_new0 (GArray *, MAX (n_roles, 1));
  self->role_hidden = g_new0 (guint, MAX (n_roles, 1));
  for (guint r = 0; r < n_roles; r++)
    self->role_members[r] = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Who may be shown; everyone else counts only in totals. */
  self->shown = g_new0 (gboolean, MAX (n_people, 1));
  for (guint p = 0; p < n_people; p++)
    {
      TrellisEntity *person = trellis_roster_entity (self, TRELLIS_KIND_PERSON, p);

      self->shown[p] = person != NULL && trellis_render_options_shows_person (self->options, person);
      if (person != NULL && !self->shown[p])
        self->team_hidden++;
    }

  for (guint p = 0; p < n_people; p++)
    {
      TrellisEntity *person = trellis_roster_entity (self, TRELLIS_KIND_PERSON, p);
      const char **roles = person != NULL ? trellis_entity_get_strv (person, TRELLIS_FIELD_ROLES) : NULL;

      for (guint k = 0; roles != NULL && roles[k] != NULL; k++)
        {
          gint r = trellis_roster_index_of_id (self, roles[k], TRELLIS_KIND_ROLE);

          if (r >= 0 && !trellis_analysis_person_has_role (self->analysis, p, r))
            continue;
          if (r >= 0)
            {
              GArray *members = self->role_members[r];

              /* A role named twice counts once. */
              if (members->len == 0 || g_array_index (members, guint, members->len - 1) != p)
                {
                  g_array_append_val (members, p);
                  if (!self->shown[p])
                    self->role_hidden[r]++;
                }
            }
        }
    }
}

/**
 * trellis_roster_init:
 * @self: the roster to fill in
 * @analysis: the analysis it is of
 * @options: whom it is for; they must outlive it
 *
 * Indexes the analysis's entities and works out each role's people and
 * whom the options' audience may see.
 */
void
trellis_roster_init (TrellisRoster              *self,
                     TrellisAnalysis            *analysis,
                     const TrellisRenderOptions *options)
{
  memset (self, 0, sizeof *self);
  self->analysis = trellis_analysis_ref (analysis);
  self->document = trellis_analysis_get_document (analysis);
  self->options = options;

  index_entities (self);
  compute_members (self);
}

void
trellis_roster_clear (TrellisRoster *self)
{
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->role_hidden, g_free);
  if (self->role_members != NULL)
    {
      for (guint r = 0; r < self->n_at[TRELLIS_KIND_ROLE]; r++)
        g_clear_pointer (&self->role_members[r], g_array_unref);
      g_clear_pointer (&self->role_members, g_free);
    }
  for (guint k = 0; k < TRELLIS_N_KINDS; k++)
    g_clear_pointer (&self->entity_at[k], g_free);
  g_clear_pointer (&self->analysis, trellis_analysis_unref);
}

/* Whether the view is narrowed to a role or a person. */
gboolean
trellis_roster_is_filtered (const TrellisRoster *self)
{
  return self->options->role != NULL || self->options->person != NULL;
}

/* The roles a filter names: the role, or the person's roles. */
GArray *
trellis_roster_filter_roles (const TrellisRoster *self)
{
  GArray *roles = g_array_new (FALSE, FALSE, sizeof (guint));
  const TrellisRenderOptions *o = self->options;

  if (o->role != NULL)
    {
      gint r = trellis_roster_index_of_id (self, o->role, TRELLIS_KIND_ROLE);

      if (r >= 0)
        g_array_append_val (roles, r);
    }
  else if (o->person != NULL)
    {
      gint p = trellis_roster_index_of_id (self, o->person, TRELLIS_KIND_PERSON);

      for (guint r = 0; p >= 0 && r < self->n_at[TRELLIS_KIND_ROLE]; r++)
        {
          if (trellis_analysis_person_has_role (self->analysis, p, r))
            g_array_append_val (roles, r);
        }
    }

  return roles;
}

gboolean
trellis_roles_contain (GArray *roles,
                       guint   role)
{
  for (guint i = 0; i < roles->len; i++)
    {
      if (g_array_index (roles, guint, i) == role)
        return TRUE;
    }

  return FALSE;
}

/* Whether a total over behind people, hidden of whom are not shown, must
 * be withheld (see the top of this file). */
gboolean
trellis_roster_total_withheld (const TrellisRoster *self,
                               guint                behind,
                               guint                hidden)
{
  if (hidden > 0 && hidden < TRELLIS_PRIVACY_MINIMUM)
    return TRUE;

  return trellis_audience_is_team (self->options->audience) && behind < TRELLIS_PRIVACY_MINIMUM;
}

/* The same for a total over the whole team. */
gboolean
trellis_roster_team_total_withheld (const TrellisRoster *self)
{
  return trellis_roster_total_withheld (self, self->n_at[TRELLIS_KIND_PERSON], self->team_hidden);
}

gboolean
trellis_roster_role_total_withheld (const TrellisRoster *self,
                                    guint                role)
{
  return trellis_roster_total_withheld (self, self->role_members[role]->len, self->role_hidden[role]);
}

/* Why a total is withheld, for the legend and the tooltips. */
const char *
trellis_roster_withheld_reason (const TrellisRoster *self,
                                gboolean             tooltip)
{
  if (trellis_audience_is_team (self->options->audience))
    return tooltip ? _("Hidden in workshop mode: fewer than three people")
                   : _("hidden: fewer than three people");

  return tooltip ? _("Hidden: it would give away someone who keeps their assessments private")
                 : _("hidden: it would give away someone who keeps their assessments private");
}

/**
 * trellis_roster_finding_shown:
 * @self: a roster
 * @finding: a rule finding
 *
 * Whether the audience may read a finding: one that names a person stays
 * out of a workshop and names nobody the audience may not see; that
 * nobody can carry a responsibility is a total over the team.
 *
 * Returns: whether to show it
 */
gboolean
trellis_roster_finding_shown (const TrellisRoster  *self,
                              const TrellisFinding *finding)
{
  if (finding->person != NULL &&
      (trellis_audience_is_team (self->options->audience) ||
       !trellis_roster_person_visible (self, trellis_analysis_get_index (self->analysis, finding->person))))
    return FALSE;
  if (finding->code == TRELLIS_FINDING_NOBODY_CAPABLE && trellis_roster_team_total_withheld (self))
    return FALSE;

  return TRUE;
}
