"""Printed documents made with reportlab; never imports Qt.

Coordinator introduction flyers (紹介チラシ), data first, then render:

* :mod:`.data` — plain dataclasses (:class:`~.data.FlyerData`,
  :class:`~.data.TeamFlyerData`), layouts, warnings and errors;
* :mod:`.build` — :class:`~.build.FlyerDataBuilder`, the only flyer code that
  reads the database (through the services);
* :mod:`.renderer` — :class:`~.renderer.FlyerRenderer` and its design
  variants, returning PDF bytes; compositions in :mod:`.panels` and
  :mod:`.team`, page templates in :mod:`.layouts`, text fitting in
  :mod:`.text`, the bundled font in :mod:`.fonts`;
* :mod:`.batch` — many coordinators at once, for the command line and the dialog.
"""
