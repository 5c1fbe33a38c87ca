"""A partnership's lifecycle: stages change one step at a time, each change on record."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerhub.access.predicates import permission_name, require
from partnerhub.core.services import Actor, save_validated, update_fields
from partnerhub.formation.models import StageTransition
from partnerhub.formation.services.common import acting_account
from partnerhub.partnerships.choices import Stage
from partnerhub.partnerships.models import Partnership

STAGE_ORDER: tuple[str, ...] = tuple(Stage.values)


def allowed_next_stages(current: str) -> tuple[str, ...]:
    """Where a partnership in stage ``current`` may go next.

    One step forward; from reviewing back to implementing; to closed from any stage. A
    closed partnership stays closed.
    """
    if current == Stage.CLOSED:
        return ()
    position = STAGE_ORDER.index(current)
    allowed = [STAGE_ORDER[position + 1]]
    if current == Stage.REVIEWING:
        allowed.append(Stage.IMPLEMENTING)
    if Stage.CLOSED not in allowed:
        allowed.append(Stage.CLOSED)
    return tuple(allowed)


def check_stage_transition(current: str, new: str) -> None:
    """Raise ``ValidationError`` on ``stage`` unless ``allowed_next_stages`` allows the move."""
    if new not in allowed_next_stages(current):
        new_label = Stage(new).label if new in Stage.values else new
        raise ValidationError(
            {
                "stage": ValidationError(
                    _("A partnership cannot move from “%(current)s” to “%(new)s”."),
                    code="illegal_transition",
                    params={"current": Stage(current).label, "new": new_label},
                )
            }
        )


def move_partnership_to_stage(
    partnership: Partnership,
    stage: str,
    *,
    by: Actor,
    note: str = "",
    on: datetime.date | None = None,
) -> StageTransition:
    """Move a partnership to another lifecycle stage and record the transition.

    The only way a partnership's stage changes after it is created. Allowed to whoever
    manages the partnership, along ``allowed_next_stages``; ``on`` (today by default) may
    not be in the future nor before the previous transition. An illegal move raises
    ``ValidationError`` and changes nothing.
    """
    require(
        by,
        permission_name(StageTransition, "add"),
        partnership,
        _("Only the partnership's facilitator or coordinator moves it to another stage."),
    )
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError(
            {"date": ValidationError(_("A stage change cannot be dated in the future."), "future")}
        )
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        check_stage_transition(locked.stage, stage)
        previous = locked.stage_transitions.order_by("-date").values_list("date", flat=True)
        last = previous.first()
        if last is not None and on < last:
            raise ValidationError(
                {
                    "date": ValidationError(
                        _("The previous stage change was on %(date)s: this one cannot be earlier."),
                        code="before_previous",
                        params={"date": last.isoformat()},
                    )
                }
            )
        transition = save_validated(
            StageTransition(
                partnership=locked,
                from_stage=locked.stage,
                to_stage=stage,
                date=on,
                by=acting_account(by),
                note=note.strip(),
            ),
            by=by,
        )
        update_fields(locked, {"stage": stage}, by=by)
    partnership.refresh_from_db(fields=["stage", "updated_at"])
    return transition
