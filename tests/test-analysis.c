/* test-analysis.c: the analysis against expectations computed by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each expectation carries the hand computation next to it, so that a
 * reader can check it against the fixture in tests/data/analysis/ without
 * running anything. N stands for TRELLIS_LEVEL_NONE ("no level").
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-analysis.h"

#define N TRELLIS_LEVEL_NONE

/* Helpers */

static TrellisDocument *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "analysis", name, NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

static TrellisDate
date (const char *iso)
{
  TrellisDate out = 0;

  g_assert_true (trellis_date_parse (iso, strlen (iso), &out));
  return out;
}

/* The position of the entity with @id in the analysis. */
static guint
position (TrellisAnalysis *a,
          const char      *id)
{
  TrellisEntity *e = trellis_document_lookup (trellis_analysis_get_document (a), id);
  gint i;

  g_assert_nonnull (e);
  i = trellis_analysis_get_index (a, e);
  g_assert_cmpint (i, >=, 0);

  return (guint) i;
}

#define IX(id) position (a, id)

static void
assert_cell (TrellisAnalysis *a,
             const char      *person,
             const char      *competency,
             gint             required,
             gint             assessed)
{
  const TrellisCell *cell = trellis_analysis_get_cell (a, IX (person), IX (competency));

  g_assert_nonnull (cell);
  if (cell->required != required || cell->assessed != assessed)
    g_error ("%s × %s: expected required %d, assessed %d; got %d, %d",
             person, competency, required, assessed, cell->required, cell->assessed);
}

/* Checks the level that counts for @person on @competency and where it
 * came from. */
static void
assert_assessed (TrellisAnalysis *a,
                 const char      *person,
                 const char      *competency,
                 gint             assessed,
                 TrellisSource    source)
{
  const TrellisCell *cell = trellis_analysis_get_cell (a, IX (person), IX (competency));

  g_assert_cmpint (cell->assessed, ==, assessed);
  g_assert_cmpint (cell->source, ==, source);
}

/* Checks the state and, for a gap, its value. */
static void
assert_state (TrellisAnalysis  *a,
              const char       *person,
              const char       *competency,
              TrellisCellState  state,
              gint              gap)
{
  gint got = G_MININT;
  TrellisCellState s = trellis_analysis_get_state (a, IX (person), IX (competency), &got);

  if (s != state)
    g_error ("%s × %s: expected state %d, got %d", person, competency, state, s);
  if (state == TRELLIS_CELL_GAP)
    g_assert_cmpint (got, ==, gap);
  else
    g_assert_cmpint (got, ==, G_MININT);   /* never written: not a number */
}

static void
assert_aggregate (const TrellisAggregate *g,
                  guint                   n_people,
                  guint                   n_assessed,
                  guint                   n_meeting,
                  double                  mean_gap)
{
  g_assert_cmpuint (g->n_people, ==, n_people);
  g_assert_cmpuint (g->n_assessed, ==, n_assessed);
  g_assert_cmpuint (g->n_meeting, ==, n_meeting);
  if (isnan (mean_gap))
    g_assert_true (isnan (g->mean_gap));
  else
    g_assert_cmpfloat_with_epsilon (g->mean_gap, mean_gap, 1e-9);
}

static gboolean
entity_is (TrellisEntity *e,
           const char    *id)
{
  if (id == NULL)
    return e == NULL;
  return e != NULL && g_strcmp0 (trellis_entity_get_id (e), id) == 0;
}

/* How many findings of @code are about @subject (any when NULL) and
 * @person (any when NULL). */
static guint
count_about (TrellisAnalysis    *a,
             TrellisFindingCode  code,
             const char         *subject,
             const char         *person)
{
  guint n = 0;

  for (guint i = 0; i < trellis_analysis_get_n_findings (a); i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (a, i);

      if (f->code != code)
        continue;
      if (subject != NULL && !entity_is (f->subject, subject))
        continue;
      if (person != NULL && !entity_is (f->person, person))
        continue;
      n++;
    }

  return n;
}

static const TrellisFinding *
find_one (TrellisAnalysis    *a,
          TrellisFindingCode  code,
          const char         *subject,
          const char         *person)
{
  const TrellisFinding *found = NULL;

  g_assert_cmpuint (count_about (a, code, subject, person), ==, 1);

  for (guint i = 0; i < trellis_analysis_get_n_findings (a); i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (a, i);

      if (f->code == code &&
          (subject == NULL || entity_is (f->subject, subject)) &&
          (person == NULL || entity_is (f->person, person)))
        found = f;
    }

  return found;
}

static void
assert_message (const TrellisFinding *f,
                const char           *expected)
{
  g_autofree char *message = trellis_finding_dup_message (f);

  g_assert_cmpstr (message, ==, expected);
}

static void
assign (TrellisDocument  *doc,
        const char       *responsibility,
        const char       *role,
        TrellisRaci       raci,
        TrellisAuthority  authority)
{
  trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (trellis_document_lookup (doc, responsibility)),
                                   role, raci, authority);
}

static void
assess (TrellisDocument *doc,
        const char      *person,
        const char      *competency,
        gint             level,
        TrellisSource    source,
        const char      *iso_date)
{
  TrellisAssessment as = { competency, level, FALSE, source, date (iso_date), NULL, NULL };

  trellis_document_set_assessment (doc, TRELLIS_PERSON (trellis_document_lookup (doc, person)), &as);
}

/* Required levels: required.trellis
 *
 *   role   requires            R/A for (needs)                  C/I for
 *   ro-x   Alpha 2             rs-2 A (Gamma 4)                 –
 *   ro-y   Alpha 3, Beta 1     rs-4 RA (Alpha 1, Beta 2)        –
 *   ro-z   –                   rs-1 R (Beta 3, Gamma 2)         –
 *   ro-w   –                   –                                rs-1 C, rs-2 I, rs-3 CI (Delta 4)
 *
 *   Ada: ro-x   Bram: ro-x ro-y   Cas: ro-z   Dirk: ro-w (self-assessed
 *   Delta 2)    Eva: no role      Fien: ro-y ro-z
 */

static void
test_required_direct (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("required.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  g_assert_cmpuint (trellis_analysis_get_n_people (a), ==, 6);
  g_assert_cmpuint (trellis_analysis_get_n_competencies (a), ==, 4);
  g_assert_cmpuint (trellis_analysis_get_n_roles (a), ==, 4);
  g_assert_cmpuint (trellis_analysis_get_n_responsibilities (a), ==, 4);

  /* ro-x requires Alpha 2 directly and nothing through a responsibility
   * touches Alpha for ro-x: 2. */
  g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-x"), IX ("c-a")), ==, 2);
  /* Ada holds only ro-x: Alpha 2; Beta is required by no role of hers. */
  assert_cell (a, "p-ada", "c-a", 2, N);
  assert_cell (a, "p-ada", "c-b", N, N);
  g_assert_true (trellis_analysis_person_has_role (a, IX ("p-ada"), IX ("ro-x")));
  g_assert_false (trellis_analysis_person_has_role (a, IX ("p-ada"), IX ("ro-y")));
}

static void
test_required_responsible_or_accountable (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("required.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* Through R: ro-z is R for rs-1, which needs Beta 3 and Gamma 2. */
  g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-z"), IX ("c-b")), ==, 3);
  g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-z"), IX ("c-c")), ==, 2);
  assert_cell (a, "p-cas", "c-b", 3, N);
  assert_cell (a, "p-cas", "c-c", 2, N);
  assert_cell (a, "p-cas", "c-a", N, N);

  /* Through A alone: ro-x is A for rs-2, which needs Gamma 4. */
  g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-x"), IX ("c-c")), ==, 4);
  assert_cell (a, "p-ada", "c-c", 4, N);
}

static void
test_required_not_consulted_or_informed (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("required.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  g_autoptr(TrellisAnalysis) b = NULL;

  /* ro-w is C for rs-1 (Beta 3, Gamma 2), I for rs-2 (Gamma 4) and CI for
   * rs-3 (Delta 4): being consulted or informed requires nothing. */
  for (guint c = 0; c < 4; c++)
    g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-w"), c), ==, N);

  /* Dirk (ro-w) self-assessed Delta 2: assessed, yet not required. */
  assert_cell (a, "p-dirk", "c-d", N, 2);
  assert_state (a, "p-dirk", "c-d", TRELLIS_CELL_NOT_REQUIRED, 0);
  assert_cell (a, "p-dirk", "c-b", N, N);

  /* Turning ro-z's R on rs-1 into a C takes Beta and Gamma away from Cas,
   * whose only role is ro-z. */
  assign (doc, "rs-1", "ro-z", TRELLIS_RACI_CONSULTED, TRELLIS_AUTHORITY_ADVISE);
  b = trellis_analysis_new (doc);
  assert_cell (b, "p-cas", "c-b", N, N);
  assert_cell (b, "p-cas", "c-c", N, N);
  /* …and an I does not either. */
  assign (doc, "rs-1", "ro-z", TRELLIS_RACI_INFORMED, TRELLIS_AUTHORITY_ADVISE);
  g_clear_pointer (&b, trellis_analysis_unref);
  b = trellis_analysis_new (doc);
  assert_cell (b, "p-cas", "c-b", N, N);
}

static void
test_required_maximum (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("required.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* ro-y: Alpha = max (requires 3, rs-4 needs 1) = 3;
   *       Beta  = max (requires 1, rs-4 needs 2) = 2. */
  g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-y"), IX ("c-a")), ==, 3);
  g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-y"), IX ("c-b")), ==, 2);

  /* Bram (ro-x, ro-y):
   *   Alpha = max (ro-x 2, ro-y 3) = 3
   *   Beta  = ro-y 2                            (ro-x: none)
   *   Gamma = ro-x 4 through rs-2               (ro-y: none)
   *   Delta = none */
  assert_cell (a, "p-bram", "c-a", 3, N);
  assert_cell (a, "p-bram", "c-b", 2, N);
  assert_cell (a, "p-bram", "c-c", 4, N);
  assert_cell (a, "p-bram", "c-d", N, N);

  /* Fien (ro-y, ro-z):
   *   Alpha = ro-y 3
   *   Beta  = max (ro-y requires 1, ro-y via rs-4 2, ro-z via rs-1 3) = 3
   *   Gamma = ro-z via rs-1 2 */
  assert_cell (a, "p-fien", "c-a", 3, N);
  assert_cell (a, "p-fien", "c-b", 3, N);
  assert_cell (a, "p-fien", "c-c", 2, N);
  assert_cell (a, "p-fien", "c-d", N, N);
}

static void
test_required_none (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("required.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* Eva has no role: nothing is required of her, on any competency. */
  for (guint c = 0; c < trellis_analysis_get_n_competencies (a); c++)
    {
      const TrellisCell *cell = trellis_analysis_get_cell (a, IX ("p-eva"), c);

      g_assert_cmpint (cell->required, ==, N);
      g_assert_cmpint (cell->assessed, ==, N);
      g_assert_cmpint (trellis_analysis_get_state (a, IX ("p-eva"), c, NULL), ==, TRELLIS_CELL_NOT_REQUIRED);
    }

  /* Delta is needed only by rs-3, which nobody is R or A for: no role
   * requires it and no single point can exist on it. */
  for (guint r = 0; r < trellis_analysis_get_n_roles (a); r++)
    g_assert_cmpint (trellis_analysis_get_role_required (a, r, IX ("c-d")), ==, N);
  g_assert_false (trellis_analysis_is_single_point (a, IX ("c-d"), NULL));
}

/* Assessed levels: assessed.trellis. Every person holds ro-r, which
 * requires Kindness 3, so every Kindness cell is required. */

static void
test_assessed_agreed_wins (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("assessed.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* Agnes: agreed 2 (01-10), coach 3 (02-01), self 4 (03-01), peer 1
   * (04-01). The agreed level counts even though three later ones exist:
   * assessed 2, gap 3 − 2 = 1. */
  assert_assessed (a, "p-agnes", "c-k", 2, TRELLIS_SOURCE_AGREED);
  assert_state (a, "p-agnes", "c-k", TRELLIS_CELL_GAP, 1);

  /* Ruth: agreed 1 (01-01), agreed 3 (06-01), self 0 (07-01): the latest
   * agreed one, 3, not the later self 0. */
  assert_assessed (a, "p-ruth", "c-k", 3, TRELLIS_SOURCE_AGREED);
  assert_state (a, "p-ruth", "c-k", TRELLIS_CELL_GAP, 0);
}

static void
test_assessed_latest (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("assessed.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* Lars: self 1 (01-01), coach 2 (01-15), peer 3 (02-01), nothing
   * agreed: the latest, peer 3, whatever its source. */
  assert_assessed (a, "p-lars", "c-k", 3, TRELLIS_SOURCE_PEER);

  /* Sem: one self 3. */
  assert_assessed (a, "p-sem", "c-k", 3, TRELLIS_SOURCE_SELF);

  /* Noor: nothing: not assessed, and that is not a level. */
  g_assert_cmpint (trellis_analysis_get_cell (a, IX ("p-noor"), IX ("c-k"))->assessed, ==, N);
  assert_state (a, "p-noor", "c-k", TRELLIS_CELL_NOT_ASSESSED, 0);
}

static void
test_assessed_same_date (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("assessed.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* All on 2026-05-05; the order is agreed > coach > peer > self.
   * Tess: self 4, peer 3, coach 2 → coach 2. */
  assert_assessed (a, "p-tess", "c-k", 2, TRELLIS_SOURCE_COACH);

  /* Toon: self 4, agreed 1 → agreed 1. */
  assert_assessed (a, "p-toon", "c-k", 1, TRELLIS_SOURCE_AGREED);

  /* Pim: self 4, peer 2 → peer 2. */
  assert_assessed (a, "p-pim", "c-k", 2, TRELLIS_SOURCE_PEER);
}

#define BIT(s) (1u << (s))

static void
test_assessed_history_and_perspectives (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("assessed.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisCell *cell;

  /* Agnes: four assessments, one from each perspective. */
  cell = trellis_analysis_get_cell (a, IX ("p-agnes"), IX ("c-k"));
  g_assert_true (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, BIT (TRELLIS_SOURCE_SELF) | BIT (TRELLIS_SOURCE_PEER) |
                                            BIT (TRELLIS_SOURCE_COACH) | BIT (TRELLIS_SOURCE_AGREED));

  /* Lars: self, coach, peer. */
  cell = trellis_analysis_get_cell (a, IX ("p-lars"), IX ("c-k"));
  g_assert_true (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, BIT (TRELLIS_SOURCE_SELF) | BIT (TRELLIS_SOURCE_PEER) |
                                            BIT (TRELLIS_SOURCE_COACH));

  /* Ruth: agreed twice and self once: two perspectives, three records. */
  cell = trellis_analysis_get_cell (a, IX ("p-ruth"), IX ("c-k"));
  g_assert_true (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, BIT (TRELLIS_SOURCE_SELF) | BIT (TRELLIS_SOURCE_AGREED));

  /* Sem: one assessment on Kindness (history is per cell: the two on
   * Modelling do not count here). */
  cell = trellis_analysis_get_cell (a, IX ("p-sem"), IX ("c-k"));
  g_assert_false (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, BIT (TRELLIS_SOURCE_SELF));

  /* Sem on Modelling, which no role requires: self 1 and peer 2 on the
   * same day → peer 2, history, two perspectives; not required. */
  cell = trellis_analysis_get_cell (a, IX ("p-sem"), IX ("c-m"));
  g_assert_cmpint (cell->required, ==, N);
  g_assert_cmpint (cell->assessed, ==, 2);
  g_assert_cmpint (cell->source, ==, TRELLIS_SOURCE_PEER);
  g_assert_true (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, BIT (TRELLIS_SOURCE_SELF) | BIT (TRELLIS_SOURCE_PEER));
  assert_state (a, "p-sem", "c-m", TRELLIS_CELL_NOT_REQUIRED, 0);

  /* Noor: nothing at all. */
  cell = trellis_analysis_get_cell (a, IX ("p-noor"), IX ("c-k"));
  g_assert_false (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, 0);
}

static void
test_assessed_want (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("assessed.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  g_autoptr(TrellisAnalysis) jan = trellis_analysis_new_at (doc, date ("2026-01-31"));
  const TrellisCell *cell;

  /* Wim: self 2 want (01-01), then coach 3 without a mark (02-01). The
   * level is the coach's 3, the wish is still Wim's own. */
  cell = trellis_analysis_get_cell (a, IX ("p-wim"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 3);
  g_assert_cmpint (cell->source, ==, TRELLIS_SOURCE_COACH);
  g_assert_true (cell->want);

  /* Wil: self want (01-01), self without (03-01): Wil took it back. */
  cell = trellis_analysis_get_cell (a, IX ("p-wil"), IX ("c-k"));
  g_assert_false (cell->want);

  /* Wout: self want (01-01), agreed 3 without a mark (02-01): settled in
   * the talk, the later agreed assessment speaks. */
  cell = trellis_analysis_get_cell (a, IX ("p-wout"), IX ("c-k"));
  g_assert_false (cell->want);

  /* Wendy: agreed 2 (01-01), self want (02-01): level 2 from the agreed
   * one, the wish from her later self-assessment. */
  cell = trellis_analysis_get_cell (a, IX ("p-wendy"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 2);
  g_assert_cmpint (cell->source, ==, TRELLIS_SOURCE_AGREED);
  g_assert_true (cell->want);

  /* Kees: only a coach assessment marked want: not Kees's wish. */
  cell = trellis_analysis_get_cell (a, IX ("p-kees"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 2);
  g_assert_false (cell->want);

  /* Agnes never marked anything. */
  cell = trellis_analysis_get_cell (a, IX ("p-agnes"), IX ("c-k"));
  g_assert_false (cell->want);

  /* Until 01-31: Wil's and Wout's self want (01-01) are the latest of
   * their own; Wendy has only the agreed 2, without a mark. */
  cell = trellis_analysis_get_cell (jan, position (jan, "p-wil"), position (jan, "c-k"));
  g_assert_true (cell->want);
  cell = trellis_analysis_get_cell (jan, position (jan, "p-wout"), position (jan, "c-k"));
  g_assert_true (cell->want);
  cell = trellis_analysis_get_cell (jan, position (jan, "p-wendy"), position (jan, "c-k"));
  g_assert_false (cell->want);
}

static void
test_assessed_until (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("assessed.trellis");
  g_autoptr(TrellisAnalysis) jan = trellis_analysis_new_at (doc, date ("2026-01-31"));
  g_autoptr(TrellisAnalysis) mid = trellis_analysis_new_at (doc, date ("2026-01-15"));
  g_autoptr(TrellisAnalysis) before = trellis_analysis_new_at (doc, date ("2026-01-09"));
  TrellisAnalysis *a;
  const TrellisCell *cell;

  /* Until 2026-01-31. */
  a = jan;
  /* Agnes: only agreed 2 (01-10) is that old → 2, agreed, one record. */
  cell = trellis_analysis_get_cell (a, IX ("p-agnes"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 2);
  g_assert_cmpint (cell->source, ==, TRELLIS_SOURCE_AGREED);
  g_assert_false (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, BIT (TRELLIS_SOURCE_AGREED));
  /* Lars: self 1 (01-01) and coach 2 (01-15); peer 3 (02-01) is later →
   * coach 2, gap 3 − 2 = 1 (today: peer 3, gap 0). */
  cell = trellis_analysis_get_cell (a, IX ("p-lars"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 2);
  g_assert_cmpint (cell->source, ==, TRELLIS_SOURCE_COACH);
  g_assert_true (cell->history);
  g_assert_cmpuint (cell->perspectives, ==, BIT (TRELLIS_SOURCE_SELF) | BIT (TRELLIS_SOURCE_COACH));
  assert_state (a, "p-lars", "c-k", TRELLIS_CELL_GAP, 1);
  /* Ruth: only agreed 1 (01-01) → 1. */
  cell = trellis_analysis_get_cell (a, IX ("p-ruth"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 1);
  g_assert_false (cell->history);
  /* Tess: everything is dated 05-05 → not assessed yet. */
  assert_state (a, "p-tess", "c-k", TRELLIS_CELL_NOT_ASSESSED, 0);

  /* The day itself counts: until 01-15 still sees Lars's coach 2. */
  a = mid;
  cell = trellis_analysis_get_cell (a, IX ("p-lars"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 2);
  g_assert_cmpint (cell->source, ==, TRELLIS_SOURCE_COACH);

  /* Until 01-09: Agnes's agreed 2 is dated 01-10 → not assessed; Lars
   * has only self 1. */
  a = before;
  assert_state (a, "p-agnes", "c-k", TRELLIS_CELL_NOT_ASSESSED, 0);
  cell = trellis_analysis_get_cell (a, IX ("p-agnes"), IX ("c-k"));
  g_assert_cmpuint (cell->perspectives, ==, 0);
  cell = trellis_analysis_get_cell (a, IX ("p-lars"), IX ("c-k"));
  g_assert_cmpint (cell->assessed, ==, 1);
  g_assert_cmpint (cell->source, ==, TRELLIS_SOURCE_SELF);

  /* 0 means "every assessment", like trellis_analysis_new(). */
  {
    g_autoptr(TrellisAnalysis) all = trellis_analysis_new_at (doc, 0);
    a = all;
    cell = trellis_analysis_get_cell (a, IX ("p-lars"), IX ("c-k"));
    g_assert_cmpint (cell->assessed, ==, 3);
  }
}

/* Gaps and aggregates: team.trellis
 *
 *   ro-agent requires Listening 3, Product 2
 *   ro-planner requires Product 4, Planning 1
 *   values: Listening → Care; Product → Care, Ownership; Planning →
 *   Ownership; Courage has no competency.
 *
 *   person (index)   roles           Listening  Product  Planning   (assessed)
 *   Anna  (0)        agent           1 agreed   0 self   –
 *   Ben   (1)        agent           4 self     –        –
 *   Carla (2)        planner         2 self     1 coach  3 self
 *   Daan  (3)        agent planner   –          2 peer   –
 *   Emma  (4)        planner         –          –        –
 *   Finn  (5)        –               3 self     –        –
 *
 *   cells (required, assessed → state/gap):
 *   Anna   L (3,1) gap 2      P (2,0) gap 2      Pl not required
 *   Ben    L (3,4) gap −1     P (2,–) not ass.   Pl not required
 *   Carla  L (–,2) not req.   P (4,1) gap 3      Pl (1,3) gap −2
 *   Daan   L (3,–) not ass.   P (4,2) gap 2      Pl (1,–) not ass.
 *   Emma   L not required     P (4,–) not ass.   Pl (1,–) not ass.
 *   Finn   L (–,3) not req.   P not required     Pl not required
 */

static void
test_gap_states (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  assert_state (a, "p-anna", "c-listen", TRELLIS_CELL_GAP, 2);           /* 3 − 1 */
  assert_state (a, "p-anna", "c-product", TRELLIS_CELL_GAP, 2);          /* 2 − 0: level 0 is a level */
  assert_state (a, "p-anna", "c-plan", TRELLIS_CELL_NOT_REQUIRED, 0);
  assert_state (a, "p-ben", "c-listen", TRELLIS_CELL_GAP, -1);           /* 3 − 4 */
  assert_state (a, "p-ben", "c-product", TRELLIS_CELL_NOT_ASSESSED, 0);
  assert_state (a, "p-carla", "c-listen", TRELLIS_CELL_NOT_REQUIRED, 0); /* assessed 2, not required */
  assert_state (a, "p-carla", "c-product", TRELLIS_CELL_GAP, 3);         /* 4 − 1 */
  assert_state (a, "p-carla", "c-plan", TRELLIS_CELL_GAP, -2);           /* 1 − 3 */
  assert_state (a, "p-daan", "c-listen", TRELLIS_CELL_NOT_ASSESSED, 0);
  assert_state (a, "p-daan", "c-product", TRELLIS_CELL_GAP, 2);          /* max (2, 4) − 2 */
  assert_state (a, "p-daan", "c-plan", TRELLIS_CELL_NOT_ASSESSED, 0);
  assert_state (a, "p-emma", "c-listen", TRELLIS_CELL_NOT_REQUIRED, 0);
  assert_state (a, "p-emma", "c-product", TRELLIS_CELL_NOT_ASSESSED, 0);
  assert_state (a, "p-emma", "c-plan", TRELLIS_CELL_NOT_ASSESSED, 0);
  assert_state (a, "p-finn", "c-listen", TRELLIS_CELL_NOT_REQUIRED, 0);
  assert_state (a, "p-finn", "c-product", TRELLIS_CELL_NOT_REQUIRED, 0);

  /* "Not required" and "not assessed" keep no number in the cell. */
  assert_cell (a, "p-carla", "c-listen", N, 2);
  assert_cell (a, "p-daan", "c-listen", 3, N);
  assert_cell (a, "p-finn", "c-plan", N, N);
}

static void
test_gap_largest (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  g_autoptr(GArray) all = trellis_analysis_largest_gaps (a, 10);
  g_autoptr(GArray) two = trellis_analysis_largest_gaps (a, 2);
  g_autoptr(GArray) three = trellis_analysis_largest_gaps (a, 3);
  g_autoptr(GArray) four = trellis_analysis_largest_gaps (a, 4);
  g_autoptr(GArray) none = trellis_analysis_largest_gaps (a, 0);
  /* Positive gaps only (−1, −2, 0 and "not assessed" are no shortfall):
   * Carla×Product 3, Anna×Listening 2, Anna×Product 2, Daan×Product 2.
   * Largest first; equal gaps by person, then by competency position. */
  const TrellisGapEntry expected[] = {
    { 2, 1, 3 },   /* Carla, Product */
    { 0, 0, 2 },   /* Anna, Listening */
    { 0, 1, 2 },   /* Anna, Product */
    { 3, 1, 2 },   /* Daan, Product */
  };

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < all->len; i++)
    {
      const TrellisGapEntry *e = &g_array_index (all, TrellisGapEntry, i);

      g_assert_cmpuint (e->person, ==, expected[i].person);
      g_assert_cmpuint (e->competency, ==, expected[i].competency);
      g_assert_cmpint (e->gap, ==, expected[i].gap);
    }

  /* The limit keeps the largest. */
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpuint (g_array_index (two, TrellisGapEntry, 0).person, ==, 2);
  g_assert_cmpuint (g_array_index (two, TrellisGapEntry, 1).person, ==, 0);
  g_assert_cmpuint (g_array_index (two, TrellisGapEntry, 1).competency, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
  /* One fewer than there are: the last one (Daan) goes. */
  g_assert_cmpuint (three->len, ==, 3);
  g_assert_cmpuint (g_array_index (three, TrellisGapEntry, 2).person, ==, 0);
  g_assert_cmpuint (g_array_index (three, TrellisGapEntry, 2).competency, ==, 1);
  g_assert_cmpuint (four->len, ==, 4);
}

static void
test_aggregate_role (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  TrellisAggregate g;

  /* Agent × Listening (role requires 3): Anna 1, Ben 4, Daan –.
   * 3 people, 2 assessed, 1 meets (Ben), mean gap ((3−1) + (3−4)) / 2 = 0.5 */
  trellis_analysis_aggregate_role (a, IX ("ro-agent"), IX ("c-listen"), &g);
  assert_aggregate (&g, 3, 2, 1, 0.5);

  /* Agent × Product (role requires 2): Anna 0, Ben –, Daan 2. Daan is
   * measured against the role's 2, not his own 4 (from Planner):
   * 3 people, 2 assessed, 1 meets (Daan), mean ((2−0) + (2−2)) / 2 = 1 */
  trellis_analysis_aggregate_role (a, IX ("ro-agent"), IX ("c-product"), &g);
  assert_aggregate (&g, 3, 2, 1, 1.0);

  /* Agent × Planning: the role does not require it → nobody counted. */
  trellis_analysis_aggregate_role (a, IX ("ro-agent"), IX ("c-plan"), &g);
  assert_aggregate (&g, 0, 0, 0, NAN);

  /* Planner × Product (4): Carla 1, Daan 2, Emma –:
   * 3, 2 assessed, 0 meet, mean ((4−1) + (4−2)) / 2 = 2.5 */
  trellis_analysis_aggregate_role (a, IX ("ro-planner"), IX ("c-product"), &g);
  assert_aggregate (&g, 3, 2, 0, 2.5);

  /* Planner × Planning (1): Carla 3, Daan –, Emma –:
   * 3, 1 assessed, 1 meets, mean (1−3) / 1 = −2 */
  trellis_analysis_aggregate_role (a, IX ("ro-planner"), IX ("c-plan"), &g);
  assert_aggregate (&g, 3, 1, 1, -2.0);
}

static void
test_aggregate_team (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  TrellisAggregate g;

  /* Listening, required of Anna (3), Ben (3), Daan (3); Carla and Finn
   * are assessed but not required, so they do not count:
   * 3, 2 assessed, 1 meets (Ben), mean (2 + −1) / 2 = 0.5 */
  trellis_analysis_aggregate_team (a, IX ("c-listen"), &g);
  assert_aggregate (&g, 3, 2, 1, 0.5);

  /* Product, required of Anna (2), Ben (2), Carla (4), Daan (4), Emma (4),
   * against each person's own requirement: gaps Anna 2, Carla 3, Daan 2:
   * 5, 3 assessed, 0 meet, mean 7 / 3 */
  trellis_analysis_aggregate_team (a, IX ("c-product"), &g);
  assert_aggregate (&g, 5, 3, 0, 7.0 / 3.0);

  /* Planning, required of Carla, Daan, Emma (1): Carla −2:
   * 3, 1, 1, −2 */
  trellis_analysis_aggregate_team (a, IX ("c-plan"), &g);
  assert_aggregate (&g, 3, 1, 1, -2.0);
}

static void
test_aggregate_value (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  TrellisAggregate g;

  /* Care = Listening + Product; n counts required cells:
   *   Listening: 3 cells, 2 assessed, 1 meets, gap sum 2 − 1 = 1
   *   Product:   5 cells, 3 assessed, 0 meet,  gap sum 2 + 3 + 2 = 7
   *   → 8 cells, 5 assessed, 1 meets, mean (1 + 7) / 5 = 1.6 */
  trellis_analysis_aggregate_value (a, TRELLIS_VALUE (trellis_document_lookup (doc, "v-care")), &g);
  assert_aggregate (&g, 8, 5, 1, 1.6);

  /* Ownership = Product + Planning:
   *   Product:  5, 3, 0, sum 7
   *   Planning: 3, 1, 1, sum −2
   *   → 8, 4, 1, mean 5 / 4 = 1.25 */
  trellis_analysis_aggregate_value (a, TRELLIS_VALUE (trellis_document_lookup (doc, "v-own")), &g);
  assert_aggregate (&g, 8, 4, 1, 1.25);

  /* Courage has no competency: nothing, and the mean is no number. */
  trellis_analysis_aggregate_value (a, TRELLIS_VALUE (trellis_document_lookup (doc, "v-courage")), &g);
  assert_aggregate (&g, 0, 0, 0, NAN);
}

static void
test_aggregate_person (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  TrellisAggregate g;

  /* Anna: Listening gap 2, Product gap 2 → 2, 2, 0, mean 2 */
  trellis_analysis_aggregate_person (a, IX ("p-anna"), &g);
  assert_aggregate (&g, 2, 2, 0, 2.0);
  /* Ben: Listening −1, Product not assessed → 2, 1, 1, −1 */
  trellis_analysis_aggregate_person (a, IX ("p-ben"), &g);
  assert_aggregate (&g, 2, 1, 1, -1.0);
  /* Carla: Product 3, Planning −2 (Listening not required) → 2, 2, 1, 0.5 */
  trellis_analysis_aggregate_person (a, IX ("p-carla"), &g);
  assert_aggregate (&g, 2, 2, 1, 0.5);
  /* Daan: Listening –, Product 2, Planning – → 3, 1, 0, 2 */
  trellis_analysis_aggregate_person (a, IX ("p-daan"), &g);
  assert_aggregate (&g, 3, 1, 0, 2.0);
  /* Emma: Product –, Planning – → 2, 0, 0, no mean */
  trellis_analysis_aggregate_person (a, IX ("p-emma"), &g);
  assert_aggregate (&g, 2, 0, 0, NAN);
  /* Finn: nothing required → 0, 0, 0, no mean */
  trellis_analysis_aggregate_person (a, IX ("p-finn"), &g);
  assert_aggregate (&g, 0, 0, 0, NAN);
}

/* Coverage: team.trellis again. */

static void
test_coverage_meeting (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* Agent × Listening: Anna 1, Ben 4, Daan –. */
  g_assert_cmpuint (trellis_analysis_get_meeting (a, IX ("ro-agent"), IX ("c-listen"), 3), ==, 1); /* Ben */
  g_assert_cmpuint (trellis_analysis_get_meeting (a, IX ("ro-agent"), IX ("c-listen"), 1), ==, 2); /* Anna, Ben */
  g_assert_cmpuint (trellis_analysis_get_meeting (a, IX ("ro-agent"), IX ("c-listen"), 4), ==, 1); /* Ben */
  /* Only the role's people count: Finn (3, no role) is not an agent. */
  g_assert_cmpuint (trellis_analysis_get_meeting (a, IX ("ro-agent"), IX ("c-listen"), 2), ==, 1);
  /* Planner × Planning at level 0: Carla 3; Daan and Emma are not
   * assessed, and "not assessed" never counts as 0. */
  g_assert_cmpuint (trellis_analysis_get_meeting (a, IX ("ro-planner"), IX ("c-plan"), 0), ==, 1);
}

static void
test_coverage_targets (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Agent aims for 2 people at Listening 3: only Ben → missed, count 1. */
  f = find_one (a, TRELLIS_FINDING_TARGET_MISSED, "ro-agent", NULL);
  g_assert_true (entity_is (f->role, "ro-agent"));
  g_assert_true (entity_is (f->competency, "c-listen"));
  g_assert_cmpuint (f->count, ==, 1);
  g_assert_cmpint (f->level, ==, 3);
  assert_message (f, "‘Agent’ aims for people at level 3 in ‘Listening’; 1 person reaches it.");

  /* Agent aims for 2 people at Product 0: Anna (0) and Daan (2) → met,
   * exactly. Planner aims for 1 at Planning 1: Carla → met. So the one
   * above is the only one. */
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_TARGET_MISSED), ==, 1);

  /* Raising the Product target to 3 people misses it with 2. */
  trellis_document_set_target (doc, TRELLIS_ROLE (trellis_document_lookup (doc, "ro-agent")), "c-product", 0, 3);
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    g_assert_cmpuint (trellis_analysis_count_findings (b, TRELLIS_FINDING_TARGET_MISSED), ==, 2);
    for (guint i = 0; i < trellis_analysis_get_n_findings (b); i++)
      {
        f = trellis_analysis_get_finding (b, i);
        if (f->code == TRELLIS_FINDING_TARGET_MISSED && entity_is (f->competency, "c-product"))
          {
            g_assert_cmpuint (f->count, ==, 2);
            g_assert_cmpint (f->level, ==, 0);
            assert_message (f, "‘Agent’ aims for people at level 0 in ‘Product’; 2 people reach it.");
          }
      }
  }
}

static void
test_coverage_single_point (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;
  guint who = G_MAXUINT;

  /* Planning: the highest level any role requires is 1 (Planner). Who is
   * at 1 or above? Carla (3) only → single point, Carla. */
  g_assert_true (trellis_analysis_is_single_point (a, IX ("c-plan"), &who));
  g_assert_cmpuint (who, ==, IX ("p-carla"));
  f = find_one (a, TRELLIS_FINDING_SINGLE_POINT, "c-plan", "p-carla");
  g_assert_true (entity_is (f->competency, "c-plan"));
  g_assert_cmpint (f->level, ==, 1);
  assert_message (f, "Only Carla reaches level 1 in ‘Planning’. Share the knowledge before it walks out of the door.");

  /* Listening: highest 3 (Agent). Ben (4) and Finn (3, who has no role:
   * knowledge counts wherever it is) → two people, no single point. */
  g_assert_false (trellis_analysis_is_single_point (a, IX ("c-listen"), NULL));

  /* Product: highest 4 (Planner). Nobody is at 4 (Anna 0, Carla 1,
   * Daan 2) → no single point: that is a gap, not a risk of losing it. */
  g_assert_false (trellis_analysis_is_single_point (a, IX ("c-product"), NULL));

  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_SINGLE_POINT), ==, 1);

  /* A second person at Planning 1 ends the single point. */
  assess (doc, "p-emma", "c-plan", 1, TRELLIS_SOURCE_SELF, "2026-03-02");
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    g_assert_false (trellis_analysis_is_single_point (b, IX ("c-plan"), NULL));
    g_assert_cmpuint (trellis_analysis_count_findings (b, TRELLIS_FINDING_SINGLE_POINT), ==, 0);
  }
}

/* Responsibilities: responsibilities.trellis
 *
 *   Lea: Lead     Ann, Bob: Agent     Cat: Specialist     Dan: Observer
 *   Eve: no role  Ghost: nobody
 *
 *   assessed      Negotiation  Safety
 *   Lea           3            –
 *   Ann           2            4
 *   Bob           1            –
 *   Cat           2            1
 *   Dan           3            4
 *   Eve           2            2
 *
 *   responsibility   needs          assignments
 *   Refunds          Neg 2          Agent R advise, Lead A delegate
 *   Rosters          –              Agent R consult
 *   Budget           –              Lead A agree, Specialist A tell, Agent RA inquire
 *   Hiring           –              Lead A delegate
 *   Audits           Saf 1          Observer CI
 *   Archive          –              (none)
 *   Tooling          –              Specialist R (no authority), Lead A delegate, Observer C
 *   Events           –              Ghost RA advise
 *   Inspections      Saf 3          Specialist RA consult
 *   Incidents        Saf 3, Neg 1   Specialist RA advise
 *   Drills           Saf 2          Lead RA delegate
 *   Contracts        Neg 4          Agent R tell, Lead A sell
 */

static void
test_capacity (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* Everyone who reaches every level it needs, whatever their role. */
  /* Refunds, Neg ≥ 2: Lea 3, Ann 2, Cat 2, Dan 3, Eve 2 (not Bob 1) → 5 */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-ok")), ==, 5);
  /* Audits, Saf ≥ 1: Ann 4, Cat 1, Dan 4, Eve 2 (Lea, Bob not assessed) → 4 */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-unas")), ==, 4);
  /* Inspections, Saf ≥ 3: Ann, Dan → 2 */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-consult")), ==, 2);
  /* Incidents, Saf ≥ 3 and Neg ≥ 1: Ann (4, 2), Dan (4, 3) → 2 */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-mandate")), ==, 2);
  /* Drills, Saf ≥ 2: Ann, Dan, Eve → 3 */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-unknown")), ==, 3);
  /* Contracts, Neg ≥ 4: nobody (Lea and Dan are at 3) → 0 */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-hard")), ==, 0);
  /* A responsibility that needs nothing can be carried by all 6. */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-none")), ==, 6);
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-noa")), ==, 6);
}

static void
test_capacity_nobody (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Contracts is the only one with needs and nobody capable. */
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_NOBODY_CAPABLE), ==, 1);
  f = find_one (a, TRELLIS_FINDING_NOBODY_CAPABLE, "rs-hard", NULL);
  assert_message (f, "Nobody reaches every level ‘Contracts’ needs today.");

  /* Dan reaching Negotiation 4 makes one capable person. */
  assess (doc, "p-dan", "c-x", 4, TRELLIS_SOURCE_AGREED, "2026-03-02");
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    g_assert_cmpuint (trellis_analysis_get_capable (b, IX ("rs-hard")), ==, 1);
    g_assert_cmpuint (trellis_analysis_count_findings (b, TRELLIS_FINDING_NOBODY_CAPABLE), ==, 0);
  }
}

static void
test_rule_accountable (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Rosters: Agent R only → no accountable. */
  f = find_one (a, TRELLIS_FINDING_NO_ACCOUNTABLE, "rs-noa", NULL);
  assert_message (f, "No role is accountable for ‘Rosters’. Agree which one role answers for it.");
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_NO_ACCOUNTABLE), ==, 1);

  /* Budget: Lead A, Specialist A, Agent RA → 3 accountable (the A in RA
   * counts). */
  f = find_one (a, TRELLIS_FINDING_SEVERAL_ACCOUNTABLE, "rs-twoa", NULL);
  g_assert_cmpuint (f->count, ==, 3);
  assert_message (f, "3 roles are accountable for ‘Budget’. Keep exactly one.");
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_SEVERAL_ACCOUNTABLE), ==, 1);

  /* Dropping the Specialist leaves two: the count follows. */
  assign (doc, "rs-twoa", "ro-spec", TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE);
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    f = find_one (b, TRELLIS_FINDING_SEVERAL_ACCOUNTABLE, "rs-twoa", NULL);
    g_assert_cmpuint (f->count, ==, 2);
    assert_message (f, "2 roles are accountable for ‘Budget’. Keep exactly one.");
  }

  /* One accountable: nothing to say. */
  assign (doc, "rs-twoa", "ro-lead", TRELLIS_RACI_CONSULTED, TRELLIS_AUTHORITY_AGREE);
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    g_assert_cmpuint (count_about (b, TRELLIS_FINDING_SEVERAL_ACCOUNTABLE, "rs-twoa", NULL), ==, 0);
    g_assert_cmpuint (count_about (b, TRELLIS_FINDING_NO_ACCOUNTABLE, "rs-twoa", NULL), ==, 0);
  }
}

static void
test_rule_responsible (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Hiring: Lead A only → no responsible (but an accountable, so no
   * no-accountable). */
  f = find_one (a, TRELLIS_FINDING_NO_RESPONSIBLE, "rs-nor", NULL);
  assert_message (f, "No role is responsible for doing ‘Hiring’. Agree who does the work.");
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_NO_ACCOUNTABLE, "rs-nor", NULL), ==, 0);
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_NO_RESPONSIBLE), ==, 1);
}

static void
test_rule_unassigned (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Audits: only Observer CI. Archive: nobody at all. Both unassigned,
   * and then neither no-accountable nor no-responsible is added. */
  f = find_one (a, TRELLIS_FINDING_UNASSIGNED, "rs-unas", NULL);
  assert_message (f, "Nobody is responsible or accountable for ‘Audits’. Assign it to a role.");
  find_one (a, TRELLIS_FINDING_UNASSIGNED, "rs-none", NULL);
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_UNASSIGNED), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? "rs-unas" : "rs-none";

      g_assert_cmpuint (count_about (a, TRELLIS_FINDING_NO_ACCOUNTABLE, id, NULL), ==, 0);
      g_assert_cmpuint (count_about (a, TRELLIS_FINDING_NO_RESPONSIBLE, id, NULL), ==, 0);
    }
}

static void
test_rule_no_authority (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Tooling: Specialist R without authority → finding; Observer C
   * without authority → none (consulted roles decide nothing). */
  f = find_one (a, TRELLIS_FINDING_NO_AUTHORITY, "rs-noauth", NULL);
  g_assert_true (entity_is (f->role, "ro-spec"));
  assert_message (f, "‘Specialist’ carries ‘Tooling’ but no decision authority was agreed. Set a delegation level.");
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_NO_AUTHORITY), ==, 1);

  /* An A without authority too. */
  assign (doc, "rs-noauth", "ro-lead", TRELLIS_RACI_ACCOUNTABLE, TRELLIS_AUTHORITY_NONE);
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    g_assert_cmpuint (count_about (b, TRELLIS_FINDING_NO_AUTHORITY, "rs-noauth", NULL), ==, 2);
  }

  /* Even the lowest level, tell, is an agreed level. */
  assign (doc, "rs-noauth", "ro-lead", TRELLIS_RACI_ACCOUNTABLE, TRELLIS_AUTHORITY_TELL);
  assign (doc, "rs-noauth", "ro-spec", TRELLIS_RACI_RESPONSIBLE, TRELLIS_AUTHORITY_TELL);
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    g_assert_cmpuint (trellis_analysis_count_findings (b, TRELLIS_FINDING_NO_AUTHORITY), ==, 0);
  }
}

static void
test_rule_role_empty (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Ghost is RA for Events and nobody holds it. */
  f = find_one (a, TRELLIS_FINDING_ROLE_EMPTY, "rs-ghost", NULL);
  g_assert_true (entity_is (f->role, "ro-ghost"));
  assert_message (f, "Nobody holds the role ‘Ghost’, which carries ‘Events’. Give the role to someone or move the responsibility.");
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_ROLE_EMPTY), ==, 1);

  /* Giving Ghost to Eve ends it. */
  {
    const char *roles[] = { "ro-ghost", NULL };
    g_autoptr(TrellisAnalysis) b = NULL;

    trellis_document_set_strv (doc, trellis_document_lookup (doc, "p-eve"), TRELLIS_FIELD_ROLES, roles);
    b = trellis_analysis_new (doc);
    g_assert_cmpuint (trellis_analysis_count_findings (b, TRELLIS_FINDING_ROLE_EMPTY), ==, 0);
  }
}

static void
test_rule_counts (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* The whole list, counted by hand from the table above:
   *   mandate-above-ability   2  (Bob × Refunds × Neg, Cat × Incidents × Saf)
   *   ability-without-mandate 14 (Refunds 3, Audits 4, Inspections 2,
   *                               Incidents 2, Drills 3)
   *   no-accountable 1, several-accountable 1, no-responsible 1,
   *   unassigned 2, no-authority 1, role-empty 1, nobody-capable 1
   *   single-point 0: Negotiation's highest requirement is 4 (Agent and
   *     Lead through Contracts) and nobody is at 4; Safety's is 3
   *     (Specialist) and Ann and Dan are at 4.
   *   role-overloaded 0: loads Lead 6, Agent 4, Specialist 4, Ghost 1
   *     (Observer 0 is left out); median of 1 4 4 6 is 4; 6 < 2 × 4.
   *   → 24 */
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY), ==, 2);
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE), ==, 14);
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_SINGLE_POINT), ==, 0);
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_ROLE_OVERLOADED), ==, 0);
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_TARGET_MISSED), ==, 0);
  g_assert_cmpuint (trellis_analysis_get_n_findings (a), ==, 24);

  g_assert_cmpuint (trellis_analysis_get_role_load (a, IX ("ro-lead")), ==, 6);
  g_assert_cmpuint (trellis_analysis_get_role_load (a, IX ("ro-agent")), ==, 4);
  g_assert_cmpuint (trellis_analysis_get_role_load (a, IX ("ro-spec")), ==, 4);
  g_assert_cmpuint (trellis_analysis_get_role_load (a, IX ("ro-ghost")), ==, 1);
  g_assert_cmpuint (trellis_analysis_get_role_load (a, IX ("ro-obs")), ==, 0);
}

/* Role load: documents built with the API, one role per entry of @loads,
 * each R and A (authority delegate) for that many responsibilities of its
 * own. Returns how many roles are found overloaded; *first is the index
 * of the first. */
static guint
overloaded (const guint *loads,
            guint        n_roles,
            gint        *first,
            gint        *median)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(TrellisAnalysis) a = NULL;
  guint n = 0;

  for (guint r = 0; r < n_roles; r++)
    {
      g_autofree char *name = g_strdup_printf ("Role %u", r);
      TrellisEntity *role = trellis_document_create (doc, TRELLIS_KIND_ROLE, name, -1);

      for (guint i = 0; i < loads[r]; i++)
        {
          g_autofree char *work = g_strdup_printf ("Work %u.%u", r, i);
          TrellisEntity *rs = trellis_document_create (doc, TRELLIS_KIND_RESPONSIBILITY, work, -1);

          trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (rs), trellis_entity_get_id (role),
                                           TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE,
                                           TRELLIS_AUTHORITY_DELEGATE);
        }
    }

  a = trellis_analysis_new (doc);
  *first = -1;
  *median = -1;
  for (guint r = 0; r < n_roles; r++)
    g_assert_cmpuint (trellis_analysis_get_role_load (a, r), ==, loads[r]);

  for (guint i = 0; i < trellis_analysis_get_n_findings (a); i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (a, i);

      if (f->code != TRELLIS_FINDING_ROLE_OVERLOADED)
        continue;
      g_assert_true (f->subject == f->role);
      g_assert_cmpuint (f->count, ==, loads[trellis_analysis_get_index (a, f->role)]);
      if (n++ == 0)
        {
          *first = trellis_analysis_get_index (a, f->role);
          *median = f->level;
        }
    }

  return n;
}

static void
test_rule_overloaded (void)
{
  /* load ≥ 2 × median and load ≥ median + 3, the median taken over the
   * roles that carry at least one responsibility (R or A); for an even
   * number of them, the lower of the two middle values. */
  static const struct {
    guint loads[5];
    guint n_roles;
    guint n_overloaded;
    gint  first;
    gint  median;
  } cases[] = {
    /* loaded 1 4 → median 1; 4 ≥ 2 and 4 ≥ 4: fires */
    { { 1, 4 }, 2, 1, 1, 1 },
    /* 1 3 → median 1; 3 ≥ 2 but 3 < 4: just below +3, no */
    { { 1, 3 }, 2, 0, -1, -1 },
    /* 2 2 5 → median 2; 5 ≥ 4 and 5 ≥ 5: fires */
    { { 2, 5, 2 }, 3, 1, 1, 2 },
    /* 2 2 4 → median 2; 4 ≥ 4 but 4 < 5: just below +3, no */
    { { 2, 2, 4 }, 3, 0, -1, -1 },
    /* 4 4 8 → median 4; 8 ≥ 8 and 8 ≥ 7: fires */
    { { 8, 4, 4 }, 3, 1, 0, 4 },
    /* 4 4 7 → median 4; 7 ≥ 7 but 7 < 8: just below 2×, no */
    { { 4, 4, 7 }, 3, 0, -1, -1 },
    /* roles carrying nothing are left out: only 6 is loaded, nothing to
     * compare with, no */
    { { 0, 6, 0 }, 3, 0, -1, -1 },
    /* 0 1 1 4 → loaded 1 1 4, median 1; 4 ≥ 2 and 4 ≥ 4: fires */
    { { 0, 1, 1, 4 }, 4, 1, 3, 1 },
    /* 1 1 5 5 → lower median 1; both 5 fire */
    { { 1, 5, 1, 5 }, 4, 2, 1, 1 },
    /* equal loads never fire */
    { { 3, 3, 3, 3, 3 }, 5, 0, -1, -1 },
    /* a single role: no comparison */
    { { 9 }, 1, 0, -1, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint first;
      gint median;
      guint n = overloaded (cases[i].loads, cases[i].n_roles, &first, &median);

      if (n != cases[i].n_overloaded || first != cases[i].first || median != cases[i].median)
        g_error ("load case %u: expected %u overloaded (first %d, median %d), got %u (first %d, median %d)",
                 i, cases[i].n_overloaded, cases[i].first, cases[i].median, n, first, median);
    }
}

static void
test_rule_overloaded_message (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(TrellisAnalysis) a = NULL;
  const guint loads[] = { 1, 4 };
  const TrellisFinding *f = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (loads); r++)
    {
      TrellisEntity *role = trellis_document_create (doc, TRELLIS_KIND_ROLE, r == 0 ? "Helper" : "Lead", -1);

      for (guint i = 0; i < loads[r]; i++)
        {
          g_autofree char *work = g_strdup_printf ("Work %u.%u", r, i);
          TrellisEntity *rs = trellis_document_create (doc, TRELLIS_KIND_RESPONSIBILITY, work, -1);

          trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (rs), trellis_entity_get_id (role),
                                           TRELLIS_RACI_ACCOUNTABLE, TRELLIS_AUTHORITY_DELEGATE);
        }
    }

  a = trellis_analysis_new (doc);
  f = find_one (a, TRELLIS_FINDING_ROLE_OVERLOADED, "ro-lead", NULL);
  g_assert_cmpuint (f->count, ==, 4);
  g_assert_cmpint (f->level, ==, 1);
  assert_message (f, "‘Lead’ carries 4 responsibilities, against 1 for a typical role. Consider sharing the load.");
}

/* Mandate against ability: responsibilities.trellis */

static void
test_mandate_above_ability (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Refunds needs Neg 2; Agent is R with advise (5, the role decides).
   * Bob is an agent at Neg 1 < 2 → fires. Ann (2) meets it; Lea (Lead, A
   * delegate) is at 3. */
  f = find_one (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-ok", "p-bob");
  g_assert_true (entity_is (f->role, "ro-agent"));
  g_assert_true (entity_is (f->competency, "c-x"));
  g_assert_cmpuint (f->count, ==, 1);   /* the level Bob is at */
  g_assert_cmpint (f->level, ==, 2);    /* the level needed */
  assert_message (f, "Bob decides on ‘Refunds’ but is at level 1 in ‘Negotiation’, which needs 2. Plan support or development.");
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-ok", NULL), ==, 1);

  /* Incidents needs Saf 3 and Neg 1; Specialist RA advise; Cat is at Saf
   * 1 (< 3 → fires) and Neg 2 (≥ 1 → not). */
  f = find_one (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-mandate", "p-cat");
  g_assert_true (entity_is (f->competency, "c-y"));
  g_assert_cmpuint (f->count, ==, 1);
  g_assert_cmpint (f->level, ==, 3);

  /* Inspections: the same need, the same Cat, but Specialist only at
   * consult: the decision is not hers → nothing. */
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-consult", NULL), ==, 0);

  /* Contracts: Bob at Neg 1 against 4, Agent R at tell; Lea at 3, Lead
   * A at sell → nothing. */
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-hard", NULL), ==, 0);
}

static void
test_mandate_threshold (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  /* Inspections (Saf 3), Specialist RA, Cat at Saf 1: the finding depends
   * only on the delegation level, from advise (5) up. */
  static const struct {
    TrellisAuthority authority;
    guint            n;
  } cases[] = {
    { TRELLIS_AUTHORITY_TELL, 0 },
    { TRELLIS_AUTHORITY_SELL, 0 },
    { TRELLIS_AUTHORITY_CONSULT, 0 },
    { TRELLIS_AUTHORITY_AGREE, 0 },
    { TRELLIS_AUTHORITY_ADVISE, 1 },
    { TRELLIS_AUTHORITY_INQUIRE, 1 },
    { TRELLIS_AUTHORITY_DELEGATE, 1 },
    { TRELLIS_AUTHORITY_NONE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrellisAnalysis) a = NULL;

      assign (doc, "rs-consult", "ro-spec", TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE, cases[i].authority);
      a = trellis_analysis_new (doc);
      g_assert_cmpuint (count_about (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-consult", "p-cat"), ==, cases[i].n);
    }

  /* Consulted at delegate decides nothing either. */
  assign (doc, "rs-consult", "ro-spec", TRELLIS_RACI_CONSULTED, TRELLIS_AUTHORITY_DELEGATE);
  {
    g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

    g_assert_cmpuint (count_about (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-consult", NULL), ==, 0);
  }
}

static void
test_mandate_not_assessed (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

  /* Drills needs Saf 2; Lead RA delegate; Lea has no Safety assessment:
   * nobody knows, so nothing is claimed. */
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-unknown", NULL), ==, 0);

  /* Once she is assessed at 1, it fires. */
  assess (doc, "p-lea", "c-y", 1, TRELLIS_SOURCE_SELF, "2026-03-02");
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);
    const TrellisFinding *f = find_one (b, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-unknown", "p-lea");

    g_assert_cmpuint (f->count, ==, 1);
    g_assert_cmpint (f->level, ==, 2);
  }
}

static void
test_mandate_one_per_person (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = NULL;
  const char *roles[] = { "ro-agent", "ro-lead", NULL };
  const TrellisFinding *f;

  /* Bob becomes Lead as well. Refunds (Neg 2) is decided by Agent
   * (R advise) and Lead (A delegate), and Bob is at Neg 1: one fact
   * about Bob, said once, naming the role that gives him the most
   * say (Lead, delegate). */
  trellis_document_set_strv (doc, trellis_document_lookup (doc, "p-bob"), TRELLIS_FIELD_ROLES, roles);
  a = trellis_analysis_new (doc);
  f = find_one (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, "rs-ok", "p-bob");
  g_assert_true (entity_is (f->role, "ro-lead"));
  g_assert_true (entity_is (f->competency, "c-x"));

  /* As Lead he now also carries Drills (Saf 2, RA delegate) and
   * Contracts (Neg 4, A at sell only): Drills cannot be judged, Bob has
   * no Safety assessment; Contracts is not his decision. */
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_MANDATE_ABOVE_ABILITY, NULL, "p-bob"), ==, 1);
}

static void
test_ability_without_mandate (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("responsibilities.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Refunds (Neg 2) is carried by Agent and Lead. Capable: Lea, Ann, Cat,
   * Dan, Eve. Without an R or A role for it: Cat (Specialist), Dan
   * (Observer, not even C here), Eve (no role) → 3. */
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", NULL), ==, 3);
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", "p-cat"), ==, 1);
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", "p-dan"), ==, 1);
  f = find_one (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", "p-eve");
  assert_message (f, "Eve has what ‘Refunds’ needs, but none of their roles carries it.");
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", "p-ann"), ==, 0);
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", "p-lea"), ==, 0);

  /* Audits (Saf 1) is only C and I for Observer: Dan is consulted, which
   * is not a mandate; Ann, Cat, Dan, Eve → 4. */
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-unas", NULL), ==, 4);
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-unas", "p-dan"), ==, 1);

  /* Responsibilities that need nothing say nothing about ability. */
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-none", NULL), ==, 0);

  /* A mandate at a low delegation level is still a mandate: Ann as R at
   * tell on Refunds gets no ability-without-mandate finding. */
  assign (doc, "rs-ok", "ro-agent", TRELLIS_RACI_RESPONSIBLE, TRELLIS_AUTHORITY_TELL);
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    g_assert_cmpuint (count_about (b, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", "p-ann"), ==, 0);
    g_assert_cmpuint (count_about (b, TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE, "rs-ok", NULL), ==, 3);
  }
}

/* The chain: chain.trellis. Results: Served (Care), Orphan (no value).
 * Indicators: Linked (Served), Loose (no result), Orphaned (Orphan). */

static void
test_chain (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("chain.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  const TrellisFinding *f;

  /* Loose monitors no result. Orphaned monitors a result, even though
   * that result serves no value: one problem, said once, on the result. */
  f = find_one (a, TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT, "i-loose", NULL);
  assert_message (f, "The indicator ‘Loose’ monitors no result. Link it to the result it measures.");
  f = find_one (a, TRELLIS_FINDING_RESULT_WITHOUT_VALUE, "r-orphan", NULL);
  assert_message (f, "The result ‘Orphan’ serves no value. Link it to the values it serves.");
  g_assert_cmpuint (trellis_analysis_get_n_findings (a), ==, 2);

  /* Deleting Orphan leaves Orphaned without a result (and its own
   * finding goes with it); unlinking Served from Care leaves Served
   * without a value. */
  trellis_document_remove (doc, trellis_document_lookup (doc, "r-orphan"));
  trellis_document_set_strv (doc, trellis_document_lookup (doc, "r-served"), TRELLIS_FIELD_VALUES, NULL);
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    find_one (b, TRELLIS_FINDING_RESULT_WITHOUT_VALUE, "r-served", NULL);
    find_one (b, TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT, "i-orphaned", NULL);
    g_assert_cmpuint (trellis_analysis_count_findings (b, TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT), ==, 2);
    g_assert_cmpuint (trellis_analysis_count_findings (b, TRELLIS_FINDING_RESULT_WITHOUT_VALUE), ==, 1);
    g_assert_cmpuint (trellis_analysis_get_n_findings (b), ==, 3);
  }
}

static void
test_chain_existing_entities (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("chain.trellis");

  /* Deleting the value Care: Served serves no value that exists any
   * more, whatever ids are left in its list. */
  trellis_document_remove (doc, trellis_document_lookup (doc, "v-care"));
  {
    g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

    find_one (a, TRELLIS_FINDING_RESULT_WITHOUT_VALUE, "r-served", NULL);
    g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_RESULT_WITHOUT_VALUE), ==, 2);
  }

  /* An indicator pointed at something that is not a result (here the
   * result Orphan is replaced by the indicator Loose) monitors no
   * result. */
  trellis_document_set_string (doc, trellis_document_lookup (doc, "i-orphaned"), TRELLIS_FIELD_RESULT, "i-loose");
  {
    g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);

    find_one (a, TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT, "i-orphaned", NULL);
    g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT), ==, 2);
  }
}

/* Findings */

static void
test_finding_codes (void)
{
  static const struct {
    TrellisFindingCode code;
    const char        *name;
    TrellisSeverity    severity;
  } table[] = {
    { TRELLIS_FINDING_NO_ACCOUNTABLE,           "no-accountable",           TRELLIS_SEVERITY_PROBLEM },
    { TRELLIS_FINDING_SEVERAL_ACCOUNTABLE,      "several-accountable",      TRELLIS_SEVERITY_PROBLEM },
    { TRELLIS_FINDING_NO_RESPONSIBLE,           "no-responsible",           TRELLIS_SEVERITY_PROBLEM },
    { TRELLIS_FINDING_NO_AUTHORITY,             "no-authority",             TRELLIS_SEVERITY_WARNING },
    { TRELLIS_FINDING_UNASSIGNED,               "unassigned",               TRELLIS_SEVERITY_PROBLEM },
    { TRELLIS_FINDING_ROLE_EMPTY,               "role-empty",               TRELLIS_SEVERITY_PROBLEM },
    { TRELLIS_FINDING_ROLE_OVERLOADED,          "role-overloaded",          TRELLIS_SEVERITY_WARNING },
    { TRELLIS_FINDING_MANDATE_ABOVE_ABILITY,    "mandate-above-ability",    TRELLIS_SEVERITY_WARNING },
    { TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE,  "ability-without-mandate",  TRELLIS_SEVERITY_INFO },
    { TRELLIS_FINDING_NOBODY_CAPABLE,           "nobody-capable",           TRELLIS_SEVERITY_PROBLEM },
    { TRELLIS_FINDING_SINGLE_POINT,             "single-point",             TRELLIS_SEVERITY_WARNING },
    { TRELLIS_FINDING_TARGET_MISSED,            "target-missed",            TRELLIS_SEVERITY_WARNING },
    { TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT, "indicator-without-result", TRELLIS_SEVERITY_WARNING },
    { TRELLIS_FINDING_RESULT_WITHOUT_VALUE,     "result-without-value",     TRELLIS_SEVERITY_WARNING },
  };

  /* Scripts depend on these names and on the enum's order: both are
   * frozen. */
  g_assert_cmpuint (G_N_ELEMENTS (table), ==, TRELLIS_N_FINDING_CODES);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      const char *title = trellis_finding_code_get_title (table[i].code);

      g_assert_cmpuint (table[i].code, ==, i);
      g_assert_cmpstr (trellis_finding_code_to_string (table[i].code), ==, table[i].name);
      g_assert_cmpint (trellis_finding_code_get_severity (table[i].code), ==, table[i].severity);
      g_assert_nonnull (title);
      g_assert_cmpuint (strlen (title), >, 0);
    }
}

static void
check_messages (TrellisAnalysis *a,
                guint           *seen)
{
  for (guint i = 0; i < trellis_analysis_get_n_findings (a); i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (a, i);
      g_autofree char *message = trellis_finding_dup_message (f);
      g_autofree char *subject = NULL;
      gsize len;

      g_assert_cmpuint (f->code, <, TRELLIS_N_FINDING_CODES);
      *seen |= 1u << f->code;

      /* A sentence: text, valid UTF-8, no leftover conversion, no empty
       * quote, a full stop at the end. */
      g_assert_nonnull (message);
      len = strlen (message);
      g_assert_cmpuint (len, >, 10);
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_null (strchr (message, '%'));
      g_assert_null (strstr (message, "‘’"));
      g_assert_null (strstr (message, "(null)"));
      g_assert_false (g_ascii_isspace (message[0]));
      g_assert_cmpint (message[len - 1], ==, '.');

      /* It names what it is about. */
      g_assert_nonnull (f->subject);
      subject = trellis_entity_dup_label (f->subject);
      g_assert_nonnull (strstr (message, subject));
      if (f->person != NULL)
        {
          g_autofree char *person = trellis_entity_dup_label (f->person);
          g_assert_nonnull (strstr (message, person));
        }
      /* The role is named too, except in mandate-above-ability, which
       * speaks of the person who decides. */
      if (f->role != NULL && f->code != TRELLIS_FINDING_MANDATE_ABOVE_ABILITY)
        {
          g_autofree char *role = trellis_entity_dup_label (f->role);
          g_assert_nonnull (strstr (message, role));
        }
      if (f->competency != NULL)
        {
          g_autofree char *competency = trellis_entity_dup_label (f->competency);
          g_assert_nonnull (strstr (message, competency));
        }
    }
}

static void
test_finding_messages (void)
{
  const char *fixtures[] = { "required.trellis", "assessed.trellis", "team.trellis",
                             "responsibilities.trellis", "chain.trellis" };
  g_autoptr(TrellisDocument) load = trellis_document_new ();
  g_autoptr(TrellisAnalysis) a = NULL;
  guint seen = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(TrellisDocument) doc = load_fixture (fixtures[i]);
      g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

      check_messages (b, &seen);
    }

  /* One overloaded role. */
  for (guint r = 0; r < 2; r++)
    {
      TrellisEntity *role = trellis_document_create (load, TRELLIS_KIND_ROLE, r == 0 ? "Helper" : "Lead", -1);

      for (guint i = 0; i < (r == 0 ? 1u : 5u); i++)
        {
          TrellisEntity *rs = trellis_document_create (load, TRELLIS_KIND_RESPONSIBILITY, "Work", -1);

          trellis_document_set_assignment (load, TRELLIS_RESPONSIBILITY (rs), trellis_entity_get_id (role),
                                           TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE,
                                           TRELLIS_AUTHORITY_DELEGATE);
        }
    }
  a = trellis_analysis_new (load);
  check_messages (a, &seen);

  /* Between them, the fixtures raise every rule. */
  g_assert_cmphex (seen, ==, (1u << TRELLIS_N_FINDING_CODES) - 1);
}

/* Edge cases */

static void
test_edge_empty (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  g_autoptr(GArray) gaps = trellis_analysis_largest_gaps (a, 10);

  g_assert_true (trellis_analysis_get_document (a) == doc);
  g_assert_cmpuint (trellis_analysis_get_n_people (a), ==, 0);
  g_assert_cmpuint (trellis_analysis_get_n_competencies (a), ==, 0);
  g_assert_cmpuint (trellis_analysis_get_n_roles (a), ==, 0);
  g_assert_cmpuint (trellis_analysis_get_n_responsibilities (a), ==, 0);
  g_assert_cmpuint (trellis_analysis_get_n_findings (a), ==, 0);
  g_assert_cmpuint (gaps->len, ==, 0);
  for (TrellisFindingCode code = 0; code < TRELLIS_N_FINDING_CODES; code++)
    g_assert_cmpuint (trellis_analysis_count_findings (a, code), ==, 0);
}

static void
test_edge_nobody (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(TrellisAnalysis) a = NULL;

  /* No people at all. Calls needs Listening 2, Mail needs nothing; the
   * Agent is R and A for both. */
  trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Listening", -1);
  trellis_document_create (doc, TRELLIS_KIND_ROLE, "Agent", -1);
  trellis_document_create (doc, TRELLIS_KIND_RESPONSIBILITY, "Calls", -1);
  trellis_document_create (doc, TRELLIS_KIND_RESPONSIBILITY, "Mail", -1);
  trellis_document_set_requirement (doc, trellis_document_lookup (doc, "rs-calls"), "c-listening", 2);
  assign (doc, "rs-calls", "ro-agent", TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE, TRELLIS_AUTHORITY_DELEGATE);
  assign (doc, "rs-mail", "ro-agent", TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE, TRELLIS_AUTHORITY_DELEGATE);
  a = trellis_analysis_new (doc);

  /* Calls: nobody capable (0 people reach Listening 2). Mail needs
   * nothing, so there is nothing anybody could lack: no finding, and
   * its capacity is everyone, here 0. */
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-calls")), ==, 0);
  g_assert_cmpuint (trellis_analysis_get_capable (a, IX ("rs-mail")), ==, 0);
  find_one (a, TRELLIS_FINDING_NOBODY_CAPABLE, "rs-calls", NULL);
  g_assert_cmpuint (count_about (a, TRELLIS_FINDING_NOBODY_CAPABLE, "rs-mail", NULL), ==, 0);

  /* The Agent is held by nobody: role-empty, once per responsibility. */
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_ROLE_EMPTY), ==, 2);
  /* Listening is required (Agent 2) but nobody reaches it: no single
   * point. */
  g_assert_false (trellis_analysis_is_single_point (a, IX ("c-listening"), NULL));
  g_assert_cmpuint (trellis_analysis_get_n_findings (a), ==, 3);
}

static void
test_edge_people_without_roles (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(TrellisAnalysis) a = NULL;
  g_autoptr(GArray) gaps = NULL;
  TrellisEntity *listen = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Listening", -1);
  TrellisEntity *value = trellis_document_create (doc, TRELLIS_KIND_VALUE, "Care", -1);
  const char *values[] = { trellis_entity_get_id (value), NULL };
  TrellisAggregate g;

  trellis_document_create (doc, TRELLIS_KIND_PERSON, "Anna", -1);
  trellis_document_create (doc, TRELLIS_KIND_PERSON, "Ben", -1);
  trellis_document_set_strv (doc, listen, TRELLIS_FIELD_VALUES, values);
  assess (doc, "p-anna", "c-listening", 3, TRELLIS_SOURCE_SELF, "2026-03-01");

  a = trellis_analysis_new (doc);
  g_assert_cmpuint (trellis_analysis_get_n_people (a), ==, 2);
  g_assert_cmpuint (trellis_analysis_get_n_roles (a), ==, 0);

  /* Anna is assessed at 3, but with no role nothing is required: not
   * required, and no gap, no aggregate, no single point. */
  assert_cell (a, "p-anna", "c-listening", N, 3);
  assert_state (a, "p-anna", "c-listening", TRELLIS_CELL_NOT_REQUIRED, 0);
  assert_cell (a, "p-ben", "c-listening", N, N);
  trellis_analysis_aggregate_team (a, 0, &g);
  assert_aggregate (&g, 0, 0, 0, NAN);
  trellis_analysis_aggregate_person (a, 0, &g);
  assert_aggregate (&g, 0, 0, 0, NAN);
  trellis_analysis_aggregate_value (a, TRELLIS_VALUE (value), &g);
  assert_aggregate (&g, 0, 0, 0, NAN);
  g_assert_false (trellis_analysis_is_single_point (a, 0, NULL));
  gaps = trellis_analysis_largest_gaps (a, 10);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_assert_cmpuint (trellis_analysis_get_n_findings (a), ==, 0);
}

static void
test_edge_role_nobody_holds (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = NULL;
  TrellisEntity *vacant = trellis_document_create (doc, TRELLIS_KIND_ROLE, "Vacant", -1);
  TrellisAggregate g;
  const TrellisFinding *f;
  guint who;

  /* A role nobody holds that requires Listening 4 and aims for 1 person
   * at Listening 2, and carries no responsibility. */
  trellis_document_set_requirement (doc, vacant, "c-listen", 4);
  trellis_document_set_target (doc, TRELLIS_ROLE (vacant), "c-listen", 2, 1);
  a = trellis_analysis_new (doc);

  /* It requires Listening 4, and nobody holds it: no one is counted. */
  g_assert_cmpint (trellis_analysis_get_role_required (a, IX ("ro-vacant"), IX ("c-listen")), ==, 4);
  trellis_analysis_aggregate_role (a, IX ("ro-vacant"), IX ("c-listen"), &g);
  assert_aggregate (&g, 0, 0, 0, NAN);
  g_assert_cmpuint (trellis_analysis_get_meeting (a, IX ("ro-vacant"), IX ("c-listen"), 0), ==, 0);
  for (guint p = 0; p < trellis_analysis_get_n_people (a); p++)
    g_assert_false (trellis_analysis_person_has_role (a, p, IX ("ro-vacant")));

  /* Nobody's requirement changes: Anna still needs Listening 3. */
  assert_cell (a, "p-anna", "c-listen", 3, 1);

  /* Its target is missed with nobody. */
  f = find_one (a, TRELLIS_FINDING_TARGET_MISSED, "ro-vacant", NULL);
  g_assert_cmpuint (f->count, ==, 0);
  assert_message (f, "‘Vacant’ aims for people at level 2 in ‘Listening’; 0 people reach it.");

  /* It carries no responsibility, so role-empty has nothing to say. */
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_ROLE_EMPTY), ==, 0);
  g_assert_cmpuint (trellis_analysis_get_role_load (a, IX ("ro-vacant")), ==, 0);

  /* The highest level any role requires for Listening is now 4: Ben alone
   * is at 4 (Finn 3) → Listening becomes a single point, Ben. */
  g_assert_true (trellis_analysis_is_single_point (a, IX ("c-listen"), &who));
  g_assert_cmpuint (who, ==, IX ("p-ben"));
}

/* The analysis is a snapshot. */

static void
test_snapshot_edits (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  g_autoptr(TrellisAnalysis) after = NULL;
  g_autoptr(GArray) gaps = NULL;
  TrellisEntity *daan = trellis_document_lookup (doc, "p-daan");
  TrellisAggregate g;
  guint who;

  /* Change almost everything the analysis looked at. */
  assess (doc, "p-anna", "c-listen", 4, TRELLIS_SOURCE_AGREED, "2026-04-01");
  trellis_document_set_requirement (doc, trellis_document_lookup (doc, "ro-agent"), "c-listen", TRELLIS_LEVEL_NONE);
  trellis_document_set_target (doc, TRELLIS_ROLE (trellis_document_lookup (doc, "ro-agent")), "c-listen", 3, 0);
  trellis_document_remove (doc, daan);
  trellis_document_remove (doc, trellis_document_lookup (doc, "ro-planner"));
  trellis_document_remove (doc, trellis_document_lookup (doc, "c-plan"));
  trellis_document_move (doc, trellis_document_lookup (doc, "p-finn"), 0);

  /* The first analysis still says what it said (see the tests above). */
  g_assert_cmpuint (trellis_analysis_get_n_people (a), ==, 6);
  g_assert_cmpuint (trellis_analysis_get_n_competencies (a), ==, 3);
  g_assert_cmpuint (trellis_analysis_get_n_roles (a), ==, 2);
  g_assert_cmpint (trellis_analysis_get_index (a, daan), ==, 3);
  g_assert_cmpint (trellis_analysis_get_index (a, trellis_document_lookup (doc, "p-finn")), ==, 5);
  g_assert_cmpint (trellis_analysis_get_role_required (a, 0, 0), ==, 3);
  g_assert_cmpint (trellis_analysis_get_cell (a, 0, 0)->required, ==, 3);
  g_assert_cmpint (trellis_analysis_get_cell (a, 0, 0)->assessed, ==, 1);
  g_assert_cmpint (trellis_analysis_get_cell (a, 3, 1)->required, ==, 4);   /* Daan × Product */
  g_assert_true (trellis_analysis_person_has_role (a, 3, 1));
  trellis_analysis_aggregate_role (a, 0, 0, &g);
  assert_aggregate (&g, 3, 2, 1, 0.5);
  trellis_analysis_aggregate_team (a, 1, &g);
  assert_aggregate (&g, 5, 3, 0, 7.0 / 3.0);
  g_assert_cmpuint (trellis_analysis_get_meeting (a, 0, 0, 3), ==, 1);
  g_assert_true (trellis_analysis_is_single_point (a, 2, &who));
  g_assert_cmpuint (who, ==, 2);
  g_assert_cmpuint (trellis_analysis_get_n_findings (a), ==, 2);
  g_assert_cmpuint (trellis_analysis_count_findings (a, TRELLIS_FINDING_TARGET_MISSED), ==, 1);
  gaps = trellis_analysis_largest_gaps (a, 10);
  g_assert_cmpuint (gaps->len, ==, 4);

  /* A new analysis sees the edits. */
  after = trellis_analysis_new (doc);
  g_assert_cmpuint (trellis_analysis_get_n_people (after), ==, 5);
  g_assert_cmpuint (trellis_analysis_get_n_competencies (after), ==, 2);
  g_assert_cmpint (trellis_analysis_get_index (after, daan), ==, -1);
}

static void
test_snapshot_value_links (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  TrellisValue *care = TRELLIS_VALUE (trellis_document_lookup (doc, "v-care"));
  TrellisValue *courage = TRELLIS_VALUE (trellis_document_lookup (doc, "v-courage"));
  const char *only_courage[] = { "v-courage", NULL };
  TrellisAggregate g;

  /* Relink Listening and Product from Care to Courage after the
   * analysis was made. */
  trellis_document_set_strv (doc, trellis_document_lookup (doc, "c-listen"), TRELLIS_FIELD_VALUES, only_courage);
  trellis_document_set_strv (doc, trellis_document_lookup (doc, "c-product"), TRELLIS_FIELD_VALUES, only_courage);
  trellis_document_clear_history (doc);

  /* The analysis still sees Care as it was: 8 cells, 5 assessed, 1
   * meets, mean 1.6 (see test_aggregate_value), and Courage empty. */
  trellis_analysis_aggregate_value (a, care, &g);
  assert_aggregate (&g, 8, 5, 1, 1.6);
  trellis_analysis_aggregate_value (a, courage, &g);
  assert_aggregate (&g, 0, 0, 0, NAN);

  /* A new one sees the new links. */
  {
    g_autoptr(TrellisAnalysis) b = trellis_analysis_new (doc);

    trellis_analysis_aggregate_value (b, care, &g);
    assert_aggregate (&g, 0, 0, 0, NAN);
    trellis_analysis_aggregate_value (b, courage, &g);
    assert_aggregate (&g, 8, 5, 1, 1.6);
  }
}

static void
test_snapshot_keeps_entities (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  TrellisAnalysis *a = trellis_analysis_new (doc);
  TrellisEntity *carla = trellis_document_lookup (doc, "p-carla");
  TrellisEntity *plan = trellis_document_lookup (doc, "c-plan");
  TrellisEntity *planner = trellis_document_lookup (doc, "ro-planner");
  const TrellisFinding *f;
  guint who;

  g_object_add_weak_pointer (G_OBJECT (carla), (gpointer *) &carla);
  g_object_add_weak_pointer (G_OBJECT (plan), (gpointer *) &plan);
  g_object_add_weak_pointer (G_OBJECT (planner), (gpointer *) &planner);

  /* Delete them and forget the undo history, which held them too. */
  trellis_document_remove (doc, carla);
  trellis_document_remove (doc, plan);
  trellis_document_remove (doc, planner);
  trellis_document_clear_history (doc);

  /* The analysis keeps them, and what it says about them. */
  g_assert_nonnull (carla);
  g_assert_nonnull (plan);
  g_assert_nonnull (planner);
  g_assert_true (trellis_analysis_is_single_point (a, 2, &who));
  g_assert_cmpuint (who, ==, 2);
  f = find_one (a, TRELLIS_FINDING_SINGLE_POINT, "c-plan", "p-carla");
  g_assert_true (f->person == carla);
  assert_message (f, "Only Carla reaches level 1 in ‘Planning’. Share the knowledge before it walks out of the door.");
  g_assert_cmpstr (trellis_entity_get_name (plan), ==, "Planning");

  /* And lets them go with the last reference. */
  {
    TrellisAnalysis *extra = trellis_analysis_ref (a);

    trellis_analysis_unref (a);
    g_assert_nonnull (carla);
    trellis_analysis_unref (extra);
  }
  g_assert_null (carla);
  g_assert_null (plan);
  g_assert_null (planner);
}

static void
test_snapshot_keeps_chain_entities (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("chain.trellis");
  TrellisAnalysis *a = trellis_analysis_new (doc);
  TrellisEntity *loose = trellis_document_lookup (doc, "i-loose");
  TrellisEntity *orphan = trellis_document_lookup (doc, "r-orphan");
  const TrellisFinding *f;

  g_object_add_weak_pointer (G_OBJECT (loose), (gpointer *) &loose);
  g_object_add_weak_pointer (G_OBJECT (orphan), (gpointer *) &orphan);

  /* The findings are about an indicator and a result: delete both and
   * forget the history. */
  trellis_document_remove (doc, loose);
  trellis_document_remove (doc, orphan);
  trellis_document_clear_history (doc);

  g_assert_nonnull (loose);
  g_assert_nonnull (orphan);
  f = find_one (a, TRELLIS_FINDING_INDICATOR_WITHOUT_RESULT, "i-loose", NULL);
  g_assert_true (f->subject == loose);
  assert_message (f, "The indicator ‘Loose’ monitors no result. Link it to the result it measures.");
  f = find_one (a, TRELLIS_FINDING_RESULT_WITHOUT_VALUE, "r-orphan", NULL);
  assert_message (f, "The result ‘Orphan’ serves no value. Link it to the values it serves.");

  trellis_analysis_unref (a);
  g_assert_null (loose);
  g_assert_null (orphan);
}

static void
test_snapshot_boxed (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("team.trellis");
  g_autoptr(TrellisAnalysis) a = trellis_analysis_new (doc);
  TrellisAnalysis *copy;

  /* Copying the boxed type shares the same immutable snapshot. */
  copy = g_boxed_copy (TRELLIS_TYPE_ANALYSIS, a);
  g_assert_true (copy == a);
  g_boxed_free (TRELLIS_TYPE_ANALYSIS, copy);

  /* Entities of other kinds have no position. */
  g_assert_cmpint (trellis_analysis_get_index (a, trellis_document_lookup (doc, "v-care")), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/analysis/required/direct", test_required_direct);
  g_test_add_func ("/trellis/analysis/required/responsible-or-accountable", test_required_responsible_or_accountable);
  g_test_add_func ("/trellis/analysis/required/not-consulted-or-informed", test_required_not_consulted_or_informed);
  g_test_add_func ("/trellis/analysis/required/maximum", test_required_maximum);
  g_test_add_func ("/trellis/analysis/required/none", test_required_none);
  g_test_add_func ("/trellis/analysis/assessed/agreed-wins", test_assessed_agreed_wins);
  g_test_add_func ("/trellis/analysis/assessed/latest", test_assessed_latest);
  g_test_add_func ("/trellis/analysis/assessed/same-date", test_assessed_same_date);
  g_test_add_func ("/trellis/analysis/assessed/history-and-perspectives", test_assessed_history_and_perspectives);
  g_test_add_func ("/trellis/analysis/assessed/want", test_assessed_want);
  g_test_add_func ("/trellis/analysis/assessed/until", test_assessed_until);
  g_test_add_func ("/trellis/analysis/gap/states", test_gap_states);
  g_test_add_func ("/trellis/analysis/gap/largest", test_gap_largest);
  g_test_add_func ("/trellis/analysis/aggregate/role", test_aggregate_role);
  g_test_add_func ("/trellis/analysis/aggregate/team", test_aggregate_team);
  g_test_add_func ("/trellis/analysis/aggregate/value", test_aggregate_value);
  g_test_add_func ("/trellis/analysis/aggregate/person", test_aggregate_person);
  g_test_add_func ("/trellis/analysis/coverage/meeting", test_coverage_meeting);
  g_test_add_func ("/trellis/analysis/coverage/targets", test_coverage_targets);
  g_test_add_func ("/trellis/analysis/coverage/single-point", test_coverage_single_point);
  g_test_add_func ("/trellis/analysis/capacity/capable", test_capacity);
  g_test_add_func ("/trellis/analysis/capacity/nobody-capable", test_capacity_nobody);
  g_test_add_func ("/trellis/analysis/rules/accountable", test_rule_accountable);
  g_test_add_func ("/trellis/analysis/rules/responsible", test_rule_responsible);
  g_test_add_func ("/trellis/analysis/rules/unassigned", test_rule_unassigned);
  g_test_add_func ("/trellis/analysis/rules/no-authority", test_rule_no_authority);
  g_test_add_func ("/trellis/analysis/rules/role-empty", test_rule_role_empty);
  g_test_add_func ("/trellis/analysis/rules/counts", test_rule_counts);
  g_test_add_func ("/trellis/analysis/rules/overloaded", test_rule_overloaded);
  g_test_add_func ("/trellis/analysis/rules/overloaded-message", test_rule_overloaded_message);
  g_test_add_func ("/trellis/analysis/mandate/above-ability", test_mandate_above_ability);
  g_test_add_func ("/trellis/analysis/mandate/threshold", test_mandate_threshold);
  g_test_add_func ("/trellis/analysis/mandate/not-assessed", test_mandate_not_assessed);
  g_test_add_func ("/trellis/analysis/mandate/one-per-person", test_mandate_one_per_person);
  g_test_add_func ("/trellis/analysis/mandate/ability-without-mandate", test_ability_without_mandate);
  g_test_add_func ("/trellis/analysis/chain/basic", test_chain);
  g_test_add_func ("/trellis/analysis/chain/existing-entities", test_chain_existing_entities);
  g_test_add_func ("/trellis/analysis/findings/codes", test_finding_codes);
  g_test_add_func ("/trellis/analysis/findings/messages", test_finding_messages);
  g_test_add_func ("/trellis/analysis/edge/empty", test_edge_empty);
  g_test_add_func ("/trellis/analysis/edge/nobody", test_edge_nobody);
  g_test_add_func ("/trellis/analysis/edge/people-without-roles", test_edge_people_without_roles);
  g_test_add_func ("/trellis/analysis/edge/role-nobody-holds", test_edge_role_nobody_holds);
  g_test_add_func ("/trellis/analysis/snapshot/edits", test_snapshot_edits);
  g_test_add_func ("/trellis/analysis/snapshot/value-links", test_snapshot_value_links);
  g_test_add_func ("/trellis/analysis/snapshot/keeps-entities", test_snapshot_keeps_entities);
  g_test_add_func ("/trellis/analysis/snapshot/keeps-chain-entities", test_snapshot_keeps_chain_entities);
  g_test_add_func ("/trellis/analysis/snapshot/boxed", test_snapshot_boxed);

  return g_test_run ();
}
