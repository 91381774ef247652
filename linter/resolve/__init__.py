"""The online phase of ``--resolve``: every DNS question asked once, before linting.

- ``phase.py``: collects the online rules' questions from every inventory;
- ``resolver.py``: asks them (dnspython), with timeouts, and keeps the answers.

The vocabulary online rules use (questions, answers) is ``cllint.online``.
"""
