"""Package discovery for the renamed source folders (the rest is in pyproject.toml).

pyproject's ``packages.find`` cannot rename folders, and a hand-written list
forgets new subpackages (``cllint.runbook`` once went missing from every
install). So each folder that ``package-dir`` maps into ``cllint`` is searched
here, and its subpackages are named under the package it maps to.
"""

import tomllib
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
with open(HERE / "pyproject.toml", "rb") as fh:
    FOLDERS: dict[str, str] = tomllib.load(fh)["tool"]["setuptools"]["package-dir"]

setup(
    packages=[
        name
        for package, folder in FOLDERS.items()
        for name in (package, *(f"{package}.{sub}" for sub in find_packages(HERE / folder)))
    ]
)
