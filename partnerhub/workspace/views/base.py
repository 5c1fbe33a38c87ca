"""The three generic pages of the workspace: add, change and delete a record.

Each is given an editor (``workspace/editors``) and behaves the same for every kind of
record:

* anonymous visitors are sent to sign in;
* a record the user may not see is 404, one they see but may not change is 403 (by the
  permission names of ``partnerhub.access``: ``<app>.change_<model>`` with the record,
  ``<app>.add_<model>`` with the parent the new record goes under);
* a valid form is written by the domain's service function, with ``by`` the user, in one
  transaction; the service's errors are shown on the fields they concern;
* with htmx, records edited on their parent's page answer with the parent's section.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from partnerhub.access.predicates import may_add, may_add_any, may_move, require
from partnerhub.workspace.editors.base import InlineEditor, RecordEditor
from partnerhub.workspace.forms import RecordForm

REFUSED_ADD = gettext_lazy("You may not add this record there: choose a record you manage.")
REFUSED_MOVE = gettext_lazy("You may not move this record there: choose a record you manage.")


def add_service_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form: each message on its field when the
    form has it, on the whole form otherwise."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            target = name if name in form.fields and name != NON_FIELD_ERRORS else None
            form.add_error(target, errors)
    else:
        form.add_error(None, error)


def visible_or_404(model: type[models.Model], user: Any, pk: Any) -> Any:
    """The record ``pk`` of ``model`` if ``user`` may see it; 404 otherwise."""
    return get_object_or_404(model._default_manager.visible_to(user), pk=pk)  # type: ignore[attr-defined]


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


class WorkspaceView(LoginRequiredMixin, View):
    """A page of the signed-in workspace: anonymous visitors are sent to sign in."""


class RecordView(WorkspaceView):
    """What the three record pages share: their editor, and answering after a write."""

    #: Given by the URL configuration: ``RecordAddView.as_view(editor=...)``.
    editor: RecordEditor[Any] = None  # type: ignore[assignment]

    def render_page(
        self,
        request: HttpRequest,
        *,
        form: RecordForm,
        record: Any = None,
        parents: dict[str, models.Model] | None = None,
        status: int = 200,
    ) -> HttpResponse:
        editor = self.editor
        parents = parents or {}
        user = request.user
        is_new = record is None
        context: dict[str, Any] = {
            "editor": editor,
            "record": record,
            "form": form,
            "is_new": is_new,
            "title": editor.add_title() if is_new else editor.change_title(record),
            "form_action": request.get_full_path(),
            "cancel_url": editor.cancel_url(record, parents),
            "public_url": None if is_new else editor.public_url(record),
            "delete_url": (
                editor.delete_url(record)
                if not is_new and user.has_perm(editor.permission("delete"), record)
                else None
            ),
            "sections": (
                []
                if is_new
                else [section.section_context(user, record) for section in editor.sections]
            ),
            "start_links": [] if is_new else editor.start_links(user, record),
            **editor.page_context(user, record),
        }
        return render(request, editor.template_name, context, status=status)

    def render_inline_form(
        self, request: HttpRequest, *, form: RecordForm, title: str
    ) -> HttpResponse:
        """The form alone, to open inside the parent's section (htmx)."""
        assert isinstance(self.editor, InlineEditor)
        context = {
            "form": form,
            "form_action": request.get_full_path(),
            "form_title": title,
            "section_id": self.editor.section_id,
            "cancel_url": self.editor.saved_url(form.instance),
        }
        return render(request, "workspace/partials/inline_form.html", context)

    def render_section(
        self,
        request: HttpRequest,
        parent: models.Model,
        *,
        form: RecordForm | None = None,
        title: str = "",
        message: str = "",
    ) -> HttpResponse:
        """The parent's section for this editor's records (htmx answers)."""
        assert isinstance(self.editor, InlineEditor)
        section = self.editor.section_context(
            request.user,
            parent,
            form=form,
            form_action=request.get_full_path() if form is not None else "",
            form_title=title,
            message=message,
            htmx=True,
        )
        return render(request, section["template"], {"section": section})

    def answers_with_section(self, request: HttpRequest, parent: models.Model | None) -> bool:
        editor = self.editor
        return (
            is_htmx(request) and isinstance(editor, InlineEditor) and editor.has_section_on(parent)
        )


class RecordAddView(RecordView):
    """``<model>/add/``: a new record, under the parents named in the query string."""

    def parents(self, request: HttpRequest) -> dict[str, models.Model]:
        """The parent records the query string names, each one the user may add under."""
        editor, user = self.editor, request.user
        parents: dict[str, models.Model] = {}
        for name in editor.parent_fields:
            value = request.GET.get(name)
            if not value:
                continue
            if not value.isdigit():
                raise Http404
            model = editor.model._meta.get_field(name).related_model
            assert isinstance(model, type)
            parent = visible_or_404(model, user, value)
            require(user, editor.permission("add"), parent)
            parents[name] = parent
        if not parents:
            if editor.requires_parent:
                raise Http404(_("Open this page from the record the new one belongs to."))
            if not may_add_any(user, editor.model):
                raise PermissionDenied
        return parents

    def get(self, request: HttpRequest) -> HttpResponse:
        parents = self.parents(request)
        form = self.editor.get_form(request.user, parents=parents)
        if self.answers_with_section(request, next(iter(parents.values()), None)):
            return self.render_inline_form(request, form=form, title=self.editor.add_title())
        return self.render_page(request, form=form, parents=parents)

    def post(self, request: HttpRequest) -> HttpResponse:
        editor, user = self.editor, request.user
        parents = self.parents(request)
        form = editor.get_form(user, data=request.POST, parents=parents)
        parent = next(iter(parents.values()), None)
        if form.is_valid():
            data = {
                **{k: v for k, v in parents.items() if k not in form.fields},
                **form.cleaned_data,
            }
            if not may_add(user, editor.model, data):
                form.add_error(None, REFUSED_ADD)
            else:
                try:
                    with transaction.atomic():
                        record = editor.create(data, by=user)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    if self.answers_with_section(request, parent):
                        assert parent is not None
                        return self.render_section(request, parent)
                    messages.success(request, _("Saved."))
                    return HttpResponseRedirect(editor.saved_url(record))
        if self.answers_with_section(request, parent):
            assert parent is not None
            return self.render_section(request, parent, form=form, title=editor.add_title())
        return self.render_page(request, form=form, parents=parents)


class RecordChangeView(RecordView):
    """``<model>/<pk>/edit/``: change a record the user may change."""

    def record(self, request: HttpRequest, pk: int) -> Any:
        record = visible_or_404(self.editor.model, request.user, pk)
        require(request.user, self.editor.permission("change"), record)
        return record

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self.record(request, pk)
        form = self.editor.get_form(request.user, instance=record)
        if self.answers_with_section(request, self._parent(record)):
            title = _("Change %(record)s") % {"record": record}
            return self.render_inline_form(request, form=form, title=title)
        return self.render_page(request, form=form, record=record)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        editor, user = self.editor, request.user
        record = self.record(request, pk)
        unchanged = copy.copy(record)  # the form writes into ``record`` as it validates
        form = editor.get_form(user, data=request.POST, instance=record)
        if form.is_valid():
            if not may_move(user, unchanged, form.cleaned_data):
                form.add_error(None, REFUSED_MOVE)
            else:
                try:
                    with transaction.atomic():
                        record = editor.update(record, dict(form.cleaned_data), by=user)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    if self.answers_with_section(request, self._parent(record)):
                        return self.render_section(request, self._parent(record))
                    messages.success(request, _("Saved."))
                    return HttpResponseRedirect(editor.saved_url(record))
        if self.answers_with_section(request, self._parent(unchanged)):
            title = _("Change %(record)s") % {"record": unchanged}
            return self.render_section(request, self._parent(unchanged), form=form, title=title)
        return self.render_page(request, form=form, record=unchanged)

    def _parent(self, record: Any) -> Any:
        editor = self.editor
        return editor.parent_of(record) if isinstance(editor, InlineEditor) else None


class RecordDeleteView(RecordView):
    """``<model>/<pk>/delete/``: GET asks for confirmation, POST deletes."""

    template_name = "workspace/record_confirm_delete.html"

    def record(self, request: HttpRequest, pk: int) -> Any:
        record = visible_or_404(self.editor.model, request.user, pk)
        require(request.user, self.editor.permission("delete"), record)
        return record

    def confirmation(
        self, request: HttpRequest, record: Any, *, error: str = "", status: int = 200
    ) -> HttpResponse:
        context = {
            "editor": self.editor,
            "record": record,
            "title": _("Delete %(record)s") % {"record": record},
            "cancel_url": self.editor.change_url(record),
            "error": error,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.confirmation(request, self.record(request, pk))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        editor, user = self.editor, request.user
        record = self.record(request, pk)
        parent = editor.parent_of(record) if isinstance(editor, InlineEditor) else None
        after = editor.deleted_url(record)
        try:
            with transaction.atomic():
                editor.delete(record, by=user)
        except ProtectedError:
            error = _(
                "This record cannot be deleted: other records depend on it. "
                "Change or remove those first."
            )
            if parent is not None and self.answers_with_section(request, parent):
                return self.render_section(request, parent, message=error)
            return self.confirmation(request, record, error=error, status=409)
        if parent is not None and self.answers_with_section(request, parent):
            return self.render_section(request, parent)
        messages.success(request, _("Deleted."))
        return HttpResponseRedirect(after)
