/* render-tiers.c: matrices of the design's scale tiers, made up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "render-tiers.h"

/* A made-up matrix of a given size, the same for the same seed: values,
 * competencies tied to them, results, responsibilities with RACI and
 * delegation levels, roles with requirements, and people with one role
 * (some two) and an assessment on most competencies, some with a second
 * perspective or an earlier date. It is written as a file and read back,
 * the way the application gets its matrices. */

const RenderTier render_tiers[3] = {
  { "workshop",   15,   30,   4 },
  { "department", 300,  100,  25 },
  { "enterprise", 5000, 300,  200 },
};

static const char * const first_names[] = {
  "Anna", "Ben", "Chloé", "Dirk", "Eva", "Farid", "Greet", "Hamza", "Iris", "Joost",
  "Karin", "Lars", "Mila", "Noor", "Otto", "Priya", "Quinten", "Rosa", "Sem", "Tess",
};

static const char * const words[] = {
  "customer", "complaint", "billing", "listening", "product", "escalation", "planning",
  "quality", "coaching", "knowledge", "routing", "follow-up", "empathy", "data", "safety",
};

static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

char *
render_tier_xml (guint  people,
                 guint  competencies,
                 guint  roles,
                 guint  seed,
                 gsize *length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_values = MAX (3, competencies / 15);
  guint n_results = MAX (2, roles / 2 + 1);
  guint n_resp = MAX (3, roles * 2);
  GString *x = g_string_sized_new ((gsize) people * competencies * 90 + 4096);
  static const char * const raci[] = { "A", "R", "RA", "C", "I" };
  static const char * const authority[] = { "tell", "sell", "consult", "agree", "advise", "inquire", "delegate" };
  static const char * const sources[] = { "self", "peer", "coach", "agreed" };
  static const char * const shares[] = { "private", "coach", "team", "team" };

  g_string_append (x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
                      "<organisation name=\"Customer Service North\"><mission>We solve every question in one contact, "
                      "with care and ownership.</mission></organisation>\n<values>\n");
  for (guint v = 0; v < n_values; v++)
    g_string_append_printf (x, "<value id=\"v%u\" name=\"Value %u %s\"/>\n", v, v + 1, pick (rand, words, G_N_ELEMENTS (words)));

  g_string_append (x, "</values>\n<results>\n");
  for (guint r = 0; r < n_results; r++)
    g_string_append_printf (x, "<result id=\"r%u\" name=\"Result %u\" values=\"v%u\"/>\n", r, r + 1, r % n_values);

  g_string_append (x, "</results>\n<competencies>\n");
  /* One draw per statement: the order in which a call's arguments are
   * worked out is up to the compiler, and the matrix must not be. */
  for (guint c = 0; c < competencies; c++)
    {
      const char *first_word = pick (rand, words, G_N_ELEMENTS (words));
      const char *second_word = pick (rand, words, G_N_ELEMENTS (words));

      g_string_append_printf (x, "<competency id=\"c%u\" name=\"%s %s %u\" values=\"v%u\"/>\n", c,
                              first_word, second_word, c + 1, (c * n_values) / competencies);
    }

  g_string_append (x, "</competencies>\n<responsibilities>\n");
  for (guint s = 0; s < n_resp; s++)
    {
      guint owner = s % roles;

      g_string_append_printf (x, "<responsibility id=\"rs%u\" name=\"Handle %s %u\" result=\"r%u\">", s,
                              pick (rand, words, G_N_ELEMENTS (words)), s + 1, s % n_results);
      {
        guint first = g_rand_int_range (rand, 0, competencies);

        g_string_append_printf (x, "<needs competency=\"c%u\" level=\"%d\"/>", first, g_rand_int_range (rand, 1, 4));
        if (competencies > 1)
          {
            guint second = (first + 1 + g_rand_int_range (rand, 0, competencies - 1)) % competencies;
            gint level = g_rand_int_range (rand, 1, 4);

            g_string_append_printf (x, "<needs competency=\"c%u\" level=\"%d\"/>", second, level);
          }
      }
      g_string_append_printf (x, "<assign role=\"ro%u\" raci=\"%s\" authority=\"%s\"/>", owner,
                              s % 7 == 3 ? "R" : "RA", authority[g_rand_int_range (rand, 2, 7)]);
      if (roles > 1)
        {
          const char *letters = raci[g_rand_int_range (rand, 1, 5)];
          const char *level = authority[g_rand_int_range (rand, 0, 4)];

          g_string_append_printf (x, "<assign role=\"ro%u\" raci=\"%s\" authority=\"%s\"/>", (owner + 1) % roles,
                                  letters, level);
        }
      g_string_append (x, "</responsibility>\n");
    }

  g_string_append (x, "</responsibilities>\n<roles>\n");
  for (guint r = 0; r < roles; r++)
    {
      guint n_req = MIN (competencies, 8 + (guint) g_rand_int_range (rand, 0, 8));
      guint start = g_rand_int_range (rand, 0, competencies);

      g_string_append_printf (x, "<role id=\"ro%u\" name=\"Role %u %s\">", r, r + 1, pick (rand, words, G_N_ELEMENTS (words)));
      /* Spread over the competencies with a step that shares no factor
       * with their number: never the same one twice. */
      for (guint k = 0; k < n_req; k++)
        {
          static const guint steps[] = { 7, 5, 3, 1 };
          guint step = 1;
          guint c;

          for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
            if (competencies % steps[i] != 0)
              {
                step = steps[i];
                break;
              }
          c = (start + k * step) % competencies;
          g_string_append_printf (x, "<requires competency=\"c%u\" level=\"%d\"/>", c, g_rand_int_range (rand, 1, 5));
        }
      g_string_append (x, "</role>\n");
    }

  g_string_append (x, "</roles>\n<people>\n");
  for (guint p = 0; p < people; p++)
    {
      guint role = p % roles;

      g_string_append_printf (x, "<person id=\"p%u\" name=\"%s %u\" roles=\"ro%u", p,
                              pick (rand, first_names, G_N_ELEMENTS (first_names)), p + 1, role);
      if (p % 10 == 7 && roles > 1)
        g_string_append_printf (x, " ro%u", (role + 1) % roles);
      g_string_append_printf (x, "\" share=\"%s\">", shares[g_rand_int_range (rand, 0, 4)]);

      for (guint c = 0; c < competencies; c++)
        {
          gint level = g_rand_int_range (rand, 0, 5);
          guint dice = g_rand_int_range (rand, 0, 100);

          if (dice < 3)
            continue;  /* not assessed */
          g_string_append_printf (x, "<assessment competency=\"c%u\" level=\"%d\"%s source=\"%s\" date=\"2026-%02d-%02d\"/>",
                                  c, level, dice % 9 == 0 ? " want=\"grow\"" : "",
                                  sources[dice % 4], 1 + dice % 11, 1 + dice % 27);
          if (dice > 95)
            g_string_append_printf (x, "<assessment competency=\"c%u\" level=\"%d\" source=\"self\" date=\"2025-06-01\"/>",
                                    c, MAX (0, level - 1));
        }
      g_string_append (x, "</person>\n");
    }
  g_string_append (x, "</people>\n</trellis>\n");

  if (length != NULL)
    *length = x->len;

  return g_string_free (x, FALSE);
}

TrellisDocument *
render_tier_load (guint people,
                  guint competencies,
                  guint roles,
                  guint seed)
{
  gsize length = 0;
  char *xml = render_tier_xml (people, competencies, roles, seed, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (xml, length);
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = trellis_document_new_from_bytes (bytes, "tier.trellis", NULL, &error);

  if (doc == NULL)
    g_error ("the made-up matrix does not load: %s", error->message);

  return doc;
}

/**
 * render_tier_generate:
 * @tier: "workshop", "department" or "enterprise"
 * @folder: where to write
 *
 * Writes a tier's matrix with the benchmarks' generator (TRELLIS_GENERATE,
 * or the one built beside this program).
 *
 * Returns: (transfer full): the file's path
 */
char *
render_tier_generate (const char *tier,
                      const char *folder)
{
  g_autofree char *name = g_strdup_printf ("%s.trellis", tier);
  char *path = g_build_filename (folder, name, NULL);

  bench_generate (tier, path, NULL);
  return path;
}
