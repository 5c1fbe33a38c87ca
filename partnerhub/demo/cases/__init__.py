"""The five real cases, one module each; every ``load(ctx)`` writes only through services.

They load in this order: organisations shared between cases are created by the first case
that needs them and reused by the others through the ``DemoContext``.
"""

from collections.abc import Callable

from partnerhub.demo.cases import fal, fal_business, kuznia, p3p4sse, postojna, swppg
from partnerhub.demo.context import DemoContext

CASE_LOADERS: tuple[Callable[[DemoContext], None], ...] = (
    fal.load,
    fal_business.load,
    swppg.load,
    postojna.load,
    p3p4sse.load,
    kuznia.load,
)
