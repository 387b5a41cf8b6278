/* test-mandate.c: a person's mandate card in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-mandate.h"

static TrellisDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data", "examples",
                                                                    "customer-service.trellis", NULL));
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static const TrellisMandateItem *
find_item (TrellisMandate *mandate,
           const char     *role,
           const char     *responsibility)
{
  for (guint i = 0; i < trellis_mandate_get_n_items (mandate); i++)
    {
      const TrellisMandateItem *item = trellis_mandate_get_item (mandate, i);

      if (g_str_equal (trellis_entity_get_id (item->role), role) &&
          g_str_equal (trellis_entity_get_id (item->responsibility), responsibility))
        return item;
    }

  return NULL;
}

static gboolean
holds (GPtrArray  *entities,
       const char *id)
{
  for (guint i = 0; i < entities->len; i++)
    if (g_str_equal (trellis_entity_get_id (g_ptr_array_index (entities, i)), id))
      return TRUE;

  return FALSE;
}

/* Anna, a service agent, decides on goodwill and reports back; the
 * seniors and the team lead are accountable, the coach is informed. */
static void
test_agent (void)
{
  g_autoptr(TrellisDocument) doc = load_example ();
  g_autoptr(TrellisMandate) mandate = trellis_mandate_new (doc, trellis_document_lookup (doc, "p-anna"));
  const TrellisMandateItem *goodwill = find_item (mandate, "ro-agent", "rs-goodwill");
  GPtrArray *values = trellis_mandate_get_values (mandate);

  g_assert_nonnull (goodwill);
  g_assert_cmpint (goodwill->raci, ==, TRELLIS_RACI_RESPONSIBLE);
  g_assert_cmpint (goodwill->authority, ==, TRELLIS_AUTHORITY_INQUIRE);
  g_assert_cmpstr (goodwill->decision, ==, "I decide and report back");
  g_assert_cmpstr (goodwill->roles, ==, "I do the work");
  g_assert_cmpstr (trellis_entity_get_id (goodwill->result), ==, "r-trust");
  g_assert_true (holds (goodwill->accountable, "ro-senior"));
  g_assert_true (holds (goodwill->accountable, "ro-team-lead"));
  g_assert_true (holds (goodwill->inform, "ro-coach"));
  g_assert_cmpuint (goodwill->consult->len, ==, 0);
  g_assert_true (holds (goodwill->values, "v-trust"));
  g_assert_true (holds (goodwill->values, "v-care"));

  /* Every value once, in the document's order. */
  for (guint i = 0; i < values->len; i++)
    for (guint k = i + 1; k < values->len; k++)
      g_assert_true (g_ptr_array_index (values, i) != g_ptr_array_index (values, k));
  g_assert_true (holds (values, "v-trust"));
}

/* Kim has two roles: an item for each, and neither of her roles is
 * someone else to go to. */
static void
test_two_roles (void)
{
  g_autoptr(TrellisDocument) doc = load_example ();
  g_autoptr(TrellisMandate) mandate = trellis_mandate_new (doc, trellis_document_lookup (doc, "p-kim"));
  const TrellisMandateItem *senior = find_item (mandate, "ro-senior", "rs-goodwill");
  const TrellisMandateItem *coach = find_item (mandate, "ro-coach", "rs-goodwill");

  g_assert_nonnull (senior);
  g_assert_nonnull (coach);
  g_assert_cmpstr (senior->decision, ==, "I decide");
  g_assert_cmpstr (senior->roles, ==, "I answer for the outcome");
  g_assert_cmpstr (coach->decision, ==, "I am told");
  g_assert_false (holds (senior->accountable, "ro-senior"));
  g_assert_false (holds (senior->inform, "ro-coach"));
  g_assert_true (holds (senior->accountable, "ro-team-lead"));
}

static void
test_words (void)
{
  g_autofree char *all = trellis_raci_dup_words (TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE |
                                                 TRELLIS_RACI_CONSULTED | TRELLIS_RACI_INFORMED);
  g_autofree char *two = trellis_raci_dup_words (TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE);

  g_assert_cmpstr (two, ==, "I do the work and I answer for the outcome");
  g_assert_cmpstr (all, ==, "I do the work, I answer for the outcome, I am consulted and I am kept informed");
  g_assert_cmpstr (trellis_authority_get_decision (TRELLIS_AUTHORITY_TELL), ==, "I am told");
  g_assert_cmpstr (trellis_authority_get_decision (TRELLIS_AUTHORITY_DELEGATE), ==, "I decide");
  for (guint a = 0; a < TRELLIS_N_AUTHORITIES; a++)
    {
      g_assert_nonnull (trellis_authority_get_decision (a));
      g_assert_cmpstr (trellis_authority_get_explanation (a), !=, "");
    }
}

/* A person without roles has an empty card; a role named twice counts
 * once. */
static void
test_no_roles (void)
{
  g_autoptr(TrellisDocument) doc = load_example ();
  TrellisEntity *anna = trellis_document_lookup (doc, "p-anna");
  const char *none[] = { NULL };
  const char *twice[] = { "ro-agent", "ro-agent", NULL };
  g_autoptr(TrellisMandate) once = trellis_mandate_new (doc, anna);
  guint n = trellis_mandate_get_n_items (once);

  trellis_document_set_strv (doc, anna, TRELLIS_FIELD_ROLES, twice);
  {
    g_autoptr(TrellisMandate) doubled = trellis_mandate_new (doc, anna);

    g_assert_cmpuint (trellis_mandate_get_n_items (doubled), ==, n);
  }
  trellis_document_set_strv (doc, anna, TRELLIS_FIELD_ROLES, none);
  {
    g_autoptr(TrellisMandate) empty = trellis_mandate_new (doc, anna);

    g_assert_cmpuint (trellis_mandate_get_n_items (empty), ==, 0);
    g_assert_cmpuint (trellis_mandate_get_values (empty)->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/mandate/agent", test_agent);
  g_test_add_func ("/trellis/mandate/two-roles", test_two_roles);
  g_test_add_func ("/trellis/mandate/words", test_words);
  g_test_add_func ("/trellis/mandate/no-roles", test_no_roles);

  return g_test_run ();
}
