#!/usr/bin/python3
# test-app-languages.py: Trellis in German and in Dutch, on a laptop's screen
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real program under LANGUAGE=de, then LANGUAGE=nl, on a
# screen of 1280×800 pixels of its own, opens the example matrix of
# that language from the welcome page and walks its accessible tree in
# every section, popover and dialog, as test-app-a11y does. Every name,
# description and text met is held against the language's catalogue
# (po/LANG.po): none may be an English message that the catalogue
# translates, nor read as an English sentence; and every window must
# fit the screen. A picture of the screen is kept of each section and
# dialog, in the test's folder of the build.
#
# Runs with Debian's Python (pyatspi, polib) and prints TAP.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import csv
import gettext
import xml.etree.ElementTree as ET

SCREEN_WIDTH = 1280
SCREEN_HEIGHT = 800
LANGUAGES = ('de', 'nl')
EXAMPLES = {
    'de': ('kundenservice.trellis', 'Customer Service Team (German)'),
    'nl': ('klantenservice.trellis', 'Customer Service Team (Dutch)'),
}


def on_a_screen_of_its_own():
    """Runs this test again under an X server the size of a laptop's
    screen and a session bus of its own; returns its exit status."""
    for program in ('Xvfb', 'dbus-run-session', 'xdotool', 'import'):
        if subprocess.run(['sh', '-c', 'command -v ' + program], stdout=subprocess.DEVNULL).returncode != 0:
            print('1..0 # SKIP %s is not installed' % program)
            return 0
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-nolisten', 'tcp',
                               '-screen', '0', '%dx%dx24' % (SCREEN_WIDTH, SCREEN_HEIGHT)],
                              pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        number = f.readline().strip()
    if not number:
        server.kill()
        print('1..0 # SKIP Xvfb did not start')
        return 0
    env = dict(os.environ)
    env['DISPLAY'] = ':' + number
    env.pop('WAYLAND_DISPLAY', None)
    env['TRELLIS_LANGUAGES_SCREEN'] = number
    # The daemons of the session bus say hello on its standard output:
    # the TAP goes through a pipe of its own.
    sys.stdout.flush()
    tap = os.dup(sys.stdout.fileno())
    env['TRELLIS_LANGUAGES_TAP'] = str(tap)
    try:
        return subprocess.run(['dbus-run-session', '--', sys.executable, os.path.abspath(__file__)] + sys.argv[1:],
                              env=env, stdout=sys.stderr, pass_fds=(tap,)).returncode
    finally:
        server.terminate()
        server.wait(10)


if __name__ == '__main__' and 'TRELLIS_LANGUAGES_SCREEN' not in os.environ:
    sys.exit(on_a_screen_of_its_own())
if 'TRELLIS_LANGUAGES_TAP' in os.environ:
    sys.stdout = os.fdopen(int(os.environ.pop('TRELLIS_LANGUAGES_TAP')), 'w', buffering=1)

try:
    import polib
except ImportError:
    print('1..0 # SKIP polib is not installed')
    sys.exit(0)

from trellis_atspi import (actions, children, do_action, find_all, find_app, find_one, key, ok,
                           report, role, section_page, select_section, settle, start_program,
                           stop_program, trace, type_text, wait_for, walk)

MNEMONIC = re.compile(r'_(?=[^\s_])')
PLACEHOLDER = re.compile(r"%(?:\d+\$)?['\-+ #0]*\d*(?:\.\d+)?(?:l|ll|h|hh|z|G_GU?INT64_FORMAT)?[sdiuxXfgeEc%]")
# Words that are English whatever the sentence, and neither German nor
# Dutch. ("is", "of", "die", "over" are words of those languages too.)
ENGLISH_WORDS = re.compile(r"\b(the|and|with|your|you|this|these|from|which|when|there|their|"
                           r"what|who|not|been|has|have|will|would|should|could|into|only|each|"
                           r"every|none|yet|here|please)\b", re.IGNORECASE)


def no_mnemonic(text):
    return MNEMONIC.sub('', text)


class Catalogue:
    """What po/LANG.po translates, and the English it leaves behind."""

    def __init__(self, path):
        self.po = polib.pofile(path)
        self.translations = {}
        translated_texts = set()
        entries = [e for e in self.po if not e.obsolete and 'fuzzy' not in e.flags]
        for e in entries:
            forms = [e.msgstr] if not e.msgid_plural else [e.msgstr_plural[k] for k in sorted(e.msgstr_plural)]
            forms = [no_mnemonic(f) for f in forms if f]
            if forms:
                self.translations.setdefault(no_mnemonic(e.msgid), forms[0])
                translated_texts.update(forms)

        # English that the catalogue translates: each message whose
        # translation differs, unless the language says it so itself
        # ("Feedback", "Team", a word that another message translates to).
        self.exact = set()
        self.patterns = []
        self.sentences = []
        for e in entries:
            english = [no_mnemonic(e.msgid)] + ([no_mnemonic(e.msgid_plural)] if e.msgid_plural else [])
            for text in english:
                if text in translated_texts or text not in self.translations and not e.msgid_plural:
                    continue
                literal = PLACEHOLDER.sub('', text)
                if not re.search(r'[A-Za-z]{3}', literal):
                    continue
                if PLACEHOLDER.search(text):
                    parts = PLACEHOLDER.split(text)
                    self.patterns.append((text, re.compile('^' + '.+?'.join(re.escape(p) for p in parts) + '$', re.S)))
                else:
                    self.exact.add(text)
                    # A sentence of its own may be part of a longer text.
                    if len(text.split()) >= 3:
                        self.sentences.append(text)

    def tr(self, english):
        """@english as the program says it in this language, without its
        mnemonic."""
        return self.translations.get(no_mnemonic(english), no_mnemonic(english))

    def english_in(self, text):
        """The English message in @text, or None."""
        pieces = [text] + [p.strip() for p in re.split(r'\n|(?<=[.:;!?])\s+| — |: ', text) if p.strip()]
        for piece in pieces:
            if piece in self.exact:
                return piece
            for english, pattern in self.patterns:
                if pattern.match(piece):
                    return english
        for sentence in self.sentences:
            if sentence in text:
                return sentence
        return None


SPREADSHEET = ('data', 'import', 'competencies.csv')


def toolkit_texts(language):
    """What GTK and libadwaita say in @language from catalogues of their
    own (a key's name in the keyboard shortcuts, say): theirs to
    translate."""
    texts = set()
    for domain in ('gtk40', 'libadwaita'):
        path = gettext.find(domain, languages=[language])
        if path is not None:
            texts.update(no_mnemonic(e.msgstr) for e in polib.mofile(path) if e.msgstr)
    return texts


def content_texts(path, spreadsheet):
    """Every text of the matrix itself (its names, descriptions, notes),
    and of the spreadsheet that the import reads."""
    texts = set()
    for element in ET.parse(path).iter():
        for value in [element.text] + list(element.attrib.values()):
            if value and value.strip():
                texts.add(value.strip())
    with open(spreadsheet, newline='') as f:
        for row in csv.reader(f):
            texts.update(cell.strip() for cell in row if cell.strip())
    return texts


class Walker:
    """Collects what the program says, and checks it, for one language."""

    def __init__(self, language, catalogue, content, shots_dir):
        # @content: what the program shows but does not say itself.
        self.language = language
        self.catalogue = catalogue
        self.content = sorted(content, key=len, reverse=True)
        self.content_set = content
        self.shots_dir = shots_dir
        self.english = {}
        self.texts = {}
        self.too_big = []
        self.shots = 0

    def said(self, text, where):
        text = (text or '').strip()
        if not text or text in self.content_set or text in self.texts:
            return
        self.texts[text] = where
        english = self.catalogue.english_in(text)
        if english is None:
            rest = text
            for c in self.content:
                if len(c) > 2 and c in rest:
                    rest = rest.replace(c, ' ')
            words = ENGLISH_WORDS.findall(rest)
            if len(words) >= 1 and not rest.strip().startswith(('http', 'io.github')):
                english = 'English words (%s)' % ', '.join(sorted(set(w.lower() for w in words)))
        if english is not None:
            self.english[text] = (english, where)

    def collect(self, root, where):
        n = 0
        for o in walk(root):
            try:
                self.said(o.name, where)
                self.said(o.description, where)
                if role(o) in ('label', 'text', 'entry', 'heading', 'paragraph', 'static'):
                    text = o.queryText()
                    self.said(text.getText(0, text.characterCount), where)
                n += 1
            except Exception:
                continue
        return n

    def shoot(self, what):
        """A picture of the screen, and the size of every window on it."""
        settle(0.5)
        self.shots += 1
        slug = re.sub(r'[^a-z0-9]+', '-', what.lower()).strip('-')
        path = os.path.join(self.shots_dir, '%s-%02d-%s.png' % (self.language, self.shots, slug))
        subprocess.run(['import', '-window', 'root', path], stderr=subprocess.DEVNULL)
        trace('picture %s' % path)
        for width, height in window_sizes():
            if width > SCREEN_WIDTH or height > SCREEN_HEIGHT:
                self.too_big.append('%s: a window of %d×%d' % (what, width, height))


def window_sizes():
    """The sizes of the windows shown on the screen (without a window
    manager, each is a child of the root window)."""
    out = subprocess.run(['xwininfo', '-root', '-children'], capture_output=True, text=True).stdout
    sizes = []
    for line in out.splitlines():
        m = re.search(r'^\s+0x[0-9a-f]+ .*: \(.*\)\s+(\d+)x(\d+)\+', line)
        if m:
            ids = line.split()[0]
            state = subprocess.run(['xwininfo', '-id', ids], capture_output=True, text=True).stdout
            if 'IsViewable' in state:
                sizes.append((int(m.group(1)), int(m.group(2))))
    return sizes


def top_windows(app):
    # GTK 4.8 calls its file chooser dialog a filler.
    return [w for w in children(app) if role(w) in ('frame', 'dialog', 'window', 'file chooser', 'filler')]


def new_window(app, before, timeout=10):
    return wait_for(lambda: next((w for w in top_windows(app) if w not in before), None), timeout)


def close_window(app, window, catalogue):
    key('Escape')
    if wait_for(lambda: window not in top_windows(app), 3):
        return True
    cancel = find_one(window, lambda o: role(o) == 'push button' and
                      o.name in (catalogue.tr('_Cancel'), catalogue.tr('_Close'), catalogue.tr('Close')), 3)
    if cancel is not None:
        do_action(cancel)
    return wait_for(lambda: window not in top_windows(app), 5) is not None


main_menus = {}


def menu_item(app, window, catalogue, label):
    """Clicks the item @label (in English) of the main menu."""
    key('F10')
    # The menu is found once in the whole window, then where it was.
    if window not in main_menus:
        menu = find_one(window, lambda o: role(o) == 'menu', 5)
        main_menus[window] = menu.parent if menu is not None else window
    name = catalogue.tr(label)
    item = find_one(main_menus[window], lambda o: role(o) == 'menu item' and o.name == name and 'click' in actions(o), 5)
    if item is None:
        key('Escape')
        return False
    do_action(item)
    return True


def main():
    app_path = os.environ.get('TRELLIS_APP')
    srcdir = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
    builddir = os.environ.get('G_TEST_BUILDDIR', tempfile.gettempdir())
    if not app_path:
        print('1..0 # SKIP TRELLIS_APP is not set')
        return 0
    shots_dir = os.path.join(builddir, 'app-languages')
    shutil.rmtree(shots_dir, ignore_errors=True)
    os.makedirs(shots_dir)

    for language in LANGUAGES:
        catalogue = Catalogue(os.path.join(srcdir, '..', 'po', language + '.po'))
        example, _ = EXAMPLES[language]
        content = content_texts(os.path.join(srcdir, '..', 'data', 'examples', example),
                                os.path.join(srcdir, *SPREADSHEET)) | toolkit_texts(language)
        walker = Walker(language, catalogue, content, shots_dir)
        home = tempfile.mkdtemp(prefix='trellis-languages-')
        os.environ['LANGUAGE'] = language
        proc = start_program(app_path, [], home)
        try:
            run(proc, language, catalogue, walker, srcdir)
        finally:
            stop_program(proc)
            shutil.rmtree(home, ignore_errors=True)

        with open(os.path.join(shots_dir, language + '-texts.txt'), 'w') as f:
            for text, where in walker.texts.items():
                f.write('%s\t%s\n' % (where, text.replace('\n', '\\n')))
        ok(walker.texts and not walker.english,
           '%s: no English that the catalogue translates, in %d texts' % (language, len(walker.texts)),
           ['%s: ‘%s’ (%s)' % (where, text, english) for text, (english, where) in walker.english.items()])
        ok(walker.shots > 0 and not walker.too_big,
           '%s: every window fits a screen of %d×%d (%d pictures)' % (language, SCREEN_WIDTH, SCREEN_HEIGHT, walker.shots),
           walker.too_big)

    return report()


def run(proc, language, catalogue, walker, srcdir):
    tr = catalogue.tr
    app = wait_for(lambda: find_app(proc.pid), 30)
    ok(app is not None, '%s: the program is on the accessibility bus' % language)
    if app is None:
        return

    # The welcome page, then the example of the language from it.
    window = find_one(app, lambda o: role(o) == 'frame', 30)
    if window is None:
        ok(False, '%s: the welcome page is there' % language)
        return
    settle(1)
    # The size of the screen, as a window manager would make it.
    ids = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(proc.pid), '--name', '.*'],
                         capture_output=True, text=True).stdout.split()
    for window_id in ids:
        subprocess.run(['xdotool', 'windowsize', window_id, str(SCREEN_WIDTH), str(SCREEN_HEIGHT)])
    settle(1)
    walker.collect(window, 'the welcome page')
    walker.shoot('welcome')

    steps = []
    example_button = find_one(window, lambda o: role(o) in ('push button', 'toggle button') and
                              o.name == tr('New From _Example'), 5)
    item = None
    if example_button is not None:
        click(example_button)
        settle(0.6)
        walker.collect(example_button.parent, 'the examples')
        item = find_one(window, lambda o: role(o) == 'menu item' and o.name == tr(EXAMPLES[language][1]), 5)
    if item is None:
        steps.append('no example ‘%s’ on the welcome page' % tr(EXAMPLES[language][1]))
    else:
        do_action(item)
    sections = find_one(window, lambda o: role(o) == 'list' and o.name == tr('Sections'), 20)
    if sections is None:
        steps.append('no list of sections named ‘%s’' % tr('Sections'))
    ok(not steps, '%s: the example matrix opens from the welcome page' % language, steps)
    if sections is None:
        return
    settle(1)

    walk_sections(window, sections, catalogue, walker)
    walk_popovers(window, sections, catalogue, walker)
    walk_heatmaps(window, sections, catalogue, walker)
    walk_dialogs(app, window, catalogue, walker, srcdir)


def walk_sections(window, sections, catalogue, walker):
    tr = catalogue.tr
    walker.collect(window, 'the window')
    for i, row in enumerate(children(sections)):
        sections.querySelection().selectChild(i)
        settle(0.8)
        where = 'section ‘%s’' % row.name
        page = section_page(window, row.name)
        if page is None:
            continue
        # An item chosen, so that its editor shows.
        items = find_one(page, lambda o: role(o) == 'list' and o.name == tr('Items') and o.childCount > 1, 3)
        if items is not None:
            items.querySelection().selectChild(1)
            settle(0.6)
        walker.collect(page, where)
        walker.shoot(where)
        # The pages of a section (Results, Responsibilities): the tabs of
        # a stack switcher.
        for tabs in find_all(page, lambda o: role(o) == 'page tab list'):
            for j, tab in enumerate(children(tabs)):
                try:
                    tabs.querySelection().selectChild(j)
                except Exception:
                    try:
                        click(tab)
                    except RuntimeError:
                        continue
                settle(0.6)
                walker.collect(page, '%s, page ‘%s’' % (where, tab.name))
                walker.shoot('%s %s' % (where, tab.name))


def click(o):
    """Clicks @o, or what inside it takes a click (a menu button)."""
    target = o if 'click' in actions(o) else next((c for c in walk(o) if 'click' in actions(c)), None)
    if target is None:
        raise RuntimeError('%s ‘%s’ takes no click' % (role(o), o.name))
    do_action(target)


def open_and_collect(window, button, where, walker):
    try:
        click(button)
    except RuntimeError:
        return
    settle(0.6)
    walker.collect(button.parent if button.parent is not None else window, where)
    walker.shoot(where)
    key('Escape')


def walk_popovers(window, sections, catalogue, walker):
    tr = catalogue.tr
    key('F10')
    for m in find_all(window, lambda o: role(o) == 'menu'):
        walker.collect(m.parent, 'the main menu')
    walker.shoot('main menu')
    key('Escape')

    select_section(sections, tr('Roles'))
    page = section_page(window, tr('Roles')) or window
    for prefix in ('Level of %s', 'Coverage target for %s'):
        start = tr(prefix).split('%')[0]
        button = find_one(page, lambda o: role(o) in ('push button', 'toggle button') and
                          (o.name or '').startswith(start) and 'click' in actions(o), 3)
        if button is not None:
            open_and_collect(window, button, 'the popover ‘%s’' % button.name, walker)

    for section, prefix in (('People & Assessments', 'Perspective and date of %s'), ('Development', 'Due: %s')):
        select_section(sections, tr(section))
        page = section_page(window, tr(section)) or window
        start = tr(prefix).split('%')[0]
        button = find_one(page, lambda o: role(o) in ('push button', 'toggle button') and
                          (o.name or '').startswith(start) and 'click' in actions(o), 3)
        if button is not None:
            open_and_collect(window, button, 'the popover ‘%s’' % button.name, walker)


def walk_heatmaps(window, sections, catalogue, walker):
    tr = catalogue.tr
    select_section(sections, tr('Heatmaps'))
    settle(1)
    page = section_page(window, tr('Heatmaps')) or window
    dropdown = find_one(page, lambda o: role(o) == 'combo box' and o.name == tr('View'), 5)
    if dropdown is None:
        return
    # Each view of the drop-down, with its table twin.
    toggle = next((c for c in children(dropdown) if 'click' in actions(c)), None)
    n_views = 0
    if toggle is not None:
        do_action(toggle)
        settle(0.6)
        views = find_one(dropdown, lambda o: role(o) == 'list' and o.childCount > 1, 3)
        n_views = views.childCount if views is not None else 0
        walker.collect(dropdown, 'the views')
        key('Escape')
    for i in range(n_views):
        do_action(toggle)
        settle(0.6)
        views = find_one(dropdown, lambda o: role(o) == 'list' and o.childCount > 1, 3)
        if views is None:
            key('Escape')
            break
        name = children(views)[i].name if i < len(children(views)) else str(i)
        views.querySelection().selectChild(i)
        settle(0.3)
        key('Escape')
        settle(1)
        where = 'the heatmap ‘%s’' % name
        walker.collect(page, where)
        walker.shoot(where)
    twin = find_one(page, lambda o: role(o) in ('toggle button', 'push button') and o.name == tr('Table'), 3)
    if twin is not None:
        do_action(twin)
        settle(1)
        walker.collect(page, 'the table twin')
        walker.shoot('table twin')
        back = find_one(page, lambda o: role(o) in ('toggle button', 'push button') and o.name == tr('Map'), 3)
        if back is not None:
            do_action(back)
    role_dropdown = find_one(page, lambda o: role(o) == 'combo box' and o.name == tr('Role'), 3)
    if role_dropdown is not None:
        toggle = next((c for c in children(role_dropdown) if 'click' in actions(c)), None)
        if toggle is not None:
            open_and_collect(window, toggle, 'the drop-down ‘%s’' % role_dropdown.name, walker)


def walk_dialog(app, window, catalogue, walker, what, opener):
    """Opens a dialog with @opener, collects what it says, closes it."""
    before = top_windows(app)
    opener()
    dialog = new_window(app, before)
    if dialog is None:
        return 'no window for %s' % what
    settle(1)
    walker.collect(dialog, what)
    walker.shoot(what)
    result = dialog
    if not close_window(app, dialog, catalogue):
        return '%s does not close' % what
    return result


def walk_dialogs(app, window, catalogue, walker, srcdir):
    tr = catalogue.tr
    steps = []

    def by_menu(label):
        return lambda: menu_item(app, window, catalogue, label) or steps.append('no menu item ‘%s’' % tr(label))

    dialogs = [
        ('the keyboard shortcuts', lambda: key('ctrl+question')),
        ('the report', lambda: key('ctrl+shift+e')),
        ('the export of the map', lambda: key('ctrl+e')),
        ('the export to a spreadsheet', by_menu('Export _to Spreadsheet…')),
        ('the translation of the matrix texts', by_menu('_Translate Matrix Texts…')),
        ('handing out self-assessments', by_menu('Hand _Out Self-Assessments…')),
        ('about Trellis', by_menu('_About Trellis')),
    ]
    for what, opener in dialogs:
        result = walk_dialog(app, window, catalogue, walker, what, opener)
        if isinstance(result, str):
            steps.append(result)

    # Importing from a spreadsheet: the file first, then what it holds.
    before = top_windows(app)
    if menu_item(app, window, catalogue, 'I_mport from Spreadsheet…'):
        chooser = new_window(app, before)
        if chooser is None:
            steps.append('importing from a spreadsheet asks for no file')
        else:
            settle(1)
            walker.collect(chooser, 'the choice of a spreadsheet')
            key('ctrl+l')
            type_text(os.path.join(os.path.abspath(srcdir), *SPREADSHEET))
            key('Return')
            dialog = wait_for(lambda: next((w for w in top_windows(app) if w not in before and w != chooser), None), 10)
            if dialog is None:
                steps.append('no import dialog for a spreadsheet')
            else:
                settle(1.5)
                walker.collect(dialog, 'the import from a spreadsheet')
                walker.shoot('import from a spreadsheet')
                if not close_window(app, dialog, catalogue):
                    steps.append('the import from a spreadsheet does not close')
    else:
        steps.append('no menu item ‘%s’' % tr('I_mport from Spreadsheet…'))

    # An edit, then Ctrl+W: the question about unsaved changes.
    key('alt+1')
    type_text('Zuhören')
    key('Return')
    result = walk_dialog(app, window, catalogue, walker, 'the question about unsaved changes', lambda: key('ctrl+w'))
    if isinstance(result, str):
        steps.append(result)
    key('ctrl+z')

    ok(not steps, '%s: the dialogs open and close' % walker.language, steps)


if __name__ == '__main__':
    sys.exit(main())
