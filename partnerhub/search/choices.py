from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    """The kinds of record the search finds; the code is stored with every index entry.

    The order here is the order of kinds among equally relevant hits (``KIND_RANK``).
    """

    ORGANISATION = "organisation", _("Organisation")
    PARTNERSHIP = "partnership", _("Partnership")
    PROGRAMME = "programme", _("Programme")
    PROJECT = "project", _("Project")
    EVENT = "event", _("Event")
    PROBLEM = "problem", _("Local problem")
    PERSON = "person", _("Person")


# An entry's id is KIND_RANK[kind] * ID_SPAN + the record's id. The full-text indexes keep
# entries in id order, so "kind order, then record id" is the order they are read in, and
# a search stops as soon as it has enough hits. Changing a rank needs `partnerhub reindex`.
KIND_RANK = {kind: rank for rank, kind in enumerate(SearchKind.values, start=1)}
ID_SPAN = 10**12


def entry_id(kind: str, object_id: int) -> int:
    """The id of the index entry of a record (see ``KIND_RANK``)."""
    if not 0 < object_id < ID_SPAN:
        raise ValueError(f"record id {object_id} is out of the index's range")
    return KIND_RANK[kind] * ID_SPAN + object_id


def kind_id_range(kind: str) -> tuple[int, int]:
    """The ids ``[start, stop)`` of the entries of one kind."""
    start = KIND_RANK[kind] * ID_SPAN
    return start, start + ID_SPAN
