"""cllint – a pre-flight configuration linter for clustered Citrix License Servers."""

__version__ = "0.1.0"
