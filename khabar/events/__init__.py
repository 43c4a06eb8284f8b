"""Near-duplicates, event clustering, event dating and stories."""

from khabar.events.build import build_events, retitle_events
from khabar.events.cluster import EventIndex
from khabar.events.neardup import near_duplicate_groups

__all__ = ["EventIndex", "build_events", "near_duplicate_groups", "retitle_events"]
