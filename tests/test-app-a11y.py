#!/usr/bin/python3
# test-app-a11y.py: what a screen reader and a keyboard meet in Trellis
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real program on the example matrix with AT-SPI turned on,
# walks its accessible tree in every section, popover and dialog, and
# checks that every control has a name a person would say, not nothing
# and not a class name. Then it works the window by keyboard only:
# sections, lists, editors, the heatmap (focus cell, digits, popover),
# its table twin and dialogs. It acts through AT-SPI's Selection and
# Action interfaces and through key presses, never coordinates.
#
# Runs with Debian's Python (pyatspi), under a display and a session bus
# (tests/gui-wrapper.sh), and prints TAP.

import os
import shutil
import sys
import tempfile
import time

from trellis_atspi import *  # noqa: F401,F403 (the shared harness)


def main():
    app_path = os.environ.get('TRELLIS_APP')
    srcdir = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
    if not app_path:
        print('1..0 # SKIP TRELLIS_APP is not set')
        return 0

    home = tempfile.mkdtemp(prefix='trellis-a11y-')
    matrix = os.path.join(home, 'customer-service.trellis')
    shutil.copy(os.path.join(srcdir, '..', 'data', 'examples', 'customer-service.trellis'), matrix)

    proc = start_program(app_path, [matrix], home)
    try:
        run(proc, matrix)
    finally:
        stop_program(proc)
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(RUNTIME_DIR, ignore_errors=True)

    return report()


def run(proc, matrix):
    app = wait_for(lambda: find_app(proc.pid), 30)
    trace('the program is %s' % ('on the bus' if app is not None else 'missing'))
    ok(app is not None, 'the program is on the accessibility bus')
    if app is None:
        return

    window = find_one(app, lambda o: role(o) == 'frame' and o.name.startswith('customer-service.trellis'), 30)
    ok(window is not None, 'the window of the matrix is there')
    if window is None:
        return
    settle(1)

    start_tracking(proc.pid)

    seen = set()
    sections = find_one(window, lambda o: role(o) == 'list' and o.name == 'Sections')
    ok(sections is not None, 'the sections are a list named ‘Sections’')
    if sections is None:
        return

    # Every section, and the pages inside the sections that have two.
    # The whole window once (header bars, welcome page, banner), then
    # what each section shows when it is chosen.
    started = time.monotonic()
    bad = check_names(window, 'the window', seen)
    rows = children(sections)
    for i, row in enumerate(rows):
        sections.querySelection().selectChild(i)
        settle(0.8)
        where = 'section ‘%s’' % row.name
        page = section_page(window, row.name)
        if page is None:
            bad.append('%s: no page named for it' % where)
            continue
        bad += check_names(page, where, seen)

        for switch in find_all(page, lambda o: role(o) in ('toggle button', 'push button') and
                               o.name in ('Responsibilities', 'Feedback', 'Results', 'Development Actions')):
            try:
                do_action(switch)
            except RuntimeError:
                continue
            settle(0.5)
            bad += check_names(page, '%s, page ‘%s’' % (where, switch.name), seen)

        # The values of the mission section have an editor of their own.
        if i == 0:
            items = find_one(page, lambda o: role(o) == 'list' and o.name == 'Items' and o.childCount > 1)
            if items is not None:
                items.querySelection().selectChild(1)
                settle(0.5)
                bad += check_names(page, where + ', a value', seen)
    ok(not bad, 'every control in every section has a name a person would say',
       bad + ['walked in %.1f s' % (time.monotonic() - started)])

    unnamed_rows = [r for r in rows if not r.name]
    ok(not unnamed_rows and len(rows) == 8, 'each of the 8 sections is named', ['%d unnamed' % len(unnamed_rows)])

    # The lists of the sections name their rows.
    items_lists = find_all(window, lambda o: role(o) == 'list' and o.name == 'Items')
    nameless = [path_of(l) for l in items_lists for r in children(l) if role(r) == 'list item' and not r.name]
    ok(items_lists and not nameless, 'the rows of every section’s list are named', nameless[:10])

    check_popovers(app, window, sections, seen)
    check_heatmap(app, window, sections, seen)
    check_keyboard(app, window, sections)
    check_dialogs(app, window, seen)


def open_and_check(app, window, button, where, seen, close_keys=('Escape',)):
    """Clicks @button, checks the names in the popover that opened (a
    child of the button's parent: a menu button, a drop-down, a chooser),
    and closes it."""
    bad = []
    try:
        do_action(button)
    except RuntimeError as e:
        return [str(e)]
    settle(0.6)
    holder = button.parent if button.parent is not None else window
    if not find_all(holder, lambda o: role(o) in ('menu', 'list', 'panel', 'spin button', 'menu item') and o is not holder):
        bad.append('%s: nothing opened' % where)
    bad += check_names(holder, where, seen)
    for k in close_keys:
        key(k)
    return bad


def check_popovers(app, window, sections, seen):
    bad = []

    # F10 opens the main menu of the window.
    key('F10')
    menus = [m for m in find_all(window, lambda o: role(o) == 'menu')]
    items = [i for m in menus for i in find_all(m, lambda o: role(o) == 'menu item')]
    if not items:
        bad.append('F10 opened no menu')
    for m in menus:
        bad += check_names(m.parent, 'the main menu', seen)
    key('Escape')

    # Only what is in view: GTK 4.8 also shows the pages of a stack that
    # are not, whose buttons nobody can press.
    select_section(sections, 'Roles')
    page = section_page(window, 'Roles') or window
    level = find_one(page, lambda o: role(o) == 'push button' and o.name.startswith('Level of '))
    target = find_one(page, lambda o: role(o) in ('push button', 'toggle button') and
                      o.name.startswith('Coverage target for ') and 'click' in actions(o))
    for button, what in ((level, 'a required level'), (target, 'a coverage target')):
        if button is None:
            bad.append('the roles show no button for %s' % what)
        else:
            bad += open_and_check(app, window, button, 'the popover of %s' % what, seen)

    # Who assessed and when, under an assessment; a date: the due date
    # of a development action, at the top of its editor.
    for section, prefix, what in (('People & Assessments', 'Perspective and date of ', 'who assessed and when'),
                                  ('Development', 'Due: ', 'a date')):
        select_section(sections, section)
        page = section_page(window, section) or window
        button = find_one(page, lambda o, prefix=prefix: role(o) in ('push button', 'toggle button') and
                          o.name.startswith(prefix) and 'click' in actions(o))
        if button is None:
            bad.append('the section ‘%s’ shows no button for %s' % (section, what))
        else:
            bad += open_and_check(app, window, button, 'the popover of %s' % what, seen)

    ok(not bad, 'popovers name their controls', bad)


def check_heatmap(app, window, sections, seen):
    select_section(sections, 'Heatmaps')
    settle(1)
    frame = window
    page = section_page(window, 'Heatmaps') or window
    bad = check_names(page, 'section ‘Heatmaps’', seen)

    heatmap = find_one(page, lambda o: role(o) == 'table' and o.name.startswith('Heatmap'))
    ok(heatmap is not None and not CLASS_NAME.match(heatmap.name),
       'the heatmap is a table named for its view',
       ['found %s' % ([(role(o), o.name) for o in find_all(page, lambda o: role(o) == 'table')])])

    for name in ('View', 'Role'):
        dropdown = find_one(page, lambda o: role(o) == 'combo box' and o.name == name)
        toggle = next((c for c in children(dropdown) if 'click' in actions(c)), None) if dropdown else None
        if toggle is None:
            bad.append('no drop-down ‘%s’' % name)
            continue
        bad += open_and_check(app, page, toggle, 'the drop-down ‘%s’' % name, seen)
    ok(not bad, 'the controls of the heatmaps are named', bad)

    # The heatmap by keyboard: focus, arrows, a digit, the popover.
    steps = []
    if heatmap is not None:
        title_before = frame.name
        # Alt+6 puts the focus on the first control of the section; Tab
        # goes on from there to the heatmap.
        key('alt+6')
        for _ in range(25):
            if focused_one(app) == heatmap:
                break
            key('Tab')
        if focused_one(app) != heatmap:
            steps.append('Tab never reached the heatmap (the focus is on %s)' % describe(focused_one(app)))
        key('ctrl+Home')
        first = heatmap.description
        key('Right')
        second = heatmap.description
        if not first or not second or first == second:
            steps.append('the focus cell is not described as it moves: ‘%s’, then ‘%s’' % (first, second))
        # The first cell that takes a level: a person's assessment, in
        # a row under the role's aggregates.
        for _ in range(20):
            key('Down')
            d = heatmap.description or ''
            if 'Assessed: ' in d or 'Not assessed' in d:
                break
        trace('the focus cell: %s' % heatmap.description)
        key('2')
        settle(0.5)
        if frame.name == title_before or not frame.name.startswith('•'):
            steps.append('typing a level did not change the matrix (title ‘%s’)' % frame.name)
        key('Return')
        popover_list = find_one(heatmap, lambda o: role(o) == 'list' and o.name in ('Level', 'Delegation'), 3)
        if popover_list is None:
            steps.append('Enter opened no popover with the choices')
        else:
            steps += check_names(popover_list, 'the popover of a cell', seen)
            key('Escape')
            if focused_one(app) != heatmap:
                steps.append('after the popover, the focus is on %s, not the heatmap' % describe(focused_one(app)))
        key('ctrl+z')
    ok(heatmap is not None and not steps, 'the heatmap works by keyboard', steps)

    # The table twin.
    twin_toggle = find_one(page, lambda o: role(o) in ('toggle button', 'push button') and o.name == 'Table')
    twin = None
    if twin_toggle is not None:
        do_action(twin_toggle)
        settle(0.8)
        twin = find_one(page, lambda o: role(o) == 'tree table' and o.name.startswith('The facts of the heatmap'), 5)
    rows = find_all(twin, lambda o: role(o) == 'table row') if twin else []
    cells_text = [c.name for r in rows for c in walk(r) if role(c) == 'label' and c.name] if rows else []
    ok(twin is not None and len(rows) > 1 and cells_text,
       'the table twin of the heatmap is reachable and holds its facts',
       ['table %s, %d rows' % ('found' if twin else 'missing', len(rows))])
    map_toggle = find_one(page, lambda o: role(o) in ('toggle button', 'push button') and o.name == 'Map')
    if map_toggle is not None:
        do_action(map_toggle)

    # Presenting: F5 leaves only the map, its title and its legend, each
    # named, with the focus in the map; Escape brings the window back.
    steps = []
    # A button for a stateful action may be announced as a toggle.
    present = find_one(page, lambda o: role(o) in ('push button', 'toggle button') and o.name == 'Present', 3)
    if present is None:
        steps.append('no button ‘Present’ beside the map (buttons: %s)' %
                     ', '.join(describe(o) for o in find_all(page, lambda o: 'button' in role(o))))
    if heatmap is not None:
        key('F5')
        settle(1)
        wait_for(lambda: not has_state(sections, pyatspi.STATE_SHOWING), 15)
        if has_state(sections, pyatspi.STATE_SHOWING):
            steps.append('F5: the sections are still shown')
        if focus_becomes(app, lambda o: o == heatmap) != heatmap:
            steps.append('F5: the focus is on %s, not the heatmap' % describe(focused_one(app)))
        for name in ('Title: ', 'Legend of the map'):
            if find_one(page, lambda o: (o.name or '').startswith(name), 3) is None:
                steps.append('F5: nothing named ‘%s…’ around the map' % name)
        steps += check_names(page, 'the presented map', seen)
        before = heatmap.description
        key('Down')
        if heatmap.description == before:
            steps.append('F5: Down does not move the focus cell')
        key('Escape')
        # The sections answer their shortcuts again (not while
        # presenting). Leaving lays the map out again, which a busy
        # machine takes a while over: Alt+1 until it answers. (The
        # sections' "showing" state is not told again when they come
        # back, so the shortcut is what is checked.)
        f = None
        for _ in range(5):
            settle(0.5)
            key('alt+1')
            f = focus_becomes(app, lambda o: o.name == 'Name of a new value', 3)
            if f is not None and f.name == 'Name of a new value':
                break
        if f is None or f.name != 'Name of a new value':
            steps.append('Escape, then Alt+1: the focus is on %s' % describe(f))
    ok(present is not None and not steps, 'presenting the map works by keyboard', steps)


def check_keyboard(app, window, sections):
    steps = []

    # Alt+number: a section, straight into the field that adds to it.
    for number, field in ((4, 'Name of a new role'), (3, 'Name of a new competency'), (1, 'Name of a new value')):
        key('alt+%d' % number)
        f = focus_becomes(app, lambda o, field=field: o.name == field)
        if f is None or f.name != field:
            steps.append('Alt+%d: the focus is on %s, not ‘%s’' % (number, describe(f), field))

    # Ctrl+F searches the list; Down reaches a row; Enter edits it.
    key('alt+4')
    key('ctrl+f')
    f = focus_becomes(app, lambda o: o.name == 'Search the list')
    if f is None or f.name != 'Search the list':
        steps.append('Ctrl+F: the focus is on %s' % describe(f))
    type_text('lead')
    key('Down')
    f = focus_becomes(app, lambda o: role(o) == 'list item' and o.name == 'Team lead')
    if f is None or role(f) != 'list item' or f.name != 'Team lead':
        steps.append('Down from the search: the focus is on %s' % describe(f))
    # The focus goes into the name field of the editor. (libadwaita 1.2
    # tells screen readers nothing when the text inside an entry row
    # takes the focus, so what is typed is what is checked.)
    key('Return')
    type_text('Team leader')
    page = section_page(window, 'Roles')
    name = find_one(page, lambda o: role(o) == 'text' and o.name == 'Name', 3) if page else None
    text = text_of(name)
    if text != 'Team leader':
        steps.append('Enter on a row, then typing: the name of the role reads ‘%s’' % text)
    key('ctrl+a')
    type_text('Team lead')

    # Tab from the field under a list goes on to the editor.
    key('alt+3')
    type_text('Listening to silence')
    key('Return')
    key('Tab')
    key('ctrl+a')
    type_text('Listening to what is not said')
    page = section_page(window, 'Competencies')
    name = find_one(page, lambda o: role(o) == 'text' and o.name == 'Name', 3) if page else None
    text = text_of(name)
    if text != 'Listening to what is not said':
        steps.append('Tab after adding, then typing: the name of the new competency reads ‘%s’' % text)

    ok(not steps, 'sections, lists and editors work by keyboard', steps)


def check_dialogs(app, window, seen):
    bad = []
    steps = []

    key('ctrl+question')
    shortcuts = wait_for(lambda: next((w for w in children(app) if role(w) in ('frame', 'dialog', 'window') and
                                       w is not window and w.name != window.name), None), 5)
    if shortcuts is None:
        steps.append('Ctrl+? opened no window of keyboard shortcuts')
    else:
        bad += check_names(shortcuts, 'the keyboard shortcuts', seen)
        key('Escape')
        if not wait_for(lambda: all(w.name == window.name for w in children(app) if role(w) in ('frame', 'dialog', 'window')), 5):
            steps.append('Escape did not close the keyboard shortcuts')

    # An edit, then Ctrl+W: the question about unsaved changes.
    key('alt+1')
    type_text('Listening')
    key('Return')
    key('ctrl+w')
    question = wait_for(lambda: next((w for w in children(app) if w.name != window.name and
                                      find_all(w, lambda o: role(o) == 'push button' and o.name == 'Cancel')), None), 5)
    if question is None:
        steps.append('Ctrl+W with unsaved changes asked nothing')
    else:
        bad += check_names(question, 'the question about unsaved changes', seen)
        key('Escape')
        if not wait_for(lambda: window in children(app) and len([w for w in children(app) if role(w) in ('frame', 'dialog', 'window')]) == 1, 5):
            steps.append('Escape did not cancel closing')
    key('ctrl+z')

    ok(not bad, 'dialogs name their controls', bad)
    ok(not steps, 'dialogs work by keyboard', steps)


if __name__ == '__main__':
    sys.exit(main())
