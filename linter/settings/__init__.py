"""What a run is told: configuration, command-line options, which rules exist and run.

- ``config.py``: ``.cllint.yaml`` / ``[tool.cllint]``, found and validated;
- ``options.py``: the ``check`` command line merged with the configuration into
  the ``Settings`` the engine reads;
- ``registry.py``: every rule (the built-in table, third-party entry points);
- ``selection.py``: ``--select`` / ``--ignore`` / ``--extend-select``;
- ``nameservers.py``: ``--nameserver IP[:PORT]`` values.
"""
