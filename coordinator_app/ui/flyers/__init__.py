"""チラシ作成: the flyer dialog (layout, design, per-print edits, preview, save, print, batch).

Open it with :class:`~coordinator_app.ui.flyers.flyer_dialog.FlyerDialog`.
"""
