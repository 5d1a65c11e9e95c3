"""The window's frame: the application, the main window, menus, settings, theme, sidebar."""
