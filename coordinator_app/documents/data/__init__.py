"""What each document shows: plain frozen dataclasses, no reportlab, no database.

Builders in :mod:`coordinator_app.services` fill them; the renderers in
:mod:`coordinator_app.documents.render` draw exactly what they hold.
"""
