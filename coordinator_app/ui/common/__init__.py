"""Widgets and base classes shared by the pages."""
