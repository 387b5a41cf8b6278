#!/usr/bin/python3
# Keeps the translations whole and translatable, from the sources as they
# are now rather than from the POT last written:
#
# - every message with a printf placeholder has a translator comment
#   (xgettext takes it only from the lines right above the gettext call),
#   so that translators know what each placeholder stands for;
# - every language in po/LINGUAS translates every message, none fuzzy: a
#   new message, or a new context for an old one, comes with its
#   translation.
#
#   check-po.py SOURCE_DIR
import os
import re
import subprocess
import sys
import tempfile

source = sys.argv[1]
po_dir = os.path.join(source, 'po')

# What meson's i18n.gettext(preset: 'glib') gives xgettext.
try:
    from mesonbuild.modules.i18n import PRESET_ARGS
    GLIB_PRESET = PRESET_ARGS['glib']
except ImportError:
    GLIB_PRESET = [
        '--from-code=UTF-8', '--add-comments',
        '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
        '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
        '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
        '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
        '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
        '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
        '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
        '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
        '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
    ]


def unquote(text):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), text)


def read_po(path):
    """The entries of a PO file, obsolete ones left out: dicts with the
    extracted comments, flags, references, msgctxt and msgid."""
    entries = []
    with open(path, encoding='utf-8') as f:
        blocks = f.read().split('\n\n')
    for block in blocks:
        entry = {'comments': [], 'flags': set(), 'refs': [], 'msgctxt': None, 'msgid': None}
        field = None
        for line in block.split('\n'):
            if line.startswith('#~'):
                field = None
                continue
            if line.startswith('#.'):
                entry['comments'].append(line[2:].strip())
            elif line.startswith('#,'):
                entry['flags'].update(flag.strip() for flag in line[2:].split(','))
            elif line.startswith('#:'):
                entry['refs'].extend(line[2:].split())
            elif line.startswith(('msgctxt ', 'msgid ')):
                field, _, rest = line.partition(' ')
                entry[field] = unquote(rest.strip()[1:-1])
            elif line.startswith('"') and field is not None:
                entry[field] += unquote(line.strip()[1:-1])
            elif line.startswith('msg'):
                field = None
        if entry['msgid']:
            entries.append(entry)
    return entries


def describe(entry):
    ctxt = '[%s] ' % entry['msgctxt'] if entry['msgctxt'] is not None else ''
    where = entry['refs'][0] if entry['refs'] else '?'
    return '  %s: %s“%s”' % (where, ctxt, entry['msgid'])


def run(args):
    subprocess.run(args, check=True, cwd=source)


failures = 0
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'trellis.pot')
    run(['xgettext', '--package-name=trellis', '-f', os.path.join(po_dir, 'POTFILES.in'),
         '-D', source, '-k_', '-o', pot] + GLIB_PRESET)

    bare = [e for e in read_po(pot) if 'c-format' in e['flags'] and not e['comments']]
    if bare:
        failures += 1
        print('Messages with a placeholder but no translator comment right above the gettext call:')
        for entry in bare:
            print(describe(entry))

    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        languages = [word for line in f if not line.lstrip().startswith('#') for word in line.split()]
    if not languages:
        failures += 1
        print('po/LINGUAS names no language.')

    for lang in languages:
        merged = os.path.join(tmp, lang + '.po')
        run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, os.path.join(po_dir, lang + '.po'), pot])
        for what, option in (('untranslated or missing', '--untranslated'), ('fuzzy', '--only-fuzzy')):
            listed = os.path.join(tmp, '%s-%s.po' % (lang, option.strip('-')))
            run(['msgattrib', '--no-obsolete', option, '-o', listed, merged])
            entries = read_po(listed) if os.path.exists(listed) else []
            if entries:
                failures += 1
                print('po/%s.po: %d %s %s:' % (lang, len(entries), 'message' if len(entries) == 1 else 'messages', what))
                for entry in entries:
                    print(describe(entry))

if failures:
    sys.exit(1)
print('All c-format messages have translator comments; %s translate every message.' % ', '.join(languages))
