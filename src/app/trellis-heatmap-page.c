/* trellis-heatmap-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-heatmap-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "trellis-date-button.h"
#include "trellis-entity-choices.h"
#include "trellis-heatmap-page.h"
#include "trellis-heatmap-table.h"
#include "trellis-heatmap-view.h"
#include "trellis-scale-choices.h"
#include "trellis-translations.h"
#include "trellis-widget-util.h"

/* The Heatmaps section: every view of the matrix (gaps, role
 * requirements, coverage, responsibility boundaries, perception, trend,
 * line of sight) in one heatmap widget, filtered by role, in workshop
 * mode on request, with its table twin and, beside the responsibility
 * map, the rule findings. After every change of the document it makes
 * a new analysis and layout; the widget repaints only what changed.
 *
 * While the window presents (on a projector), the page shows only the
 * map with its title and legend, laid out by src/render to fill the
 * screen (the cells as large as fit, the legend beside the map or under
 * it), and always for the team: nobody who does not share with the team
 * can appear, whatever the toggle said before; with Totals Only, nobody
 * by name at all. A bar under it says which, and how to stop. */

struct _TrellisHeatmapPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *content_stack;
  GtkListBox           *findings_list;
  GtkRevealer          *findings_revealer;
  GtkToggleButton      *map_toggle;
  AdwStatusPage        *message_page;
  GtkLabel             *privacy_label;
  GtkDrawingArea       *legend_area;
  GtkWidget            *legend_scroller;
  GtkDrawingArea       *legend_side_area;
  GtkWidget            *present_bar;
  GtkLabel             *present_label;
  GtkToggleButton      *present_totals_button;
  GtkDropDown          *role_dropdown;
  TrellisDateButton    *since_button;
  TrellisHeatmapTable  *table;
  GtkToggleButton      *table_toggle;
  GtkDrawingArea       *title_area;
  GtkWidget            *toolbar;
  GtkWidget            *toolbar_separator;
  TrellisHeatmapView   *view;
  GtkDropDown          *view_dropdown;
  GtkToggleButton      *workshop_button;
  GtkButton            *zoom_button;

  GSettings            *settings;
  TrellisDocument      *document;
  GListModel           *roles;
  TrellisLayout        *layout;
  char                 *content_language;  /* the window's; NULL for the original */
  double                zoom;
  guint                 rebuild_source;
  gboolean              stale;
  gboolean              updating;

  /* Making layouts in a worker thread (see rebuild_async()). */
  GCancellable         *cancellable;
  guint                 generation;      /* of the layout asked for last */
  gboolean              building;        /* a worker is making one */
  gboolean              build_again;     /* something changed meanwhile */
  gboolean              document_dirty;  /* changed since the analysis shown */

  /* Presenting, and what to restore afterwards. */
  gboolean              presenting;
  gboolean              present_totals;
  double                fit_width;
  double                fit_height;
  gboolean              saved_workshop;
  gboolean              saved_table;
  double                saved_zoom;
};

G_DEFINE_FINAL_TYPE (TrellisHeatmapPage, trellis_heatmap_page, GTK_TYPE_WIDGET)

static void schedule_rebuild (TrellisHeatmapPage *self);
static void present_screen   (TrellisHeatmapPage *self,
                              double             *width,
                              double             *height);

static TrellisTheme
current_theme (TrellisHeatmapPage *self)
{
  return trellis_settings_get_theme (self->settings);
}

static TrellisRenderOptions *
make_options (TrellisHeatmapPage *self)
{
  guint view = gtk_drop_down_get_selected (self->view_dropdown);
  TrellisRenderOptions *options;
  TrellisEntity *role = NULL;

  if (view >= TRELLIS_N_VIEWS)
    view = TRELLIS_VIEW_GAPS;

  options = trellis_render_options_new (view);
  if (self->roles != NULL)
    role = trellis_entity_choices_get_entity (self->roles, gtk_drop_down_get_selected (self->role_dropdown));
  if (role != NULL)
    trellis_render_options_set_role (options, trellis_entity_get_id (role));

  options->since = trellis_date_button_get_date (self->since_button);
  options->theme = current_theme (self);
  options->zoom = self->zoom;
  options->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  /* Presenting is for the workshop audience, whatever the toggle says. */
  options->audience = self->presenting || gtk_toggle_button_get_active (self->workshop_button)
                      ? TRELLIS_AUDIENCE_WORKSHOP : TRELLIS_AUDIENCE_COACH;
  options->cell_text = self->settings != NULL ? g_settings_get_boolean (self->settings, "heatmap-cell-text") : TRUE;
  options->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  trellis_render_options_set_content_language (options, self->content_language);

  /* Presenting: the picture fills the screen, for the team: everyone
   * who shares with it, or only totals. */
  if (self->presenting)
    {
      present_screen (self, &options->fit_width, &options->fit_height);
      self->fit_width = options->fit_width;
      self->fit_height = options->fit_height;
      if (self->present_totals)
        options->audience = TRELLIS_AUDIENCE_TOTALS;
    }

  return options;
}

static void
update_privacy_label (TrellisHeatmapPage *self)
{
  gboolean workshop = gtk_toggle_button_get_active (self->workshop_button);
  guint private_people = 0;
  guint coach_only = 0;
  g_autofree char *text = NULL;

  if (self->document != NULL)
    {
      guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_PERSON);

      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *person = trellis_document_get_item (self->document, TRELLIS_KIND_PERSON, i);

          switch (trellis_entity_get_int (person, TRELLIS_FIELD_SHARE))
            {
            case TRELLIS_SHARE_PRIVATE:
              private_people++;
              break;
            case TRELLIS_SHARE_COACH:
              coach_only++;
              break;
            default:
              break;
            }
        }
    }

  /* Say what src/render does for each audience: a coach sees who shares
   * with the coach or the team, and private people only inside totals
   * that do not give them away; a workshop sees only who shares with the
   * team, and no total over fewer than three people. */
  if (workshop && private_people + coach_only > 0)
    {
      guint hidden = private_people + coach_only;

      /* Translators: %u people do not share their assessments with the team. */
      text = g_strdup_printf (ngettext ("Workshop mode: only people who share their assessments with the team are shown by name; %u person who does not is left out. No total covers fewer than three people. Safe to project.",
                                        "Workshop mode: only people who share their assessments with the team are shown by name; %u people who do not are left out. No total covers fewer than three people. Safe to project.",
                                        hidden), hidden);
    }
  else if (workshop)
    text = g_strdup (_("Workshop mode: everyone here shares their assessments with the team, and no total covers fewer than three people. Safe to project."));
  else if (private_people > 0 && coach_only > 0)
    {
      /* Translators: %u people keep their assessments to themselves. */
      g_autofree char *left_out = g_strdup_printf (ngettext ("Coach view: people who share with their coach or the team are shown by name. %u person who keeps their assessments private is left out and counts only in totals that do not give them away.",
                                                             "Coach view: people who share with their coach or the team are shown by name. %u people who keep their assessments private are left out and count only in totals that do not give them away.",
                                                             private_people), private_people);
      /* Translators: %u people share their assessments with their coach, not with the team. */
      g_autofree char *warning = g_strdup_printf (ngettext ("%u person shown shares only with their coach: turn on workshop mode before showing this to the team.",
                                                            "%u people shown share only with their coach: turn on workshop mode before showing this to the team.",
                                                            coach_only), coach_only);

      /* Translators: two sentences of the privacy note, one after the other. */
      text = g_strdup_printf (_("%s %s"), left_out, warning);
    }
  else if (private_people > 0)
    /* Translators: %u people keep their assessments to themselves. */
    text = g_strdup_printf (ngettext ("Coach view: %u person who keeps their assessments private is left out and counts only in totals that do not give them away; everyone else here shares with the team and is shown by name.",
                                      "Coach view: %u people who keep their assessments private are left out and count only in totals that do not give them away; everyone else here shares with the team and is shown by name.",
                                      private_people), private_people);
  else if (coach_only > 0)
    /* Translators: %u people share their assessments with their coach, not with the team. */
    text = g_strdup_printf (ngettext ("Coach view: everyone is shown by name, also %u person who shares only with their coach. Turn on workshop mode before showing this to the team.",
                                      "Coach view: everyone is shown by name, also %u people who share only with their coach. Turn on workshop mode before showing this to the team.",
                                      coach_only), coach_only);
  else
    text = g_strdup (_("Everyone here shares their assessments with the team and is shown by name."));

  gtk_label_set_label (self->privacy_label, text);
}

static void
rebuild_findings (TrellisHeatmapPage *self)
{
  GtkWidget *child;
  guint n = self->layout != NULL ? trellis_layout_get_n_findings (self->layout) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);

  for (guint i = 0; i < n; i++)
    {
      const TrellisFinding *finding = trellis_layout_get_finding (self->layout, i);
      g_autofree char *message = trellis_finding_dup_message_in (finding, self->content_language);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, trellis_finding_code_get_title (finding->code));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *heading = gtk_label_new (title);
      GtkWidget *body = gtk_label_new (message);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_widget_add_css_class (body, "caption");
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), body);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "finding", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->findings_list, row);
    }

  gtk_revealer_set_reveal_child (self->findings_revealer, n > 0);
}

static void
show_presentation (TrellisHeatmapPage *self)
{
  if (self->layout == NULL ||
      trellis_layout_get_n_rows (self->layout) == 0 || trellis_layout_get_n_columns (self->layout) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "message");
  else if (gtk_toggle_button_get_active (self->table_toggle))
    {
      guint row, column;

      gtk_stack_set_visible_child_name (self->content_stack, "table");
      if (trellis_heatmap_view_get_focus_cell (self->view, &row, &column))
        trellis_heatmap_table_select_cell (self->table, row, column);
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "map");
}

/* The screen a presented picture fills: the page less the bar under it. */
static void
present_screen (TrellisHeatmapPage *self,
                double             *width,
                double             *height)
{
  int bar = 0;

  gtk_widget_measure (self->present_bar, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (GTK_WIDGET (self)),
                      NULL, &bar, NULL, NULL);
  *width = gtk_widget_get_width (GTK_WIDGET (self));
  *height = gtk_widget_get_height (GTK_WIDGET (self)) - bar;
  if (*width < 100 || *height < 100)
    *width = *height = 0;
}

/* Sets one of the areas around the map: shown at @size (its height, or
 * width beside the map) with @part of the layout drawn at dx, dy. */
static void
set_area (GtkDrawingArea *area,
          gboolean        shown,
          GtkOrientation  orientation,
          double          size,
          double          dx,
          double          dy)
{
  g_object_set_data_full (G_OBJECT (area), "offset", g_memdup2 ((double[]) { dx, dy }, 2 * sizeof (double)), g_free);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    gtk_drawing_area_set_content_height (area, shown ? (int) ceil (size) : 0);
  else
    gtk_drawing_area_set_content_width (area, shown ? (int) ceil (size) : 0);
  gtk_widget_set_visible (GTK_WIDGET (area), shown && size > 0);
  gtk_widget_queue_draw (GTK_WIDGET (area));
}

/* The parts around the map where the layout put them. Presenting: the
 * title above the map, the legend beside it or under it, each in the
 * room the layout gave it on the screen (nothing is drawn over anything
 * else), the map at the layout's margin. Otherwise: the legend under the
 * map, scrolling when it is long. */
static void
update_presentation_areas (TrellisHeatmapPage *self)
{
  gboolean map = self->layout != NULL &&
                 g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "map") == 0;
  gboolean shown = self->presenting && map;
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->view));
  TrellisRect title = { 0 }, columns = { 0 }, rows = { 0 }, cells = { 0 }, legend = { 0 };
  double width = 0, height = 0;
  double map_left, map_right, map_bottom;
  gboolean beside;

  /* The screen the picture was laid out for. */
  if (map)
    {
      trellis_layout_get_areas (self->layout, &title, &columns, &rows, &cells, &legend);
      width = trellis_layout_get_options (self->layout)->fit_width;
      height = trellis_layout_get_options (self->layout)->fit_height;
    }
  shown = shown && width > 0;

  map_left = MIN (rows.x, cells.x);
  map_right = MAX (rows.x + rows.width, cells.x + cells.width);
  map_bottom = cells.y + cells.height;
  beside = shown && legend.y < map_bottom;

  set_area (self->title_area, shown, GTK_ORIENTATION_VERTICAL, columns.y, title.x, title.y);
  if (beside)
    set_area (self->legend_side_area, TRUE, GTK_ORIENTATION_HORIZONTAL,
              legend.x < map_left ? map_left : width - map_right,
              legend.x < map_left ? legend.x : legend.x - map_right, legend.y - columns.y);
  else
    set_area (self->legend_side_area, FALSE, GTK_ORIENTATION_HORIZONTAL, 0, 0, 0);
  if (shown && !beside)
    set_area (self->legend_area, TRUE, GTK_ORIENTATION_VERTICAL, MAX (height - map_bottom, legend.height),
              legend.x, legend.y - map_bottom);
  else
    set_area (self->legend_area, map && !self->presenting, GTK_ORIENTATION_VERTICAL, legend.height, 0, 0);
  gtk_widget_set_visible (self->legend_scroller, gtk_widget_get_visible (GTK_WIDGET (self->legend_area)));
  gtk_widget_set_margin_start (self->legend_scroller, self->presenting ? 0 : 12);
  gtk_widget_set_margin_end (self->legend_scroller, self->presenting ? 0 : 12);
  gtk_widget_set_margin_top (self->legend_scroller, self->presenting ? 0 : 6);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->legend_scroller), self->presenting ? -1 : 160);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->legend_scroller), GTK_POLICY_AUTOMATIC,
                                  self->presenting ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);

  /* The map at the layout's margins. */
  gtk_widget_set_margin_start (scroller, shown ? (int) MAX (0, floor (gtk_widget_get_direction (scroller) == GTK_TEXT_DIR_RTL
                                                                      ? width - map_right : map_left)) : 0);
  gtk_widget_set_margin_end (scroller, shown && !beside ? (int) MAX (0, floor (gtk_widget_get_direction (scroller) == GTK_TEXT_DIR_RTL
                                                                               ? map_left : width - map_right)) : 0);

  if (shown)
    {
      /* Translators: the accessible name of the title over a presented map; %s is the view, e.g. “Gap heatmap”. */
      g_autofree char *label = g_strdup_printf (_("Title: %s"),
                                                trellis_view_get_title (trellis_layout_get_options (self->layout)->view));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

/* Paints the title or the legend (@legend) where set_area() said. */
static void
draw_area (TrellisHeatmapPage *self,
           GtkDrawingArea     *drawing_area,
           cairo_t            *cr,
           int                 width,
           int                 height,
           gboolean            legend)
{
  const double *offset = g_object_get_data (G_OBJECT (drawing_area), "offset");
  TrellisRect title_rect;
  TrellisRect legend_rect;
  TrellisRect clip;
  const TrellisRect *area;

  if (self->layout == NULL || offset == NULL)
    return;

  trellis_layout_get_areas (self->layout, &title_rect, NULL, NULL, NULL, &legend_rect);
  area = legend ? &legend_rect : &title_rect;
  clip = TRELLIS_RECT_INIT (0, 0, area->width, area->height);

  cairo_translate (cr, offset[0], offset[1]);
  if (legend)
    trellis_layout_paint_legend (self->layout, cr, &clip);
  else
    trellis_layout_paint_title (self->layout, cr, &clip);
}

static void
draw_title_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  draw_area (TRELLIS_HEATMAP_PAGE (user_data), area, cr, width, height, FALSE);
}

static void
draw_legend_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  draw_area (TRELLIS_HEATMAP_PAGE (user_data), area, cr, width, height, TRUE);
}

static void
update_zoom_button (TrellisHeatmapPage *self)
{
  g_autofree char *zoom = g_strdup_printf ("%d %%", (int) (self->zoom * 100 + 0.5));
  g_autofree char *label = NULL;

  gtk_button_set_label (self->zoom_button, zoom);
  /* GtkButton names itself by its label: say what pressing it does. */
  /* Translators: the accessible name of the zoom button; %s is the zoom, e.g. “150 %”. */
  label = g_strdup_printf (_("Zoom %s, back to normal size"), zoom);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The levels a cell of the map can take, and their names. */
static void
update_scale (TrellisHeatmapPage *self)
{
  g_autoptr(GtkStringList) labels = trellis_scale_choices_new (self->document, NULL);

  trellis_heatmap_view_set_scale (self->view, trellis_document_get_scale (self->document), G_LIST_MODEL (labels));
}

/* Shows @layout (or why there is none, in @error), made for @options. */
static void
show_layout (TrellisHeatmapPage         *self,
             TrellisLayout              *layout,
             const TrellisRenderOptions *options,
             const GError               *error)
{
  g_clear_object (&self->layout);
  if (layout == NULL)
    {
      adw_status_page_set_title (self->message_page, trellis_view_get_title (options->view));
      adw_status_page_set_description (self->message_page, error != NULL ? error->message : NULL);
    }
  else
    {
      g_autofree char *label = NULL;

      self->layout = g_object_ref (layout);

      if (trellis_layout_get_n_rows (layout) == 0 || trellis_layout_get_n_columns (layout) == 0)
        {
          adw_status_page_set_title (self->message_page, trellis_view_get_title (options->view));
          adw_status_page_set_description (self->message_page,
                                           _("Nothing to show yet. Add competencies, roles and people, and assess people, to see the matrix grow here."));
        }

      /* Translators: the accessible name of the heatmap; %s is the view, e.g. “Gap heatmap”. */
      label = g_strdup_printf (_("Heatmap: %s"), trellis_view_get_title (options->view));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  /* A presented picture takes the zoom at which it fills the screen. */
  if (self->presenting && self->layout != NULL)
    {
      /* Within what the widget's zoom takes; the layout keeps its own. */
      self->zoom = CLAMP (trellis_layout_get_options (self->layout)->zoom, 0.5, 3.0);
      g_object_set (self->view, "zoom", self->zoom, NULL);
    }

  trellis_heatmap_view_set_layout (self->view, self->layout);
  update_scale (self);
  trellis_heatmap_table_set_layout (self->table, self->layout);
  rebuild_findings (self);
  update_privacy_label (self);
  show_presentation (self);
  update_presentation_areas (self);

  update_zoom_button (self);
}

/* Whether there is nothing to show, which needs no analysis. */
static gboolean
clear_without_document (TrellisHeatmapPage *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->stale = FALSE;

  if (self->document != NULL)
    return FALSE;

  g_clear_object (&self->layout);
  trellis_heatmap_view_set_layout (self->view, NULL);
  trellis_heatmap_view_set_scale (self->view, NULL, NULL);
  trellis_heatmap_table_set_layout (self->table, NULL);
  return TRUE;
}

/* The analysis of the layout shown, when the document has not changed
 * since it was made. */
static TrellisAnalysis *
current_analysis (TrellisHeatmapPage *self)
{
  if (self->layout == NULL || self->document_dirty)
    return NULL;

  return trellis_layout_get_analysis (self->layout);
}

/* Makes the layout now, in this thread: for the calls that promise it
 * before they return. */
static void
rebuild (TrellisHeatmapPage *self)
{
  g_autoptr(TrellisRenderOptions) options = NULL;
  g_autoptr(TrellisAnalysis) analysis = NULL;
  g_autoptr(TrellisLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  if (clear_without_document (self))
    return;

  /* A layout a worker is making now would be older than this one. */
  self->generation++;

  options = make_options (self);
  gtk_widget_set_visible (GTK_WIDGET (self->since_button), options->view == TRELLIS_VIEW_TREND);

  analysis = current_analysis (self);
  if (analysis != NULL)
    trellis_analysis_ref (analysis);
  else
    analysis = trellis_analysis_new (self->document);
  self->document_dirty = FALSE;

  layout = trellis_layout_new (analysis, options, &error);
  show_layout (self, layout, options, error);
}

/* What a worker gets: a copy of the document, or the analysis of one
 * when only the options changed; and what it gives back. */
typedef struct
{
  TrellisDocument      *snapshot;
  TrellisAnalysis      *analysis;
  TrellisRenderOptions *options;
  TrellisLayout        *layout;
  GError               *error;
  guint                 generation;
} Build;

static void
build_free (gpointer data)
{
  Build *build = data;

  g_clear_object (&build->snapshot);
  g_clear_pointer (&build->analysis, trellis_analysis_unref);
  g_clear_pointer (&build->options, trellis_render_options_free);
  g_clear_object (&build->layout);
  g_clear_error (&build->error);
  g_free (build);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Build *build = task_data;

  if (build->analysis == NULL)
    build->analysis = trellis_analysis_new (build->snapshot);
  build->layout = trellis_layout_new (build->analysis, build->options, &build->error);

  g_task_return_boolean (task, TRUE);
}

static void rebuild_async (TrellisHeatmapPage *self);

static void
build_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TrellisHeatmapPage *self = TRELLIS_HEATMAP_PAGE (source_object);
  Build *build = g_task_get_task_data (G_TASK (result));

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self->building = FALSE;

  /* Shown unless a newer layout was made meanwhile; a newer change is
   * shown by the next one, and until then this one stands. */
  if (build->generation == self->generation)
    show_layout (self, build->layout, build->options, build->error);

  if (self->build_again)
    {
      self->build_again = FALSE;
      rebuild_async (self);
    }
}

/* Makes the layout in a worker thread, so that an edit never waits for
 * the analysis of a large matrix: the worker analyses a copy of the
 * document (trellis_document_snapshot()) and lays it out, and the page
 * shows the previous layout until the new one is ready. The cell
 * actions find what they edit by id in the live document, so nothing is
 * ever edited from a layout that is out of date. One worker at a time:
 * what changes while it works is made by the next. */
static void
rebuild_async (TrellisHeatmapPage *self)
{
  g_autoptr(GTask) task = NULL;
  TrellisAnalysis *analysis;
  Build *build;

  if (clear_without_document (self))
    return;

  if (self->building)
    {
      self->build_again = TRUE;
      return;
    }

  build = g_new0 (Build, 1);
  build->options = make_options (self);
  build->generation = ++self->generation;
  gtk_widget_set_visible (GTK_WIDGET (self->since_button), build->options->view == TRELLIS_VIEW_TREND);

  analysis = current_analysis (self);
  if (analysis != NULL)
    build->analysis = trellis_analysis_ref (analysis);
  else
    build->snapshot = trellis_document_snapshot (self->document);
  self->document_dirty = FALSE;

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  self->building = TRUE;
  task = g_task_new (self, self->cancellable, build_done_cb, NULL);
  g_task_set_source_tag (task, rebuild_async);
  g_task_set_task_data (task, build, build_free);
  g_task_run_in_thread (task, build_thread);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TrellisHeatmapPage *self = user_data;

  self->rebuild_source = 0;
  rebuild_async (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (TrellisHeatmapPage *self)
{
  /* Out of view, the next showing rebuilds; in view, once per burst of
   * changes (a grouped edit emits many). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, rebuild_idle_cb, self, NULL);
}

static void
document_changed_cb (TrellisHeatmapPage *self)
{
  self->document_dirty = TRUE;
  schedule_rebuild (self);
}

static void
options_changed_cb (TrellisHeatmapPage *self)
{
  if (self->updating)
    return;

  /* Presenting, the projector only ever gets the workshop audience. */
  if (self->presenting && !gtk_toggle_button_get_active (self->workshop_button))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_toggle_button_set_active (self->workshop_button, TRUE);
      return;
    }

  if (self->settings != NULL)
    {
      guint view = gtk_drop_down_get_selected (self->view_dropdown);

      if (view < TRELLIS_N_VIEWS)
        g_settings_set_string (self->settings, "last-heatmap-view", trellis_view_to_string (view));
    }

  schedule_rebuild (self);
}

static void
style_changed_cb (TrellisHeatmapPage *self)
{
  schedule_rebuild (self);
}

static void
zoom_changed_cb (TrellisHeatmapPage *self)
{
  double zoom;

  g_object_get (self->view, "zoom", &zoom, NULL);
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  /* The large type of a presentation is not the zoom to come back to. */
  if (self->settings != NULL && !self->presenting)
    g_settings_set_double (self->settings, "heatmap-zoom", zoom);
  schedule_rebuild (self);
}

static void
zoom_in_cb (TrellisHeatmapPage *self)
{
  g_object_set (self->view, "zoom", self->zoom * 1.2, NULL);
}

static void
zoom_out_cb (TrellisHeatmapPage *self)
{
  g_object_set (self->view, "zoom", self->zoom / 1.2, NULL);
}

static void
zoom_reset_cb (TrellisHeatmapPage *self)
{
  g_object_set (self->view, "zoom", 1.0, NULL);
}

static void
presentation_toggled_cb (TrellisHeatmapPage *self)
{
  show_presentation (self);
  update_presentation_areas (self);
}

/* Says on screen who a presentation shows. */
static void
update_present_label (TrellisHeatmapPage *self)
{
  gtk_label_set_label (self->present_label,
                       self->present_totals
                       ? _("Shown: totals only, of three people or more; nobody by name.")
                       : _("Shown: people who share their assessments with the team, and totals of three people or more."));
}

static void
present_totals_toggled_cb (TrellisHeatmapPage *self)
{
  gboolean totals = gtk_toggle_button_get_active (self->present_totals_button);

  if (totals == self->present_totals)
    return;

  self->present_totals = totals;
  update_present_label (self);
  schedule_rebuild (self);
}

/* Alt+T, while presenting: totals only, or everyone who shares. */
static gboolean
toggle_totals_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  TrellisHeatmapPage *self = TRELLIS_HEATMAP_PAGE (widget);

  if (!self->presenting)
    return FALSE;

  gtk_toggle_button_set_active (self->present_totals_button, !self->present_totals);
  return TRUE;
}

static void
table_cell_selected_cb (TrellisHeatmapPage *self,
                        guint               row,
                        guint               column)
{
  trellis_heatmap_view_set_focus_cell (self->view, row, column);
}

static void
finding_activated_cb (TrellisHeatmapPage *self,
                      GtkListBoxRow      *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "finding"));
  const TrellisFinding *finding;
  guint n_rows, n_columns;
  guint found_row = 0;
  guint found_column = 0;

  if (self->layout == NULL || index >= trellis_layout_get_n_findings (self->layout))
    return;

  finding = trellis_layout_get_finding (self->layout, index);
  n_rows = trellis_layout_get_n_rows (self->layout);
  n_columns = trellis_layout_get_n_columns (self->layout);

  /* The finding's row, and the role or competency it names. */
  for (guint r = 0; r < n_rows; r++)
    {
      if (trellis_layout_get_row_entity (self->layout, r) == finding->subject)
        {
          found_row = r;
          break;
        }
    }
  for (guint c = 0; c < n_columns; c++)
    {
      TrellisEntity *entity = trellis_layout_get_column_entity (self->layout, c);

      if (entity != NULL && (entity == finding->role || entity == finding->competency))
        {
          found_column = c;
          break;
        }
    }

  gtk_toggle_button_set_active (self->map_toggle, TRUE);
  trellis_heatmap_view_set_focus_cell (self->view, found_row, found_column);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
source_changed_cb (TrellisHeatmapPage *self)
{
  g_autofree char *source = g_settings_get_string (self->settings, "assessment-source");
  TrellisSource value = TRELLIS_SOURCE_AGREED;

  trellis_source_from_string (source, strlen (source), &value);
  trellis_heatmap_view_set_source (self->view, value);
}

/* The page's one child takes all of it: a layout manager would hide the
 * allocations from the page, which presenting follows. */
static void
trellis_heatmap_page_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* A presented picture fills the screen: a new size, a new layout. */
static void
trellis_heatmap_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  TrellisHeatmapPage *self = TRELLIS_HEATMAP_PAGE (widget);
  double screen_width, screen_height;

  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if (!self->presenting)
    return;
  present_screen (self, &screen_width, &screen_height);
  if (screen_width != self->fit_width || screen_height != self->fit_height)
    schedule_rebuild (self);
}

static void
trellis_heatmap_page_map (GtkWidget *widget)
{
  TrellisHeatmapPage *self = TRELLIS_HEATMAP_PAGE (widget);

  GTK_WIDGET_CLASS (trellis_heatmap_page_parent_class)->map (widget);

  if (self->stale || (self->layout == NULL && self->document != NULL))
    rebuild_async (self);
}

/* The renderer mirrors the map right to left from the options: a change
 * of direction (the desktop's language) needs a layout of its own. */
static void
trellis_heatmap_page_direction_changed (GtkWidget        *widget,
                                        GtkTextDirection  previous)
{
  TrellisHeatmapPage *self = TRELLIS_HEATMAP_PAGE (widget);

  GTK_WIDGET_CLASS (trellis_heatmap_page_parent_class)->direction_changed (widget, previous);

  if (self->layout != NULL)
    schedule_rebuild (self);
}

static void
trellis_heatmap_page_dispose (GObject *object)
{
  TrellisHeatmapPage *self = TRELLIS_HEATMAP_PAGE (object);
  GtkWidget *child;

  trellis_heatmap_page_set_document (self, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->layout);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->content_language, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_HEATMAP_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_heatmap_page_parent_class)->dispose (object);
}

static void
trellis_heatmap_page_class_init (TrellisHeatmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_heatmap_page_dispose;
  widget_class->direction_changed = trellis_heatmap_page_direction_changed;
  widget_class->map = trellis_heatmap_page_map;
  widget_class->size_allocate = trellis_heatmap_page_size_allocate;
  widget_class->measure = trellis_heatmap_page_measure;

  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);
  g_type_ensure (TRELLIS_TYPE_HEATMAP_TABLE);
  g_type_ensure (TRELLIS_TYPE_HEATMAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-heatmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, findings_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, legend_area);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, legend_scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, legend_side_area);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, map_toggle);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, present_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, present_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, present_totals_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, message_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, privacy_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, since_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, table);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, title_area);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, view);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, workshop_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisHeatmapPage, zoom_button);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, presentation_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, present_totals_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_cell_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_reset_cb);

  gtk_widget_class_set_css_name (widget_class, "heatmappage");
}

static void
trellis_heatmap_page_init (TrellisHeatmapPage *self)
{
  g_autoptr(GtkStringList) views = gtk_string_list_new (NULL);
  g_autofree char *last_view = NULL;
  TrellisView view = TRELLIS_VIEW_GAPS;
  GDate since;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->title_area, draw_title_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->legend_area, draw_legend_cb, self, NULL);
  gtk_drawing_area_set_draw_func (self->legend_side_area, draw_legend_cb, self, NULL);

  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_ALT_MASK),
                                                            gtk_callback_action_new (toggle_totals_cb, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  for (guint i = 0; i < TRELLIS_N_VIEWS; i++)
    gtk_string_list_append (views, trellis_view_get_title (i));
  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (views));

  self->settings = g_settings_new (APP_ID);
  last_view = g_settings_get_string (self->settings, "last-heatmap-view");
  trellis_view_from_string (last_view, &view);
  gtk_drop_down_set_selected (self->view_dropdown, view);
  self->zoom = g_settings_get_double (self->settings, "heatmap-zoom");
  g_object_set (self->view, "zoom", self->zoom, NULL);
  update_zoom_button (self);

  /* A trend looks back half a year unless told otherwise. */
  g_date_clear (&since, 1);
  g_date_set_julian (&since, trellis_date_today ());
  g_date_subtract_months (&since, 6);
  trellis_date_button_set_date (self->since_button, g_date_get_julian (&since));

  g_signal_connect_object (self->settings, "changed::assessment-source", G_CALLBACK (source_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::heatmap-theme", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::heatmap-cell-text", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);
  source_changed_cb (self);

  adw_status_page_set_title (self->message_page, _("No Heatmap"));
  self->updating = FALSE;
}

TrellisDocument *
trellis_heatmap_page_get_document (TrellisHeatmapPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_PAGE (self), NULL);

  return self->document;
}

/**
 * trellis_heatmap_page_set_content_language:
 * @self: a #TrellisHeatmapPage
 * @language: (nullable): the language to show the matrix's texts in, where
 *   they are translated; %NULL for the original
 *
 * The maps, their table twins, findings and exports follow it.
 */
void
trellis_heatmap_page_set_content_language (TrellisHeatmapPage *self,
                                           const char         *language)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  if (g_strcmp0 (self->content_language, language) == 0)
    return;

  g_free (self->content_language);
  self->content_language = g_strdup (language);
  schedule_rebuild (self);
}

/**
 * trellis_heatmap_page_set_document:
 * @self: a #TrellisHeatmapPage
 * @document: (nullable): the document whose heatmaps to show
 */
void
trellis_heatmap_page_set_document (TrellisHeatmapPage *self,
                                   TrellisDocument    *document)
{
  g_autoptr(GtkExpression) expression = NULL;

  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  g_set_object (&self->document, document);

  self->updating = TRUE;
  g_clear_object (&self->roles);
  if (document != NULL)
    {
      self->roles = trellis_entity_choices_new (trellis_document_get_list (document, TRELLIS_KIND_ROLE), _("All roles"));
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }
  expression = trellis_entity_label_expression_new (_("All roles"));
  gtk_drop_down_set_expression (self->role_dropdown, expression);
  gtk_drop_down_set_model (self->role_dropdown, self->roles);
  gtk_drop_down_set_selected (self->role_dropdown, 0);
  self->updating = FALSE;

  /* What a worker makes of the previous document is not shown. */
  self->generation++;
  self->document_dirty = TRUE;
  g_clear_object (&self->layout);
  trellis_heatmap_view_set_layout (self->view, NULL);
  trellis_heatmap_view_set_scale (self->view, NULL, NULL);
  trellis_heatmap_table_set_layout (self->table, NULL);
  schedule_rebuild (self);
}

/**
 * trellis_heatmap_page_get_view:
 *
 * Returns: (transfer none): the heatmap widget
 */
TrellisHeatmapView *
trellis_heatmap_page_get_view (TrellisHeatmapPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_PAGE (self), NULL);

  return self->view;
}

/**
 * trellis_heatmap_page_get_table:
 *
 * Returns: (transfer none): the table twin
 */
TrellisHeatmapTable *
trellis_heatmap_page_get_table (TrellisHeatmapPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_PAGE (self), NULL);

  return self->table;
}

/**
 * trellis_heatmap_page_get_layout:
 *
 * Returns: (transfer none) (nullable): the view shown
 */
TrellisLayout *
trellis_heatmap_page_get_layout (TrellisHeatmapPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_PAGE (self), NULL);

  return self->layout;
}

/**
 * trellis_heatmap_page_set_view:
 * @self: a #TrellisHeatmapPage
 * @view: the view to show
 */
void
trellis_heatmap_page_set_view (TrellisHeatmapPage *self,
                               TrellisView         view)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));
  g_return_if_fail (view < TRELLIS_N_VIEWS);

  gtk_drop_down_set_selected (self->view_dropdown, view);
  rebuild (self);
}

/**
 * trellis_heatmap_page_set_workshop_mode:
 * @self: a #TrellisHeatmapPage
 * @workshop: whether to show only what is safe to project
 */
void
trellis_heatmap_page_set_workshop_mode (TrellisHeatmapPage *self,
                                        gboolean            workshop)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  gtk_toggle_button_set_active (self->workshop_button, workshop);
  rebuild (self);
}

/**
 * trellis_heatmap_page_get_presenting:
 * @self: a #TrellisHeatmapPage
 *
 * Returns: whether the page shows only the map, for a projector
 */
gboolean
trellis_heatmap_page_get_presenting (TrellisHeatmapPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEATMAP_PAGE (self), FALSE);

  return self->presenting;
}

/**
 * trellis_heatmap_page_set_presenting:
 * @self: a #TrellisHeatmapPage
 * @presenting: whether to show only the map, for a projector
 *
 * Presenting shows the map alone with its title and legend, in large
 * type and for the workshop audience, which cannot be turned off until
 * the presentation ends. Ending it brings back the zoom, the audience
 * and the controls as they were.
 */
void
trellis_heatmap_page_set_presenting (TrellisHeatmapPage *self,
                                     gboolean            presenting)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  if (presenting)
    {
      self->saved_zoom = self->zoom;
      self->saved_workshop = gtk_toggle_button_get_active (self->workshop_button);
      self->saved_table = gtk_toggle_button_get_active (self->table_toggle);

      /* First the audience, so that no layout is ever made for a coach
       * while the page is presenting. */
      self->presenting = TRUE;
      gtk_toggle_button_set_active (self->workshop_button, TRUE);
      gtk_toggle_button_set_active (self->map_toggle, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->workshop_button), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
    }
  else
    {
      self->presenting = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->workshop_button), TRUE);
      gtk_toggle_button_set_active (self->workshop_button, self->saved_workshop);
      gtk_toggle_button_set_active (self->saved_table ? self->table_toggle : self->map_toggle, TRUE);
      g_object_set (self->view, "zoom", self->saved_zoom, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
    }

  gtk_widget_set_visible (self->toolbar, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->privacy_label), !presenting);
  gtk_widget_set_visible (self->toolbar_separator, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_revealer), !presenting);
  gtk_widget_set_visible (self->present_bar, presenting);
  /* Each presentation begins with everyone who shares with the team. */
  gtk_toggle_button_set_active (self->present_totals_button, FALSE);
  update_present_label (self);

  rebuild (self);
}

/**
 * trellis_heatmap_page_show_start:
 * @self: a #TrellisHeatmapPage
 *
 * Scrolls the map to its first rows and columns, so that a presentation
 * starts at the top of the map, with a focus cell for the arrow keys.
 */
void
trellis_heatmap_page_show_start (TrellisHeatmapPage *self)
{
  guint row;
  guint column;

  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  if (self->layout == NULL || trellis_layout_get_n_rows (self->layout) == 0 ||
      trellis_layout_get_n_columns (self->layout) == 0)
    return;

  if (!trellis_heatmap_view_get_focus_cell (self->view, &row, &column))
    trellis_heatmap_view_set_focus_cell (self->view, 0, 0);
  trellis_heatmap_view_scroll_to_start (self->view);
}

/**
 * trellis_heatmap_page_focus_map:
 * @self: a #TrellisHeatmapPage
 *
 * Puts the keyboard focus in the map (or its table twin, when that is
 * shown), at its focus cell; with nothing to show yet, on the first
 * control.
 */
void
trellis_heatmap_page_focus_map (TrellisHeatmapPage *self)
{
  const char *shown;

  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  if (self->stale || self->rebuild_source != 0)
    rebuild (self);

  shown = gtk_stack_get_visible_child_name (self->content_stack);
  if (g_strcmp0 (shown, "map") == 0)
    {
      guint row, column;

      if (!trellis_heatmap_view_get_focus_cell (self->view, &row, &column))
        trellis_heatmap_view_set_focus_cell (self->view, 0, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
  else if (g_strcmp0 (shown, "table") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->table));
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/**
 * trellis_heatmap_page_rebuild:
 * @self: a #TrellisHeatmapPage
 *
 * Makes the layout again now rather than when idle.
 */
void
trellis_heatmap_page_rebuild (TrellisHeatmapPage *self)
{
  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  rebuild (self);
}
