/* test-translations.c: the matrix's texts in several languages, in the
 * model, the history of edits and the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-translations.h"
#include "test-schema.h"
#include "test-util.h"

static TrellisEntity *
lookup (TrellisDocument *doc,
        const char      *id)
{
  TrellisEntity *e = trellis_document_lookup (doc, id);

  g_assert_nonnull (e);
  return e;
}

static void
test_languages (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "de", "de" }, { "DE", "de" }, { "pt_BR", "pt-BR" }, { "pt-br", "pt-BR" },
    { "fil", "fil" }, { "es-419", "es-419" }, { "es_419", "es-419" },
    { "d", NULL }, { "deutsch", NULL }, { "de-", NULL }, { "de-DEU", NULL },
    { "sr@latin", NULL }, { "zh-Hans", NULL }, { "de DE", NULL }, { "", NULL }, { "1e", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = trellis_language_normalize (cases[i].in, -1);

      g_assert_cmpstr (normal, ==, cases[i].out);
    }

  {
    g_autofree char *po = trellis_language_to_po ("pt-BR");
    g_autofree char *name = trellis_language_dup_name ("de");
    g_autofree char *unknown = trellis_language_dup_name ("xx-YY");

    g_assert_cmpstr (po, ==, "pt_BR");
    g_assert_cmpstr (name, ==, "German (de)");
    g_assert_cmpstr (unknown, ==, "xx-YY");
  }

  g_assert_cmpstr (trellis_language_get_plural_forms ("de"), ==, "nplurals=2; plural=(n != 1);");
  g_assert_cmpstr (trellis_language_get_plural_forms ("pt-BR"), ==, "nplurals=2; plural=(n > 1);");
  g_assert_cmpstr (trellis_language_get_plural_forms ("pt"), ==, "nplurals=2; plural=(n != 1);");
  g_assert_cmpstr (trellis_language_get_plural_forms ("ja"), ==, "nplurals=1; plural=0;");
  g_assert_true (g_str_has_prefix (trellis_language_get_plural_forms ("pl-PL"), "nplurals=3;"));
}

static void
test_keys (void)
{
  static const struct { const char *key; gboolean ok; TrellisTextPart part; gint index; } cases[] = {
    { "name", TRUE, TRELLIS_TEXT_NAME, 0 },
    { "description", TRUE, TRELLIS_TEXT_DESCRIPTION, 0 },
    { "unit", TRUE, TRELLIS_TEXT_UNIT, 0 },
    { "behaviour 1", TRUE, TRELLIS_TEXT_BEHAVIOUR, 0 },
    { "behaviour 1000", TRUE, TRELLIS_TEXT_BEHAVIOUR, 999 },
    { "level 0", TRUE, TRELLIS_TEXT_LEVEL, 0 },
    { "level 10", TRUE, TRELLIS_TEXT_LEVEL, 10 },
    { "scale level 3", TRUE, TRELLIS_TEXT_SCALE_DESCRIPTION, 3 },
    { "scale level 3 name", TRUE, TRELLIS_TEXT_SCALE_NAME, 3 },
    { "behaviour 0", FALSE, 0, 0 },
    { "behaviour 1001", FALSE, 0, 0 },
    { "behaviour 01", FALSE, 0, 0 },
    { "level 11", FALSE, 0, 0 },
    { "level -1", FALSE, 0, 0 },
    { "level 3 name", FALSE, 0, 0 },
    { "scale level 11 name", FALSE, 0, 0 },
    { "scale level  name", FALSE, 0, 0 },
    { "scale name", FALSE, 0, 0 },
    { "level", FALSE, 0, 0 },
    { "Name", FALSE, 0, 0 },
    { "name ", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TrellisTextPart part = TRELLIS_N_TEXT_PARTS;
      gint index = -1;
      gboolean ok = trellis_text_key_parse (cases[i].key, strlen (cases[i].key), &part, &index);

      g_test_message ("key ‘%s’", cases[i].key);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_autofree char *again = trellis_text_key_format (part, index);

          g_assert_cmpint (part, ==, cases[i].part);
          g_assert_cmpint (index, ==, cases[i].index);
          g_assert_cmpstr (again, ==, cases[i].key);
        }
    }
}

/* The fixture holds a translation in every place a text can be. */
static void
test_read_write (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("translations.trellis");
  g_autofree char *original = test_fixture_contents ("translations.trellis", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) languages = NULL;
  TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (doc));
  TrellisEntity *care = lookup (doc, "v-care");
  TrellisEntity *listen = lookup (doc, "c-listen");
  guint n_texts = 0;

  g_assert_cmpstr (trellis_entity_get_name_in (org, "de"), ==, "Klein & Co");
  g_assert_cmpstr (trellis_entity_get_name_in (org, "nl"), ==, "Small & Co");
  g_assert_cmpstr (trellis_entity_get_text (org, TRELLIS_TEXT_VISION, 0, "nl"), ==,
                   "Een wereld waarin vragen in één keer beantwoord worden.");
  g_assert_cmpstr (trellis_document_get_level_name_in (doc, 4, "de"), ==, "Experte");
  g_assert_cmpstr (trellis_document_get_level_name_in (doc, 3, "de"), ==, "Proficient");
  g_assert_cmpstr (trellis_document_get_level_name_in (doc, 4, NULL), ==, "Expert");
  g_assert_cmpstr (trellis_entity_get_text (org, TRELLIS_TEXT_SCALE_DESCRIPTION, 4, "de"), ==, "Bringt es anderen bei");
  /* Level 0 has no description: its translation of none is not shown. */
  g_assert_null (trellis_entity_get_text (org, TRELLIS_TEXT_SCALE_DESCRIPTION, 0, "de"));
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 0, "de"), ==, "Listens first");
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 1, "de"), ==, "Fasst nach");
  g_assert_cmpstr (trellis_entity_get_text (listen, TRELLIS_TEXT_LEVEL, 3, "de"), ==,
                   "Fasst das Anliegen zusammen, bevor sie antwortet");
  g_assert_cmpstr (trellis_entity_get_name_in (listen, "fr"), ==, "Active listening");
  g_assert_cmpstr (trellis_entity_get_name_in (lookup (doc, "i-once"), "de"), ==, "In einem Kontakt gelöst");
  g_assert_cmpstr (trellis_entity_get_name_in (lookup (doc, "rs-complaints"), "de"), ==, "Beschwerden bearbeiten");
  g_assert_cmpstr (trellis_entity_get_name_in (lookup (doc, "ro-agent"), "de"), ==, "Mitarbeiterin");
  g_assert_cmpstr (trellis_entity_get_name_in (lookup (doc, "r-once"), "de"), ==, "In einem Kontakt gelöst");
  /* People are not translated. */
  g_assert_cmpstr (trellis_entity_get_name_in (lookup (doc, "p-anna"), "de"), ==, "Anna");

  languages = trellis_document_dup_languages (doc);
  g_assert_cmpstrv (languages, ((const char *[]) { "de", "nl", NULL }));
  g_assert_cmpuint (trellis_document_count_translated (doc, "de", &n_texts), ==, 13);
  g_assert_cmpuint (n_texts, ==, 23);
  g_assert_cmpuint (trellis_document_count_translated (doc, "nl", NULL), ==, 2);

  /* Written back byte for byte, as 1.2, and valid. */
  out = test_serialize_string (doc);
  g_assert_cmpstr (out, ==, original);
  assert_valid (out, strlen (out));
}

/* A file without translations is written as before, byte for byte; the
 * first translation makes it 1.2, and removing it 1.0 again. */
static void
test_unchanged_without (gconstpointer data)
{
  const char *path = g_test_get_filename (G_TEST_DIST, data, NULL);
  g_autofree char *original = test_read_file (path, NULL);
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *translated = NULL;
  g_autofree char *undone = NULL;
  TrellisEntity *org;

  doc = test_load_string (original, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (trellis_document_has_translations (doc));
  out = test_serialize_string (doc);
  g_assert_cmpstr (out, ==, original);

  org = TRELLIS_ENTITY (trellis_document_get_organisation (doc));
  trellis_document_set_translation (doc, org, TRELLIS_TEXT_NAME, 0, "fr", "Le service");
  translated = test_serialize_string (doc);
  g_assert_nonnull (strstr (translated, "version=\"1.2\""));
  g_assert_nonnull (strstr (translated, "<translation xml:lang=\"fr\" field=\"name\">Le service</translation>"));
  assert_valid (translated, strlen (translated));

  g_assert_true (trellis_document_undo (doc));
  undone = test_serialize_string (doc);
  g_assert_cmpstr (undone, ==, original);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_edit_undo (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  g_autofree char *before = test_serialize_string (doc);
  TrellisEntity *listen = lookup (doc, "c-listen");
  TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (doc));
  g_autofree char *out = NULL;
  guint notified = 0;

  g_signal_connect_swapped (listen, "notify::translations", G_CALLBACK (count_notify), &notified);

  trellis_document_set_translation (doc, listen, TRELLIS_TEXT_NAME, 0, "de", "Aktives Zuhören");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Translate ‘Active listening’");
  trellis_document_set_translation (doc, listen, TRELLIS_TEXT_LEVEL, 3, "de", "Fasst zusammen");
  trellis_document_set_translation (doc, org, TRELLIS_TEXT_SCALE_NAME, 2, "de", "Selbstständig");
  /* The same again records nothing. */
  trellis_document_set_translation (doc, org, TRELLIS_TEXT_SCALE_NAME, 2, "de", "Selbstständig");

  /* The originals are untouched: editing edits the original only. */
  g_assert_cmpstr (trellis_entity_get_name (listen), ==, "Active listening");
  g_assert_cmpstr (trellis_document_get_level_name (doc, 2), ==, "Independent");
  g_assert_cmpstr (trellis_document_get_level_name_in (doc, 2, "de"), ==, "Selbstständig");

  trellis_document_set_string (doc, listen, TRELLIS_FIELD_NAME, "Listening");
  g_assert_cmpstr (trellis_entity_get_name_in (listen, "de"), ==, "Aktives Zuhören");
  g_assert_true (trellis_document_undo (doc));

  /* Removing a translation, then undoing all, step by step. */
  trellis_document_set_translation (doc, listen, TRELLIS_TEXT_NAME, 0, "de", NULL);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Remove a translation of ‘Active listening’");
  g_assert_cmpstr (trellis_entity_get_name_in (listen, "de"), ==, "Active listening");
  for (guint i = 0; i < 4; i++)
    g_assert_true (trellis_document_undo (doc));
  g_assert_false (trellis_document_can_undo (doc));
  out = test_serialize_string (doc);
  g_assert_cmpstr (out, ==, before);

  /* Deleting an element takes its translations; undoing brings them back. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (trellis_document_redo (doc));
  trellis_document_remove (doc, listen);
  {
    g_auto(GStrv) languages = trellis_document_dup_languages (doc);

    g_assert_cmpstrv (languages, ((const char *[]) { "de", NULL }));
  }
  g_assert_true (trellis_document_undo (doc));
  g_assert_cmpstr (trellis_entity_get_text (listen, TRELLIS_TEXT_LEVEL, 3, "de"), ==, "Fasst zusammen");
}

static void
test_behaviours_follow (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  TrellisEntity *care = lookup (doc, "v-care");
  const char *three[] = { "Listens first", "Follows up", "Keeps promises", NULL };
  const char *moved[] = { "Keeps promises", "Listens first", "Follows up", NULL };
  const char *removed[] = { "Keeps promises", "Follows up", NULL };
  const char *edited[] = { "Keeps every promise", "Follows up", NULL };

  trellis_document_set_strv (doc, care, TRELLIS_FIELD_BEHAVIOURS, three);
  trellis_document_set_translation (doc, care, TRELLIS_TEXT_BEHAVIOUR, 0, "de", "Hört zuerst zu");
  trellis_document_set_translation (doc, care, TRELLIS_TEXT_BEHAVIOUR, 1, "de", "Fasst nach");
  trellis_document_set_translation (doc, care, TRELLIS_TEXT_BEHAVIOUR, 2, "de", "Hält Versprechen");

  /* Moved: each translation goes with its behaviour, in one step that
   * says what it changed. */
  trellis_document_set_strv (doc, care, TRELLIS_FIELD_BEHAVIOURS, moved);
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 0, "de"), ==, "Hält Versprechen");
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 1, "de"), ==, "Hört zuerst zu");
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 2, "de"), ==, "Fasst nach");
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Change the Behaviours of ‘Care’");

  /* Removed: its translation goes with it. */
  trellis_document_set_strv (doc, care, TRELLIS_FIELD_BEHAVIOURS, removed);
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 0, "de"), ==, "Hält Versprechen");
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 1, "de"), ==, "Fasst nach");
  g_assert_null (trellis_entity_get_translation (care, TRELLIS_TEXT_BEHAVIOUR, 2, "de"));
  g_assert_cmpuint (trellis_entity_get_ptr_array (care, TRELLIS_FIELD_TRANSLATIONS)->len, ==, 2);

  /* Edited in place: it keeps its translation, as a name does. */
  trellis_document_set_strv (doc, care, TRELLIS_FIELD_BEHAVIOURS, edited);
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 0, "de"), ==, "Hält Versprechen");

  /* One undo takes back the behaviours and their translations together. */
  g_assert_true (trellis_document_undo (doc));
  g_assert_true (trellis_document_undo (doc));
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 1, "de"), ==, "Hört zuerst zu");
  g_assert_true (trellis_document_undo (doc));
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 0, "de"), ==, "Hört zuerst zu");
  g_assert_cmpstr (trellis_entity_get_text (care, TRELLIS_TEXT_BEHAVIOUR, 2, "de"), ==, "Hält Versprechen");
}

/* Every text of a matrix is named by a context that finds it again. */
static void
test_contexts (gconstpointer data)
{
  const char *path = g_test_get_filename (G_TEST_DIST, data, NULL);
  g_autofree char *xml = test_read_file (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (xml, NULL, &error);
  g_autoptr(GArray) texts = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  texts = trellis_document_list_texts (doc);
  g_assert_cmpuint (texts->len, >, 20);

  for (guint i = 0; i < texts->len; i++)
    {
      const TrellisTextRef *ref = &g_array_index (texts, TrellisTextRef, i);
      g_autofree char *context = trellis_text_ref_dup_context (ref);
      g_autofree char *comment = trellis_text_ref_dup_comment (ref);
      TrellisTextRef found;

      g_assert_true (g_hash_table_add (seen, g_strdup (context)));
      g_assert_true (trellis_document_find_text (doc, context, &found));
      g_assert_true (found.entity == ref->entity);
      g_assert_cmpint (found.part, ==, ref->part);
      g_assert_cmpint (found.index, ==, ref->index);
      g_assert_cmpstr (found.original, ==, ref->original);
      g_assert_nonnull (comment);
    }
}

static void
test_context_names (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  TrellisEntity *scale = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Organisation", -1);
  TrellisTextRef ref = { 0 };
  g_autofree char *context = NULL;
  static const char * const missing[] = {
    "c-listen|level 2", "c-listen|unit", "c-gone|name", "c-listen", "|name", "c-listen|",
    "organisation|description", "organisation|level 4", "scale|name", "scale|level 4",
    "organisation|scale level 9 name", "value:c-listen|name", "c-listen|scale level 4",
    "p-anna|name", "f-1|name", "c-listen|level 3 name",
  };

  g_assert_true (trellis_document_find_text (doc, "c-listen|level 3", &ref));
  g_assert_cmpstr (ref.original, ==, "Summarises the need before answering");
  g_assert_true (trellis_document_find_text (doc, "organisation|vision", &ref));
  g_assert_true (trellis_document_find_text (doc, "organisation|scale level 4", &ref));
  g_assert_cmpstr (ref.original, ==, "Teaches others");
  g_assert_true (trellis_document_find_text (doc, "organisation|scale level 1 name", &ref));
  g_assert_cmpstr (ref.original, ==, "With guidance");
  g_assert_true (trellis_document_find_text (doc, "v-care|behaviour 2", &ref));
  g_assert_cmpstr (ref.original, ==, "Follows up");
  g_assert_true (trellis_document_find_text (doc, "competency:c-listen|name", &ref));
  g_assert_true (trellis_document_find_text (doc, "i-once|unit", &ref));
  g_assert_cmpstr (ref.original, ==, "%");

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_test_message ("context ‘%s’", missing[i]);
      g_assert_false (trellis_document_find_text (doc, missing[i], &ref));
    }

  /* An element whose id is a word the contexts use is named with its kind. */
  g_assert_nonnull (scale);
  {
    g_autofree char *out = test_serialize_string (doc);
    g_autofree char *renamed = test_replace (out, "id=\"c-organisation\"", "id=\"organisation\"");
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisDocument) again = test_load_string (renamed, NULL, &error);
    TrellisTextRef named = { NULL, TRELLIS_TEXT_NAME, 0, NULL };

    g_assert_no_error (error);
    named.entity = trellis_document_lookup (again, "organisation");
    context = trellis_text_ref_dup_context (&named);
    g_assert_cmpstr (context, ==, "competency:organisation|name");
    g_assert_true (trellis_document_find_text (again, context, &ref));
    g_assert_true (ref.entity == named.entity);
    g_assert_false (trellis_document_find_text (again, "value:organisation|name", &ref));
    g_assert_true (trellis_document_find_text (again, "organisation|name", &ref));
    g_assert_true (ref.entity == TRELLIS_ENTITY (trellis_document_get_organisation (again)));
  }
}

static void
test_reader_errors (void)
{
  static const struct { const char *replace; const char *with; const char *message; } cases[] = {
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"deutsch\" field=\"level 3\"", "is not a language code" },
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"DE\" field=\"level 3\"", "is not a language code" },
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"de\" field=\"level 11\"", "attribute ‘field’" },
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"de\" field=\"unit\"", "attribute ‘field’" },
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"de\" field=\"scale level 3\"", "attribute ‘field’" },
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"de\" field=\"name\"", "is given twice" },
    { "xml:lang=\"de\" field=\"level 3\"", "field=\"level 3\"", "needs the attribute ‘xml:lang’" },
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"de\"", "needs the attribute ‘field’" },
    { "xml:lang=\"de\" field=\"level 3\"", "xml:lang=\"de\" field=\"level 3\" colour=\"red\"", "no attribute ‘colour’" },
    { "xml:lang=\"de\" field=\"mission\"", "xml:lang=\"de\" field=\"level 2\"", "attribute ‘field’" },
    { "xml:lang=\"de\" field=\"scale level 0 name\"", "xml:lang=\"de\" field=\"name\"", "is given twice" },
    { "<translation xml:lang=\"de\" field=\"name\">Mitarbeiterin</translation>",
      "<translation xml:lang=\"de\" field=\"name\"><b>Mitarbeiterin</b></translation>", "may only hold text" },
  };
  g_autofree char *xml = test_fixture_contents ("translations.trellis", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = test_replace (xml, cases[i].replace, cases[i].with);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisDocument) doc = NULL;

      g_test_message ("case %u: %s", i, cases[i].with);
      doc = test_load_string (bad, NULL, &error);
      g_assert_null (doc);
      g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("expected ‘%s’ in ‘%s’", cases[i].message, error->message);
    }

  /* An empty translation is none. */
  {
    g_autofree char *empty = test_replace (xml, ">Mitarbeiterin<", "><");
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisDocument) doc = test_load_string (empty, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (trellis_entity_get_name_in (lookup (doc, "ro-agent"), "de"), ==, "Agent");
  }
}

/* Trellis of format 1.1 keeps the translations of a newer file as they
 * are; here the same is checked from the other side: a file of a newer
 * minor version than this reader keeps its unknown elements beside the
 * translations it knows. */
static void
test_newer_minor (void)
{
  g_autofree char *xml = test_fixture_contents ("translations.trellis", NULL);
  g_autofree char *newer = test_replace (xml, "version=\"1.2\"", "version=\"1.5\"");
  g_autofree char *extra = test_replace (newer, "<translation xml:lang=\"de\" field=\"name\">Mitarbeiterin</translation>",
                                         "<translation xml:lang=\"de\" field=\"name\">Mitarbeiterin</translation>\n"
                                         "      <glossary term=\"agent\"/>");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (extra, NULL, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = test_serialize_string (doc);
  g_assert_cmpstr (out, ==, extra);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translations/languages", test_languages);
  g_test_add_func ("/translations/keys", test_keys);
  g_test_add_func ("/translations/read-write", test_read_write);
  g_test_add_func ("/translations/edit-undo", test_edit_undo);
  g_test_add_func ("/translations/behaviours-follow", test_behaviours_follow);
  g_test_add_func ("/translations/context-names", test_context_names);
  g_test_add_func ("/translations/reader-errors", test_reader_errors);
  g_test_add_func ("/translations/newer-minor", test_newer_minor);

  {
    static const char * const files[] = {
      "data/small.trellis", "data/decisions.trellis",
      "../data/examples/customer-service.trellis",
      "../data/examples/klantenservice.trellis",
      "../data/examples/kundenservice.trellis",
    };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *base = g_path_get_basename (files[i]);
        g_autofree char *name = g_strdup_printf ("/translations/unchanged-without/%s", base);
        g_autofree char *contexts = g_strdup_printf ("/translations/contexts/%s", base);

        g_test_add_data_func (name, files[i], test_unchanged_without);
        g_test_add_data_func (contexts, files[i], test_contexts);
      }
  }

  {
    int status = g_test_run ();

    g_clear_pointer (&schema, xmlRelaxNGFree);
    return status;
  }
}
