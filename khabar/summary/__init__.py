"""Cited extractive summaries of events (``summarize_event``)."""

from khabar.summary.select import summarize_event

__all__ = ["summarize_event"]
