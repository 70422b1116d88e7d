"""Global search (Ctrl+K): every kind of record, grouped by kind, the match highlighted.

The main window shows :class:`~coordinator_app.ui.search.search_view.SearchView`
in a dock; the search itself is :class:`coordinator_app.services.search.SearchService`.
"""
