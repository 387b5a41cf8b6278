/* trellis-report-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-report-dialog.h"
#include "trellis-translations.h"
#include "trellis-widget-util.h"

/* Before printing or exporting a report: which sections, for whom (the
 * team, or one person alone), for which audience, for an export the
 * paper, and, for a matrix with translations, the language of its
 * texts and whether the original goes under each. The print dialog then
 * chooses the printer and the paper. */

typedef struct
{
  TrellisDocument         *document;
  GtkCheckButton          *sections[TRELLIS_N_REPORT_SECTIONS];
  AdwComboRow             *person_row;
  AdwComboRow             *audience_row;
  AdwComboRow             *paper_row;
  AdwComboRow             *language_row;   /* NULL when the matrix has no translations */
  GtkSwitch               *bilingual;
  GtkWidget               *bilingual_row;
  char                   **languages;      /* the choices after the original */
  TrellisReportChosenFunc  func;
  gpointer                 user_data;
  GDestroyNotify           destroy;
} Dialog;

static void
dialog_free (gpointer data)
{
  Dialog *d = data;

  if (d->destroy != NULL)
    d->destroy (d->user_data);
  g_clear_object (&d->document);
  g_strfreev (d->languages);
  g_free (d);
}

static void
go_cb (GtkButton *button,
       GtkWindow *window)
{
  Dialog *d = g_object_get_data (G_OBJECT (window), "trellis-report-dialog");
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  guint person = adw_combo_row_get_selected (d->person_row);

  options->sections = 0;
  for (guint i = 0; i < TRELLIS_N_REPORT_SECTIONS; i++)
    if (gtk_check_button_get_active (d->sections[i]))
      options->sections |= 1u << i;
  if (options->sections == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (window));
      return;
    }

  options->audience = adw_combo_row_get_selected (d->audience_row) == 1 ? TRELLIS_AUDIENCE_WORKSHOP
                                                                         : TRELLIS_AUDIENCE_COACH;
  if (d->paper_row != NULL)
    options->paper = adw_combo_row_get_selected (d->paper_row) == 1 ? TRELLIS_PAPER_LETTER : TRELLIS_PAPER_A4;
  if (person > 0 && person != GTK_INVALID_LIST_POSITION)
    {
      TrellisEntity *entity = trellis_document_get_item (d->document, TRELLIS_KIND_PERSON, person - 1);

      trellis_report_options_set_person (options, trellis_entity_get_id (entity));
    }
  if (d->language_row != NULL)
    {
      guint language = adw_combo_row_get_selected (d->language_row);

      if (language > 0 && language != GTK_INVALID_LIST_POSITION)
        {
          trellis_report_options_set_content_language (options, d->languages[language - 1]);
          options->bilingual = gtk_switch_get_active (d->bilingual);
        }
    }

  d->func (options, d->user_data);
  gtk_window_destroy (window);
}

static GtkWidget *
sections_group (Dialog *d)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sections"));
  for (guint i = 0; i < TRELLIS_N_REPORT_SECTIONS; i++)
    {
      TrellisReportSection section = 1u << i;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_report_section_get_title (section));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (TRELLIS_REPORT_DEFAULT & section) != 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      trellis_report_section_get_title (section), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      d->sections[i] = GTK_CHECK_BUTTON (check);
    }

  return group;
}

static AdwComboRow *
combo_row (const char        *title,
           const char        *subtitle,
           const char * const *choices,
           guint              selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);

  return ADW_COMBO_ROW (row);
}

static GtkWidget *
readers_group (Dialog   *d,
               gboolean  export)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint n = trellis_document_get_n_items (d->document, TRELLIS_KIND_PERSON);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *description = NULL;
  const char * const audiences[] = { _("A coach"), _("The whole team"), NULL };
  /* Translators: paper sizes for the exported report; “Letter” is US Letter. */
  const char * const papers[] = { _("A4"), C_("paper size", "Letter"), NULL };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Readers"));

  g_ptr_array_add (people, g_strdup (_("Everyone")));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (people, trellis_entity_dup_label (trellis_document_get_item (d->document, TRELLIS_KIND_PERSON, i)));
  g_ptr_array_add (people, NULL);
  /* The rows say what they are and what is chosen; what the choices
   * mean is said above them, where a long sentence in another language
   * does not squeeze the choice out of view. */
  description = g_strjoin ("\n",
                           _("Everyone who may be shown, or one person alone, whatever they chose to share"),
                           _("A coach sees who shares with their coach; the whole team only who shares with the team, and no group under three"),
                           NULL);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  /* Translators: the report dialog: whose report it is, everyone's or one person's (“For: Anna”). */
  d->person_row = combo_row (_("For"), NULL, (const char * const *) people->pdata, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->person_row));

  d->audience_row = combo_row (_("Read by"), NULL, audiences, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->audience_row));

  if (export)
    {
      d->paper_row = combo_row (_("Paper"), NULL, papers, trellis_paper_from_locale () == TRELLIS_PAPER_LETTER ? 1 : 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->paper_row));
    }

  return group;
}

static void
language_selected_cb (Dialog *d)
{
  guint language = adw_combo_row_get_selected (d->language_row);

  gtk_widget_set_sensitive (d->bilingual_row, language > 0 && language != GTK_INVALID_LIST_POSITION);
}

/* The language of the matrix's own texts, for a matrix with translations. */
static GtkWidget *
texts_group (Dialog *d)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (choices, g_strdup (_("The Original")));
  for (guint i = 0; d->languages[i] != NULL; i++)
    g_ptr_array_add (choices, trellis_language_dup_name (d->languages[i]));
  g_ptr_array_add (choices, NULL);

  /* Translators: the report dialog: a group choosing the language of the team's own texts
   * (values, competencies, level descriptions), not of the program. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Texts"));
  d->language_row = combo_row (_("Language"), _("The team’s own texts in this language where they are translated"),
                               (const char * const *) choices->pdata, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->language_row));

  d->bilingual = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (d->bilingual), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Both Languages"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each text with its original under it"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (d->bilingual));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (d->bilingual));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->bilingual), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Both Languages"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  d->bilingual_row = row;
  g_signal_connect_swapped (d->language_row, "notify::selected", G_CALLBACK (language_selected_cb), d);
  gtk_widget_set_sensitive (row, FALSE);

  return group;
}

/**
 * trellis_report_dialog_set_content_language:
 * @dialog: a dialog of trellis_report_dialog_new()
 * @language: (nullable): the language to choose first; %NULL for the
 *   original
 */
void
trellis_report_dialog_set_content_language (GtkWindow  *dialog,
                                            const char *language)
{
  Dialog *d = g_object_get_data (G_OBJECT (dialog), "trellis-report-dialog");

  g_return_if_fail (d != NULL);

  for (guint i = 0; d->language_row != NULL && d->languages[i] != NULL; i++)
    if (g_strcmp0 (d->languages[i], language) == 0)
      adw_combo_row_set_selected (d->language_row, i + 1);
}

/**
 * trellis_report_dialog_new:
 * @parent: the window it belongs to
 * @document: the matrix
 * @export: whether the report is to be exported (then the paper is
 *   chosen here) rather than printed
 * @func: receives the choices when the person goes on
 * @user_data: for @func
 * @destroy: frees @user_data when the dialog closes
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWindow *
trellis_report_dialog_new (GtkWindow               *parent,
                           TrellisDocument         *document,
                           gboolean                 export,
                           TrellisReportChosenFunc  func,
                           gpointer                 user_data,
                           GDestroyNotify           destroy)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *go = gtk_button_new_with_mnemonic (export ? _("_Export…") : _("_Print…"));
  Dialog *d = g_new0 (Dialog, 1);

  d->document = g_object_ref (document);
  d->func = func;
  d->user_data = user_data;
  d->destroy = destroy;
  g_object_set_data_full (G_OBJECT (window), "trellis-report-dialog", d, dialog_free);

  gtk_window_set_title (GTK_WINDOW (window), export ? _("Export Report") : _("Print Report"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 680);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), go);
  gtk_widget_add_css_class (go, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (go, "clicked", G_CALLBACK (go_cb), window);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (readers_group (d, export)));
  d->languages = trellis_document_dup_languages (document);
  if (d->languages[0] != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (texts_group (d)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (sections_group (d)));
  gtk_widget_set_vexpand (page, TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), go);

  trellis_dialog_close_on_escape (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
