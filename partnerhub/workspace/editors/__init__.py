"""The workspace's editors, one per kind of record (importing this registers them all)."""

from partnerhub.workspace.editors import (  # noqa: F401  (registration)
    consultation,
    events,
    partnerships,
    projects,
    registry,
    results,
)
from partnerhub.workspace.editors.base import editor_for, registered_editors

__all__ = ["editor_for", "registered_editors"]
