/* trellis-heatmap-page-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-heatmap-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-heatmap-page.h"
#include "trellis-translations.h"

/* Exporting the view a heatmap page shows: as a picture, or as a PDF on
 * pages of paper, and the file chooser that asks where. */

static const struct {
  TrellisExportFormat format;
  const char *extension;
  const char *name;
  const char *mime_type;
} formats[] = {
  { TRELLIS_EXPORT_PDF, "pdf", N_("PDF Document"), "application/pdf" },
  { TRELLIS_EXPORT_PNG, "png", N_("PNG Image"), "image/png" },
  { TRELLIS_EXPORT_SVG, "svg", N_("SVG Image"), "image/svg+xml" },
};

/* The layout of the view shown, made now if it is not there yet. */
static TrellisLayout *
shown_layout (TrellisHeatmapPage *self)
{
  if (trellis_heatmap_page_get_layout (self) == NULL)
    trellis_heatmap_page_rebuild (self);

  return trellis_heatmap_page_get_layout (self);
}

/**
 * trellis_heatmap_page_export_to:
 * @self: a #TrellisHeatmapPage
 * @file: where to write
 * @error: return location for a #GError
 *
 * Writes the view shown, in the light theme and at twice the pixels for
 * PNG, in the format the file's extension names.
 *
 * Returns: %TRUE on success
 */
gboolean
trellis_heatmap_page_export_to (TrellisHeatmapPage  *self,
                                GFile               *file,
                                GError             **error)
{
  g_autoptr(TrellisRenderOptions) options = NULL;
  g_autoptr(TrellisLayout) layout = NULL;
  g_autofree char *path = g_file_get_path (file);
  TrellisLayout *shown;
  TrellisExportFormat format;

  g_return_val_if_fail (TRELLIS_IS_HEATMAP_PAGE (self), FALSE);

  shown = shown_layout (self);
  if (shown == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no map to export."));
      return FALSE;
    }

  if (path == NULL || !trellis_export_format_from_path (path, &format))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Name the file with .png, .svg or .pdf at the end, so that Trellis knows which format to write."));
      return FALSE;
    }

  options = trellis_render_options_copy (trellis_layout_get_options (shown));
  options->theme = TRELLIS_THEME_LIGHT;
  options->zoom = 1.0;
  options->scale = format == TRELLIS_EXPORT_PNG ? 2.0 : 1.0;
  layout = trellis_layout_new (trellis_layout_get_analysis (shown), options, error);
  if (layout == NULL)
    return FALSE;

  return trellis_render_to_file (layout, path, format, error);
}

/**
 * trellis_heatmap_page_export_pages:
 * @self: a #TrellisHeatmapPage
 * @file: where to write the PDF
 * @paper: the paper the map is printed on
 * @error: return location for a #GError
 *
 * Writes the view shown as a PDF of pages of @paper: a map too large for
 * a page in parts, with its headers on every page, its legend first.
 *
 * Returns: %TRUE on success
 */
gboolean
trellis_heatmap_page_export_pages (TrellisHeatmapPage  *self,
                                   GFile               *file,
                                   TrellisPaper         paper,
                                   GError             **error)
{
  g_autoptr(TrellisRenderOptions) options = NULL;
  g_autoptr(TrellisLayout) layout = NULL;
  g_autofree char *path = g_file_get_path (file);
  TrellisLayout *shown;

  g_return_val_if_fail (TRELLIS_IS_HEATMAP_PAGE (self), FALSE);

  shown = shown_layout (self);
  if (shown == NULL || path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no map to export."));
      return FALSE;
    }

  options = trellis_render_options_copy (trellis_layout_get_options (shown));
  options->theme = TRELLIS_THEME_LIGHT;
  options->zoom = TRELLIS_REPORT_MAP_ZOOM;
  options->scale = 1.0;
  layout = trellis_layout_new (trellis_layout_get_analysis (shown), options, error);
  if (layout == NULL)
    return FALSE;

  /* A map that is no grid is one picture, whatever its size. */
  if (!trellis_view_is_grid (options->view))
    return trellis_render_to_file (layout, path, TRELLIS_EXPORT_PDF, error);

  return trellis_render_to_pdf_pages (layout, paper, path, error);
}

static void
export_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    TrellisHeatmapPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *extension = g_settings_get_string (settings, "export-format");
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      const char *filter_extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "extension") : NULL;
      TrellisExportFormat format;

      if (filter_extension != NULL)
        {
          g_free (extension);
          extension = g_strdup (filter_extension);
        }

      /* Without an extension, the chosen format's. */
      if (!trellis_export_format_from_path (basename, &format))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *named = g_strconcat (basename, ".", extension, NULL);

          file = g_file_get_child (parent, named);
        }
      else
        file = g_object_ref (chosen);

      const char *pages = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "pages");
      TrellisPaper paper;
      gboolean exported;

      /* A PDF on pages of paper, or on one large page for a plotter. */
      if (trellis_export_format_from_path (g_file_peek_path (file), &format) && format == TRELLIS_EXPORT_PDF &&
          trellis_paper_from_string (pages, &paper))
        exported = trellis_heatmap_page_export_pages (self, file, paper, &error);
      else
        exported = trellis_heatmap_page_export_to (self, file, &error);

      if (exported)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = NULL;
          g_autofree char *written = g_file_get_basename (file);
          const char *dot = strrchr (written, '.');

          if (dot != NULL)
            {
              for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
                {
                  if (g_ascii_strcasecmp (dot + 1, formats[i].extension) == 0)
                    g_settings_set_string (settings, "export-format", formats[i].extension);
                }
            }

          /* Translators: %s is the name of the file the map was exported to. */
          message = g_strdup_printf (_("Exported ‘%s’"), name);
          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
        }
      else
        {
          /* Translators: %s says why the map could not be exported. */
          g_autofree char *message = g_strdup_printf (_("Could not export the map: %s"), error->message);

          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/**
 * trellis_heatmap_page_export:
 * @self: a #TrellisHeatmapPage
 *
 * Asks where to export the view shown, as PNG, SVG or PDF.
 */
void
trellis_heatmap_page_export (TrellisHeatmapPage *self)
{
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *preferred = NULL;
  g_autofree char *name = NULL;
  const char *organisation = NULL;
  TrellisDocument *document;
  TrellisLayout *shown;
  TrellisView view = TRELLIS_VIEW_GAPS;

  g_return_if_fail (TRELLIS_IS_HEATMAP_PAGE (self));

  shown = shown_layout (self);
  document = trellis_heatmap_page_get_document (self);
  preferred = g_settings_get_string (settings, "export-format");
  if (shown != NULL)
    view = trellis_layout_get_options (shown)->view;
  if (document != NULL)
    organisation = trellis_entity_get_name_in (TRELLIS_ENTITY (trellis_document_get_organisation (document)),
                                               shown != NULL ? trellis_layout_get_options (shown)->content_language : NULL);

  dialog = gtk_file_chooser_native_new (_("Export Map"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, formats[i].extension);
      g_object_set_data (G_OBJECT (filter), "extension", (gpointer) formats[i].extension);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      if (g_strcmp0 (preferred, formats[i].extension) == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
    }

  {
    const char *ids[] = { "a4", "letter", "single", NULL };
    const char *labels[] = { _("A4 pages"), _("Letter pages"), _("One large page, for a plotter"), NULL };

    /* Translators: a choice in the export dialog: how a PDF is paged. */
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "pages", _("PDF on"), ids, labels);
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "pages",
                                 trellis_paper_to_string (trellis_paper_from_locale ()));
  }

  /* Translators: the suggested name of an exported map: organisation, view and extension. */
  name = g_strdup_printf (_("%s — %s.%s"), organisation != NULL && organisation[0] != '\0' ? organisation : _("Matrix"),
                          trellis_view_get_title (view < TRELLIS_N_VIEWS ? view : TRELLIS_VIEW_GAPS), preferred);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
