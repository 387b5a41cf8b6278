/* bench-util.h: what the benchmarks share: medians, the clock, and the
 * tiers' generator
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

/* The generator of the tiers: $TRELLIS_GENERATE, or the one built next
 * to this program. */
G_GNUC_UNUSED static char *
bench_generator (void)
{
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;

  if (g_getenv ("TRELLIS_GENERATE") != NULL)
    return g_strdup (g_getenv ("TRELLIS_GENERATE"));

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = self != NULL ? g_path_get_dirname (self) : g_strdup (".");
  return g_build_filename (dir, "trellis-generate", NULL);
}

/* Writes a tier's matrix to @path (with @option, such as
 * "--no-assessments", when not NULL); aborts when it cannot. */
G_GNUC_UNUSED static void
bench_generate (const char *tier,
                const char *path,
                const char *option)
{
  g_autofree char *generator = bench_generator ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { generator, "--tier", tier, "-o", path, "--quiet", option, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s %s", generator, error->message, err != NULL ? err : "");
}
