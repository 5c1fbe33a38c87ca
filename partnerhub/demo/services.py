"""Loading the five demo cases: all of them at once, only into an empty database."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from partnerhub.demo.cases import CASE_LOADERS
from partnerhub.demo.context import DemoContext
from partnerhub.demo.users import create_demo_users
from partnerhub.registry.models import Organisation
from partnerhub.territory.services import load_territories


@dataclass(frozen=True)
class DemoLoad:
    """What a demo load did: whether it loaded, and which demo usernames were already taken."""

    loaded: bool
    existing_users: tuple[str, ...] = ()


def load_demo_data() -> DemoLoad:
    """Load the territories, the five cases and the demo users in one transaction.

    Runs only when the database holds no organisation at all, so demo data never mixes
    with real data and running it again changes nothing. A demo username that already
    exists keeps its account and password.
    """
    with transaction.atomic():
        if Organisation.objects.exists():
            return DemoLoad(loaded=False)
        load_territories()
        ctx = DemoContext()
        for load_case in CASE_LOADERS:
            load_case(ctx)
        existing_users = create_demo_users(ctx)
    return DemoLoad(loaded=True, existing_users=tuple(existing_users))
