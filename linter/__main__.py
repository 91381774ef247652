"""``python -m cllint``."""

from cllint.cli import main

main()
