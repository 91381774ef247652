"""``python -m cllint``."""

from cllint.commands.entry import main

main()
