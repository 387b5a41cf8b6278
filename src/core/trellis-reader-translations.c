/* trellis-reader-translations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-reader-private.h"
#include "trellis-translations.h"

/* The translations of the matrix's texts (format 1.2, see
 * trellis-translations.c), after the other children of their element;
 * the scale's are the organisation's, where a reader of format 1.1
 * keeps them:
 *
 *   <organisation name="Small &amp; Co">
 *     <translation xml:lang="de" field="scale level 3 name">Versiert</translation>
 *   <competency id="c-listen" name="Active listening">
 *     <level value="3">Summarises the need before answering</level>
 *     <translation xml:lang="de" field="name">Aktives Zuhören</translation>
 *     <translation xml:lang="de" field="level 3">Fasst das Anliegen zusammen, bevor …</translation>
 *
 * The field must be a text the element has; a level only in the range
 * of levels, not on the scale (a translation may outlive its level), a
 * behaviour only by a position a value can have. The same text in the
 * same language twice is an error; an empty translation is none. */

static TrellisEntity *
translated_entity (Reader *r,
                   Frame  *parent)
{
  if (parent->elem == E_ORGANISATION)
    return TRELLIS_ENTITY (r->doc->organisation);

  return parent->entity;
}

void
trellis_reader_start_translation (Reader     *r,
                                  Frame      *frame,
                                  const Attr *attrs,
                                  guint       n_attrs)
{
  Frame *parent = frame - 1;
  TrellisEntity *entity = translated_entity (r, parent);
  g_autofree char *language = NULL;
  gboolean have_field = FALSE;
  gboolean ok = TRUE;

  r->translation_language = NULL;

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->uri != NULL && xmlStrEqual (a->uri, XML_XML_NAMESPACE) && xmlStrEqual (a->name, (const xmlChar *) "lang"))
        {
          /* Written as the schema says: "de", "pt-BR", nothing else. */
          language = trellis_language_normalize (attr_value (a), attr_len (a));
          if (language != NULL && (strlen (language) != attr_len (a) || memcmp (language, attr_value (a), attr_len (a)) != 0))
            g_clear_pointer (&language, g_free);
          if (language == NULL)
            {
              g_autofree char *value = trellis_reader_attr_dup (a);

              /* Translators: %s is what the file gives as a language, e.g. “deutsch”. */
              trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                                    _("‘%s’ is not a language code such as de, nl or pt-BR."), value);
              ok = FALSE;
            }
        }
      else if (a->name == r->a_field && a->uri == NULL)
        {
          have_field = TRUE;
          if (!trellis_text_key_parse (attr_value (a), attr_len (a), &r->translation_part, &r->translation_index) ||
              (entity != NULL && !trellis_text_part_fits (trellis_entity_get_kind (entity), r->translation_part)))
            {
              trellis_reader_bad_attribute (r, frame->elem, a);
              ok = FALSE;
            }
        }
      else
        trellis_reader_unknown_attribute (r, frame->elem, a);
    }

  if (!ok || entity == NULL)
    return;

  if (language == NULL)
    trellis_reader_missing_attribute (r, frame->elem, "xml:lang");
  else if (!have_field)
    trellis_reader_missing_attribute (r, frame->elem, "field");
  else
    r->translation_language = g_intern_string (language);
}

void
trellis_reader_text_translation (Reader  *r,
                                 Frame   *frame,
                                 Frame   *parent,
                                 char   **text)
{
  TrellisEntity *entity = translated_entity (r, parent);
  GPtrArray *current;

  if (r->translation_language == NULL || entity == NULL || (*text)[0] == '\0')
    return;

  current = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_TRANSLATIONS);
  if (trellis_translations_lookup (current, r->translation_language, r->translation_part,
                                   r->translation_index) != NULL)
    {
      g_autofree char *key = trellis_text_key_format (r->translation_part, r->translation_index);

      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. The first %s is a text such as “level 3”, the second
                             * a language code such as “de”. */
                            _("The translation of ‘%s’ into ‘%s’ is given twice; keep one."),
                            key, r->translation_language);
      return;
    }

  trellis_document_take_ptr_array (r->doc, entity, TRELLIS_FIELD_TRANSLATIONS,
                                   trellis_translations_copy_set (current, r->translation_language,
                                                                  r->translation_part, r->translation_index,
                                                                  *text));
}
