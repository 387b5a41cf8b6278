/* trellis-sight-links.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-sight-links"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-entity-labels.h"
#include "trellis-sight.h"
#include "trellis-sight-links.h"

/* The line of sight through the entity an editor shows, as a row of
 * links per stage: mission → values → results → responsibilities →
 * competencies → roles → people. Activating a link opens that item
 * (the window's action win.show-entity), so that the chain can be
 * walked both ways: from a person up to the mission, from a competency
 * down to who carries it. The entity itself is named, not linked. A
 * stage shows at most MAX_LINKS links and says how many more there are. */

#define MAX_LINKS 12

struct _TrellisSightLinks
{
  GtkWidget        parent_instance;

  GtkWidget       *list;
  TrellisDocument *document;
  TrellisEntity   *entity;
};

G_DEFINE_FINAL_TYPE (TrellisSightLinks, trellis_sight_links, GTK_TYPE_WIDGET)

static void
link_clicked_cb (GtkButton *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "entity-id");

  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-entity", "s", id);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, _("Open it"));
  return TRUE;
}

static GtkWidget *
make_link (TrellisSightLinks *self,
           TrellisEntity     *entity,
           TrellisSightStage  stage)
{
  g_autofree char *label = TRELLIS_IS_ORGANISATION (entity)
                           ? g_strdup (trellis_entity_get_string (entity, TRELLIS_FIELD_MISSION))
                           : trellis_entity_dup_display_label (self->document, entity);
  GtkWidget *widget;

  if (label == NULL || label[0] == '\0')
    {
      g_free (label);
      label = g_strdup (_("Mission"));
    }

  /* The entity shown: named, not linked. */
  if (entity == self->entity)
    {
      widget = gtk_label_new (label);
      gtk_widget_add_css_class (widget, "heading");
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (widget), 30);
      gtk_widget_set_margin_start (widget, 8);
      gtk_widget_set_margin_end (widget, 8);
      return widget;
    }

  widget = gtk_button_new_with_label (label);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))), 30);
  gtk_widget_add_css_class (widget, "flat");
  gtk_widget_add_css_class (widget, "sight-link");
  g_object_set_data_full (G_OBJECT (widget), "entity-id", g_strdup (trellis_entity_get_id (entity)), g_free);
  g_signal_connect (widget, "clicked", G_CALLBACK (link_clicked_cb), NULL);
  /* The tooltip is given when asked for: setting its text asks the
   * display where the pointer is, a round trip for every link. */
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, trellis_sight_stage_get_label (stage),
                                  -1);

  return widget;
}

static GtkWidget *
make_stage_row (TrellisSightLinks *self,
                TrellisSightStage  stage,
                GPtrArray         *entities)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (trellis_sight_stage_get_label (stage));
  GtkWidget *links = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_yalign (GTK_LABEL (name), 0.5);
  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_set_margin_top (name, 8);
  gtk_box_append (GTK_BOX (box), name);

  /* Only links go into the flow box: on GTK 4.8 Tab stops for good at a
   * child of a flow box, or a row of a list, that nothing in can take
   * the focus. The entity shown and the count of the rest are beside. */
  for (guint i = 0; i < entities->len && i < MAX_LINKS; i++)
    {
      GtkWidget *link = make_link (self, g_ptr_array_index (entities, i), stage);

      if (!GTK_IS_BUTTON (link))
        {
          gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), link);
          continue;
        }

      if (links == NULL)
        {
          links = gtk_flow_box_new ();
          gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (links), GTK_SELECTION_NONE);
          gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (links), 20);
          gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (links), FALSE);
          gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (links), 1);
          gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (links), 2);
          gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (links), 0);
          gtk_widget_set_hexpand (links, TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (links), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          trellis_sight_stage_get_label (stage), -1);
          gtk_box_append (GTK_BOX (box), links);
        }
      gtk_flow_box_append (GTK_FLOW_BOX (links), link);
      /* The links take the focus, not the boxes around them. */
      gtk_widget_set_focusable (gtk_widget_get_parent (link), FALSE);
      gtk_widget_set_halign (gtk_widget_get_parent (link), GTK_ALIGN_START);
    }
  if (entities->len > MAX_LINKS)
    {
      guint more = entities->len - MAX_LINKS;
      /* Translators: after the links of a stage of the line of sight, how many it does not show. */
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more", more), more);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 8);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  trellis_sight_stage_get_label (stage), -1);

  return row;
}

static void
rebuild (TrellisSightLinks *self)
{
  GPtrArray *stages[TRELLIS_N_SIGHT_STAGES];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  gtk_widget_set_visible (GTK_WIDGET (self), self->entity != NULL);
  if (self->document == NULL || self->entity == NULL)
    return;

  trellis_document_walk_sight (self->document, self->entity, stages);
  for (guint s = 0; s < TRELLIS_N_SIGHT_STAGES; s++)
    {
      if (stages[s]->len > 0)
        gtk_list_box_append (GTK_LIST_BOX (self->list), make_stage_row (self, s, stages[s]));
      g_ptr_array_unref (stages[s]);
    }
}

static void
document_changed_cb (TrellisSightLinks   *self,
                     const TrellisChange *change)
{
  /* No link of the line goes through an assessment. */
  if (change->kind != TRELLIS_CHANGE_ASSESSMENTS)
    rebuild (self);
}

static void
trellis_sight_links_dispose (GObject *object)
{
  TrellisSightLinks *self = TRELLIS_SIGHT_LINKS (object);
  GtkWidget *child;

  trellis_sight_links_set_target (self, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_sight_links_parent_class)->dispose (object);
}

static void
trellis_sight_links_class_init (TrellisSightLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_sight_links_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sightlinks");
}

static void
trellis_sight_links_init (TrellisSightLinks *self)
{
  GtkWidget *title = gtk_label_new (_("Line of Sight"));
  GtkWidget *description = gtk_label_new (_("From the mission to the people who carry it. Open any part of the chain from here."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_margin_top (self->list, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Line of Sight"), -1);

  gtk_widget_set_parent (title, GTK_WIDGET (self));
  gtk_widget_set_parent (description, GTK_WIDGET (self));
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
trellis_sight_links_new (void)
{
  return g_object_new (TRELLIS_TYPE_SIGHT_LINKS, NULL);
}

/**
 * trellis_sight_links_set_target:
 * @self: a #TrellisSightLinks
 * @document: (nullable): a document
 * @entity: (nullable): the entity whose line of sight to show
 */
void
trellis_sight_links_set_target (TrellisSightLinks *self,
                                TrellisDocument   *document,
                                TrellisEntity     *entity)
{
  g_return_if_fail (TRELLIS_IS_SIGHT_LINKS (self));

  if (self->document != document)
    {
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
      g_set_object (&self->document, document);
      if (document != NULL)
        g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->entity, entity);

  rebuild (self);
}
