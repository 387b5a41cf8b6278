/* trellis-load-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-load-report"

#include "config.h"

#include "trellis-load-report.h"

/* What a load found: the problems and notices, in the order they were
 * met, with the line each is about. */

struct _TrellisLoadReport
{
  GArray *items;
  guint   n_errors;
};

typedef struct
{
  TrellisLoadSeverity severity;
  gint                code;
  guint               line;
  char               *message;
} ReportItem;

TrellisLoadReport *
trellis_load_report_new (void)
{
  TrellisLoadReport *self = g_new0 (TrellisLoadReport, 1);

  self->items = g_array_new (FALSE, FALSE, sizeof (ReportItem));

  return self;
}

void
trellis_load_report_clear (TrellisLoadReport *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->items->len; i++)
    g_free (g_array_index (self->items, ReportItem, i).message);
  g_array_set_size (self->items, 0);
  self->n_errors = 0;
}

void
trellis_load_report_free (TrellisLoadReport *self)
{
  if (self == NULL)
    return;

  trellis_load_report_clear (self);
  g_array_unref (self->items);
  g_free (self);
}

guint
trellis_load_report_get_n_items (TrellisLoadReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

guint
trellis_load_report_get_n_errors (TrellisLoadReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_errors;
}

TrellisLoadSeverity
trellis_load_report_get_severity (TrellisLoadReport *self,
                                  guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, TRELLIS_LOAD_ERROR);

  return g_array_index (self->items, ReportItem, index).severity;
}

guint
trellis_load_report_get_line (TrellisLoadReport *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, 0);

  return g_array_index (self->items, ReportItem, index).line;
}

const char *
trellis_load_report_get_message (TrellisLoadReport *self,
                                 guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, NULL);

  return g_array_index (self->items, ReportItem, index).message;
}

gint
trellis_load_report_get_code (TrellisLoadReport *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, -1);

  return g_array_index (self->items, ReportItem, index).code;
}

void
trellis_load_report_add (TrellisLoadReport   *self,
                         TrellisLoadSeverity  severity,
                         gint                 code,
                         guint                line,
                         const char          *message)
{
  ReportItem item = { severity, code, line, g_strdup (message) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->items, item);
  if (severity == TRELLIS_LOAD_ERROR)
    self->n_errors++;
}
