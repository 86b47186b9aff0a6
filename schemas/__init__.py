"""The JSON Schemas, shipped inside plancheck as the package ``checker._schemas`` (see setup.py).

This folder is the source of truth (``python -m checker.schemas`` writes the generated ones here); the file
only makes it a package so that :mod:`importlib.resources` finds it in a wheel and in an editable install
alike (``checker.resources.schemas_dir()``).
"""
