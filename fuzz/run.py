"""Run a fuzz target under atheris (libFuzzer) for a long local session.

    pip install atheris
    python3 fuzz/run.py inventory    fuzz/corpus/inventory    -max_total_time=600
    python3 fuzz/run.py license_file fuzz/corpus/license_file -max_total_time=600

The first argument names the target in ``targets.py``; the rest go to
libFuzzer (a corpus folder, ``-max_total_time``, ``-jobs`` ...). The seed
files (the example inventory and license file) are copied into the corpus
folder when it is empty. A crash is saved as ``crash-*`` in the current
folder: add its bytes to the tests as a regression case. The test suite runs
the same targets briefly with hypothesis (``tests/test_fuzz_targets.py``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def main() -> None:
    import atheris

    if len(sys.argv) < 2:
        sys.exit(__doc__)
    name = sys.argv.pop(1)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    with atheris.instrument_imports():
        import targets

        if name not in targets.TARGETS:
            sys.exit(f"unknown target {name!r}; one of {', '.join(targets.TARGETS)}")
        target = targets.TARGETS[name]
        target(b"")  # import everything the target uses while instrumenting
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None:
        corpus.mkdir(parents=True, exist_ok=True)
        if not any(corpus.iterdir()):
            for seed in targets.SEEDS:
                shutil.copy(seed, corpus / seed.name)
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
