"""Twenty representatives accept the same invitation at the same moment: one membership.

Real threads, each with its own database connection, run ``accept_invitation`` together.
The invitation's row is locked and its status read again inside the transaction, so exactly
one accept succeeds and the other nineteen get the clear "already accepted" error.

On SQLite the test database lives in memory with a shared cache, where a connection that
meets another's write lock is told so at once ("database table is locked") instead of
waiting as ``busy_timeout`` makes it wait on a database file. A thread told so tries again,
as a client would; on a file database and on PostgreSQL the lock is simply waited for.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, connections

from partnerhub.access.scope import get_scope
from partnerhub.formation.choices import InvitationStatus
from partnerhub.formation.models import Invitation
from partnerhub.formation.services import accept_invitation, invite_organisation
from partnerhub.formation.tests.conftest import Pilot
from partnerhub.partnerships.models import Membership

THREADS = 20
ATTEMPTS = 200


def _told_to_wait(error: OperationalError) -> bool:
    """SQLite's in-memory shared cache reports a held lock instead of waiting for it."""
    return connection.vendor == "sqlite" and "locked" in str(error)


def _run_together(action: Callable[[], str]) -> list[str]:
    """Run ``action`` in ``THREADS`` threads released at once; collect what each reports."""
    outcomes: list[str] = []
    barrier = threading.Barrier(THREADS)

    def worker() -> None:
        try:
            barrier.wait(timeout=30)
            for _attempt in range(ATTEMPTS):
                try:
                    outcomes.append(action())
                    return
                except OperationalError as error:
                    if not _told_to_wait(error):
                        raise
                    time.sleep(0.005)
            outcomes.append("gave up waiting")
        except ValidationError as error:
            outcomes.append(str(getattr(error, "code", None) or error.messages))
        except Exception as error:  # reported, so the test shows what went wrong
            outcomes.append(repr(error))
        finally:
            connections.close_all()  # each thread's own connection

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_accepts_make_exactly_one_membership(pilot: Pilot) -> None:
    invitation = invite_organisation(pilot.partnership, pilot.firm, by=pilot.hub_staff).invitation
    representative = pilot.firm_representative
    get_scope(representative)  # the user's roles, read once before the threads start

    def accept() -> str:
        own_copy = Invitation.objects.get(pk=invitation.pk)
        accept_invitation(own_copy, by=representative)
        return "accepted"

    outcomes = _run_together(accept)

    assert Counter(outcomes) == {"accepted": 1, "invitation_accepted": THREADS - 1}
    assert Membership.objects.filter(organisation=pilot.firm).count() == 1
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.membership == Membership.objects.get(organisation=pilot.firm)
    assert invitation.history.filter(status=InvitationStatus.ACCEPTED).count() == 1
