/* trellis-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-document-private.h"
#include "trellis-personal.h"
#include "trellis-translations.h"

/* The canonical form of a document: UTF-8, two-space indentation, a fixed
 * order of elements and attributes, empty sections left out. Writing the
 * same document twice gives the same bytes, so a load–save–load–save
 * cycle is byte-identical.
 *
 * The output goes through a 64 KiB buffer to a sink, so that saving the
 * largest documents needs no second copy of the file in memory. */

#define BUFFER_SIZE (64 * 1024)

/* Short texts of a record kept in fixed-size blocks, so that each is
 * copied whole, without a call, and the buffer advanced by its length. */
#define SHORT_TEXT 16

typedef struct
{
  TrellisDate date;
  guint       len;
  char        text[SHORT_TEXT];
} DateText;

typedef struct
{
  TrellisDocument  *document;
  TrellisWriteFunc  func;
  gpointer          user_data;
  GError           *error;
  guint            *positions;   /* competency slot → list position */
  char            **slot_ids;    /* competency slot → id, escaped for an attribute */
  gsize            *slot_id_lens;
  char              sources[TRELLIS_N_SOURCES][SHORT_TEXT];
  guint             source_lens[TRELLIS_N_SOURCES];
  DateText          dates[4];    /* the last dates written */
  guint             next_date;
  gsize             len;
  char              buffer[BUFFER_SIZE];
} Writer;

static gboolean
writer_flush (Writer *w)
{
  if (w->error != NULL)
    return FALSE;

  if (w->len > 0 && !w->func (w->buffer, w->len, w->user_data, &w->error))
    return FALSE;

  w->len = 0;
  return TRUE;
}

static inline void
put_len (Writer     *w,
         const char *s,
         gsize       n)
{
  while (n > 0)
    {
      gsize room = BUFFER_SIZE - w->len;
      gsize chunk = MIN (room, n);

      memcpy (w->buffer + w->len, s, chunk);
      w->len += chunk;
      s += chunk;
      n -= chunk;

      if (w->len == BUFFER_SIZE && !writer_flush (w))
        return;
    }
}

static inline void
put (Writer     *w,
     const char *s)
{
  put_len (w, s, strlen (s));
}

static inline void
put_c (Writer *w,
       char    c)
{
  if (w->len == BUFFER_SIZE && !writer_flush (w))
    return;
  w->buffer[w->len++] = c;
}

/* Deeper levels are indented no further. */
#define MAX_INDENT 32

static void
indent (Writer *w,
        guint   depth)
{
  static const char spaces[MAX_INDENT + 1] = "                                ";

  put_c (w, '\n');
  put_len (w, spaces, MIN (depth * 2, MAX_INDENT));
}

/* Escapes text for XML. Characters XML 1.0 does not allow are dropped
 * and bytes that are not UTF-8 replaced by U+FFFD, so that whatever the
 * document holds, the file can be read back; in attributes, tabs and line
 * breaks become character references so that attribute normalisation
 * does not change them on reading. */
static void
put_escaped (Writer     *w,
             const char *s,
             gboolean    attribute)
{
  const char *start = s;

  if (s == NULL)
    return;

  for (; *s != '\0'; s++)
    {
      const char *repl = NULL;
      guchar c = (guchar) *s;

      switch (c)
        {
        case '&': repl = "&amp;"; break;
        case '<': repl = "&lt;"; break;
        case '>': repl = "&gt;"; break;
        case '"': repl = attribute ? "&quot;" : NULL; break;
        case '\t': repl = attribute ? "&#9;" : NULL; break;
        case '\n': repl = attribute ? "&#10;" : NULL; break;
        case '\r': repl = "&#13;"; break;
        default:
          if (c < 0x20)
            repl = "";
          else if (c >= 0x80)
            {
              gunichar ch = g_utf8_get_char_validated (s, -1);

              /* Bytes that are not UTF-8 would make the whole file
               * unreadable: write U+FFFD for each. U+FFFE and U+FFFF
               * are not characters either: leave them out. */
              if (ch == (gunichar) -1 || ch == (gunichar) -2)
                repl = "\xef\xbf\xbd";
              else if (ch == 0xFFFE || ch == 0xFFFF)
                {
                  put_len (w, start, s - start);
                  s += 2;
                  start = s + 1;
                }
              else
                s += g_utf8_skip[c] - 1;
            }
          break;
        }

      if (repl != NULL)
        {
          put_len (w, start, s - start);
          put (w, repl);
          start = s + 1;
        }
    }

  put_len (w, start, s - start);
}

static gboolean
append_to_string (const char  *data,
                  gsize        len,
                  gpointer     user_data,
                  GError     **error)
{
  g_string_append_len (user_data, data, len);
  return TRUE;
}

/* A writer to @func; only its buffer is left uninitialised. */
static Writer *
writer_new (TrellisWriteFunc func,
            gpointer         user_data)
{
  Writer *w = g_malloc (sizeof (Writer));

  memset (w, 0, G_STRUCT_OFFSET (Writer, buffer));
  w->func = func;
  w->user_data = user_data;

  return w;
}

/* What put_escaped() writes for @s, as a string of its own. Ids are
 * nearly always plain ASCII that needs no escaping: copied as they are. */
static char *
escape_dup (const char *s,
            gboolean    attribute,
            gsize      *len)
{
  g_autofree Writer *scratch = NULL;
  GString *out;
  const char *p;

  for (p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"')
        break;
    }

  if (*p == '\0')
    {
      *len = p - s;
      return g_strndup (s, *len);
    }

  out = g_string_new (NULL);
  scratch = writer_new (append_to_string, out);
  put_escaped (scratch, s, attribute);
  writer_flush (scratch);

  *len = out->len;
  return g_string_free (out, FALSE);
}

static void
put_attr (Writer     *w,
          const char *name,
          const char *value)
{
  if (value == NULL)
    return;

  put_c (w, ' ');
  put (w, name);
  put_len (w, "=\"", 2);
  put_escaped (w, value, TRUE);
  put_c (w, '"');
}

static void
put_attr_nonempty (Writer     *w,
                   const char *name,
                   const char *value)
{
  if (value != NULL && value[0] != '\0')
    put_attr (w, name, value);
}

static void
put_attr_int (Writer     *w,
              const char *name,
              gint        value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", value);
  put_attr (w, name, buf);
}

static void
put_attr_double (Writer     *w,
                 const char *name,
                 double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    return;

  /* The shortest form that reads back as the same number. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);

  put_attr (w, name, buf);
}

static void
put_attr_date (Writer      *w,
               const char  *name,
               TrellisDate  date)
{
  char buf[11];

  if (date == 0)
    return;

  put_attr (w, name, trellis_date_format (date, buf));
}

static void
put_attr_ids (Writer      *w,
              const char  *name,
              const char **ids)
{
  if (ids == NULL || ids[0] == NULL)
    return;

  put_c (w, ' ');
  put (w, name);
  put_len (w, "=\"", 2);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (i > 0)
        put_c (w, ' ');
      put_escaped (w, ids[i], TRUE);
    }
  put_c (w, '"');
}

static void
put_text_element (Writer     *w,
                  guint       depth,
                  const char *name,
                  const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  indent (w, depth);
  put_c (w, '<');
  put (w, name);
  put_c (w, '>');
  put_escaped (w, text, FALSE);
  put_len (w, "</", 2);
  put (w, name);
  put_c (w, '>');
}

static void
open_tag (Writer     *w,
          guint       depth,
          const char *name)
{
  indent (w, depth);
  put_c (w, '<');
  put (w, name);
}

static void
close_tag (Writer     *w,
           guint       depth,
           const char *name)
{
  indent (w, depth);
  put_len (w, "</", 2);
  put (w, name);
  put_c (w, '>');
}

static void
put_unknown (Writer     *w,
             guint       depth,
             const char *xml)
{
  const char *p = xml;

  /* Kept elements are stored one per line. */
  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n > 0)
        {
          indent (w, depth);
          put_len (w, p, n);
        }
      p = end != NULL ? end + 1 : NULL;
    }
}

/* The translations of an entity's texts (1.2), after its other
 * children; the scale's are the organisation's. Returns whether there
 * are any. */
static gboolean
put_translations (Writer        *w,
                  guint          depth,
                  TrellisEntity *entity,
                  gboolean       dry_run)
{
  GPtrArray *translations = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_TRANSLATIONS);

  if (translations == NULL || translations->len == 0)
    return FALSE;

  for (guint i = 0; !dry_run && i < translations->len; i++)
    {
      const TrellisTranslation *t = g_ptr_array_index (translations, i);
      g_autofree char *key = NULL;

      key = trellis_text_key_format (t->part, t->index);
      open_tag (w, depth, "translation");
      put_attr (w, "xml:lang", t->language);
      put_attr (w, "field", key);
      put_c (w, '>');
      put_escaped (w, t->text, FALSE);
      put (w, "</translation>");
    }

  return TRUE;
}

/* Ends the start tag of an entity, writing its children with @children,
 * its translations and its kept unknown elements, and closes it; an
 * entity without children is written as an empty element. */
typedef gboolean (*ChildrenFunc) (Writer        *w,
                                  TrellisEntity *entity,
                                  guint          depth,
                                  gboolean       dry_run);

static void
finish_entity (Writer        *w,
               TrellisEntity *entity,
               const char    *element,
               guint          depth,
               ChildrenFunc   children)
{
  const char *unknown = trellis_entity_get_unknown_xml (entity);
  gboolean has_children = children != NULL && children (w, entity, depth + 1, TRUE);
  gboolean translated = put_translations (w, depth + 1, entity, TRUE);

  if (!has_children && !translated && (unknown == NULL || unknown[0] == '\0'))
    {
      put_len (w, "/>", 2);
      return;
    }

  put_c (w, '>');
  if (has_children)
    children (w, entity, depth + 1, FALSE);
  put_translations (w, depth + 1, entity, FALSE);
  put_unknown (w, depth + 1, unknown);
  close_tag (w, depth, element);
}

static gboolean
value_children (Writer        *w,
                TrellisEntity *e,
                guint          depth,
                gboolean       dry_run)
{
  const char *description = trellis_entity_get_string (e, TRELLIS_FIELD_DESCRIPTION);
  const char **behaviours = trellis_entity_get_strv (e, TRELLIS_FIELD_BEHAVIOURS);

  if (dry_run)
    return (description != NULL && description[0] != '\0') ||
           (behaviours != NULL && behaviours[0] != NULL);

  put_text_element (w, depth, "description", description);
  for (guint i = 0; behaviours != NULL && behaviours[i] != NULL; i++)
    put_text_element (w, depth, "behaviour", behaviours[i]);

  return TRUE;
}

static gboolean
description_children (Writer        *w,
                      TrellisEntity *e,
                      guint          depth,
                      gboolean       dry_run)
{
  const char *description = trellis_entity_get_string (e, TRELLIS_FIELD_DESCRIPTION);

  if (dry_run)
    return description != NULL && description[0] != '\0';

  put_text_element (w, depth, "description", description);
  return TRUE;
}

static gboolean
competency_children (Writer        *w,
                     TrellisEntity *e,
                     guint          depth,
                     gboolean       dry_run)
{
  GPtrArray *levels = trellis_entity_get_ptr_array (e, TRELLIS_FIELD_LEVELS);

  if (dry_run)
    return description_children (w, e, depth, TRUE) || (levels != NULL && levels->len > 0);

  description_children (w, e, depth, FALSE);
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    {
      const TrellisLevelText *t = g_ptr_array_index (levels, i);

      open_tag (w, depth, "level");
      put_attr_int (w, "value", t->level);
      put_c (w, '>');
      put_escaped (w, t->text, FALSE);
      put (w, "</level>");
    }

  return TRUE;
}

static void
put_requirements (Writer     *w,
                  guint       depth,
                  const char *element,
                  GArray     *requirements)
{
  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    {
      const TrellisRequirement *r = &g_array_index (requirements, TrellisRequirement, i);

      open_tag (w, depth, element);
      put_attr (w, "competency", r->competency);
      put_attr_int (w, "level", r->level);
      put_len (w, "/>", 2);
    }
}

/* What a workshop agreed on: about a competency (a role's) or a role (a
 * responsibility's), with the rationale as text. */
static void
put_decisions (Writer     *w,
               guint       depth,
               gboolean    delegation,
               GPtrArray  *decisions)
{
  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    {
      const TrellisDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char *votes = trellis_votes_to_string (d->votes);

      open_tag (w, depth, "decision");
      if (delegation)
        {
          put_attr (w, "role", d->about);
          put_attr (w, "authority", trellis_authority_to_string (d->level));
        }
      else
        {
          put_attr (w, "competency", d->about);
          put_attr_int (w, "level", d->level);
        }
      put_attr_date (w, "date", d->date);
      put_attr (w, "votes", votes);
      if (d->rationale == NULL || d->rationale[0] == '\0')
        {
          put_len (w, "/>", 2);
          continue;
        }
      put_c (w, '>');
      put_escaped (w, d->rationale, FALSE);
      put (w, "</decision>");
    }
}

static gboolean
has_decisions (TrellisEntity *e)
{
  GPtrArray *decisions = trellis_entity_get_ptr_array (e, TRELLIS_FIELD_DECISIONS);

  return decisions != NULL && decisions->len > 0;
}

static gboolean
responsibility_children (Writer        *w,
                         TrellisEntity *e,
                         guint          depth,
                         gboolean       dry_run)
{
  GArray *needs = trellis_entity_get_array (e, TRELLIS_FIELD_NEEDS);
  GArray *assigns = trellis_entity_get_array (e, TRELLIS_FIELD_ASSIGNS);

  if (dry_run)
    return description_children (w, e, depth, TRUE) ||
           (needs != NULL && needs->len > 0) ||
           (assigns != NULL && assigns->len > 0) ||
           has_decisions (e);

  description_children (w, e, depth, FALSE);
  put_requirements (w, depth, "needs", needs);

  for (guint i = 0; assigns != NULL && i < assigns->len; i++)
    {
      const TrellisAssignment *a = &g_array_index (assigns, TrellisAssignment, i);
      char raci[5];

      open_tag (w, depth, "assign");
      put_attr (w, "role", a->role);
      put_attr_nonempty (w, "raci", trellis_raci_to_string (a->raci, raci));
      if (a->authority != TRELLIS_AUTHORITY_NONE)
        put_attr (w, "authority", trellis_authority_to_string (a->authority));
      put_len (w, "/>", 2);
    }

  put_decisions (w, depth, TRUE, trellis_entity_get_ptr_array (e, TRELLIS_FIELD_DECISIONS));

  return TRUE;
}

static gboolean
role_children (Writer        *w,
               TrellisEntity *e,
               guint          depth,
               gboolean       dry_run)
{
  GArray *requires = trellis_entity_get_array (e, TRELLIS_FIELD_REQUIRES);
  GArray *targets = trellis_entity_get_array (e, TRELLIS_FIELD_TARGETS);

  if (dry_run)
    return description_children (w, e, depth, TRUE) ||
           (requires != NULL && requires->len > 0) ||
           (targets != NULL && targets->len > 0) ||
           has_decisions (e);

  description_children (w, e, depth, FALSE);
  put_requirements (w, depth, "requires", requires);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const TrellisTarget *t = &g_array_index (targets, TrellisTarget, i);

      open_tag (w, depth, "target");
      put_attr (w, "competency", t->competency);
      put_attr_int (w, "level", t->level);
      put_attr_int (w, "people", (gint) t->people);
      put_len (w, "/>", 2);
    }

  put_decisions (w, depth, FALSE, trellis_entity_get_ptr_array (e, TRELLIS_FIELD_DECISIONS));

  return TRUE;
}

/* Position of each competency slot in the competency list. */
static guint *
slot_positions (TrellisDocument *doc)
{
  guint n = trellis_document_get_n_items (doc, TRELLIS_KIND_COMPETENCY);
  guint *positions = g_new (guint, MAX (doc->slots->len, 1));

  for (guint i = 0; i < doc->slots->len; i++)
    positions[i] = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      TrellisCompetency *c = TRELLIS_COMPETENCY (trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, i));

      positions[trellis_competency_get_slot (c)] = i;
    }

  return positions;
}

typedef struct
{
  const TrellisRecord *record;
  guint                position;
} OrderedRecord;

static gint
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  const OrderedRecord *oa = a;
  const OrderedRecord *ob = b;

  if (oa->position != ob->position)
    return oa->position < ob->position ? -1 : 1;

  /* The same position is the same competency: the records' own order. */
  return trellis_record_compare (oa->record, ob->record);
}

/* The text of a date, from the last few written: a person's assessments
 * share a few dates. A date that is not set is the empty text, as the
 * zeroed entries of the cache already say. */
static const DateText *
date_text (Writer      *w,
           TrellisDate  date)
{
  DateText *slot;
  char buf[11];

  for (guint i = 0; i < G_N_ELEMENTS (w->dates); i++)
    {
      if (w->dates[i].date == date)
        return &w->dates[i];
    }

  trellis_date_format (date, buf);
  slot = &w->dates[w->next_date];
  w->next_date = (w->next_date + 1) % G_N_ELEMENTS (w->dates);
  slot->date = date;
  slot->len = strlen (buf);
  memcpy (slot->text, buf, slot->len);

  return slot;
}

/* Writes @value in decimal at @p; returns the end. */
static inline char *
format_level (char *p,
              gint  value)
{
  char digits[12];
  guint n = 0;
  guint v;

  /* Nearly every level is one digit. */
  if (value >= 0 && value <= 9)
    {
      *p++ = (char) ('0' + value);
      return p;
    }

  if (value < 0)
    *p++ = '-';
  v = value < 0 ? -(guint) value : (guint) value;
  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  while (n > 0)
    *p++ = digits[--n];

  return p;
}

/* The most an assessment's start tag takes beside its competency id: a
 * line break, the deepest indentation, the attribute names and quotes,
 * the longest level, and the blocks of SHORT_TEXT bytes its source and
 * date are copied in (122 bytes at most). */
#define RECORD_MAX_FIXED 128

/* One assessment: the hot loop of saving large matrices. Its start tag
 * is formatted in one piece straight into the buffer, or into a block of
 * its own when the competency id is too long for the buffer. */
static void
put_record (Writer              *w,
            guint                depth,
            const TrellisRecord *r)
{
  const DateText *date = date_text (w, r->date);
  gsize id_len = w->slot_id_lens[r->slot];
  gsize indent_len = MIN (depth * 2, MAX_INDENT);
  gsize need = RECORD_MAX_FIXED + id_len;
  g_autofree char *block = NULL;
  const TrellisText *text;
  char *p;

  g_assert (r->source < TRELLIS_N_SOURCES);

  if (BUFFER_SIZE - w->len < need && !writer_flush (w))
    return;
  if (need <= BUFFER_SIZE - w->len)
    p = w->buffer + w->len;
  else
    p = block = g_malloc (need);

  *p++ = '\n';
  memset (p, ' ', indent_len);
  p += indent_len;
  memcpy (p, "<assessment competency=\"", 24);
  p += 24;
  memcpy (p, w->slot_ids[r->slot], id_len);
  p += id_len;
  memcpy (p, "\" level=\"", 9);
  p += 9;
  p = format_level (p, r->level);
  *p++ = '"';
  if (r->want)
    {
      memcpy (p, " want=\"grow\"", 12);
      p += 12;
    }
  memcpy (p, " source=\"", 9);
  p += 9;
  memcpy (p, w->sources[r->source], SHORT_TEXT);
  p += w->source_lens[r->source];
  memcpy (p, "\" date=\"", 8);
  p += 8;
  memcpy (p, date->text, SHORT_TEXT);
  p += date->len;
  *p++ = '"';

  text = trellis_document_get_text (w->document, r->text);
  if (text == NULL)
    *p++ = '/';
  *p++ = '>';

  if (block != NULL)
    put_len (w, block, p - block);
  else
    w->len = p - w->buffer;

  if (text == NULL)
    return;

  put_text_element (w, depth + 1, "note", text->note);
  put_text_element (w, depth + 1, "evidence", text->evidence);
  close_tag (w, depth, "assessment");
}

static gboolean
person_children (Writer        *w,
                 TrellisEntity *e,
                 guint          depth,
                 gboolean       dry_run)
{
  const guint *positions = w->positions;
  GArray *records = trellis_person_get_records (TRELLIS_PERSON (e));
  gboolean ordered = TRUE;
  guint last = 0;
  guint n_live = 0;

  if (dry_run)
    {
      for (guint i = 0; i < records->len; i++)
        {
          if (trellis_document_get_competency_by_slot (w->document,
                                                       g_array_index (records, TrellisRecord, i).slot) != NULL)
            return TRUE;
        }
      return FALSE;
    }

  /* Records are kept in slot order; write them in the order of the
   * competency list, which is the same unless competencies were moved. */
  for (guint i = 0; i < records->len; i++)
    {
      guint pos = positions[g_array_index (records, TrellisRecord, i).slot];

      if (pos == G_MAXUINT)
        continue;
      if (n_live++ > 0 && pos < last)
        ordered = FALSE;
      last = pos;
    }

  if (ordered)
    {
      for (guint i = 0; i < records->len; i++)
        {
          const TrellisRecord *r = &g_array_index (records, TrellisRecord, i);

          if (positions[r->slot] != G_MAXUINT)
            put_record (w, depth, r);
        }
    }
  else
    {
      g_autofree OrderedRecord *sorted = g_new (OrderedRecord, n_live);
      guint k = 0;

      for (guint i = 0; i < records->len; i++)
        {
          const TrellisRecord *r = &g_array_index (records, TrellisRecord, i);

          if (positions[r->slot] != G_MAXUINT)
            sorted[k++] = (OrderedRecord) { r, positions[r->slot] };
        }

      qsort (sorted, n_live, sizeof (OrderedRecord), compare_ordered);
      for (guint i = 0; i < n_live; i++)
        put_record (w, depth, sorted[i].record);
    }

  return TRUE;
}

static gboolean
indicator_children (Writer        *w,
                    TrellisEntity *e,
                    guint          depth,
                    gboolean       dry_run)
{
  GArray *measurements = trellis_entity_get_array (e, TRELLIS_FIELD_MEASUREMENTS);
  GPtrArray *reviews = trellis_entity_get_ptr_array (e, TRELLIS_FIELD_REVIEWS);

  if (dry_run)
    return description_children (w, e, depth, TRUE) ||
           (measurements != NULL && measurements->len > 0) ||
           (reviews != NULL && reviews->len > 0);

  description_children (w, e, depth, FALSE);

  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      const TrellisMeasurement *m = &g_array_index (measurements, TrellisMeasurement, i);

      open_tag (w, depth, "measurement");
      put_attr_date (w, "date", m->date);
      put_attr_double (w, "value", m->value);
      put_len (w, "/>", 2);
    }

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const TrellisReview *r = g_ptr_array_index (reviews, i);

      open_tag (w, depth, "review");
      put_attr_date (w, "date", r->date);
      if ((r->plan == NULL || !*r->plan) && (r->do_ == NULL || !*r->do_) &&
          (r->check == NULL || !*r->check) && (r->act == NULL || !*r->act))
        {
          put_len (w, "/>", 2);
          continue;
        }
      put_c (w, '>');
      put_text_element (w, depth + 1, "plan", r->plan);
      put_text_element (w, depth + 1, "do", r->do_);
      put_text_element (w, depth + 1, "check", r->check);
      put_text_element (w, depth + 1, "act", r->act);
      close_tag (w, depth, "review");
    }

  return TRUE;
}

static gboolean
action_children (Writer        *w,
                 TrellisEntity *e,
                 guint          depth,
                 gboolean       dry_run)
{
  const char *note = trellis_entity_get_string (e, TRELLIS_FIELD_NOTE);

  if (dry_run)
    return note != NULL && note[0] != '\0';

  put_text_element (w, depth, "note", note);
  return TRUE;
}

static gboolean
feedback_children (Writer        *w,
                   TrellisEntity *e,
                   guint          depth,
                   gboolean       dry_run)
{
  const char *text = trellis_entity_get_string (e, TRELLIS_FIELD_TEXT);
  const char *response = trellis_entity_get_string (e, TRELLIS_FIELD_RESPONSE);

  if (dry_run)
    return (text != NULL && text[0] != '\0') || (response != NULL && response[0] != '\0');

  put_text_element (w, depth, "text", text);
  put_text_element (w, depth, "response", response);
  return TRUE;
}

/* Every named element carries a name, even an empty one: the format
 * requires it, and an entity created without a name must still save. */
static void
put_name (Writer        *w,
          TrellisEntity *e)
{
  const char *name = trellis_entity_get_name (e);

  put_attr (w, "name", name != NULL ? name : "");
}

static void
write_entity (Writer        *w,
              TrellisEntity *e,
              guint          depth)
{
  TrellisKind kind = trellis_entity_get_kind (e);
  const char *element = trellis_kind_to_element (kind);
  ChildrenFunc children = NULL;

  open_tag (w, depth, element);
  put_attr (w, "id", trellis_entity_get_id (e));

  switch (kind)
    {
    case TRELLIS_KIND_VALUE:
      put_name (w, e);
      children = value_children;
      break;

    case TRELLIS_KIND_RESULT:
      put_name (w, e);
      put_attr_ids (w, "values", trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES));
      children = description_children;
      break;

    case TRELLIS_KIND_COMPETENCY:
      put_name (w, e);
      put_attr_ids (w, "values", trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES));
      children = competency_children;
      break;

    case TRELLIS_KIND_RESPONSIBILITY:
      put_name (w, e);
      put_attr (w, "result", trellis_entity_get_string (e, TRELLIS_FIELD_RESULT));
      children = responsibility_children;
      break;

    case TRELLIS_KIND_ROLE:
      put_name (w, e);
      children = role_children;
      break;

    case TRELLIS_KIND_PERSON:
      put_name (w, e);
      put_attr_ids (w, "roles", trellis_entity_get_strv (e, TRELLIS_FIELD_ROLES));
      put_attr (w, "share", trellis_share_to_string (trellis_entity_get_int (e, TRELLIS_FIELD_SHARE)));
      children = person_children;
      break;

    case TRELLIS_KIND_INDICATOR:
      put_name (w, e);
      put_attr (w, "result", trellis_entity_get_string (e, TRELLIS_FIELD_RESULT));
      put_attr (w, "kind", trellis_indicator_kind_to_string (trellis_entity_get_int (e, TRELLIS_FIELD_INDICATOR_KIND)));
      put_attr_double (w, "target", trellis_entity_get_double (e, TRELLIS_FIELD_TARGET));
      put_attr_nonempty (w, "unit", trellis_entity_get_string (e, TRELLIS_FIELD_UNIT));
      if (trellis_entity_get_int (e, TRELLIS_FIELD_RHYTHM) != TRELLIS_RHYTHM_NONE)
        put_attr (w, "review", trellis_rhythm_to_string (trellis_entity_get_int (e, TRELLIS_FIELD_RHYTHM)));
      put_attr (w, "owner", trellis_entity_get_string (e, TRELLIS_FIELD_OWNER));
      children = indicator_children;
      break;

    case TRELLIS_KIND_ACTION:
      put_attr (w, "person", trellis_entity_get_string (e, TRELLIS_FIELD_PERSON));
      put_attr (w, "competency", trellis_entity_get_string (e, TRELLIS_FIELD_COMPETENCY));
      put_attr (w, "kind", trellis_action_kind_to_string (trellis_entity_get_int (e, TRELLIS_FIELD_ACTION_KIND)));
      put_attr_date (w, "due", trellis_entity_get_uint (e, TRELLIS_FIELD_DUE));
      put_attr (w, "status", trellis_action_status_to_string (trellis_entity_get_int (e, TRELLIS_FIELD_STATUS)));
      children = action_children;
      break;

    case TRELLIS_KIND_FEEDBACK:
      put_attr (w, "person", trellis_entity_get_string (e, TRELLIS_FIELD_PERSON));
      put_attr (w, "about", trellis_entity_get_string (e, TRELLIS_FIELD_ABOUT));
      put_attr_date (w, "date", trellis_entity_get_uint (e, TRELLIS_FIELD_DATE));
      put_attr (w, "status", trellis_feedback_status_to_string (trellis_entity_get_int (e, TRELLIS_FIELD_STATUS)));
      children = feedback_children;
      break;

    case TRELLIS_KIND_ORGANISATION:
    case TRELLIS_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  finish_entity (w, e, element, depth, children);
}

static const char * const section_elements[TRELLIS_N_KINDS] = {
  NULL, "values", "results", "competencies", "responsibilities", "roles",
  "people", "indicators", "development", "feedback",
};

/* Whether a role or a responsibility of @doc keeps a decision of a
 * workshop vote. */
static gboolean
holds_decisions (TrellisDocument *doc)
{
  static const TrellisKind kinds[] = { TRELLIS_KIND_ROLE, TRELLIS_KIND_RESPONSIBILITY };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < trellis_document_get_n_items (doc, kinds[k]); i++)
      if (has_decisions (trellis_document_get_item (doc, kinds[k], i)))
        return TRUE;

  return FALSE;
}

/* The lowest minor version of the format that holds what @doc has. */
static guint
needed_minor (TrellisDocument *doc)
{
  if (trellis_document_has_translations (doc))
    return 2;

  return doc->matrix_id != NULL || doc->progress != NULL || holds_decisions (doc) ? 1 : 0;
}

/* A personal file's progress, after every section. */
static void
write_self_assessment (Writer                *w,
                       const TrellisProgress *progress)
{
  open_tag (w, 1, "self-assessment");
  put_attr (w, "person", progress->person);
  put_attr_date (w, "round", progress->round);
  if (progress->stage != TRELLIS_GUIDE_START)
    put_attr (w, "stage", trellis_guide_stage_to_string (progress->stage));
  if (progress->stage == TRELLIS_GUIDE_COMPETENCY)
    put_attr (w, "at", progress->at);
  put_attr_ids (w, "added", (const char **) progress->added);
  put_attr_date (w, "handed-in", progress->handed_in);
  put_len (w, "/>", 2);
}

static void
write_document (Writer *w)
{
  TrellisDocument *doc = w->document;
  TrellisEntity *org = TRELLIS_ENTITY (doc->organisation);
  GPtrArray *scale = trellis_document_get_scale (doc);
  char version[16];

  put (w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trellis xmlns=\"" TRELLIS_FORMAT_NAMESPACE "\"");
  g_snprintf (version, sizeof version, "%d.%u", TRELLIS_FORMAT_MAJOR, MAX (doc->format_minor, needed_minor (doc)));
  put_attr (w, "version", version);
  put_attr_nonempty (w, "xml:lang", doc->lang);
  put_attr (w, "matrix", doc->matrix_id);
  put_c (w, '>');

  open_tag (w, 1, "organisation");
  put_attr_nonempty (w, "name", trellis_entity_get_name (org));
  {
    const char *vision = trellis_entity_get_string (org, TRELLIS_FIELD_VISION);
    const char *mission = trellis_entity_get_string (org, TRELLIS_FIELD_MISSION);
    const char *unknown = trellis_entity_get_unknown_xml (org);

    if ((vision == NULL || !*vision) && (mission == NULL || !*mission) && unknown == NULL &&
        !put_translations (w, 2, org, TRUE))
      put_len (w, "/>", 2);
    else
      {
        put_c (w, '>');
        put_text_element (w, 2, "vision", vision);
        put_text_element (w, 2, "mission", mission);
        put_translations (w, 2, org, FALSE);
        put_unknown (w, 2, unknown);
        close_tag (w, 1, "organisation");
      }
  }

  open_tag (w, 1, "scale");
  put_c (w, '>');
  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *l = g_ptr_array_index (scale, i);

      open_tag (w, 2, "level");
      put_attr_int (w, "value", l->value);
      put_attr (w, "name", l->name != NULL ? l->name : "");
      if (l->description == NULL || l->description[0] == '\0')
        put_len (w, "/>", 2);
      else
        {
          put_c (w, '>');
          put_escaped (w, l->description, FALSE);
          put (w, "</level>");
        }
    }
  close_tag (w, 1, "scale");

  for (guint kind = TRELLIS_KIND_VALUE; kind < TRELLIS_N_KINDS; kind++)
    {
      GListModel *list = G_LIST_MODEL (doc->lists[kind]);
      guint n = g_list_model_get_n_items (list);
      GString *unknown = doc->unknown_in_section[kind];

      if (n == 0 && unknown == NULL)
        continue;

      open_tag (w, 1, section_elements[kind]);
      put_c (w, '>');
      for (guint i = 0; i < n && w->error == NULL; i++)
        write_entity (w, trellis_document_get_item (doc, kind, i), 2);
      if (unknown != NULL)
        put_unknown (w, 2, unknown->str);
      close_tag (w, 1, section_elements[kind]);
    }

  if (doc->progress != NULL)
    write_self_assessment (w, doc->progress);

  if (doc->unknown_root != NULL)
    put_unknown (w, 1, doc->unknown_root->str);

  put (w, "\n</trellis>\n");
}

gboolean
trellis_document_write (TrellisDocument  *self,
                        TrellisWriteFunc  func,
                        gpointer          user_data,
                        GError          **error)
{
  g_autofree Writer *w = writer_new (func, user_data);
  g_autofree guint *positions = slot_positions (self);
  guint n_slots = self->slots->len;

  w->document = self;
  w->positions = positions;

  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    {
      const char *name = trellis_source_to_string (i);

      w->source_lens[i] = strlen (name);
      g_assert (w->source_lens[i] < SHORT_TEXT);
      memcpy (w->sources[i], name, w->source_lens[i]);
    }

  /* Every assessment names its competency: escape each id once. */
  w->slot_ids = g_new0 (char *, MAX (n_slots, 1));
  w->slot_id_lens = g_new0 (gsize, MAX (n_slots, 1));
  for (guint i = 0; i < n_slots; i++)
    {
      TrellisCompetency *c = trellis_document_get_competency_by_slot (self, i);

      if (c == NULL)
        continue;
      w->slot_ids[i] = escape_dup (trellis_entity_get_id (TRELLIS_ENTITY (c)), TRUE, &w->slot_id_lens[i]);
    }

  write_document (w);
  writer_flush (w);

  for (guint i = 0; i < n_slots; i++)
    g_free (w->slot_ids[i]);
  g_free (w->slot_ids);
  g_free (w->slot_id_lens);

  if (w->error != NULL)
    {
      g_propagate_error (error, w->error);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char  *data;
  gsize  len;
  gsize  size;
} Output;

static gboolean
append_to_output (const char  *data,
                  gsize        len,
                  gpointer     user_data,
                  GError     **error)
{
  Output *out = user_data;

  if (out->size - out->len < len)
    {
      out->size = MAX (out->len + len, out->size + out->size / 2);
      out->data = g_realloc (out->data, out->size);
    }

  memcpy (out->data + out->len, data, len);
  out->len += len;
  return TRUE;
}

/**
 * trellis_document_serialize:
 * @self: a #TrellisDocument
 * @error: return location for a #GError
 *
 * Writes the document in its canonical form.
 *
 * Returns: (transfer full): the bytes of the file
 */
GBytes *
trellis_document_serialize (TrellisDocument  *self,
                            GError          **error)
{
  Output out = { NULL, 0, 0 };

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  /* The size of the file last read or written is the best guess; else
   * about a hundred bytes per assessment. Either way, allocate once
   * (or grow by half when the document grew). */
  out.size = MAX (self->file_state.size + 4096, 4096 + (gsize) 100 * self->n_records);
  out.data = g_malloc (out.size);

  if (!trellis_document_write (self, append_to_output, &out, error))
    {
      g_free (out.data);
      return NULL;
    }

  return g_bytes_new_take (g_realloc (out.data, MAX (out.len, 1)), out.len);
}
