"""The municipality's server: accounts, roles, push/pull sync and the change history.

No Qt and no desk services here: the server shares only ``domain/`` (tables,
enums, rules) with the desk. Installed with the ``server`` extra.
"""
