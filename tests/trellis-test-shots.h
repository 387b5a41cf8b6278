/* trellis-test-shots.h: pictures of windows, drawn by GTK itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the programs that take screenshots (build-aux/screenshots,
 * build-aux/help-figures): a window is drawn into a PNG through
 * gtk_widget_paintable_new and the window's own renderer, so that no
 * screen grabber or window manager is needed.
 */

#pragma once

#include "trellis-test-app.h"

static inline void
trellis_test_shot_save (GtkWindow  *window,
                        const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
}

static inline gboolean
trellis_test_shot_any_transition (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (trellis_test_shot_any_transition (child))
        return TRUE;
    }

  return FALSE;
}

/* Until every crossfade of @window has ended, then the first frames of
 * every list. */
static inline void
trellis_test_shot_settle (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  trellis_test_iterate (300);
  while (window != NULL && trellis_test_shot_any_transition (window) && g_get_monotonic_time () < end)
    trellis_test_iterate (50);
  trellis_test_iterate (700);
}
