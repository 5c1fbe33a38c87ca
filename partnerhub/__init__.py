"""Partnerhub: build and run local cross-sector partnerships."""

__version__ = "0.1.0"
