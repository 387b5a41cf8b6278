/* trellis-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-analysis.h"
#include "trellis-document-private.h"
#include "trellis-translations.h"

/* The rules, as the code implements them. src/core/ANALYSIS.md says the
 * same in plain words with worked examples, and tests/test-analysis.c
 * checks each against a hand computation; change all three together.
 *
 * Cells
 * - A person's required level on a competency is the highest level any of
 *   their roles requires, directly or through a responsibility for which
 *   the role is Responsible or Accountable (never Consulted or Informed).
 * - The assessed level and the wish to grow are those of the assessment
 *   that counts, which trellis_records_find_effective() decides for the
 *   whole core (trellis-assessments-private.h). "Not assessed" and "not
 *   required" are never numbers.
 * - gap = required − assessed, only when both exist; positive means a
 *   shortfall, negative a level above the requirement.
 * - Trends (trellis_analysis_new_at()) see only assessments dated on or
 *   before the day given, against today's roles and requirements.
 *
 * Aggregates count required cells only: people, assessed, meeting (at or
 * above the requirement) and the mean of the signed gaps of the assessed
 * (NAN when none is). A role's aggregate measures its people against the
 * role's own requirement; team, value and person aggregates against each
 * person's.
 *
 * Coverage and capacity
 * - get_meeting counts a role's people assessed at a level or above; a
 *   coverage target is missed when fewer than its number of people do.
 * - A single point of knowledge is a competency that exactly one person,
 *   whatever their roles, reaches at the highest level any role (held or
 *   not) requires for it.
 * - A responsibility can be carried today by everyone who reaches every
 *   level it needs; by everyone if it needs nothing. Nobody capable is
 *   said only of a responsibility that needs something.
 *
 * Responsibilities (assignments to roles not in the document are ignored)
 * - Unassigned: no role is R or A. Otherwise: no accountable (no A),
 *   several accountable (more than one A, with the count), no responsible
 *   (no R).
 * - No authority: a role is R or A without a delegation level.
 * - Role empty: a role that is R or A for it is held by nobody.
 * - Mandate above ability: a person whose role is R or A for a
 *   responsibility with a delegation level of 5 (advise) or more — the
 *   role decides — is assessed below a level the responsibility needs.
 *   One finding per person and need, naming the role with the highest
 *   delegation level; not assessed is no finding.
 * - Ability without mandate: a person reaches every level a
 *   responsibility needs (and it needs something) while none of their
 *   roles is R or A for it, at any delegation level.
 * - A role is overloaded when it is R or A for at least twice as many
 *   responsibilities as the median role, and at least three more. The
 *   median is taken over the roles that are R or A for anything (at
 *   least two of them), the lower middle value for an even count.
 *
 * The chain
 * - An indicator without a result names no existing result; a result
 *   without a value names no existing value. */

#define MANDATE_AUTHORITY TRELLIS_AUTHORITY_ADVISE

struct _TrellisAnalysis
{
  gatomicrefcount  ref_count;
  TrellisDocument *document;

  GPtrArray       *people;            /* TrellisEntity, refs */
  GPtrArray       *competencies;
  GPtrArray       *roles;
  GPtrArray       *responsibilities;
  GHashTable      *index_of;          /* entity → position + 1 */
  GPtrArray       *held;              /* other finding subjects, refs */

  guint            n_people;
  guint            n_competencies;
  guint            n_roles;
  guint            n_responsibilities;

  TrellisCell     *cells;             /* n_people × n_competencies */
  gint8           *role_required;     /* n_roles × n_competencies */
  GArray         **role_people;       /* per role, person indices */
  GArray         **person_roles;      /* per person, role indices */
  guint           *role_load;
  guint           *capable;           /* per responsibility */
  gint            *single_point;      /* per competency: person index or -1 */
  GStrv           *values_of;         /* per competency: the value ids it expresses */

  GArray          *findings;
  TrellisDate      latest;            /* newest assessment considered */
};

G_DEFINE_BOXED_TYPE (TrellisAnalysis, trellis_analysis, trellis_analysis_ref, trellis_analysis_unref)

static GPtrArray *
snapshot_list (TrellisDocument *doc,
               TrellisKind      kind,
               GHashTable      *index_of)
{
  guint n = trellis_document_get_n_items (doc, kind);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *e = trellis_document_get_item (doc, kind, i);

      g_ptr_array_add (array, g_object_ref (e));
      g_hash_table_insert (index_of, e, GUINT_TO_POINTER (i + 1));
    }

  return array;
}

static gint
index_of_id (TrellisAnalysis *self,
             const char      *id,
             TrellisKind      kind)
{
  TrellisEntity *e = trellis_document_lookup (self->document, id);

  if (e == NULL || trellis_entity_get_kind (e) != kind)
    return -1;

  return trellis_analysis_get_index (self, e);
}

static inline TrellisCell *
cell_at (TrellisAnalysis *self,
         guint            p,
         guint            c)
{
  return &self->cells[(gsize) p * self->n_competencies + c];
}

static void
add_finding (TrellisAnalysis    *self,
             TrellisFindingCode  code,
             TrellisEntity      *subject,
             TrellisEntity      *person,
             TrellisEntity      *role,
             TrellisEntity      *competency,
             guint               count,
             gint                level)
{
  TrellisFinding f = { code, subject, person, role, competency, count, level };

  g_array_append_val (self->findings, f);
}

static void
compute_role_requirements (TrellisAnalysis *self)
{
  self->role_required = g_new (gint8, MAX (1, (gsize) self->n_roles * self->n_competencies));
  memset (self->role_required, TRELLIS_LEVEL_NONE, (gsize) self->n_roles * self->n_competencies);

  for (guint r = 0; r < self->n_roles; r++)
    {
      GArray *requires = trellis_entity_get_array (g_ptr_array_index (self->roles, r), TRELLIS_FIELD_REQUIRES);

      for (guint i = 0; requires != NULL && i < requires->len; i++)
        {
          const TrellisRequirement *req = &g_array_index (requires, TrellisRequirement, i);
          gint c = index_of_id (self, req->competency, TRELLIS_KIND_COMPETENCY);
          gint8 *slot;

          if (c < 0)
            continue;
          slot = &self->role_required[(gsize) r * self->n_competencies + c];
          *slot = MAX (*slot, req->level);
        }
    }

  for (guint s = 0; s < self->n_responsibilities; s++)
    {
      TrellisEntity *rs = g_ptr_array_index (self->responsibilities, s);
      GArray *needs = trellis_entity_get_array (rs, TRELLIS_FIELD_NEEDS);
      GArray *assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);

      for (guint a = 0; assigns != NULL && a < assigns->len; a++)
        {
          const TrellisAssignment *as = &g_array_index (assigns, TrellisAssignment, a);
          gint r;

          if (!(as->raci & (TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE)))
            continue;
          if ((r = index_of_id (self, as->role, TRELLIS_KIND_ROLE)) < 0)
            continue;

          self->role_load[r]++;

          for (guint i = 0; needs != NULL && i < needs->len; i++)
            {
              const TrellisRequirement *req = &g_array_index (needs, TrellisRequirement, i);
              gint c = index_of_id (self, req->competency, TRELLIS_KIND_COMPETENCY);
              gint8 *slot;

              if (c < 0)
                continue;
              slot = &self->role_required[(gsize) r * self->n_competencies + c];
              *slot = MAX (*slot, req->level);
            }
        }
    }
}

static void
compute_membership (TrellisAnalysis *self)
{
  self->role_people = g_new0 (GArray *, MAX (1, self->n_roles));
  self->person_roles = g_new0 (GArray *, MAX (1, self->n_people));

  for (guint r = 0; r < self->n_roles; r++)
    self->role_people[r] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < self->n_people; p++)
    {
      const char **roles = trellis_entity_get_strv (g_ptr_array_index (self->people, p), TRELLIS_FIELD_ROLES);

      self->person_roles[p] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
        {
          gint r = index_of_id (self, roles[i], TRELLIS_KIND_ROLE);
          guint ur;

          if (r < 0)
            continue;
          ur = (guint) r;
          g_array_append_val (self->person_roles[p], ur);
          g_array_append_val (self->role_people[r], p);
        }
    }
}

static void
compute_cells (TrellisAnalysis *self,
               TrellisDate      until)
{
  TrellisDocument *doc = self->document;
  gsize n_cells = (gsize) self->n_people * self->n_competencies;
  guint n_slots = doc->slots->len;
  g_autofree gint *slot_index = g_new (gint, MAX (n_slots, 1));
  TrellisDate latest = 0;

  self->cells = g_new0 (TrellisCell, MAX (n_cells, 1));
  for (gsize i = 0; i < n_cells; i++)
    {
      self->cells[i].required = TRELLIS_LEVEL_NONE;
      self->cells[i].assessed = TRELLIS_LEVEL_NONE;
    }

  for (guint i = 0; i < n_slots; i++)
    slot_index[i] = -1;
  for (guint c = 0; c < self->n_competencies; c++)
    slot_index[trellis_competency_get_slot (g_ptr_array_index (self->competencies, c))] = c;

  for (guint p = 0; p < self->n_people; p++)
    {
      GArray *records = trellis_person_get_records (g_ptr_array_index (self->people, p));
      const TrellisRecord *all = (const TrellisRecord *) (gpointer) records->data;
      guint n_records = records->len;
      GArray *roles = self->person_roles[p];
      guint i = 0;

      /* Required: the highest level any of the person's roles requires. */
      for (guint k = 0; k < roles->len; k++)
        {
          const gint8 *req = &self->role_required[(gsize) g_array_index (roles, guint, k) * self->n_competencies];

          for (guint c = 0; c < self->n_competencies; c++)
            {
              TrellisCell *cell = cell_at (self, p, c);

              if (req[c] > cell->required)
                cell->required = req[c];
            }
        }

      /* Assessed: one pass over the records, which are grouped by slot. */
      while (i < n_records)
        {
          guint32 slot = all[i].slot;
          TrellisEffective effective;
          TrellisCell *cell;
          gint c;

          i = trellis_records_find_effective (all, n_records, i, slot, until, &effective);
          if (effective.latest > latest)
            latest = effective.latest;

          c = slot < n_slots ? slot_index[slot] : -1;
          if (c < 0 || effective.record == NULL)
            continue;

          cell = cell_at (self, p, (guint) c);
          cell->assessed = effective.record->level;
          cell->source = effective.record->source;
          cell->want = effective.want;
          cell->history = effective.n > 1;
          cell->perspectives = effective.perspectives;
        }
    }

  self->latest = latest;
}

static gboolean
meets (const TrellisCell *cell,
       gint               level)
{
  return cell->assessed != TRELLIS_LEVEL_NONE && cell->assessed >= level;
}

static void
compute_coverage (TrellisAnalysis *self)
{
  self->single_point = g_new (gint, MAX (1, self->n_competencies));

  for (guint c = 0; c < self->n_competencies; c++)
    {
      gint highest = TRELLIS_LEVEL_NONE;
      guint n = 0;
      gint who = -1;

      for (guint r = 0; r < self->n_roles; r++)
        highest = MAX (highest, self->role_required[(gsize) r * self->n_competencies + c]);

      self->single_point[c] = -1;
      if (highest == TRELLIS_LEVEL_NONE)
        continue;

      for (guint p = 0; p < self->n_people && n < 2; p++)
        {
          if (meets (cell_at (self, p, c), highest))
            {
              n++;
              who = (gint) p;
            }
        }

      if (n == 1)
        {
          self->single_point[c] = who;
          add_finding (self, TRELLIS_FINDING_SINGLE_POINT,
                       g_ptr_array_index (self->competencies, c),
                       g_ptr_array_index (self->people, who), NULL,
                       g_ptr_array_index (self->competencies, c), 1, highest);
        }
    }

  for (guint r = 0; r < self->n_roles; r++)
    {
      TrellisEntity *role = g_ptr_array_index (self->roles, r);
      GArray *targets = trellis_entity_get_array (role, TRELLIS_FIELD_TARGETS);

      for (guint i = 0; targets != NULL && i < targets->len; i++)
        {
          const TrellisTarget *t = &g_array_index (targets, TrellisTarget, i);
          gint c = index_of_id (self, t->competency, TRELLIS_KIND_COMPETENCY);
          guint n;

          if (c < 0)
            continue;

          n = trellis_analysis_get_meeting (self, r, c, t->level);
          if (n < t->people)
            add_finding (self, TRELLIS_FINDING_TARGET_MISSED, role, NULL, role,
                         g_ptr_array_index (self->competencies, c), n, t->level);
        }
    }
}

/* A responsibility's needs with their competencies found once, not once
 * per person; needs of unknown competencies are left out. */
typedef struct
{
  guint competency;
  gint  level;
} Need;

static guint
resolve_needs (TrellisAnalysis *self,
               GArray          *needs,
               Need            *out)
{
  guint n = 0;

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      const TrellisRequirement *req = &g_array_index (needs, TrellisRequirement, i);
      gint c = index_of_id (self, req->competency, TRELLIS_KIND_COMPETENCY);

      if (c < 0)
        continue;
      out[n].competency = (guint) c;
      out[n].level = req->level;
      n++;
    }

  return n;
}

static gboolean
person_meets_needs (TrellisAnalysis *self,
                    guint            p,
                    const Need      *needs,
                    guint            n_needs)
{
  for (guint i = 0; i < n_needs; i++)
    {
      if (!meets (cell_at (self, p, needs[i].competency), needs[i].level))
        return FALSE;
    }

  return TRUE;
}

/* A role is overloaded when it carries far more than the median of the
 * roles that carry anything. */
static void
find_overloaded_roles (TrellisAnalysis *self)
{
  g_autofree guint *loads = g_new (guint, MAX (1, self->n_roles));
  guint n_loaded = 0;
  guint median = 0;

  for (guint r = 0; r < self->n_roles; r++)
    {
      if (self->role_load[r] > 0)
        loads[n_loaded++] = self->role_load[r];
    }

  if (n_loaded >= 2)
    {
      /* A small insertion sort: there are few roles. */
      for (guint i = 1; i < n_loaded; i++)
        {
          guint v = loads[i];
          guint j = i;

          for (; j > 0 && loads[j - 1] > v; j--)
            loads[j] = loads[j - 1];
          loads[j] = v;
        }
      median = loads[(n_loaded - 1) / 2];

      for (guint r = 0; r < self->n_roles; r++)
        {
          guint load = self->role_load[r];

          if (load >= 2 * median && load >= median + 3)
            add_finding (self, TRELLIS_FINDING_ROLE_OVERLOADED, g_ptr_array_index (self->roles, r),
                         NULL, g_ptr_array_index (self->roles, r), NULL, load, (gint) median);
        }
    }
}

static void
compute_responsibilities (TrellisAnalysis *self)
{
  g_autofree gboolean *mandated = g_new (gboolean, MAX (1, self->n_people));
  g_autofree guint8 *say = g_new (guint8, MAX (1, self->n_people));
  g_autofree guint *say_role = g_new0 (guint, MAX (1, self->n_people));

  self->capable = g_new0 (guint, MAX (1, self->n_responsibilities));

  for (guint s = 0; s < self->n_responsibilities; s++)
    {
      TrellisEntity *rs = g_ptr_array_index (self->responsibilities, s);
      GArray *needs = trellis_entity_get_array (rs, TRELLIS_FIELD_NEEDS);
      GArray *assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);
      guint n_a = 0;
      guint n_r = 0;
      gboolean has_needs = needs != NULL && needs->len > 0;
      g_autofree Need *resolved = g_new (Need, MAX (1, needs != NULL ? needs->len : 0));
      guint n_resolved = resolve_needs (self, needs, resolved);

      memset (mandated, 0, sizeof (gboolean) * MAX (1, self->n_people));
      memset (say, TRELLIS_AUTHORITY_NONE, MAX (1, self->n_people));

      for (guint a = 0; assigns != NULL && a < assigns->len; a++)
        {
          const TrellisAssignment *as = &g_array_index (assigns, TrellisAssignment, a);
          gint r = index_of_id (self, as->role, TRELLIS_KIND_ROLE);
          TrellisEntity *role;
          GArray *members;

          if (r < 0)
            continue;
          role = g_ptr_array_index (self->roles, r);
          members = self->role_people[r];

          if (as->raci & TRELLIS_RACI_ACCOUNTABLE)
            n_a++;
          if (as->raci & TRELLIS_RACI_RESPONSIBLE)
            n_r++;

          if (!(as->raci & (TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE)))
            continue;

          if (as->authority == TRELLIS_AUTHORITY_NONE)
            add_finding (self, TRELLIS_FINDING_NO_AUTHORITY, rs, NULL, role, NULL, 0, TRELLIS_LEVEL_NONE);

          if (members->len == 0)
            add_finding (self, TRELLIS_FINDING_ROLE_EMPTY, rs, NULL, role, NULL, 0, TRELLIS_LEVEL_NONE);

          for (guint m = 0; m < members->len; m++)
            {
              guint p = g_array_index (members, guint, m);

              mandated[p] = TRUE;

              /* The role that gives the person the most say. */
              if (as->authority > say[p])
                {
                  say[p] = as->authority;
                  say_role[p] = (guint) r;
                }
            }
        }

      /* Mandate above ability: once per person and need, however many
       * of the person's roles decide on it. */
      for (guint p = 0; has_needs && p < self->n_people; p++)
        {
          if (say[p] < MANDATE_AUTHORITY)
            continue;

          for (guint i = 0; i < n_resolved; i++)
            {
              guint c = resolved[i].competency;
              const TrellisCell *cell = cell_at (self, p, c);

              if (cell->assessed != TRELLIS_LEVEL_NONE && cell->assessed < resolved[i].level)
                add_finding (self, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, rs,
                             g_ptr_array_index (self->people, p),
                             g_ptr_array_index (self->roles, say_role[p]),
                             g_ptr_array_index (self->competencies, c),
                             (guint) cell->assessed, resolved[i].level);
            }
        }

      if (n_a == 0 && n_r == 0)
        add_finding (self, TRELLIS_FINDING_UNASSIGNED, rs, NULL, NULL, NULL, 0, TRELLIS_LEVEL_NONE);
      else
        {
          if (n_a == 0)
            add_finding (self, TRELLIS_FINDING_NO_ACCOUNTABLE, rs, NULL, NULL, NULL, 0, TRELLIS_LEVEL_NONE);
          else if (n_a > 1)
            add_finding (self, TRELLIS_FINDING_SEVERAL_ACCOUNTABLE, rs, NULL, NULL, NULL, n_a, TRELLIS_LEVEL_NONE);
          if (n_r == 0)
            add_finding (self, TRELLIS_FINDING_NO_RESPONSIBLE, rs, NULL, NULL, NULL, 0, TRELLIS_LEVEL_NONE);
        }

      /* Who could carry it today, and who could but has no mandate. */
      for (guint p = 0; p < self->n_people; p++)
        {
          if (!has_needs)
            {
              self->capable[s]++;
              continue;
            }

          if (!person_meets_needs (self, p, resolved, n_resolved))
            continue;

          self->capable[s]++;
          if (!mandated[p])
            add_finding (self, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, rs,
                         g_ptr_array_index (self->people, p), NULL, NULL, 0, TRELLIS_LEVEL_NONE);
        }

      if (has_needs && self->capable[s] == 0)
        add_finding (self, TRELLIS_FINDING_NOBODY_CAPABLE, rs, NULL, NULL, NULL, 0, TRELLIS_LEVEL_NONE);
    }

  find_overloaded_roles (self);
}

/* Whether @id names an entity of @kind in the document. */
static gboolean
names_kind (TrellisDocument *doc,
            const char      *id,
            TrellisKind      kind)
{
  TrellisEntity *e = id != NULL ? trellis_document_lookup (doc, id) : NULL;

  return e != NULL && trellis_entity_get_kind (e) == kind;
}

static void
compute_chain (TrellisAnalysis *self)
{
  TrellisDocument *doc = self->document;
  guint n;

  n = trellis_document_get_n_items (doc, TRELLIS_KIND_INDICATOR);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *indicator = trellis_document_get_item (doc, TRELLIS_KIND_INDICATOR, i);
      const char *result = trellis_entity_get_string (indicator, TRELLIS_FIELD_RESULT);

      if (!names_kind (doc, result, TRELLIS_KIND_RESULT))
        {
          g_ptr_array_add (self->held, g_object_ref (indicator));
          add_finding (self, TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT, indicator,
                       NULL, NULL, NULL, 0, TRELLIS_LEVEL_NONE);
        }
    }

  n = trellis_document_get_n_items (doc, TRELLIS_KIND_RESULT);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *result = trellis_document_get_item (doc, TRELLIS_KIND_RESULT, i);
      const char **values = trellis_entity_get_strv (result, TRELLIS_FIELD_VALUES);
      gboolean serves = FALSE;

      for (guint v = 0; values != NULL && values[v] != NULL && !serves; v++)
        serves = names_kind (doc, values[v], TRELLIS_KIND_VALUE);

      if (!serves)
        {
          g_ptr_array_add (self->held, g_object_ref (result));
          add_finding (self, TRELLIS_FINDING_RESULT_WITHOUT_VALUE, result,
                       NULL, NULL, NULL, 0, TRELLIS_LEVEL_NONE);
        }
    }
}

/**
 * trellis_analysis_new_at:
 * @document: a #TrellisDocument
 * @until: look only at assessments dated on or before this date; 0 for all
 *
 * Computes the analysis of @document as it was on @until, for trends.
 * Later changes to the document do not change the analysis, and every
 * entity it gives out (list items, finding subjects) stays valid for as
 * long as the analysis lives, even once deleted from the document.
 *
 * Returns: (transfer full): a new #TrellisAnalysis
 */
TrellisAnalysis *
trellis_analysis_new_at (TrellisDocument *document,
                         TrellisDate      until)
{
  TrellisAnalysis *self;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  self = g_new0 (TrellisAnalysis, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->index_of = g_hash_table_new (NULL, NULL);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->findings = g_array_new (FALSE, FALSE, sizeof (TrellisFinding));

  self->people = snapshot_list (document, TRELLIS_KIND_PERSON, self->index_of);
  self->competencies = snapshot_list (document, TRELLIS_KIND_COMPETENCY, self->index_of);
  self->roles = snapshot_list (document, TRELLIS_KIND_ROLE, self->index_of);
  self->responsibilities = snapshot_list (document, TRELLIS_KIND_RESPONSIBILITY, self->index_of);
  self->n_people = self->people->len;
  self->n_competencies = self->competencies->len;
  self->n_roles = self->roles->len;
  self->n_responsibilities = self->responsibilities->len;
  self->role_load = g_new0 (guint, MAX (1, self->n_roles));

  /* Copied: the competencies stay the same objects, but their links to
   * values may change after this snapshot. */
  self->values_of = g_new0 (GStrv, MAX (1, self->n_competencies));
  for (guint c = 0; c < self->n_competencies; c++)
    self->values_of[c] = g_strdupv ((char **) trellis_entity_get_strv (g_ptr_array_index (self->competencies, c),
                                                                      TRELLIS_FIELD_VALUES));

  compute_role_requirements (self);
  compute_membership (self);
  compute_cells (self, until);
  compute_responsibilities (self);
  compute_coverage (self);
  compute_chain (self);

  return self;
}

/**
 * trellis_analysis_new:
 * @document: a #TrellisDocument
 *
 * Returns: (transfer full): the analysis of @document as it is now
 */
TrellisAnalysis *
trellis_analysis_new (TrellisDocument *document)
{
  return trellis_analysis_new_at (document, 0);
}

TrellisAnalysis *
trellis_analysis_ref (TrellisAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_analysis_unref (TrellisAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint r = 0; r < self->n_roles; r++)
    g_array_unref (self->role_people[r]);
  for (guint p = 0; p < self->n_people; p++)
    g_array_unref (self->person_roles[p]);
  g_free (self->role_people);
  g_free (self->person_roles);
  g_free (self->cells);
  g_free (self->role_required);
  g_free (self->role_load);
  g_free (self->capable);
  g_free (self->single_point);
  for (guint c = 0; c < self->n_competencies; c++)
    g_strfreev (self->values_of[c]);
  g_free (self->values_of);
  g_array_unref (self->findings);
  g_hash_table_unref (self->index_of);
  g_ptr_array_unref (self->people);
  g_ptr_array_unref (self->competencies);
  g_ptr_array_unref (self->roles);
  g_ptr_array_unref (self->responsibilities);
  g_ptr_array_unref (self->held);
  g_object_unref (self->document);
  g_free (self);
}

/**
 * trellis_analysis_get_document:
 * @self: a #TrellisAnalysis
 *
 * Returns: (transfer none): the document analysed
 */
TrellisDocument *
trellis_analysis_get_document (TrellisAnalysis *self)
{
  return self->document;
}

/**
 * trellis_analysis_get_latest_date:
 * @self: a #TrellisAnalysis
 *
 * Returns: the date of the newest assessment the analysis considered
 *   (on or before its date, for trellis_analysis_new_at()), or 0 when
 *   there is none: the date a picture of the matrix stands for
 */
TrellisDate
trellis_analysis_get_latest_date (TrellisAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->latest;
}

guint
trellis_analysis_get_n_people (TrellisAnalysis *self)
{
  return self->n_people;
}

guint
trellis_analysis_get_n_competencies (TrellisAnalysis *self)
{
  return self->n_competencies;
}

guint
trellis_analysis_get_n_roles (TrellisAnalysis *self)
{
  return self->n_roles;
}

guint
trellis_analysis_get_n_responsibilities (TrellisAnalysis *self)
{
  return self->n_responsibilities;
}

/**
 * trellis_analysis_get_index:
 * @self: a #TrellisAnalysis
 * @entity: a person, competency, role or responsibility
 *
 * Returns: the position of @entity in the analysis, or -1
 */
gint
trellis_analysis_get_index (TrellisAnalysis *self,
                            TrellisEntity   *entity)
{
  gpointer v = g_hash_table_lookup (self->index_of, entity);

  return v != NULL ? (gint) GPOINTER_TO_UINT (v) - 1 : -1;
}

const TrellisCell *
trellis_analysis_get_cell (TrellisAnalysis *self,
                           guint            person,
                           guint            competency)
{
  g_return_val_if_fail (person < self->n_people && competency < self->n_competencies, NULL);

  return cell_at (self, person, competency);
}

/**
 * trellis_analysis_get_state:
 * @self: a #TrellisAnalysis
 * @person: a person index
 * @competency: a competency index
 * @gap: (out) (optional): required − assessed, for %TRELLIS_CELL_GAP
 *
 * Returns: what the cell holds
 */
TrellisCellState
trellis_analysis_get_state (TrellisAnalysis *self,
                            guint            person,
                            guint            competency,
                            gint            *gap)
{
  const TrellisCell *cell = trellis_analysis_get_cell (self, person, competency);

  if (cell == NULL || cell->required == TRELLIS_LEVEL_NONE)
    return TRELLIS_CELL_NOT_REQUIRED;
  if (cell->assessed == TRELLIS_LEVEL_NONE)
    return TRELLIS_CELL_NOT_ASSESSED;

  if (gap != NULL)
    *gap = cell->required - cell->assessed;

  return TRELLIS_CELL_GAP;
}

gint
trellis_analysis_get_role_required (TrellisAnalysis *self,
                                    guint            role,
                                    guint            competency)
{
  g_return_val_if_fail (role < self->n_roles && competency < self->n_competencies, TRELLIS_LEVEL_NONE);

  return self->role_required[(gsize) role * self->n_competencies + competency];
}

gboolean
trellis_analysis_person_has_role (TrellisAnalysis *self,
                                  guint            person,
                                  guint            role)
{
  GArray *roles;

  g_return_val_if_fail (person < self->n_people, FALSE);

  roles = self->person_roles[person];
  for (guint i = 0; i < roles->len; i++)
    {
      if (g_array_index (roles, guint, i) == role)
        return TRUE;
    }

  return FALSE;
}

static void
aggregate_init (TrellisAggregate *out)
{
  memset (out, 0, sizeof *out);
  out->mean_gap = NAN;
}

static void
aggregate_add (TrellisAggregate *out,
               double           *sum,
               gint              required,
               const TrellisCell *cell)
{
  out->n_people++;
  if (cell->assessed == TRELLIS_LEVEL_NONE)
    return;

  out->n_assessed++;
  *sum += required - cell->assessed;
  if (cell->assessed >= required)
    out->n_meeting++;
}

static void
aggregate_finish (TrellisAggregate *out,
                  double            sum)
{
  out->mean_gap = out->n_assessed > 0 ? sum / out->n_assessed : NAN;
}

/**
 * trellis_analysis_aggregate_role:
 * @self: a #TrellisAnalysis
 * @role: a role index
 * @competency: a competency index
 * @out: (out caller-allocates): the aggregate
 *
 * The role's people on one competency, measured against what the role
 * requires.
 */
void
trellis_analysis_aggregate_role (TrellisAnalysis  *self,
                                 guint             role,
                                 guint             competency,
                                 TrellisAggregate *out)
{
  gint required;
  GArray *members;
  double sum = 0;

  aggregate_init (out);
  g_return_if_fail (role < self->n_roles && competency < self->n_competencies);

  required = trellis_analysis_get_role_required (self, role, competency);
  if (required == TRELLIS_LEVEL_NONE)
    return;

  members = self->role_people[role];
  for (guint i = 0; i < members->len; i++)
    aggregate_add (out, &sum, required, cell_at (self, g_array_index (members, guint, i), competency));

  aggregate_finish (out, sum);
}

void
trellis_analysis_aggregate_team (TrellisAnalysis  *self,
                                 guint             competency,
                                 TrellisAggregate *out)
{
  double sum = 0;

  aggregate_init (out);
  g_return_if_fail (competency < self->n_competencies);

  for (guint p = 0; p < self->n_people; p++)
    {
      const TrellisCell *cell = cell_at (self, p, competency);

      if (cell->required != TRELLIS_LEVEL_NONE)
        aggregate_add (out, &sum, cell->required, cell);
    }

  aggregate_finish (out, sum);
}

/**
 * trellis_analysis_aggregate_value:
 * @self: a #TrellisAnalysis
 * @value: a value of the document
 * @out: (out caller-allocates): the aggregate
 *
 * Every required cell of the competencies that expressed @value when the
 * analysis was made. n_people counts cells here, not people.
 */
void
trellis_analysis_aggregate_value (TrellisAnalysis  *self,
                                  TrellisValue     *value,
                                  TrellisAggregate *out)
{
  const char *id = trellis_entity_get_id (TRELLIS_ENTITY (value));
  double sum = 0;

  aggregate_init (out);

  for (guint c = 0; c < self->n_competencies; c++)
    {
      if (!trellis_strv_contains_id ((const char **) self->values_of[c], id))
        continue;

      for (guint p = 0; p < self->n_people; p++)
        {
          const TrellisCell *cell = cell_at (self, p, c);

          if (cell->required != TRELLIS_LEVEL_NONE)
            aggregate_add (out, &sum, cell->required, cell);
        }
    }

  aggregate_finish (out, sum);
}

void
trellis_analysis_aggregate_person (TrellisAnalysis  *self,
                                   guint             person,
                                   TrellisAggregate *out)
{
  double sum = 0;

  aggregate_init (out);
  g_return_if_fail (person < self->n_people);

  for (guint c = 0; c < self->n_competencies; c++)
    {
      const TrellisCell *cell = cell_at (self, person, c);

      if (cell->required != TRELLIS_LEVEL_NONE)
        aggregate_add (out, &sum, cell->required, cell);
    }

  aggregate_finish (out, sum);
}

/**
 * trellis_analysis_get_meeting:
 * @self: a #TrellisAnalysis
 * @role: a role index
 * @competency: a competency index
 * @level: a level
 *
 * Returns: how many of the role's people are assessed at @level or above
 */
guint
trellis_analysis_get_meeting (TrellisAnalysis *self,
                              guint            role,
                              guint            competency,
                              gint             level)
{
  GArray *members;
  guint n = 0;

  g_return_val_if_fail (role < self->n_roles && competency < self->n_competencies, 0);

  members = self->role_people[role];
  for (guint i = 0; i < members->len; i++)
    n += meets (cell_at (self, g_array_index (members, guint, i), competency), level);

  return n;
}

guint
trellis_analysis_get_capable (TrellisAnalysis *self,
                              guint            responsibility)
{
  g_return_val_if_fail (responsibility < self->n_responsibilities, 0);

  return self->capable[responsibility];
}

guint
trellis_analysis_get_role_load (TrellisAnalysis *self,
                                guint            role)
{
  g_return_val_if_fail (role < self->n_roles, 0);

  return self->role_load[role];
}

/**
 * trellis_analysis_is_single_point:
 * @self: a #TrellisAnalysis
 * @competency: a competency index
 * @person: (out) (optional): the one person who has it
 *
 * Returns: whether exactly one person reaches the highest level any role
 *   requires for @competency
 */
gboolean
trellis_analysis_is_single_point (TrellisAnalysis *self,
                                  guint            competency,
                                  guint           *person)
{
  g_return_val_if_fail (competency < self->n_competencies, FALSE);

  if (self->single_point[competency] < 0)
    return FALSE;

  if (person != NULL)
    *person = (guint) self->single_point[competency];

  return TRUE;
}

guint
trellis_analysis_get_n_findings (TrellisAnalysis *self)
{
  return self->findings->len;
}

const TrellisFinding *
trellis_analysis_get_finding (TrellisAnalysis *self,
                              guint            index)
{
  g_return_val_if_fail (index < self->findings->len, NULL);

  return &g_array_index (self->findings, TrellisFinding, index);
}

guint
trellis_analysis_count_findings (TrellisAnalysis    *self,
                                 TrellisFindingCode  code)
{
  guint n = 0;

  for (guint i = 0; i < self->findings->len; i++)
    n += g_array_index (self->findings, TrellisFinding, i).code == code;

  return n;
}

static gint
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const TrellisGapEntry *ga = a;
  const TrellisGapEntry *gb = b;

  if (ga->gap != gb->gap)
    return gb->gap - ga->gap;
  if (ga->person != gb->person)
    return ga->person < gb->person ? -1 : 1;
  return (ga->competency > gb->competency) - (ga->competency < gb->competency);
}

/**
 * trellis_analysis_largest_gaps:
 * @self: a #TrellisAnalysis
 * @max: how many to return at most
 *
 * Returns: (transfer full) (element-type TrellisGapEntry): the largest
 *   shortfalls, largest first
 */
GArray *
trellis_analysis_largest_gaps (TrellisAnalysis *self,
                               guint            max)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (TrellisGapEntry));

  for (guint p = 0; p < self->n_people; p++)
    {
      for (guint c = 0; c < self->n_competencies; c++)
        {
          gint gap;

          if (trellis_analysis_get_state (self, p, c, &gap) == TRELLIS_CELL_GAP && gap > 0)
            {
              TrellisGapEntry e = { p, c, gap };
              g_array_append_val (gaps, e);
            }
        }
    }

  g_array_sort (gaps, compare_gaps);
  if (gaps->len > max)
    g_array_set_size (gaps, max);

  return gaps;
}

/* Findings */

static const struct {
  const char      *code;
  TrellisSeverity  severity;
  const char      *title;
} finding_info[TRELLIS_N_FINDING_CODES] = {
  [TRELLIS_FINDING_NO_ACCOUNTABLE]           = { "no-accountable", TRELLIS_SEVERITY_PROBLEM, N_("No one accountable") },
  [TRELLIS_FINDING_SEVERAL_ACCOUNTABLE]      = { "several-accountable", TRELLIS_SEVERITY_PROBLEM, N_("More than one accountable") },
  [TRELLIS_FINDING_NO_RESPONSIBLE]           = { "no-responsible", TRELLIS_SEVERITY_PROBLEM, N_("No one responsible") },
  [TRELLIS_FINDING_NO_AUTHORITY]             = { "no-authority", TRELLIS_SEVERITY_WARNING, N_("Responsibility without authority") },
  [TRELLIS_FINDING_UNASSIGNED]               = { "unassigned", TRELLIS_SEVERITY_PROBLEM, N_("Nobody assigned") },
  [TRELLIS_FINDING_ROLE_EMPTY]               = { "role-empty", TRELLIS_SEVERITY_PROBLEM, N_("Role without people") },
  [TRELLIS_FINDING_ROLE_OVERLOADED]          = { "role-overloaded", TRELLIS_SEVERITY_WARNING, N_("Role carries far more than others") },
  [TRELLIS_FINDING_MANDATE_ABOVE_ABILITY]    = { "mandate-above-ability", TRELLIS_SEVERITY_WARNING, N_("Mandate above ability") },
  [TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE]  = { "ability-without-mandate", TRELLIS_SEVERITY_INFO, N_("Ability without mandate") },
  [TRELLIS_FINDING_NOBODY_CAPABLE]           = { "nobody-capable", TRELLIS_SEVERITY_PROBLEM, N_("Nobody can carry it today") },
  [TRELLIS_FINDING_SINGLE_POINT]             = { "single-point", TRELLIS_SEVERITY_WARNING, N_("Single point of knowledge") },
  [TRELLIS_FINDING_TARGET_MISSED]            = { "target-missed", TRELLIS_SEVERITY_WARNING, N_("Coverage target missed") },
  [TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT] = { "indicator-without-result", TRELLIS_SEVERITY_WARNING, N_("Indicator without result") },
  [TRELLIS_FINDING_RESULT_WITHOUT_VALUE]     = { "result-without-value", TRELLIS_SEVERITY_WARNING, N_("Result without value") },
};

/**
 * trellis_finding_code_to_string:
 * @code: a #TrellisFindingCode
 *
 * Returns: the stable, untranslated name of the rule, for scripts
 */
const char *
trellis_finding_code_to_string (TrellisFindingCode code)
{
  g_return_val_if_fail (code < TRELLIS_N_FINDING_CODES, NULL);
  return finding_info[code].code;
}

TrellisSeverity
trellis_finding_code_get_severity (TrellisFindingCode code)
{
  g_return_val_if_fail (code < TRELLIS_N_FINDING_CODES, TRELLIS_SEVERITY_INFO);
  return finding_info[code].severity;
}

const char *
trellis_finding_code_get_title (TrellisFindingCode code)
{
  g_return_val_if_fail (code < TRELLIS_N_FINDING_CODES, NULL);
  return _(finding_info[code].title);
}

static char *
label (TrellisEntity *entity,
       const char    *language)
{
  return entity != NULL ? trellis_entity_dup_label_in (entity, language) : g_strdup ("");
}

/**
 * trellis_finding_dup_message:
 * @finding: a #TrellisFinding
 *
 * Returns: (transfer full): a translated sentence saying what was found
 *   and what could be done
 */
char *
trellis_finding_dup_message (const TrellisFinding *finding)
{
  return trellis_finding_dup_message_in (finding, NULL);
}

/**
 * trellis_finding_dup_message_in:
 * @finding: a #TrellisFinding
 * @language: (nullable): the language of the matrix's texts to name its
 *   elements in (see trellis_entity_get_text()), %NULL for the original
 *
 * Returns: (transfer full): a translated sentence saying what was found
 *   and what could be done
 */
char *
trellis_finding_dup_message_in (const TrellisFinding *finding,
                                const char           *language)
{
  g_autofree char *subject = label (finding->subject, language);
  g_autofree char *person = label (finding->person, language);
  g_autofree char *role = label (finding->role, language);
  g_autofree char *competency = label (finding->competency, language);

  switch (finding->code)
    {
    case TRELLIS_FINDING_NO_ACCOUNTABLE:
      /* Translators: %s is a responsibility. */
      return g_strdup_printf (_("No role is accountable for ‘%s’. Agree which one role answers for it."), subject);

    case TRELLIS_FINDING_SEVERAL_ACCOUNTABLE:
      /* Translators: %u is a number of roles, %s a responsibility. */
      return g_strdup_printf (ngettext ("%u role is accountable for ‘%s’. Keep exactly one.",
                                        "%u roles are accountable for ‘%s’. Keep exactly one.",
                                        finding->count),
                              finding->count, subject);

    case TRELLIS_FINDING_NO_RESPONSIBLE:
      /* Translators: a finding on the Responsibility boundaries view and in the report; %s is a
       * responsibility, e.g. “Handle complaints”. */
      return g_strdup_printf (_("No role is responsible for doing ‘%s’. Agree who does the work."), subject);

    case TRELLIS_FINDING_NO_AUTHORITY:
      /* Translators: the first %s is a role, the second a responsibility. */
      return g_strdup_printf (_("‘%s’ carries ‘%s’ but no decision authority was agreed. Set a delegation level."),
                              role, subject);

    case TRELLIS_FINDING_UNASSIGNED:
      /* Translators: a finding on the Responsibility boundaries view and in the report; %s is a
       * responsibility, e.g. “Handle complaints”. */
      return g_strdup_printf (_("Nobody is responsible or accountable for ‘%s’. Assign it to a role."), subject);

    case TRELLIS_FINDING_ROLE_EMPTY:
      /* Translators: the first %s is a role, the second a responsibility. */
      return g_strdup_printf (_("Nobody holds the role ‘%s’, which carries ‘%s’. Give the role to someone or move the responsibility."),
                              role, subject);

    case TRELLIS_FINDING_ROLE_OVERLOADED:
      /* Translators: %s is a role; the numbers count responsibilities. */
      return g_strdup_printf (ngettext ("‘%s’ carries %u responsibility, against %d for a typical role. Consider sharing the load.",
                                        "‘%s’ carries %u responsibilities, against %d for a typical role. Consider sharing the load.",
                                        finding->count),
                              subject, finding->count, finding->level);

    case TRELLIS_FINDING_MANDATE_ABOVE_ABILITY:
      /* Translators: a person, a responsibility, a competency, two levels. */
      return g_strdup_printf (_("%s decides on ‘%s’ but is at level %u in ‘%s’, which needs %d. Plan support or development."),
                              person, subject, finding->count, competency, finding->level);

    case TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE:
      /* Translators: a person, then a responsibility. */
      return g_strdup_printf (_("%s has what ‘%s’ needs, but none of their roles carries it."), person, subject);

    case TRELLIS_FINDING_NOBODY_CAPABLE:
      /* Translators: a finding on the Responsibility boundaries view and in the report; %s is a
       * responsibility, e.g. “Handle complaints”. */
      return g_strdup_printf (_("Nobody reaches every level ‘%s’ needs today."), subject);

    case TRELLIS_FINDING_SINGLE_POINT:
      /* Translators: a competency, a person, a level. */
      return g_strdup_printf (_("Only %s reaches level %d in ‘%s’. Share the knowledge before it walks out of the door."),
                              person, finding->level, competency);

    case TRELLIS_FINDING_TARGET_MISSED:
      /* Translators: a role, a competency, a level, a count. */
      return g_strdup_printf (ngettext ("‘%s’ aims for people at level %d in ‘%s’; %u person reaches it.",
                                        "‘%s’ aims for people at level %d in ‘%s’; %u people reach it.",
                                        finding->count),
                              role, finding->level, competency, finding->count);

    case TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT:
      /* Translators: a finding in the report and the app's checks; %s is an indicator, e.g. “Customer
       * satisfaction”. */
      return g_strdup_printf (_("The indicator ‘%s’ monitors no result. Link it to the result it measures."), subject);

    case TRELLIS_FINDING_RESULT_WITHOUT_VALUE:
      /* Translators: a finding in the report and the app's checks; %s is a result, e.g. “Answered
       * within a day”. */
      return g_strdup_printf (_("The result ‘%s’ serves no value. Link it to the values it serves."), subject);

    case TRELLIS_N_FINDING_CODES:
    default:
      g_return_val_if_reached (NULL);
    }
}
