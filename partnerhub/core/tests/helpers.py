"""Assertions shared by the domains' tests: rules refused by validation and by the database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.test import Client


def error_messages(write: Callable[[], Any]) -> dict[str, list[str]]:
    """Run ``write``, expect a ValidationError and return its messages by field."""
    with pytest.raises(ValidationError) as caught:
        write()
    return caught.value.message_dict


def _constraint(name: str) -> tuple[type[models.Model], models.BaseConstraint]:
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if constraint.name == name:
                return model, constraint
    raise AssertionError(f"No model declares the constraint {name!r}")


@contextmanager
def violates(name: str, *or_reported_as: str) -> Iterator[None]:
    """Expect the database to refuse what the block writes, because of constraint ``name``.

    The block runs in its own savepoint, so the test can go on after the refusal. The
    database's message must name the constraint (SQLite names unique ones by columns), so
    an unrelated failure (a missing value, a foreign key) does not pass for it.
    ``or_reported_as`` lists other texts that identify the same rule, for a rule the
    database also enforces under another name.
    """
    model, constraint = _constraint(name)
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        yield
    message = str(caught.value)
    if connection.vendor == "sqlite" and isinstance(constraint, models.UniqueConstraint):
        columns = ", ".join(
            f"{model._meta.db_table}.{_column(model, f)}" for f in constraint.fields
        )
        assert f"UNIQUE constraint failed: {columns}" in message, message
    else:
        assert any(text in message for text in (name, *or_reported_as)), message


def _column(model: type[models.Model], field_name: str) -> str:
    field = model._meta.get_field(field_name)
    assert isinstance(field, models.Field)
    return str(field.column)


def inline_management_data(client: Client, url: str) -> dict[str, str]:
    """Management-form data for every inline of the admin page at ``url``, with no rows."""
    response = client.get(url)
    assert response.status_code == 200
    data: dict[str, str] = {}
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        initial = inline.formset.initial_form_count()
        data |= {
            f"{prefix}-TOTAL_FORMS": str(initial),
            f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        for i, form in enumerate(inline.formset.initial_forms):
            for name in form.fields:
                value = form[name].value()
                data[f"{prefix}-{i}-{name}"] = "" if value is None else str(value)
    return data


def add_inline_rows(
    data: dict[str, str], prefix: str, rows: list[dict[str, Any]]
) -> dict[str, str]:
    """``data`` with ``rows`` appended to the inline ``prefix`` as new forms."""
    data = dict(data)
    start = int(data[f"{prefix}-TOTAL_FORMS"])
    for offset, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{start + offset}-{name}"] = "" if value is None else str(value)
    data[f"{prefix}-TOTAL_FORMS"] = str(start + len(rows))
    return data
