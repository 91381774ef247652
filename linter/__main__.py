"""``python -m cllint``."""

from cllint.entry import main

main()
