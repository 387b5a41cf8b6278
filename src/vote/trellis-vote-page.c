/* trellis-vote-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-vote-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-vote-page.h"
#include "trellis-vote-resources.h"

/* The vote page and its words, in the phone's language. The page
 * (vote.html, vote.css, vote.js, built into the program) has no words of
 * its own but @@key@@ marks, replaced here by the translated messages
 * below, so that translators meet them in po/ like every other message,
 * with their comments. The language is the first of the phone's
 * Accept-Language that Trellis has a catalog for (a language, or a
 * language and region: "nl_BE", else "nl"), English if none; English is
 * what the messages are written in, and asking for it ends the search.
 * Catalogs are read by TrellisCatalog, once each, when first needed. */

#define RESOURCE_DIR RESOURCE_PATH "/vote/"

struct _TrellisVotePage
{
  char       *localedir;
  GStrv       languages;   /* with a catalog, as found in localedir */
  GHashTable *catalogs;    /* language → TrellisCatalog, or NULL when unreadable */
};

typedef struct
{
  const char *key;
  const char *context;
  const char *msgid;
} PageString;

/* The words of the page, put into vote.html at @@key@@. */
static const PageString page_strings[] = {
  /* Translators: the title of the web page on which workshop participants vote from their phones. */
  { "title", NULL, N_("Workshop Vote") },
  { "noscript", NULL, N_("This page needs JavaScript to send your vote.") },
  { "intro", NULL, N_("Type the room code shown on the shared screen.") },
  { "code_label", NULL, N_("Room code") },
  /* Translators: a button on the vote page, after typing the room code. */
  { "join", "vote page", NC_("vote page", "Continue") },
  { "name_label", NULL, N_("Your name (optional)") },
  { "name_hint", NULL, N_("Shown beside your vote when all votes are revealed. Leave it empty to vote anonymously.") },
  /* Translators: the button that sends a vote from a phone. */
  { "vote", "vote page", NC_("vote page", "Vote") },
  /* Translators: a button on the vote page after voting; the facilitator may open the vote again. */
  { "again", NULL, N_("Check for a New Vote") },
  { "offline", NULL, N_("The vote could not be reached. Check that this device is on the room’s network, then try again.") },
  { "choose", NULL, N_("Choose a level first.") },
  { "privacy", NULL, N_("Your vote stays secret until all votes are revealed together on the shared screen. This page shows nothing of the team’s matrix.") },
};

/* Languages written right to left, of those Trellis may be translated
 * into. */
static const char * const rtl_languages[] = { "ar", "fa", "he", "ps", "ur", "yi", NULL };

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
find_languages (const char *localedir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) dir = localedir != NULL ? g_dir_open (localedir, 0, NULL) : NULL;
  g_auto(GStrv) languages = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (localedir, name, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_strv_builder_add (builder, name);
    }

  languages = g_strv_builder_end (builder);
  qsort (languages, g_strv_length (languages), sizeof (char *), compare_strings);
  return g_steal_pointer (&languages);
}

/* The catalog of @language, read the first time it is needed. */
static TrellisCatalog *
get_catalog (TrellisVotePage *self,
             const char      *language)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  TrellisCatalog *catalog;
  gpointer found;

  if (g_hash_table_lookup_extended (self->catalogs, language, NULL, &found))
    return found;

  path = g_build_filename (self->localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  catalog = trellis_catalog_new_from_file (path, &error);
  if (catalog == NULL)
    g_warning ("The vote page is not translated into ‘%s’: %s", language, error->message);

  g_hash_table_insert (self->catalogs, g_strdup (language), catalog);
  return catalog;
}

/**
 * trellis_vote_parse_accept_language:
 * @header: (nullable): an Accept-Language header
 *
 * The languages of @header from the most wanted to the least, as
 * gettext names them ("pt-br" → "pt_BR"); those with q=0 and anything
 * that is no language tag are left out. At most 16 are read.
 *
 * Returns: (transfer full): the languages, possibly none
 */
char **
trellis_vote_parse_accept_language (const char *header)
{
  typedef struct { char *tag; double q; guint order; } Entry;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  if (header == NULL || strlen (header) > 1024)
    return g_strv_builder_end (builder);

  items = g_strsplit (header, ",", 17);
  for (guint i = 0; items[i] != NULL && i < 16; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ";", 3);
      g_autofree char *tag = g_strstrip (g_strdup (parts[0] != NULL ? parts[0] : ""));
      gsize len = strlen (tag);
      double q = 1.0;
      gboolean valid = len > 0 && len <= 35;
      Entry entry;

      for (gsize c = 0; valid && c < len; c++)
        valid = g_ascii_isalnum (tag[c]) || tag[c] == '-' || (tag[c] == '*' && len == 1);

      for (guint p = 1; valid && parts[p] != NULL; p++)
        {
          g_autofree char *param = g_strstrip (g_strdup (parts[p]));
          char *end = NULL;

          if (g_str_has_prefix (param, "q="))
            {
              q = g_ascii_strtod (param + 2, &end);
              valid = end != param + 2 && *end == '\0' && q >= 0 && q <= 1;
            }
        }

      if (!valid || q <= 0)
        continue;

      /* "pt-BR-x-foo" → "pt_BR": language and region are what
       * gettext's directories are named by. */
      {
        g_auto(GStrv) subtags = g_strsplit (tag, "-", 3);
        g_autofree char *language = g_ascii_strdown (subtags[0], -1);

        if (subtags[1] != NULL && strlen (subtags[1]) == 2)
          {
            g_autofree char *region = g_ascii_strup (subtags[1], -1);
            entry.tag = g_strconcat (language, "_", region, NULL);
          }
        else
          entry.tag = g_steal_pointer (&language);
      }
      entry.q = q;
      entry.order = i;
      g_array_append_val (entries, entry);
    }

  /* Most wanted first; equally wanted in the order given. A stable
   * sort by hand: there are at most 16. */
  for (guint i = 1; i < entries->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Entry *a = &g_array_index (entries, Entry, j - 1);
        Entry *b = &g_array_index (entries, Entry, j);

        if (a->q >= b->q)
          break;

        {
          Entry swap = *a;
          *a = *b;
          *b = swap;
        }
      }

  for (guint i = 0; i < entries->len; i++)
    {
      char *tag = g_array_index (entries, Entry, i).tag;

      g_strv_builder_add (builder, tag);
      g_free (tag);
    }

  return g_strv_builder_end (builder);
}

/* The language to answer in: the first of @header that Trellis speaks
 * (English is its own), else English. */
static const char *
choose_language (TrellisVotePage *self,
                 const char      *header)
{
  g_auto(GStrv) wanted = trellis_vote_parse_accept_language (header);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      g_autofree char *base = g_strndup (wanted[i], strcspn (wanted[i], "_"));

      if (g_str_equal (base, "en") || g_str_equal (base, "*"))
        return "en";

      for (guint l = 0; self->languages[l] != NULL; l++)
        if (g_str_equal (self->languages[l], wanted[i]))
          return self->languages[l];

      for (guint l = 0; self->languages[l] != NULL; l++)
        if (g_str_equal (self->languages[l], base))
          return self->languages[l];
    }

  return "en";
}

/**
 * trellis_vote_page_dup_tag:
 * @language: a language as gettext names it ("pt_BR")
 *
 * Returns: (transfer full): the language as the web names it ("pt-BR"),
 *   for the page's lang and Content-Language
 */
char *
trellis_vote_page_dup_tag (const char *language)
{
  char *tag;

  g_return_val_if_fail (language != NULL, NULL);

  tag = g_strndup (language, strcspn (language, ".@"));
  g_strdelimit (tag, "_", '-');
  return tag;
}

/**
 * trellis_vote_page_new:
 * @localedir: (nullable): where the translations are, as for
 *   bindtextdomain(); %NULL for English only
 *
 * Returns: (transfer full): the page in every language found in
 *   @localedir
 */
TrellisVotePage *
trellis_vote_page_new (const char *localedir)
{
  TrellisVotePage *self = g_new0 (TrellisVotePage, 1);

  self->localedir = g_strdup (localedir);
  self->languages = find_languages (localedir);
  self->catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) trellis_catalog_unref);

  return self;
}

void
trellis_vote_page_free (TrellisVotePage *self)
{
  g_return_if_fail (self != NULL);

  g_free (self->localedir);
  g_strfreev (self->languages);
  g_hash_table_unref (self->catalogs);
  g_free (self);
}

/**
 * trellis_vote_page_get_languages:
 * @self: a #TrellisVotePage
 *
 * Returns: (transfer none): the languages the page speaks besides English
 */
const char * const *
trellis_vote_page_get_languages (TrellisVotePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->languages;
}

/**
 * trellis_vote_page_choose:
 * @self: a #TrellisVotePage
 * @accept_language: (nullable): the phone's Accept-Language header
 * @catalog: (out) (transfer none): the catalog of the language chosen,
 *   %NULL for English
 *
 * Returns: the language to answer in
 */
const char *
trellis_vote_page_choose (TrellisVotePage  *self,
                          const char       *accept_language,
                          TrellisCatalog  **catalog)
{
  const char *language;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (catalog != NULL, NULL);

  language = choose_language (self, accept_language);
  *catalog = g_str_equal (language, "en") ? NULL : get_catalog (self, language);

  return *catalog != NULL ? language : "en";
}

/**
 * trellis_vote_page_get_file:
 * @name: a file of the page: "vote.html", "vote.css", "vote.js"
 *
 * Returns: (transfer full): the file, as built into the program
 */
GBytes *
trellis_vote_page_get_file (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (trellis_vote_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The vote page is missing from the program: %s", error->message);

  return bytes;
}

static gboolean
is_rtl (const char *language)
{
  g_autofree char *base = g_strndup (language, strcspn (language, "_"));

  return g_strv_contains (rtl_languages, base);
}

static const char *
page_value (const char     *language,
            const char     *tag,
            TrellisCatalog *catalog,
            const char     *key,
            gsize           key_len)
{
  if (key_len == 4 && strncmp (key, "lang", 4) == 0)
    return tag;
  if (key_len == 3 && strncmp (key, "dir", 3) == 0)
    return is_rtl (language) ? "rtl" : "ltr";

  for (guint i = 0; i < G_N_ELEMENTS (page_strings); i++)
    if (strlen (page_strings[i].key) == key_len && strncmp (page_strings[i].key, key, key_len) == 0)
      return trellis_catalog_lookup (catalog, page_strings[i].context, page_strings[i].msgid);

  return NULL;
}

/**
 * trellis_vote_page_render:
 * @language: the language of the page ("en", "nl" …)
 * @catalog: (nullable): its translations, or %NULL for English
 *
 * Returns: (transfer full): vote.html with every @@key@@ replaced by its
 *   words, escaped
 */
GBytes *
trellis_vote_page_render (const char     *language,
                          TrellisCatalog *catalog)
{
  g_autoptr(GBytes) template = trellis_vote_page_get_file ("vote.html");
  g_autofree char *tag = trellis_vote_page_dup_tag (language);
  const char *text = g_bytes_get_data (template, NULL);
  const char *end = text + g_bytes_get_size (template);
  GString *page = g_string_sized_new (g_bytes_get_size (template) + 1024);

  while (text < end)
    {
      const char *open = g_strstr_len (text, end - text, "@@");
      const char *close = open != NULL ? g_strstr_len (open + 2, end - open - 2, "@@") : NULL;
      const char *value;

      if (close == NULL)
        {
          g_string_append_len (page, text, end - text);
          break;
        }

      g_string_append_len (page, text, open - text);
      value = page_value (language, tag, catalog, open + 2, close - open - 2);
      if (value == NULL)
        g_error ("The vote page names a text it does not have: %.*s", (int) (close - open - 2), open + 2);

      {
        g_autofree char *escaped = g_markup_escape_text (value, -1);
        g_string_append (page, escaped);
      }
      text = close + 2;
    }

  return g_string_free_to_bytes (page);
}

