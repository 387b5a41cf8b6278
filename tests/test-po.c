/* test-po.c: PO files of a matrix's texts: reading them, writing them,
 * and taking a translation back as one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-po-exchange.h"
#include "test-util.h"

static TrellisPoFile *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  TrellisPoFile *po = trellis_po_file_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (po);
  return po;
}

static const char header[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Language: de\\n\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\n";

static void
test_parse (void)
{
  g_autofree char *text = g_strconcat (
    "\xef\xbb\xbf# A translator's comment\r\n",
    header,
    "#. extracted\n"
    "#: reference\n"
    "#, c-format\n"
    "msgctxt \"c-listen|name\"\n"
    "msgid \"Active listening\"\n"
    "msgstr \"Aktives Zuhören\"\n"
    "\n"
    "#, fuzzy, no-wrap\n"
    "#| msgid \"Old\"\n"
    "msgctxt \"c-listen|level 3\"\n"
    "msgid \"\"\n"
    "\"Summarises the \\\"need\\\"\\n\"\n"
    "  \"before answering\\t\\\\ \\x41\\101\"\n"
    "msgstr \"Fasst \" \"zusammen\"\n"
    "#~ msgctxt \"gone|name\"\n"
    "#~ msgid \"Gone\"\n"
    "#~ msgstr \"Weg\"\n"
    "\n"
    "msgid \"One\"\n"
    "msgid_plural \"Many\"\n"
    "msgstr[0] \"Eins\"\n"
    "msgstr[1] \"Viele\"\n"
    "msgctxt\"tight|name\"\n"
    "msgid\"No space\"\n"
    "msgstr\"\"",
    NULL);
  g_autoptr(TrellisPoFile) po = parse_ok (text);
  const TrellisPoEntry *e;
  g_autofree char *language = trellis_po_file_dup_header (po, "Language");
  g_autofree char *content = trellis_po_file_dup_header (po, "content-type");
  g_autofree char *missing = trellis_po_file_dup_header (po, "Plural-Forms");

  g_assert_cmpstr (language, ==, "de");
  g_assert_cmpstr (content, ==, "text/plain; charset=UTF-8");
  g_assert_null (missing);

  g_assert_cmpuint (trellis_po_file_get_n_entries (po), ==, 4);
  e = trellis_po_file_get_entry (po, 0);
  g_assert_cmpstr (e->context, ==, "c-listen|name");
  g_assert_cmpstr (e->id, ==, "Active listening");
  g_assert_cmpstr (e->str, ==, "Aktives Zuhören");
  g_assert_false (e->fuzzy);
  g_assert_cmpuint (e->line, ==, 10);

  e = trellis_po_file_get_entry (po, 1);
  g_assert_cmpstr (e->id, ==, "Summarises the \"need\"\nbefore answering\t\\ AA");
  g_assert_cmpstr (e->str, ==, "Fasst zusammen");
  g_assert_true (e->fuzzy);
  g_assert_cmpuint (e->line, ==, 16);

  e = trellis_po_file_get_entry (po, 2);
  g_assert_null (e->context);
  g_assert_cmpstr (e->id_plural, ==, "Many");
  g_assert_cmpstr (e->str, ==, "Eins");
  g_assert_false (e->fuzzy);

  e = trellis_po_file_get_entry (po, 3);
  g_assert_cmpstr (e->context, ==, "tight|name");
  g_assert_cmpstr (e->str, ==, "");
}

static void
test_parse_errors (void)
{
  static const struct { const char *text; gint code; guint line; } cases[] = {
    { "msgid \"a\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 2 },
    { "msgstr \"a\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"a\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"a\" b\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid a\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "\"a\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"\\q\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"\\x\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"a\\0b\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"\\377\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_ENCODING, 1 },
    { "msgid \"a\"\nmsgstr[0] \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 2 },
    { "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[1] \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 3 },
    { "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 3 },
    { "msgid \"a\"\n# comment\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 2 },
    { "msgctxt \"a\"\nmsgctxt \"b\"\nmsgid \"a\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 2 },
    { "msgid \"\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_SYNTAX, 4 },
    { "domain \"x\"\n", TRELLIS_PO_ERROR_SYNTAX, 1 },
    { "msgid \"caf\xe9\"\nmsgstr \"\"\n", TRELLIS_PO_ERROR_ENCODING, 1 },
    { "\n\nmsgid \"a\"\nmsgstr \"\xff\"\n", TRELLIS_PO_ERROR_ENCODING, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisPoFile) po = trellis_po_file_parse (cases[i].text, strlen (cases[i].text), &error);
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", cases[i].line);

      g_test_message ("case %u", i);
      g_assert_null (po);
      g_assert_error (error, TRELLIS_PO_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("expected ‘%s’ at the start of ‘%s’", prefix, error->message);
    }

  /* Another charset is refused where it matters; ASCII is the same in all. */
  {
    static const char latin1[] = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
                                 "msgid \"caf\xc3\xa9\"\nmsgstr \"\"\n";
    static const char ascii[] = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
                                "msgid \"cafe\"\nmsgstr \"\"\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisPoFile) refused = trellis_po_file_parse (latin1, strlen (latin1), &error);
    g_autoptr(TrellisPoFile) taken = NULL;

    g_assert_null (refused);
    g_assert_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_ENCODING);
    taken = parse_ok (ascii);
    g_assert_cmpuint (trellis_po_file_get_n_entries (taken), ==, 1);
  }

  /* An empty file, or comments alone, hold nothing. */
  {
    g_autoptr(TrellisPoFile) empty = parse_ok ("");
    g_autoptr(TrellisPoFile) comments = parse_ok ("# nothing\n#~ msgid \"x\"\n");

    g_assert_cmpuint (trellis_po_file_get_n_entries (empty), ==, 0);
    g_assert_cmpuint (trellis_po_file_get_n_entries (comments), ==, 0);
  }
}

static void
test_too_large (void)
{
  gsize len = TRELLIS_PO_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (len);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPoFile) po = NULL;

  memset (big, '#', len);
  po = trellis_po_file_parse (big, len, &error);
  g_assert_null (po);
  g_assert_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_TOO_LARGE);
}

/* Written as gettext writes: what is written reads back as it was. */
static void
test_write_strings (void)
{
  static const char * const texts[] = {
    "", "plain", "quote \" backslash \\ tab \t cr \r bell \a",
    "first line\nsecond line\n", "\nleading break",
    ("A long text without a single line break that is longer than the width of seventy-nine columns, "
     "so that it is wrapped at spaces, with ‘quotes’ that take three bytes but one column each."),
    "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(TrellisPoFile) po = NULL;
      g_auto(GStrv) lines = NULL;

      trellis_po_append_string (out, "msgid", texts[i]);
      trellis_po_append_string (out, "msgstr", "x");
      po = parse_ok (out->str);
      if (texts[i][0] != '\0')
        {
          g_assert_cmpuint (trellis_po_file_get_n_entries (po), ==, 1);
          g_assert_cmpstr (trellis_po_file_get_entry (po, 0)->id, ==, texts[i]);
        }

      /* Every line fits in 79 columns unless a word is longer. */
      lines = g_strsplit (out->str, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        if (i != G_N_ELEMENTS (texts) - 1)
          g_assert_cmpuint (g_utf8_strlen (lines[l], -1), <=, 79);
    }
}

static char *
export_string (TrellisDocument *doc,
               const char      *language)
{
  g_autoptr(GBytes) bytes = trellis_document_export_po (doc, language);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Exported and read back, every text is there with its translation, and
 * taking it back changes nothing. */
static void
test_export (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("translations.trellis");
  g_autofree char *text = export_string (doc, "de");
  g_autoptr(TrellisPoFile) po = parse_ok (text);
  g_autoptr(TrellisPoImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) texts = trellis_document_list_texts (doc);
  g_autofree char *language = trellis_po_file_dup_header (po, "Language");
  g_autofree char *plural = trellis_po_file_dup_header (po, "Plural-Forms");
  g_autofree char *project = trellis_po_file_dup_header (po, "Project-Id-Version");

  g_assert_cmpstr (language, ==, "de");
  g_assert_cmpstr (plural, ==, "nplurals=2; plural=(n != 1);");
  g_assert_cmpstr (project, ==, "Small & Co");
  g_assert_cmpuint (trellis_po_file_get_n_entries (po), ==, texts->len);

  for (guint i = 0; i < texts->len; i++)
    {
      const TrellisTextRef *ref = &g_array_index (texts, TrellisTextRef, i);
      const TrellisPoEntry *e = trellis_po_file_get_entry (po, i);
      g_autofree char *context = trellis_text_ref_dup_context (ref);
      const char *translation = trellis_entity_get_translation (ref->entity, ref->part, ref->index, "de");

      g_assert_cmpstr (e->context, ==, context);
      g_assert_cmpstr (e->id, ==, ref->original);
      g_assert_cmpstr (e->str, ==, translation != NULL ? translation : "");
    }
  g_assert_nonnull (strstr (text, "msgctxt \"c-listen|level 3\"\n"
                                  "msgid \"Summarises the need before answering\"\n"
                                  "msgstr \"Fasst das Anliegen zusammen, bevor sie antwortet\"\n"));
  g_assert_nonnull (strstr (text, "#. Competency ‘Active listening’: what level 3 looks like in behaviour\n"));

  import = trellis_po_import_new (doc, po, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_po_import_count (import, TRELLIS_PO_UNCHANGED), ==, 13);
  g_assert_cmpuint (trellis_po_import_count (import, TRELLIS_PO_UNTRANSLATED), ==, texts->len - 13);
  g_assert_cmpuint (trellis_po_import_apply (import), ==, 0);
  g_assert_false (trellis_document_can_undo (doc));
}

static void
test_import (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("translations.trellis");
  g_autofree char *before = test_serialize_string (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = g_strconcat (
    header,
    "msgctxt \"c-product|name\"\n"        /* 1: applied */
    "msgid \"Product knowledge\"\n"
    "msgstr \"Produktwissen\"\n\n"
    "msgctxt \"c-listen|name\"\n"         /* 2: changed */
    "msgid \"Active listening\"\n"
    "msgstr \"Zuhören\"\n\n"
    "msgctxt \"v-care|name\"\n"           /* 3: unchanged */
    "msgid \"Care\"\n"
    "msgstr \"Fürsorge\"\n\n"
    "msgctxt \"ro-agent|name\"\n"         /* 4: removed */
    "msgid \"Agent\"\n"
    "msgstr \"\"\n\n"
    "msgctxt \"ro-lead|name\"\n"          /* 5: untranslated */
    "msgid \"Lead\"\n"
    "msgstr \"\"\n\n"
    "#, fuzzy\n"
    "msgctxt \"v-own|name\"\n"            /* 6: fuzzy */
    "msgid \"Ownership\"\n"
    "msgstr \"Eigenverantwortung\"\n\n"
    "msgctxt \"r-once|name\"\n"           /* 7: stale */
    "msgid \"Solved in two contacts\"\n"
    "msgstr \"In zwei Kontakten gelöst\"\n\n"
    "msgctxt \"c-gone|name\"\n"           /* 8: unknown */
    "msgid \"Gone\"\n"
    "msgstr \"Weg\"\n\n"
    "msgctxt \"c-product|name\"\n"        /* 9: repeated */
    "msgid \"Product knowledge\"\n"
    "msgstr \"Produktkenntnis\"\n\n"
    "msgid \"No context\"\n"              /* 10: unknown */
    "msgstr \"Kein Kontext\"\n\n"
    "msgctxt \"organisation|scale level 2 name\"\n"    /* 11: applied, a multi-line string */
    "msgid \"Independent\"\n"
    "msgstr \"\"\n\"Selbst\"\n\"ständig\"\n\n"
    "#~ msgctxt \"c-listen|description\"\n"
    "#~ msgid \"Old\"\n"
    "#~ msgstr \"Alt\"\n",
    NULL);
  g_autoptr(TrellisPoFile) po = parse_ok (text);
  g_autoptr(TrellisPoImport) import = NULL;
  g_autoptr(GError) error = NULL;
  static const TrellisPoOutcome expected[] = {
    TRELLIS_PO_APPLIED, TRELLIS_PO_APPLIED, TRELLIS_PO_UNCHANGED, TRELLIS_PO_REMOVED,
    TRELLIS_PO_UNTRANSLATED, TRELLIS_PO_FUZZY, TRELLIS_PO_STALE, TRELLIS_PO_UNKNOWN,
    TRELLIS_PO_REPEATED, TRELLIS_PO_UNKNOWN, TRELLIS_PO_APPLIED,
  };

  import = trellis_po_import_new (doc, po, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_po_import_get_language (import), ==, "de");
  g_assert_cmpuint (trellis_po_import_get_n_results (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TrellisPoResult *r = trellis_po_import_get_result (import, i);
      g_autofree char *message = trellis_po_result_dup_message (r);

      g_test_message ("message %u: %s", i + 1, message != NULL ? message : "(none)");
      g_assert_cmpint (r->outcome, ==, expected[i]);
      g_assert_cmpint (message != NULL, ==,
                       expected[i] >= TRELLIS_PO_FUZZY);
    }
  g_assert_cmpuint (trellis_po_import_get_result (import, 6)->line, ==, 31);

  /* Nothing changed yet. */
  g_assert_false (trellis_document_can_undo (doc));
  summary = trellis_po_import_dup_summary (import);
  g_assert_cmpstr (summary, ==, "3 translations taken, 1 there already, 1 removed (left empty), "
                                "1 not translated yet, 1 marked fuzzy, not taken, "
                                "1 stale (the original changed since the export), not taken, "
                                "2 unknown (the matrix has no such texts), not taken, 1 given twice, not taken.");

  g_assert_cmpuint (trellis_po_import_apply (import), ==, 4);
  g_assert_cmpstr (trellis_entity_get_name_in (trellis_document_lookup (doc, "c-product"), "de"), ==, "Produktwissen");
  g_assert_cmpstr (trellis_entity_get_name_in (trellis_document_lookup (doc, "c-listen"), "de"), ==, "Zuhören");
  g_assert_cmpstr (trellis_entity_get_name_in (trellis_document_lookup (doc, "ro-agent"), "de"), ==, "Agent");
  g_assert_cmpstr (trellis_entity_get_name_in (trellis_document_lookup (doc, "v-own"), "de"), ==, "Ownership");
  g_assert_cmpstr (trellis_entity_get_name_in (trellis_document_lookup (doc, "r-once"), "de"), ==, "In einem Kontakt gelöst");
  g_assert_cmpstr (trellis_document_get_level_name_in (doc, 2, "de"), ==, "Selbstständig");
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Import Translations into German (de)");
  after = test_serialize_string (doc);
  g_assert_cmpstr (after, !=, before);

  /* One undo takes all of it back. */
  g_assert_true (trellis_document_undo (doc));
  g_assert_false (trellis_document_can_undo (doc));
  undone = test_serialize_string (doc);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_languages (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  static const struct { const char *header_language; const char *asked; const char *chosen; } cases[] = {
    { "de", NULL, "de" }, { "de_DE", NULL, "de-DE" }, { "pt_BR", "pt-BR", "pt-BR" },
    { NULL, "nl", "nl" }, { "", "nl", "nl" }, { "sr@latin", "sr", "sr" },
    { "de", "nl", NULL }, { NULL, NULL, NULL }, { "", NULL, NULL }, { "sr@latin", NULL, NULL },
    { "de", "deutsch", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].header_language != NULL
        ? g_strdup_printf ("msgid \"\"\nmsgstr \"Language: %s\\n\"\n", cases[i].header_language)
        : g_strdup ("msgid \"\"\nmsgstr \"Project-Id-Version: x\\n\"\n");
      g_autoptr(TrellisPoFile) po = parse_ok (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisPoImport) import = trellis_po_import_new (doc, po, cases[i].asked, &error);

      g_test_message ("case %u", i);
      if (cases[i].chosen != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (trellis_po_import_get_language (import), ==, cases[i].chosen);
        }
      else
        {
          g_assert_null (import);
          g_assert_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE);
        }
    }
}

/* A translation is written with the line breaks at its ends that its
 * original has, as msgfmt --check wants. */
static void
test_line_breaks (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  TrellisEntity *care = trellis_document_lookup (doc, "v-care");
  g_autofree char *text = NULL;

  trellis_document_set_string (doc, care, TRELLIS_FIELD_DESCRIPTION, "We care.\n");
  trellis_document_set_translation (doc, care, TRELLIS_TEXT_DESCRIPTION, 0, "de", "\nWir kümmern uns.");
  text = export_string (doc, "de");
  g_assert_nonnull (strstr (text, "msgid \"\"\n\"We care.\\n\"\nmsgstr \"\"\n\"Wir kümmern uns.\\n\"\n"));

  /* Taken back so too: the same when exported again. */
  {
    g_autofree char *po_text = g_strconcat (header,
                                            "msgctxt \"v-care|name\"\nmsgid \"Care\"\nmsgstr \"\\nFürsorge\\n\\n\"\n\n"
                                            "msgctxt \"c-listen|name\"\nmsgid \"Active listening\"\nmsgstr \"\\n\"\n", NULL);
    g_autoptr(TrellisPoFile) po = parse_ok (po_text);
    g_autoptr(TrellisPoImport) import = trellis_po_import_new (doc, po, NULL, NULL);

    g_assert_cmpint (trellis_po_import_get_result (import, 0)->outcome, ==, TRELLIS_PO_APPLIED);
    g_assert_cmpint (trellis_po_import_get_result (import, 1)->outcome, ==, TRELLIS_PO_UNTRANSLATED);
    trellis_po_import_apply (import);
    g_assert_cmpstr (trellis_entity_get_name_in (care, "de"), ==, "Fürsorge");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SOURCE_DATE_EPOCH", "1790000000", TRUE);

  g_test_add_func ("/po/parse", test_parse);
  g_test_add_func ("/po/parse-errors", test_parse_errors);
  g_test_add_func ("/po/too-large", test_too_large);
  g_test_add_func ("/po/write-strings", test_write_strings);
  g_test_add_func ("/po/export", test_export);
  g_test_add_func ("/po/import", test_import);
  g_test_add_func ("/po/languages", test_languages);
  g_test_add_func ("/po/line-breaks", test_line_breaks);

  return g_test_run ();
}
