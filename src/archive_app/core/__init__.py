"""The headless core: the Archive facade and the plain dataclasses that cross layers."""
