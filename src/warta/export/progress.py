"""Progress bars for long exports: warta's one progress display (``warta.progress``)."""

from __future__ import annotations

from warta.progress import track

__all__ = ["track"]
