"""Pages of the signed-in workspace (see ``views/base.py`` for the generic record pages)."""
