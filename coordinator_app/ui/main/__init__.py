"""The main window and what only it uses: pages, menus' dialogs and windows, the undo offer."""
