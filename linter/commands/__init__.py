"""The command line: ``cllint`` and each of its commands, from options to exit status.

- ``entry.py``: the console entry point (a plain ``check FILE...`` without click);
- ``cli.py``: the click command line, option declarations only;
- ``guard.py``: how every command ends (exit statuses for failures and signals);
- ``check.py``: the ``check`` flow, and ``show_settings.py`` for ``--show-settings``;
- ``license_targets.py``: a ``.lic`` named on the command line stands for its inventories;
- ``starter.py`` (``init``), ``runbook.py``, ``diagram.py``: the other commands;
- ``named_inventory.py``: the one inventory that ``runbook`` and ``diagram`` read.
"""
