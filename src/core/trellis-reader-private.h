/* trellis-reader-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/parser.h>
#include <string.h>

#include "trellis-document-private.h"
#include "trellis-xml-private.h"

G_BEGIN_DECLS

/* The streaming reader, shared by its files (and by nothing else):
 *
 * - trellis-reader.c: the SAX2 callbacks, which find each element in
 *   the table and call its handlers; errors; feeding libxml2
 * - trellis-reader-elements.c: the table of elements and their handlers
 * - trellis-reader-attributes.c: reading and checking attribute values
 * - trellis-reader-capture.c: keeping elements of newer versions
 * - trellis-reader-guard.c: the pre-scan that bounds what libxml2 sees
 * - trellis-reader-decisions.c: the decisions of workshop votes
 * - trellis-reader-translations.c: the translations of the texts
 *
 * The short type names below are the reader's own. */

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
  E_SELF_ASSESSMENT,
  E_ROLE_DECISION,
  E_RESPONSIBILITY_DECISION,
  E_TRANSLATION,
  E_UNKNOWN,
  N_ELEMS
} Elem;

/* An attribute as libxml2's SAX2 callbacks hand them over, five
 * pointers each, so that they are read in place, never copied. */
typedef struct
{
  const xmlChar *name;   /* from the parser's dictionary */
  const xmlChar *prefix;
  const xmlChar *uri;
  const xmlChar *value;  /* not NUL-terminated: ends at end */
  const xmlChar *end;
} Attr;

G_STATIC_ASSERT (sizeof (Attr) == 5 * sizeof (const xmlChar *));

static inline const char *
attr_value (const Attr *a)
{
  return (const char *) a->value;
}

static inline gsize
attr_len (const Attr *a)
{
  return (gsize) (a->end - a->value);
}

typedef struct
{
  Elem           elem;
  TrellisEntity *entity;  /* borrowed from the reader's list of built entities */
  guint          line;
  gint           level;
  gint           last_child;  /* where the last child read is in the element's list, or -1 */
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

/* A date as the file writes it, in two words, and what it means. */
typedef struct
{
  guint64      head;     /* “YYYY-MM-” */
  guint16      tail;     /* “DD” */
  TrellisDate  date;     /* 0 for an empty entry */
} DateCache;

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
                    *a_about, *a_version, *a_matrix, *a_round, *a_stage, *a_at,
                    *a_added, *a_handed_in, *a_votes, *a_field;

  Frame              frames[TRELLIS_XML_MAX_DEPTH + 2];
  guint              depth;
  char               declared_encoding[48];  /* from the XML declaration, for messages */
  gboolean           stopped;
  gboolean           halt_pending;  /* libxml2 is to be stopped, see reader_error() */
  gboolean           at_end;        /* the last bytes were handed to libxml2 */
  gboolean           seen_root;
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
  GPtrArray         *decisions;
  const char        *translation_language;  /* interned; NULL when the translation is left out */
  guint              translation_part;
  gint               translation_index;
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

  /* The dates read, a few of each: a person's assessments share them. */
  DateCache          date_cache[16];

  const xmlChar     *ns_uri;        /* the parser's copy of our namespace */

  guint32            level_mask;    /* bit per level of the scale, 0 to 31 */
  gboolean           level_mask_valid;
} Reader;

/* The elements, as gnumeric's xml-sax-read.c has its node table: each
 * with the children it may have, in the order the schema gives and each
 * once unless MANY, and the handlers that read it. Children are found by
 * comparing the parser's interned names (Reader.names), never strings. */

#define MANY TRUE

typedef struct
{
  Elem         elem;
  gboolean     many;      /* may come more than once in a row */
} Child;

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
  Child        children[12];
  TrellisKind  section;   /* the kind of entity a section holds, else _ORGANISATION */
  TrellisKind  entity;    /* the kind of entity the element is, else _ORGANISATION */
  StartFunc    start;     /* reads the attributes; none are allowed without */
  TextFunc     text;      /* for elements that hold text only: takes it */
  EndFunc      end;
} ElemInfo;

extern const ElemInfo trellis_reader_elements[N_ELEMS];

#define KIND_BIT(k) (1u << (k))

/* Errors and notices, into the report and the GError */
void         trellis_reader_error              (Reader        *r,
                                                gint           code,
                                                guint          line,
                                                gboolean       fatal,
                                                const char    *format,
                                                ...) G_GNUC_PRINTF (5, 6);
void         trellis_reader_notice             (Reader        *r,
                                                guint          line,
                                                const char    *message);

/* The line libxml2 is reading. */
static inline guint
current_line (Reader *r)
{
  if (r->ctxt == NULL || r->ctxt->input == NULL)
    return 0;

  return (guint) r->ctxt->input->line;
}

static inline gboolean
attr_is (const Attr *a,
         const char *str)
{
  gsize n = strlen (str);

  return attr_len (a) == n && memcmp (a->value, str, n) == 0;
}

/* Attributes (trellis-reader-attributes.c) */
char        *trellis_reader_attr_dup           (const Attr    *a);
gboolean     trellis_reader_valid_id           (const char    *s,
                                                gsize          len);
gboolean     trellis_reader_parse_int          (const Attr    *a,
                                                gint           min,
                                                gint           max,
                                                gint          *out);
gboolean     trellis_reader_parse_double       (const Attr    *a,
                                                double        *out);
gboolean     trellis_reader_parse_date         (Reader        *r,
                                                const Attr    *a,
                                                TrellisDate   *out);
const char  *trellis_reader_intern_attr        (const Attr    *a);
void         trellis_reader_bad_attribute      (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a);
void         trellis_reader_missing_attribute  (Reader        *r,
                                                Elem           elem,
                                                const char    *name);
void         trellis_reader_unknown_attribute  (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a);
void         trellis_reader_bad_date           (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a);
gboolean     trellis_reader_check_level        (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a,
                                                gint          *out);
const char  *trellis_reader_read_ref           (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a,
                                                guint          kinds);
char       **trellis_reader_read_ref_list      (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a,
                                                guint          kinds);
void         trellis_reader_store_string       (Reader        *r,
                                                TrellisEntity *entity,
                                                TrellisField   field,
                                                const Attr    *a);
void         trellis_reader_store_strv         (Reader        *r,
                                                TrellisEntity *entity,
                                                TrellisField   field,
                                                char         **value);
void         trellis_reader_store_ref          (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a,
                                                guint          kinds,
                                                TrellisEntity *entity,
                                                TrellisField   field);
void         trellis_reader_store_date         (Reader        *r,
                                                Elem           elem,
                                                const Attr    *a,
                                                TrellisEntity *entity,
                                                TrellisField   field);

/* The fast paths of what every assessment reads: a one-digit level on
 * a scale already read, a date read before, an id equal to another. */
static inline gboolean
read_level (Reader     *r,
            Elem        elem,
            const Attr *a,
            gint       *out)
{
  guint digit = a->value[0] - (guint) '0';

  if (G_LIKELY (attr_len (a) == 1 && digit <= 9 && r->level_mask_valid &&
                (r->level_mask & (1u << digit)) != 0))
    {
      *out = (gint) digit;
      return TRUE;
    }

  return trellis_reader_check_level (r, elem, a, out);
}

/* Where a date (the two words of its text) is kept in r->date_cache:
 * from the digits of its year, month and day (head >> 24 starts at the
 * year's last digit), mixed. */
static inline guint
date_cache_slot (guint64 head,
                 guint16 tail)
{
  guint32 mixed = (guint32) (head >> 24) ^ (guint32) tail;

  return (mixed * 0x9E3779B1u) >> 28;
}

static inline gboolean
read_date (Reader      *r,
           const Attr  *a,
           TrellisDate *out)
{
  if (G_LIKELY (attr_len (a) == 10))
    {
      const DateCache *entry;
      guint64 head;
      guint16 tail;

      memcpy (&head, a->value, sizeof head);
      memcpy (&tail, a->value + 8, sizeof tail);
      entry = &r->date_cache[date_cache_slot (head, tail)];
      if (entry->head == head && entry->tail == tail && entry->date != 0)
        {
          *out = entry->date;
          return TRUE;
        }
    }

  return trellis_reader_parse_date (r, a, out);
}

static inline gboolean
same_id (const char *id,
         gsize       len,
         const Attr *a)
{
  const guchar *x = (const guchar *) id;
  const guchar *y = a->value;
  gsize i = 0;

  if (len != attr_len (a))
    return FALSE;
  if (len < 4)
    return memcmp (x, y, len) == 0;
  if (len < 8)
    {
      guint32 p, q, u, v;

      /* The first four bytes and the last four, overlapping. */
      memcpy (&p, x, 4);
      memcpy (&q, y, 4);
      memcpy (&u, x + len - 4, 4);
      memcpy (&v, y + len - 4, 4);
      return p == q && u == v;
    }

  /* Eight bytes at a time, the last eight overlapping. */
  for (; i + 8 <= len; i += 8)
    {
      guint64 p, q;

      memcpy (&p, x + i, 8);
      memcpy (&q, y + i, 8);
      if (p != q)
        return FALSE;
    }
  if (i < len)
    {
      guint64 p, q;

      memcpy (&p, x + len - 8, 8);
      memcpy (&q, y + len - 8, 8);
      return p == q;
    }

  return TRUE;
}

/* Elements (trellis-reader-elements.c) */
void         trellis_reader_clear_collected    (Reader        *r);

/* The root and a personal file's progress (trellis-reader-root.c) */
gboolean     trellis_reader_is_root            (Reader        *r,
                                                const xmlChar *localname,
                                                const xmlChar *uri);
void         trellis_reader_start_root         (Reader        *r,
                                                Frame         *frame,
                                                const Attr    *attrs,
                                                guint          n_attrs);
void         trellis_reader_start_self_assessment (Reader     *r,
                                                   Frame      *frame,
                                                   const Attr *attrs,
                                                   guint       n_attrs);

/* Decisions (trellis-reader-decisions.c) */
void         trellis_reader_start_decision     (Reader        *r,
                                                Frame         *frame,
                                                const Attr    *attrs,
                                                guint          n_attrs);
void         trellis_reader_text_decision      (Reader        *r,
                                                Frame         *frame,
                                                Frame         *parent,
                                                char         **text);

/* Translations (trellis-reader-translations.c) */
void         trellis_reader_start_translation  (Reader        *r,
                                                Frame         *frame,
                                                const Attr    *attrs,
                                                guint          n_attrs);
void         trellis_reader_text_translation   (Reader        *r,
                                                Frame         *frame,
                                                Frame         *parent,
                                                char         **text);

/* Kept elements (trellis-reader-capture.c) */
gboolean     trellis_reader_capture_has_place  (const Frame   *parent);
void         trellis_reader_capture_start      (Reader        *r,
                                                const xmlChar *localname,
                                                const xmlChar *uri,
                                                const Attr    *attrs,
                                                guint          n_attrs);
void         trellis_reader_capture_text       (Reader        *r,
                                                const char    *text,
                                                gsize          len);
void         trellis_reader_capture_end        (Reader        *r,
                                                Frame         *frame,
                                                const xmlChar *localname);

/* libxml2's errors in the reader's words (trellis-reader-xml-errors.c) */
typedef enum
{
  TRELLIS_XML_PROBLEM_GENERIC,
  TRELLIS_XML_PROBLEM_MEMORY,
  TRELLIS_XML_PROBLEM_ENCODING,
  TRELLIS_XML_PROBLEM_UNKNOWN_ENCODING,
  TRELLIS_XML_PROBLEM_BEFORE_ROOT,
  TRELLIS_XML_PROBLEM_AFTER_ROOT,
  TRELLIS_XML_PROBLEM_CHAR_REF,
  TRELLIS_XML_PROBLEM_CONTROL_CHAR,
  TRELLIS_XML_PROBLEM_AMPERSAND,
  TRELLIS_XML_PROBLEM_ENTITY,
  TRELLIS_XML_PROBLEM_LESS_THAN,
  TRELLIS_XML_PROBLEM_DECLARATION,
  TRELLIS_XML_PROBLEM_NAME,
  TRELLIS_XML_PROBLEM_LESS_THAN_IN_ATTRIBUTE,
  TRELLIS_XML_PROBLEM_ATTRIBUTE,
  TRELLIS_XML_PROBLEM_ATTRIBUTE_TWICE,
  TRELLIS_XML_PROBLEM_SPACE,
  TRELLIS_XML_PROBLEM_TAG_NOT_CLOSED,
  TRELLIS_XML_PROBLEM_END_TAG,
  TRELLIS_XML_PROBLEM_COMMENT_OPEN,
  TRELLIS_XML_PROBLEM_COMMENT_HYPHENS,
  TRELLIS_XML_PROBLEM_PROCESSING_INSTRUCTION,
  TRELLIS_XML_PROBLEM_XML_DECLARATION_PLACE,
  TRELLIS_XML_PROBLEM_XML_DECLARATION,
  TRELLIS_XML_PROBLEM_CDATA_END,
  TRELLIS_XML_PROBLEM_CDATA_OPEN,
  TRELLIS_XML_PROBLEM_NAMESPACE,
  TRELLIS_XML_PROBLEM_TOO_LONG,
} TrellisXmlProblem;

TrellisXmlProblem
             trellis_reader_classify_xml_error (gint           code,
                                                const char    *str1,
                                                gint           int1,
                                                const guchar  *at,
                                                gsize          n_before,
                                                gsize          n_after);
void         trellis_reader_xml_error          (Reader        *r,
                                                const xmlError *error);
void         trellis_reader_bad_encoding       (Reader        *r,
                                                guint          line,
                                                const char    *encoding);

/* The pre-scan (trellis-reader-guard.c) */
gboolean     trellis_reader_refuse_compressed  (Reader        *r,
                                                const char    *data,
                                                gsize          len);
gboolean     trellis_reader_guard_check        (Reader        *r,
                                                const char    *data,
                                                gsize          len,
                                                gboolean       at_end,
                                                gsize         *safe);

G_END_DECLS
