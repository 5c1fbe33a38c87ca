"""Editors of partnerships and, on a partnership's page, its members."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from partnerhub.events.models import Event
from partnerhub.partnerships.forms import MembershipForm, PartnershipForm
from partnerhub.partnerships.models import Membership, Partnership
from partnerhub.partnerships.services import (
    add_member,
    create_partnership,
    delete_partnership,
    remove_membership,
    update_membership,
    update_partnership,
)
from partnerhub.projects.models import Programme, Project
from partnerhub.workspace.editors.base import InlineEditor, RecordEditor, register
from partnerhub.workspace.selectors import get_sector_badge


class MembershipEditor(InlineEditor[Membership]):
    """A partnership's members, added, changed and removed on the partnership's page."""

    model = Membership
    form_class = MembershipForm
    parent_fields = ("partnership",)
    section_parent = "partnership"
    section_template = "workspace/sections/members.html"
    section_title = _("members")
    prefix = "membership"

    def add_title(self) -> str:
        return str(_("Add a member"))

    def create(self, data: dict[str, Any], *, by: Any) -> Membership:
        organisation, person = data.pop("organisation", None), data.pop("person", None)
        member = organisation or person
        partnership = data.pop("partnership")
        return add_member(partnership, member, data.pop("role"), by=by, **data)

    def update(self, record: Membership, data: dict[str, Any], *, by: Any) -> Membership:
        return update_membership(record, by=by, **data)

    def delete(self, record: Membership, *, by: Any) -> None:
        remove_membership(record, by=by)

    def rows(self, parent: Partnership) -> QuerySet[Membership]:
        return parent.memberships.select_related("organisation", "person").order_by(
            "left", "role", "pk"
        )

    def section_extra(self, user: Any, parent: Partnership, *, htmx: bool) -> dict[str, Any]:
        # With htmx the response also carries the balance badge in the page's header.
        return {"balance": get_sector_badge(parent)} if htmx else {}


class PartnershipEditor(RecordEditor[Partnership]):
    model = Partnership
    form_class = PartnershipForm
    parent_fields = ("hub",)
    template_name = "workspace/partnership_form.html"
    starts = (
        (Programme, _("Add a programme")),
        (Project, _("Add a project")),
        (Event, _("Add an event")),
    )

    def create(self, data: dict[str, Any], *, by: Any) -> Partnership:
        return create_partnership(by=by, **data)

    def update(self, record: Partnership, data: dict[str, Any], *, by: Any) -> Partnership:
        return update_partnership(record, by=by, **data)

    def delete(self, record: Partnership, *, by: Any) -> None:
        delete_partnership(record, by=by)

    def page_context(self, user: Any, record: Partnership | None) -> dict[str, Any]:
        if record is None or record.pk is None:
            return {}
        return {"balance": get_sector_badge(record)}


memberships = register(MembershipEditor())
partnerships = register(PartnershipEditor())
partnerships.sections = (memberships,)
