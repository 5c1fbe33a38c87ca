"""The schema of viewsets with actions on a record or collections under a record."""

from __future__ import annotations

from partnerhub.api.schema import RecordAutoSchema


class ScopedRecordSchema(RecordAutoSchema):
    """Also documents 404 for every operation whose address names a record.

    ``RecordAutoSchema`` leaves it out of POSTs and lists; an action on a record
    (``invitations/{id}/accept/``) or a collection under one
    (``partnerships/{partnership_pk}/transitions/``) answers 404 when the client may not see
    that record.
    """

    def _error_codes(self) -> list[str]:
        codes = super()._error_codes()
        if "{" in self.path and "404" not in codes:
            codes = sorted([*codes, "404"])
        return codes
