/* trellis-reader-elements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader-elements"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-personal.h"
#include "trellis-reader-private.h"

/* The elements of the format: the table the reader dispatches from, and
 * for each element the handlers that read its attributes, take its text
 * and finish it, building the document as they go. */

static TrellisEntity *
begin_entity (Reader     *r,
              Elem        elem,
              const Attr *id_attr)
{
  TrellisKind kind = trellis_reader_elements[elem].entity;
  TrellisEntity *entity;
  TrellisEntity *existing;
  const char *id;

  if (id_attr == NULL)
    {
      trellis_reader_missing_attribute (r, elem, "id");
      id = NULL;
    }
  else if (!trellis_reader_valid_id (attr_value (id_attr), attr_len (id_attr)))
    {
      trellis_reader_bad_attribute (r, elem, id_attr);
      id = NULL;
    }
  else
    id = trellis_reader_intern_attr (id_attr);

  if (id != NULL && (existing = trellis_document_lookup (r->doc, id)) != NULL)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_DUPLICATE_ID, current_line (r), FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %s is an id, e.g. “c-listen”. */
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

/* trellis_source_from_string(), without measuring the names again for
 * every assessment. */
static inline gboolean
read_source (Reader        *r,
             const Attr    *a,
             TrellisSource *out)
{
  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    {
      if (same_id (r->source_names[i], r->source_lens[i], a))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The competency an assessment names. Assessments usually follow the
 * competency list: the next and the same competency are tried before a
 * lookup. */
static const CompetencyRef *
find_competency (Reader     *r,
                 const Attr *a)
{
  const CompetencyRef *refs = (const CompetencyRef *) (gpointer) r->competencies->data;
  guint n = r->competencies->len;
  guint next = r->predicted + 1;
  g_autofree char *id = NULL;
  const char *interned;
  TrellisEntity *e;

  if (next < n && same_id (refs[next].id, refs[next].len, a))
    {
      r->predicted = next;
      return &refs[next];
    }
  if (r->predicted < n && same_id (refs[r->predicted].id, refs[r->predicted].len, a))
    return &refs[r->predicted];

  id = trellis_reader_attr_dup (a);
  interned = g_quark_to_string (g_quark_try_string (id));
  e = interned != NULL ? trellis_document_lookup (r->doc, interned) : NULL;

  if (e != NULL && TRELLIS_IS_COMPETENCY (e))
    {
      guint32 slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (e));

      for (guint k = 0; k < n; k++)
        {
          if (refs[k].slot == slot)
            {
              r->predicted = k;
              return &refs[k];
            }
        }
    }

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE, current_line (r), FALSE,
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. %s is the id of a competency, e.g. “c-listen”. */
                        _("The assessment refers to the competency ‘%s’, which the file does not define."),
                        id);
  return NULL;
}

/* The attributes of an assessment, in the order the canonical form
 * writes them. */
typedef enum
{
  ASSESSED_COMPETENCY,
  ASSESSED_LEVEL,
  ASSESSED_WANT,
  ASSESSED_SOURCE,
  ASSESSED_DATE,
  ASSESSED_OTHER,
} AssessedAttr;

#define REQUIRED_ASSESSED (1u << ASSESSED_COMPETENCY | 1u << ASSESSED_LEVEL | \
                           1u << ASSESSED_SOURCE | 1u << ASSESSED_DATE)

static AssessedAttr
assessed_attr (Reader     *r,
               const Attr *a)
{
  const xmlChar *name = a->name;

  if (name == r->a_competency)
    return ASSESSED_COMPETENCY;
  if (name == r->a_level)
    return ASSESSED_LEVEL;
  if (name == r->a_want)
    return ASSESSED_WANT;
  if (name == r->a_source)
    return ASSESSED_SOURCE;
  if (name == r->a_date)
    return ASSESSED_DATE;
  return ASSESSED_OTHER;
}

/* Each attribute of an assessment read into @rec; FALSE when its value
 * is wrong, which was said. */
static inline gboolean
read_assessed_competency (Reader        *r,
                          TrellisRecord *rec,
                          const Attr    *a)
{
  const CompetencyRef *c = find_competency (r, a);

  if (c == NULL)
    return FALSE;
  rec->slot = c->slot;
  return TRUE;
}

static inline gboolean
read_assessed_level (Reader        *r,
                     TrellisRecord *rec,
                     const Attr    *a)
{
  gint level;

  if (!read_level (r, E_ASSESSMENT, a, &level))
    return FALSE;
  rec->level = (gint8) level;
  return TRUE;
}

static inline gboolean
read_assessed_want (Reader        *r,
                    TrellisRecord *rec,
                    const Attr    *a)
{
  if (attr_is (a, "grow"))
    rec->want = 1;
  else if (!attr_is (a, "no"))
    {
      trellis_reader_bad_attribute (r, E_ASSESSMENT, a);
      return FALSE;
    }
  return TRUE;
}

static inline gboolean
read_assessed_source (Reader        *r,
                      TrellisRecord *rec,
                      const Attr    *a)
{
  TrellisSource source;

  if (!read_source (r, a, &source))
    {
      trellis_reader_bad_attribute (r, E_ASSESSMENT, a);
      return FALSE;
    }
  rec->source = source;
  return TRUE;
}

static inline gboolean
read_assessed_date (Reader        *r,
                    TrellisRecord *rec,
                    const Attr    *a)
{
  TrellisDate date;

  if (!read_date (r, a, &date))
    {
      trellis_reader_bad_date (r, E_ASSESSMENT, a);
      return FALSE;
    }
  rec->date = date;
  return TRUE;
}

static gboolean
read_assessed (Reader        *r,
               TrellisRecord *rec,
               const Attr    *a,
               AssessedAttr   which)
{
  switch (which)
    {
    case ASSESSED_COMPETENCY:
      return read_assessed_competency (r, rec, a);
    case ASSESSED_LEVEL:
      return read_assessed_level (r, rec, a);
    case ASSESSED_WANT:
      return read_assessed_want (r, rec, a);
    case ASSESSED_SOURCE:
      return read_assessed_source (r, rec, a);
    case ASSESSED_DATE:
      return read_assessed_date (r, rec, a);
    case ASSESSED_OTHER:
    default:
      trellis_reader_unknown_attribute (r, E_ASSESSMENT, a);
      return TRUE;
    }
}

/* An assessment is the one element of which a large matrix holds
 * millions: its attributes are read with the fast paths of
 * trellis-reader-private.h, in the canonical order without a search when
 * they come in it, and what they say is kept in r->record until its note
 * and evidence are read. */
static void
start_assessment (Reader     *r,
                  Frame      *frame,
                  const Attr *attrs,
                  guint       n_attrs)
{
  TrellisRecord *rec = &r->record;
  guint have = 0;
  gboolean ok = TRUE;

  memset (rec, 0, sizeof *rec);

  if ((n_attrs == 4 || n_attrs == 5) &&
      attrs[0].name == r->a_competency && attrs[1].name == r->a_level &&
      (n_attrs == 4 || attrs[2].name == r->a_want) &&
      attrs[n_attrs - 2].name == r->a_source && attrs[n_attrs - 1].name == r->a_date)
    {
      ok &= read_assessed_competency (r, rec, &attrs[0]);
      ok &= read_assessed_level (r, rec, &attrs[1]);
      if (n_attrs == 5)
        ok &= read_assessed_want (r, rec, &attrs[2]);
      ok &= read_assessed_source (r, rec, &attrs[n_attrs - 2]);
      ok &= read_assessed_date (r, rec, &attrs[n_attrs - 1]);
      r->record_line = ok ? current_line (r) : 0;
      return;
    }

  for (guint i = 0; i < n_attrs; i++)
    {
      AssessedAttr which = assessed_attr (r, &attrs[i]);

      have |= 1u << which;
      ok &= read_assessed (r, rec, &attrs[i], which);
    }

  if (!(have & (1u << ASSESSED_COMPETENCY)))
    trellis_reader_missing_attribute (r, E_ASSESSMENT, "competency");
  if (!(have & (1u << ASSESSED_LEVEL)))
    trellis_reader_missing_attribute (r, E_ASSESSMENT, "level");
  if (!(have & (1u << ASSESSED_SOURCE)))
    trellis_reader_missing_attribute (r, E_ASSESSMENT, "source");
  if (!(have & (1u << ASSESSED_DATE)))
    trellis_reader_missing_attribute (r, E_ASSESSMENT, "date");

  ok &= (have & REQUIRED_ASSESSED) == REQUIRED_ASSESSED;
  r->record_line = ok ? current_line (r) : 0;
}

static void
duplicate_assessment (Reader              *r,
                      const TrellisRecord *rec,
                      guint                line)
{
  TrellisCompetency *c = trellis_document_get_competency_by_slot (r->doc, rec->slot);
  char date[11];

  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, line, FALSE,
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. The first %s is a kind of assessment (self, coach, peer),
                         * the second a competency's id, the third a date, e.g. “There are two self
                         * assessments of ‘c-listen’ on 2026-11-20 for one person; keep one.” */
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
          gint cmp = trellis_record_compare (&r->pending[r->n_pending - 1], rec);

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
      qsort (r->pending, r->n_pending, sizeof (TrellisRecord), trellis_record_compare);
      for (guint i = 1; i < r->n_pending; i++)
        {
          if (trellis_record_compare (&r->pending[i - 1], &r->pending[i]) == 0)
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
          trellis_reader_store_string (r, entity, TRELLIS_FIELD_NAME, a);
        }
      else if (n == r->a_values && (elem == E_RESULT || elem == E_COMPETENCY))
        trellis_reader_store_strv (r, entity, TRELLIS_FIELD_VALUES,
                                   trellis_reader_read_ref_list (r, elem, a, KIND_BIT (TRELLIS_KIND_VALUE)));
      else if (n == r->a_result && (elem == E_RESPONSIBILITY || elem == E_INDICATOR))
        trellis_reader_store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_RESULT), entity, TRELLIS_FIELD_RESULT);
      else if (n == r->a_roles && elem == E_PERSON)
        trellis_reader_store_strv (r, entity, TRELLIS_FIELD_ROLES,
                                   trellis_reader_read_ref_list (r, elem, a, KIND_BIT (TRELLIS_KIND_ROLE)));
      else if (n == r->a_share && elem == E_PERSON)
        {
          TrellisShare share;
          if (trellis_share_from_string (attr_value (a), attr_len (a), &share))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_SHARE, share);
          else
            trellis_reader_bad_attribute (r, elem, a);
        }
      else if (n == r->a_kind && elem == E_INDICATOR)
        {
          TrellisIndicatorKind kind;
          if (trellis_indicator_kind_from_string (attr_value (a), attr_len (a), &kind))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_INDICATOR_KIND, kind);
          else
            trellis_reader_bad_attribute (r, elem, a);
        }
      else if (n == r->a_target && elem == E_INDICATOR)
        {
          double target;
          if (trellis_reader_parse_double (a, &target))
            trellis_document_set_double (r->doc, entity, TRELLIS_FIELD_TARGET, target);
          else
            trellis_reader_bad_attribute (r, elem, a);
        }
      else if (n == r->a_unit && elem == E_INDICATOR)
        trellis_reader_store_string (r, entity, TRELLIS_FIELD_UNIT, a);
      else if (n == r->a_review && elem == E_INDICATOR)
        {
          TrellisRhythm rhythm;
          if (trellis_rhythm_from_string (attr_value (a), attr_len (a), &rhythm))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_RHYTHM, rhythm);
          else
            trellis_reader_bad_attribute (r, elem, a);
        }
      else if (n == r->a_owner && elem == E_INDICATOR)
        trellis_reader_store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_ROLE), entity, TRELLIS_FIELD_OWNER);
      else if (n == r->a_person && (elem == E_ACTION || elem == E_REMARK))
        trellis_reader_store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_PERSON), entity, TRELLIS_FIELD_PERSON);
      else if (n == r->a_competency && elem == E_ACTION)
        trellis_reader_store_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_COMPETENCY), entity, TRELLIS_FIELD_COMPETENCY);
      else if (n == r->a_kind && elem == E_ACTION)
        {
          TrellisActionKind kind;
          if (trellis_action_kind_from_string (attr_value (a), attr_len (a), &kind))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_ACTION_KIND, kind);
          else
            trellis_reader_bad_attribute (r, elem, a);
        }
      else if (n == r->a_due && elem == E_ACTION)
        trellis_reader_store_date (r, elem, a, entity, TRELLIS_FIELD_DUE);
      else if (n == r->a_status && elem == E_ACTION)
        {
          TrellisActionStatus status;
          if (trellis_action_status_from_string (attr_value (a), attr_len (a), &status))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_STATUS, status);
          else
            trellis_reader_bad_attribute (r, elem, a);
        }
      else if (n == r->a_status && elem == E_REMARK)
        {
          TrellisFeedbackStatus status;
          if (trellis_feedback_status_from_string (attr_value (a), attr_len (a), &status))
            trellis_document_set_int (r->doc, entity, TRELLIS_FIELD_STATUS, status);
          else
            trellis_reader_bad_attribute (r, elem, a);
        }
      else if (n == r->a_about && elem == E_REMARK)
        trellis_reader_store_ref (r, elem, a, ~0u, entity, TRELLIS_FIELD_ABOUT);
      else if (n == r->a_date && elem == E_REMARK)
        trellis_reader_store_date (r, elem, a, entity, TRELLIS_FIELD_DATE);
      else
        trellis_reader_unknown_attribute (r, elem, a);
    }

  if (needs_name && !have_name)
    trellis_reader_missing_attribute (r, elem, "name");
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
  trellis_reader_store_strv (r, frame->entity, TRELLIS_FIELD_BEHAVIOURS, g_strv_builder_end (r->behaviours));
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

/* Only a role or a responsibility that has decisions gets the field
 * set: a document without them is built as before. */
static void
take_decisions (Reader *r,
                Frame  *frame)
{
  if (r->decisions->len > 0)
    trellis_document_take_ptr_array (r->doc, frame->entity, TRELLIS_FIELD_DECISIONS, g_steal_pointer (&r->decisions));
  else
    g_clear_pointer (&r->decisions, g_ptr_array_unref);
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
  r->decisions = trellis_decisions_new ();
}

static void
end_responsibility (Reader *r,
                    Frame  *frame,
                    Frame  *parent)
{
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_NEEDS, g_steal_pointer (&r->requirements));
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_ASSIGNS, g_steal_pointer (&r->assigns));
  take_decisions (r, frame);
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
  r->decisions = trellis_decisions_new ();
}

static void
end_role (Reader *r,
          Frame  *frame,
          Frame  *parent)
{
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_REQUIRES, g_steal_pointer (&r->requirements));
  trellis_document_take_array (r->doc, frame->entity, TRELLIS_FIELD_TARGETS, g_steal_pointer (&r->targets));
  take_decisions (r, frame);
}

static void
start_person (Reader     *r,
              Frame      *frame,
              const Attr *attrs,
              guint       n_attrs)
{
  start_entity (r, frame, attrs, n_attrs);
  r->records = trellis_person_edit_records (TRELLIS_PERSON (frame->entity));
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
          competency = trellis_reader_read_ref (r, elem, a, KIND_BIT (TRELLIS_KIND_COMPETENCY));
          ok &= competency != NULL;
        }
      else if (a->name == r->a_level)
        ok &= read_level (r, elem, a, &level);
      else if (a->name == r->a_people && elem == E_TARGET)
        {
          if (!trellis_reader_parse_int (a, 1, 100000, &people))
            {
              trellis_reader_bad_attribute (r, elem, a);
              ok = FALSE;
            }
        }
      else
        trellis_reader_unknown_attribute (r, elem, a);
    }

  if (competency == NULL && ok)
    {
      trellis_reader_missing_attribute (r, elem, "competency");
      ok = FALSE;
    }
  if (level == TRELLIS_LEVEL_NONE && ok)
    {
      trellis_reader_missing_attribute (r, elem, "level");
      ok = FALSE;
    }
  if (elem == E_TARGET && people < 0 && ok)
    {
      trellis_reader_missing_attribute (r, elem, "people");
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
              trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                                    /* Translators: shown when a matrix file cannot be read, in the app
                                     * and by trellis-cli check. E.g. “<requires> names the competency
                                     * ‘c-listen’ twice.” */
                                    _("<%s> names the competency ‘%s’ twice."), trellis_reader_elements[elem].name, competency);
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
          assignment.role = trellis_reader_read_ref (r, E_ASSIGN, a, KIND_BIT (TRELLIS_KIND_ROLE));
          ok &= assignment.role != NULL;
        }
      else if (a->name == r->a_raci)
        {
          if (!trellis_raci_from_string (attr_value (a), attr_len (a), &assignment.raci))
            {
              trellis_reader_bad_attribute (r, E_ASSIGN, a);
              ok = FALSE;
            }
        }
      else if (a->name == r->a_authority)
        {
          if (!trellis_authority_from_string (attr_value (a), attr_len (a), &assignment.authority))
            {
              trellis_reader_bad_attribute (r, E_ASSIGN, a);
              ok = FALSE;
            }
        }
      else
        trellis_reader_unknown_attribute (r, E_ASSIGN, a);
    }

  if (assignment.role == NULL && ok)
    {
      trellis_reader_missing_attribute (r, E_ASSIGN, "role");
      return;
    }

  if (!ok)
    return;

  for (guint i = 0; i < r->assigns->len; i++)
    {
      if (g_array_index (r->assigns, TrellisAssignment, i).role == assignment.role)
        {
          trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                                /* Translators: shown when a matrix file cannot be read, in the app and
                                 * by trellis-cli check. %s is a role's id, e.g. “ro-agent”. */
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
          if (!read_date (r, a, &m.date))
            trellis_reader_bad_date (r, E_MEASUREMENT, a);
        }
      else if (a->name == r->a_value)
        {
          if (!trellis_reader_parse_double (a, &m.value))
            trellis_reader_bad_attribute (r, E_MEASUREMENT, a);
        }
      else
        trellis_reader_unknown_attribute (r, E_MEASUREMENT, a);
    }

  if (m.date == 0)
    trellis_reader_missing_attribute (r, E_MEASUREMENT, "date");
  else if (isnan (m.value))
    trellis_reader_missing_attribute (r, E_MEASUREMENT, "value");
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
          if (!read_date (r, a, &date))
            trellis_reader_bad_date (r, E_REVIEW, a);
        }
      else
        trellis_reader_unknown_attribute (r, E_REVIEW, a);
    }

  if (date == 0)
    trellis_reader_missing_attribute (r, E_REVIEW, "date");

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
              if (!trellis_reader_parse_int (a, TRELLIS_LEVEL_MIN, TRELLIS_LEVEL_MAX, &frame->level))
                {
                  g_autofree char *value = trellis_reader_attr_dup (a);
                  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE, current_line (r), FALSE,
                                        /* Translators: shown when a matrix file cannot be read, in the
                                         * app and by trellis-cli check. %s is what the file says, e.g.
                                         * “high”; the %d are the lowest and highest level a scale may
                                         * have, e.g. 0 and 10. */
                                        _("The scale level ‘%s’ is not a whole number from %d to %d."),
                                        value, TRELLIS_LEVEL_MIN, TRELLIS_LEVEL_MAX);
                  frame->level = TRELLIS_LEVEL_NONE;
                }
            }
          else if (!read_level (r, elem, a, &frame->level))
            frame->level = TRELLIS_LEVEL_NONE;
        }
      else if (a->name == r->a_name && elem == E_SCALE_LEVEL)
        name = a;
      else
        trellis_reader_unknown_attribute (r, elem, a);
    }

  if (!have_value)
    trellis_reader_missing_attribute (r, elem, "value");

  if (elem == E_SCALE_LEVEL && frame->level != TRELLIS_LEVEL_NONE)
    {
      g_autofree char *n = name != NULL ? trellis_reader_attr_dup (name) : NULL;

      if (name == NULL)
        trellis_reader_missing_attribute (r, elem, "name");

      for (guint i = 0; i < r->scale->len; i++)
        {
          if (((TrellisScaleLevel *) g_ptr_array_index (r->scale, i))->value >= frame->level)
            {
              trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, current_line (r), FALSE,
                                    /* Translators: shown when a matrix file cannot be read, in the app
                                     * and by trellis-cli check. %d is a level, e.g. 3. */
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
        trellis_reader_store_string (r, TRELLIS_ENTITY (r->doc->organisation), TRELLIS_FIELD_NAME, &attrs[i]);
      else
        trellis_reader_unknown_attribute (r, frame->elem, &attrs[i]);
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
    trellis_reader_unknown_attribute (r, frame->elem, &attrs[i]);
}

static void
end_scale (Reader *r,
           Frame  *frame,
           Frame  *parent)
{
  if (r->scale->len == 0)
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                          _("The scale has no levels; give it at least one."));
  else
    trellis_document_take_ptr_array (r->doc, TRELLIS_ENTITY (r->doc->organisation), TRELLIS_FIELD_SCALE,
                                     g_steal_pointer (&r->scale));
  g_clear_pointer (&r->scale, g_ptr_array_unref);
  r->level_mask_valid = FALSE;
  r->seen_scale = TRUE;
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
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_INVALID, frame->line, FALSE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %d is a level, e.g. 3. */
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

const ElemInfo trellis_reader_elements[N_ELEMS] = {
  [E_NONE] = { .name = "", .children = { { E_ROOT } } },
  [E_ROOT] = {
    .name = "trellis",
    .children = { { E_ORGANISATION }, { E_SCALE }, { E_VALUES }, { E_RESULTS }, { E_COMPETENCIES },
                  { E_RESPONSIBILITIES }, { E_ROLES }, { E_PEOPLE }, { E_INDICATORS }, { E_DEVELOPMENT },
                  { E_FEEDBACK }, { E_SELF_ASSESSMENT } },
    .start = trellis_reader_start_root,
  },
  [E_ORGANISATION] = { .name = "organisation", .children = { { E_VISION }, { E_MISSION }, { E_TRANSLATION, MANY } }, .start = start_organisation },
  [E_VISION] = { .name = "vision", .text = text_vision },
  [E_MISSION] = { .name = "mission", .text = text_mission },
  [E_SCALE] = { .name = "scale", .children = { { E_SCALE_LEVEL, MANY } }, .start = start_scale, .end = end_scale },
  [E_SCALE_LEVEL] = { .name = "level", .start = start_level, .text = text_scale_level },

  [E_VALUES] = { .name = "values", .children = { { E_VALUE, MANY } }, .section = TRELLIS_KIND_VALUE },
  [E_VALUE] = {
    .name = "value", .children = { { E_DESCRIPTION }, { E_BEHAVIOUR, MANY }, { E_TRANSLATION, MANY } }, .entity = TRELLIS_KIND_VALUE,
    .start = start_value, .end = end_value,
  },
  [E_DESCRIPTION] = { .name = "description", .text = text_description },
  [E_BEHAVIOUR] = { .name = "behaviour", .text = text_behaviour },

  [E_RESULTS] = { .name = "results", .children = { { E_RESULT, MANY } }, .section = TRELLIS_KIND_RESULT },
  [E_RESULT] = {
    .name = "result", .children = { { E_DESCRIPTION }, { E_TRANSLATION, MANY } }, .entity = TRELLIS_KIND_RESULT,
    .start = start_entity,
  },

  [E_COMPETENCIES] = {
    .name = "competencies", .children = { { E_COMPETENCY, MANY } }, .section = TRELLIS_KIND_COMPETENCY,
  },
  [E_COMPETENCY] = {
    .name = "competency", .children = { { E_DESCRIPTION }, { E_COMPETENCY_LEVEL, MANY }, { E_TRANSLATION, MANY } },
    .entity = TRELLIS_KIND_COMPETENCY, .start = start_competency, .end = end_competency,
  },
  [E_COMPETENCY_LEVEL] = { .name = "level", .start = start_level, .text = text_competency_level },

  [E_RESPONSIBILITIES] = {
    .name = "responsibilities", .children = { { E_RESPONSIBILITY, MANY } }, .section = TRELLIS_KIND_RESPONSIBILITY,
  },
  [E_RESPONSIBILITY] = {
    .name = "responsibility",
    .children = { { E_DESCRIPTION }, { E_NEEDS, MANY }, { E_ASSIGN, MANY }, { E_RESPONSIBILITY_DECISION, MANY }, { E_TRANSLATION, MANY } },
    .entity = TRELLIS_KIND_RESPONSIBILITY, .start = start_responsibility, .end = end_responsibility,
  },
  [E_NEEDS] = { .name = "needs", .start = start_requirement },
  [E_ASSIGN] = { .name = "assign", .start = start_assign },
  [E_RESPONSIBILITY_DECISION] = {
    .name = "decision", .start = trellis_reader_start_decision, .text = trellis_reader_text_decision,
  },

  [E_ROLES] = { .name = "roles", .children = { { E_ROLE, MANY } }, .section = TRELLIS_KIND_ROLE },
  [E_ROLE] = {
    .name = "role", .children = { { E_DESCRIPTION }, { E_REQUIRES, MANY }, { E_TARGET, MANY }, { E_ROLE_DECISION, MANY }, { E_TRANSLATION, MANY } },
    .entity = TRELLIS_KIND_ROLE, .start = start_role, .end = end_role,
  },
  [E_REQUIRES] = { .name = "requires", .start = start_requirement },
  [E_TARGET] = { .name = "target", .start = start_requirement },
  [E_ROLE_DECISION] = {
    .name = "decision", .start = trellis_reader_start_decision, .text = trellis_reader_text_decision,
  },

  [E_PEOPLE] = { .name = "people", .children = { { E_PERSON, MANY } }, .section = TRELLIS_KIND_PERSON },
  [E_PERSON] = {
    .name = "person", .children = { { E_ASSESSMENT, MANY } }, .entity = TRELLIS_KIND_PERSON,
    .start = start_person, .end = end_person,
  },
  [E_ASSESSMENT] = {
    .name = "assessment", .children = { { E_NOTE }, { E_EVIDENCE } },
    .start = start_assessment, .end = end_assessment,
  },
  [E_NOTE] = { .name = "note", .text = text_note },
  [E_EVIDENCE] = { .name = "evidence", .text = text_evidence },

  [E_INDICATORS] = {
    .name = "indicators", .children = { { E_INDICATOR, MANY } }, .section = TRELLIS_KIND_INDICATOR,
  },
  [E_INDICATOR] = {
    .name = "indicator", .children = { { E_DESCRIPTION }, { E_MEASUREMENT, MANY }, { E_REVIEW, MANY }, { E_TRANSLATION, MANY } },
    .entity = TRELLIS_KIND_INDICATOR, .start = start_indicator, .end = end_indicator,
  },
  [E_MEASUREMENT] = { .name = "measurement", .start = start_measurement },
  [E_REVIEW] = {
    .name = "review", .children = { { E_PLAN }, { E_DO }, { E_CHECK }, { E_ACT } },
    .start = start_review, .end = end_review,
  },
  [E_PLAN] = { .name = "plan", .text = text_plan },
  [E_DO] = { .name = "do", .text = text_do },
  [E_CHECK] = { .name = "check", .text = text_check },
  [E_ACT] = { .name = "act", .text = text_act },

  [E_DEVELOPMENT] = { .name = "development", .children = { { E_ACTION, MANY } }, .section = TRELLIS_KIND_ACTION },
  [E_ACTION] = {
    .name = "action", .children = { { E_NOTE } }, .entity = TRELLIS_KIND_ACTION,
    .start = start_entity,
  },

  [E_FEEDBACK] = { .name = "feedback", .children = { { E_REMARK, MANY } }, .section = TRELLIS_KIND_FEEDBACK },
  [E_REMARK] = {
    .name = "remark", .children = { { E_TEXT }, { E_RESPONSE } }, .entity = TRELLIS_KIND_FEEDBACK,
    .start = start_entity,
  },
  [E_TEXT] = { .name = "text", .text = text_text },
  [E_RESPONSE] = { .name = "response", .text = text_response },

  [E_SELF_ASSESSMENT] = { .name = "self-assessment", .start = trellis_reader_start_self_assessment },

  [E_TRANSLATION] = {
    .name = "translation", .start = trellis_reader_start_translation, .text = trellis_reader_text_translation,
  },

  [E_UNKNOWN] = { .name = "" },
};

/* Frees what the elements being read were collecting when reading
 * stopped. */
void
trellis_reader_clear_collected (Reader *r)
{
  g_clear_pointer (&r->scale, g_ptr_array_unref);
  g_clear_pointer (&r->behaviours, g_strv_builder_unref);
  g_clear_pointer (&r->level_texts, g_ptr_array_unref);
  g_clear_pointer (&r->requirements, g_array_unref);
  g_clear_pointer (&r->assigns, g_array_unref);
  g_clear_pointer (&r->targets, g_array_unref);
  g_clear_pointer (&r->measurements, g_array_unref);
  g_clear_pointer (&r->reviews, g_ptr_array_unref);
  g_clear_pointer (&r->review, review_free);
  g_clear_pointer (&r->decisions, g_ptr_array_unref);
  g_clear_pointer (&r->note, g_free);
  g_clear_pointer (&r->evidence, g_free);
  g_clear_pointer (&r->pending, g_free);
}
