#!/usr/bin/python3
# test-app-vote.py: a workshop vote on the laptop, by keyboard, as a screen
# reader meets it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real program on the example matrix with AT-SPI on, goes to
# the role requirement map by keyboard, presses V on a cell and passes the
# laptop round: each participant presses one digit. Then it walks the
# whole accessible tree of the program and checks that nothing of the
# votes can be read there before the reveal: the tree is the same as
# before the first vote but for the count. After the reveal the spread is
# described in words; the agreed value and its rationale, typed and
# recorded by keyboard, are in the saved file.
#
# Uses the helpers of trellis_atspi.py (AT-SPI through pyatspi, keys
# through xdotool), runs with Debian's Python under a display and a
# session bus (tests/gui-wrapper.sh), and prints TAP.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# The helpers of the accessibility tests (tests/trellis_atspi.py):
# starting the bus, waiting, keys, the accessible tree, and the check of
# every control's name.
sys.path.insert(0, HERE)
import trellis_atspi as a11y  # noqa: E402

import pyatspi  # noqa: E402  (set up by the helpers first)

ok = a11y.ok
role = a11y.role
key = a11y.key
settle = a11y.settle
trace = a11y.trace

# Longer than the screen's pause after a vote from the keyboard
# (TRELLIS_VOTE_SCREEN_LOCKOUT_MS), so that each press is one person's.
BETWEEN_VOTES = 1.3


def tree_text(app):
    """Every name, description and text in the program's accessible tree,
    one line per object, whether shown or not."""
    lines = []
    for o in a11y.walk(app):
        try:
            r = role(o)
            name = o.name or ''
            description = o.description or ''
        except Exception:
            continue
        text = ''
        try:
            text = a11y.text_of(o) or ''
        except Exception:
            pass
        if name or description or text:
            lines.append('%s|%s|%s|%s' % (r, name, description, text))
    return lines


def find_named(app, predicate, timeout=10.0):
    return a11y.find_one(app, predicate, timeout)


def main():
    app_path = os.environ.get('TRELLIS_APP')
    srcdir = os.environ.get('G_TEST_SRCDIR', HERE)
    if not app_path:
        print('1..0 # SKIP TRELLIS_APP is not set')
        return 0

    home = tempfile.mkdtemp(prefix='trellis-vote-a11y-')
    env = dict(os.environ)
    if a11y.PROGRAM_G_DEBUG is not None:
        env['G_DEBUG'] = a11y.PROGRAM_G_DEBUG
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    for d in ('state', 'data', 'config', 'cache'):
        os.makedirs(os.path.join(home, d))
        env['XDG_%s_HOME' % d.upper()] = os.path.join(home, d)
    env['GSETTINGS_BACKEND'] = 'memory'
    matrix = os.path.join(home, 'customer-service.trellis')
    shutil.copy(os.path.join(srcdir, '..', 'data', 'examples', 'customer-service.trellis'), matrix)

    a11y.wait_for(lambda: pyatspi.Registry.getDesktop(0) is not None, 10)
    settle(1)

    proc = subprocess.Popen([app_path, matrix], env=env)
    try:
        run(proc, matrix)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(a11y.RUNTIME_DIR, ignore_errors=True)

    print('1..%d' % len(a11y.results))
    for i, (passed, description, details) in enumerate(a11y.results, 1):
        print('%s %d - %s' % ('ok' if passed else 'not ok', i, description))
        for d in details:
            print('# %s' % d)
    return 1 if a11y.failures_total else 0


def go_to_cell(app, window, sections):
    """The role requirement map, the focus on its first cell, by keyboard."""
    a11y.select_section(sections, 'Heatmaps')
    settle(1)
    page = a11y.section_page(window, 'Heatmaps') or window
    heatmap = find_named(page, lambda o: role(o) == 'table' and o.name.startswith('Heatmap'))
    if heatmap is None:
        return None, 'no heatmap'

    # Alt+6 puts the focus in the map; back from it to the view: open
    # it, one down to the role requirements, choose.
    key('alt+6')
    if a11y.focus_becomes(app, lambda o: o == heatmap, 5) != heatmap:
        return None, 'Alt+6 put the focus on %s, not the map' % a11y.describe(a11y.focused_one(app))
    for _ in range(25):
        focus = a11y.focused_one(app)
        if focus is not None and role(focus) == 'push button' and focus.name == 'View':
            break
        key('shift+Tab')
    if a11y.focused_one(app) is None or a11y.focused_one(app).name != 'View':
        return None, 'Shift+Tab never reached the view (the focus is on %s)' % a11y.describe(a11y.focused_one(app))
    key('space')
    settle(0.8)
    key('Down')
    key('Return')
    settle(1.5)
    heatmap = find_named(page, lambda o: role(o) == 'table' and o.name.startswith('Heatmap'))
    for _ in range(25):
        if a11y.focused_one(app) == heatmap:
            break
        key('Tab')
    if a11y.focused_one(app) != heatmap:
        return None, 'Tab never reached the heatmap (the focus is on %s)' % a11y.describe(a11y.focused_one(app))
    key('ctrl+Home')
    return heatmap, heatmap.description or ''


def run(proc, matrix):
    app = a11y.wait_for(lambda: a11y.find_app(proc.pid), 30)
    ok(app is not None, 'the program is on the accessibility bus')
    if app is None:
        return
    window = find_named(app, lambda o: role(o) == 'frame' and o.name.startswith('customer-service.trellis'), 30)
    ok(window is not None, 'the window of the matrix is there')
    if window is None:
        return
    settle(1)
    a11y.tracker = a11y.FocusTracker(proc.pid)
    sections = find_named(window, lambda o: role(o) == 'list' and o.name == 'Sections')
    if sections is None:
        ok(False, 'the sections are there')
        return

    heatmap, cell = go_to_cell(app, window, sections)
    ok(heatmap is not None and 'Service agent' in cell and 'Active listening' in cell,
       'the focus is on a cell of the role requirement map', [cell])
    if heatmap is None:
        return

    # V: the vote, full screen; the question, the levels, no vote.
    key('v')
    count = find_named(app, lambda o: role(o) == 'label' and o.name == 'No votes yet', 10)
    ok(count is not None, 'V on the cell starts a vote, with no votes yet')
    if count is None:
        return
    question = find_named(app, lambda o: role(o) == 'label' and o.name.startswith('What level of'), 3)
    ok(question is not None and 'Active listening' in question.name and 'Service agent' in question.name,
       'the question names the competency and the role', [question.name if question else 'none'])
    settle(0.5)
    before = tree_text(app)

    # Passing the laptop: one digit each.
    for digit in ('3', '1', '3', '4'):
        key(digit)
        time.sleep(BETWEEN_VOTES)
    counted = a11y.wait_for(lambda: find_named(app, lambda o: role(o) == 'label' and o.name == '4 have voted', 1), 5)
    ok(counted is not None, 'four people voted, one key each, and the screen says only how many')

    # Nothing of the votes in the accessible tree: the same as before the
    # first vote but for the count.
    after = tree_text(app)
    changed = sorted(set(after) ^ set(before))
    allowed = re.compile(r'^label\|(No votes yet|4 have voted)\|')
    leaked = [line for line in changed if not allowed.match(line)]
    ok(not leaked, 'before the reveal, nothing of the votes is in the accessibility tree', leaked[:10])
    words = [line for line in after if re.search(r'Lowest|Highest|Everyone|votes?\b\.|Named:', line)]
    ok(not words, 'no spread, no names, no lowest or highest before the reveal', words[:10])
    picture = find_named(app, lambda o: role(o) == 'image' and o.name == 'The votes', 1)
    ok(picture is None or not picture.description, 'the picture of the votes says nothing before the reveal',
       [picture.description if picture else 'absent'])

    # The reveal, by its button.
    screen = a11y.ancestors(counted, 6)[-1] if counted is not None else app
    reveal = find_named(screen, lambda o: role(o) == 'push button' and o.name == 'Reveal Votes', 3)
    ok(reveal is not None, 'the reveal is a button named for it',
       [a11y.describe(o) for o in a11y.find_all(screen, lambda o: 'button' in role(o) or role(o) == 'label')][:40])
    if reveal is not None:
        a11y.do_action(reveal)
    picture = find_named(app, lambda o: role(o) == 'image' and o.name == 'The votes', 10)
    description = picture.description if picture else ''
    ok(picture is not None and 'Level 3, Proficient: 2 votes.' in description and
       'Lowest 1, highest 4.' in description,
       'after the reveal the spread is described in words', [description])

    # The agreed value (the median is offered) and the rationale, by keys.
    # (The drop-down's toggle takes the focus, named for the drop-down.)
    focused = a11y.focus_becomes(app, lambda o: o.name == 'Agreed value', 5)
    ok(focused is not None and focused.name == 'Agreed value', 'the focus is on the agreed value',
       [a11y.describe(focused)])
    key('Tab')
    entry = a11y.focus_becomes(app, lambda o: o.name == 'Rationale', 5)
    ok(entry is not None and entry.name == 'Rationale', 'Tab goes on to the rationale', [a11y.describe(entry)])
    a11y.type_text('Agents summarise every call')
    key('ctrl+Return')
    back = a11y.focus_becomes(app, lambda o: o == heatmap, 10)
    ok(back == heatmap, 'recording the agreed value brings back the map, with the focus on it',
       [a11y.describe(back)])

    key('ctrl+s')
    saved = a11y.wait_for(lambda: 'Agents summarise every call' in open(matrix, encoding='utf-8').read(), 10)
    text = open(matrix, encoding='utf-8').read()
    decision = re.search(r'<decision competency="[^"]+" level="3" date="[0-9-]+" votes="1:1 3:2 4:1">'
                         r'Agents summarise every call</decision>', text)
    ok(saved and decision is not None and 'version="1.1"' in text,
       'the agreed value is saved with its rationale, date and spread',
       [line.strip() for line in text.splitlines() if 'decision' in line][:3])


if __name__ == '__main__':
    sys.exit(main())
