/* test-report-cli.c: trellis-cli report, read back as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <glib.h>

/* The PDF is read back with poppler's pdftotext and pdffonts, and the
 * Dutch report is checked against the Dutch catalogue's messages. */

static char *tmpdir;

static char **
child_environment (const char *language)
{
  const char *lsan = g_getenv ("LSAN_OPTIONS");
  g_autofree char *quiet = g_strconcat (lsan != NULL ? lsan : "", lsan != NULL ? ":" : "", "print_suppressions=0", NULL);
  char **env = g_environ_setenv (g_get_environ (), "LSAN_OPTIONS", quiet, TRUE);

  if (language != NULL)
    env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  else
    env = g_environ_unsetenv (env, "LANGUAGE");

  return env;
}

static int
spawn (const char * const *argv,
       const char         *language,
       char              **out,
       char              **err)
{
  g_auto(GStrv) env = child_environment (language);
  g_autoptr(GError) error = NULL;
  gint status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static const char *
example (const char *name)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

/* Writes a report of @matrix with @args and returns its path. */
static char *
report (const char         *matrix,
        const char         *language,
        const char * const *args)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("report-%u.pdf", serial++);
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TRELLIS_CLI"));
  g_ptr_array_add (argv, (gpointer) "report");
  g_ptr_array_add (argv, (gpointer) "--date");
  g_ptr_array_add (argv, (gpointer) "2026-11-20");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, (gpointer) matrix);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (spawn ((const char * const *) argv->pdata, language, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  return path;
}

/* The report's text, its whitespace made single spaces (lines wrap
 * anywhere). */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_cmpint (spawn (argv, NULL, &out, NULL), ==, 0);

  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *pages;

  g_assert_cmpint (spawn (argv, NULL, &out, NULL), ==, 0);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
test_pages (void)
{
  g_autofree char *english = report (example ("customer-service.trellis"), NULL, NULL);
  g_autofree char *dutch = report (example ("klantenservice.trellis"), NULL, NULL);
  const char *letter_args[] = { "--paper", "letter", "--sections", "cover,gaps", NULL };
  g_autofree char *letter = report (example ("customer-service.trellis"), NULL, letter_args);
  const char *argv[] = { "pdfinfo", letter, NULL };
  g_autofree char *info = NULL;

  g_assert_cmpuint (pdf_pages (english), ==, 57);
  g_assert_cmpuint (pdf_pages (dutch), ==, 57);
  g_assert_cmpuint (pdf_pages (letter), ==, 3);
  g_assert_cmpint (spawn (argv, NULL, &info, NULL), ==, 0);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
}

/* The mission, every value and everyone who shares with their coach or
 * the team are in the text; Farid, who keeps his assessments private,
 * is not, unless the report is for him alone. */
static void
test_text (void)
{
  g_autofree char *path = report (example ("customer-service.trellis"), NULL, NULL);
  g_autofree char *text = pdf_text (path);
  const char *shared[] = { "Anna", "Bram", "Daan", "Eva", "Zoë", "Jesse", "Lotte", "Milan", "Kim", "Sam", "Hugo" };
  const char *values[] = { "Genuine care", "Ownership", "Trust", "Learning together", "Human measure" };
  const char *farid_args[] = { "--person", "p-farid", NULL };
  const char *workshop_args[] = { "--audience", "workshop", NULL };
  g_autofree char *farid_path = report (example ("customer-service.trellis"), NULL, farid_args);
  g_autofree char *farid = pdf_text (farid_path);
  g_autofree char *workshop_path = report (example ("customer-service.trellis"), NULL, workshop_args);
  g_autofree char *workshop = pdf_text (workshop_path);

  g_assert_nonnull (strstr (text, "We solve customers’ questions in one contact wherever we can, with genuine care, "
                                  "sound knowledge and the freedom to use our own judgement."));
  g_assert_nonnull (strstr (text, "Every customer who contacts us feels heard"));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_nonnull (strstr (text, values[i]));
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    if (strstr (text, shared[i]) == NULL)
      g_error ("%s is not in the report", shared[i]);
  g_assert_null (strstr (text, "Farid"));

  g_assert_nonnull (strstr (farid, "Farid"));
  g_assert_nonnull (strstr (farid, "What may I decide here?") != NULL ? farid : strstr (farid, "what may I decide here?"));
  g_assert_null (strstr (farid, "Anna"));

  /* In a workshop only who shares with the team: Daan, Jesse and Milan
   * share with their coach alone. */
  g_assert_nonnull (strstr (workshop, "Anna"));
  g_assert_null (strstr (workshop, "Daan"));
  g_assert_null (strstr (workshop, "Jesse"));
  g_assert_null (strstr (workshop, "Farid"));
}

static void
test_fonts_embedded (void)
{
  g_autofree char *path = report (example ("customer-service.trellis"), NULL, NULL);
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint fonts = 0;

  g_assert_cmpint (spawn (argv, NULL, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* Two lines of headings, then one per font: its "emb" column says
   * whether it is embedded. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (columns);
      g_assert_cmpuint (n, >=, 7);
      if (g_strcmp0 (columns[n - 5], "yes") != 0)
        g_error ("a font is not embedded: %s", lines[i]);
      fonts++;
    }
  g_assert_cmpuint (fonts, >, 0);
}

/* The messages of a catalogue: msgid (and msgid_plural) with their
 * translations, for the entries that are translated and not fuzzy. */
typedef struct
{
  char *english;
  char *translated;
} Message;

static void
message_free (gpointer data)
{
  Message *m = data;

  g_free (m->english);
  g_free (m->translated);
  g_free (m);
}

static char *
po_string (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');

  if (start == NULL || end == NULL || end <= start)
    return g_strdup ("");

  {
    g_autofree char *quoted = g_strndup (start + 1, end - start - 1);

    return g_strcompress (quoted);
  }
}

static GPtrArray *
read_catalogue (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *messages = g_ptr_array_new_with_free_func (message_free);
  GString *ids[2] = { g_string_new (NULL), g_string_new (NULL) };
  GString *strs[2] = { g_string_new (NULL), g_string_new (NULL) };
  GString *current = NULL;
  gboolean fuzzy = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0;; i++)
    {
      const char *line = lines[i];

      if (line == NULL || line[0] == '\0' || g_str_has_prefix (line, "#,") || g_str_has_prefix (line, "msgctxt"))
        {
          /* The end of an entry. */
          for (guint k = 0; k < 2; k++)
            if (!fuzzy && ids[k]->len > 0 && strs[k]->len > 0 && strcmp (ids[k]->str, strs[k]->str) != 0)
              {
                Message *m = g_new0 (Message, 1);

                m->english = g_strdup (ids[k]->str);
                m->translated = g_strdup (strs[k]->str);
                g_ptr_array_add (messages, m);
              }
          if (line == NULL || line[0] == '\0' || g_str_has_prefix (line, "msgctxt"))
            {
              for (guint k = 0; k < 2; k++)
                {
                  g_string_truncate (ids[k], 0);
                  g_string_truncate (strs[k], 0);
                }
              fuzzy = FALSE;
              current = NULL;
            }
          if (line == NULL)
            break;
          if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
            fuzzy = TRUE;
          continue;
        }

      if (g_str_has_prefix (line, "msgid_plural"))
        current = ids[1];
      else if (g_str_has_prefix (line, "msgid"))
        current = ids[0];
      else if (g_str_has_prefix (line, "msgstr[1]"))
        current = strs[1];
      else if (g_str_has_prefix (line, "msgstr"))
        current = strs[0];
      else if (line[0] != '"')
        {
          current = NULL;
          continue;
        }
      if (current != NULL)
        {
          g_autofree char *text = po_string (line);

          g_string_append (current, text);
        }
    }

  for (guint k = 0; k < 2; k++)
    {
      g_string_free (ids[k], TRUE);
      g_string_free (strs[k], TRUE);
    }

  return messages;
}

/* The parts of a message between its placeholders and line breaks that
 * are sentences or phrases of three words or more. */
static GPtrArray *
phrases (const char *message)
{
  g_autoptr(GRegex) split = g_regex_new ("%(\\d+\\$)?[-+ #0]*\\d*(\\.\\d+)?[a-zA-Z]|\\n|<[^>]*>|[“”‘’\"]", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (split, message, 0);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      guint words = 0;

      for (const char *p = part; *p != '\0'; p++)
        if (*p == ' ')
          words++;
      if (words >= 2 && strlen (part) >= 14)
        g_ptr_array_add (out, g_strdup (part));
    }

  return out;
}

/* A report in Dutch holds no English sentence the Dutch catalogue
 * translates, and does hold their translations. Messages that are not
 * translated yet are not checked: they come out in English until the
 * catalogue has them. */
static void
check_language (const char *text,
                GPtrArray  *messages,
                gboolean    expect_translated)
{
  guint translated_found = 0;
  guint english_found = 0;

  for (guint i = 0; i < messages->len; i++)
    {
      const Message *m = g_ptr_array_index (messages, i);
      g_autoptr(GPtrArray) english = phrases (m->english);
      g_autoptr(GPtrArray) dutch = phrases (m->translated);

      for (guint k = 0; k < english->len; k++)
        if (strstr (text, g_ptr_array_index (english, k)) != NULL)
          {
            if (expect_translated)
              g_error ("English in the Dutch report: “%s” (of “%s”)", (char *) g_ptr_array_index (english, k), m->english);
            english_found++;
          }
      for (guint k = 0; k < dutch->len; k++)
        if (strstr (text, g_ptr_array_index (dutch, k)) != NULL)
          translated_found++;
    }

  if (expect_translated)
    g_assert_cmpuint (translated_found, >=, 5);
  else
    g_assert_cmpuint (english_found, >=, 5);
}

static void
test_dutch (void)
{
  g_autoptr(GPtrArray) messages = read_catalogue (g_test_get_filename (G_TEST_DIST, "..", "po", "nl.po", NULL));
  const char *sections[] = { "--sections", "all", NULL };
  const char *dutch_args[] = { "--sections", "all", "--language", "nl", NULL };
  g_autofree char *by_env = report (example ("klantenservice.trellis"), "nl", sections);
  g_autofree char *by_option = report (example ("klantenservice.trellis"), NULL, dutch_args);
  g_autofree char *english = report (example ("klantenservice.trellis"), NULL, sections);
  g_autofree char *env_text = pdf_text (by_env);
  g_autofree char *option_text = pdf_text (by_option);
  g_autofree char *english_text = pdf_text (english);

  g_assert_cmpuint (messages->len, >, 300);
  check_language (env_text, messages, TRUE);
  check_language (option_text, messages, TRUE);
  /* The check would see English: the same report without a language. */
  check_language (english_text, messages, FALSE);
  /* Dates are written in Dutch too. */
  g_assert_nonnull (strstr (option_text, "20 november 2026"));
}

static void
test_usage (void)
{
  const char *cases[][6] = {
    { "--sections", "cover,nonsense", NULL },
    { "--paper", "a3", NULL },
    { "--audience", "everyone", NULL },
    { "--language", "n l", NULL },
    { "--date", "yesterday", NULL },
    { "--person", "p-nobody", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (tmpdir, "bad.pdf", NULL);
      const char *argv[] = { g_getenv ("TRELLIS_CLI"), "report", cases[i][0], cases[i][1], "-o", path,
                             example ("customer-service.trellis"), NULL };
      g_autofree char *err = NULL;

      g_assert_cmpint (spawn (argv, NULL, NULL, &err), ==, 2);
      g_assert_cmpstr (err, !=, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  {
    const char *argv[] = { g_getenv ("TRELLIS_CLI"), "report", "-o", "out.png", example ("customer-service.trellis"), NULL };

    g_assert_cmpint (spawn (argv, NULL, NULL, NULL), ==, 2);
  }
  {
    g_autofree char *path = g_build_filename (tmpdir, "no-such-folder", "out.pdf", NULL);
    const char *argv[] = { g_getenv ("TRELLIS_CLI"), "report", "-o", path, example ("customer-service.trellis"), NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (spawn (argv, NULL, NULL, &err), ==, 1);
    g_assert_cmpstr (err, !=, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("trellis-report-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/trellis/report-cli/pages", test_pages);
  g_test_add_func ("/trellis/report-cli/text", test_text);
  g_test_add_func ("/trellis/report-cli/fonts", test_fonts_embedded);
  g_test_add_func ("/trellis/report-cli/dutch", test_dutch);
  g_test_add_func ("/trellis/report-cli/usage", test_usage);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }

  return status;
}
