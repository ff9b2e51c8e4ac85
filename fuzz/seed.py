#!/usr/bin/env python3
"""Seeds the fuzz corpora (fuzz/corpus/<target>/) from the repository's own inputs:
the bad-input corpus, the fixtures, the built-in pack and the example answers files.
Conditions and templates are cut out of the packs' `when = ...` and text values.
Run from the repository root: python3 fuzz/seed.py"""

import glob
import hashlib
import os
import re
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def put(target, data):
    folder = os.path.join(ROOT, "fuzz", "corpus", target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def files(*patterns):
    for pattern in patterns:
        yield from sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))


def strings(value):
    """Every string inside a parsed TOML value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


packs = list(files("rules/**/*.toml", "tests/fixtures/packs/**/*.toml", "tests/corpus/packs/**/*.toml"))
answers = list(files("examples/*.toml", "tests/fixtures/*.toml", "tests/corpus/answers/*.toml"))
for path in packs:
    data = open(path, "rb").read()
    put("pack_load", data)
    try:
        parsed = tomllib.loads(data.decode())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        continue
    for s in strings(parsed):
        if "{" in s:
            put("template", s)
    for when in re.findall(r'^\s*when\s*=\s*"(.*)"\s*$', data.decode(errors="replace"), re.M):
        put("condition", when)
for path in answers:
    put("answers", open(path, "rb").read())
for target in ["pack_load", "answers", "condition", "template"]:
    n = len(os.listdir(os.path.join(ROOT, "fuzz", "corpus", target)))
    print(f"{target}: {n} seeds")
