"""The built-in rule packs, shipped inside plancheck as the package ``checker._rules`` (see setup.py).

This folder is the source of truth; the file only makes it a package so that :mod:`importlib.resources`
finds it in a wheel and in an editable install alike (``checker.resources.rules_dir()``).
"""
