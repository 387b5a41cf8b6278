/* bench-util.h: what the benchmarks share: medians and the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdlib.h>

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values. */
static inline double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), bench_compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static inline double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}
