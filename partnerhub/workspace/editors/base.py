"""How the workspace creates, changes and deletes one kind of record.

An editor ties a model to its form and to its domain's service functions, and says where
a new record may come from (its parent records, named in the query string) and where the
user goes afterwards. The generic views (``workspace/views/base.py``) do the rest, the
same way for every kind of record: sign-in, permissions by name, one transaction, errors
on the right fields.

An ``InlineEditor`` edits records that live on their parent's page (a partnership's
members, a project's partners and indicators): with htmx its views answer with the
parent's section instead of a new page.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar
from urllib.parse import urlencode

from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from partnerhub.access.predicates import permission_name
from partnerhub.core.records import record_url
from partnerhub.workspace.forms import RecordForm

ModelT = TypeVar("ModelT", bound=models.Model)

#: Records by model, filled as editors are declared (see ``register``).
_EDITORS: dict[type[models.Model], RecordEditor[Any]] = {}


class RecordEditor(Generic[ModelT]):
    """The workspace's pages for one kind of record (add, change, delete)."""

    model: type[ModelT]
    form_class: type[RecordForm]
    #: Fields of a new record the query string may name: ``?partnership=<id>``.
    parent_fields: ClassVar[tuple[str, ...]] = ()
    #: Whether a new record needs one of its parents (a member needs a partnership).
    requires_parent: ClassVar[bool] = False
    template_name: ClassVar[str] = "workspace/record_form.html"
    #: Sections of the change page: ``Section`` objects editing records under this one.
    sections: tuple[Any, ...] = ()
    #: Records one may start from this one's change page: (editor's model, link text).
    starts: tuple[tuple[type[models.Model], Any], ...] = ()
    #: Form prefix (inline editors share their parent's page with its form).
    prefix: ClassVar[str | None] = None

    # --- writes: each calls the domain's service function ------------------------------

    def create(self, data: dict[str, Any], *, by: Any) -> ModelT:
        """Create the record from the form's data and its parents."""
        raise NotImplementedError

    def update(self, record: ModelT, data: dict[str, Any], *, by: Any) -> ModelT:
        raise NotImplementedError

    def delete(self, record: ModelT, *, by: Any) -> None:
        raise NotImplementedError

    # --- names --------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return str(self.model._meta.model_name)

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)

    def permission(self, action: str) -> str:
        return permission_name(self.model, action)

    def add_title(self) -> str:
        return str(_("Add %(kind)s") % {"kind": self.verbose_name})

    def change_title(self, record: ModelT) -> str:
        return str(record)

    # --- forms --------------------------------------------------------------------------

    def get_form(
        self,
        user: Any,
        *,
        data: Any = None,
        instance: ModelT | None = None,
        parents: dict[str, models.Model] | None = None,
    ) -> RecordForm:
        """The form for ``instance`` (a new record under ``parents`` when None)."""
        if instance is None:
            parents = parents or {}
            form_fields = self.form_class.base_fields
            instance = self.model(**{k: v for k, v in parents.items() if k not in form_fields})
            initial = {k: v for k, v in parents.items() if k in form_fields}
        else:
            initial = {}
        return self.form_class(
            data, user=user, instance=instance, initial=initial, prefix=self.prefix
        )

    def page_context(self, user: Any, record: ModelT | None) -> dict[str, Any]:
        """More for the add or change page's template (a partnership's sector balance)."""
        return {}

    # --- addresses ----------------------------------------------------------------------

    def add_url(self, **parents: models.Model) -> str:
        url = reverse(f"workspace:{self.name}-add")
        if parents:
            url += "?" + urlencode({name: parent.pk for name, parent in parents.items()})
        return url

    def change_url(self, record: ModelT) -> str:
        return reverse(f"workspace:{self.name}-change", args=[record.pk])

    def delete_url(self, record: ModelT) -> str:
        return reverse(f"workspace:{self.name}-delete", args=[record.pk])

    def public_url(self, record: ModelT) -> str | None:
        """The record's public page, when its kind has one (``core.records``)."""
        return record_url(record) or None

    def saved_url(self, record: ModelT) -> str:
        """Where the user goes after saving: the record's page, to go on editing it."""
        return self.change_url(record)

    def deleted_url(self, record: ModelT) -> str:
        return reverse("workspace:index")

    def cancel_url(self, record: ModelT | None, parents: dict[str, models.Model]) -> str:
        if record is not None and record.pk is not None:
            return self.change_url(record)
        for parent in parents.values():
            editor = editor_for(type(parent))
            if editor is not None:
                return editor.change_url(parent)
        return reverse("workspace:index")

    def start_links(self, user: Any, record: ModelT) -> list[dict[str, str]]:
        """Links to add records under ``record`` that ``user`` may add (a project here…)."""
        links = []
        for model, label in self.starts:
            editor = editor_for(model)
            if editor is None:
                continue
            field = next(
                (f for f in editor.parent_fields if _points_to(model, f, type(record))), None
            )
            if field is None:
                continue
            if user.has_perm(editor.permission("add"), record):
                links.append({"url": editor.add_url(**{field: record}), "label": str(label)})
        return links


def _points_to(model: type[models.Model], field: str, target: type[models.Model]) -> bool:
    return bool(model._meta.get_field(field).related_model is target)


class InlineEditor(RecordEditor[ModelT]):
    """Records edited on their parent's page, in a section of it (with htmx)."""

    requires_parent = True
    #: The parent whose page shows the section.
    section_parent: ClassVar[str]
    section_template: ClassVar[str]
    section_title: Any = ""

    @property
    def section_id(self) -> str:
        return f"{self.name}-section"

    def parent_of(self, record: ModelT) -> models.Model | None:
        """The record's parent named first in ``parent_fields`` that is set."""
        for field in self.parent_fields:
            parent = getattr(record, field, None)
            if parent is not None:
                return parent
        return None

    def has_section_on(self, parent: models.Model | None) -> bool:
        return parent is not None and _points_to(self.model, self.section_parent, type(parent))

    def rows(self, parent: Any) -> QuerySet[ModelT]:
        raise NotImplementedError

    def section_extra(self, user: Any, parent: Any, *, htmx: bool) -> dict[str, Any]:
        """More for the section's template (a partnership's sector balance)."""
        return {}

    def section_context(
        self,
        user: Any,
        parent: Any,
        *,
        form: RecordForm | None = None,
        form_action: str = "",
        form_title: str = "",
        message: str = "",
        htmx: bool = False,
    ) -> dict[str, Any]:
        """What the section's template shows: the rows, and the form being filled in."""
        may_edit = user.has_perm(self.permission("add"), parent)
        if form is None and may_edit:
            form = self.get_form(user, parents={self.section_parent: parent})
            form_action = self.add_url(**{self.section_parent: parent})
            form_title = self.add_title()
        return {
            "template": self.section_template,
            "id": self.section_id,
            "title": capfirst(self.section_title),
            "editor": self,
            "parent": parent,
            "rows": self.rows(parent),
            "may_edit": may_edit,
            "form": form if may_edit else None,
            "form_action": form_action,
            "form_title": form_title,
            "message": message,
            "htmx": htmx,
            **self.section_extra(user, parent, htmx=htmx),
        }

    def saved_url(self, record: ModelT) -> str:
        return self._parent_page(record)

    def deleted_url(self, record: ModelT) -> str:
        return self._parent_page(record)

    def _parent_page(self, record: ModelT) -> str:
        parent = self.parent_of(record)
        editor = editor_for(type(parent)) if parent is not None else None
        if parent is None or editor is None:
            return reverse("workspace:index")
        anchor = f"#{self.section_id}" if self.has_section_on(parent) else ""
        return editor.change_url(parent) + anchor


EditorT = TypeVar("EditorT", bound=RecordEditor[Any])


def register(editor: EditorT) -> EditorT:
    """Make ``editor`` the workspace's editor of its model (its URLs are then served)."""
    _EDITORS[editor.model] = editor
    return editor


def editor_for(model: type[models.Model]) -> RecordEditor[Any] | None:
    return _EDITORS.get(model)


def registered_editors() -> list[RecordEditor[Any]]:
    return list(_EDITORS.values())
