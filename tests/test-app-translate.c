/* test-app-translate.c: the matrix's texts out to a translator and back
 * in the application, and the matrix shown in the translation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-heatmap-page.h"
#include "trellis-guide.h"
#include "trellis-mandate-view.h"
#include "trellis-personal.h"
#include "trellis-report-dialog.h"
#include "trellis-test-app.h"
#include "trellis-translate-dialog.h"
#include "trellis-translations.h"

/* What the test "translates" every text into: a marker before it. */
#define MARK "⟦de⟧ "

typedef struct
{
  TrellisApplication *app;
  TrellisWindow      *window;
  TrellisDocument    *document;
  GFile              *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->file = trellis_test_copy_example ("customer-service.trellis");
  f->app = trellis_test_app_new ();
  f->window = trellis_test_open (f->app, f->file);
  f->document = trellis_window_get_document (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  trellis_test_close_all (f->app);
  g_clear_object (&f->app);
  g_clear_object (&f->file);
}

static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

/* A translator's work, done by gettext's tools: each text with the marker. */
static GFile *
translate (const char *po)
{
  g_autofree char *english = g_build_filename (test_home, "english.po", NULL);
  g_autofree char *german = g_build_filename (test_home, "german.po", NULL);
  const char *msgen[] = { "msgen", "-o", english, po, NULL };
  const char *msgfilter[] = { "msgfilter", "--keep-header", "-i", english, "-o", german, "sed", "-e", "s/^/" MARK "/", NULL };

  run (msgen);
  run (msgfilter);
  return g_file_new_for_path (german);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button;

  for (guint i = 0; (button = trellis_test_find_type (root, GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
      return button;

  return NULL;
}

static gboolean
menu_has (GMenuModel *menu,
          const char *label,
          const char *target)
{
  for (gint i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *item_target = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &item_target);
      if (g_strcmp0 (item_label, label) == 0 && g_strcmp0 (item_target, target) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The Content Language menu of the window: the section inside it. */
static GMenuModel *
content_language_menu (Fixture *f)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *button;

  for (guint i = 0; (button = trellis_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, i)) != NULL; i++)
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

      for (gint s = 0; menu != NULL && s < g_menu_model_get_n_items (menu); s++)
        {
          GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

          for (gint k = 0; section != NULL && k < g_menu_model_get_n_items (section); k++)
            {
              GMenuModel *submenu = g_menu_model_get_item_link (section, k, G_MENU_LINK_SUBMENU);
              GMenuModel *inner = submenu != NULL ? g_menu_model_get_item_link (submenu, 0, G_MENU_LINK_SECTION) : NULL;
              g_autofree char *label = NULL;

              g_menu_model_get_item_attribute (section, k, G_MENU_ATTRIBUTE_LABEL, "s", &label);
              g_clear_object (&submenu);
              if (g_strcmp0 (label, "Content _Language") == 0 && inner != NULL)
                {
                  g_object_unref (section);
                  g_object_unref (inner);   /* the window keeps it */
                  return inner;
                }
              g_clear_object (&inner);
            }
          g_clear_object (&section);
        }
    }

  g_error ("no Content Language menu");
  return NULL;
}

/* Export, translate with gettext's tools, import: every text of the
 * matrix translated, one undo step; then shown in the translation. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *original = trellis_test_serialize (f->document);
  g_autofree char *po_path = g_build_filename (test_home, "customer-service.de.po", NULL);
  g_autoptr(GFile) po = g_file_new_for_path (po_path);
  g_autoptr(GFile) translated = NULL;
  g_autoptr(GArray) texts = trellis_document_list_texts (f->document);
  GtkWindow *dialog;
  GtkEditable *language;
  TrellisHeatmapPage *page;
  TrellisLayout *layout;
  GMenuModel *menu = content_language_menu (f);

  /* Nothing translated yet: the original alone. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (menu_has (menu, "The Original, English (en)", ""));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.translate", NULL);
  trellis_test_iterate (100);
  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (g_strcmp0 (gtk_window_get_title (l->data), "Translate Matrix Texts") == 0)
      dialog = l->data;
  g_assert_nonnull (dialog);

  /* The language typed, and what the dialog says of it. */
  language = GTK_EDITABLE (trellis_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0));
  gtk_editable_set_text (language, "deutsch");
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Export…")));
  gtk_editable_set_text (language, "de");
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Export…")));
  {
    g_autofree char *count = g_strdup_printf ("0 of %u texts translated", texts->len);
    GtkWidget *status = trellis_test_find_row (GTK_WIDGET (dialog), "German (de)");

    g_assert_nonnull (status);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), ==, count);
  }

  trellis_translate_dialog_export (dialog, po);
  trellis_test_wait_until (g_file_query_exists (po, NULL), 5000);
  trellis_test_iterate (50);
  translated = translate (po_path);

  trellis_translate_dialog_import (dialog, translated);
  trellis_test_wait_until (trellis_document_can_undo (f->document), 5000);
  trellis_test_iterate (100);

  /* Every text is translated, the originals are as they were, and the
   * dialog says so. */
  g_assert_cmpuint (trellis_document_count_translated (f->document, "de", NULL), ==, texts->len);
  g_assert_cmpstr (trellis_entity_get_name (trellis_document_lookup (f->document, "c-listening")), ==, "Active listening");
  g_assert_cmpstr (trellis_document_get_undo_label (f->document), ==, "Import Translations into German (de)");
  {
    g_autofree char *count = g_strdup_printf ("%u of %u texts translated", texts->len, texts->len);
    g_autofree char *taken = g_strdup_printf ("%u translations taken.", texts->len);
    GtkWidget *group;
    gboolean said = FALSE;

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "German (de)"))),
                     ==, count);
    for (guint i = 0; (group = trellis_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP, i)) != NULL; i++)
      said |= g_strcmp0 (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), taken) == 0;
    g_assert_true (said);
  }
  g_assert_true (menu_has (menu, "German (de)", "de"));

  /* Show the matrix in German, from the dialog's offer. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Show the Matrix in German (de)"), "clicked");
  gtk_window_destroy (dialog);
  trellis_test_iterate (50);
  g_assert_cmpstr (trellis_window_get_content_language (f->window), ==, "de");

  /* The maps' labels, their findings and table twin, in German. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 6);
  page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (f->window, "heatmaps"));
  trellis_heatmap_page_set_view (page, TRELLIS_VIEW_REQUIREMENTS);
  trellis_test_wait_until ((layout = trellis_heatmap_page_get_layout (page)) != NULL &&
                           g_str_has_prefix (trellis_layout_get_row_label (layout, 0), MARK), 5000);
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    g_assert_true (g_str_has_prefix (trellis_layout_get_row_label (layout, r), MARK));
  for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
    g_assert_true (g_str_has_prefix (trellis_layout_get_column_label (layout, c), MARK));

  /* One undo takes the whole import back: the originals show again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  trellis_test_wait_until ((layout = trellis_heatmap_page_get_layout (page)) != NULL &&
                           !g_str_has_prefix (trellis_layout_get_row_label (layout, 0), MARK), 5000);
  {
    g_autofree char *undone = trellis_test_serialize (f->document);

    g_assert_cmpstr (undone, ==, original);
  }
  g_assert_cmpuint (trellis_document_count_translated (f->document, "de", NULL), ==, 0);
  /* The choice stays, with nothing to show in it. */
  g_assert_true (menu_has (menu, "German (de)", "de"));
}

/* The content language is the window's way of looking, remembered for
 * the file: the file is not changed by it, and opens in it again. */
static void
test_remembered (Fixture       *f,
                 gconstpointer  data)
{
  TrellisEntity *listen = trellis_document_lookup (f->document, "c-listening");
  TrellisEntity *anna = trellis_document_lookup (f->document, "p-anna");
  g_autofree char *uri = g_file_get_uri (f->file);
  g_autoptr(GSettings) settings = g_object_ref (trellis_application_get_settings (f->app));
  g_autoptr(GVariant) remembered = NULL;
  const char *language = NULL;
  TrellisEntityPane *pane;
  GtkWidget *view;
  GtkWidget *row;

  trellis_document_set_translation (f->document, listen, TRELLIS_TEXT_NAME, 0, "de", MARK "Aktives Zuhören");
  trellis_document_set_translation (f->document,
                                    trellis_document_lookup (f->document, "rs-answer"), TRELLIS_TEXT_NAME, 0, "de",
                                    MARK "Fragen beantworten");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.save", NULL);
  trellis_test_wait_until (!trellis_window_get_unsaved (f->window), 5000);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.content-language", "s", "de");
  trellis_test_iterate (50);
  g_assert_cmpstr (trellis_window_get_content_language (f->window), ==, "de");
  g_assert_false (trellis_window_get_unsaved (f->window));
  remembered = g_settings_get_value (settings, "content-languages");
  g_assert_true (g_variant_lookup (remembered, uri, "&s", &language));
  g_assert_cmpstr (language, ==, "de");

  /* A read-only display follows it: Anna's mandate card. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 5);
  trellis_test_iterate (100);
  pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (f->window, "people"));
  g_assert_true (trellis_entity_pane_select (pane, anna));
  trellis_test_iterate (100);
  view = trellis_test_find_type (GTK_WIDGET (pane), TRELLIS_TYPE_MANDATE_VIEW, 0);
  g_assert_nonnull (view);
  g_assert_nonnull (trellis_test_find_row (view, MARK "Fragen beantworten"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.content-language", "s", "");
  trellis_test_iterate (100);
  g_assert_nonnull ((row = trellis_test_find_row (view, "Answer questions by phone, chat and email")));
  g_assert_null (trellis_test_find_row (view, MARK "Fragen beantworten"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.content-language", "s", "de");
  trellis_test_iterate (50);

  /* The report dialog starts in it. */
  {
    GtkWindow *dialog = trellis_report_dialog_new (GTK_WINDOW (f->window), f->document, TRUE, NULL, NULL, NULL);
    AdwComboRow *language_row = NULL;
    GtkWidget *combo;

    trellis_report_dialog_set_content_language (dialog, "de");
    gtk_window_present (dialog);
    trellis_test_iterate (100);
    for (guint i = 0; (combo = trellis_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, i)) != NULL; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (combo)), "Language") == 0)
        language_row = ADW_COMBO_ROW (combo);
    g_assert_nonnull (language_row);
    g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 1);
    gtk_window_destroy (dialog);
  }

  /* Closed and opened again, the window shows it in German. */
  trellis_test_close_all (f->app);
  f->window = trellis_test_open (f->app, f->file);
  f->document = trellis_window_get_document (f->window);
  g_assert_cmpstr (trellis_window_get_content_language (f->window), ==, "de");

  /* Back to the original: forgotten for the file. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.content-language", "s", "");
  g_clear_pointer (&remembered, g_variant_unref);
  remembered = g_settings_get_value (settings, "content-languages");
  g_assert_false (g_variant_lookup (remembered, uri, "&s", &language));
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  GtkWidget *label;

  for (guint i = 0; (label = trellis_test_find_type (root, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
      return label;

  return NULL;
}

/* A team member's personal file carries the translations: they go through
 * their self-assessment in the language they choose. */
static void
test_guide (Fixture       *f,
            gconstpointer  data)
{
  TrellisEntity *listen = trellis_document_lookup (f->document, "c-listening");
  g_autoptr(TrellisDocument) personal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_home, "Anna.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrellisWindow *window;
  GtkWidget *guide;

  trellis_document_set_translation (f->document, listen, TRELLIS_TEXT_NAME, 0, "de", MARK "Aktives Zuhören");
  trellis_document_set_translation (f->document, listen, TRELLIS_TEXT_LEVEL, 2, "de", MARK "Stellt offene Fragen");
  trellis_document_ensure_matrix_id (f->document);
  personal = trellis_handout_new (f->document, TRELLIS_PERSON (trellis_document_lookup (f->document, "p-anna")), &error);
  g_assert_no_error (error);
  g_assert_true (trellis_document_save (personal, file, TRELLIS_SAVE_FLAGS_PRIVATE, NULL, &error));
  g_assert_no_error (error);

  window = trellis_test_open (f->app, file);
  guide = trellis_test_find_type (GTK_WIDGET (window), TRELLIS_TYPE_GUIDE, 0);
  g_assert_nonnull (guide);
  gtk_widget_activate_action (guide, "guide.begin", NULL);
  trellis_test_iterate (100);
  g_assert_nonnull (find_label (guide, "Active listening"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.content-language", "s", "de");
  trellis_test_iterate (100);
  g_assert_nonnull (find_label (guide, MARK "Aktives Zuhören"));
  g_assert_null (find_label (guide, "Active listening"));
  g_assert_nonnull (find_label (guide, MARK "Stellt offene Fragen"));
  /* Its menu offers the choice too. */
  g_assert_true (menu_has (G_MENU_MODEL (trellis_guide_get_content_language_menu (TRELLIS_GUIDE (guide))),
                           "German (de)", "de"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  trellis_test_init (&argc, &argv);

  g_test_add ("/trellis/app/translate/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/trellis/app/translate/remembered", Fixture, NULL, fixture_set_up, test_remembered, fixture_tear_down);
  g_test_add ("/trellis/app/translate/guide", Fixture, NULL, fixture_set_up, test_guide, fixture_tear_down);

  status = g_test_run ();
  trellis_test_cleanup ();

  return status;
}
