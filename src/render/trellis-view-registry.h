/* trellis-view-registry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The registry: every view the renderer draws, one line each, in the
 * order of the TrellisView enumeration, of the application's view
 * switcher and of `trellis-cli render --view`.
 *
 *   TRELLIS_VIEW (CONSTANT, name)
 *
 * makes TRELLIS_VIEW_<CONSTANT> and registers the view's map type,
 * trellis_<name>_map_get_type (), which trellis-<name>-map.c defines. The
 * map class gives the view's name on the command line, its title and
 * what it needs (see TrellisMapClass).
 *
 * This file is included with TRELLIS_VIEW defined, once for each use;
 * it has no include guard. */

TRELLIS_VIEW (GAPS,             gaps)
TRELLIS_VIEW (REQUIREMENTS,     requirements)
TRELLIS_VIEW (COVERAGE,         coverage)
TRELLIS_VIEW (RESPONSIBILITIES, responsibilities)
TRELLIS_VIEW (PERCEPTION,       perception)
TRELLIS_VIEW (TREND,            trend)
TRELLIS_VIEW (SIGHT,            sight)
