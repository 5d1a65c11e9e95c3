"""PNGs of the window for `make screenshots`: development tooling, not part of the installed app."""
