"""Small helpers shared by the open-data tests."""

from __future__ import annotations

from typing import Any


def body(response: Any) -> bytes:
    """The whole body of a response, streamed or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)
