#!/usr/bin/env python3
# Checks the Flatpak manifests in build-aux/ as a Flathub reviewer would,
# without the network: each is valid JSON that flatpak-builder reads, on
# the GNOME runtime that gives the GTK and libadwaita Trellis is built for,
# with permissions no wider than needed, a module for every library the
# build uses that the runtime lacks, and the .Devel variant built with
# -Ddevelopment=true under its own id.
#
#   check-flatpak.py SOURCE_DIR
import json
import os
import re
import subprocess
import sys

source = sys.argv[1]
aux = os.path.join(source, 'build-aux')
stable_id = 'io.github.trellis.Trellis'

# GNOME 43 gives GTK 4.8 and libadwaita 1.2, what the code is pinned to.
RUNTIME = ('org.gnome.Platform', 'org.gnome.Sdk', '43')

# What the app needs and why (README, "Packaging"): a display, its own
# IPC, GPU drawing, and the network for workshop voting from phones.
ALLOWED_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland',
                '--device=dri', '--share=network'}
REQUIRED_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland'}

# Libraries the runtime does not ship: how meson.build asks for them, and
# the manifest module that builds them.
NOT_IN_RUNTIME = {
    r"find_library\('csv'": 'libcsv',
    r"dependency\('xlsxwriter'": 'libxlsxwriter',
    r"dependency\('libqrencode'": 'libqrencode',
}

failures = []


def fail(message):
    failures.append(message)
    print('FAILED: ' + message)


meson_text = ''
for root, dirs, files in os.walk(source):
    dirs[:] = [d for d in dirs if not d.startswith(('.', '_build'))]
    for name in files:
        if name == 'meson.build':
            with open(os.path.join(root, name), encoding='utf-8') as f:
                meson_text += f.read()

for devel in (False, True):
    app_id = stable_id + ('.Devel' if devel else '')
    path = os.path.join(aux, app_id + '.json')
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f'{path}: {e}')
        continue

    shown = subprocess.run(['flatpak-builder', '--show-manifest', path],
                           capture_output=True, text=True)
    if shown.returncode != 0:
        fail(f'flatpak-builder cannot read {path}: {shown.stderr.strip()}')

    if manifest.get('id') != app_id:
        fail(f'{path}: the id is {manifest.get("id")}, not {app_id}')
    if (manifest.get('runtime'), manifest.get('sdk'), manifest.get('runtime-version')) != RUNTIME:
        fail(f'{path}: not on the GNOME 43 runtime')
    if manifest.get('command') != 'trellis':
        fail(f'{path}: the command is not trellis')

    args = set(manifest.get('finish-args', []))
    if args - ALLOWED_ARGS:
        fail(f'{path}: permissions wider than needed: {sorted(args - ALLOWED_ARGS)}')
    if REQUIRED_ARGS - args:
        fail(f'{path}: missing {sorted(REQUIRED_ARGS - args)}')

    modules = {m['name']: m for m in manifest.get('modules', []) if isinstance(m, dict)}
    for pattern, module in NOT_IN_RUNTIME.items():
        if re.search(pattern, meson_text) and module not in modules:
            fail(f'{path}: meson.build uses {module}, which has no module')
    for name, module in modules.items():
        for src in module.get('sources', []):
            if src.get('type') == 'git' and not re.fullmatch(r'[0-9a-f]{40}', src.get('commit', '')):
                fail(f'{path}: module {name} is not pinned to a commit')
            if src.get('type') == 'archive' and 'sha256' not in src:
                fail(f'{path}: module {name} has no checksum')

    last = manifest.get('modules', [{}])[-1]
    if last.get('name') != 'trellis' or last.get('buildsystem') != 'meson':
        fail(f'{path}: the last module does not build Trellis with meson')
    elif ('-Ddevelopment=true' in last.get('config-opts', [])) != devel:
        fail(f'{path}: -Ddevelopment=true belongs to the .Devel variant only')

    if not failures:
        print(f'ok: {path}')

sys.exit(1 if failures else 0)
