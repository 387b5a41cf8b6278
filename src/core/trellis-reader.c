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

#include "trellis-document-private.h"
#include "trellis-xml-private.h"

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

typedef enum
{
  E_NONE,
  E_ROOT,
  E_ORGANISATION,
  E_VISION,
  E_MISSION,
  E_SCALE,
  E_SCALE_LEVEL,
  E_VALUES,
  E_VALUE,
  E_DESCRIPTION,
  E_BEHAVIOUR,
  E_RESULTS,
  E_RESULT,
  E_COMPETENCIES,
  E_COMPETENCY,
  E_COMPETENCY_LEVEL,
  E_RESPONSIBILITIES,
  E_RESPONSIBILITY,
  E_NEEDS,
  E_ASSIGN,
  E_ROLES,
  E_ROLE,
  E_REQUIRES,
  E_TARGET,
  E_PEOPLE,
  E_PERSON,
  E_ASSESSMENT,
  E_NOTE,
  E_EVIDENCE,
  E_INDICATORS,
  E_INDICATOR,
  E_MEASUREMENT,
  E_REVIEW,
  E_PLAN,
  E_DO,
  E_CHECK,
  E_ACT,
  E_DEVELOPMENT,
  E_ACTION,
  E_FEEDBACK,
  E_REMARK,
  E_TEXT,
  E_RESPONSE,
  E_UNKNOWN,
  N_ELEMS
} Elem;

typedef struct
{
  const xmlChar *name;   /* from the parser's dictionary */
  const xmlChar *uri;
  const char    *value;  /* not NUL-terminated */
  gsize          len;
} Attr;

typedef struct
{
  Elem           elem;
  TrellisEntity *entity;  /* borrowed from the reader's list of built entities */
  guint          line;
  gint           level;
  const xmlChar *uri;     /* of an unknown element being kept */
  gboolean       open;    /* an unknown element's start tag is not closed yet */
} Frame;

/* A competency as assessments refer to it, without a call per look. */
typedef struct
{
  const char *id;        /* interned */
  gsize       len;
  guint32     slot;
} CompetencyRef;

typedef struct
{
  const char *id;        /* interned */
  guint       kinds;     /* bit per TrellisKind that fits */
  guint       line;
  const char *attribute;
} PendingRef;

typedef struct
{
  TrellisDocument   *doc;
  TrellisLoadReport *report;
  const char        *display_name;
  xmlParserCtxtPtr   ctxt;

  const xmlChar     *names[N_ELEMS];
  const xmlChar     *a_id, *a_name, *a_values, *a_value, *a_result, *a_competency,
                    *a_level, *a_role, *a_raci, *a_authority, *a_people, *a_roles,
                    *a_share, *a_want, *a_source, *a_date, *a_kind, *a_target,
                    *a_unit, *a_review, *a_owner, *a_person, *a_due, *a_status,
                    *a_about, *a_version;

  Frame              frames[TRELLIS_XML_MAX_DEPTH + 2];
  guint              depth;
  char               declared_encoding[48];  /* from the XML declaration, for messages */
  gboolean           stopped;
  gboolean           halt_pending;  /* libxml2 is to be stopped, see reader_error() */
  gboolean           at_end;        /* the last bytes were handed to libxml2 */
  gboolean           seen_root;
  gint               last_section;
  gboolean           seen_scale;
  gboolean           newer_minor;

  GString           *text;
  gboolean           collecting;
  GString           *capture;       /* an unknown element being kept */
  guint              capture_depth;
  GString           *capture_space; /* white space in it not known to be text yet */
  gboolean           capture_in_text; /* the text since the last tag is not blank */

  GError            *first_error;
  gboolean           first_error_fatal;
  guint              n_errors;
  guint64            n_bytes;

  GPtrArray         *entities;      /* owns what was built, in order */
  GArray            *competencies;  /* CompetencyRef, to predict assessment references */
  guint              predicted;
  GArray            *pending_refs;

  /* What the element being read collects. */
  GPtrArray         *scale;
  GStrvBuilder      *behaviours;
  GPtrArray         *level_texts;
  GArray            *requirements;
  GArray            *assigns;
  GArray            *targets;
  GArray            *measurements;
  GPtrArray         *reviews;
  TrellisReview     *review;
  TrellisRecord      record;
  guint              record_line;
  char              *note;
  char              *evidence;
  GArray            *records;       /* of the person being read */
  TrellisRecord     *pending;       /* their records, until the person ends */
  guint              n_pending;
  guint              pending_size;
  gboolean           records_unsorted;

  /* The names of the sources, measured once: every assessment has one. */
  const char        *source_names[TRELLIS_N_SOURCES];
  gsize              source_lens[TRELLIS_N_SOURCES];

  /* The last dates read: a person's assessments share a few. */
  char               date_cache_str[4][10];
  TrellisDate        date_cache[4];
  guint              date_cache_next;

  const xmlChar     *ns_uri;        /* the parser's copy of our namespace */

  guint32            level_mask;    /* bit per level of the scale, 0 to 31 */
  gboolean           level_mask_valid;
} Reader;

/* The elements, as gnumeric's xml-sax-read.c has its node table: each
 * with the children it may have, in the order the schema gives, and the
 * handlers that read it. Children are found by comparing the parser's
 * interned names (Reader.names), never strings. */

typedef void (*StartFunc) (Reader     *r,
                           Frame      *frame,
                           const Attr *attrs,
                           guint       n_attrs);
typedef void (*EndFunc)   (Reader     *r,
                           Frame      *frame,
                           Frame      *parent);
typedef void (*TextFunc)  (Reader     *r,
                           Frame      *frame,
                           Frame      *parent,
                           char      **text);

typedef struct
{
  const char  *name;
  Elem         children[12];
  TrellisKind  section;   /* the kind of entity a section holds, else _ORGANISATION */
  TrellisKind  entity;    /* the kind of entity the element is, else _ORGANISATION */
  StartFunc    start;     /* reads the attributes; none are allowed without */
  TextFunc     text;      /* for elements that hold text only: takes it */
  EndFunc      end;
} ElemInfo;

static const ElemInfo elements[N_ELEMS];

static void reader_error (Reader     *r,
                          gint        code,
                          guint       line,
                          gboolean    fatal,
                          const char *format,
                          ...) G_GNUC_PRINTF (5, 6);

static guint
current_line (Reader *r)
{
  if (r->ctxt == NULL || r->ctxt->input == NULL)
    return 0;

  return (guint) r->ctxt->input->line;
}

static void
reader_error (Reader     *r,
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

static void
reader_notice (Reader     *r,
               guint       line,
               const char *message)
{
  if (r->report != NULL)
    trellis_load_report_add (r->report, TRELLIS_LOAD_NOTICE, 0, line, message);
}

/* Attribute values come from libxml2 with every '&' kept as "&#38;"
 * (entities are not substituted); this gives the text they stand for. */
static char *
attr_dup (const Attr *a)
{
  const char *amp;
  GString *s;
  const char *p = a->value;
  const char *end = a->value + a->len;

  if ((amp = memchr (p, '&', a->len)) == NULL)
    return g_strndup (a->value, a->len);

  s = g_string_sized_new (a->len);
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

static inline gboolean
attr_is (const Attr *a,
         const char *str)
{
  gsize n = strlen (str);

  return a->len == n && memcmp (a->value, str, n) == 0;
}

static gboolean
valid_id (const char *s,
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

static gboolean
parse_int (const Attr *a,
           gint        min,
           gint        max,
           gint       *out)
{
  gint64 v = 0;
  gsize i = 0;
  gboolean negative = FALSE;

  if (a->len == 0 || a->len > 10)
    return FALSE;

  if (a->value[0] == '-')
    {
      negative = TRUE;
      i = 1;
      if (a->len == 1)
        return FALSE;
    }

  for (; i < a->len; i++)
    {
      if (a->value[i] < '0' || a->value[i] > '9')
        return FALSE;
      v = v * 10 + (a->value[i] - '0');
    }

  if (negative)
    v = -v;
  if (v < min || v > max)
    return FALSE;

  *out = (gint) v;
  return TRUE;
}

static gboolean
parse_double (const Attr *a,
              double     *out)
{
  char buf[64];
  char *end = NULL;
  double v;

  if (a->len == 0 || a->len >= sizeof buf)
    return FALSE;

  memcpy (buf, a->value, a->len);
  buf[a->len] = '\0';

  /* Only plain decimal numbers, as the schema says; no hex, inf or nan. */
  for (gsize i = 0; i < a->len; i++)
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

static gboolean
parse_date (Reader      *r,
            const Attr  *a,
            TrellisDate *out)
{
  if (a->len == 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (r->date_cache); i++)
        {
          if (r->date_cache[i] != 0 && memcmp (r->date_cache_str[i], a->value, 10) == 0)
            {
              *out = r->date_cache[i];
              return TRUE;
            }
        }
    }

  if (!trellis_date_parse (a->value, a->len, out))
    return FALSE;

  memcpy (r->date_cache_str[r->date_cache_next], a->value, 10);
  r->date_cache[r->date_cache_next] = *out;
  r->date_cache_next = (r->date_cache_next + 1) % G_N_ELEMENTS (r->date_cache);
  return TRUE;
}

static const char *
intern_attr (const Attr *a)
{
  g_autofree char *s = attr_dup (a);

  return g_intern_string (s);
}

static void
bad_attribute (Reader     *r,
               Elem        elem,
               const Attr *a)
{
  g_autofree char *value = attr_dup (a);

  /* Translators: e.g. “The value ‘x’ is not valid for the attribute ‘level’ of <assessment>.” */
  reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                _("The value ‘%s’ is not valid for the attribute ‘%s’ of <%s>."),
                value, (const char *) a->name, elements[elem].name);
}

static void
missing_attribute (Reader     *r,
                   Elem        elem,
                   const char *name)
{
  /* Translators: e.g. “The element <role> needs the attribute ‘id’.” */
  reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                _("The element <%s> needs the attribute ‘%s’."), elements[elem].name, name);
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
static const char *
read_ref (Reader     *r,
          Elem        elem,
          const Attr *a,
          guint       kinds)
{
  const char *id;

  if (!valid_id (a->value, a->len))
    {
      bad_attribute (r, elem, a);
      return NULL;
    }

  id = intern_attr (a);
  add_pending_ref (r, id, kinds, (const char *) a->name);

  return id;
}

static char **
read_ref_list (Reader     *r,
               Elem        elem,
               const Attr *a,
               guint       kinds)
{
  g_autofree char *value = attr_dup (a);
  g_auto(GStrv) parts = g_strsplit_set (value, " \t\n\r", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ret;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      Attr part = { a->name, a->uri, parts[i], strlen (parts[i]) };
      const char *id;

      if (part.len == 0)
        continue;

      if (!valid_id (part.value, part.len))
        {
          bad_attribute (r, elem, a);
          continue;
        }

      id = g_intern_string (parts[i]);
      add_pending_ref (r, id, kinds, (const char *) a->name);
      g_strv_builder_add (builder, id);
    }

  ret = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ret;
}

/* Field values go through the document's typed setters, which store
 * them directly while the document is being loaded. */
static void
store_attr_string (Reader        *r,
                   TrellisEntity *entity,
                   TrellisField   field,
                   const Attr    *a)
{
  g_autofree char *value = attr_dup (a);

  trellis_document_set_string (r->doc, entity, field, value);
}

static void
store_take_strv (Reader        *r,
                 TrellisEntity *entity,
                 TrellisField   field,
                 char         **value)
{
  g_auto(GStrv) owned = value;

  trellis_document_set_strv (r->doc, entity, field, (const char * const *) owned);
}

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

static void
capture_start (Reader         *r,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               const Attr     *attrs,
               guint           n_attrs,
               const xmlChar **namespaces,
               gint            n_namespaces)
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
        capture_escaped (r->capture, (const char *) uri, strlen ((const char *) uri), TRUE);
      g_string_append_c (r->capture, '"');
    }

  for (guint i = 0; i < n_attrs; i++)
    {
      g_autofree char *value = attr_dup (&attrs[i]);

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
          capture_escaped (r->capture, (const char *) attrs[i].uri,
                           strlen ((const char *) attrs[i].uri), TRUE);
          g_string_append_printf (r->capture, "\" k%u:", i);
        }
      g_string_append (r->capture, (const char *) attrs[i].name);
      g_string_append (r->capture, "=\"");
      capture_escaped (r->capture, value, strlen (value), TRUE);
      g_string_append_c (r->capture, '"');
    }

  (void) prefix;
  (void) namespaces;
  (void) n_namespaces;
}

/* Kept elements are written back inside entities, the organisation,
 * sections and the root; anywhere else they have no place to go. */
static gboolean
capture_has_place (const Frame *parent)
{
  return parent->entity != NULL || parent->elem == E_ORGANISATION || parent->elem == E_ROOT ||
         elements[parent->elem].section != TRELLIS_KIND_ORGANISATION;
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
  else if (elements[parent->elem].section != TRELLIS_KIND_ORGANISATION)
    {
      TrellisKind kind = elements[parent->elem].section;

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

/* Entities */

static TrellisEntity *
begin_entity (Reader     *r,
              Elem        elem,
              const Attr *id_attr)
{
  TrellisKind kind = elements[elem].entity;
  TrellisEntity *entity;
  TrellisEntity *existing;
  const char *id;

  if (id_attr == NULL)
    {
      missing_attribute (r, elem, "id");
      id = NULL;
    }
  else if (!valid_id (id_attr->value, id_attr->len))
    {
      bad_attribute (r, elem, id_attr);
      id = NULL;
    }
  else
    id = intern_attr (id_attr);

  if (id != NULL && (existing = trellis_document_lookup (r->doc, id)) != NULL)
    {
      /* Translators: %s is an id such as “c-listen”. */
      reader_error (r, TRELLIS_DOCUMENT_ERROR_DUPLICATE_ID, current_line (r), FALSE,
                    _("The id ‘%s’ is used more than once; every id must be unique."), id);
      id = NULL;
    }

  if (id == NULL)
    {
      /* Keep reading to find further problems; this entity is discarded
       * with the document. */
      g_autofree char *placeholder = g_strdup_printf ("-invalid-%u", r->entities->len);
      id = g_intern_string (placeholder);
    }

  entity = trellis_entity_new_internal (kind, id);
  g_ptr_array_add (r->entities, entity);
  trellis_document_add_loaded (r->doc, entity);

  if (kind == TRELLIS_KIND_COMPETENCY)
    {
      CompetencyRef ref = { id, strlen (id), trellis_competency_get_slot (TRELLIS_COMPETENCY (entity)) };

      g_array_append_val (r->competencies, ref);
    }

  return entity;
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

static gboolean
check_level (Reader     *r,
             Elem        elem,
             const Attr *a,
             gint       *out)
{
  /* Nearly every level is one digit, which needs no general parse. */
  if (a->len == 1 && a->value[0] >= '0' && a->value[0] <= '9')
    *out = a->value[0] - '0';
  else if (!parse_int (a, G_MININT, G_MAXINT, out))
    {
      bad_attribute (r, elem, a);
      return FALSE;
    }

  if (!level_in_scale (r, *out))
    {
      /* Translators: e.g. “Level 7 of <assessment> is not on the scale (0 to 4).” */
      reader_error (r, TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE, current_line (r), FALSE,
                    _("Level %d of <%s> is not on the scale (%d to %d)."),
                    *out, elements[elem].name,
                    trellis_document_get_scale_min (r->doc),
                    trellis_document_get_scale_max (r->doc));
      return FALSE;
    }

  return TRUE;
}

static void
bad_date (Reader     *r,
          Elem        elem,
          const Attr *a)
{
  g_autofree char *value = attr_dup (a);

  /* Translators: e.g. “The date ‘20-11-2026’ of <assessment> is not a date of the form YYYY-MM-DD.” */
  reader_error (r, TRELLIS_DOCUMENT_ERROR_BAD_DATE, current_line (r), FALSE,
                _("The date ‘%s’ of <%s> is not a date of the form YYYY-MM-DD."),
                value, elements[elem].name);
}

/* Reads a reference attribute into a field of @entity. */
static void
store_ref (Reader        *r,
           Elem           elem,
           const Attr    *a,
           guint          kinds,
           TrellisEntity *entity,
           TrellisField   field)
{
  const char *id = read_ref (r, elem, a, kinds);

  if (id != NULL)
    trellis_document_set_string (r->doc, entity, field, id);
}

/* Reads a date attribute into a field of @entity. */
static void
store_date (Reader        *r,
            Elem           elem,
            const Attr    *a,
            TrellisEntity *entity,
            TrellisField   field)
{
  TrellisDate date;

  if (parse_date (r, a, &date))
    trellis_document_set_uint (r->doc, entity, field, date);
  else
    bad_date (r, elem, a);
}

static void
unknown_attribute (Reader     *r,
                   Elem        elem,
                   const Attr *a)
{
  if (a->uri != NULL)
    return;

  if (r->newer_minor)
    {
      g_autofree char *msg =
        g_strdup_printf (_("The attribute ‘%s’ of <%s> comes from a newer version of Trellis and was left out."),
                         (const char *) a->name, elements[elem].name);
      reader_notice (r, current_line (r), msg);
      return;
    }

  /* Translators: e.g. “The element <role> has no attribute ‘colour’.” */
  reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                _("The element <%s> has no attribute ‘%s’."), elements[elem].name, (const char *) a->name);
}

#define KIND_BIT(k) (1u << (k))

/* trellis_source_from_string(), without measuring the names again for
 * every assessment. */
static inline gboolean
read_source (Reader        *r,
             const Attr    *a,
             TrellisSource *out)
{
  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    {
      if (a->len == r->source_lens[i] && a->value[0] == r->source_names[i][0] &&
          memcmp (a->value, r->source_names[i], a->len) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
start_assessment (Reader     *r,
                  Frame      *frame,
                  const Attr *attrs,
                  guint       n_attrs)
{
  TrellisRecord rec = { 0 };
  gboolean have_competency = FALSE, have_level = FALSE, have_source = FALSE, have_date = FALSE;
  gboolean ok = TRUE;

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->name == r->a_competency)
        {
          const CompetencyRef *refs = (const CompetencyRef *) (gpointer) r->competencies->data;
          const CompetencyRef *c = NULL;
          guint n = r->competencies->len;

          have_competency = TRUE;

          /* Assessments usually follow the competency list: try the
           * next and the same competency before a lookup. */
          for (guint k = 0; k < 2 && c == NULL; k++)
            {
              guint idx = r->predicted + (k == 0 ? 1 : 0);

              if (idx < n && refs[idx].len == a->len && memcmp (refs[idx].id, a->value, a->len) == 0)
                {
                  c = &refs[idx];
                  r->predicted = idx;
                }
            }

          if (c == NULL)
            {
              g_autofree char *id = attr_dup (a);
              const char *interned = g_quark_to_string (g_quark_try_string (id));
              TrellisEntity *e = interned != NULL ? trellis_document_lookup (r->doc, interned) : NULL;

              if (e != NULL && TRELLIS_IS_COMPETENCY (e))
                {
                  guint32 slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (e));

                  for (guint k = 0; k < n; k++)
                    {
                      if (refs[k].slot == slot)
                        {
                          c = &refs[k];
                          r->predicted = k;
                          break;
                        }
                    }
                }

              if (c == NULL)
                {
                  /* Translators: %s is an id. */
                  reader_error (r, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE, current_line (r), FALSE,
                                _("The assessment refers to the competency ‘%s’, which the file does not define."),
                                id);
                  ok = FALSE;
                  continue;
                }
            }

          rec.slot = c->slot;
        }
      else if (a->name == r->a_level)
        {
          gint level;

          have_level = TRUE;
          if (check_level (r, E_ASSESSMENT, a, &level))
            rec.level = (gint8) level;
          else
            ok = FALSE;
        }
      else if (a->name == r->a_source)
        {
          TrellisSource source;

          have_source = TRUE;
          if (read_source (r, a, &source))
            rec.source = source;
          else
            {
              bad_attribute (r, E_ASSESSMENT, a);
              ok = FALSE;
            }
        }
      else if (a->name == r->a_date)
        {
          TrellisDate date;

          have_date = TRUE;
          if (parse_date (r, a, &date))
            rec.date = date;
          else
            {
              bad_date (r, E_ASSESSMENT, a);
              ok = FALSE;
            }
        }
      else if (a->name == r->a_want)
        {
          if (attr_is (a, "grow"))
            rec.want = 1;
          else if (!attr_is (a, "no"))
            {
              bad_attribute (r, E_ASSESSMENT, a);
              ok = FALSE;
            }
        }
      else
        unknown_attribute (r, E_ASSESSMENT, a);
    }

  if (!have_competency)
    missing_attribute (r, E_ASSESSMENT, "competency");
  if (!have_level)
    missing_attribute (r, E_ASSESSMENT, "level");
  if (!have_source)
    missing_attribute (r, E_ASSESSMENT, "source");
  if (!have_date)
    missing_attribute (r, E_ASSESSMENT, "date");

  r->record = rec;
  r->record_line = ok && have_competency && have_level && have_source && have_date ? current_line (r) : 0;
}

static gint
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const TrellisRecord *ra = a;
  const TrellisRecord *rb = b;

  if (ra->slot != rb->slot)
    return ra->slot < rb->slot ? -1 : 1;
  if (ra->date != rb->date)
    return ra->date < rb->date ? -1 : 1;
  return (ra->source > rb->source) - (ra->source < rb->source);
}

static void
duplicate_assessment (Reader              *r,
                      const TrellisRecord *rec,
                      guint                line)
{
  TrellisCompetency *c = trellis_document_get_competency_by_slot (r->doc, rec->slot);
  char date[11];

  /* Translators: e.g. “There are two self assessments of ‘c-listen’ on 2026-11-20 for one person; keep one.” */
  reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, line, FALSE,
                _("There are two %s assessments of ‘%s’ on %s for one person; keep one."),
                trellis_source_to_string (rec->source),
                c != NULL ? trellis_entity_get_id (TRELLIS_ENTITY (c)) : "?",
                trellis_date_format (rec->date, date));
}

static void
end_assessment (Reader *r,
                Frame  *frame,
                Frame  *parent)
{
  TrellisRecord *rec = &r->record;

  if (r->record_line != 0)
    {
      if (r->n_pending > 0)
        {
          gint cmp = compare_records (&r->pending[r->n_pending - 1], rec);

          if (cmp == 0)
            duplicate_assessment (r, rec, r->record_line);
          else if (cmp > 0)
            r->records_unsorted = TRUE;
        }

      if (r->n_pending == r->pending_size)
        {
          r->pending_size = MAX (64, r->pending_size * 2);
          r->pending = g_renew (TrellisRecord, r->pending, r->pending_size);
        }

      rec->text = r->note != NULL || r->evidence != NULL
                  ? trellis_document_add_text (r->doc, r->note, r->evidence)
                  : 0;
      r->pending[r->n_pending++] = *rec;
    }

  g_clear_pointer (&r->note, g_free);
  g_clear_pointer (&r->evidence, g_free);
}

static void
end_person (Reader *r,
            Frame  *frame,
            Frame  *parent)
{
  if (r->records_unsorted)
    {
      qsort (r->pending, r->n_pending, sizeof (TrellisRecord), compare_records);
      for (guint i = 1; i < r->n_pending; i++)
        {
          if (compare_records (&r->pending[i - 1], &r->pending[i]) == 0)
            duplicate_assessment (r, &r->pending[i], frame->line);
        }
    }

  /* One copy into the person's grid row, sized once. */
  g_array_append_vals (r->records, r->pending, r->n_pending);

  r->records = NULL;
  r->n_pending = 0;
  r->records_unsorted = FALSE;
}

static void
start_entity_attrs (Reader        *r,
                    Elem           elem,
                    TrellisEntity *entity,
                    const Attr    *attrs,
                    guint          n_attrs)
{
  gboolean have_name = FALSE;
  gboolean needs_name = trellis_entity_has_field (entity, TRELLIS_FIELD_NAME);

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];
      const xmlChar *n = a->name;

      if (n == r->a_id)
        continue;
      else if (n == r->a_name && needs_name)
        {
          have_name = TRUE;
          store_attr_string (r, entity, TRELLIS_FIELD_NAME, a);
        }
      else if (n == r->a_values && (elem == E_RESULT || elem == E_COMPETENCY))
        store_take_strv (r, entity, TRELLIS_FIELD_VALUES,
                         read_ref_list (r, elem, a, KIND_BIT (TRELLIS_KIND_VALUE)));
      else if (n == r->a_result && (elem == E_RESPONSIBILITY || elem == E_INDICATOR))
        store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_RESULT), entity, TRELLIS_FIELD_RESULT);
      else if (n == r->a_roles && elem == E_PERSON)
        store_take_strv (r, entity, TRELLIS_FIELD_ROLES,
                         read_ref_list (r, elem, a, KIND_BIT (TRELLIS_KIND_ROLE)));
      else if (n == r->a_share && elem == E_PERSON)
        {
          TrellisShare share;
          if (trellis_share_from_string (a->value, a->len, &share))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_SHARE, share);
          else
            bad_attribute (r, elem, a);
        }
      else if (n == r->a_kind && elem == E_INDICATOR)
        {
          TrellisIndicatorKind kind;
          if (trellis_indicator_kind_from_string (a->value, a->len, &kind))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_INDICATOR_KIND, kind);
          else
            bad_attribute (r, elem, a);
        }
      else if (n == r->a_target && elem == E_INDICATOR)
        {
          double target;
          if (parse_double (a, &target))
            trellis_document_set_double (r->doc, entity, TRELLIS_FIELD_TARGET, target);
          else
            bad_attribute (r, elem, a);
        }
      else if (n == r->a_unit && elem == E_INDICATOR)
        store_attr_string (r, entity, TRELLIS_FIELD_UNIT, a);
      else if (n == r->a_review && elem == E_INDICATOR)
        {
          TrellisRhythm rhythm;
          if (trellis_rhythm_from_string (a->value, a->len, &rhythm))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_RHYTHM, rhythm);
          else
            bad_attribute (r, elem, a);
        }
      else if (n == r->a_owner && elem == E_INDICATOR)
        store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_ROLE), entity, TRELLIS_FIELD_OWNER);
      else if (n == r->a_person && (elem == E_ACTION || elem == E_REMARK))
        store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_PERSON), entity, TRELLIS_FIELD_PERSON);
      else if (n == r->a_competency && elem == E_ACTION)
        store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_COMPETENCY), entity, TRELLIS_FIELD_COMPETENCY);
      else if (n == r->a_kind && elem == E_ACTION)
        {
          TrellisActionKind kind;
          if (trellis_action_kind_from_string (a->value, a->len, &kind))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_ACTION_KIND, kind);
          else
            bad_attribute (r, elem, a);
        }
      else if (n == r->a_due && elem == E_ACTION)
        store_date (r, elem, a, entity, TRELLIS_FIELD_DUE);
      else if (n == r->a_status && elem == E_ACTION)
        {
          TrellisActionStatus status;
          if (trellis_action_status_from_string (a->value, a->len, &status))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_STATUS, status);
          else
            bad_attribute (r, elem, a);
        }
      else if (n == r->a_status && elem == E_REMARK)
        {
          TrellisFeedbackStatus status;
          if (trellis_feedback_status_from_string (a->value, a->len, &status))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_STATUS, status);
          else
            bad_attribute (r, elem, a);
        }
      else if (n == r->a_about && elem == E_REMARK)
        store_ref (r, elem, a, ~0u, entity, TRELLIS_FIELD_ABOUT);
      else if (n == r->a_date && elem == E_REMARK)
        store_date (r, elem, a, entity, TRELLIS_FIELD_DATE);
      else
        unknown_attribute (r, elem, a);
    }

  if (needs_name && !have_name)
    missing_attribute (r, elem, "name");
}

/* Every entity starts with its id, then its attributes; what it
 * collects from its children is set up by the element's own start. */
static void
start_entity (Reader     *r,
              Frame      *frame,
              const Attr *attrs,
              guint       n_attrs)
{
  const Attr *id = NULL;

  for (guint i = 0; i < n_attrs; i++)
    {
      if (attrs[i].name == r->a_id)
        id = &attrs[i];
    }

  frame->entity = begin_entity (r, frame->elem, id);
  start_entity_attrs (r, frame->elem, frame->entity, attrs, n_attrs);
}

static void
start_value (Reader     *r,
             Frame      *frame,
             const Attr *attrs,
             guint       n_attrs)
{
  start_entity (r, frame, attrs, n_attrs);
  r->behaviours = g_strv_builder_new ();
}

static void
end_value (Reader *r,
           Frame  *frame,
           Frame  *parent)
{
  store_take_strv (r, frame->entity, TRELLIS_FIELD_BEHAVIOURS, g_strv_builder_end (r->behaviours));
  g_clear_pointer (&r->behaviours, g_strv_builder_unref);
}

static void
start_competency (Reader     *r,
                  Frame      *frame,
                  const Attr *attrs,
                  guint       n_attrs)
{
  start_entity (r, frame, attrs, n_attrs);
  r->level_texts = trellis_level_texts_new ();
}

static void
end_competency (Reader *r,
                Frame  *frame,
                Frame  *parent)
{
  trellis_document_take_ptr_array (r->doc, frame->entity, TRELLIS_FIELD_LEVELS, g_steal_pointer (&r->level_texts));
}

static void
start_responsibility (Reader     *r,
                      Frame      *frame,
                      const Attr *attrs,
                      guint       n_attrs)
{
  start_entity (r, frame, attrs, n_attrs);
  r->requirements = trellis_requirements_new ();
  r->assigns = trellis_assignments_new ();
}

static void
end_responsibility (Reader *r,
                    Frame  *frame,
                    Frame  *parent)
{
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_NEEDS, g_steal_pointer (&r->requirements));
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_ASSIGNS, g_steal_pointer (&r->assigns));
}

static void
start_role (Reader     *r,
            Frame      *frame,
            const Attr *attrs,
            guint       n_attrs)
{
  start_entity (r, frame, attrs, n_attrs);
  r->requirements = trellis_requirements_new ();
  r->targets = trellis_targets_new ();
}

static void
end_role (Reader *r,
          Frame  *frame,
          Frame  *parent)
{
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_REQUIRES, g_steal_pointer (&r->requirements));
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_TARGETS, g_steal_pointer (&r->targets));
}

static void
start_person (Reader     *r,
              Frame      *frame,
              const Attr *attrs,
              guint       n_attrs)
{
  start_entity (r, frame, attrs, n_attrs);
  r->records = trellis_person_get_records (TRELLIS_PERSON (frame->entity));
  r->n_pending = 0;
}

static void
start_indicator (Reader     *r,
                 Frame      *frame,
                 const Attr *attrs,
                 guint       n_attrs)
{
  start_entity (r, frame, attrs, n_attrs);
  r->measurements = trellis_measurements_new ();
  r->reviews = trellis_reviews_new ();
}

static void
end_indicator (Reader *r,
               Frame  *frame,
               Frame  *parent)
{
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_MEASUREMENTS, g_steal_pointer (&r->measurements));
  trellis_document_take_ptr_array (r->doc, frame->entity, TRELLIS_FIELD_REVIEWS, g_steal_pointer (&r->reviews));
}


static void
start_requirement (Reader     *r,
                   Frame      *frame,
                   const Attr *attrs,
                   guint       n_attrs)
{
  Elem elem = frame->elem;
  const char *competency = NULL;
  gint level = TRELLIS_LEVEL_NONE;
  gint people = -1;
  gboolean ok = TRUE;

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->name == r->a_competency)
        {
          competency = read_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_COMPETENCY));
          ok &= competency != NULL;
        }
      else if (a->name == r->a_level)
        ok &= check_level (r, elem, a, &level);
      else if (a->name == r->a_people && elem == E_TARGET)
        {
          if (!parse_int (a, 1, 100000, &people))
            {
              bad_attribute (r, elem, a);
              ok = FALSE;
            }
        }
      else
        unknown_attribute (r, elem, a);
    }

  if (competency == NULL && ok)
    {
      missing_attribute (r, elem, "competency");
      ok = FALSE;
    }
  if (level == TRELLIS_LEVEL_NONE && ok)
    {
      missing_attribute (r, elem, "level");
      ok = FALSE;
    }
  if (elem == E_TARGET && people < 0 && ok)
    {
      missing_attribute (r, elem, "people");
      ok = FALSE;
    }

  if (!ok)
    return;

  if (elem == E_TARGET)
    {
      TrellisTarget t = { competency, level, (guint) people };
      g_array_append_val (r->targets, t);
    }
  else
    {
      TrellisRequirement req = { competency, level };
      GArray *array = r->requirements;

      for (guint i = 0; i < array->len; i++)
        {
          if (g_array_index (array, TrellisRequirement, i).competency == competency)
            {
              /* Translators: e.g. “<requires> names the competency ‘c-listen’ twice.” */
              reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                            _("<%s> names the competency ‘%s’ twice."), elements[elem].name, competency);
              return;
            }
        }
      g_array_append_val (array, req);
    }
}

static void
start_assign (Reader     *r,
              Frame      *frame,
              const Attr *attrs,
              guint       n_attrs)
{
  TrellisAssignment assignment = { NULL, TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE };
  gboolean ok = TRUE;

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->name == r->a_role)
        {
          assignment.role = read_ref (r, E_ASSIGN, a, KIND_BIT (TRELLIS_KIND_ROLE));
          ok &= assignment.role != NULL;
        }
      else if (a->name == r->a_raci)
        {
          if (!trellis_raci_from_string (a->value, a->len, &assignment.raci))
            {
              bad_attribute (r, E_ASSIGN, a);
              ok = FALSE;
            }
        }
      else if (a->name == r->a_authority)
        {
          if (!trellis_authority_from_string (a->value, a->len, &assignment.authority))
            {
              bad_attribute (r, E_ASSIGN, a);
              ok = FALSE;
            }
        }
      else
        unknown_attribute (r, E_ASSIGN, a);
    }

  if (assignment.role == NULL && ok)
    {
      missing_attribute (r, E_ASSIGN, "role");
      return;
    }

  if (!ok)
    return;

  for (guint i = 0; i < r->assigns->len; i++)
    {
      if (g_array_index (r->assigns, TrellisAssignment, i).role == assignment.role)
        {
          /* Translators: %s is a role id. */
          reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                        _("The role ‘%s’ is assigned twice to one responsibility."), assignment.role);
          return;
        }
    }

  g_array_append_val (r->assigns, assignment);
}

static void
start_measurement (Reader     *r,
                   Frame      *frame,
                   const Attr *attrs,
                   guint       n_attrs)
{
  TrellisMeasurement m = { 0, NAN };

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->name == r->a_date)
        {
          if (!parse_date (r, a, &m.date))
            bad_date (r, E_MEASUREMENT, a);
        }
      else if (a->name == r->a_value)
        {
          if (!parse_double (a, &m.value))
            bad_attribute (r, E_MEASUREMENT, a);
        }
      else
        unknown_attribute (r, E_MEASUREMENT, a);
    }

  if (m.date == 0)
    missing_attribute (r, E_MEASUREMENT, "date");
  else if (isnan (m.value))
    missing_attribute (r, E_MEASUREMENT, "value");
  else
    g_array_append_val (r->measurements, m);
}

static void
start_review (Reader     *r,
              Frame      *frame,
              const Attr *attrs,
              guint       n_attrs)
{
  TrellisDate date = 0;

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->name == r->a_date)
        {
          if (!parse_date (r, a, &date))
            bad_date (r, E_REVIEW, a);
        }
      else
        unknown_attribute (r, E_REVIEW, a);
    }

  if (date == 0)
    missing_attribute (r, E_REVIEW, "date");

  r->review = trellis_review_new (date, NULL, NULL, NULL, NULL);
}

static void
start_level (Reader     *r,
             Frame      *frame,
             const Attr *attrs,
             guint       n_attrs)
{
  Elem elem = frame->elem;
  const Attr *name = NULL;
  gboolean have_value = FALSE;

  frame->level = TRELLIS_LEVEL_NONE;

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->name == r->a_value)
        {
          have_value = TRUE;
          if (elem == E_SCALE_LEVEL)
            {
              if (!parse_int (a, TRELLIS_LEVEL_MIN, TRELLIS_LEVEL_MAX, &frame->level))
                {
                  g_autofree char *value = attr_dup (a);
                  /* Translators: %s is what the file says; %d and %d the bounds. */
                  reader_error (r, TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE, current_line (r), FALSE,
                                _("The scale level ‘%s’ is not a whole number from %d to %d."),
                                value, TRELLIS_LEVEL_MIN, TRELLIS_LEVEL_MAX);
                  frame->level = TRELLIS_LEVEL_NONE;
                }
            }
          else if (!check_level (r, elem, a, &frame->level))
            frame->level = TRELLIS_LEVEL_NONE;
        }
      else if (a->name == r->a_name && elem == E_SCALE_LEVEL)
        name = a;
      else
        unknown_attribute (r, elem, a);
    }

  if (!have_value)
    missing_attribute (r, elem, "value");

  if (elem == E_SCALE_LEVEL && frame->level != TRELLIS_LEVEL_NONE)
    {
      g_autofree char *n = name != NULL ? attr_dup (name) : NULL;

      if (name == NULL)
        missing_attribute (r, elem, "name");

      for (guint i = 0; i < r->scale->len; i++)
        {
          if (((TrellisScaleLevel *) g_ptr_array_index (r->scale, i))->value >= frame->level)
            {
              /* Translators: %d is a level. */
              reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                            _("The scale level %d is out of order or given twice; list levels from low to high."),
                            frame->level);
              /* Its text must not become the description of the level
               * already on the scale. */
              frame->level = TRELLIS_LEVEL_NONE;
              return;
            }
        }

      g_ptr_array_add (r->scale, trellis_scale_level_new (frame->level, n, NULL));
    }
}

static void
start_organisation (Reader     *r,
                    Frame      *frame,
                    const Attr *attrs,
                    guint       n_attrs)
{
  for (guint i = 0; i < n_attrs; i++)
    {
      if (attrs[i].name == r->a_name)
        store_attr_string (r, TRELLIS_ENTITY (r->doc->organisation), TRELLIS_FIELD_NAME, &attrs[i]);
      else
        unknown_attribute (r, frame->elem, &attrs[i]);
    }
}

static void
start_scale (Reader     *r,
             Frame      *frame,
             const Attr *attrs,
             guint       n_attrs)
{
  r->scale = trellis_scale_levels_new ();
  for (guint i = 0; i < n_attrs; i++)
    unknown_attribute (r, frame->elem, &attrs[i]);
}

static void
end_scale (Reader *r,
           Frame  *frame,
           Frame  *parent)
{
  if (r->scale->len == 0)
    reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                  _("The scale has no levels; give it at least one."));
  else
    trellis_document_take_ptr_array (r->doc, TRELLIS_ENTITY (r->doc->organisation), TRELLIS_FIELD_SCALE,
                                     g_steal_pointer (&r->scale));
  g_clear_pointer (&r->scale, g_ptr_array_unref);
  r->level_mask_valid = FALSE;
  r->seen_scale = TRUE;
}

/* Whether the first element is the root of a Trellis matrix of a
 * version this reader knows; its attributes are read by start_root(). */
static gboolean
is_trellis_root (Reader        *r,
                 const xmlChar *localname,
                 const xmlChar *uri)
{
  if (!xmlStrEqual (localname, (const xmlChar *) "trellis"))
    {
      /* Translators: %s is the name of the first element of the file. */
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, current_line (r), TRUE,
                    _("This is not a Trellis matrix: it starts with <%s> instead of <trellis>."),
                    (const char *) localname);
      return FALSE;
    }

  if (uri == NULL || !g_str_has_prefix ((const char *) uri, TRELLIS_FORMAT_NAMESPACE_BASE))
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, current_line (r), TRUE,
                    _("This is not a Trellis matrix: its namespace is ‘%s’ instead of ‘%s’."),
                    uri != NULL ? (const char *) uri : "", TRELLIS_FORMAT_NAMESPACE);
      return FALSE;
    }

  if (!xmlStrEqual (uri, (const xmlChar *) TRELLIS_FORMAT_NAMESPACE))
    {
      const char *tail = (const char *) uri + strlen (TRELLIS_FORMAT_NAMESPACE_BASE);
      guint64 file_major;

      if (g_ascii_string_to_unsigned (tail, 10, 2, G_MAXUINT, &file_major, NULL))
        reader_error (r, TRELLIS_DOCUMENT_ERROR_UNSUPPORTED_VERSION, current_line (r), TRUE,
                      _("This matrix was written by a newer version of Trellis (format %u). Update Trellis to open it."),
                      (guint) file_major);
      else
        reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, current_line (r), TRUE,
                      _("This is not a Trellis matrix: its namespace is ‘%s’ instead of ‘%s’."),
                      (const char *) uri, TRELLIS_FORMAT_NAMESPACE);
      return FALSE;
    }

  return TRUE;
}

static void
start_root (Reader     *r,
            Frame      *frame,
            const Attr *attrs,
            guint       n_attrs)
{
  const Attr *version = NULL;
  guint major = 0;
  guint minor = 0;

  for (guint i = 0; i < n_attrs; i++)
    {
      if (attrs[i].name == r->a_version && attrs[i].uri == NULL)
        version = &attrs[i];
      else if (attrs[i].uri != NULL &&
               xmlStrEqual (attrs[i].uri, XML_XML_NAMESPACE) &&
               xmlStrEqual (attrs[i].name, (const xmlChar *) "lang"))
        {
          g_free (r->doc->lang);
          r->doc->lang = attr_dup (&attrs[i]);
        }
    }

  if (version == NULL)
    {
      missing_attribute (r, E_ROOT, "version");
      return;
    }

  {
    g_autofree char *v = attr_dup (version);
    char *dot = strchr (v, '.');
    guint64 tmp;

    if (dot == NULL)
      {
        bad_attribute (r, E_ROOT, version);
        return;
      }
    *dot = '\0';
    if (!g_ascii_string_to_unsigned (v, 10, 0, 999, &tmp, NULL))
      {
        bad_attribute (r, E_ROOT, version);
        return;
      }
    major = (guint) tmp;
    if (!g_ascii_string_to_unsigned (dot + 1, 10, 0, 999, &tmp, NULL))
      {
        bad_attribute (r, E_ROOT, version);
        return;
      }
    minor = (guint) tmp;
  }

  if (major != TRELLIS_FORMAT_MAJOR)
    {
      if (major > TRELLIS_FORMAT_MAJOR)
        reader_error (r, TRELLIS_DOCUMENT_ERROR_UNSUPPORTED_VERSION, current_line (r), TRUE,
                      _("This matrix was written by a newer version of Trellis (format %u). Update Trellis to open it."),
                      major);
      else
        bad_attribute (r, E_ROOT, version);
      return;
    }

  r->doc->format_minor = minor;
  r->newer_minor = minor > TRELLIS_FORMAT_MINOR;

  /* Judged only now: a newer minor version may add attributes here too. */
  for (guint i = 0; i < n_attrs; i++)
    {
      if (attrs[i].uri == NULL && attrs[i].name != r->a_version)
        unknown_attribute (r, E_ROOT, &attrs[i]);
    }
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

/* The elements that hold text, each given its text without the white
 * space around it; a handler that keeps it steals it. */

static void
text_vision (Reader *r,
             Frame  *frame,
             Frame  *parent,
             char  **text)
{
  trellis_document_set_string (r->doc, TRELLIS_ENTITY (r->doc->organisation), TRELLIS_FIELD_VISION, *text);
}

static void
text_mission (Reader *r,
              Frame  *frame,
              Frame  *parent,
              char  **text)
{
  trellis_document_set_string (r->doc, TRELLIS_ENTITY (r->doc->organisation), TRELLIS_FIELD_MISSION, *text);
}

static void
text_scale_level (Reader *r,
                  Frame  *frame,
                  Frame  *parent,
                  char  **text)
{
  if (frame->level != TRELLIS_LEVEL_NONE && r->scale->len > 0)
    {
      TrellisScaleLevel *l = g_ptr_array_index (r->scale, r->scale->len - 1);

      if (l->value == frame->level && (*text)[0] != '\0')
        l->description = g_steal_pointer (text);
    }
}

/* A text that is a field of the entity around it. */
static void
text_field (Reader        *r,
            Frame         *parent,
            TrellisField   field,
            const char    *text)
{
  if (parent->entity != NULL)
    trellis_document_set_string (r->doc, parent->entity, field, text);
}

static void
text_description (Reader *r,
                  Frame  *frame,
                  Frame  *parent,
                  char  **text)
{
  text_field (r, parent, TRELLIS_FIELD_DESCRIPTION, *text);
}

static void
text_behaviour (Reader *r,
                Frame  *frame,
                Frame  *parent,
                char  **text)
{
  if ((*text)[0] != '\0')
    g_strv_builder_add (r->behaviours, *text);
}

static void
text_competency_level (Reader *r,
                       Frame  *frame,
                       Frame  *parent,
                       char  **text)
{
  TrellisLevelText *t;

  if (frame->level == TRELLIS_LEVEL_NONE)
    return;

  if (trellis_level_texts_lookup (r->level_texts, frame->level) != NULL)
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                    _("Level %d of this competency is described twice."), frame->level);
      return;
    }

  t = g_new0 (TrellisLevelText, 1);
  t->level = frame->level;
  t->text = g_steal_pointer (text);
  g_ptr_array_add (r->level_texts, t);
}

static void
text_note (Reader *r,
           Frame  *frame,
           Frame  *parent,
           char  **text)
{
  if (parent->elem == E_ASSESSMENT)
    {
      g_free (r->note);
      r->note = g_steal_pointer (text);
    }
  else
    text_field (r, parent, TRELLIS_FIELD_NOTE, *text);
}

static void
text_evidence (Reader *r,
               Frame  *frame,
               Frame  *parent,
               char  **text)
{
  g_free (r->evidence);
  r->evidence = g_steal_pointer (text);
}

/* The four steps of a review. */
static void
text_review_step (char **step,
                  char **text)
{
  g_free (*step);
  *step = g_steal_pointer (text);
}

static void
text_plan (Reader *r,
           Frame  *frame,
           Frame  *parent,
           char  **text)
{
  text_review_step (&r->review->plan, text);
}

static void
text_do (Reader *r,
         Frame  *frame,
         Frame  *parent,
         char  **text)
{
  text_review_step (&r->review->do_, text);
}

static void
text_check (Reader *r,
            Frame  *frame,
            Frame  *parent,
            char  **text)
{
  text_review_step (&r->review->check, text);
}

static void
text_act (Reader *r,
          Frame  *frame,
          Frame  *parent,
          char  **text)
{
  text_review_step (&r->review->act, text);
}

static void
text_text (Reader *r,
           Frame  *frame,
           Frame  *parent,
           char  **text)
{
  text_field (r, parent, TRELLIS_FIELD_TEXT, *text);
}

static void
text_response (Reader *r,
               Frame  *frame,
               Frame  *parent,
               char  **text)
{
  text_field (r, parent, TRELLIS_FIELD_RESPONSE, *text);
}

/* A review with its texts; reviews are freed by their arrays otherwise. */
static void
review_free (TrellisReview *review)
{
  g_autoptr(GPtrArray) holder = trellis_reviews_new ();

  g_ptr_array_add (holder, review);
}

static void
end_review (Reader *r,
            Frame  *frame,
            Frame  *parent)
{
  if (r->review->date != 0)
    g_ptr_array_add (r->reviews, g_steal_pointer (&r->review));
  else
    g_clear_pointer (&r->review, review_free);
}

static const ElemInfo elements[N_ELEMS] = {
  [E_NONE] = { .name = "", .children = { E_ROOT } },
  [E_ROOT] = {
    .name = "trellis",
    .children = { E_ORGANISATION, E_SCALE, E_VALUES, E_RESULTS, E_COMPETENCIES, E_RESPONSIBILITIES,
                  E_ROLES, E_PEOPLE, E_INDICATORS, E_DEVELOPMENT, E_FEEDBACK },
    .start = start_root,
  },
  [E_ORGANISATION] = { .name = "organisation", .children = { E_VISION, E_MISSION }, .start = start_organisation },
  [E_VISION] = { .name = "vision", .text = text_vision },
  [E_MISSION] = { .name = "mission", .text = text_mission },
  [E_SCALE] = { .name = "scale", .children = { E_SCALE_LEVEL }, .start = start_scale, .end = end_scale },
  [E_SCALE_LEVEL] = { .name = "level", .start = start_level, .text = text_scale_level },

  [E_VALUES] = { .name = "values", .children = { E_VALUE }, .section = TRELLIS_KIND_VALUE },
  [E_VALUE] = {
    .name = "value", .children = { E_DESCRIPTION, E_BEHAVIOUR }, .entity = TRELLIS_KIND_VALUE,
    .start = start_value, .end = end_value,
  },
  [E_DESCRIPTION] = { .name = "description", .text = text_description },
  [E_BEHAVIOUR] = { .name = "behaviour", .text = text_behaviour },

  [E_RESULTS] = { .name = "results", .children = { E_RESULT }, .section = TRELLIS_KIND_RESULT },
  [E_RESULT] = {
    .name = "result", .children = { E_DESCRIPTION }, .entity = TRELLIS_KIND_RESULT,
    .start = start_entity,
  },

  [E_COMPETENCIES] = { .name = "competencies", .children = { E_COMPETENCY }, .section = TRELLIS_KIND_COMPETENCY },
  [E_COMPETENCY] = {
    .name = "competency", .children = { E_DESCRIPTION, E_COMPETENCY_LEVEL }, .entity = TRELLIS_KIND_COMPETENCY,
    .start = start_competency, .end = end_competency,
  },
  [E_COMPETENCY_LEVEL] = { .name = "level", .start = start_level, .text = text_competency_level },

  [E_RESPONSIBILITIES] = {
    .name = "responsibilities", .children = { E_RESPONSIBILITY }, .section = TRELLIS_KIND_RESPONSIBILITY,
  },
  [E_RESPONSIBILITY] = {
    .name = "responsibility", .children = { E_DESCRIPTION, E_NEEDS, E_ASSIGN },
    .entity = TRELLIS_KIND_RESPONSIBILITY, .start = start_responsibility, .end = end_responsibility,
  },
  [E_NEEDS] = { .name = "needs", .start = start_requirement },
  [E_ASSIGN] = { .name = "assign", .start = start_assign },

  [E_ROLES] = { .name = "roles", .children = { E_ROLE }, .section = TRELLIS_KIND_ROLE },
  [E_ROLE] = {
    .name = "role", .children = { E_DESCRIPTION, E_REQUIRES, E_TARGET }, .entity = TRELLIS_KIND_ROLE,
    .start = start_role, .end = end_role,
  },
  [E_REQUIRES] = { .name = "requires", .start = start_requirement },
  [E_TARGET] = { .name = "target", .start = start_requirement },

  [E_PEOPLE] = { .name = "people", .children = { E_PERSON }, .section = TRELLIS_KIND_PERSON },
  [E_PERSON] = {
    .name = "person", .children = { E_ASSESSMENT }, .entity = TRELLIS_KIND_PERSON,
    .start = start_person, .end = end_person,
  },
  [E_ASSESSMENT] = {
    .name = "assessment", .children = { E_NOTE, E_EVIDENCE },
    .start = start_assessment, .end = end_assessment,
  },
  [E_NOTE] = { .name = "note", .text = text_note },
  [E_EVIDENCE] = { .name = "evidence", .text = text_evidence },

  [E_INDICATORS] = { .name = "indicators", .children = { E_INDICATOR }, .section = TRELLIS_KIND_INDICATOR },
  [E_INDICATOR] = {
    .name = "indicator", .children = { E_DESCRIPTION, E_MEASUREMENT, E_REVIEW }, .entity = TRELLIS_KIND_INDICATOR,
    .start = start_indicator, .end = end_indicator,
  },
  [E_MEASUREMENT] = { .name = "measurement", .start = start_measurement },
  [E_REVIEW] = {
    .name = "review", .children = { E_PLAN, E_DO, E_CHECK, E_ACT },
    .start = start_review, .end = end_review,
  },
  [E_PLAN] = { .name = "plan", .text = text_plan },
  [E_DO] = { .name = "do", .text = text_do },
  [E_CHECK] = { .name = "check", .text = text_check },
  [E_ACT] = { .name = "act", .text = text_act },

  [E_DEVELOPMENT] = { .name = "development", .children = { E_ACTION }, .section = TRELLIS_KIND_ACTION },
  [E_ACTION] = {
    .name = "action", .children = { E_NOTE }, .entity = TRELLIS_KIND_ACTION,
    .start = start_entity,
  },

  [E_FEEDBACK] = { .name = "feedback", .children = { E_REMARK }, .section = TRELLIS_KIND_FEEDBACK },
  [E_REMARK] = {
    .name = "remark", .children = { E_TEXT, E_RESPONSE }, .entity = TRELLIS_KIND_FEEDBACK,
    .start = start_entity,
  },
  [E_TEXT] = { .name = "text", .text = text_text },
  [E_RESPONSE] = { .name = "response", .text = text_response },

  [E_UNKNOWN] = { .name = "" },
};

static Elem
find_child (Reader        *r,
            Elem           parent,
            const xmlChar *localname)
{
  const Elem *children = elements[parent].children;

  for (guint i = 0; i < G_N_ELEMENTS (elements[0].children) && children[i] != E_NONE; i++)
    {
      if (r->names[children[i]] == localname)
        return children[i];
    }

  return E_UNKNOWN;
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

  if (ours && !r->newer_minor)
    {
      /* Translators: e.g. “The element <colour> is not allowed inside <role>.” */
      reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                    _("The element <%s> is not allowed inside <%s>."),
                    (const char *) localname, elements[parent->elem].name);
    }
  else if (capture_has_place (parent))
    {
      g_autofree char *msg =
        g_strdup_printf (_("The element <%s> comes from a newer version of Trellis or another program; it was kept as it is."),
                         (const char *) localname);
      reader_notice (r, current_line (r), msg);
    }
  else
    {
      /* Translators: %s is an element name. */
      g_autofree char *msg =
        g_strdup_printf (_("The element <%s> comes from a newer version of Trellis or another program; it was left out."),
                         (const char *) localname);
      reader_notice (r, current_line (r), msg);
    }
}

static void
check_section_order (Reader *r,
                     Frame  *frame)
{
  Elem elem = frame->elem;
  gint order = elem == E_ORGANISATION ? 0 : elem == E_SCALE ? 1 : 1 + (gint) elements[elem].section;

  if (order <= r->last_section)
    {
      /* Translators: %s is a section such as “people”. */
      reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                    _("The section <%s> is out of order or given twice; sections follow the order organisation, scale, values, results, competencies, responsibilities, roles, people, indicators, development, feedback."),
                    elements[elem].name);
    }
  r->last_section = MAX (r->last_section, order);
}

static Frame *
push_frame (Reader *r,
            Elem    elem)
{
  Frame *frame = &r->frames[++r->depth];

  memset (frame, 0, sizeof *frame);
  frame->elem = elem;
  frame->line = current_line (r);

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
  Attr attrs[TRELLIS_XML_MAX_ATTRIBUTES];
  guint n_attrs;
  Elem elem;

  if (reader_stopped (r))
    return;

  if (r->depth >= TRELLIS_XML_MAX_DEPTH)
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, current_line (r), TRUE,
                    _("The elements are nested more than %d deep; a Trellis matrix never is."),
                    TRELLIS_XML_MAX_DEPTH);
      return;
    }

  if (n_attributes > TRELLIS_XML_MAX_ATTRIBUTES)
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, current_line (r), TRUE,
                    _("An element has more than %d attributes; a Trellis matrix never has."),
                    TRELLIS_XML_MAX_ATTRIBUTES);
      return;
    }

  n_attrs = (guint) n_attributes;
  for (guint i = 0; i < n_attrs; i++)
    {
      attrs[i].name = attributes[i * 5];
      attrs[i].uri = attributes[i * 5 + 2];
      attrs[i].value = (const char *) attributes[i * 5 + 3];
      attrs[i].len = attributes[i * 5 + 4] - attributes[i * 5 + 3];
    }

  if (r->collecting)
    {
      /* Translators: %s is an element name. */
      reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                    _("The element <%s> may only hold text."), elements[parent->elem].name);
    }

  if (r->capture != NULL)
    elem = E_UNKNOWN;
  else if (parent->elem == E_NONE)
    {
      if (!is_trellis_root (r, localname, uri))
        return;
      elem = E_ROOT;
      r->seen_root = TRUE;
    }
  else if (is_our_namespace (r, uri))
    elem = find_child (r, parent->elem, localname);
  else
    elem = E_UNKNOWN;

  if (elem == E_UNKNOWN)
    {
      if (r->capture == NULL)
        unknown_element (r, parent, localname, uri);

      /* Captured while the parent is still the top frame: the capture
       * closes the parent's start tag and inherits its namespace. */
      capture_start (r, localname, prefix, uri, attrs, n_attrs, namespaces, n_namespaces);
      frame = push_frame (r, E_UNKNOWN);
      frame->uri = uri;
      frame->open = TRUE;
      return;
    }

  frame = push_frame (r, elem);
  if (parent->elem == E_ROOT)
    check_section_order (r, frame);

  info = &elements[elem];
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
        unknown_attribute (r, elem, &attrs[i]);
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

  if (frame->elem == E_UNKNOWN)
    {
      g_string_truncate (r->capture_space, 0);
      r->capture_in_text = FALSE;
      if (frame->open)
        g_string_append (r->capture, "/>");
      else
        g_string_append_printf (r->capture, "</%s>", (const char *) localname);

      if (r->depth == r->capture_depth)
        keep_capture (r);

      r->depth--;
      return;
    }

  info = &elements[frame->elem];
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
      gboolean blank = TRUE;

      for (int i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (ch[i]);

      /* White space only is layout when an element follows, but text
       * when more text does ("a &lt; b" arrives in three pieces) or did:
       * libxml2 hands over a line break written as &#10; on its own, and
       * what counts is the whole text between two tags. */
      if (blank && !r->capture_in_text)
        {
          g_string_append_len (r->capture_space, (const char *) ch, len);
          return;
        }

      r->capture_in_text = TRUE;
      capture_close_start_tag (r);
      capture_escaped (r->capture, r->capture_space->str, r->capture_space->len, FALSE);
      g_string_truncate (r->capture_space, 0);
      capture_escaped (r->capture, (const char *) ch, len, FALSE);
      return;
    }

  if (r->collecting)
    {
      if (r->text->len + len > TRELLIS_XML_MAX_TEXT_BYTES)
        {
          reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, current_line (r), TRUE,
                        _("A text is longer than %d MB; a Trellis matrix never holds such texts."),
                        TRELLIS_XML_MAX_TEXT_BYTES / (1024 * 1024));
          return;
        }
      g_string_append_len (r->text, (const char *) ch, len);
      return;
    }

  for (int i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (ch[i]))
        {
          Frame *frame = &r->frames[r->depth];

          /* Translators: %s is an element name. */
          reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                        _("The element <%s> may not hold text."),
                        frame->elem == E_NONE ? "" : elements[frame->elem].name);
          return;
        }
    }
}

static void
sax_internal_subset (void          *user_data,
                     const xmlChar *name,
                     const xmlChar *external_id,
                     const xmlChar *system_id)
{
  Reader *r = user_data;

  reader_error (r, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, current_line (r), TRUE,
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

  reader_error (r, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, current_line (r), TRUE,
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

  reader_error (r, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, current_line (r), TRUE,
                _("The file refers to an external resource, which Trellis never loads."));
  return NULL;
}

static void
sax_structured_error (void       *user_data,
                      xmlErrorPtr error)
{
  Reader *r = user_data;
  g_autofree char *detail = NULL;
  guint line;

  if (error == NULL || error->level == XML_ERR_WARNING || reader_stopped (r))
    return;

  line = error->line > 0 ? (guint) error->line : current_line (r);
  detail = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));

  /* Whatever libxml2 calls it, a problem at the very end of a file that
   * is still inside an element means the file was cut off. */
  if (r->at_end && r->seen_root && r->depth > 0 && r->ctxt != NULL && r->ctxt->input != NULL &&
      r->ctxt->input->cur >= r->ctxt->input->end)
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                    _("The file ends too early; it may have been cut off while being copied or saved. Open the backup copy if there is one."));
      return;
    }

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      if (r->n_bytes == 0)
        reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                      _("The file is empty."));
      else
        reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                      _("This is not a Trellis matrix: the file does not contain XML."));
      break;

    case XML_ERR_DOCUMENT_END:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_TAG_NOT_FINISHED:
      if (r->seen_root && r->depth > 0)
        {
          reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                        _("The file ends too early; it may have been cut off while being copied or saved. Open the backup copy if there is one."));
          break;
        }
      G_GNUC_FALLTHROUGH;

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      if (error->code == XML_ERR_UNKNOWN_ENCODING || error->code == XML_ERR_UNSUPPORTED_ENCODING)
        {
          /* Translators: %s is the encoding the file names, e.g. “EBCDIC-US”. */
          reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                        _("The file says its text is in the %s encoding, which Trellis cannot read. Save it again as UTF-8."),
                        error->str1 != NULL ? error->str1 : "?");
          break;
        }
      if (error->code != XML_ERR_DOCUMENT_END && error->code != XML_ERR_LTSLASH_REQUIRED &&
          error->code != XML_ERR_TAG_NOT_FINISHED)
        {
          const char *declared = r->declared_encoding[0] != '\0' ? r->declared_encoding : NULL;

          if (declared != NULL && g_ascii_strcasecmp (declared, "UTF-8") != 0)
            reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                          _("The file says its text is in the %s encoding, but it holds bytes that are not. Save it again as UTF-8."),
                          declared);
          else
            reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                          _("The file contains bytes that are not valid UTF-8 text; it is damaged or not a Trellis matrix."));
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      /* Translators: %s is libxml2's own description of the problem, in English. */
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                    _("The file is not well-formed XML (%s)."), detail);
      break;
    }
}

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

/* Finds how much of @data is safe to parse: every start tag beginning in
 * it has been measured. A tag is measured when the next '<' (or the end
 * of the file) is in view; the bytes from the last '<' on wait for more. */
static gboolean
guard_check (Reader     *r,
             const char *data,
             gsize       len,
             gboolean    at_end,
             gsize      *safe)
{
  gsize pos = 0;
  gsize last_lt = G_MAXSIZE;

  while (pos < len)
    {
      /* After the first tag, pos is where the last search found a '<'. */
      const char *lt = data[pos] == '<' ? data + pos : memchr (data + pos, '<', len - pos);
      const char *next;
      gsize t;
      gsize span;
      ScanResult result;

      if (lt == NULL)
        break;

      t = lt - data;
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
      else if (span > TRELLIS_XML_SHORT_TAG_BYTES || next == NULL)
        {
          result = scan_tag (data + t, span);
          if (result == SCAN_TOO_MANY_ATTRIBUTES || result == SCAN_TOO_LONG)
            {
              xmlParserInputPtr input = r->ctxt != NULL ? r->ctxt->input : NULL;
              guint line = current_line (r) + count_lines (data, t);

              /* libxml2 counts lines up to where it stopped, which may be
               * before the end of what it was given. */
              if (input != NULL && input->cur != NULL && input->end > input->cur)
                line += count_lines ((const char *) input->cur, input->end - input->cur);

              if (result == SCAN_TOO_MANY_ATTRIBUTES)
                reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, line, TRUE,
                              _("An element has more than %d attributes; a Trellis matrix never has."),
                              TRELLIS_XML_MAX_ATTRIBUTES);
              else
                reader_error (r, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, line, TRUE,
                              _("An element is longer than %d MB; a Trellis matrix never has such elements."),
                              TRELLIS_XML_MAX_TAG_BYTES / (1024 * 1024));
              return FALSE;
            }

          if (result == SCAN_INCOMPLETE && next == NULL && !at_end)
            {
              last_lt = t;
              break;
            }
        }

      pos = next != NULL ? (gsize) (next - data) : len;
    }

  *safe = last_lt == G_MAXSIZE ? len : last_lt;
  return TRUE;
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
    /* Translators: %s is an encoding named in the file, e.g. “Shift_JIS”. */
    reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, current_line (r), TRUE,
                  _("The file says its text is in the %s encoding, but it holds bytes that are not. Save it again as UTF-8."),
                  encoding);
  else
    reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, current_line (r), TRUE,
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
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, TRUE, _("The file is empty."));
      return FALSE;
    }

  if (!guard_check (r, data, len, at_end, &safe))
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
  r->last_section = -1;

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
    r->names[i] = elements[i].name[0] != '\0' ? NAME (elements[i].name) : NULL;

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
  r->a_version = NAME ("version");
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
          /* Translators: e.g. “The attribute ‘roles’ refers to ‘ro-x’, which the file does not define.” */
          reader_error (r, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE, ref->line, FALSE,
                        e == NULL
                        ? _("The attribute ‘%s’ refers to ‘%s’, which the file does not define.")
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
    reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, current_line (r), TRUE, _("The file is empty."));

  /* Should libxml2 ever halt without a word, what was read is not the
   * whole matrix. */
  if (!r->stopped && r->first_error == NULL && r->depth > 0)
    reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, current_line (r), TRUE,
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
  g_clear_pointer (&r->scale, g_ptr_array_unref);
  g_clear_pointer (&r->behaviours, g_strv_builder_unref);
  g_clear_pointer (&r->level_texts, g_ptr_array_unref);
  g_clear_pointer (&r->requirements, g_array_unref);
  g_clear_pointer (&r->assigns, g_array_unref);
  g_clear_pointer (&r->targets, g_array_unref);
  g_clear_pointer (&r->measurements, g_array_unref);
  g_clear_pointer (&r->reviews, g_ptr_array_unref);
  g_clear_pointer (&r->review, review_free);
  g_free (r->note);
  g_free (r->evidence);
  g_free (r->pending);

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
refuse_compressed (Reader     *r,
                   const char *data,
                   gsize       len)
{
  if (len >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, TRUE,
                    _("The file is compressed (gzip). Trellis matrices are plain XML; decompress it first if you trust it."));
      return TRUE;
    }

  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, TRUE,
                    _("The file is a ZIP archive, not a Trellis matrix."));
      return TRUE;
    }

  return FALSE;
}

static gboolean
reader_begin (Reader     *r,
              const char *first,
              gsize       len)
{
  xmlSAXHandler sax;

  if (refuse_compressed (r, first, len))
    return FALSE;

  note_declared_encoding (r, first, len);

  sax_setup (&sax);
  r->ctxt = xmlCreatePushParserCtxt (&sax, r, NULL, 0, r->display_name);
  if (r->ctxt == NULL)
    {
      reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, 0, TRUE, _("Out of memory while reading the file."));
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
      TrellisDocument *doc = reader_finish (&r, NULL);

      g_clear_object (&doc);
      g_propagate_error (error, io_error);
      return NULL;
    }

  return reader_finish (&r, error);
}
