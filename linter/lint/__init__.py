"""Linting: each file through load, schema, model, rules, positions and filters.

- ``engine.py``: one file (the one place pointers become positions and fingerprints);
- ``runner.py``: many files, in a process pool when it pays.
"""
