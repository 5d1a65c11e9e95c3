"""Bringing files in from the window: choosing, progress, the final report."""
