"""Is this file an inventory at all? Decided before tags and syntax errors count.

A repository that holds inventories also holds GitLab CI (``!reference``),
CloudFormation (``!Sub``, ``!GetAtt``), Ansible vaults (``!vault``) and Helm
templates (``{{ ... }}``): YAML that the strict inventory loader rejects. A
file like that is not cllint's business and must be skipped, not reported as
CL001. So when a file yields no inventory document, this module reads the
top-level keys it can – from the parser's events, ignoring every tag, up to
the first syntax error – plus any later line that starts with an inventory
key at column 0 (so an inventory broken near its top is still recognised and
gets its CL001). Nothing is constructed; the parser only reports events.
"""

from __future__ import annotations

import re

from cllint.inventory.loader import INVENTORY_KEYS
from cllint.inventory.pyyaml import yaml

ev = yaml.events

TYPE_CHECKING = False  # importing typing costs start-up time; type checkers read the block
if TYPE_CHECKING:
    from typing import Any

_KEY_LINE = re.compile(r'^(?:"(cluster|nodes|licensing)"|(cluster|nodes|licensing))[ \t]*:', re.M)
_JSON_KEY = re.compile(r'^[ \t]*"(cluster|nodes|licensing)"[ \t]*:', re.M)
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def top_level_keys(text: str) -> set[str]:
    """The plain-scalar top-level mapping keys of every document, up to a syntax error."""
    keys: set[str] = set()
    parser = _Parser(text)
    depth = 0
    top_is_mapping = False
    key_next = False  # in the top-level mapping: the next node is a key
    try:
        while True:
            event: Any = parser.get_event()
            if isinstance(event, ev.StreamEndEvent):
                break
            if isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                depth -= 1
                continue
            if not isinstance(event, ev.NodeEvent):
                continue
            if depth == 1 and top_is_mapping:
                if key_next and isinstance(event, ev.ScalarEvent):
                    keys.add(event.value)
                key_next = not key_next
            if isinstance(event, ev.CollectionStartEvent):
                if depth == 0:
                    top_is_mapping = isinstance(event, ev.MappingStartEvent)
                    key_next = True
                depth += 1
    except yaml.YAMLError:
        pass
    finally:
        parser.dispose()
    return keys


def looks_like_inventory(text: str | None, json: bool = False) -> bool:
    """True when a readable top-level key of ``text`` is ``cluster``, ``nodes`` or ``licensing``."""
    if text is None:
        return True  # unreadable (too big, not text): keep the loader's CL001
    if INVENTORY_KEYS & top_level_keys(text):
        return True
    return bool(_KEY_LINE.search(text) or (json and _JSON_KEY.search(text)))
