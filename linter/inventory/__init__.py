"""An inventory file as data: loaded with positions, sniffed, checked against the schema.

- ``loader.py``: YAML or JSON into plain data plus a pointer-to-span index;
- ``sniff.py``: whether a file is an inventory at all (other tools' YAML is skipped);
- ``schema.py`` (with ``schema_compiler.py``): the JSON Schema, compiled, as findings;
- ``addresses.py``: IP addresses and networks, parsed once for schema and model.

The typed model built from this data is ``cllint.model``.
"""
