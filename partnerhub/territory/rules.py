"""Territorial units are public reference data, kept by site administrators."""

from __future__ import annotations

import rules

from partnerhub.access.predicates import declare_permissions
from partnerhub.access.visibility import EVERYTHING, declare_access
from partnerhub.territory.models import TerritorialUnit

declare_access(TerritorialUnit, public=lambda: EVERYTHING)
declare_permissions(TerritorialUnit, add=rules.always_deny)
