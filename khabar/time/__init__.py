"""Temporal expressions in Arabic news and the dating of events from them."""

from khabar.time.extract import Found, extract_times, find_times

__all__ = ["Found", "extract_times", "find_times"]
