/* trellis-reader-guard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memrchr() */
#define G_LOG_DOMAIN "trellis-reader-guard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-reader-private.h"

/* What libxml2 may see. A compressed file is refused outright, and a
 * pre-scan of the raw bytes measures every start tag before libxml2
 * parses it. */

/* The pre-scan: refuses start tags with too many attributes, or too long
 * to be a Trellis element, before libxml2 parses them. A start tag cannot
 * contain '<', so the distance between two '<' bounds its length; only
 * spans longer than TRELLIS_XML_SHORT_TAG_BYTES are looked at closely. */

typedef enum
{
  SCAN_OK,
  SCAN_INCOMPLETE,
  SCAN_TOO_MANY_ATTRIBUTES,
  SCAN_TOO_LONG,
} ScanResult;

static ScanResult
scan_tag (const char *data,
          gsize       len)
{
  /* Only these characters matter; memchr() skips the rest, which keeps
   * refusing a tag of a megabyte cheap. */
  static const char stops[] = "\"'=<>";
  gsize limit = MIN (len, (gsize) TRELLIS_XML_MAX_TAG_BYTES + 1);
  guint n_attrs = 0;
  gsize i = 1;

  g_assert (len > 0 && data[0] == '<');

  if (len < 2)
    return SCAN_INCOMPLETE;
  if (data[1] == '!' || data[1] == '?' || data[1] == '/')
    return SCAN_OK;

  while (i < limit)
    {
      const char *stop = data + limit;

      for (guint k = 0; k < sizeof stops - 1; k++)
        {
          const char *p = memchr (data + i, stops[k], stop - (data + i));

          if (p != NULL)
            stop = p;
        }
      if (stop == data + limit)
        break;

      i = stop - data;
      if (*stop == '"' || *stop == '\'')
        {
          const char *end = memchr (stop + 1, *stop, limit - i - 1);

          if (end == NULL)
            break;
          i = end - data + 1;
        }
      else if (*stop == '=')
        {
          if (++n_attrs > TRELLIS_XML_MAX_ATTRIBUTES)
            return SCAN_TOO_MANY_ATTRIBUTES;
          i++;
        }
      else
        return SCAN_OK;
    }

  /* Nothing decided within the first TRELLIS_XML_MAX_TAG_BYTES. */
  return len > (gsize) TRELLIS_XML_MAX_TAG_BYTES + 1 ? SCAN_TOO_LONG : SCAN_INCOMPLETE;
}

static guint
count_lines (const char *data,
             gsize       len)
{
  guint n = 0;
  const char *p = data;
  const char *end = data + len;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      n++;
      p++;
    }

  return n;
}

/* Refuses the tag at @t with a sentence naming its line. */
static void
refuse_tag (Reader     *r,
            ScanResult  result,
            const char *data,
            gsize       t)
{
  xmlParserInputPtr input = r->ctxt != NULL ? r->ctxt->input : NULL;
  guint line = current_line (r) + count_lines (data, t);

  /* libxml2 counts lines up to where it stopped, which may be before
   * the end of what it was given. */
  if (input != NULL && input->cur != NULL && input->end > input->cur)
    line += count_lines ((const char *) input->cur, input->end - input->cur);

  if (result == SCAN_TOO_MANY_ATTRIBUTES)
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, line, TRUE,
                          /* Translators: shown when a matrix file cannot be read, in the app and by
                           * trellis-cli check. %d is how many attributes an element may have, e.g.
                           * 256. */
                          _("An element has more than %d attributes; a Trellis matrix never has."),
                          TRELLIS_XML_MAX_ATTRIBUTES);
  else
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, line, TRUE,
                          /* Translators: shown when a matrix file cannot be read, in the app and by
                           * trellis-cli check. %d is a number of megabytes, e.g. 10. */
                          _("An element is longer than %d MB; a Trellis matrix never has such elements."),
                          TRELLIS_XML_MAX_TAG_BYTES / (1024 * 1024));
}

/* Finds how much of @data is safe to parse: every start tag beginning in
 * it has been measured. A tag is measured when the next '<' (or the end
 * of the file) is in view; the bytes from the last '<' on wait for more.
 *
 * Tags shorter than TRELLIS_XML_SHORT_TAG_BYTES need no closer look, so
 * the scan jumps from a '<' to the last '<' within that distance, once
 * per window rather than once per tag; only where a window holds no
 * '<' is the tag at its start measured. */
gboolean
trellis_reader_guard_check (Reader     *r,
                            const char *data,
                            gsize       len,
                            gboolean    at_end,
                            gsize      *safe)
{
  const char *lt = memchr (data, '<', len);
  gsize last_lt = G_MAXSIZE;
  gsize t;

  if (lt == NULL)
    {
      *safe = len;
      return TRUE;
    }

  t = lt - data;
  for (;;)
    {
      gsize limit = MIN (len, t + 1 + TRELLIS_XML_SHORT_TAG_BYTES);
      const char *q = t + 1 < limit ? memrchr (data + t + 1, '<', limit - t - 1) : NULL;
      const char *next;
      gsize span;
      ScanResult result;

      if (q != NULL)
        {
          /* Every tag up to q is shorter than a window. */
          t = q - data;
          if (limit < len)
            continue;
        }

      /* The tag at t is the last one in view, or longer than a window. */
      next = t + 1 < len ? memchr (data + t + 1, '<', len - t - 1) : NULL;
      span = (next != NULL ? (gsize) (next - data) : len) - t;

      if (next == NULL && !at_end && span <= TRELLIS_XML_MAX_TAG_BYTES &&
          (span <= TRELLIS_XML_SHORT_TAG_BYTES || memchr (data + t, '>', span) == NULL))
        {
          /* An unfinished tail: it may grow into a long tag with the next
           * chunk. Scanning it again with every chunk would take time
           * quadratic in its length, so wait until it ends or is too long. */
          last_lt = t;
          break;
        }

      result = scan_tag (data + t, span);
      if (result == SCAN_TOO_MANY_ATTRIBUTES || result == SCAN_TOO_LONG)
        {
          refuse_tag (r, result, data, t);
          return FALSE;
        }

      if (result == SCAN_INCOMPLETE && next == NULL && !at_end)
        {
          last_lt = t;
          break;
        }

      if (next == NULL)
        break;
      t = next - data;
    }

  *safe = last_lt == G_MAXSIZE ? len : last_lt;
  return TRUE;
}

gboolean
trellis_reader_refuse_compressed (Reader     *r,
                                  const char *data,
                                  gsize       len)
{
  if (len >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, TRUE,
                            _("The file is compressed (gzip). Trellis matrices are plain XML; decompress it first if you trust it."));
      return TRUE;
    }

  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, TRUE,
                            _("The file is a ZIP archive, not a Trellis matrix."));
      return TRUE;
    }

  return FALSE;
}
