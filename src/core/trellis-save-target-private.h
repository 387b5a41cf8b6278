/* trellis-save-target-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/stat.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* Where a save lands and the temporary file it writes; see
 * trellis-save-target.c. */
typedef struct
{
  char        *path;      /* the file replaced: links followed */
  char        *dir;
  char        *base;
  gboolean     exists;    /* a regular file is there, described by st */
  struct stat  st;

  char        *tmp_path;  /* the temporary file's name, once it has one */
  int          fd;        /* the temporary file, while it is written */
  int          lock_fd;   /* keeps it locked until it is in place */
  gboolean     unnamed;
} TrellisSaveTarget;

void     trellis_save_target_init          (TrellisSaveTarget  *target);
void     trellis_save_target_clear         (TrellisSaveTarget  *target);
gboolean trellis_save_target_resolve       (TrellisSaveTarget  *target,
                                            const char         *path,
                                            const char         *name,
                                            GError            **error);
guint    trellis_save_target_remove_stale  (TrellisSaveTarget  *target);
int      trellis_save_target_open_temp     (TrellisSaveTarget  *target,
                                            mode_t              mode);
gboolean trellis_save_target_close_temp    (TrellisSaveTarget  *target);
gboolean trellis_save_target_commit        (TrellisSaveTarget  *target);
void     trellis_save_target_discard       (TrellisSaveTarget  *target);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrellisSaveTarget, trellis_save_target_clear)

G_END_DECLS
