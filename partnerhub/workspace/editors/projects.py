"""Editors of programmes, projects and, on a project's page, its partners."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from partnerhub.events.models import Event
from partnerhub.projects.forms import ProgrammeForm, ProjectForm, ProjectPartnerForm
from partnerhub.projects.models import Programme, Project, ProjectPartner
from partnerhub.projects.services import (
    add_project_partner,
    create_programme,
    create_project,
    delete_programme,
    delete_project,
    remove_project_partner,
    update_programme,
    update_project,
    update_project_partner,
)
from partnerhub.workspace.editors.base import InlineEditor, RecordEditor, register
from partnerhub.workspace.editors.results import indicators


class ProjectPartnerEditor(InlineEditor[ProjectPartner]):
    model = ProjectPartner
    form_class = ProjectPartnerForm
    parent_fields = ("project",)
    section_parent = "project"
    section_template = "workspace/sections/project_partners.html"
    section_title = _("partners")
    prefix = "projectpartner"

    def add_title(self) -> str:
        return str(_("Add a partner"))

    def create(self, data: dict[str, Any], *, by: Any) -> ProjectPartner:
        return add_project_partner(
            data.pop("project"), data.pop("organisation"), data.pop("role"), by=by, **data
        )

    def update(self, record: ProjectPartner, data: dict[str, Any], *, by: Any) -> ProjectPartner:
        return update_project_partner(record, by=by, **data)

    def delete(self, record: ProjectPartner, *, by: Any) -> None:
        remove_project_partner(record, by=by)

    def rows(self, parent: Project) -> QuerySet[ProjectPartner]:
        return parent.partners.select_related("organisation").order_by("role", "pk")


class ProgrammeEditor(RecordEditor[Programme]):
    model = Programme
    form_class = ProgrammeForm
    parent_fields = ("partnership",)
    starts = ((Project, _("Add a project")), (Event, _("Add an event")))

    def create(self, data: dict[str, Any], *, by: Any) -> Programme:
        return create_programme(by=by, **data)

    def update(self, record: Programme, data: dict[str, Any], *, by: Any) -> Programme:
        return update_programme(record, by=by, **data)

    def delete(self, record: Programme, *, by: Any) -> None:
        delete_programme(record, by=by)


class ProjectEditor(RecordEditor[Project]):
    model = Project
    form_class = ProjectForm
    parent_fields = ("programme", "partnership")
    starts = ((Event, _("Add an event")),)

    def create(self, data: dict[str, Any], *, by: Any) -> Project:
        return create_project(by=by, **data)

    def update(self, record: Project, data: dict[str, Any], *, by: Any) -> Project:
        return update_project(record, by=by, **data)

    def delete(self, record: Project, *, by: Any) -> None:
        delete_project(record, by=by)


project_partners = register(ProjectPartnerEditor())
programmes = register(ProgrammeEditor())
projects = register(ProjectEditor())
projects.sections = (project_partners, indicators)
