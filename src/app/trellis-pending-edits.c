/* trellis-pending-edits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-pending-edits"

#include "config.h"

#include "trellis-pending-edits.h"

/* Edits typed but not yet in the document. A widget holds back what is
 * being typed, so that a word is one undo step rather than one per
 * letter, and commits it when the typing pauses. Whatever acts on the
 * document as a whole (undo, saving, closing, adding an item) first
 * commits the edits still held back in its own window, and only those:
 * text half typed in another window stays where it is, and never lands
 * in another window's undo history at an unexpected moment.
 *
 * The set of a window is attached to the window, and a widget finds it
 * by going up from itself, as GTK finds actions. Each edit has an owner
 * (a GObject that knows how to commit it) and commits itself after a
 * pause in the typing and, optionally, at the latest some time after
 * its first change. */

struct _TrellisPendingEdits
{
  GObject    parent_instance;

  /* PendingEdit, oldest first: they are committed in the order typed. */
  GPtrArray *edits;
};

G_DEFINE_FINAL_TYPE (TrellisPendingEdits, trellis_pending_edits, G_TYPE_OBJECT)

typedef struct
{
  TrellisPendingEdits *set;
  GObject             *owner;        /* weak */
  TrellisFlushFunc     flush;
  guint                pause_source;
  guint                max_source;
} PendingEdit;

/* On a widget: the set of edits of the widgets inside it. */
static GQuark attached_quark;
/* On an owner: its PendingEdit, while it has one. */
static GQuark owner_quark;

static void owner_disposed_cb (gpointer  data,
                               GObject  *where_the_object_was);

static void
edit_free (PendingEdit *edit)
{
  g_clear_handle_id (&edit->pause_source, g_source_remove);
  g_clear_handle_id (&edit->max_source, g_source_remove);

  if (edit->owner != NULL)
    {
      g_object_weak_unref (edit->owner, owner_disposed_cb, edit);
      g_object_set_qdata (edit->owner, owner_quark, NULL);
    }

  g_free (edit);
}

static void
drop_edit (PendingEdit *edit)
{
  g_ptr_array_remove (edit->set->edits, edit);
  edit_free (edit);
}

static void
commit_edit (PendingEdit *edit)
{
  g_autoptr(GObject) owner = g_object_ref (edit->owner);
  TrellisFlushFunc flush = edit->flush;

  /* Forgotten first: committing may add a new edit of the same owner. */
  drop_edit (edit);
  flush (owner);
}

/* An owner that forgot to remove its edit: nothing is left to commit. */
static void
owner_disposed_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  PendingEdit *edit = data;

  edit->owner = NULL;
  drop_edit (edit);
}

/* Either timer: committing stops both. */
static gboolean
commit_timeout_cb (gpointer user_data)
{
  commit_edit (user_data);

  return G_SOURCE_REMOVE;
}

static void
trellis_pending_edits_dispose (GObject *object)
{
  TrellisPendingEdits *self = TRELLIS_PENDING_EDITS (object);

  /* What was not committed by now belongs to a window being closed. */
  while (self->edits->len > 0)
    drop_edit (g_ptr_array_index (self->edits, self->edits->len - 1));

  G_OBJECT_CLASS (trellis_pending_edits_parent_class)->dispose (object);
}

static void
trellis_pending_edits_finalize (GObject *object)
{
  TrellisPendingEdits *self = TRELLIS_PENDING_EDITS (object);

  g_ptr_array_unref (self->edits);

  G_OBJECT_CLASS (trellis_pending_edits_parent_class)->finalize (object);
}

static void
trellis_pending_edits_class_init (TrellisPendingEditsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_pending_edits_dispose;
  object_class->finalize = trellis_pending_edits_finalize;

  attached_quark = g_quark_from_static_string ("trellis-pending-edits");
  owner_quark = g_quark_from_static_string ("trellis-pending-edit");
}

static void
trellis_pending_edits_init (TrellisPendingEdits *self)
{
  self->edits = g_ptr_array_new ();
}

/**
 * trellis_pending_edits_new:
 *
 * Returns: (transfer full): an empty set of pending edits, for one window
 */
TrellisPendingEdits *
trellis_pending_edits_new (void)
{
  return g_object_new (TRELLIS_TYPE_PENDING_EDITS, NULL);
}

/**
 * trellis_pending_edits_attach:
 * @self: a #TrellisPendingEdits
 * @widget: a window, or another widget
 *
 * Makes @self the set of the edits of the widgets inside @widget.
 */
void
trellis_pending_edits_attach (TrellisPendingEdits *self,
                              GtkWidget           *widget)
{
  g_return_if_fail (TRELLIS_IS_PENDING_EDITS (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_qdata_full (G_OBJECT (widget), attached_quark, g_object_ref (self), g_object_unref);
}

/**
 * trellis_pending_edits_find:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): the set of pending edits attached
 *   to @widget or to the nearest widget it is inside of
 */
TrellisPendingEdits *
trellis_pending_edits_find (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      TrellisPendingEdits *self = g_object_get_qdata (G_OBJECT (w), attached_quark);

      if (self != NULL)
        return self;
    }

  return NULL;
}

/**
 * trellis_pending_edits_get_n_edits:
 *
 * Returns: how many edits wait to be committed
 */
guint
trellis_pending_edits_get_n_edits (TrellisPendingEdits *self)
{
  g_return_val_if_fail (TRELLIS_IS_PENDING_EDITS (self), 0);

  return self->edits->len;
}

/**
 * trellis_pending_edits_commit:
 * @self: a #TrellisPendingEdits
 *
 * Commits every edit of @self, oldest first: before undo, saving,
 * closing, or any change of the document as a whole.
 */
void
trellis_pending_edits_commit (TrellisPendingEdits *self)
{
  g_return_if_fail (TRELLIS_IS_PENDING_EDITS (self));

  /* Only those there now, should a commit start another edit. */
  for (guint n = self->edits->len; n > 0 && self->edits->len > 0; n--)
    commit_edit (g_ptr_array_index (self->edits, 0));
}

/**
 * trellis_pending_edits_commit_for:
 * @widget: a widget
 *
 * Commits the pending edits of the window @widget is in.
 */
void
trellis_pending_edits_commit_for (GtkWidget *widget)
{
  TrellisPendingEdits *self;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  self = trellis_pending_edits_find (widget);
  if (self != NULL)
    trellis_pending_edits_commit (self);
}

/**
 * trellis_pending_edit_add:
 * @widget: the widget being typed in
 * @owner: a #GObject with an edit not yet committed: @widget, or what
 *   binds it to the document
 * @flush: commits the edit of @owner
 * @pause_ms: how long after this change to commit, unless more follows
 * @max_ms: how long after the first change to commit at the latest, or 0
 *
 * Holds back an edit in the set of the window @widget is in. Adding it
 * again, at the next change, restarts the pause. A widget in no window
 * has nobody to commit it later: it is committed at once.
 */
void
trellis_pending_edit_add (GtkWidget        *widget,
                          gpointer          owner,
                          TrellisFlushFunc  flush,
                          guint             pause_ms,
                          guint             max_ms)
{
  PendingEdit *edit;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (flush != NULL);

  edit = g_object_get_qdata (G_OBJECT (owner), owner_quark);
  if (edit == NULL)
    {
      TrellisPendingEdits *self = trellis_pending_edits_find (widget);

      if (self == NULL)
        {
          flush (owner);
          return;
        }

      edit = g_new0 (PendingEdit, 1);
      edit->set = self;
      edit->owner = owner;
      g_object_weak_ref (edit->owner, owner_disposed_cb, edit);
      g_object_set_qdata (edit->owner, owner_quark, edit);
      g_ptr_array_add (self->edits, edit);
    }

  edit->flush = flush;

  g_clear_handle_id (&edit->pause_source, g_source_remove);
  if (pause_ms > 0)
    edit->pause_source = g_timeout_add (pause_ms, commit_timeout_cb, edit);
  if (max_ms > 0 && edit->max_source == 0)
    edit->max_source = g_timeout_add (max_ms, commit_timeout_cb, edit);
}

/**
 * trellis_pending_edit_remove:
 * @owner: the owner of an edit
 *
 * Forgets the edit of @owner, committed or dropped, and stops its
 * timers. Does nothing when @owner has none.
 */
void
trellis_pending_edit_remove (gpointer owner)
{
  PendingEdit *edit;

  g_return_if_fail (G_IS_OBJECT (owner));

  edit = g_object_get_qdata (G_OBJECT (owner), owner_quark);
  if (edit != NULL)
    drop_edit (edit);
}
