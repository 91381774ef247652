"""JSON Schemas shipped with cllint (inventory and configuration)."""
