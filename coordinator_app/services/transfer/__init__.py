"""Bringing lists in from Excel/CSV and taking everything out again.

* :mod:`.reading` reads a .csv or .xlsx as staff save it;
* :mod:`.mappings` maps its columns to fields and remembers the mapping;
* :mod:`.importing` previews every row and imports the valid ones in one transaction;
* :mod:`.exporting` writes every list and the whole database to .xlsx or CSV.
"""
