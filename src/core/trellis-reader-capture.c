/* trellis-reader-capture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader-capture"

#include "config.h"

#include "trellis-reader-private.h"

/* Unknown elements of a newer minor version are kept as XML text and
 * written back where they were found. Line breaks in kept text become
 * character references, so that every kept element stays on one line. */

static void
capture_escaped (GString    *s,
                 const char *text,
                 gsize       len,
                 gboolean    attribute)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      switch (c)
        {
        case '&':  g_string_append (s, "&amp;"); break;
        case '<':  g_string_append (s, "&lt;"); break;
        case '>':  g_string_append (s, "&gt;"); break;
        case '"':  g_string_append (s, attribute ? "&quot;" : "\""); break;
        case '\n': g_string_append (s, "&#10;"); break;
        case '\r': g_string_append (s, "&#13;"); break;
        case '\t': g_string_append (s, attribute ? "&#9;" : "\t"); break;
        default:   g_string_append_c (s, c); break;
        }
    }
}

/* A namespace's URI, which libxml2 hands over as it does attribute
 * values, every '&' kept as "&#38;": written back as the URI it names. */
static void
capture_uri (GString       *s,
             const xmlChar *uri)
{
  const char *p = (const char *) uri;
  const char *amp;

  while ((amp = strstr (p, "&#38;")) != NULL)
    {
      capture_escaped (s, p, amp - p, TRUE);
      g_string_append (s, "&amp;");
      p = amp + 5;
    }
  capture_escaped (s, p, strlen (p), TRUE);
}

static void
capture_close_start_tag (Reader *r)
{
  Frame *top = &r->frames[r->depth];

  if (top->elem == E_UNKNOWN && top->open)
    {
      g_string_append_c (r->capture, '>');
      top->open = FALSE;
    }
}

/* Starts keeping an element, or one inside a kept element. Called while
 * the parent is still the top frame: the element closes the parent's
 * start tag and inherits its namespace. */
void
trellis_reader_capture_start (Reader        *r,
                              const xmlChar *localname,
                              const xmlChar *uri,
                              const Attr    *attrs,
                              guint          n_attrs)
{
  const xmlChar *parent_uri;
  Frame *parent = &r->frames[r->depth];

  if (r->capture == NULL)
    {
      r->capture = g_string_new (NULL);
      r->capture_depth = r->depth + 1;
      parent_uri = (const xmlChar *) TRELLIS_FORMAT_NAMESPACE;
    }
  else
    {
      capture_close_start_tag (r);
      parent_uri = parent->uri;
    }

  /* White space between elements is layout. */
  g_string_truncate (r->capture_space, 0);
  r->capture_in_text = FALSE;

  g_string_append_c (r->capture, '<');
  g_string_append (r->capture, (const char *) localname);

  if (g_strcmp0 ((const char *) uri, (const char *) parent_uri) != 0)
    {
      g_string_append (r->capture, " xmlns=\"");
      if (uri != NULL)
        capture_uri (r->capture, uri);
      g_string_append_c (r->capture, '"');
    }

  for (guint i = 0; i < n_attrs; i++)
    {
      g_autofree char *value = trellis_reader_attr_dup (&attrs[i]);

      g_string_append_c (r->capture, ' ');
      if (attrs[i].uri != NULL && xmlStrEqual (attrs[i].uri, XML_XML_NAMESPACE))
        {
          /* The xml namespace is bound to its own prefix, and to no other. */
          g_string_append (r->capture, "xml:");
        }
      else if (attrs[i].uri != NULL)
        {
          /* Keep namespaced attributes with a prefix of their own. */
          g_string_append_printf (r->capture, "xmlns:k%u=\"", i);
          capture_uri (r->capture, attrs[i].uri);
          g_string_append_printf (r->capture, "\" k%u:", i);
        }
      g_string_append (r->capture, (const char *) attrs[i].name);
      g_string_append (r->capture, "=\"");
      capture_escaped (r->capture, value, strlen (value), TRUE);
      g_string_append_c (r->capture, '"');
    }

}

/* Kept elements are written back inside entities, the organisation,
 * sections and the root; anywhere else they have no place to go. */
gboolean
trellis_reader_capture_has_place (const Frame *parent)
{
  return parent->entity != NULL || parent->elem == E_ORGANISATION || parent->elem == E_ROOT ||
         trellis_reader_elements[parent->elem].section != TRELLIS_KIND_ORGANISATION;
}

static void
keep_capture (Reader *r)
{
  Frame *parent = &r->frames[r->capture_depth - 1];
  GString *target = NULL;

  g_string_append_c (r->capture, '\n');

  if (parent->entity != NULL)
    trellis_entity_append_unknown_xml (parent->entity, r->capture->str, r->capture->len);
  else if (parent->elem == E_ORGANISATION)
    trellis_entity_append_unknown_xml (TRELLIS_ENTITY (r->doc->organisation), r->capture->str, r->capture->len);
  else if (parent->elem == E_ROOT)
    {
      if (r->doc->unknown_root == NULL)
        r->doc->unknown_root = g_string_new (NULL);
      target = r->doc->unknown_root;
    }
  else if (trellis_reader_elements[parent->elem].section != TRELLIS_KIND_ORGANISATION)
    {
      TrellisKind kind = trellis_reader_elements[parent->elem].section;

      if (r->doc->unknown_in_section[kind] == NULL)
        r->doc->unknown_in_section[kind] = g_string_new (NULL);
      target = r->doc->unknown_in_section[kind];
    }

  if (target != NULL)
    g_string_append_len (target, r->capture->str, r->capture->len);

  g_string_free (r->capture, TRUE);
  r->capture = NULL;
  r->capture_depth = 0;
}

/* Text inside a kept element. */
void
trellis_reader_capture_text (Reader     *r,
                             const char *text,
                             gsize       len)
{
  gboolean blank = TRUE;

  for (gsize i = 0; i < len && blank; i++)
    blank = g_ascii_isspace (text[i]);

  /* White space only is layout when an element follows, but text
   * when more text does ("a &lt; b" arrives in three pieces) or did:
   * libxml2 hands over a line break written as &#10; on its own, and
   * what counts is the whole text between two tags. */
  if (blank && !r->capture_in_text)
    {
      g_string_append_len (r->capture_space, text, len);
      return;
    }

  r->capture_in_text = TRUE;
  capture_close_start_tag (r);
  capture_escaped (r->capture, r->capture_space->str, r->capture_space->len, FALSE);
  g_string_truncate (r->capture_space, 0);
  capture_escaped (r->capture, text, len, FALSE);
}

/* The end of a kept element; the outermost one is then kept where it
 * was found. */
void
trellis_reader_capture_end (Reader        *r,
                            Frame         *frame,
                            const xmlChar *localname)
{
  g_string_truncate (r->capture_space, 0);
  r->capture_in_text = FALSE;
  if (frame->open)
    g_string_append (r->capture, "/>");
  else
    g_string_append_printf (r->capture, "</%s>", (const char *) localname);

  if (r->depth == r->capture_depth)
    keep_capture (r);
}
