/* trellis-po-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-po-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-po-exchange.h"

/* A matrix's texts and a translator's tools meet in a PO file: one
 * message per text (trellis_document_list_texts()), its context naming
 * the element and the text ("c-listen|level 3", see
 * trellis_text_ref_dup_context()), the original as msgid and the
 * translation there is as msgstr, with a comment saying what the text
 * is. Poedit, Lokalize, Weblate or a text editor fill it in; msgfmt
 * --check accepts it.
 *
 * Taking one back checks every message before anything changes (like a
 * merge of personal files): a message whose msgid is no longer the text
 * (the original changed since the export) is stale, one whose context
 * names no text of the matrix is unknown, one marked fuzzy was not
 * confirmed by the translator; none of those is taken, and each is
 * told. What is taken is one undo step. */

/* The header and texts never hold a line break in a header field. */
static char *
header_value (const char *s)
{
  char *v = g_strdup (s != NULL ? s : "");

  for (char *p = v; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';

  return v;
}

/* When the export happens: SOURCE_DATE_EPOCH where it is set, so that
 * builds and tests make the same file each time. */
static char *
export_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    now = g_date_time_new_from_unix_utc ((gint64) seconds);
  else
    now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M%z");
}

/* gettext's tools insist that a msgstr begins and ends with a line
 * break where its msgid does: a translation is written, and taken back,
 * with the line breaks at its ends that its original has. */
static char *
match_line_breaks (const char *original,
                   const char *translation)
{
  gboolean lead = original[0] == '\n';
  gboolean trail = original[0] != '\0' && original[strlen (original) - 1] == '\n';
  const char *start = translation;
  const char *end = translation + strlen (translation);

  while (start < end && *start == '\n')
    start++;
  while (end > start && end[-1] == '\n')
    end--;
  if (start == end)
    return g_strdup ("");

  return g_strdup_printf ("%s%.*s%s", lead ? "\n" : "", (int) (end - start), start, trail ? "\n" : "");
}

static void
append_header (GString         *out,
               TrellisDocument *self,
               const char      *language)
{
  TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (self));
  const char *name = trellis_entity_get_name (org);
  g_autofree char *project = header_value (name != NULL && name[0] != '\0' ? name : "Trellis");
  g_autofree char *language_name = trellis_language_dup_name (language);
  g_autofree char *po_language = trellis_language_to_po (language);
  g_autofree char *date = export_date ();
  g_autofree char *intro = NULL;
  const char *source = trellis_document_get_language (self);

  /* Translators: the first lines of a PO file of a matrix's texts; the
   * first %s is the organisation, the second a language such as “German (de)”. */
  intro = g_strdup_printf (_("The texts of the matrix of ‘%s’, to be translated into %s.\n"
                             "Each message is one text; its context names the element and which of its texts\n"
                             "it is: leave the contexts as they are. A text left empty stays untranslated,\n"
                             "one marked fuzzy is not taken. Take the file back into Trellis with\n"
                             "Translate Matrix Texts… or trellis-cli po-import."),
                           project, language_name);
  trellis_po_append_comment (out, "#", intro);
  g_string_append (out, "#\n");
  g_string_append (out, "msgid \"\"\nmsgstr \"\"\n");
  g_string_append_printf (out, "\"Project-Id-Version: %s\\n\"\n", project);
  g_string_append_printf (out, "\"POT-Creation-Date: %s\\n\"\n", date);
  g_string_append_printf (out, "\"PO-Revision-Date: %s\\n\"\n", date);
  g_string_append (out, "\"Last-Translator: \\n\"\n");
  g_string_append (out, "\"Language-Team: \\n\"\n");
  g_string_append_printf (out, "\"Language: %s\\n\"\n", po_language);
  g_string_append (out, "\"MIME-Version: 1.0\\n\"\n");
  g_string_append (out, "\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
  g_string_append (out, "\"Content-Transfer-Encoding: 8bit\\n\"\n");
  g_string_append_printf (out, "\"Plural-Forms: %s\\n\"\n", trellis_language_get_plural_forms (language));
  g_string_append (out, "\"X-Generator: Trellis " PACKAGE_VERSION "\\n\"\n");
  if (source != NULL && source[0] != '\0')
    {
      g_autofree char *source_po = trellis_language_to_po (source);

      g_string_append_printf (out, "\"X-Source-Language: %s\\n\"\n", source_po);
    }
}

/**
 * trellis_document_export_po:
 * @self: a #TrellisDocument
 * @language: the language to translate into, normalised
 *   (trellis_language_normalize())
 *
 * Writes every text of the matrix as a PO file, with the translations
 * into @language it has.
 *
 * Returns: (transfer full): the PO file
 */
GBytes *
trellis_document_export_po (TrellisDocument *self,
                            const char      *language)
{
  g_autoptr(GArray) texts = NULL;
  GString *out;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  out = g_string_new (NULL);
  append_header (out, self, language);

  texts = trellis_document_list_texts (self);
  for (guint i = 0; i < texts->len; i++)
    {
      const TrellisTextRef *ref = &g_array_index (texts, TrellisTextRef, i);
      g_autofree char *comment = trellis_text_ref_dup_comment (ref);
      g_autofree char *context = trellis_text_ref_dup_context (ref);
      const char *translation = trellis_entity_get_translation (ref->entity, ref->part, ref->index, language);
      g_autofree char *str = translation != NULL ? match_line_breaks (ref->original, translation) : g_strdup ("");

      g_string_append_c (out, '\n');
      trellis_po_append_comment (out, "#.", comment);
      trellis_po_append_string (out, "msgctxt", context);
      trellis_po_append_string (out, "msgid", ref->original);
      trellis_po_append_string (out, "msgstr", str);
    }

  return g_string_free_to_bytes (out);
}

/**
 * trellis_po_dup_file_name:
 * @self: a #TrellisDocument
 * @matrix_name: (nullable): the matrix's name, usually its file's
 *   without ".trellis"
 * @language: the language
 *
 * Returns: (transfer full): a name for the PO file of the matrix's texts
 *   in @language: "customer-service.de.po"
 */
char *
trellis_po_dup_file_name (TrellisDocument *self,
                          const char      *matrix_name,
                          const char      *language)
{
  const char *org = trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (self)));
  g_autofree char *po_language = trellis_language_to_po (language);
  g_autofree char *base = g_strdup (matrix_name != NULL && matrix_name[0] != '\0' ? matrix_name
                                    : org != NULL && org[0] != '\0' ? org
                                    /* Translators: the name of a file of a matrix that has none yet. */
                                    : _("matrix"));

  g_strdelimit (base, "/\\:*?\"<>|\n\r\t", '-');
  return g_strdup_printf ("%s.%s.po", base, po_language);
}

/* Taking a translation back */

struct _TrellisPoImport
{
  TrellisDocument *document;
  char            *language;
  GArray          *results;   /* TrellisPoResult */
  GPtrArray       *strings;   /* what the results point to */
  guint            counts[TRELLIS_N_PO_OUTCOMES];
};

void
trellis_po_import_free (TrellisPoImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->document);
  g_free (self->language);
  g_array_unref (self->results);
  g_ptr_array_unref (self->strings);
  g_free (self);
}

static const char *
keep (TrellisPoImport *self,
      const char      *s)
{
  char *copy = g_strdup (s);

  if (copy != NULL)
    g_ptr_array_add (self->strings, copy);
  return copy;
}

/* The language of the import: the one asked for, which the file's
 * header must not contradict, else the header's. */
static char *
choose_language (TrellisPoFile  *po,
                 const char     *asked,
                 GError        **error)
{
  g_autofree char *given = trellis_po_file_dup_header (po, "Language");
  g_autofree char *from_file = given != NULL && given[0] != '\0' ? trellis_language_normalize (given, -1) : NULL;
  g_autofree char *wanted = NULL;

  if (asked != NULL)
    {
      wanted = trellis_language_normalize (asked, -1);
      if (wanted == NULL)
        {
          g_set_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE,
                       /* Translators: %s is what was given as a language. */
                       _("‘%s’ is not a language code such as de, nl or pt-BR."), asked);
          return NULL;
        }
      if (from_file != NULL && !g_str_equal (from_file, wanted))
        {
          g_set_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE,
                       /* Translators: both %s are language codes. */
                       _("The file is a translation into ‘%s’, not ‘%s’."), from_file, wanted);
          return NULL;
        }
      return g_steal_pointer (&wanted);
    }

  if (from_file != NULL)
    return g_steal_pointer (&from_file);

  if (given != NULL && given[0] != '\0')
    g_set_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE,
                 /* Translators: %s is what a PO file gives as its language, e.g. “sr@latin”. */
                 _("The file’s language ‘%s’ is not one Trellis can keep. Say which language it is, such as de, nl or pt-BR."),
                 given);
  else
    g_set_error_literal (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE,
                         _("The file does not say which language it is in (its header has no Language). Say which it is."));
  return NULL;
}

static TrellisPoOutcome
judge (TrellisPoImport      *self,
       const TrellisPoEntry *entry,
       GHashTable           *seen,
       TrellisPoResult      *result)
{
  g_autofree char *translation = NULL;
  const char *current;

  if (entry->context != NULL && !g_hash_table_add (seen, entry->context))
    return TRELLIS_PO_REPEATED;

  if (entry->context == NULL || entry->id_plural != NULL ||
      !trellis_document_find_text (self->document, entry->context, &result->text))
    return TRELLIS_PO_UNKNOWN;

  if (entry->fuzzy)
    return TRELLIS_PO_FUZZY;

  if (strcmp (entry->id, result->text.original) != 0)
    return TRELLIS_PO_STALE;

  /* Kept with the line breaks at its ends that the original has, as it
   * is exported again. */
  current = trellis_entity_get_translation (result->text.entity, result->text.part, result->text.index,
                                            self->language);
  translation = match_line_breaks (result->text.original, entry->str);
  if (translation[0] == '\0')
    return current != NULL ? TRELLIS_PO_REMOVED : TRELLIS_PO_UNTRANSLATED;
  if (g_strcmp0 (current, translation) == 0)
    return TRELLIS_PO_UNCHANGED;

  result->translation = keep (self, translation);
  return TRELLIS_PO_APPLIED;
}

/**
 * trellis_po_import_new:
 * @document: the matrix to take the translation into
 * @po: a PO file of its texts
 * @language: (nullable): the language of the translation; %NULL for the
 *   one the file's header gives
 * @error: return location for a #GError in %TRELLIS_PO_ERROR
 *
 * Judges every message of @po against the matrix, changing nothing yet.
 * Fails only when the language is unclear.
 *
 * Returns: (transfer full) (nullable): the import, to apply
 */
TrellisPoImport *
trellis_po_import_new (TrellisDocument  *document,
                       TrellisPoFile    *po,
                       const char       *language,
                       GError          **error)
{
  g_autoptr(TrellisPoImport) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *chosen = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (po != NULL, NULL);

  chosen = choose_language (po, language, error);
  if (chosen == NULL)
    return NULL;

  self = g_new0 (TrellisPoImport, 1);
  self->document = g_object_ref (document);
  self->language = g_strdup (g_intern_string (chosen));
  self->results = g_array_new (FALSE, TRUE, sizeof (TrellisPoResult));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < trellis_po_file_get_n_entries (po); i++)
    {
      const TrellisPoEntry *entry = trellis_po_file_get_entry (po, i);
      TrellisPoResult result = { 0 };

      result.outcome = judge (self, entry, seen, &result);
      result.line = entry->line;
      result.context = keep (self, entry->context);
      if (result.outcome == TRELLIS_PO_UNKNOWN || result.outcome == TRELLIS_PO_REPEATED)
        memset (&result.text, 0, sizeof result.text);
      self->counts[result.outcome]++;
      g_array_append_val (self->results, result);
    }

  return g_steal_pointer (&self);
}

const char *
trellis_po_import_get_language (TrellisPoImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

guint
trellis_po_import_get_n_results (TrellisPoImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->results->len;
}

const TrellisPoResult *
trellis_po_import_get_result (TrellisPoImport *self,
                              guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  return &g_array_index (self->results, TrellisPoResult, index);
}

guint
trellis_po_import_count (TrellisPoImport  *self,
                         TrellisPoOutcome  outcome)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (outcome < TRELLIS_N_PO_OUTCOMES, 0);

  return self->counts[outcome];
}

/**
 * trellis_po_import_apply:
 * @self: an import, made just now (the matrix must not have changed
 *   since)
 *
 * Takes the translations into the matrix, and removes those emptied, as
 * one undoable step.
 *
 * Returns: how many texts changed
 */
guint
trellis_po_import_apply (TrellisPoImport *self)
{
  g_autofree char *language_name = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  n = self->counts[TRELLIS_PO_APPLIED] + self->counts[TRELLIS_PO_REMOVED];
  if (n == 0)
    return 0;

  language_name = trellis_language_dup_name (self->language);
  /* Translators: an undo step; %s is a language such as “German (de)”. */
  label = g_strdup_printf (_("Import Translations into %s"), language_name);
  trellis_document_begin_group (self->document, label);
  for (guint i = 0; i < self->results->len; i++)
    {
      const TrellisPoResult *r = &g_array_index (self->results, TrellisPoResult, i);

      if (r->outcome == TRELLIS_PO_APPLIED || r->outcome == TRELLIS_PO_REMOVED)
        trellis_document_set_translation (self->document, r->text.entity, r->text.part, r->text.index,
                                          self->language, r->translation);
    }
  trellis_document_end_group (self->document);

  return n;
}

/**
 * trellis_po_import_dup_summary:
 * @self: an import
 *
 * Returns: (transfer full): what becomes of the file's messages, in one
 *   sentence: “12 translations taken, 2 stale …”
 */
char *
trellis_po_import_dup_summary (TrellisPoImport *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const guint *c = self->counts;

  if (c[TRELLIS_PO_APPLIED] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u translation taken", "%u translations taken",
                                                       c[TRELLIS_PO_APPLIED]), c[TRELLIS_PO_APPLIED]));
  if (c[TRELLIS_PO_UNCHANGED] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u there already", "%u there already",
                                                       c[TRELLIS_PO_UNCHANGED]), c[TRELLIS_PO_UNCHANGED]));
  if (c[TRELLIS_PO_REMOVED] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u removed (left empty)", "%u removed (left empty)",
                                                       c[TRELLIS_PO_REMOVED]), c[TRELLIS_PO_REMOVED]));
  if (c[TRELLIS_PO_UNTRANSLATED] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u not translated yet", "%u not translated yet",
                                                       c[TRELLIS_PO_UNTRANSLATED]), c[TRELLIS_PO_UNTRANSLATED]));
  if (c[TRELLIS_PO_FUZZY] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u marked fuzzy, not taken", "%u marked fuzzy, not taken",
                                                       c[TRELLIS_PO_FUZZY]), c[TRELLIS_PO_FUZZY]));
  if (c[TRELLIS_PO_STALE] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u stale (the original changed since the export), not taken",
                                                       "%u stale (the originals changed since the export), not taken",
                                                       c[TRELLIS_PO_STALE]), c[TRELLIS_PO_STALE]));
  if (c[TRELLIS_PO_UNKNOWN] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u unknown (the matrix has no such text), not taken",
                                                       "%u unknown (the matrix has no such texts), not taken",
                                                       c[TRELLIS_PO_UNKNOWN]), c[TRELLIS_PO_UNKNOWN]));
  if (c[TRELLIS_PO_REPEATED] > 0)
    /* Translators: one part of the summary after a translated PO file is taken back into a matrix
     * (Translate Matrix Texts, trellis-cli po-import), joined with commas, e.g. “12 translations
     * taken, 2 not translated yet”; %u counts texts. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u given twice, not taken", "%u given twice, not taken",
                                                       c[TRELLIS_PO_REPEATED]), c[TRELLIS_PO_REPEATED]));

  if (parts->len == 0)
    return g_strdup (_("The file holds no texts of this matrix."));

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: a summary ends here; %s is its parts, e.g. “12 translations taken, 1 stale …”. */
  return g_strdup_printf (_("%s."), joined);
}

/**
 * trellis_po_result_dup_message:
 * @result: what became of a message
 *
 * Returns: (transfer full) (nullable): a sentence on a message that was
 *   not taken, naming it by its context; %NULL for the others
 */
char *
trellis_po_result_dup_message (const TrellisPoResult *result)
{
  const char *context = result->context != NULL ? result->context : "";

  switch (result->outcome)
    {
    case TRELLIS_PO_FUZZY:
      /* Translators: %s names a text, such as “c-listen|level 3”. */
      return g_strdup_printf (_("‘%s’ is marked fuzzy and was not taken; confirm the translation and take the file back again."),
                              context);
    case TRELLIS_PO_STALE:
      /* Translators: in the list of the detail of a text that was not taken back from a translated PO
       * file; %s is that text's context, e.g. “c-listen|level 3”. */
      return g_strdup_printf (_("‘%s’ is stale: the original changed since the file was exported, so its translation was not taken. Export again and translate the new text."),
                              context);
    case TRELLIS_PO_UNKNOWN:
      return result->context != NULL
             /* Translators: in the list of the detail of a text that was not taken back from a
              * translated PO file; %s is that text's context, e.g. “c-listen|level 3”. */
             ? g_strdup_printf (_("‘%s’ is no text of this matrix (was it deleted?), so its translation was not taken."),
                                context)
             : g_strdup (_("A message without a context is no text of this matrix, so its translation was not taken."));
    case TRELLIS_PO_REPEATED:
      /* Translators: in the list of the detail of a text that was not taken back from a translated PO
       * file; %s is that text's context, e.g. “c-listen|level 3”. */
      return g_strdup_printf (_("‘%s’ is given twice; only the first was taken."), context);
    case TRELLIS_PO_APPLIED:
    case TRELLIS_PO_UNCHANGED:
    case TRELLIS_PO_REMOVED:
    case TRELLIS_PO_UNTRANSLATED:
    case TRELLIS_N_PO_OUTCOMES:
    default:
      return NULL;
    }
}
