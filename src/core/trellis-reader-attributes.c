/* trellis-reader-attributes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader-attributes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-reader-private.h"

/* Reading attribute values: numbers, dates, ids and references, levels
 * on the scale, and the errors a value can cause. */

/* Attribute values come from libxml2 with every '&' kept as "&#38;"
 * (entities are not substituted); this gives the text they stand for. */
char *
trellis_reader_attr_dup (const Attr *a)
{
  const char *amp;
  GString *s;
  const char *p = attr_value (a);
  const char *end = attr_value (a) + attr_len (a);

  if ((amp = memchr (p, '&', attr_len (a))) == NULL)
    return g_strndup (attr_value (a), attr_len (a));

  s = g_string_sized_new (attr_len (a));
  while (p < end)
    {
      amp = memchr (p, '&', end - p);
      if (amp == NULL)
        {
          g_string_append_len (s, p, end - p);
          break;
        }
      g_string_append_len (s, p, amp - p);
      if (end - amp >= 5 && memcmp (amp, "&#38;", 5) == 0)
        {
          g_string_append_c (s, '&');
          p = amp + 5;
        }
      else
        {
          g_string_append_c (s, '&');
          p = amp + 1;
        }
    }

  return g_string_free (s, FALSE);
}

gboolean
trellis_reader_valid_id (const char *s,
                         gsize       len)
{
  if (len == 0 || len > 256)
    return FALSE;
  if (!g_ascii_isalpha (s[0]) && s[0] != '_')
    return FALSE;
  for (gsize i = 1; i < len; i++)
    {
      if (!g_ascii_isalnum (s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
        return FALSE;
    }
  return TRUE;
}

/* Reads a whole number as the schema writes it: digits, perhaps after a
 * minus sign, and no leading zeros. */
gboolean
trellis_reader_parse_int (const Attr *a,
                          gint        min,
                          gint        max,
                          gint       *out)
{
  gint64 v = 0;
  gsize i = 0;
  gboolean negative = FALSE;

  if (attr_len (a) == 0 || attr_len (a) > 10)
    return FALSE;

  if (attr_value (a)[0] == '-')
    {
      negative = TRUE;
      i = 1;
    }

  /* As the schema writes numbers: no plus sign, no leading zeros. */
  if (i == attr_len (a) || (attr_value (a)[i] == '0' && (negative || attr_len (a) > 1)))
    return FALSE;

  for (; i < attr_len (a); i++)
    {
      if (attr_value (a)[i] < '0' || attr_value (a)[i] > '9')
        return FALSE;
      v = v * 10 + (attr_value (a)[i] - '0');
    }

  if (negative)
    v = -v;
  if (v < min || v > max)
    return FALSE;

  *out = (gint) v;
  return TRUE;
}

gboolean
trellis_reader_parse_double (const Attr *a,
                             double     *out)
{
  char buf[64];
  char *end = NULL;
  double v;

  if (attr_len (a) == 0 || attr_len (a) >= sizeof buf)
    return FALSE;

  memcpy (buf, attr_value (a), attr_len (a));
  buf[attr_len (a)] = '\0';

  /* Only plain decimal numbers, as the schema says; no hex, inf or nan. */
  for (gsize i = 0; i < attr_len (a); i++)
    {
      if (!g_ascii_isdigit (buf[i]) && buf[i] != '-' && buf[i] != '+' && buf[i] != '.' &&
          buf[i] != 'e' && buf[i] != 'E')
        return FALSE;
    }

  v = g_ascii_strtod (buf, &end);
  if (end == buf || *end != '\0' || !isfinite (v))
    return FALSE;

  *out = v;
  return TRUE;
}

/* Reads a date, and keeps it for the assessments after it, which
 * read_date() finds without parsing. */
gboolean
trellis_reader_parse_date (Reader      *r,
                           const Attr  *a,
                           TrellisDate *out)
{
  DateCache *entry;

  if (!trellis_date_parse (attr_value (a), attr_len (a), out))
    return FALSE;

  if (attr_len (a) == 10)
    {
      guint64 head;
      guint16 tail;

      memcpy (&head, attr_value (a), sizeof head);
      memcpy (&tail, attr_value (a) + 8, sizeof tail);
      entry = &r->date_cache[date_cache_slot (head, tail)];
      entry->head = head;
      entry->tail = tail;
      entry->date = *out;
    }

  return TRUE;
}

const char *
trellis_reader_intern_attr (const Attr *a)
{
  g_autofree char *s = trellis_reader_attr_dup (a);

  return g_intern_string (s);
}

/* The name of @a as a file has it; the xml namespace has its prefix. */
static char *
attr_display_name (const Attr *a)
{
  if (a->uri != NULL && xmlStrEqual (a->uri, XML_XML_NAMESPACE))
    return g_strconcat ("xml:", (const char *) a->name, NULL);

  return g_strdup ((const char *) a->name);
}

void
trellis_reader_bad_attribute (Reader     *r,
                              Elem        elem,
                              const Attr *a)
{
  g_autofree char *value = trellis_reader_attr_dup (a);
  g_autofree char *name = attr_display_name (a);

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. The first %s is what the file says, the second an
                         * attribute, the third an element, e.g. “The value ‘x’ is not valid for the
                         * attribute ‘level’ of <assessment>.” */
                        _("The value ‘%s’ is not valid for the attribute ‘%s’ of <%s>."),
                        value, name, trellis_reader_elements[elem].name);
}

void
trellis_reader_missing_attribute (Reader     *r,
                                  Elem        elem,
                                  const char *name)
{
  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. E.g. “The element <role> needs the attribute ‘id’.” */
                        _("The element <%s> needs the attribute ‘%s’."), trellis_reader_elements[elem].name, name);
}

static void
add_pending_ref (Reader     *r,
                 const char *id,
                 guint       kinds,
                 const char *attribute)
{
  PendingRef ref = { id, kinds, current_line (r), attribute };

  g_array_append_val (r->pending_refs, ref);
}

/* Reads a reference attribute: a single id, checked after the whole file
 * was read (elements may refer forward). */
const char *
trellis_reader_read_ref (Reader     *r,
                         Elem        elem,
                         const Attr *a,
                         guint       kinds)
{
  const char *id;

  if (!trellis_reader_valid_id (attr_value (a), attr_len (a)))
    {
      trellis_reader_bad_attribute (r, elem, a);
      return NULL;
    }

  id = trellis_reader_intern_attr (a);
  add_pending_ref (r, id, kinds, (const char *) a->name);

  return id;
}

char **
trellis_reader_read_ref_list (Reader     *r,
                              Elem        elem,
                              const Attr *a,
                              guint       kinds)
{
  g_autofree char *value = trellis_reader_attr_dup (a);
  g_auto(GStrv) parts = g_strsplit_set (value, " \t\n\r", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  gboolean any = FALSE;
  char **ret;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize len = strlen (parts[i]);
      const char *id;

      if (len == 0)
        continue;

      any = TRUE;
      if (!trellis_reader_valid_id (parts[i], len))
        {
          trellis_reader_bad_attribute (r, elem, a);
          continue;
        }

      id = g_intern_string (parts[i]);
      add_pending_ref (r, id, kinds, (const char *) a->name);
      g_strv_builder_add (builder, id);
    }

  /* A list names at least one id; an empty one is left out. */
  if (!any)
    trellis_reader_bad_attribute (r, elem, a);

  ret = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ret;
}

/* Field values go through the document's typed setters, which store
 * them directly while the document is being loaded. */
void
trellis_reader_store_string (Reader        *r,
                             TrellisEntity *entity,
                             TrellisField   field,
                             const Attr    *a)
{
  g_autofree char *value = trellis_reader_attr_dup (a);

  trellis_document_set_string (r->doc, entity, field, value);
}

void
trellis_reader_store_strv (Reader        *r,
                           TrellisEntity *entity,
                           TrellisField   field,
                           char         **value)
{
  g_auto(GStrv) owned = value;

  trellis_document_set_strv (r->doc, entity, field, (const char * const *) owned);
}

/* Whether @level is on the document's scale. Every assessment asks, so
 * the levels are kept as a bit mask, made again when the scale changes. */
static gboolean
level_in_scale (Reader *r,
                gint    level)
{
  if (level < 0 || level > 31)
    return trellis_document_level_in_scale (r->doc, level);

  if (!r->level_mask_valid)
    {
      r->level_mask = 0;
      for (gint l = 0; l <= 31; l++)
        {
          if (trellis_document_level_in_scale (r->doc, l))
            r->level_mask |= 1u << l;
        }
      r->level_mask_valid = TRUE;
    }

  return (r->level_mask & (1u << level)) != 0;
}

gboolean
trellis_reader_check_level (Reader     *r,
                            Elem        elem,
                            const Attr *a,
                            gint       *out)
{
  /* Nearly every level is one digit, which needs no general parse. */
  if (attr_len (a) == 1 && attr_value (a)[0] >= '0' && attr_value (a)[0] <= '9')
    *out = attr_value (a)[0] - '0';
  else if (!trellis_reader_parse_int (a, G_MININT, G_MAXINT, out))
    {
      trellis_reader_bad_attribute (r, elem, a);
      return FALSE;
    }

  if (!level_in_scale (r, *out))
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE, current_line (r), FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. E.g. “Level 7 of <assessment> is not on the scale (0
                             * to 4).” */
                            _("Level %d of <%s> is not on the scale (%d to %d)."),
                            *out, trellis_reader_elements[elem].name,
                            trellis_document_get_scale_min (r->doc),
                            trellis_document_get_scale_max (r->doc));
      return FALSE;
    }

  return TRUE;
}

void
trellis_reader_bad_date (Reader     *r,
                         Elem        elem,
                         const Attr *a)
{
  g_autofree char *value = trellis_reader_attr_dup (a);

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_BAD_DATE, current_line (r), FALSE,
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. E.g. “The date ‘20-11-2026’ of <assessment> is not a date
                         * of the form YYYY-MM-DD.” */
                        _("The date ‘%s’ of <%s> is not a date of the form YYYY-MM-DD."),
                        value, trellis_reader_elements[elem].name);
}

/* Reads a reference attribute into a field of @entity. */
void
trellis_reader_store_ref (Reader        *r,
                          Elem           elem,
                          const Attr    *a,
                          guint          kinds,
                          TrellisEntity *entity,
                          TrellisField   field)
{
  const char *id = trellis_reader_read_ref (r, elem, a, kinds);

  if (id != NULL)
    trellis_document_set_string (r->doc, entity, field, id);
}

/* Reads a date attribute into a field of @entity. */
void
trellis_reader_store_date (Reader        *r,
                           Elem           elem,
                           const Attr    *a,
                           TrellisEntity *entity,
                           TrellisField   field)
{
  TrellisDate date;

  if (read_date (r, a, &date))
    trellis_document_set_uint (r->doc, entity, field, date);
  else
    trellis_reader_bad_date (r, elem, a);
}

void
trellis_reader_unknown_attribute (Reader     *r,
                                  Elem        elem,
                                  const Attr *a)
{
  g_autofree char *name = attr_display_name (a);

  if (r->newer_minor)
    {
      g_autofree char *msg =
        /* Translators: a notice shown after opening a matrix file, in the app and by trellis-cli
         * check. The first %s is an attribute, the second an element, e.g. “The attribute ‘colour’ of
         * <role> comes from …”. */
        g_strdup_printf (_("The attribute ‘%s’ of <%s> comes from a newer version of Trellis and was left out."),
                         name, trellis_reader_elements[elem].name);
      trellis_reader_notice (r, current_line (r), msg);
      return;
    }

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. E.g. “The element <role> has no attribute ‘colour’.” */
                        _("The element <%s> has no attribute ‘%s’."), trellis_reader_elements[elem].name, name);
}
