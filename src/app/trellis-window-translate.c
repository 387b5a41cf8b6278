/* trellis-window-translate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-window-translate"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-translate-dialog.h"
#include "trellis-personal.h"
#include "trellis-translations.h"
#include "trellis-window-private.h"

/* The language a window shows the matrix's own texts in, its content
 * language: the original, or a language the matrix has translations
 * into (trellis-translations.c). It is the window's property
 * "content-language" ("" for the original), offered as the radio items of
 * the main menu's "Content Language" (win.content-language, in the
 * guided self-assessment's menu too), followed by the maps and their
 * exports, the report, the mandate cards and the guided self-assessment,
 * and never by the editors: editing edits the original.
 *
 * The choice is a way of looking at a matrix, not a change of it: it is
 * remembered per file in GSettings ("content-languages", the file's
 * address → the language; at most MAX_REMEMBERED files): choosing it
 * leaves the file as it was, and a colleague who opens the same file
 * sees it as they chose. A new matrix keeps its choice in the window
 * until it is saved.
 *
 *   win.content-language  s  show the texts in that language; "" the original
 *   win.translate            Translate Matrix Texts…: PO files out and in */

#define MAX_REMEMBERED 100

struct _TrellisWindowTranslate
{
  char            *language;    /* NULL: the original */
  TrellisDocument *document;    /* followed for its languages and file */
};

static GSettings *
settings_of (TrellisWindow *self)
{
  return self->settings;
}

/* The language remembered for @file, or NULL. */
static char *
remembered_language (TrellisWindow *self,
                     GFile         *file)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree char *uri = NULL;
  const char *language = NULL;

  if (settings_of (self) == NULL || file == NULL)
    return NULL;

  uri = g_file_get_uri (file);
  all = g_settings_get_value (settings_of (self), "content-languages");
  if (!g_variant_lookup (all, uri, "&s", &language))
    return NULL;

  return trellis_language_normalize (language, -1);
}

/* Remembers the window's language for its file, the latest first. */
static void
remember_language (TrellisWindow *self)
{
  TrellisWindowTranslate *t = self->translate;
  GFile *file = t->document != NULL ? trellis_document_get_file (t->document) : NULL;
  g_autoptr(GVariant) all = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;
  guint n = 0;

  if (settings_of (self) == NULL || file == NULL)
    return;

  uri = g_file_get_uri (file);
  all = g_settings_get_value (settings_of (self), "content-languages");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  if (t->language != NULL)
    {
      g_variant_builder_add (&builder, "{ss}", uri, t->language);
      n++;
    }

  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value) && n < MAX_REMEMBERED)
    if (!g_str_equal (key, uri))
      {
        g_variant_builder_add (&builder, "{ss}", key, value);
        n++;
      }

  g_settings_set_value (settings_of (self), "content-languages", g_variant_builder_end (&builder));
}

/* The radio items of Content Language: the original, and each language
 * the matrix has translations into (and the one shown, even if its last
 * translation was just removed). The menu of the guided self-assessment
 * has them too. */
static void
fill_menu (TrellisWindow *self,
           GMenu         *menu)
{
  TrellisWindowTranslate *t = self->translate;
  g_auto(GStrv) languages = t->document != NULL ? trellis_document_dup_languages (t->document) : NULL;
  const char *source = t->document != NULL ? trellis_document_get_language (t->document) : NULL;
  g_autoptr(GMenuItem) original = NULL;
  g_autofree char *original_label = NULL;

  if (menu == NULL)
    return;

  g_menu_remove_all (menu);

  if (source != NULL && source[0] != '\0')
    {
      g_autofree char *name = trellis_language_dup_name (source);

      /* Translators: a choice of the content language: the texts as written, in a language such as “English (en)”. */
      original_label = g_strdup_printf (_("The Original, %s"), name);
    }
  original = g_menu_item_new (original_label != NULL ? original_label : _("The Original"), NULL);
  g_menu_item_set_action_and_target (original, "win.content-language", "s", "");
  g_menu_append_item (menu, original);

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *name = trellis_language_dup_name (languages[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.content-language", "s", languages[i]);
      g_menu_append_item (menu, item);
    }

  if (t->language != NULL && (languages == NULL || !g_strv_contains ((const char * const *) languages, t->language)))
    {
      g_autofree char *name = trellis_language_dup_name (t->language);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.content-language", "s", t->language);
      g_menu_append_item (menu, item);
    }
}

static void
update_menu (TrellisWindow *self)
{
  fill_menu (self, self->content_language_menu);
  if (self->guide != NULL)
    fill_menu (self, trellis_guide_get_content_language_menu (self->guide));
}

static void
apply_language (TrellisWindow *self)
{
  trellis_heatmap_page_set_content_language (self->heatmap_page, self->translate->language);
  trellis_guide_set_content_language (self->guide, self->translate->language);
  update_menu (self);
  trellis_window_notify_content_language (self);
}

static void
document_changed_cb (TrellisWindow       *self,
                     const TrellisChange *change)
{
  /* Only a translation, or an element coming or going, adds or takes a
   * language. */
  if (change->kind == TRELLIS_CHANGE_FIELD && change->field != TRELLIS_FIELD_TRANSLATIONS)
    return;

  update_menu (self);
}

static void
document_file_cb (TrellisWindow *self)
{
  /* Saved as another file: the choice goes with it. */
  if (self->translate->language != NULL)
    remember_language (self);
}

static void
window_document_cb (TrellisWindow *self)
{
  TrellisWindowTranslate *t = self->translate;
  TrellisDocument *document = trellis_window_get_document (self);

  if (t == NULL || document == t->document)
    return;

  if (t->document != NULL)
    g_signal_handlers_disconnect_by_data (t->document, self);
  g_set_object (&t->document, document);
  g_clear_pointer (&t->language, g_free);

  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (document_file_cb), self, G_CONNECT_SWAPPED);
      t->language = remembered_language (self, trellis_document_get_file (document));
    }

  apply_language (self);
}

/**
 * trellis_window_get_content_language:
 * @self: a #TrellisWindow
 *
 * Returns: (nullable): the language the window shows the matrix's texts
 *   in, or %NULL for the original
 */
const char *
trellis_window_get_content_language (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->translate != NULL ? self->translate->language : NULL;
}

/**
 * trellis_window_set_content_language:
 * @self: a #TrellisWindow
 * @language: (nullable): a language tag; %NULL or "" for the original
 *
 * Shows the matrix's texts in @language where they are translated, and
 * remembers the choice for the matrix's file.
 */
void
trellis_window_set_content_language (TrellisWindow *self,
                                     const char    *language)
{
  TrellisWindowTranslate *t;
  g_autofree char *normal = NULL;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  t = self->translate;
  if (language != NULL && language[0] != '\0')
    {
      normal = trellis_language_normalize (language, -1);
      g_return_if_fail (normal != NULL);
    }

  if (g_strcmp0 (t->language, normal) == 0)
    return;

  g_free (t->language);
  t->language = g_steal_pointer (&normal);
  remember_language (self);
  apply_language (self);
}

static void
translate_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->document == NULL)
    return;

  gtk_window_present (trellis_translate_dialog_new (self));
}

void
trellis_window_translate_init (TrellisWindow *self)
{
  self->translate = g_new0 (TrellisWindowTranslate, 1);
  g_signal_connect (self, "notify::document", G_CALLBACK (window_document_cb), NULL);
  update_menu (self);
}

void
trellis_window_translate_dispose (TrellisWindow *self)
{
  TrellisWindowTranslate *t = self->translate;

  if (t == NULL)
    return;

  if (t->document != NULL)
    g_signal_handlers_disconnect_by_data (t->document, self);
  g_clear_object (&t->document);
  g_free (t->language);
  g_clear_pointer (&self->translate, g_free);
}

void
trellis_window_update_translate_actions (TrellisWindow *self)
{
  gboolean matrix = self->document != NULL && !trellis_document_is_personal (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.translate", matrix);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.content-language", self->document != NULL);
}

void
trellis_window_class_add_translate_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.translate", NULL, translate_cb);
  gtk_widget_class_install_property_action (widget_class, "win.content-language", "content-language");
}
