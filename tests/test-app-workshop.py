#!/usr/bin/python3
# test-app-workshop.py: a facilitator's half-day, by keyboard only
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a workshop matrix from an empty file with the keyboard alone,
# as a facilitator does in front of a team: the organisation, three
# values, results, responsibilities with their RACI letters and
# delegation, competencies with what their levels look like, roles and
# their levels, people; then presents it, crashes the program (kill -9)
# and opens the work again. On the way it steps into every trap a
# workshop fell into once, and fails if any is still there: recovery
# that discards with one key, Down from a "New …" field reaching Move
# and Delete, a checklist that remembers the row of the previous item,
# a presented map that edits, Undo that does not say what it undoes, a
# sidebar that highlights another section than the one shown, choices
# without names.
#
# It works through key presses (xdotool) and reads what a screen reader
# reads (AT-SPI), never coordinates. Runs with Debian's Python (pyatspi),
# under a display and a session bus (tests/gui-wrapper.sh), and prints
# TAP.

import os
import shutil
import signal
import sys
import tempfile
import time

from trellis_atspi import *  # noqa: F401,F403 (the shared harness)


def frame_of(app):
    return find_one(app, lambda o: role(o) == 'frame', 30)


def named(root, role_name, name, timeout=5.0):
    return find_one(root, lambda o: role(o) == role_name and o.name == name, timeout)


def focus_is(app, name, timeout=5.0):
    f = focus_becomes(app, lambda o: o.name == name, timeout)
    return f is not None and f.name == name


def items_of(window, section, pane=0):
    """The names of the items of the @pane-th list of @section (GTK
    says every page is showing, the hidden ones too)."""
    page = section_page(window, section) or window
    lists = find_all(page, lambda o: role(o) == 'list' and o.name == 'Items')
    return [r.name for r in children(lists[pane]) if role(r) == 'list item'] if len(lists) > pane else []


def add_items(names):
    for name in names:
        type_text(name)
        key('Return')


def checks_of(page, list_name):
    """(name, ticked) of each check of the checklist named @list_name."""
    lists = find_all(page, lambda o: role(o) == 'list' and o.name == list_name)
    if not lists:
        return []
    return [(c.name, has_state(c, pyatspi.STATE_CHECKED))
            for c in walk(lists[0]) if role(c) == 'check box']


def build_values(app, window):
    steps = []

    key('alt+1')
    if not focus_is(app, 'Name of a new value'):
        steps.append('Alt+1: the focus is on %s' % describe(focused_one(app)))

    # The organisation, pinned over the values: Up into the list, Enter.
    key('Up')
    key('Home')
    key('Return')
    type_text('Harbour Care')
    key('Tab')
    type_text('Everyone finds their way home.')
    key('Tab')
    type_text('We help travellers with any question.')
    key('alt+1')

    add_items(['Care', 'Ownership', 'Curiosity'])
    # The first behaviour of a value (a GLib critical once: fatal here,
    # so the program would be gone).
    key('Tab')
    for _ in range(6):
        f = focused_one(app)
        if f is not None and 'behaviour' in (f.name or '').lower():
            break
        key('Tab')
    type_text('Asks why')
    key('Return')
    items = items_of(window, 'Mission & Values')
    if items[1:] != ['Care', 'Ownership', 'Curiosity']:
        steps.append('the values read %s' % items)
    return steps


def build_results(app, window):
    steps = []
    page = section_page(window, 'Results & Responsibilities')

    key('alt+2')
    add_items(['Question answered at once', 'Calm travellers'])

    # Trap: Down, Down, Enter from the field under the list once moved a
    # result; the arrows stay in the list.
    key('Down')
    key('Down')
    f = focused_one(app)
    if f is None or role(f) != 'list item':
        steps.append('Down from “New result…”: the focus is on %s, not a row of the list' % describe(f))
    key('Return')
    items = items_of(window, 'Results & Responsibilities')
    if items != ['Question answered at once', 'Calm travellers']:
        steps.append('Down, Down, Enter changed the results: %s' % items)

    # Trap: tick the third value of one result, add the next, Tab into
    # its values: the first row has the focus, not the third.
    key('alt+2')
    key('Up')
    key('Up')
    key('Return')
    for _ in range(6):
        key('Tab')
        f = focused_one(app)
        if f is not None and role(f) == 'check box':
            break
    key('Down')
    key('Down')
    key('space')
    key('alt+2')
    type_text('Trusted answers')
    key('Return')
    key('Tab')
    for _ in range(6):
        f = focused_one(app)
        if f is not None and role(f) == 'check box':
            break
        key('Tab')
    f = focused_one(app)
    if f is None or f.name != 'Care':
        steps.append('Tab into the values of a new result: the focus is on %s, not the first value' % describe(f))
    key('space')
    checks = checks_of(page, 'Values')
    if checks[:1] != [('Care', True)] or any(t for _, t in checks[1:]):
        steps.append('Space ticked %s' % checks)

    # Ctrl+Page Down: the responsibilities, ready to type.
    key('ctrl+Page_Down')
    if not focus_is(app, 'Name of a new responsibility'):
        steps.append('Ctrl+Page Down: the focus is on %s' % describe(focused_one(app)))
    add_items(['Answer at the desk', 'Handle complaints'])
    return steps


def tab_to(app, predicate, tabs=16):
    """Presses Tab until the focus is on what @predicate holds for."""
    for _ in range(tabs):
        key('Tab')
        f = focused_one(app)
        if f is not None and predicate(f):
            return f
    return None


def open_item(app, name):
    """From the new-item field of the list in view: Up into the list,
    Home, Down to @name, Enter."""
    key('Up')
    key('Home')
    f = focus_becomes(app, lambda o: role(o) == 'list item', 3)
    for _ in range(8):
        if f is not None and (f.name or '').split(',')[0] == name:
            break
        key('Down')
        f = focused_one(app)
    key('Return')
    return f is not None and (f.name or '').split(',')[0] == name


def build_competencies_and_roles(app, window):
    steps = []

    key('alt+3')
    add_items(['Listening', 'Local knowledge'])
    # What level 3 of Local knowledge looks like.
    if tab_to(app, lambda f: role(f) == 'text' and (f.name or '').startswith('3')) is None:
        steps.append('Tab never reached the text of level 3')
    type_text('Knows every ferry by heart')
    key('Return')

    key('alt+4')
    add_items(['Host', 'Lead'])
    # A digit on a role's level is the level.
    level = tab_to(app, lambda f: (f.name or '').startswith('Level of'))
    if level is None:
        steps.append('Tab never reached a level of the role')
    else:
        key('3')
        f = focus_becomes(app, lambda o: (o.name or '').endswith('3 · Proficient'), 3)
        if f is None or not (f.name or '').endswith('3 · Proficient'):
            steps.append('3 on a role’s level: it reads %s' % describe(f))
        # Its choices, as a screen reader hears them.
        key('Return')
        f = focus_becomes(app, lambda o: role(o) == 'list item', 3)
        if f is None or f.name != '3 · Proficient':
            steps.append('Enter on a role’s level: the focus is on %s' % describe(f))
        key('Escape')
    return steps


def assign_responsibility(app, window):
    """Who does what at the desk: Host R, Lead A, Host's delegation 5."""
    steps = []

    key('alt+2')
    if focused_one(app) is None or focused_one(app).name != 'Name of a new responsibility':
        key('ctrl+Page_Down')
    if not open_item(app, 'Answer at the desk'):
        steps.append('Up never reached ‘Answer at the desk’')
    for name in ('Host is Responsible', 'Delegation level of ‘Host’', 'Lead is Accountable'):
        control = tab_to(app, lambda f: (f.name or '').startswith(name))
        if control is None:
            steps.append('Tab never reached ‘%s’' % name)
        elif name.startswith('Delegation'):
            key('5')
            f = focus_becomes(app, lambda o: (o.name or '').endswith('5 Advise'), 3)
            if f is None or not (f.name or '').endswith('5 Advise'):
                steps.append('5 on a delegation: it reads %s' % describe(f))
        else:
            key('space')
            if not wait_for(lambda: has_state(control, pyatspi.STATE_PRESSED), 3):
                steps.append('Space did not set ‘%s’' % name)
    return steps


def build_people(app, window):
    steps = []
    page = section_page(window, 'People & Assessments')

    key('alt+5')
    add_items(['Anouk', 'Bas', 'Cato'])
    # Each shares with the team and is a Lead, by keyboard.
    for name in ('Cato', 'Bas', 'Anouk'):
        key('alt+5')
        if not open_item(app, name):
            steps.append('Up never reached %s' % name)
            continue
        if tab_to(app, lambda f: f.name == 'Shares assessments with', 3) is None:
            steps.append('Tab never reached whom %s shares with' % name)
            continue
        key('Return')
        key('End')
        key('Return')
        if tab_to(app, lambda f: role(f) == 'check box', 8) is None:
            steps.append('Tab never reached the roles of %s' % name)
            continue
        key('Down')
        key('space')
        ticked = [n for n, t in checks_of(page, 'Roles') if t]
        if ticked != ['Lead']:
            steps.append('the roles of %s read %s' % (name, ticked))
    return steps


def work_the_map(app, window):
    steps = []

    key('alt+6')
    heatmap = find_one(window, lambda o: role(o) == 'table' and (o.name or '').startswith('Heatmap'), 10)
    f = focus_becomes(app, lambda o: o == heatmap, 5)
    if heatmap is None or f != heatmap:
        steps.append('Alt+6: the focus is on %s, not the map' % describe(f))
        return steps, heatmap

    # A person's cell, a level, and what Undo says.
    key('ctrl+Home')
    for _ in range(12):
        if 'Not assessed' in (heatmap.description or ''):
            break
        key('Down')
    key('2')
    undo = wait_for(lambda: next((b for b in find_all(window, lambda o: role(o) == 'push button' and
                                                       (o.name or '').startswith('Undo'))), None), 5)
    name = undo.name if undo is not None else None
    if name is None or not name.startswith('Undo Set Level of ‘'):
        steps.append('Undo is called ‘%s’' % name)

    # The drop-down of views names its choices.
    view = named(window, 'combo box', 'View')
    toggle = next((c for c in children(view) if 'click' in actions(c)), None) if view else None
    if toggle is not None:
        do_action(toggle)
        settle(0.5)
        choices = [o.name for o in find_all(view, lambda o: role(o) == 'list item')]
        if not choices or not all(choices):
            steps.append('the choices of the views are named %s' % choices)
        key('Escape')
    return steps, heatmap


def present(app, window, heatmap):
    steps = []

    key('F5')
    if focus_becomes(app, lambda o: o == heatmap, 10) != heatmap:
        steps.append('F5: the focus is on %s' % describe(focused_one(app)))
    before = heatmap.description
    key('Return')
    if find_one(heatmap, lambda o: role(o) == 'list' and o.name in ('Level', 'Delegation'), 1.5) is not None:
        steps.append('Enter on the presented map opened its choices')
        key('Escape')
    key('3')
    settle(0.5)
    if heatmap.description != before:
        steps.append('3 on the presented map changed the cell: ‘%s’, then ‘%s’' % (before, heatmap.description))
    shown = find_one(window, lambda o: role(o) == 'label' and (o.name or '').startswith('Shown:'), 3)
    if shown is None:
        steps.append('nothing says who is shown')
    key('alt+t')
    if wait_for(lambda: 'totals only' in (shown.name or ''), 5) is None:
        steps.append('Alt+T: it says ‘%s’' % (shown.name if shown else None))
    for name in ('Title: ', 'Legend of the map'):
        if find_one(window, lambda o: (o.name or '').startswith(name), 3) is None:
            steps.append('nothing named ‘%s…’ around the presented map' % name)
    key('Escape')
    return steps


def save_as(app, window, path):
    key('ctrl+s')
    dialog = wait_for(lambda: next((w for w in children(app) if w is not None and w != window), None), 10)
    if dialog is None:
        return False
    settle(1)
    key('ctrl+a')
    type_text(path)
    key('Return')
    return wait_for(lambda: os.path.exists(path), 10) is not None


def recover(app_path, home, steps, started):
    """The start after a crash: Restore has the focus, Discard asks."""
    proc = start_program(app_path, [], home)
    started.append(proc)
    app = wait_for(lambda: find_app(proc.pid), 30)
    start_tracking(proc.pid)
    window = frame_of(app) if app is not None else None
    restore = find_one(window, lambda o: role(o) == 'push button' and o.name == 'Restore', 15) if window else None
    if restore is None:
        steps.append('after the crash, no Restore')
        return proc, None, None
    # The focus may have come before anyone listened: the state says.
    if not wait_for(lambda: has_state(restore, pyatspi.STATE_FOCUSED), 5):
        steps.append('after the crash, the focus is on %s, not Restore' % describe(focused_one(app)))
    key('Tab')
    f = focused_one(app)
    if f is None or f.name != 'Discard':
        steps.append('Tab from Restore: %s' % describe(f))
    else:
        key('Return')
        question = wait_for(lambda: next((w for w in children(app) if w is not None and w != window and
                                           find_all(w, lambda o: role(o) == 'push button' and o.name == 'Cancel')),
                                          None), 5)
        if question is None:
            steps.append('Discard did not ask')
        key('Return')  # Enter answers Cancel
        settle(0.5)
        if find_one(window, lambda o: role(o) == 'push button' and o.name == 'Restore', 3) is None:
            steps.append('Discard, Enter threw the work away')

    # Back to Restore from the section, the way a keyboard goes.
    key('alt+1')
    for _ in range(8):
        f = focused_one(app)
        if f is not None and f.name == 'Restore':
            break
        key('shift+Tab')
    key('Return')
    items = wait_for(lambda: 'Patience' in items_of(window, 'Mission & Values') and items_of(window, 'Mission & Values'), 15)
    if not items:
        steps.append('after Restore the values read %s' % items_of(window, 'Mission & Values'))
    return proc, app, window


def main():
    app_path = os.environ.get('TRELLIS_APP')
    if not app_path:
        print('1..0 # SKIP TRELLIS_APP is not set')
        return 0

    home = tempfile.mkdtemp(prefix='trellis-workshop-')
    saved = os.path.join(home, 'harbour.trellis')
    started = [start_program(app_path, [], home)]
    try:
        run(started, app_path, home, saved)
    finally:
        for proc in started:
            if proc.poll() is None:
                stop_program(proc)
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(RUNTIME_DIR, ignore_errors=True)

    return report()


def run(started, app_path, home, saved):
    proc = started[0]
    begun = time.monotonic()
    app = wait_for(lambda: find_app(proc.pid), 30)
    ok(app is not None, 'the program is on the accessibility bus')
    if app is None:
        return
    start_tracking(proc.pid)
    frame_of(app)
    settle(1)

    # A new, empty matrix.
    key('ctrl+n')
    window = wait_for(lambda: next((w for w in children(app) if w is not None and role(w) == 'frame' and
                                     find_all(w, lambda o: role(o) == 'list' and o.name == 'Sections')), None), 15)
    ok(window is not None, 'Ctrl+N makes an empty matrix')
    if window is None:
        return

    ok_steps = build_values(app, window)
    ok(not ok_steps and proc.poll() is None, 'the organisation and three values, by keyboard', ok_steps)
    steps = build_results(app, window)
    ok(not steps, 'results and responsibilities, by keyboard, without moving or ticking what nobody pointed at', steps)
    steps = build_competencies_and_roles(app, window)
    ok(not steps, 'competencies with their levels, roles with theirs, by keyboard', steps)
    steps = assign_responsibility(app, window)
    ok(not steps, 'who does what, and how far it is theirs, by keyboard', steps)
    steps = build_people(app, window)
    ok(not steps, 'people, whom they share with, and their roles, by keyboard', steps)
    steps, heatmap = work_the_map(app, window)
    ok(not steps, 'the map by keyboard: a level, what Undo says, named choices', steps)
    if heatmap is not None:
        steps = present(app, window, heatmap)
        ok(not steps, 'presenting shows and does not edit', steps)

    ok(save_as(app, window, saved), 'Ctrl+S saves the matrix where it is typed')

    # One more edit, then the program is killed before it can save.
    key('alt+1')
    type_text('Patience')
    key('Return')
    settle(2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    steps = []
    proc2, app2, window2 = recover(app_path, home, steps, started)
    if window2 is not None:
        # The sidebar highlights the section shown, and no other: the
        # one Tab first reaches a control in (hidden ones it skips).
        sections = named(window2, 'list', 'Sections')
        names = [r.name for r in children(sections)]
        highlighted = [r.name for r in children(sections) if has_state(r, pyatspi.STATE_SELECTED)]
        shown = []
        for _ in range(16):
            f = focused_one(app2)
            shown = [a.name for a in ancestors(f, 30) if role(a) == 'panel' and a.name in names] if f else []
            if shown:
                break
            key('Tab')
        if highlighted != shown[:1]:
            steps.append('the sidebar highlights %s while %s shows' % (highlighted, shown[:1]))
    elif not steps:
        steps.append('the restored work did not open')
    ok(not steps, 'after a crash, one key restores the work and none throws it away', steps)

    ok(not unnamed_focus(), 'all that took the focus on the way has a name a person would say', unnamed_focus())
    trace('the workshop took %.0f s' % (time.monotonic() - begun))


if __name__ == '__main__':
    sys.exit(main())
