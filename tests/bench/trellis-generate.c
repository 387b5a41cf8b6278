/* trellis-generate.c: writes the benchmark matrices of the three tiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a realistic matrix through the document API and saves it with
 * the core's writer, so that the file is canonical: values and results,
 * responsibilities with the competencies they need and a RACI letter and
 * delegation level per role, roles with requirements and coverage
 * targets, people with one or two roles, every person assessed on every
 * competency (the current assessment) plus older rounds and other
 * perspectives (history), a few notes and evidence, indicators with
 * measurements and reviews, development actions and feedback.
 *
 * The output depends only on the tier and the seed: the generator has a
 * pseudo-random generator of its own (splitmix64), never g_random, and
 * no date of today.
 *
 *   trellis-generate --tier enterprise -o enterprise.trellis
 *
 * With --no-assessments it writes the same matrix without the
 * assessments (every draw is still made, so that all else is the same):
 * what an import of the assessments from a spreadsheet starts from.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-document.h"

typedef struct
{
  const char *name;
  guint       n_people;
  guint       n_competencies;
  guint       n_roles;
  guint       n_values;
  guint       n_results;
  guint       n_responsibilities;
  guint       n_indicators;
  guint       n_actions;
  guint       n_remarks;
  guint       requires_per_role;
} Tier;

static const Tier tiers[] = {
  { "workshop",      15,  30,   4, 4,  5,   8,  3,   5,   3,  8 },
  { "department",   300, 100,  25, 6, 12,  60, 12,  40,  20, 14 },
  { "enterprise",  5000, 300, 200, 8, 40, 500, 60, 300, 150, 20 },
};

/* Randomness */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A number in [0, n). */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n == 0 ? 0 : (guint) ((rng_next (rng) >> 16) % n);
}

/* TRUE with probability @p. */
static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return (double) (rng_next (rng) >> 11) / 9007199254740992.0 < p;
}

static guint
rng_weighted (Rng          *rng,
              const guint  *weights,
              guint         n)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  pick = rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }

  return n - 1;
}

/* Words */

static const char * const value_names[] = {
  "Genuine care", "Ownership", "Openness", "Craftsmanship",
  "Curiosity", "Reliability", "Courage", "Fairness",
};

static const char * const behaviours[] = {
  "Listens before answering", "Follows up without being asked", "Says what went wrong",
  "Asks for feedback", "Shares what they learn", "Keeps promises", "Names a risk early",
  "Treats every customer alike", "Explains decisions", "Helps a colleague first",
};

static const char * const areas[] = {
  "Customer", "Complaint", "Product", "Contract", "Budget", "Risk", "Quality",
  "Safety", "Supplier", "Process", "Data", "Privacy", "Change", "Project", "Team",
  "Conflict", "Planning", "Inventory", "Pricing", "Billing", "Claims", "Onboarding",
  "Training", "Reporting", "Compliance", "Security", "Network", "Facilities",
  "Logistics", "Marketing",
};

static const char * const skills[] = {
  "handling", "analysis", "coaching", "planning", "reporting", "negotiation",
  "design", "review", "communication", "improvement",
};

static const char * const outcomes[] = {
  "right first time", "on time", "within budget", "without incidents",
  "to the customer's satisfaction",
};

static const char * const verbs[] = {
  "Handle", "Approve", "Plan", "Review", "Report on", "Improve", "Escalate",
  "Decide on", "Monitor", "Prioritise", "Budget for", "Audit", "Coordinate",
  "Document", "Communicate about", "Train others in", "Purchase for",
};

static const char * const seniorities[] = {
  "Junior", "", "Senior", "Lead", "Principal",
};

static const char * const first_names[] = {
  "Anna", "Ben", "Chloé", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Ilse", "Jan",
  "Karin", "Lars", "Mila", "Noah", "Olga", "Pieter", "Quinten", "Rosa", "Sem", "Tess",
  "Umar", "Vera", "Wout", "Xenia", "Yara", "Zoë", "Ahmed", "Bram", "Carmen", "Dirk",
  "Esra", "Finn", "Greta", "Hugo", "Iris", "Joost", "Kim", "Lotte", "Mehmet", "Nina",
  "Otto", "Priya", "Ruben", "Sanne", "Thijs", "Uma", "Vince", "Wendy", "Yusuf", "Zara",
  "Ayla", "Bas", "Cas", "Dewi", "Elif", "Fleur", "Gerrit", "Hamza", "Ivo", "Julia",
};

static const char * const last_names[] = {
  "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
  "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
  "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
  "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
  "de Bruijn", "de Jong", "Schouten", "van Beek", "Willems", "van Dijk", "Hoekstra", "Maas",
  "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
  "de Lange", "Kuipers", "van Wijk", "Postma", "Kramer", "van den Bosch", "Bosman", "Wouters",
  "Yılmaz", "Kaya", "El Amrani", "Nguyen", "Kowalski", "Müller", "Schmidt", "Rossi",
  "García", "Silva", "Novak", "Horvat", "Nowak", "Popescu", "Ivanova", "Andersen",
  "Lindqvist", "O'Brien", "Murphy", "Dubois", "Laurent", "Costa", "Santos", "Ferreira",
  "Şahin", "Demir", "Papadopoulos", "Kovač", "Berg", "Haugen", "Nieminen", "Virtanen",
  "Tanaka", "Kim", "Chen", "Singh",
};

static const char * const notes[] = {
  "Wants to practise this with real customers",
  "Took the course in spring; applying it now",
  "Agreed in the development talk: shadow a senior colleague",
  "Finds this hard under time pressure",
  "Can teach this to new colleagues",
  "Needs more practice with difficult cases & escalations",
};

static const char * const evidence[] = {
  "Certificate of the internal course",
  "Handled the Q3 escalation on her own",
  "https://wiki.example.org/cases/1234",
  "Peer review of three cases",
};

static const char * const metrics[] = {
  "lead time", "satisfaction", "error rate", "backlog", "engagement", "workload",
  "learning rhythm",
};

static const char * const remark_texts[] = {
  "This requirement does not fit my work",
  "Level 3 seems high for a junior role",
  "I use this daily but it is not in my role",
  "The description of level 2 is unclear",
};

/* The matrix being built */

typedef struct
{
  const Tier       *tier;
  Rng               rng;
  TrellisDocument  *doc;
  GPtrArray        *values;          /* ids */
  GPtrArray        *results;
  GPtrArray        *competencies;
  GPtrArray        *roles;
  GPtrArray        *responsibilities;
  GPtrArray        *people;          /* TrellisPerson, borrowed */
  gint8            *role_required;   /* role × competency → level or -1 */
  guint             n_records;
  guint             n_current;
  gboolean          no_assessments;  /* the same matrix without its assessments */
} Generator;

static TrellisDate
date_dmy (guint day,
          guint month,
          guint year)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&d);
}

static TrellisEntity *
create (Generator   *g,
        TrellisKind  kind,
        const char  *name)
{
  return trellis_document_create (g->doc, kind, name, -1);
}

static void
build_organisation (Generator *g)
{
  TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (g->doc));
  g_autofree char *name = g_strdup_printf ("Customer Service North (%s)", g->tier->name);

  trellis_document_set_string (g->doc, org, TRELLIS_FIELD_NAME, name);
  trellis_document_set_string (g->doc, org, TRELLIS_FIELD_VISION,
                               "Every question is answered once, and answered well.");
  trellis_document_set_string (g->doc, org, TRELLIS_FIELD_MISSION,
                               "We solve our customers' questions in one contact, "
                               "and we grow the people who do it.");
}

static void
build_values (Generator *g)
{
  for (guint i = 0; i < g->tier->n_values; i++)
    {
      TrellisEntity *v = create (g, TRELLIS_KIND_VALUE, value_names[i % G_N_ELEMENTS (value_names)]);
      const char *b[4] = { NULL };
      guint n = 1 + rng_below (&g->rng, 3);
      g_autofree char *description = g_strdup_printf ("What %s means in our daily work.",
                                                      value_names[i % G_N_ELEMENTS (value_names)]);

      for (guint k = 0; k < n; k++)
        b[k] = behaviours[(i * 3 + k) % G_N_ELEMENTS (behaviours)];

      trellis_document_set_string (g->doc, v, TRELLIS_FIELD_DESCRIPTION, description);
      trellis_document_set_strv (g->doc, v, TRELLIS_FIELD_BEHAVIOURS, b);
      g_ptr_array_add (g->values, (char *) trellis_entity_get_id (v));
    }
}

/* One or two value ids. */
static void
set_values (Generator     *g,
            TrellisEntity *entity)
{
  const char *ids[3] = { NULL };
  guint first = rng_below (&g->rng, g->values->len);

  ids[0] = g_ptr_array_index (g->values, first);
  if (g->values->len > 1 && rng_chance (&g->rng, 0.4))
    ids[1] = g_ptr_array_index (g->values, (first + 1 + rng_below (&g->rng, g->values->len - 1)) % g->values->len);

  trellis_document_set_strv (g->doc, entity, TRELLIS_FIELD_VALUES, ids);
}

static void
build_results (Generator *g)
{
  for (guint i = 0; i < g->tier->n_results; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", areas[i % G_N_ELEMENTS (areas)],
                                               outcomes[(i / G_N_ELEMENTS (areas) + i) % G_N_ELEMENTS (outcomes)]);
      TrellisEntity *r = create (g, TRELLIS_KIND_RESULT, name);

      /* One result in ten serves no value yet: a finding to show. */
      if (i % 10 != 9)
        set_values (g, r);
      g_ptr_array_add (g->results, (char *) trellis_entity_get_id (r));
    }
}

static void
build_competencies (Generator *g)
{
  guint n_areas = G_N_ELEMENTS (areas);

  for (guint i = 0; i < g->tier->n_competencies; i++)
    {
      /* Spread over the areas first, so that small tiers are varied. */
      g_autofree char *name = g_strdup_printf ("%s %s", areas[i % n_areas],
                                               skills[(i / n_areas + i) % G_N_ELEMENTS (skills)]);
      TrellisEntity *c = create (g, TRELLIS_KIND_COMPETENCY, name);

      set_values (g, c);
      if (i % 3 == 0)
        {
          g_autofree char *description = g_strdup_printf ("Everything %s needs, from the first "
                                                          "contact to the follow-up.", name);

          trellis_document_set_string (g->doc, c, TRELLIS_FIELD_DESCRIPTION, description);
          for (gint level = 1; level <= 4; level++)
            {
              static const char * const texts[] = {
                NULL,
                "Does it with a colleague's guidance",
                "Does it alone in ordinary cases",
                "Does it in difficult cases and helps others",
                "Teaches it and improves how the team does it",
              };
              trellis_document_set_level_text (g->doc, TRELLIS_COMPETENCY (c), level, texts[level]);
            }
        }
      g_ptr_array_add (g->competencies, (char *) trellis_entity_get_id (c));
    }
}

static void
build_roles (Generator *g)
{
  guint n_comp = g->competencies->len;
  gboolean few = g->tier->n_roles < G_N_ELEMENTS (seniorities);
  guint n_families = few ? g->tier->n_roles : g->tier->n_roles / G_N_ELEMENTS (seniorities);

  g->role_required = g_new (gint8, (gsize) g->tier->n_roles * n_comp);
  memset (g->role_required, -1, (gsize) g->tier->n_roles * n_comp);

  for (guint i = 0; i < g->tier->n_roles; i++)
    {
      guint family = i % n_families;
      guint seniority = (i / n_families) % G_N_ELEMENTS (seniorities);
      const char *area = areas[family % G_N_ELEMENTS (areas)];
      g_autofree char *name = NULL;
      TrellisEntity *role;
      guint n_requires = g->tier->requires_per_role;
      guint cluster = (family * 7) % n_comp;

      if (few)
        seniority = 1;
      if (family >= G_N_ELEMENTS (areas))
        name = g_strdup_printf ("%s%s%s specialist %u", seniorities[seniority],
                                seniorities[seniority][0] ? " " : "", area,
                                family / (guint) G_N_ELEMENTS (areas) + 1);
      else
        name = g_strdup_printf ("%s%s%s specialist", seniorities[seniority],
                                seniorities[seniority][0] ? " " : "", area);
      if (seniorities[seniority][0] != '\0')
        name[strlen (seniorities[seniority]) + 1] = g_ascii_tolower (name[strlen (seniorities[seniority]) + 1]);

      role = create (g, TRELLIS_KIND_ROLE, name);
      if (i % 4 == 0)
        trellis_document_set_string (g->doc, role, TRELLIS_FIELD_DESCRIPTION,
                                     "Carries the daily work of the area and grows into its decisions.");

      /* Most requirements come from the family's cluster of competencies,
       * a few from anywhere; seniority raises the level. */
      for (guint k = 0; k < n_requires; k++)
        {
          guint c = k < n_requires * 3 / 4
                    ? (cluster + k) % n_comp
                    : rng_below (&g->rng, n_comp);
          gint step = (gint) rng_below (&g->rng, 3) - (k < 3 ? 0 : 1);
          gint level = CLAMP ((gint) seniority + step, 1, 4);

          if (g->role_required[(gsize) i * n_comp + c] >= 0)
            continue;
          g->role_required[(gsize) i * n_comp + c] = (gint8) level;
          trellis_document_set_requirement (g->doc, role, g_ptr_array_index (g->competencies, c), level);
        }

      for (guint k = 0; k < 1 + rng_below (&g->rng, 2); k++)
        {
          guint c = (cluster + k) % n_comp;
          gint level = MAX (1, g->role_required[(gsize) i * n_comp + c]);

          trellis_document_set_target (g->doc, TRELLIS_ROLE (role),
                                       g_ptr_array_index (g->competencies, c), level,
                                       1 + rng_below (&g->rng, 3));
        }

      g_ptr_array_add (g->roles, (char *) trellis_entity_get_id (role));
    }
}

static void
build_responsibilities (Generator *g)
{
  static const TrellisAuthority owner_authority[] = {
    TRELLIS_AUTHORITY_AGREE, TRELLIS_AUTHORITY_ADVISE, TRELLIS_AUTHORITY_INQUIRE, TRELLIS_AUTHORITY_DELEGATE,
  };
  static const TrellisAuthority other_authority[] = {
    TRELLIS_AUTHORITY_NONE, TRELLIS_AUTHORITY_TELL, TRELLIS_AUTHORITY_SELL, TRELLIS_AUTHORITY_CONSULT,
  };
  guint n_areas = G_N_ELEMENTS (areas);
  guint n_roles = g->roles->len;

  for (guint i = 0; i < g->tier->n_responsibilities; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *lower = g_ascii_strdown (areas[i % n_areas], -1);
      TrellisEntity *rs;
      guint accountable = rng_below (&g->rng, n_roles);
      guint responsible = (accountable + 1 + rng_below (&g->rng, MAX (n_roles - 1, 1))) % n_roles;
      guint n_needs = 1 + rng_below (&g->rng, 3);

      name = g_strdup_printf ("%s %s", verbs[(i / n_areas) % G_N_ELEMENTS (verbs)], lower);
      rs = create (g, TRELLIS_KIND_RESPONSIBILITY, name);
      trellis_document_set_string (g->doc, rs, TRELLIS_FIELD_RESULT,
                                   g_ptr_array_index (g->results, i % g->results->len));
      if (i % 5 == 0)
        trellis_document_set_string (g->doc, rs, TRELLIS_FIELD_DESCRIPTION,
                                     "Includes the follow-up and telling the people involved.");

      for (guint k = 0; k < n_needs; k++)
        trellis_document_set_requirement (g->doc, rs,
                                          g_ptr_array_index (g->competencies,
                                                             (i * 5 + k * 11) % g->competencies->len),
                                          2 + (gint) rng_below (&g->rng, 2));

      /* Exactly one accountable role and one responsible role, mostly;
       * a few responsibilities break the rules, as in real matrices. */
      if (i % 17 != 16)
        trellis_document_set_assignment (g->doc, TRELLIS_RESPONSIBILITY (rs),
                                         g_ptr_array_index (g->roles, accountable),
                                         responsible == accountable || n_roles == 1
                                         ? TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE
                                         : TRELLIS_RACI_ACCOUNTABLE,
                                         owner_authority[rng_below (&g->rng, G_N_ELEMENTS (owner_authority))]);
      if (responsible != accountable && i % 13 != 12)
        trellis_document_set_assignment (g->doc, TRELLIS_RESPONSIBILITY (rs),
                                         g_ptr_array_index (g->roles, responsible),
                                         TRELLIS_RACI_RESPONSIBLE,
                                         owner_authority[rng_below (&g->rng, G_N_ELEMENTS (owner_authority))]);
      for (guint k = 0; k < rng_below (&g->rng, 3) && n_roles > 2; k++)
        {
          guint other = (responsible + 1 + k) % n_roles;

          if (other == accountable || other == responsible)
            continue;
          trellis_document_set_assignment (g->doc, TRELLIS_RESPONSIBILITY (rs),
                                           g_ptr_array_index (g->roles, other),
                                           k == 0 ? TRELLIS_RACI_CONSULTED : TRELLIS_RACI_INFORMED,
                                           other_authority[rng_below (&g->rng, G_N_ELEMENTS (other_authority))]);
        }

      g_ptr_array_add (g->responsibilities, (char *) trellis_entity_get_id (rs));
    }
}

static void
assess (Generator               *g,
        TrellisPerson           *person,
        const TrellisAssessment *a)
{
  if (!g->no_assessments)
    trellis_document_set_assessment (g->doc, person, a);
}

/* The assessments of one person: every competency once in the current
 * round, older rounds and other perspectives for some. Records are added
 * in competency order, oldest first, as the grid keeps them. */
static void
assess_person (Generator     *g,
               TrellisPerson *person,
               const guint   *person_roles,
               guint          n_person_roles)
{
  static const guint source_weights[TRELLIS_N_SOURCES] = { 45, 10, 15, 30 };
  static const guint free_levels[] = { 30, 35, 25, 8, 2 };
  static const guint delta_weights[] = { 5, 25, 50, 20 };
  guint n_comp = g->competencies->len;
  TrellisDate current = date_dmy (1, 9, 2026) + rng_below (&g->rng, 90);
  TrellisDate previous = date_dmy (1, 10, 2025) + rng_below (&g->rng, 60);
  TrellisSource usual = rng_weighted (&g->rng, source_weights, TRELLIS_N_SOURCES);

  trellis_document_begin_group (g->doc, "Assess");

  for (guint c = 0; c < n_comp; c++)
    {
      TrellisAssessment a = { 0 };
      gint required = -1;
      gint level;

      for (guint k = 0; k < n_person_roles; k++)
        required = MAX (required, g->role_required[(gsize) person_roles[k] * n_comp + c]);

      /* CLAMP evaluates its argument more than once: draw first. */
      if (required >= 0)
        {
          gint delta = (gint) rng_weighted (&g->rng, delta_weights, G_N_ELEMENTS (delta_weights)) - 2;

          level = CLAMP (required + delta, 0, 4);
        }
      else
        level = (gint) rng_weighted (&g->rng, free_levels, G_N_ELEMENTS (free_levels));

      a.competency = g_ptr_array_index (g->competencies, c);

      /* Last year's round, for some. */
      if (rng_chance (&g->rng, 0.05))
        {
          a.level = MAX (level - 1, 0);
          a.source = rng_chance (&g->rng, 0.5) ? TRELLIS_SOURCE_SELF : TRELLIS_SOURCE_AGREED;
          a.date = previous;
          assess (g, person, &a);
          g->n_records++;
        }

      /* A second perspective earlier in this round, for some. */
      if (rng_chance (&g->rng, 0.03))
        {
          gint delta = (gint) rng_below (&g->rng, 3) - 1;

          a.level = CLAMP (level + delta, 0, 4);
          a.source = usual == TRELLIS_SOURCE_SELF ? TRELLIS_SOURCE_PEER : TRELLIS_SOURCE_SELF;
          a.date = current - 7;
          assess (g, person, &a);
          g->n_records++;
        }

      a.level = level;
      a.want = rng_chance (&g->rng, level < required ? 0.35 : 0.1);
      a.source = rng_chance (&g->rng, 0.9) ? usual : rng_weighted (&g->rng, source_weights, TRELLIS_N_SOURCES);
      a.date = a.source == TRELLIS_SOURCE_AGREED ? current + 14 : current;
      if (rng_chance (&g->rng, 0.005))
        a.note = notes[rng_below (&g->rng, G_N_ELEMENTS (notes))];
      if (rng_chance (&g->rng, 0.002))
        a.evidence = evidence[rng_below (&g->rng, G_N_ELEMENTS (evidence))];
      assess (g, person, &a);
      g->n_records++;
      g->n_current++;
    }

  trellis_document_end_group (g->doc);

  /* Nobody undoes a generator: keep memory flat. */
  trellis_document_clear_history (g->doc);
}

static void
build_people (Generator *g)
{
  static const guint share_weights[TRELLIS_N_SHARES] = { 15, 25, 60 };
  guint n_first = G_N_ELEMENTS (first_names);
  guint n_last = G_N_ELEMENTS (last_names);

  for (guint i = 0; i < g->tier->n_people; i++)
    {
      /* Distinct names: walk first × last names with strides coprime to both. */
      guint k = (i * 7919u) % (n_first * n_last);
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[k % n_first], last_names[k / n_first]);
      TrellisEntity *p = create (g, TRELLIS_KIND_PERSON, name);
      guint person_roles[2];
      guint n_person_roles = 1;
      const char *role_ids[3] = { NULL };

      person_roles[0] = rng_below (&g->rng, g->roles->len);
      if (g->roles->len > 1 && rng_chance (&g->rng, 0.2))
        {
          person_roles[1] = (person_roles[0] + 1 + rng_below (&g->rng, g->roles->len - 1)) % g->roles->len;
          n_person_roles = 2;
        }
      for (guint r = 0; r < n_person_roles; r++)
        role_ids[r] = g_ptr_array_index (g->roles, person_roles[r]);

      trellis_document_set_strv (g->doc, p, TRELLIS_FIELD_ROLES, role_ids);
      trellis_document_set_int (g->doc, p, TRELLIS_FIELD_SHARE,
                                (gint) rng_weighted (&g->rng, share_weights, TRELLIS_N_SHARES));
      assess_person (g, TRELLIS_PERSON (p), person_roles, n_person_roles);
      g_ptr_array_add (g->people, p);
    }
}

static void
build_indicators (Generator *g)
{
  static const char * const units[] = { "days", "%", "%", "cases", "score", "hours", "sessions" };
  static const double targets[] = { 3, 90, 2, 50, 7.5, 36, 4 };

  for (guint i = 0; i < g->tier->n_indicators; i++)
    {
      guint m = i % G_N_ELEMENTS (metrics);
      g_autofree char *name = g_strdup_printf ("%s %s", areas[(i / G_N_ELEMENTS (metrics) + i) % G_N_ELEMENTS (areas)],
                                               metrics[m]);
      TrellisEntity *ind = create (g, TRELLIS_KIND_INDICATOR, name);
      g_autoptr(GArray) measurements = trellis_measurements_new ();
      g_autoptr(GPtrArray) reviews = trellis_reviews_new ();
      guint n_months = 12 + rng_below (&g->rng, 13);
      double value = targets[m] * (0.7 + 0.1 * rng_below (&g->rng, 4));

      trellis_document_set_string (g->doc, ind, TRELLIS_FIELD_RESULT,
                                   g_ptr_array_index (g->results, i % g->results->len));
      trellis_document_set_int (g->doc, ind, TRELLIS_FIELD_INDICATOR_KIND,
                                m >= 4 ? TRELLIS_INDICATOR_HUMAN : TRELLIS_INDICATOR_OUTPUT);
      trellis_document_set_double (g->doc, ind, TRELLIS_FIELD_TARGET, targets[m]);
      trellis_document_set_string (g->doc, ind, TRELLIS_FIELD_UNIT, units[m]);
      trellis_document_set_int (g->doc, ind, TRELLIS_FIELD_RHYTHM,
                                i % 3 == 0 ? TRELLIS_RHYTHM_QUARTERLY : TRELLIS_RHYTHM_MONTHLY);
      trellis_document_set_string (g->doc, ind, TRELLIS_FIELD_OWNER,
                                   g_ptr_array_index (g->roles, i % g->roles->len));

      /* Monthly, up to November 2026. */
      for (guint k = 0; k < n_months; k++)
        {
          GArray *next;
          guint index = 2026 * 12 + 10 - (n_months - 1) + k;
          guint month = index % 12 + 1;
          guint year = index / 12;

          value += targets[m] * 0.02 * ((double) rng_below (&g->rng, 7) - 2.5);
          value = round (MAX (value, 0) * 10) / 10;
          next = trellis_measurements_copy_set (measurements, date_dmy (1, month, year), value);
          g_array_unref (measurements);
          measurements = next;
        }
      trellis_document_take_array (g->doc, ind, TRELLIS_FIELD_MEASUREMENTS, g_steal_pointer (&measurements));

      for (guint k = 0; k < 1 + rng_below (&g->rng, 2); k++)
        {
          TrellisReview review = {
            .date = date_dmy (5, 3 + k * 6, 2026),
            .plan = (char *) "Coach the team on the largest gaps",
            .do_ = k == 0 ? (char *) "Two coaching sessions per person" : NULL,
            .check = (char *) "Up by a few points; not at target yet",
            .act = k == 0 ? (char *) "Keep the sessions; add peer review" : NULL,
          };
          GPtrArray *next;

          next = trellis_reviews_copy_set (reviews, &review);
          g_ptr_array_unref (reviews);
          reviews = next;
        }
      trellis_document_take_ptr_array (g->doc, ind, TRELLIS_FIELD_REVIEWS, g_steal_pointer (&reviews));
    }
}

static void
build_development (Generator *g)
{
  for (guint i = 0; i < g->tier->n_actions; i++)
    {
      TrellisEntity *person = g_ptr_array_index (g->people, (i * 37) % g->people->len);
      g_autofree char *name = g_strdup_printf ("Action %u", i + 1);
      TrellisEntity *action = create (g, TRELLIS_KIND_ACTION, name);

      trellis_document_set_string (g->doc, action, TRELLIS_FIELD_PERSON, trellis_entity_get_id (person));
      trellis_document_set_string (g->doc, action, TRELLIS_FIELD_COMPETENCY,
                                   g_ptr_array_index (g->competencies, (i * 13) % g->competencies->len));
      trellis_document_set_int (g->doc, action, TRELLIS_FIELD_ACTION_KIND, (gint) (i % TRELLIS_N_ACTION_KINDS));
      trellis_document_set_uint (g->doc, action, TRELLIS_FIELD_DUE, date_dmy (1, 1, 2027) + rng_below (&g->rng, 180));
      trellis_document_set_int (g->doc, action, TRELLIS_FIELD_STATUS, (gint) rng_below (&g->rng, TRELLIS_N_ACTION_STATUSES));
      if (i % 3 == 0)
        trellis_document_set_string (g->doc, action, TRELLIS_FIELD_NOTE, "Weekly review of two calls");
    }

  for (guint i = 0; i < g->tier->n_remarks; i++)
    {
      TrellisEntity *person = g_ptr_array_index (g->people, (i * 53) % g->people->len);
      g_autofree char *name = g_strdup_printf ("Remark %u", i + 1);
      TrellisEntity *remark = create (g, TRELLIS_KIND_FEEDBACK, name);
      const char *about = i % 2 == 0
                          ? g_ptr_array_index (g->competencies, (i * 7) % g->competencies->len)
                          : g_ptr_array_index (g->roles, (i * 3) % g->roles->len);
      TrellisFeedbackStatus status = (TrellisFeedbackStatus) rng_below (&g->rng, TRELLIS_N_FEEDBACK_STATUSES);

      trellis_document_set_string (g->doc, remark, TRELLIS_FIELD_PERSON, trellis_entity_get_id (person));
      trellis_document_set_string (g->doc, remark, TRELLIS_FIELD_ABOUT, about);
      trellis_document_set_uint (g->doc, remark, TRELLIS_FIELD_DATE, date_dmy (20, 11, 2026) - rng_below (&g->rng, 60));
      trellis_document_set_int (g->doc, remark, TRELLIS_FIELD_STATUS, status);
      trellis_document_set_string (g->doc, remark, TRELLIS_FIELD_TEXT,
                                   remark_texts[i % G_N_ELEMENTS (remark_texts)]);
      if (status != TRELLIS_FEEDBACK_OPEN)
        trellis_document_set_string (g->doc, remark, TRELLIS_FIELD_RESPONSE,
                                     "Discussed in the team meeting; we keep it for now.");
    }
}

static const Tier *
find_tier (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      if (g_strcmp0 (tiers[i].name, name) == 0)
        return &tiers[i];
    }

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_name = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 seed = 20261120;
  gboolean quiet = FALSE;
  Generator g = { 0 };
  const GOptionEntry entries[] = {
    { "tier", 't', 0, G_OPTION_ARG_STRING, &tier_name, "workshop, department or enterprise", "TIER" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the matrix", "FILE" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the pseudo-random generator", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print nothing on success", NULL },
    { "no-assessments", 0, 0, G_OPTION_ARG_NONE, &g.no_assessments, "Leave the assessments out", NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Writes a benchmark matrix of one size tier, the same bytes on every run.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("trellis-generate: %s\n", error->message);
      return 2;
    }

  g.tier = find_tier (tier_name != NULL ? tier_name : "workshop");
  if (g.tier == NULL || output == NULL)
    {
      g_printerr ("trellis-generate: give --tier workshop|department|enterprise and -o FILE\n");
      return 2;
    }

  g.rng.state = (guint64) seed;
  g.doc = trellis_document_new ();
  g.values = g_ptr_array_new ();
  g.results = g_ptr_array_new ();
  g.competencies = g_ptr_array_new ();
  g.roles = g_ptr_array_new ();
  g.responsibilities = g_ptr_array_new ();
  g.people = g_ptr_array_new ();

  build_organisation (&g);
  build_values (&g);
  build_results (&g);
  build_competencies (&g);
  build_roles (&g);
  build_responsibilities (&g);
  build_people (&g);
  build_indicators (&g);
  build_development (&g);
  trellis_document_clear_history (g.doc);

  file = g_file_new_for_commandline_arg (output);
  if (!trellis_document_save (g.doc, file, TRELLIS_SAVE_FLAGS_FORCE | TRELLIS_SAVE_FLAGS_NO_BACKUP, NULL, &error))
    {
      g_printerr ("trellis-generate: %s\n", error->message);
      return 1;
    }

  if (!quiet)
    g_print ("%s: %s tier, %u people, %u competencies, %u roles, %u current assessments, "
             "%u in all, %" G_GUINT64_FORMAT " bytes\n",
             output, g.tier->name, g.tier->n_people, g.tier->n_competencies, g.tier->n_roles,
             g.n_current, g.n_records, trellis_document_get_file_state (g.doc)->size);

  g_free (g.role_required);
  g_ptr_array_unref (g.values);
  g_ptr_array_unref (g.results);
  g_ptr_array_unref (g.competencies);
  g_ptr_array_unref (g.roles);
  g_ptr_array_unref (g.responsibilities);
  g_ptr_array_unref (g.people);
  g_object_unref (g.doc);

  return 0;
}
