/* trellis-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <string.h>

#include "trellis-reader-private.h"

/* A streaming reader: libxml2's SAX2 push parser feeds the document
 * directly, with no DOM in between, so that the largest matrices load
 * close to the speed of libxml2's own tokenizer and in a few megabytes.
 *
 * Safety: the bytes are read through GIO (no transparent gunzip, no
 * network), a DOCTYPE is refused before its content is parsed (so no
 * entity is ever declared, let alone expanded), depth, text and tag size
 * are bounded, and a pre-scan of the raw bytes refuses start tags with
 * more attributes than any Trellis element has before libxml2's quadratic
 * duplicate check sees them. Nothing is kept when loading fails. */

void
trellis_reader_error (Reader     *r,
                      gint        code,
                      guint       line,
                      gboolean    fatal,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* The error that stopped reading is the one to tell; otherwise the first. */
  if (r->first_error == NULL || (fatal && !r->first_error_fatal && !r->stopped))
    {
      g_clear_error (&r->first_error);
      r->first_error = g_error_new (TRELLIS_DOCUMENT_ERROR, code, "%s:%u: %s",
                                    r->display_name, line, message);
      r->first_error_fatal = fatal;
    }

  if (r->report != NULL)
    trellis_load_report_add (r->report, TRELLIS_LOAD_ERROR, code, line, message);

  if (!fatal)
    r->n_errors++;

  if (fatal && (!r->stopped || r->halt_pending))
    {
      /* A fatal error stops libxml2 at once: the content of a DOCTYPE,
       * for one, is never parsed. Fatal errors are found before or after
       * the attributes and text of a callback are used. */
      r->stopped = TRUE;
      r->halt_pending = FALSE;
      if (r->ctxt != NULL)
        xmlStopParser (r->ctxt);
    }
  else if (!r->stopped && r->n_errors >= TRELLIS_XML_MAX_ERRORS)
    {
      /* Too many errors stop reading now, and libxml2 at the start of the
       * next callback (reader_stopped()): halting frees libxml2's input,
       * into which the attributes of the element being read still point. */
      r->stopped = TRUE;
      r->halt_pending = TRUE;
    }
}

/* Whether reading stopped; the check at the start of every callback. */
static inline gboolean
reader_stopped (Reader *r)
{
  if (r->halt_pending)
    {
      r->halt_pending = FALSE;
      if (r->ctxt != NULL)
        xmlStopParser (r->ctxt);
    }

  return r->stopped;
}

void
trellis_reader_notice (Reader     *r,
                       guint       line,
                       const char *message)
{
  if (r->report != NULL)
    trellis_load_report_add (r->report, TRELLIS_LOAD_NOTICE, 0, line, message);
}

static char *
take_text (Reader *r)
{
  char *start = r->text->str;
  char *end = start + r->text->len;

  /* Surrounding white space is layout, not content. */
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return g_strndup (start, end - start);
}

/* The place of @localname in the list of @parent's children, or -1. */
static gint
find_child (Reader        *r,
            Elem           parent,
            const xmlChar *localname)
{
  const Child *children = trellis_reader_elements[parent].children;

  for (guint i = 0; i < G_N_ELEMENTS (trellis_reader_elements[0].children) && children[i].elem != E_NONE; i++)
    {
      if (r->names[children[i].elem] == localname)
        return (gint) i;
    }

  return -1;
}

/* libxml2 hands over the namespace of every element as the string its
 * dictionary keeps for the declaration in scope, which lives as long as
 * the parser: compare the pointer first. */
static inline gboolean
is_our_namespace (Reader        *r,
                  const xmlChar *uri)
{
  if (uri == NULL)
    return FALSE;
  if (uri == r->ns_uri)
    return TRUE;
  if (!xmlStrEqual (uri, (const xmlChar *) TRELLIS_FORMAT_NAMESPACE))
    return FALSE;

  r->ns_uri = uri;
  return TRUE;
}

/* Says what becomes of an element this reader does not know, which is
 * then kept as it is where it has a place. */
static void
unknown_element (Reader        *r,
                 Frame         *parent,
                 const xmlChar *localname,
                 const xmlChar *uri)
{
  gboolean ours = uri != NULL && xmlStrEqual (uri, (const xmlChar *) TRELLIS_FORMAT_NAMESPACE);

  /* A file of this version or an older one holds only what the schema
   * allows: elements of other programs too are kept only in files of a
   * newer version, whose schema this reader cannot know. */
  if (ours && !r->newer_minor)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. E.g. “The element <colour> is not allowed inside
                             * <role>.” */
                            _("The element <%s> is not allowed inside <%s>."),
                            (const char *) localname, trellis_reader_elements[parent->elem].name);
    }
  else if (!r->newer_minor)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. E.g. “The element <record> is not part of the Trellis
                             * format and is not allowed inside <person>.” */
                            _("The element <%s> is not part of the Trellis format and is not allowed inside <%s>."),
                            (const char *) localname, trellis_reader_elements[parent->elem].name);
    }
  else if (trellis_reader_capture_has_place (parent))
    {
      g_autofree char *msg =
        /* Translators: a notice shown after opening a matrix file, in the app and by trellis-cli
         * check. %s is an element name, e.g. “photo”. */
        g_strdup_printf (_("The element <%s> comes from a newer version of Trellis or another program; it was kept as it is."),
                         (const char *) localname);
      trellis_reader_notice (r, current_line (r), msg);
    }
  else
    {
      g_autofree char *msg =
        /* Translators: a notice shown after opening a matrix file, in the app and by trellis-cli
         * check. %s is an element name, e.g. “photo”. */
        g_strdup_printf (_("The element <%s> comes from a newer version of Trellis or another program; it was left out."),
                         (const char *) localname);
      trellis_reader_notice (r, current_line (r), msg);
    }
}

/* Children come in the order of their parent's list, as the schema
 * has them, and each once unless it may come more often. */
static void
check_child_order (Reader *r,
                   Frame  *parent,
                   Frame  *frame,
                   gint    place)
{
  const ElemInfo *info = &trellis_reader_elements[parent->elem];
  gint last = parent->last_child;

  if (place > last || (place == last && info->children[place].many))
    {
      parent->last_child = place;
      return;
    }

  if (parent->elem == E_ROOT)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %s is a section, e.g. “people”. Keep the section
                             * names in the list in English: they are names in the file. */
                            _("The section <%s> is out of order or given twice; sections follow the order organisation, scale, values, results, competencies, responsibilities, roles, people, indicators, development, feedback."),
                            trellis_reader_elements[frame->elem].name);
    }
  else if (place == last)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. E.g. “<description> may come only once inside
                             * <value>.” */
                            _("<%s> may come only once inside <%s>."),
                            trellis_reader_elements[frame->elem].name, info->name);
    }
  else
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. E.g. “<description> must come before <behaviour>
                             * inside <value>.” */
                            _("<%s> must come before <%s> inside <%s>."),
                            trellis_reader_elements[frame->elem].name,
                            trellis_reader_elements[info->children[last].elem].name, info->name);
    }
}

static Frame *
push_frame (Reader *r,
            Elem    elem)
{
  Frame *frame = &r->frames[++r->depth];

  memset (frame, 0, sizeof *frame);
  frame->elem = elem;
  frame->line = current_line (r);
  frame->last_child = -1;

  return frame;
}

static void
sax_start_element (void           *user_data,
                   const xmlChar  *localname,
                   const xmlChar  *prefix,
                   const xmlChar  *uri,
                   int             n_namespaces,
                   const xmlChar **namespaces,
                   int             n_attributes,
                   int             n_defaulted,
                   const xmlChar **attributes)
{
  Reader *r = user_data;
  Frame *parent = &r->frames[r->depth];
  Frame *frame;
  const ElemInfo *info;
  const Attr *attrs;
  guint n_attrs;
  Elem elem;
  gint place = -1;

  if (reader_stopped (r))
    return;

  if (r->depth >= TRELLIS_XML_MAX_DEPTH)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, current_line (r), TRUE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %d is how deep elements may be nested, e.g. 64. */
                            _("The elements are nested more than %d deep; a Trellis matrix never is."),
                            TRELLIS_XML_MAX_DEPTH);
      return;
    }

  if (n_attributes > TRELLIS_XML_MAX_ATTRIBUTES)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, current_line (r), TRUE,
                            _("An element has more than %d attributes; a Trellis matrix never has."),
                            TRELLIS_XML_MAX_ATTRIBUTES);
      return;
    }

  n_attrs = (guint) n_attributes;
  attrs = (const Attr *) (gconstpointer) attributes;

  /* Nearly every element of a large matrix is an assessment, which may
   * only come inside a person, any number of times: it goes straight to
   * its handler, as the general way below would take it. */
  if (parent->elem == E_PERSON && localname == r->names[E_ASSESSMENT] && uri == r->ns_uri &&
      !r->collecting && r->capture == NULL)
    {
      parent->last_child = 0;
      frame = push_frame (r, E_ASSESSMENT);
      trellis_reader_elements[E_ASSESSMENT].start (r, frame, attrs, n_attrs);
      return;
    }

  if (r->collecting)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %s is an element name, e.g. “name”. */
                            _("The element <%s> may only hold text."), trellis_reader_elements[parent->elem].name);
    }

  if (r->capture != NULL)
    elem = E_UNKNOWN;
  else if (parent->elem == E_NONE)
    {
      if (!trellis_reader_is_root (r, localname, uri))
        return;
      elem = E_ROOT;
      r->seen_root = TRUE;
    }
  else if (is_our_namespace (r, uri) && (place = find_child (r, parent->elem, localname)) >= 0)
    elem = trellis_reader_elements[parent->elem].children[place].elem;
  else
    elem = E_UNKNOWN;

  if (elem == E_UNKNOWN)
    {
      if (r->capture == NULL)
        unknown_element (r, parent, localname, uri);

      /* Captured while the parent is still the top frame: the capture
       * closes the parent's start tag and inherits its namespace. */
      trellis_reader_capture_start (r, localname, uri, attrs, n_attrs);
      frame = push_frame (r, E_UNKNOWN);
      frame->uri = uri;
      frame->open = TRUE;
      return;
    }

  frame = push_frame (r, elem);
  if (place >= 0)
    check_child_order (r, parent, frame, place);

  info = &trellis_reader_elements[elem];
  if (info->text != NULL)
    {
      r->collecting = TRUE;
      g_string_truncate (r->text, 0);
    }

  if (info->start != NULL)
    info->start (r, frame, attrs, n_attrs);
  else
    {
      for (guint i = 0; i < n_attrs; i++)
        trellis_reader_unknown_attribute (r, elem, &attrs[i]);
    }

  (void) n_defaulted;
}

static void
sax_end_element (void          *user_data,
                 const xmlChar *localname,
                 const xmlChar *prefix,
                 const xmlChar *uri)
{
  Reader *r = user_data;
  Frame *frame = &r->frames[r->depth];
  const ElemInfo *info;
  Frame *parent;

  if (reader_stopped (r) || r->depth == 0)
    return;

  parent = &r->frames[r->depth - 1];

  /* The most common end, as sax_start_element() has it. */
  if (frame->elem == E_ASSESSMENT)
    {
      trellis_reader_elements[E_ASSESSMENT].end (r, frame, parent);
      r->depth--;
      return;
    }

  if (frame->elem == E_UNKNOWN)
    {
      trellis_reader_capture_end (r, frame, localname);
      r->depth--;
      return;
    }

  info = &trellis_reader_elements[frame->elem];
  if (info->text != NULL)
    {
      g_autofree char *text = take_text (r);

      r->collecting = FALSE;
      info->text (r, frame, parent, &text);
    }

  if (info->end != NULL)
    info->end (r, frame, parent);

  r->depth--;

  (void) prefix;
  (void) uri;
}

/* Whether @ch is XML's white space only. Between elements it is a line
 * break and the spaces of the next line's indentation, which are
 * compared four at a time before anything else is tried. */
static inline gboolean
is_blank (xmlChar c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static gboolean
blank_only (const xmlChar *ch,
            int            len)
{
  const xmlChar *p = ch;
  const xmlChar *end = ch + len;

  if (p < end && *p == '\n')
    p++;
  for (; end - p >= 4 && memcmp (p, "    ", 4) == 0; p += 4)
    ;
  for (; p < end; p++)
    {
      if (!is_blank (*p))
        return FALSE;
    }

  return TRUE;
}

static void
sax_characters (void          *user_data,
                const xmlChar *ch,
                int            len)
{
  Reader *r = user_data;

  if (reader_stopped (r))
    return;

  if (r->capture != NULL && r->depth >= r->capture_depth)
    {
      trellis_reader_capture_text (r, (const char *) ch, len);
      return;
    }

  if (r->collecting)
    {
      if (r->text->len + len > TRELLIS_XML_MAX_TEXT_BYTES)
        {
          trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, current_line (r), TRUE,
                                /* Translators: shown when a matrix file cannot be read, in the app and
                                 * by trellis-cli check. %d is a number of megabytes, e.g. 10. */
                                _("A text is longer than %d MB; a Trellis matrix never holds such texts."),
                                TRELLIS_XML_MAX_TEXT_BYTES / (1024 * 1024));
          return;
        }
      g_string_append_len (r->text, (const char *) ch, len);
      return;
    }

  if (!blank_only (ch, len))
    {
      Frame *frame = &r->frames[r->depth];

      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %s is an element name, e.g. “people”. */
                            _("The element <%s> may not hold text."),
                            frame->elem == E_NONE ? "" : trellis_reader_elements[frame->elem].name);
    }
}

static void
sax_internal_subset (void          *user_data,
                     const xmlChar *name,
                     const xmlChar *external_id,
                     const xmlChar *system_id)
{
  Reader *r = user_data;

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, current_line (r), TRUE,
                        _("The file declares a document type (<!DOCTYPE>). Trellis matrices never do, and such declarations can be used to read other files or exhaust memory, so the file was not opened."));
}

static void
sax_entity_decl (void          *user_data,
                 const xmlChar *name,
                 int            type,
                 const xmlChar *public_id,
                 const xmlChar *system_id,
                 xmlChar       *content)
{
  Reader *r = user_data;

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, current_line (r), TRUE,
                        _("The file declares entities. Trellis matrices never do, and such declarations can be used to read other files or exhaust memory, so the file was not opened."));
}

static xmlEntityPtr
sax_get_entity (void          *user_data,
                const xmlChar *name)
{
  /* Only the five predefined entities exist; libxml2 handles those. */
  return xmlGetPredefinedEntity (name);
}

static xmlParserInputPtr
sax_resolve_entity (void          *user_data,
                    const xmlChar *public_id,
                    const xmlChar *system_id)
{
  Reader *r = user_data;

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, current_line (r), TRUE,
                        _("The file refers to an external resource, which Trellis never loads."));
  return NULL;
}

static void
sax_structured_error (void       *user_data,
                      xmlErrorPtr error)
{
  Reader *r = user_data;

  if (error == NULL || error->level == XML_ERR_WARNING || reader_stopped (r))
    return;

  trellis_reader_xml_error (r, error);
}

/* Errors libxml2 raises outside the parser context: a byte sequence the
 * declared encoding cannot convert, or the converter failing. The parser
 * then halts without a word of its own. */
static void
reader_context_free_error (void       *user_data,
                           xmlErrorPtr error)
{
  Reader *r = user_data;
  const char *encoding = NULL;

  if (error == NULL || error->level == XML_ERR_WARNING || reader_stopped (r))
    return;

  if (r->ctxt != NULL)
    encoding = (const char *) (r->ctxt->encoding != NULL ? r->ctxt->encoding
                                                         : r->ctxt->input != NULL ? r->ctxt->input->encoding : NULL);

  /* Stopped, but libxml2 is not told: it is inside its input, which
   * halting would free, and halts by itself after this error. */
  r->stopped = TRUE;
  if (encoding != NULL)
    trellis_reader_bad_encoding (r, current_line (r), encoding);
  else
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, current_line (r), TRUE,
                          _("The text of the file could not be read in the encoding it declares. Save it again as UTF-8."));
}

/* Parses the bytes of @data that the pre-scan cleared, all of them at the
 * end of the file, and says how many were taken; the caller keeps the
 * rest and hands them in again, followed by more. */
static gboolean
push_safe (Reader     *r,
           const char *data,
           gsize       len,
           gboolean    at_end,
           gsize      *consumed)
{
  gsize safe = 0;

  *consumed = 0;

  if (at_end && r->n_bytes == 0)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, TRUE, _("The file is empty."));
      return FALSE;
    }

  if (!trellis_reader_guard_check (r, data, len, at_end, &safe))
    return FALSE;

  if (safe > 0 || at_end)
    {
      gsize n = at_end ? len : safe;

      xmlStructuredErrorFunc saved_handler = xmlStructuredError;
      void *saved_data = xmlStructuredErrorContext;

      /* libxml2 reports a failed conversion from the declared encoding
       * without the parser context, to whichever handler the thread
       * has: here, the reader's, not the standard error. */
      r->at_end = at_end;
      xmlSetStructuredErrorFunc (r, reader_context_free_error);
      xmlParseChunk (r->ctxt, NULL, 0, 0);
      xmlParseChunk (r->ctxt, data, (int) n, at_end);
      xmlSetStructuredErrorFunc (saved_data, saved_handler);
      *consumed = n;
      reader_stopped (r);
    }

  return !r->stopped;
}

static void
reader_init (Reader            *r,
             const char        *display_name,
             TrellisLoadReport *report)
{
  memset (r, 0, sizeof *r);

  r->doc = trellis_document_new ();
  trellis_document_begin_loading (r->doc);
  r->report = report;
  r->display_name = display_name != NULL ? display_name : "";
  r->text = g_string_new (NULL);
  r->capture_space = g_string_new (NULL);
  r->entities = g_ptr_array_new_with_free_func (g_object_unref);
  r->competencies = g_array_new (FALSE, FALSE, sizeof (CompetencyRef));
  r->pending_refs = g_array_new (FALSE, FALSE, sizeof (PendingRef));

  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    {
      r->source_names[i] = trellis_source_to_string (i);
      r->source_lens[i] = strlen (r->source_names[i]);
    }
}

static void
reader_intern_names (Reader *r)
{
  xmlDictPtr dict = r->ctxt->dict;

#define NAME(s) xmlDictLookup (dict, (const xmlChar *) (s), -1)
  for (guint i = 1; i < N_ELEMS; i++)
    r->names[i] = trellis_reader_elements[i].name[0] != '\0' ? NAME (trellis_reader_elements[i].name) : NULL;

  r->a_id = NAME ("id");
  r->a_name = NAME ("name");
  r->a_values = NAME ("values");
  r->a_value = NAME ("value");
  r->a_result = NAME ("result");
  r->a_competency = NAME ("competency");
  r->a_level = NAME ("level");
  r->a_role = NAME ("role");
  r->a_raci = NAME ("raci");
  r->a_authority = NAME ("authority");
  r->a_people = NAME ("people");
  r->a_roles = NAME ("roles");
  r->a_share = NAME ("share");
  r->a_want = NAME ("want");
  r->a_source = NAME ("source");
  r->a_date = NAME ("date");
  r->a_kind = NAME ("kind");
  r->a_target = NAME ("target");
  r->a_unit = NAME ("unit");
  r->a_review = NAME ("review");
  r->a_owner = NAME ("owner");
  r->a_person = NAME ("person");
  r->a_due = NAME ("due");
  r->a_status = NAME ("status");
  r->a_about = NAME ("about");
  r->a_matrix = NAME ("matrix");
  r->a_round = NAME ("round");
  r->a_stage = NAME ("stage");
  r->a_at = NAME ("at");
  r->a_added = NAME ("added");
  r->a_handed_in = NAME ("handed-in");
  r->a_version = NAME ("version");
  r->a_votes = NAME ("votes");
  r->a_field = NAME ("field");
#undef NAME
}

static void
check_pending_refs (Reader *r)
{
  for (guint i = 0; i < r->pending_refs->len && r->n_errors < TRELLIS_XML_MAX_ERRORS; i++)
    {
      const PendingRef *ref = &g_array_index (r->pending_refs, PendingRef, i);
      TrellisEntity *e = trellis_document_lookup (r->doc, ref->id);

      if (e == NULL || (ref->kinds & KIND_BIT (trellis_entity_get_kind (e))) == 0)
        {
          trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE, ref->line, FALSE,
                                e == NULL
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. E.g. “The attribute ‘roles’ refers to ‘ro-x’, which the
                         * file does not define.” */
                        ? _("The attribute ‘%s’ refers to ‘%s’, which the file does not define.")
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. E.g. “The attribute ‘roles’ refers to ‘c-listen’, which
                         * is not the right kind of element.” */
                        : _("The attribute ‘%s’ refers to ‘%s’, which is not the right kind of element."),
                        ref->attribute, ref->id);
        }
    }
}

static TrellisDocument *
reader_finish (Reader  *r,
               GError **error)
{
  TrellisDocument *doc = NULL;

  if (!r->stopped && r->first_error == NULL && !r->seen_root)
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, current_line (r), TRUE, _("The file is empty."));

  /* Should libxml2 ever halt without a word, what was read is not the
   * whole matrix. */
  if (!r->stopped && r->first_error == NULL && r->depth > 0)
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, current_line (r), TRUE,
                          _("The file could not be read to its end. Open the backup copy if there is one."));

  if (!r->stopped)
    check_pending_refs (r);

  if (r->first_error == NULL)
    {
      trellis_document_finish_loading (r->doc);
      doc = g_steal_pointer (&r->doc);
    }
  else
    g_propagate_error (error, g_steal_pointer (&r->first_error));

  if (r->ctxt != NULL)
    {
      if (r->ctxt->myDoc != NULL)
        xmlFreeDoc (r->ctxt->myDoc);
      xmlFreeParserCtxt (r->ctxt);
    }

  g_clear_error (&r->first_error);
  g_clear_object (&r->doc);
  g_string_free (r->text, TRUE);
  if (r->capture != NULL)
    g_string_free (r->capture, TRUE);
  g_string_free (r->capture_space, TRUE);
  g_ptr_array_unref (r->entities);
  g_array_unref (r->competencies);
  g_array_unref (r->pending_refs);
  trellis_reader_clear_collected (r);

  return doc;
}

static void
sax_setup (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = sax_start_element;
  sax->endElementNs = sax_end_element;
  sax->characters = sax_characters;
  sax->cdataBlock = sax_characters;
  sax->ignorableWhitespace = sax_characters;
  sax->internalSubset = sax_internal_subset;
  sax->externalSubset = sax_internal_subset;
  sax->entityDecl = sax_entity_decl;
  sax->getEntity = sax_get_entity;
  sax->getParameterEntity = sax_get_entity;
  sax->resolveEntity = sax_resolve_entity;
  sax->serror = sax_structured_error;
}

/* The encoding the XML declaration names, kept for the messages about
 * it: libxml2 reports a mismatch before it records the name. */
static void
note_declared_encoding (Reader     *r,
                        const char *first,
                        gsize       len)
{
  gsize n = MIN (len, 256);
  const char *end;
  const char *p;
  const char *q;
  char quote;

  if (n < 5 || memcmp (first, "<?xml", 5) != 0)
    return;
  end = g_strstr_len (first, n, "?>");
  if (end == NULL)
    return;
  p = g_strstr_len (first, end - first, "encoding");
  if (p == NULL)
    return;
  p += strlen ("encoding");
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '='))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return;
  quote = *p++;
  q = memchr (p, quote, end - p);
  if (q == NULL || q == p || (gsize) (q - p) >= sizeof r->declared_encoding)
    return;
  for (const char *c = p; c < q; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != '.' && *c != ':')
      return;

  memcpy (r->declared_encoding, p, q - p);
  r->declared_encoding[q - p] = '\0';
}

static gboolean
reader_begin (Reader     *r,
              const char *first,
              gsize       len)
{
  xmlSAXHandler sax;

  if (trellis_reader_refuse_compressed (r, first, len))
    return FALSE;

  note_declared_encoding (r, first, len);

  sax_setup (&sax);
  r->ctxt = xmlCreatePushParserCtxt (&sax, r, NULL, 0, r->display_name);
  if (r->ctxt == NULL)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 0, TRUE, _("Out of memory while reading the file."));
      return FALSE;
    }

  /* NONET only: never NOENT, DTDLOAD or HUGE. */
  xmlCtxtUseOptions (r->ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  r->ctxt->replaceEntities = 0;
  r->ctxt->loadsubset = 0;
  r->ctxt->validate = 0;
  reader_intern_names (r);

  return TRUE;
}

#define CHUNK_SIZE (256 * 1024)

TrellisDocument *
trellis_reader_load_bytes (const char        *data,
                           gsize              len,
                           const char        *display_name,
                           TrellisLoadReport *report,
                           GError           **error)
{
  Reader r;
  gsize pushed = 0;
  gsize end = 0;

  reader_init (&r, display_name, report);
  r.n_bytes = len;

  /* The bytes are all in memory: hand libxml2 windows of them, and what
   * the pre-scan held back again with the next window, without copies. */
  if (reader_begin (&r, data, len))
    {
      gboolean at_end;

      do
        {
          gsize n;

          end = MIN (end + CHUNK_SIZE, len);
          at_end = end == len;
          if (!push_safe (&r, data + pushed, end - pushed, at_end, &n))
            break;
          pushed += n;
        }
      while (!at_end);
    }

  return reader_finish (&r, error);
}

TrellisDocument *
trellis_reader_load_stream (GInputStream      *stream,
                            const char        *display_name,
                            TrellisLoadReport *report,
                            TrellisHasher     *hasher,
                            GCancellable      *cancellable,
                            GError           **error)
{
  Reader r;
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (2 * CHUNK_SIZE);
  gboolean begun = FALSE;
  GError *io_error = NULL;

  reader_init (&r, display_name, report);

  /* Read each chunk behind what the pre-scan held back of the previous
   * one, so that the bytes are copied once, into libxml2. */
  for (;;)
    {
      guint kept = buffer->len;
      gsize consumed;
      gboolean at_end;
      gssize n;

      g_byte_array_set_size (buffer, kept + CHUNK_SIZE);
      n = g_input_stream_read (stream, buffer->data + kept, CHUNK_SIZE, cancellable, &io_error);
      g_byte_array_set_size (buffer, kept + MAX (n, 0));

      if (n < 0)
        break;

      if (hasher != NULL)
        trellis_hasher_update (hasher, buffer->data + kept, n);
      r.n_bytes += n;

      if (!begun)
        {
          if (!reader_begin (&r, (const char *) buffer->data, buffer->len))
            break;
          begun = TRUE;
        }

      at_end = n == 0;
      if (!push_safe (&r, (const char *) buffer->data, buffer->len, at_end, &consumed) || at_end)
        break;
      g_byte_array_remove_range (buffer, 0, consumed);
    }

  if (io_error != NULL)
    {
      TrellisDocument *doc;

      /* The reading failed, not the file: say that, not that the file
       * ends early. */
      r.stopped = TRUE;
      doc = reader_finish (&r, NULL);

      g_clear_object (&doc);
      g_propagate_error (error, io_error);
      return NULL;
    }

  return reader_finish (&r, error);
}
