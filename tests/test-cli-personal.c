/* test-cli-personal.c: trellis-cli handout and merge, as a facilitator
 * would run them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-cli-util.h"
#include "test-util.h"
#include "trellis-personal.h"

typedef struct
{
  char *dir;
} Fixture;

static char *
replace_all (const char *haystack,
             const char *needle,
             const char *replacement)
{
  g_auto(GStrv) parts = g_strsplit (haystack, needle, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);
  return g_strjoinv (replacement, parts);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
put (Fixture    *f,
     const char *name,
     const char *contents)
{
  g_autofree char *path = path_in (f, name);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
get (Fixture    *f,
     const char *name)
{
  g_autofree char *path = path_in (f, name);

  return test_read_file (path, NULL);
}

/* A folder with small.trellis as team.trellis, handed out into out/. */
static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_auto(Run) run = { 0 };
  const char *args[] = { "handout", "team.trellis", "-o", "out", NULL };

  f->dir = g_dir_make_tmp ("trellis-personal-XXXXXX", &error);
  g_assert_no_error (error);
  put (f, "team.trellis", small);

  test_cli_run (&run, f->dir, NULL, NULL, args);
  assert_status (&run, 0);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Answers in a handed-out file as its owner would: @assessments (XML)
 * into their person, the round begun. */
static void
answer (Fixture    *f,
        const char *name,
        const char *assessments)
{
  g_autofree char *xml = get (f, name);
  g_autoptr(GRegex) person = g_regex_new ("(<person [^>]*?)(/?)>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *open = NULL;
  g_autofree char *closing = NULL;
  g_autofree char *replacement = NULL;
  g_autofree char *with = NULL;
  g_autofree char *whole = NULL;

  g_assert_true (g_regex_match (person, xml, 0, &match));
  whole = g_match_info_fetch (match, 0);
  open = g_match_info_fetch (match, 1);
  closing = g_match_info_fetch (match, 2);
  replacement = g_strconcat (open, ">\n", assessments, closing[0] == '/' ? "</person>" : "", NULL);
  with = test_replace (xml, whole, replacement);
  put (f, name, with);
}

/* Merges, checks that every assessment of every file is accounted for,
 * and returns the JSON. */
static GVariant *
merge (Fixture            *f,
       int                 status,
       const char * const *extra)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  const char *error = NULL;
  GVariant *json;
  g_autoptr(GVariant) files = NULL;

  g_ptr_array_add (args, (gpointer) "merge");
  g_ptr_array_add (args, (gpointer) "--json");
  g_ptr_array_add (args, (gpointer) "team.trellis");
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) extra[i]);
  g_ptr_array_add (args, (gpointer) "-o");
  g_ptr_array_add (args, (gpointer) "merged.trellis");
  g_ptr_array_add (args, NULL);

  test_cli_run (&run, f->dir, NULL, NULL, (const char * const *) args->pdata);
  assert_status (&run, status);
  json = json_parse (run.out, &error);
  if (json == NULL)
    g_error ("not JSON (%s):\n%s", error, run.out);

  files = json_get (json, "files");
  for (gsize i = 0; i < g_variant_n_children (files); i++)
    {
      g_autoptr(GVariant) v = g_variant_get_child_value (files, i);
      g_autoptr(GVariant) item = g_variant_get_variant (v);
      g_autoptr(GVariant) n = json_get (item, "assessments");
      g_autoptr(GVariant) added = json_get (item, "added");
      g_autoptr(GVariant) present = json_get (item, "present");
      g_autoptr(GVariant) refused = json_get (item, "refused");
      g_autoptr(GVariant) conflicts = json_get (item, "conflicts");

      g_assert_cmpfloat (g_variant_get_double (n), ==,
                         g_variant_get_double (added) + g_variant_get_double (present) +
                         g_variant_get_double (refused) + g_variant_n_children (conflicts));
    }

  return json;
}

static char *
item_string (GVariant   *json,
             guint       index,
             const char *key)
{
  g_autoptr(GVariant) files = json_get (json, "files");
  g_autoptr(GVariant) v = g_variant_get_child_value (files, index);
  g_autoptr(GVariant) item = g_variant_get_variant (v);
  g_autoptr(GVariant) value = json_get (item, key);

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  return NULL;
}

static void
assert_item (GVariant   *json,
             guint       index,
             const char *key,
             const char *expected)
{
  g_autofree char *value = item_string (json, index, key);

  g_assert_cmpstr (value, ==, expected);
}

static double
item_number (GVariant   *json,
             guint       index,
             const char *key)
{
  g_autoptr(GVariant) files = json_get (json, "files");
  g_autoptr(GVariant) v = g_variant_get_child_value (files, index);
  g_autoptr(GVariant) item = g_variant_get_variant (v);
  g_autoptr(GVariant) value = json_get (item, key);

  return g_variant_get_double (value);
}

static guint
n_files (GVariant *json)
{
  g_autoptr(GVariant) files = json_get (json, "files");

  return (guint) g_variant_n_children (files);
}

/* The matrix written is the team's, unchanged. */
static void
move (Fixture    *f,
      const char *from,
      const char *to)
{
  g_autofree char *a = path_in (f, from);
  g_autofree char *b = path_in (f, to);

  g_assert_no_errno (g_rename (a, b));
}

static void
assert_unchanged (Fixture *f)
{
  g_autofree char *team = get (f, "team.trellis");
  g_autofree char *merged = get (f, "merged.trellis");

  g_assert_cmpstr (team, ==, merged);
}

static guint
file_mode (Fixture    *f,
           const char *name)
{
  g_autofree char *path = path_in (f, name);
  struct stat st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_mode & 0777;
}

/* Handing out */

static void
test_handout (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *team = get (f, "team.trellis");
  g_autofree char *anna = get (f, "out/Anna.trellis");
  g_autofree char *ben = get (f, "out/Ben.trellis");
  g_autofree char *backup = path_in (f, "team.trellis~");

  /* Readable by their owners only, in a folder of the same kind. */
  g_assert_cmpuint (file_mode (f, "out/Anna.trellis"), ==, 0600);
  g_assert_cmpuint (file_mode (f, "out/Ben.trellis"), ==, 0600);
  g_assert_cmpuint (file_mode (f, "out"), ==, 0700);

  /* The matrix got its identity, saved with a backup of before. */
  assert_contains (team, "version=\"1.1\" xml:lang=\"en\" matrix=\"");
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Each file is its person's only. */
  assert_contains (anna, "<self-assessment person=\"p-anna\"/>");
  assert_lacks (anna, "Ben");
  assert_lacks (anna, "source=\"coach\"");
  assert_contains (ben, "<self-assessment person=\"p-ben\"/>");
  assert_lacks (ben, "Anna");
  assert_lacks (ben, "agreed");
}

static void
test_handout_again (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) unknown = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *args[] = { "handout", "team.trellis", "-o", "out", NULL };
  const char *one_args[] = { "handout", "team.trellis", "-o", "other", "--person", "p-ben", NULL };
  const char *unknown_args[] = { "handout", "team.trellis", "-o", "other", "--person", "p-nobody", NULL };

  /* A file there may hold someone's answers: left alone. */
  answer (f, "out/Anna.trellis", "<assessment competency=\"c-listen\" level=\"1\" source=\"self\" date=\"2026-12-01\"/>\n");
  before = get (f, "out/Anna.trellis");
  test_cli_run (&run, f->dir, NULL, NULL, args);
  assert_status (&run, 1);
  assert_contains (run.err, "Anna.trellis: exists already");
  after = get (f, "out/Anna.trellis");
  g_assert_cmpstr (before, ==, after);

  /* One person; the identity is the one given before. */
  test_cli_run (&one, f->dir, NULL, NULL, one_args);
  assert_status (&one, 0);
  g_assert_cmpstr (one.err, ==, "");
  g_assert_true (g_str_has_suffix (one.out, "Ben.trellis\n"));
  {
    g_autofree char *ben = get (f, "other/Ben.trellis");
    g_autofree char *first = get (f, "out/Ben.trellis");

    g_assert_cmpstr (ben, ==, first);
  }

  test_cli_run (&unknown, f->dir, NULL, NULL, unknown_args);
  assert_status (&unknown, 2);
  assert_contains (unknown.err, "p-nobody");
}

static void
test_handout_from_personal (Fixture       *f,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "handout", "out/Anna.trellis", "-o", "again", NULL };

  test_cli_run (&run, f->dir, NULL, NULL, args);
  assert_status (&run, 1);
  assert_contains (run.err, "is a personal file");
}

/* Merging */

static void
test_merge_by_id (Fixture       *f,
                  gconstpointer  data)
{
  const char *extra[] = { "out/Anna.trellis", NULL };
  g_autoptr(GVariant) json = NULL;
  g_autofree char *merged = NULL;

  answer (f, "out/Anna.trellis",
          "<assessment competency=\"c-listen\" level=\"3\" want=\"grow\" source=\"self\" date=\"2026-12-01\"><note>Better</note></assessment>\n");
  json = merge (f, 0, extra);
  assert_item (json, 0, "match", "id");
  g_assert_cmpfloat (item_number (json, 0, "added"), ==, 1);
  g_assert_cmpfloat (item_number (json, 0, "present"), ==, 2);
  merged = get (f, "merged.trellis");
  assert_contains (merged, "<assessment competency=\"c-listen\" level=\"3\" want=\"grow\" source=\"self\" date=\"2026-12-01\">");
}

static void
test_merge_text (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "merge", "team.trellis", "out", "-o", "team.trellis", NULL };

  answer (f, "out/Anna.trellis", "<assessment competency=\"c-listen\" level=\"3\" source=\"self\" date=\"2026-12-01\"/>\n");
  test_cli_run (&run, f->dir, NULL, NULL, args);
  /* Ben's holds nothing yet: said, and the status says so. */
  assert_status (&run, 1);
  assert_contains (run.out, "Anna.trellis (Anna): 1 assessment added. 2 were there already.\n");
  assert_contains (run.out, "‘Ben.trellis’ holds no assessments yet");
  {
    g_autofree char *team = get (f, "team.trellis");

    assert_contains (team, "date=\"2026-12-01\"");
  }
}

static void
test_merge_duplicate_and_conflict (Fixture       *f,
                                   gconstpointer  data)
{
  const char *extra[] = { "out/Anna.trellis", NULL };
  const char *again[] = { "out/Anna.trellis", "out/Anna.trellis", NULL };
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariant) twice = NULL;
  g_autoptr(GVariant) conflict = NULL;
  g_autofree char *anna = NULL;
  g_autofree char *changed = NULL;

  answer (f, "out/Anna.trellis", "<assessment competency=\"c-listen\" level=\"3\" source=\"self\" date=\"2026-12-01\"/>\n");
  first = merge (f, 0, extra);
  move (f, "merged.trellis", "team.trellis");

  /* Handed in twice: nothing added twice. */
  twice = merge (f, 0, again);
  g_assert_cmpfloat (item_number (twice, 0, "added"), ==, 0);
  g_assert_cmpfloat (item_number (twice, 1, "added"), ==, 0);
  assert_unchanged (f);

  /* Changed her mind the same day: a conflict, and the matrix keeps
   * its own. */
  anna = get (f, "out/Anna.trellis");
  changed = test_replace (anna, "level=\"3\" source=\"self\" date=\"2026-12-01\"",
                          "level=\"1\" source=\"self\" date=\"2026-12-01\"");
  put (f, "out/Anna.trellis", changed);
  conflict = merge (f, 1, extra);
  {
    g_autoptr(GVariant) files = json_get (conflict, "files");
    g_autoptr(GVariant) v = g_variant_get_child_value (files, 0);
    g_autoptr(GVariant) item = g_variant_get_variant (v);
    g_autoptr(GVariant) list = json_get (item, "conflicts");
    g_autoptr(GVariant) c0 = g_variant_get_child_value (list, 0);
    g_autoptr(GVariant) c = g_variant_get_variant (c0);
    g_autoptr(GVariant) theirs = json_get (c, "file_level");
    g_autoptr(GVariant) ours = json_get (c, "matrix_level");

    g_assert_cmpuint (g_variant_n_children (list), ==, 1);
    g_assert_cmpfloat (g_variant_get_double (theirs), ==, 1);
    g_assert_cmpfloat (g_variant_get_double (ours), ==, 3);
  }
  assert_unchanged (f);
}

static void
test_merge_new_and_by_name (Fixture       *f,
                            gconstpointer  data)
{
  const char *extra[] = { "out/Anna.trellis", NULL };
  g_autofree char *team = get (f, "team.trellis");
  g_autoptr(GVariant) json = NULL;

  answer (f, "out/Anna.trellis", "<assessment competency=\"c-listen\" level=\"3\" source=\"self\" date=\"2026-12-01\"/>\n");

  /* Anna under another id in the matrix: found by name. */
  {
    g_autofree char *renamed = test_replace (team, "id=\"p-anna\"", "id=\"p-anna-2\"");
    g_autofree char *fixed = replace_all (renamed, "person=\"p-anna\"", "person=\"p-anna-2\"");

    put (f, "team.trellis", fixed);
    json = merge (f, 0, extra);
    assert_item (json, 0, "match", "name");
    assert_item (json, 0, "person", "p-anna-2");
    g_assert_cmpfloat (item_number (json, 0, "added"), ==, 1);
    g_assert_cmpfloat (item_number (json, 0, "present"), ==, 2);
  }

  /* Not in the matrix at all: added as a new person. */
  {
    g_autofree char *without = replace_all (team, "Anna", "Annette");
    g_autofree char *id_gone = replace_all (without, "p-anna", "p-annette");
    g_autofree char *merged = NULL;

    g_clear_pointer (&json, g_variant_unref);
    put (f, "team.trellis", id_gone);
    json = merge (f, 0, extra);
    assert_item (json, 0, "match", "new");
    merged = get (f, "merged.trellis");
    assert_contains (merged, "<person id=\"p-anna\" name=\"Anna\" roles=\"ro-agent\" share=\"team\">");
  }
}

static void
test_merge_ambiguous (Fixture       *f,
                      gconstpointer  data)
{
  const char *extra[] = { "out/Anna.trellis", NULL };
  const char *told[] = { "out/Anna.trellis", "--match", "Anna.trellis=p-anna-b", NULL };
  g_autofree char *team = get (f, "team.trellis");
  g_autofree char *two = test_replace (team, "<person id=\"p-anna\" name=\"Anna\"",
                                       "<person id=\"p-anna-a\" name=\"Anna\" share=\"private\"/>\n"
                                       "    <person id=\"p-anna-b\" name=\"Anna\"");
  g_autofree char *fixed = replace_all (two, "person=\"p-anna\"", "person=\"p-anna-b\"");
  g_autoptr(GVariant) left = NULL;
  g_autoptr(GVariant) chosen = NULL;
  g_auto(Run) run = { 0 };
  const char *text_args[] = { "merge", "team.trellis", "out/Anna.trellis", "-o", "merged.trellis", NULL };

  answer (f, "out/Anna.trellis", "<assessment competency=\"c-listen\" level=\"3\" source=\"self\" date=\"2026-12-01\"/>\n");
  put (f, "team.trellis", fixed);

  /* Left out, listed, and nothing changed. */
  left = merge (f, 1, extra);
  assert_item (left, 0, "match", "left-out");
  g_assert_cmpfloat (item_number (left, 0, "refused"), ==, 3);
  assert_unchanged (f);
  test_cli_run (&run, f->dir, NULL, NULL, text_args);
  assert_contains (run.err, "p-anna-a (Anna), p-anna-b (Anna)");
  assert_contains (run.err, "--match Anna.trellis=ID");

  chosen = merge (f, 0, told);
  assert_item (chosen, 0, "match", "chosen");
  assert_item (chosen, 0, "person", "p-anna-b");
}

typedef struct
{
  const char *path;
  const char *words;
} RefusedCase;

/* Files refused whole, each beside a good one that is taken. */
static void
assert_refused (Fixture    *f,
                const char *name,
                const char *words)
{
  g_autofree char *rel = g_build_filename ("in", name, NULL);
  const char *extra[] = { "out/Anna.trellis", rel, NULL };
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GVariant) alone = NULL;
  const char *only[] = { rel, NULL };
  g_autofree char *reason = NULL;

  json = merge (f, 1, extra);
  g_assert_cmpuint (n_files (json), ==, 2);
  assert_item (json, 0, "match", "id");
  g_assert_cmpfloat (item_number (json, 0, "added"), ==, 1);
  assert_item (json, 1, "match", "refused");
  reason = item_string (json, 1, "reason");
  g_test_message ("%s: %s", name, reason);
  assert_contains (reason, words);

  /* Alone, it changes nothing. */
  alone = merge (f, 1, only);
  assert_unchanged (f);
}

static void
prepare_refusals (Fixture *f)
{
  answer (f, "out/Anna.trellis", "<assessment competency=\"c-listen\" level=\"3\" source=\"self\" date=\"2026-12-01\"/>\n");
}

static void
test_merge_another_matrix (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *anna = NULL;
  g_autofree char *other = NULL;

  prepare_refusals (f);
  anna = get (f, "out/Anna.trellis");
  other = test_replace (anna, "matrix=\"", "matrix=\"00000000-0000-4000-8000-000000000000\" x=\"");
  {
    g_autoptr(GRegex) re = g_regex_new (" x=\"[^\"]*\"", 0, 0, NULL);
    g_autofree char *clean = g_regex_replace_literal (re, other, -1, 0, "", 0, NULL);

    put (f, "in/other.trellis", clean);
  }
  assert_refused (f, "other.trellis", "another matrix");
}

static void
test_merge_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *ben = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);

  prepare_refusals (f);

  /* Ben's file, claiming to be Anna's while carrying Ben's id. */
  ben = get (f, "out/Ben.trellis");
  claims = test_replace (ben, "name=\"Ben\"", "name=\"Anna\"");
  put (f, "in/claims.trellis", claims);
  answer (f, "in/claims.trellis", "<assessment competency=\"c-product\" level=\"4\" source=\"self\" date=\"2026-12-01\"/>\n");
  assert_refused (f, "claims.trellis", "carries the id of Ben");

  /* Ben's as handed out: a person, no assessments. */
  put (f, "in/empty.trellis", ben);
  assert_refused (f, "empty.trellis", "no assessments");

  /* The team's matrix itself. */
  put (f, "in/matrix.trellis", small);
  assert_refused (f, "matrix.trellis", "not a personal file");
}

/* 50 MB: refused before it is read. */
static void
test_merge_huge (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *anna = NULL;
  g_autoptr(GString) huge = NULL;

  prepare_refusals (f);
  anna = get (f, "out/Anna.trellis");
  huge = g_string_new (anna);
  g_string_truncate (huge, strstr (huge->str, "</trellis>") - huge->str);
  g_string_append (huge, "<!--");
  while (huge->len < 50 * 1000 * 1000)
    g_string_append (huge, "padding padding padding padding padding padding padding padding\n");
  g_string_append (huge, "-->\n</trellis>\n");
  put (f, "in/huge.trellis", huge->str);
  assert_refused (f, "huge.trellis", "too large for a personal file");
}

/* Every file of the hostile corpus, as if handed in. */
static void
test_merge_hostile (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autoptr(GDir) hostile = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  prepare_refusals (f);
  g_assert_nonnull (hostile);
  while ((name = g_dir_read_name (hostile)) != NULL)
    {
      g_autofree char *source = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;
      g_autofree char *target = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (source, &contents, &len, &error);
      g_assert_no_error (error);
      target = path_in (f, "in");
      g_mkdir_with_parents (target, 0700);
      g_free (target);
      target = g_build_filename (f->dir, "in", name, NULL);
      g_file_set_contents (target, contents, len, &error);
      g_assert_no_error (error);

      assert_refused (f, name, "");
      n++;
    }
  g_assert_cmpuint (n, >, 10);
}

/* A hundred people handing in at once, from one folder. */
static void
test_merge_hundred (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) team = g_string_new (NULL);
  g_auto(Run) run = { 0 };
  const char *args[] = { "handout", "big.trellis", "-o", "many", NULL };
  const char *extra[] = { "many", NULL };
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GVariant) added = NULL;
  g_autofree char *merged = NULL;

  g_string_append (team, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
                         "  <competencies><competency id=\"c-a\" name=\"A\"/><competency id=\"c-b\" name=\"B\"/></competencies>\n"
                         "  <roles><role id=\"r\" name=\"R\"><requires competency=\"c-a\" level=\"2\"/></role></roles>\n"
                         "  <people>\n");
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (team, "    <person id=\"p-%u\" name=\"Person %u\" roles=\"r\"/>\n", i, i);
  g_string_append (team, "  </people>\n</trellis>\n");
  put (f, "big.trellis", team->str);

  test_cli_run (&run, f->dir, NULL, NULL, args);
  assert_status (&run, 0);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("many/Person %u.trellis", i);
      g_autofree char *a = g_strdup_printf ("<assessment competency=\"c-a\" level=\"%u\" source=\"self\" date=\"2026-12-01\"/>\n"
                                            "<assessment competency=\"c-b\" level=\"1\" want=\"grow\" source=\"self\" date=\"2026-12-01\"/>\n",
                                            i % 5);

      g_assert_cmpuint (file_mode (f, name), ==, 0600);
      answer (f, name, a);
    }

  move (f, "big.trellis", "team.trellis");
  json = merge (f, 0, extra);
  g_assert_cmpuint (n_files (json), ==, 100);
  added = json_get (json, "added");
  g_assert_cmpfloat (g_variant_get_double (added), ==, 200);
  merged = get (f, "merged.trellis");
  assert_contains (merged, "<person id=\"p-99\" name=\"Person 99\" roles=\"r\" share=\"private\">");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/trellis/cli/personal/" path, Fixture, NULL, setup, func, teardown)
  ADD ("handout", test_handout);
  ADD ("handout-again", test_handout_again);
  ADD ("handout-from-personal", test_handout_from_personal);
  ADD ("merge/by-id", test_merge_by_id);
  ADD ("merge/text", test_merge_text);
  ADD ("merge/duplicate-and-conflict", test_merge_duplicate_and_conflict);
  ADD ("merge/new-and-by-name", test_merge_new_and_by_name);
  ADD ("merge/ambiguous", test_merge_ambiguous);
  ADD ("merge/another-matrix", test_merge_another_matrix);
  ADD ("merge/refusals", test_merge_refusals);
  ADD ("merge/huge", test_merge_huge);
  ADD ("merge/hostile", test_merge_hostile);
  ADD ("merge/hundred", test_merge_hundred);
#undef ADD

  return g_test_run ();
}
