"""The language server (``cllint server``)."""
