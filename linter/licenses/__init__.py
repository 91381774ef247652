"""License files: the FlexNet ``.lic`` parser and the reader that finds an inventory's.

- ``parser.py``: a ``.lic`` file into its SERVER, VENDOR and feature lines;
- ``reader.py``: an inventory's license files located inside its repository and
  read once per folder, for the license-file rules (part of the plugin API).
"""
