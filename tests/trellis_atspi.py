#!/usr/bin/python3
# trellis_atspi.py: what the accessibility tests of Trellis share
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starting the real program with AT-SPI on, in folders of its own, and
# working it as a screen reader and a keyboard do: finding objects in
# the accessible tree, following the focus through AT-SPI's events,
# pressing keys through the X server (xdotool), and reporting TAP.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# The test environment makes GLib warnings fatal, for the program under
# test. The warnings of the accessibility library in this process (it
# logs a missing cache on start) must not stop the test itself.
PROGRAM_G_DEBUG = os.environ.get('G_DEBUG')
os.environ['G_DEBUG'] = ','.join(f for f in os.environ.get('G_DEBUG', '').split(',')
                                 if f and f != 'fatal-warnings')

# The accessibility bus of the display keeps its socket in the runtime
# folder (the user's cache when there is none): the bus of this session
# gets a folder of its own, set before anything starts it, deleted at the
# end. An accessibility bus outlives its test on a shared session bus,
# its socket gone: tests/meson.build gives every accessibility test after
# the first a session bus of its own.
RUNTIME_DIR = tempfile.mkdtemp(prefix='trellis-a11y-runtime-')
os.environ['XDG_RUNTIME_DIR'] = RUNTIME_DIR
subprocess.run(['dbus-update-activation-environment', 'XDG_RUNTIME_DIR=' + RUNTIME_DIR],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP pyatspi is not installed')
    sys.exit(0)

# The program answers on its main thread, which builds a whole section
# when it is first shown: on a busy machine that takes longer than the
# accessibility library's 0.8 s default wait for a reply.
pyatspi.setTimeout(15000, 60000)

if shutil.which('xdotool') is None:
    print('1..0 # SKIP xdotool is not installed')
    sys.exit(0)

# Roles of controls that must carry a name, and of containers whose
# items a screen reader announces by their container's name.
CONTROLS = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box',
    'entry', 'text', 'password text', 'spin button', 'slider', 'switch',
    'menu item', 'check menu item', 'radio menu item',
}
CONTAINERS = {'list', 'table', 'tree table', 'menu'}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Trellis)[A-Z][A-Za-z]*$')
MNEMONIC = re.compile(r'(^|\s)_[^\s_]')

results = []
failures_total = 0


def ok(passed, description, details=()):
    global failures_total
    results.append((passed, description, list(details)))
    if not passed:
        failures_total += 1


def wait_for(predicate, timeout=10.0, interval=0.05):
    end = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        if time.monotonic() > end:
            return None
        time.sleep(interval)


def settle(seconds=0.3):
    time.sleep(seconds)


def key(*keys):
    trace('key %s' % ' '.join(keys))
    subprocess.run(['xdotool', 'key', '--clearmodifiers'] + list(keys), check=True)
    settle(0.25)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '20', text], check=True)
    settle(0.25)


def children(obj):
    try:
        return [c for c in obj if c is not None]
    except Exception:
        return []


def walk(obj):
    stack = [obj]
    while stack:
        o = stack.pop()
        yield o
        stack.extend(reversed(children(o)))


def find_shallowest(root, predicate, timeout=5.0):
    """The match nearest to @root, breadth first."""
    def search():
        queue = [root]
        while queue:
            o = queue.pop(0)
            try:
                if predicate(o):
                    return o
            except Exception:
                pass
            queue.extend(children(o))
        return None
    return wait_for(search, timeout)


def section_page(window, name):
    return find_shallowest(window, lambda o: role(o) == 'panel' and o.name == name)


def find_all(root, predicate):
    out = []
    for o in walk(root):
        try:
            if predicate(o):
                out.append(o)
        except Exception:
            pass
    return out


def find_one(root, predicate, timeout=10.0):
    return wait_for(lambda: next(iter(find_all(root, predicate)), None), timeout)


def role(o):
    return o.getRoleName()


def has_state(o, state):
    try:
        return o.getState().contains(state)
    except Exception:
        return False


def ancestors(o, depth=8):
    out = []
    p = o.parent
    while p is not None and len(out) < depth:
        out.append(p)
        p = p.parent
    return out


def path_of(o):
    parts = ['%s ‘%s’' % (role(a), a.name) for a in ancestors(o, 4) if a.name]
    return ' in '.join(parts[:2]) or 'the window'


def actions(o):
    try:
        a = o.queryAction()
    except NotImplementedError:
        return {}
    return {a.getName(i): i for i in range(a.nActions)}


def trace(message):
    sys.stderr.write('%.2f %s\n' % (time.monotonic(), message))
    sys.stderr.flush()


def do_action(o, name='click'):
    trace('%s on %s ‘%s’' % (name, role(o), o.name))
    acts = actions(o)
    if name not in acts:
        raise RuntimeError('%s ‘%s’ has no action %s (%s)' % (role(o), o.name, name, ', '.join(acts)))
    o.queryAction().doAction(acts[name])
    settle()


def problems_of(o):
    """What is wrong with the name of @o, or None."""
    r = role(o)
    name = (o.name or '').strip()

    if r in CONTAINERS:
        # The inner list of a table, and the lists inside libadwaita's
        # rows and combo rows, are announced by what holds them.
        if any(role(a) in ('tree table', 'table', 'combo box', 'list item') for a in ancestors(o, 3)):
            return None
    elif r not in CONTROLS:
        return None

    if not name:
        return 'has no name'
    if CLASS_NAME.match(name):
        return 'is named by its class'
    if MNEMONIC.search(name):
        return 'has a mnemonic underscore in its name'
    # GTK 4.8 adds the names of what labels a widget to its own label:
    # “Target: None None”.
    words = name.split()
    if any(words[-n:] == words[-2 * n:-n] for n in range(1, len(words) // 2 + 1)):
        return 'says its last words twice'
    return None


def check_names(root, where, seen):
    bad = []
    for o in walk(root):
        try:
            problem = problems_of(o)
        except Exception:
            continue
        if problem is None:
            continue
        key_ = (role(o), o.name, path_of(o))
        if key_ in seen:
            continue
        seen.add(key_)
        bad.append('%s: %s ‘%s’ in %s %s' % (where, role(o), o.name, path_of(o), problem))
    return bad


class FocusTracker:
    """Follows the focus through AT-SPI's events, as a screen reader does."""

    def __init__(self, pid):
        from gi.repository import GLib
        self.context = GLib.MainContext.default()
        self.pid = pid
        self.current = None
        pyatspi.Registry.registerEventListener(self.event_cb, 'object:state-changed:focused')

    def event_cb(self, event):
        try:
            if event.detail1 and event.source.get_process_id() == self.pid:
                self.current = event.source
                # What takes the focus is what a screen reader says.
                problem = problems_of(event.source) or ('has no name' if not (event.source.name or '').strip() else None)
                if problem is not None:
                    unnamed.append('%s ‘%s’ in %s %s' % (role(event.source), event.source.name,
                                                             path_of(event.source), problem))
        except Exception:
            pass

    def pump(self):
        while self.context.pending():
            self.context.iteration(False)

    def get(self, settle_time=0.3):
        end = time.monotonic() + settle_time
        while time.monotonic() < end:
            self.pump()
            time.sleep(0.02)
        self.pump()
        # What had the focus may be gone since (a closed dialog's button).
        try:
            self.current is not None and self.current.name
        except Exception:
            self.current = None
        return self.current


tracker = None
unnamed = []


def start_tracking(pid):
    """Follows the focus of the program @pid from now on."""
    global tracker
    tracker = FocusTracker(pid)


def focused_one(app):
    return tracker.get() if tracker is not None else None


def unnamed_focus():
    """What took the focus on the way without a name a person would say,
    each once, in every program followed."""
    return list(dict.fromkeys(unnamed))


def focus_becomes(app, predicate, timeout=5.0):
    """The focused object once @predicate holds for it (a busy machine
    moves the focus late), else whatever has the focus."""
    def check():
        f = focused_one(app)
        return f if f is not None and predicate(f) else None
    return wait_for(check, timeout) or focused_one(app)


def text_of(o):
    if o is None:
        return None
    text = o.queryText()
    return text.getText(0, text.characterCount)


def describe(o):
    return '%s ‘%s’' % (role(o), o.name) if o is not None else 'nothing'


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for a in desktop:
        if a is not None and a.get_process_id() == pid and a.childCount > 0:
            return a
    return None


def select_section(sections, name):
    for i, row in enumerate(children(sections)):
        if row.name == name:
            sections.querySelection().selectChild(i)
            settle(0.8)
            return True
    return False


def start_program(app_path, args, home):
    """Starts the program with accessibility on, its folders in @home."""
    env = dict(os.environ)
    if PROGRAM_G_DEBUG is not None:
        env['G_DEBUG'] = PROGRAM_G_DEBUG
    # The test environment turns accessibility off for widget tests.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    for d in ('state', 'data', 'config', 'cache'):
        os.makedirs(os.path.join(home, d), exist_ok=True)
        env['XDG_%s_HOME' % d.upper()] = os.path.join(home, d)
    env['GSETTINGS_BACKEND'] = 'memory'

    # The accessibility bus and its registry are up before the program
    # starts: it finds them at once.
    wait_for(lambda: pyatspi.Registry.getDesktop(0) is not None, 10)
    settle(1)

    return subprocess.Popen([app_path] + list(args), env=env)


def stop_program(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def report():
    """Prints the results as TAP; the exit status of the test."""
    print('1..%d' % len(results))
    for i, (passed, description, details) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if passed else 'not ok', i, description))
        for d in details:
            print('# %s' % d)
    return 1 if failures_total else 0
