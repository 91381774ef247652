"""What becomes of findings after the rules: in-source suppressions and baselines.

- ``suppressions.py``: ``# cllint: disable=...`` comments;
- ``baseline.py``: ``--baseline`` / ``--write-baseline`` files of fingerprints.
"""
