/* trellis-reader-root.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader-root"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-personal.h"
#include "trellis-reader-private.h"

/* The root element: whether a file is a Trellis matrix at all, of a
 * version this reader knows, and the attributes of <trellis>; and a
 * personal file's progress, which follows the root's sections. */

/* Whether the first element is the root of a Trellis matrix of a
 * version this reader knows; its attributes are read by trellis_reader_start_root(). */
gboolean
trellis_reader_is_root (Reader        *r,
                        const xmlChar *localname,
                        const xmlChar *uri)
{
  if (!xmlStrEqual (localname, (const xmlChar *) "trellis"))
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, current_line (r), TRUE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %s is the name of the first element of the file, e.g.
                             * “html”. Keep <trellis>: it is a name in the file. */
                            _("This is not a Trellis matrix: it starts with <%s> instead of <trellis>."),
                            (const char *) localname);
      return FALSE;
    }

  if (uri == NULL || !g_str_has_prefix ((const char *) uri, TRELLIS_FORMAT_NAMESPACE_BASE))
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, current_line (r), TRUE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. The first %s is the namespace the file gives, the
                             * second the one Trellis expects, both web addresses such as
                             * “https://trellis.example/ns/1”. */
                            _("This is not a Trellis matrix: its namespace is ‘%s’ instead of ‘%s’."),
                            uri != NULL ? (const char *) uri : "", TRELLIS_FORMAT_NAMESPACE);
      return FALSE;
    }

  if (!xmlStrEqual (uri, (const xmlChar *) TRELLIS_FORMAT_NAMESPACE))
    {
      const char *tail = (const char *) uri + strlen (TRELLIS_FORMAT_NAMESPACE_BASE);
      guint64 file_major;

      if (g_ascii_string_to_unsigned (tail, 10, 2, G_MAXUINT, &file_major, NULL))
        trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_UNSUPPORTED_VERSION, current_line (r), TRUE,
                              /* Translators: shown when a matrix file cannot be read, in the app and
                               * by trellis-cli check. %u is the file format's major version, e.g. 2. */
                              _("This matrix was written by a newer version of Trellis (format %u). Update Trellis to open it."),
                              (guint) file_major);
      else
        trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, current_line (r), TRUE,
                              _("This is not a Trellis matrix: its namespace is ‘%s’ instead of ‘%s’."),
                              (const char *) uri, TRELLIS_FORMAT_NAMESPACE);
      return FALSE;
    }

  return TRUE;
}

/* Reads MAJOR.MINOR as the schema writes it: digits without sign or
 * white space, the major version without leading zeros, the minor one
 * of one to three digits. */
static gboolean
parse_version (const Attr *a,
               guint      *major,
               guint      *minor)
{
  gsize i = 0;
  gsize start;

  *major = 0;
  *minor = 0;

  for (; i < attr_len (a) && g_ascii_isdigit (attr_value (a)[i]) && i < 3; i++)
    *major = *major * 10 + (attr_value (a)[i] - '0');
  if (i == 0 || (i > 1 && attr_value (a)[0] == '0') || i >= attr_len (a) || attr_value (a)[i] != '.')
    return FALSE;

  start = ++i;
  for (; i < attr_len (a) && g_ascii_isdigit (attr_value (a)[i]) && i - start < 3; i++)
    *minor = *minor * 10 + (attr_value (a)[i] - '0');

  return i > start && i == attr_len (a);
}

/* Whether @a is a language tag as xsd:language has it: “en”, “nl-BE”. */
static gboolean
valid_language (const Attr *a)
{
  gsize part = 0;

  for (gsize i = 0; i < attr_len (a); i++)
    {
      char c = attr_value (a)[i];

      if (c == '-' && part > 0 && i + 1 < attr_len (a))
        part = 0;
      else if ((g_ascii_isalpha (c) || (g_ascii_isdigit (c) && i > part)) && ++part <= 8)
        continue;
      else
        return FALSE;
    }

  return part > 0;
}

void
trellis_reader_start_root (Reader     *r,
                           Frame      *frame,
                           const Attr *attrs,
                           guint       n_attrs)
{
  const Attr *version = NULL;
  const Attr *lang = NULL;
  guint major = 0;
  guint minor = 0;

  for (guint i = 0; i < n_attrs; i++)
    {
      if (attrs[i].name == r->a_version && attrs[i].uri == NULL)
        version = &attrs[i];
      else if (attrs[i].uri != NULL &&
               xmlStrEqual (attrs[i].uri, XML_XML_NAMESPACE) &&
               xmlStrEqual (attrs[i].name, (const xmlChar *) "lang"))
        lang = &attrs[i];
    }

  if (version == NULL)
    {
      trellis_reader_missing_attribute (r, E_ROOT, "version");
      return;
    }

  if (!parse_version (version, &major, &minor))
    {
      trellis_reader_bad_attribute (r, E_ROOT, version);
      return;
    }

  if (major != TRELLIS_FORMAT_MAJOR)
    {
      if (major > TRELLIS_FORMAT_MAJOR)
        trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_UNSUPPORTED_VERSION, current_line (r), TRUE,
                              _("This matrix was written by a newer version of Trellis (format %u). Update Trellis to open it."),
                              major);
      else
        trellis_reader_bad_attribute (r, E_ROOT, version);
      return;
    }

  r->doc->format_minor = minor;
  r->newer_minor = minor > TRELLIS_FORMAT_MINOR;

  if (lang != NULL && valid_language (lang))
    {
      g_free (r->doc->lang);
      r->doc->lang = trellis_reader_attr_dup (lang);
    }
  else if (lang != NULL)
    trellis_reader_bad_attribute (r, E_ROOT, lang);

  /* Judged only now: a newer minor version may add attributes here too,
   * and the matrix's identity came with 1.1. */
  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a == version || a == lang)
        continue;

      if (a->name == r->a_matrix && a->uri == NULL && minor >= 1)
        {
          if (trellis_matrix_id_is_valid (attr_value (a), attr_len (a)))
            {
              g_free (r->doc->matrix_id);
              r->doc->matrix_id = trellis_reader_attr_dup (a);
            }
          else
            trellis_reader_bad_attribute (r, E_ROOT, a);
        }
      else
        trellis_reader_unknown_attribute (r, E_ROOT, a);
    }
}

/* A personal file's progress (format 1.1): whose file it is, and where
 * its owner is in the guided self-assessment. */
void
trellis_reader_start_self_assessment (Reader     *r,
                                      Frame      *frame,
                                      const Attr *attrs,
                                      guint       n_attrs)
{
  g_autoptr(TrellisProgress) progress = g_new0 (TrellisProgress, 1);

  if (r->doc->format_minor < 1)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %s is an element name, e.g. “self-assessment”. */
                            _("The element <%s> belongs to version 1.1 of the format, but the file says it is version 1.0."),
                            trellis_reader_elements[E_SELF_ASSESSMENT].name);
      return;
    }

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];
      const xmlChar *n = a->name;

      if (a->uri != NULL)
        trellis_reader_unknown_attribute (r, E_SELF_ASSESSMENT, a);
      else if (n == r->a_person)
        progress->person = g_strdup (trellis_reader_read_ref (r, E_SELF_ASSESSMENT, a, KIND_BIT (TRELLIS_KIND_PERSON)));
      else if (n == r->a_round || n == r->a_handed_in)
        {
          TrellisDate *date = n == r->a_round ? &progress->round : &progress->handed_in;

          if (!trellis_reader_parse_date (r, a, date))
            trellis_reader_bad_date (r, E_SELF_ASSESSMENT, a);
        }
      else if (n == r->a_stage)
        {
          if (!trellis_guide_stage_from_string (attr_value (a), attr_len (a), &progress->stage))
            trellis_reader_bad_attribute (r, E_SELF_ASSESSMENT, a);
        }
      else if (n == r->a_at)
        progress->at = g_strdup (trellis_reader_read_ref (r, E_SELF_ASSESSMENT, a, KIND_BIT (TRELLIS_KIND_COMPETENCY)));
      else if (n == r->a_added)
        progress->added = trellis_reader_read_ref_list (r, E_SELF_ASSESSMENT, a, KIND_BIT (TRELLIS_KIND_COMPETENCY));
      else
        trellis_reader_unknown_attribute (r, E_SELF_ASSESSMENT, a);
    }

  if (progress->person == NULL)
    {
      trellis_reader_missing_attribute (r, E_SELF_ASSESSMENT, "person");
      return;
    }
  if (progress->stage == TRELLIS_GUIDE_COMPETENCY && progress->at == NULL)
    {
      trellis_reader_missing_attribute (r, E_SELF_ASSESSMENT, "at");
      return;
    }

  /* A personal file holds its one person; the people came before. */
  if (trellis_document_get_n_items (r->doc, TRELLIS_KIND_PERSON) != 1)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %u is how many people the file holds, e.g. 3. */
                            _("A personal file holds exactly one person, but this one holds %u."),
                            trellis_document_get_n_items (r->doc, TRELLIS_KIND_PERSON));
      return;
    }

  trellis_progress_free (r->doc->progress);
  r->doc->progress = g_steal_pointer (&progress);
}
