/* trellis-assessments-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"
#include "trellis-entity-private.h"

G_BEGIN_DECLS

/* The note and evidence of an assessment, kept apart from its record. */
typedef struct
{
  char *note;
  char *evidence;
} TrellisText;

/* The order of a person's records, which is kept sorted: by competency
 * slot, then date, then source. No two records share all three. */
static inline gint
trellis_record_compare (gconstpointer a,
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

void               trellis_text_free                      (gpointer             data);
guint32            trellis_document_add_text              (TrellisDocument     *self,
                                                           const char          *note,
                                                           const char          *evidence);
const TrellisText *trellis_document_get_text              (TrellisDocument     *self,
                                                           guint32              index);

void               trellis_document_assign_slot           (TrellisDocument     *self,
                                                           TrellisCompetency   *competency);
TrellisCompetency *trellis_document_get_competency_by_slot (TrellisDocument    *self,
                                                           guint32              slot);

void               trellis_document_record_to_assessment  (TrellisDocument     *self,
                                                           const TrellisRecord *record,
                                                           TrellisAssessment   *out);

/* Which assessment counts. This is the one place that decides it: the
 * analysis, the document and through them every view ask here.
 *
 * - The level that counts is that of the latest agreed assessment if
 *   there is one, else that of the latest of any perspective; on the
 *   same date the more considered perspective wins (agreed, coach, peer,
 *   self).
 * - The wish to grow is the person's own: the mark of their latest self
 *   or agreed assessment (agreed first on the same date). A peer or coach
 *   cannot say what someone wants.
 *
 * Inline, because the analysis asks once per person and competency of
 * the largest matrices. */
typedef struct
{
  const TrellisRecord *record;       /* whose level counts, NULL when none */
  gboolean             want;         /* the person's own wish to grow */
  guint                n;            /* the records looked at */
  guint8               perspectives; /* a bit per TrellisSource among them */
  TrellisDate          latest;       /* the newest date among them, 0 if none */
} TrellisEffective;

static inline guint
trellis_source_rank (guint8 source)
{
  switch (source)
    {
    case TRELLIS_SOURCE_AGREED: return 3;
    case TRELLIS_SOURCE_COACH:  return 2;
    case TRELLIS_SOURCE_PEER:   return 1;
    case TRELLIS_SOURCE_SELF:
    default:                    return 0;
    }
}

/* Reads the records of competency @slot from @start, where a person's
 * sorted records (@records, @n_records) reach that slot, looking only at
 * those dated @until or earlier (0: all). Returns the index past the
 * slot's records. */
static inline guint
trellis_records_find_effective (const TrellisRecord *records,
                                guint                n_records,
                                guint                start,
                                guint32              slot,
                                TrellisDate          until,
                                TrellisEffective    *out)
{
  const TrellisRecord *best = NULL;
  const TrellisRecord *agreed = NULL;
  gboolean want = FALSE;
  guint8 seen = 0;
  guint n = 0;
  guint i;

  for (i = start; i < n_records && records[i].slot == slot; i++)
    {
      const TrellisRecord *r = &records[i];

      if (until != 0 && r->date > until)
        continue;

      n++;
      seen |= 1 << r->source;
      /* Records of a slot are in date order: a later one replaces an
       * earlier. */
      if (best == NULL || r->date > best->date ||
          trellis_source_rank (r->source) >= trellis_source_rank (best->source))
        best = r;
      if (r->source == TRELLIS_SOURCE_AGREED)
        agreed = r;
      if (r->source == TRELLIS_SOURCE_SELF || r->source == TRELLIS_SOURCE_AGREED)
        want = r->want != 0;
    }

  out->record = agreed != NULL ? agreed : best;
  out->want = want;
  out->n = n;
  out->perspectives = seen;
  out->latest = best != NULL ? best->date : 0;

  return i;
}

/* The primitive changes of the grid, which the history replays. */
void               trellis_document_do_record_insert      (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           const TrellisRecord *record);
void               trellis_document_do_record_remove      (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           const TrellisRecord *record);
void               trellis_document_do_record_replace     (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           const TrellisRecord *record);
void               trellis_document_do_records            (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           GArray              *records);

/* Many assessments of one person at once (an import): @records are in
 * the grid's order, no two with the same slot, date and source, their
 * texts already in the document's table. Each replaces the record with
 * the same slot, date and source, or is added; as one edit, told as one
 * change with no competency. */
void               trellis_document_merge_records         (TrellisDocument     *self,
                                                           TrellisPerson       *person,
                                                           const TrellisRecord *records,
                                                           guint                n_records,
                                                           const char          *label);

G_END_DECLS
