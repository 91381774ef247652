"""CL001 yaml-syntax."""

from cllint.findings import Severity
from cllint.rule import Rule


class YamlSyntax(Rule):
    """The file must be well-formed YAML or JSON, plain data, and within the input limits.

    What:
        Reported by the loader when the file cannot be decoded (UTF-8, UTF-8 with
        BOM, UTF-16 with BOM), is not well-formed YAML/JSON, uses a tag that is
        not plain data (``!!python/...`` or a custom ``!tag``), or exceeds an
        input limit (file size, nesting depth, alias expansion, documents).

    Why:
        cllint reads inventories written by anyone who can open a pull request;
        it never constructs objects from tags and refuses input that would make
        it hang or exhaust memory. A file it cannot read cannot be checked.

    How to fix:
        Fix the syntax at the reported position, save the file as UTF-8, and
        remove tags: an inventory holds only mappings, lists, strings, numbers
        and booleans.

    Failing example:
        cluster:
          name: !!python/object:os.system CTXCLU01

    Passing example:
        cluster:
          name: CTXCLU01
    """

    id = "CL001"
    name = "yaml-syntax"
    severity = Severity.ERROR
    summary = (
        "the file is not well-formed YAML/JSON, cannot be decoded, uses a tag that is not "
        "plain data, or exceeds the input limits"
    )
    engine = True
    tags = ("input",)
