"""The desktop window: every widget lives here (and only here, with ``app.py``).

Views call services only; they never hold a database session.
"""
