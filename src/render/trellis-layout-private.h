/* trellis-layout-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "trellis-layout.h"
#include "trellis-palette.h"

G_BEGIN_DECLS

#define TEAM_INDEX G_MAXUINT
#define NO_TEXT    0
#define NO_ROLE    (G_MAXUINT - 1)

/* Marks on a row or column header. */
enum
{
  ITEM_MARK_SINGLE   = 1 << 0,  /* single point of knowledge */
  ITEM_MARK_PROBLEM  = 1 << 1,  /* a rule finding of severity problem */
  ITEM_MARK_WARNING  = 1 << 2,  /* a rule finding of severity warning */
  ITEM_MARK_INFO     = 1 << 3,
  ITEM_MARK_AGGREGATE = 1 << 4, /* drawn in italics */
  ITEM_MARK_FOCUS    = 1 << 5,  /* the role a view is narrowed to: bold */
};

typedef struct
{
  TrellisItemKind  kind;
  guint            index;     /* position in the analysis; role or TEAM_INDEX for aggregates */
  guint            group;
  guint            role;      /* the role whose requirement applies, or NO_ROLE */
  TrellisEntity   *entity;    /* borrowed from the analysis; NULL for the team */
  double           pos;
  double           size;
  char            *label;
  guint            marks;
  guint            footnote;  /* 1-based number in the findings list, or 0 */
  guint            n_notes;   /* how many findings from footnote on */
  PangoLayout     *layout;    /* header text, made when first painted */
  gpointer         data;      /* per view: aggregate cells, perception levels */
} Item;

typedef struct
{
  char            *label;
  TrellisEntity   *entity;
  guint            first;
  guint            n;
  double           pos;
  double           size;
  PangoLayout     *layout;
  PangoLayout     *layout_upright;
} Group;

typedef struct
{
  GArray          *items;     /* Item */
  GArray          *groups;    /* Group */
  double           extent;    /* length of the content along the axis */
  double           header;    /* breadth of the header */
  double           label_width;
  double           band;      /* breadth of the group band */
  gboolean         rotated;   /* column labels drawn vertically */
} Axis;

/* Cell text shaped once and drawn as glyphs, so that a frame never
 * shapes a string. */
typedef struct
{
  char                *text;
  gboolean             shaped;
  double               width;
  double               height;
  cairo_scaled_font_t *font;    /* when one font draws all of it */
  cairo_glyph_t       *glyphs;  /* relative to the logical top-left */
  guint                n_glyphs;
  PangoLayout         *layout;  /* when it needs more than one font */
} TextRun;

enum
{
  PATTERN_NONE,
  PATTERN_HATCH,
  PATTERN_SUPPRESSED,
};

enum
{
  MARK_WANT     = 1 << 0,
  MARK_WARNING  = 1 << 1,
  MARK_SINGLE   = 1 << 2,
  MARK_NEW      = 1 << 3,
};

#define MAX_PARTS 4

typedef struct
{
  const TrellisRgba *fill;        /* NULL: the page shows */
  const TrellisRgba *text_color;
  guint8             pattern;
  guint8             marks;
  guint8             n_parts;     /* 0: one text for the cell; else strips */
  guint8             part_missing;  /* bit per strip with nothing to show */
  guint16            text[MAX_PARTS];
} CellPaint;

typedef enum
{
  SWATCH_HEADING,
  SWATCH_FILL,
  SWATCH_HATCH,
  SWATCH_SUPPRESSED,
  SWATCH_NOT_REQUIRED,
  SWATCH_WANT,
  SWATCH_MANDATE,
  SWATCH_SINGLE,
  SWATCH_BOUNDARY,
  SWATCH_PROBLEM,
  SWATCH_WARNING,
  SWATCH_NEW,
  SWATCH_STRIPS,
  SWATCH_STAGE,
  SWATCH_LINK,
  SWATCH_TEXT,
} SwatchKind;

typedef struct
{
  SwatchKind         kind;
  TrellisRgba        fill;
  guint16            text;      /* sample text in the swatch */
  PangoLayout       *label;
  double             x;
  double             y;
  double             width;
  double             height;
} LegendItem;

typedef struct
{
  guint              stage;
  TrellisEntity     *entity;    /* NULL for the mission */
  char              *label;
  double             x;
  double             y;
  double             width;
  double             height;
  PangoLayout       *layout;
  gint               gap;       /* person mode: the person's gap, or G_MININT */
  gboolean           has_gap;
} SightNode;

typedef struct
{
  guint              from;
  guint              to;
} SightLink;

typedef struct
{
  TrellisAggregate   agg;
  guint16            mean_text;
  guint16            share_text;
  guint              hidden;    /* people behind it who do not share */
  gboolean           withheld;  /* would give them away beside other totals */
} AggCell;

typedef struct
{
  TrellisRaci        raci;
  TrellisAuthority   authority;
  gboolean           mandate;   /* people of the role below what it needs */
  gboolean           owner;     /* accountable, or responsible where nobody is */
} Assign;

struct _TrellisLayout
{
  GObject                    parent_instance;

  TrellisAnalysis           *analysis;
  TrellisAnalysis           *before;      /* trend: the analysis at the date */
  TrellisDocument           *document;
  TrellisRenderOptions      *options;
  const TrellisThemeColors  *colors;

  PangoContext              *context;
  PangoFontDescription      *cell_font;
  PangoFontDescription      *header_font;
  PangoFontDescription      *group_font;
  PangoFontDescription      *title_font;
  PangoFontDescription      *small_font;
  double                     text_height;  /* of the cell font */

  Axis                       rows;
  Axis                       columns;
  double                     cell_width;
  double                     cell_height;
  double                     group_gap;
  double                     content_width;
  double                     content_height;
  gint                       scale_min;
  gint                       scale_max;

  /* Text. */
  GPtrArray                 *texts;        /* TextRun, index 0 unused */
  GHashTable                *text_ids;     /* string → id */
  guint16                    number_text[41];  /* −20…20 */
  guint16                    signed_text[41];  /* "+n" for changes */
  guint16                    raci_text[16][TRELLIS_N_AUTHORITIES];

  /* Per view. */
  TrellisEntity            **entity_at[TRELLIS_N_KINDS];  /* by analysis index */
  guint                      n_at[TRELLIS_N_KINDS];
  GArray                   **role_members;  /* per role: person indices */
  gboolean                  *shown;         /* per person: may be shown to the audience */
  guint                     *role_hidden;   /* per role: its people not shown */
  guint                      team_hidden;   /* people not shown */
  guint                      n_not_shown;   /* of the people the view is about */
  GPtrArray                 *agg_rows;      /* AggCell arrays owned */
  Assign                    *assigns;       /* responsibility rows × role columns */
  guint                      n_assign_columns;
  GArray                    *sight_nodes;   /* SightNode */
  GArray                    *sight_links;   /* SightLink */
  guint                      n_stages;
  GPtrArray                 *findings;      /* const TrellisFinding *, listed */
  GPtrArray                 *finding_layouts;  /* then the names in full */
  GPtrArray                 *shortened;     /* labels shown shortened, borrowed */
  GHashTable                *shortened_seen;
  TrellisDate                latest;

  cairo_surface_t           *hatch;         /* a tile, made for hatch_scale */
  double                     hatch_scale;

  /* The picture around the map. */
  PangoLayout               *title;
  PangoLayout               *subtitle;
  GArray                    *legend;        /* LegendItem */
  double                     legend_width;
  double                     legend_height;
  double                     findings_height;
  double                     margin;
  double                     picture_width;
  double                     picture_height;
  TrellisRect                area_title;
  TrellisRect                area_columns;
  TrellisRect                area_rows;
  TrellisRect                area_cells;
  TrellisRect                area_legend;
};

/* trellis-layout.c */
guint16          trellis_layout_intern_text       (TrellisLayout   *self,
                                                   const char      *text);
const TextRun   *trellis_layout_get_text_run      (TrellisLayout   *self,
                                                   guint16          id);
void             trellis_layout_align             (TrellisLayout   *self,
                                                   PangoLayout     *layout);
PangoLayout     *trellis_layout_make_text         (TrellisLayout   *self,
                                                   const PangoFontDescription *font,
                                                   const char      *text);
Item            *trellis_layout_row_item          (TrellisLayout   *self,
                                                   guint            row);
Item            *trellis_layout_column_item       (TrellisLayout   *self,
                                                   guint            column);
void             axis_add_item                    (Axis            *axis,
                                                   TrellisItemKind  kind,
                                                   guint            index,
                                                   TrellisEntity   *entity,
                                                   const char      *label);
void             axis_begin_group                 (Axis            *axis,
                                                   TrellisEntity   *entity,
                                                   const char      *label);
void             axis_end_group                   (Axis            *axis);
char            *trellis_format_number            (double           value,
                                                   guint            decimals,
                                                   gboolean         plus);

/* trellis-layout-views.c */
gboolean         trellis_layout_build_view        (TrellisLayout   *self,
                                                   GError         **error);
void             trellis_layout_compute_cell      (TrellisLayout   *self,
                                                   guint            row,
                                                   guint            column,
                                                   TrellisCellInfo *info,
                                                   CellPaint       *paint);
void             trellis_layout_build_legend_items (TrellisLayout  *self);
char            *trellis_layout_describe_cell     (TrellisLayout   *self,
                                                   guint            row,
                                                   guint            column,
                                                   gboolean         tooltip);

/* trellis-layout-sight.c */
gboolean         trellis_layout_build_sight       (TrellisLayout   *self,
                                                   GError         **error);
guint            trellis_layout_paint_sight       (TrellisLayout   *self,
                                                   cairo_t         *cr,
                                                   const TrellisRect *clip);
char            *trellis_layout_describe_node     (TrellisLayout   *self,
                                                   guint            node,
                                                   guint            stage,
                                                   gboolean         tooltip);

/* trellis-paint.c */
typedef enum
{
  PAGE_CLEAR,     /* paint the page under the clip first */
  PAGE_PAINTED,   /* the caller painted it */
  PAGE_STRIPES,   /* paint only the page between the cells */
} PageMode;

guint            trellis_layout_paint_cells_on    (TrellisLayout   *self,
                                                   cairo_t         *cr,
                                                   const TrellisRect *clip,
                                                   PageMode         page);
void             trellis_text_lock                (void);
void             trellis_text_unlock              (void);
void             trellis_cairo_flatten            (cairo_t         *cr);
void             trellis_cairo_clip_pixels        (cairo_t         *cr,
                                                   const TrellisRect *r);
void             trellis_text_show                (cairo_t         *cr,
                                                   PangoLayout     *layout,
                                                   double           x,
                                                   double           y);
void             trellis_text_size                (PangoLayout     *layout,
                                                   int             *width,
                                                   int             *height);
void             trellis_text_show_start          (TrellisLayout   *self,
                                                   cairo_t         *cr,
                                                   PangoLayout     *layout,
                                                   double           start,
                                                   double           y);
void             trellis_text_show_centred        (cairo_t         *cr,
                                                   PangoLayout     *layout,
                                                   double           centre,
                                                   double           y);
void             trellis_cairo_set_rgba           (cairo_t         *cr,
                                                   const TrellisRgba *rgba);
void             trellis_paint_mark               (TrellisLayout   *self,
                                                   cairo_t         *cr,
                                                   SwatchKind       kind,
                                                   double           x,
                                                   double           y,
                                                   double           size);
void             trellis_paint_hatch_rect         (TrellisLayout   *self,
                                                   cairo_t         *cr,
                                                   const TrellisRect *rect);
void             trellis_paint_text_run           (TrellisLayout   *self,
                                                   cairo_t         *cr,
                                                   guint16          id,
                                                   const TrellisRgba *color,
                                                   double           cx,
                                                   double           cy);

G_END_DECLS
