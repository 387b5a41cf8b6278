/* trellis-monitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-monitor"

#include "config.h"

#include <math.h>

#include "trellis-document-private.h"
#include "trellis-entity-private.h"
#include "trellis-monitor.h"

/* What monitoring watches, decided once for every view:
 *
 * - An indicator misses its target when its latest measurement is
 *   below it: a target is what the measurements should reach ("80 %
 *   solved in one contact", "8 out of 10"), as in the examples.
 * - A person's learning rhythm: the date of their last step in growing,
 *   their latest assessment or development action that has come due
 *   (not cancelled), on or before today. A person with none for
 *   TRELLIS_QUIET_DAYS, or none at all, is quiet: the seeds' "can and
 *   want" keeps people growing, and someone nobody has talked with in
 *   six months is a signal. The team's indicator counts them, and never
 *   names them. */

/**
 * trellis_indicator_get_latest:
 * @indicator: an indicator
 * @latest: (out caller-allocates) (optional): its latest measurement
 *
 * Returns: whether @indicator has a measurement
 */
gboolean
trellis_indicator_get_latest (TrellisEntity      *indicator,
                              TrellisMeasurement *latest)
{
  GArray *measurements;
  const TrellisMeasurement *found = NULL;

  g_return_val_if_fail (TRELLIS_IS_INDICATOR (indicator), FALSE);

  measurements = trellis_entity_get_array (indicator, TRELLIS_FIELD_MEASUREMENTS);
  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      const TrellisMeasurement *m = &g_array_index (measurements, TrellisMeasurement, i);

      if (found == NULL || m->date >= found->date)
        found = m;
    }

  if (found != NULL && latest != NULL)
    *latest = *found;

  return found != NULL;
}

/**
 * trellis_indicator_misses_target:
 * @indicator: an indicator
 *
 * Returns: whether the latest measurement of @indicator is below its
 *   target (an indicator without a target or a measurement misses
 *   nothing)
 */
gboolean
trellis_indicator_misses_target (TrellisEntity *indicator)
{
  TrellisMeasurement latest;
  double target;

  g_return_val_if_fail (TRELLIS_IS_INDICATOR (indicator), FALSE);

  target = trellis_entity_get_double (indicator, TRELLIS_FIELD_TARGET);
  if (isnan (target) || !trellis_indicator_get_latest (indicator, &latest))
    return FALSE;

  return latest.value < target;
}

/**
 * trellis_document_get_last_growth_step:
 * @self: a #TrellisDocument
 * @person: a person of @self
 * @today: the day it is
 *
 * Returns: the date of @person's latest assessment or development action
 *   that has come due, on or before @today, or 0 when there is none
 */
TrellisDate
trellis_document_get_last_growth_step (TrellisDocument *self,
                                       TrellisEntity   *person,
                                       TrellisDate      today)
{
  GArray *records;
  TrellisDate last = 0;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), 0);

  records = trellis_person_get_records (TRELLIS_PERSON (person));
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const TrellisRecord *r = &g_array_index (records, TrellisRecord, i);

      if (r->date <= today && r->date > last && trellis_document_get_competency_by_slot (self, r->slot) != NULL)
        last = r->date;
    }

  n = trellis_document_get_n_items (self, TRELLIS_KIND_ACTION);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *action = trellis_document_get_item (self, TRELLIS_KIND_ACTION, i);
      TrellisDate due = trellis_entity_get_uint (action, TRELLIS_FIELD_DUE);

      if (g_strcmp0 (trellis_entity_get_string (action, TRELLIS_FIELD_PERSON), trellis_entity_get_id (person)) != 0 ||
          trellis_entity_get_int (action, TRELLIS_FIELD_STATUS) == TRELLIS_STATUS_CANCELLED)
        continue;
      if (due != 0 && due <= today && due > last)
        last = due;
    }

  return last;
}

/**
 * trellis_document_is_quiet:
 * @self: a #TrellisDocument
 * @person: a person of @self
 * @today: the day it is
 *
 * Returns: whether @person has had no step in growing for
 *   %TRELLIS_QUIET_DAYS, or none at all
 */
gboolean
trellis_document_is_quiet (TrellisDocument *self,
                           TrellisEntity   *person,
                           TrellisDate      today)
{
  return trellis_growth_step_is_quiet (trellis_document_get_last_growth_step (self, person, today), today);
}

/**
 * trellis_growth_step_is_quiet:
 * @last: the day of a person's last step in growing, 0 for none
 * @today: the day it is
 *
 * Returns: whether @last is so long ago, or none, that the person is
 *   quiet (see trellis_document_is_quiet())
 */
gboolean
trellis_growth_step_is_quiet (TrellisDate last,
                              TrellisDate today)
{
  return last == 0 || today - last > TRELLIS_QUIET_DAYS;
}

/**
 * trellis_document_count_quiet:
 * @self: a #TrellisDocument
 * @today: the day it is
 *
 * Returns: how many people of the team are quiet (see
 *   trellis_document_is_quiet()): a count, never names
 */
guint
trellis_document_count_quiet (TrellisDocument *self,
                              TrellisDate      today)
{
  guint n = trellis_document_get_n_items (self, TRELLIS_KIND_PERSON);
  guint quiet = 0;

  for (guint i = 0; i < n; i++)
    quiet += trellis_document_is_quiet (self, trellis_document_get_item (self, TRELLIS_KIND_PERSON, i), today);

  return quiet;
}
