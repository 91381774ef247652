"""Files in and out: which files a run checks, read and written safely, shown safely.

- ``discovery.py`` (with ``gitignore.py`` and ``globs.py``): folders expanded
  into the inventories to check;
- ``fileio.py``: bounded reads of regular files only, atomic writes;
- ``paths.py``: paths as the user sees them, and the root a file belongs to;
- ``terminal.py``: text from files made safe to print, and colour.
"""
