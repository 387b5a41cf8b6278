#!/usr/bin/python3
# test-app-guide.py: a team member's self-assessment, by keyboard only
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Hands out personal files with trellis-cli, then opens one in the real
# program with AT-SPI turned on and goes through the guided
# self-assessment from its first page to the saved file by key presses
# only, checking at every step what a screen reader meets: the page, the
# competency, the levels as named radio buttons, the progress, the
# summary in plain words, the sharing choice. Then it checks the file:
# owner-only, with the answers, the choice and where its owner stopped.
# A second person stops half-way and quits; opened again, the program
# is where they were.
#
# Runs with Debian's Python (pyatspi), under a display and a session bus
# (tests/gui-wrapper.sh), and prints TAP.

import os
import re
import shutil
import stat
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

pyatspi = a11y.pyatspi
ok = a11y.ok
key = a11y.key
role = a11y.role
settle = a11y.settle
wait_for = a11y.wait_for
find_one = a11y.find_one
find_all = a11y.find_all
has_state = a11y.has_state
trace = a11y.trace


def start(app_path, env, path):
    proc = subprocess.Popen([app_path, path], env=env)
    a11y.tracker = a11y.FocusTracker(proc.pid)
    app = wait_for(lambda: a11y.find_app(proc.pid), 30)
    window = None
    if app is not None:
        window = find_one(app, lambda o: role(o) == 'frame' and o.name.startswith(os.path.basename(path)), 30)
    settle(1)
    return proc, app, window


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


# GTK 4.8 tells no page of a stack from another (every page is
# "showing"): where the person is shows in what has the focus, as a
# screen reader follows it. Each step puts it on the levels, whose group
# is named after the competency; the summary puts it on Save and Hand In.


def label_there(root, text, timeout=5.0):
    return find_one(root, lambda o: role(o) in ('label', 'heading') and o.name == text, timeout)


def group_of(o):
    for a in [o] + a11y.ancestors(o, 4):
        if a.name and a.name.startswith('What I can do today in '):
            return a.name[len('What I can do today in '):]
    return None


def focus_in_step(app, competency):
    f = a11y.focus_becomes(app, lambda o: role(o) == 'radio button' and group_of(o) == competency)
    return f is not None and role(f) == 'radio button' and group_of(f) == competency


def levels(window, competency):
    group = find_one(window, lambda o: o.name == 'What I can do today in ' + competency, 5)
    if group is None:
        return None, []
    return group, [c for c in a11y.walk(group) if role(c) == 'radio button']


def checked(radios):
    return [r.name for r in radios if has_state(r, pyatspi.STATE_CHECKED)]


def read_file(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def guided_flow(app_path, env, anna):
    proc, app, window = start(app_path, env, anna)
    try:
        ok(window is not None, 'the personal file opens in a window')
        if window is None:
            return
        steps = []

        # The first page greets the person and explains, calmly.
        if label_there(window, 'Hello, Anna') is None:
            steps.append('no greeting ‘Hello, Anna’')
        begin = find_one(window, lambda o: role(o) == 'push button' and o.name == 'Begin')
        if begin is None or not has_state(begin, pyatspi.STATE_FOCUSED):
            steps.append('Begin is not there with the focus')
        bad = a11y.check_names(window, 'the first page', set())
        key('Return')

        # One competency: its name, why it matters, its levels.
        if not focus_in_step(app, 'Active listening'):
            steps.append('Return did not show the first competency: the focus is on %s' %
                         a11y.describe(a11y.focused_one(app)))
        if find_one(window, lambda o: o.name.startswith('It expresses') and 'Care' in o.name and
                    'Solved in one contact' in o.name, 3) is None:
            steps.append('no line saying which value it expresses and which result it serves')
        group, radios = levels(window, 'Active listening')
        names = [r.name for r in radios]
        if len(radios) != 5:
            steps.append('the levels are not five radio buttons: %s' % names)
        elif not names[3].startswith('3 · Proficient: Summarises the need before answering'):
            steps.append('level 3 does not say what it looks like: %s' % names[3])
        if label_there(window, 'Your role asks for level 3 · Proficient.') is None:
            steps.append('the level the role asks is not said')
        if label_there(window, 'Competency 1 of 2 · 0 answered') is None:
            steps.append('no progress ‘Competency 1 of 2 · 0 answered’')
        bad += a11y.check_names(window, 'a competency', set())

        # A digit chooses a level; the wish and a note by keyboard.
        key('2')
        if len(names) < 3 or checked(radios) != [names[2]]:
            steps.append('2 did not choose level 2: %s' % checked(radios))
        if label_there(window, 'Competency 1 of 2 · 1 answered') is None:
            steps.append('the progress did not count the answer')
        # Her wish to grow of last time is still hers: marked already.
        want = find_one(window, lambda o: role(o) == 'check box' and o.name == 'I want to grow in this')
        if want is None or not wait_for(lambda: has_state(want, pyatspi.STATE_CHECKED), 3):
            steps.append('the wish to grow of last time is not marked')
        key('alt+w')
        if want is not None and not wait_for(lambda: not has_state(want, pyatspi.STATE_CHECKED), 3):
            steps.append('Alt+W did not take the wish to grow away')
        key('alt+w')
        if want is not None and not wait_for(lambda: has_state(want, pyatspi.STATE_CHECKED), 3):
            steps.append('Alt+W did not mark the wish to grow again')
        # GTK 4.8 sends no focus event for the text inside an entry
        # row: what was typed shows where the focus went.
        key('alt+o')
        a11y.type_text('Practising summaries')

        def note_typed():
            for o in a11y.walk(window):
                if role(o) in ('text', 'entry') and a11y.text_of(o) == 'Practising summaries':
                    return o
            return None
        if wait_for(note_typed, 3) is None:
            steps.append('Alt+O did not go to the note')
        key('alt+Right')

        # The second competency; then the summary.
        if not focus_in_step(app, 'Product knowledge'):
            steps.append('Alt+Right did not go on to ‘Product knowledge’')
        group, radios = levels(window, 'Product knowledge')
        key('1')
        if len(radios) == 5 and not checked(radios)[:1] == [radios[1].name]:
            steps.append('1 did not choose level 1')
        key('alt+Right')

        f = a11y.focus_becomes(app, lambda o: o.name == 'Save and Hand In…')
        if f is None or f.name != 'Save and Hand In…':
            steps.append('no summary after the last competency: the focus is on %s' % a11y.describe(f))
        below = find_one(window, lambda o: role(o) == 'list' and o.name == 'Below what your role asks', 3)
        grow = find_one(window, lambda o: role(o) == 'list' and o.name == 'Where you want to grow', 3)
        if below is None or grow is None:
            steps.append('the summary lacks ‘Below what your role asks’ or ‘Where you want to grow’: %s' %
                         [o.name for o in find_all(window, lambda o: role(o) == 'list')])
        else:
            below_rows = [r.name for r in a11y.children(below)]
            grow_rows = [r.name for r in a11y.children(grow)]
            if not any('Active listening' in r for r in below_rows) or not any('Product knowledge' in r for r in below_rows):
                steps.append('below what the role asks, not both competencies: %s' % below_rows)
            if not any('Active listening' in r for r in grow_rows) or any('Product knowledge' in r for r in grow_rows):
                steps.append('want to grow is not Active listening alone: %s' % grow_rows)
        said = [r.name for l in (below, grow) if l is not None for r in a11y.walk(l) if r.name]
        scores = [t for t in said if re.search(r'\bscore\b|\d ?%|\bpoints?\b', t)]
        if scores:
            steps.append('the summary gives a score: %s' % scores)
        bad += a11y.check_names(window, 'the summary', set())

        # Who may see it, in plain words; then save and hand in.
        key('alt+c')
        coach = find_one(window, lambda o: role(o) == 'radio button' and o.name == 'Me and my coach')
        if coach is None or not has_state(coach, pyatspi.STATE_CHECKED):
            steps.append('Alt+C did not choose ‘Me and my coach’')
        key('alt+h')
        dialog = find_one(app, lambda o: o.name == 'Your Answers Are Saved', 10)
        if dialog is None:
            steps.append('Save and Hand In said nothing')
        else:
            key('Escape')
        settle(1)

        ok(not bad, 'every control of the guided self-assessment has a name', bad)
        ok(not steps, 'the guided self-assessment works by keyboard, start to end', steps)
    finally:
        stop(proc)

    # The file: the person's, with the answers.
    xml = read_file(anna)
    mode = stat.S_IMODE(os.stat(anna).st_mode)
    problems = []
    if mode != 0o600:
        problems.append('mode %o' % mode)
    for expected in ('competency="c-listen" level="2" want="grow" source="self"',
                     '<note>Practising summaries</note>',
                     'competency="c-product" level="1" source="self"',
                     'share="coach"', 'stage="summary"', 'handed-in="'):
        if expected not in xml:
            problems.append('lacks %s' % expected)
    ok(not problems, 'the saved file holds the answers, the choice and the hand-in, readable by its owner only',
       problems)


def resume(app_path, env, ben):
    proc, app, window = start(app_path, env, ben)
    steps = []
    try:
        if window is None:
            steps.append('the file did not open')
            return
        key('Return')
        key('3')
        key('alt+Right')
        if not focus_in_step(app, 'Product knowledge'):
            steps.append('did not reach the second competency')
        settle(1)
        # Stopping half-way, as a person closes the program.
        key('ctrl+q')
        wait_for(lambda: proc.poll() is not None, 10)
    finally:
        stop(proc)

    proc, app, window = start(app_path, env, ben)
    try:
        if window is None:
            steps.append('the file did not open again')
        else:
            if not focus_in_step(app, 'Product knowledge'):
                steps.append('opened again, it is not at ‘Product knowledge’: the focus is on %s' %
                             a11y.describe(a11y.focused_one(app)))
            if label_there(window, 'Competency 2 of 2 · 1 answered') is None:
                steps.append('opened again, the progress is not ‘2 of 2 · 1 answered’')
            key('alt+Left')
            group, radios = levels(window, 'Active listening')
            if len(radios) != 5 or checked(radios) != [radios[3].name]:
                steps.append('the first answer (3) is not there: %s' % checked(radios))
    finally:
        stop(proc)

    mode = stat.S_IMODE(os.stat(ben).st_mode)
    if mode != 0o600:
        steps.append('mode %o after saving' % mode)
    ok(not steps, 'a person who stops half-way resumes where they were', steps)


def main():
    app_path = os.environ.get('TRELLIS_APP')
    cli_path = os.environ.get('TRELLIS_CLI')
    srcdir = os.environ.get('G_TEST_SRCDIR', HERE)
    if not app_path or not cli_path:
        print('1..0 # SKIP TRELLIS_APP or TRELLIS_CLI is not set')
        return 0

    home = tempfile.mkdtemp(prefix='trellis-guide-')
    env = dict(os.environ)
    if a11y.PROGRAM_G_DEBUG is not None:
        env['G_DEBUG'] = a11y.PROGRAM_G_DEBUG
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    for d in ('state', 'data', 'config', 'cache'):
        os.makedirs(os.path.join(home, d))
        env['XDG_%s_HOME' % d.upper()] = os.path.join(home, d)
    env['GSETTINGS_BACKEND'] = 'memory'

    team = os.path.join(home, 'team.trellis')
    shutil.copy(os.path.join(srcdir, 'data', 'small.trellis'), team)
    out = os.path.join(home, 'handed-out')
    subprocess.run([cli_path, 'handout', team, '-o', out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    wait_for(lambda: pyatspi.Registry.getDesktop(0) is not None, 10)
    settle(1)

    try:
        guided_flow(app_path, env, os.path.join(out, 'Anna.trellis'))
        resume(app_path, env, os.path.join(out, 'Ben.trellis'))
    finally:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(a11y.RUNTIME_DIR, ignore_errors=True)

    print('1..%d' % len(a11y.results))
    for i, (passed, description, details) in enumerate(a11y.results, 1):
        print('%s %d - %s' % ('ok' if passed else 'not ok', i, description))
        for d in details:
            print('# %s' % d)
    return 1 if a11y.failures_total else 0


if __name__ == '__main__':
    sys.exit(main())
