"""Printed documents, data first, then render; never imports Qt or the database.

* :mod:`.data` — plain frozen dataclasses, no reportlab: flyers and team
  flyers (:mod:`.data.flyer`), minutes, the activity report, project pages,
  the guidebook, and what they share (:mod:`.data.common`). The builders that
  fill them read the database in ``services`` (``services.flyer_data``,
  ``services.documents``, ``services.report_export``,
  ``services.project_pages``, ``services.gathering_places``).
* :mod:`.design` — the look: fonts, colours, primitives, text fitting,
  images; the flyer designs are constant-only variants of one class.
* :mod:`.render` — the layouts: one renderer per document, reading data only
  and returning PDF (or HTML) bytes.
* :mod:`.batch` — many flyers at once, for the command line and the dialog.
"""
