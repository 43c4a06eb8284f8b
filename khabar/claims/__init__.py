"""Claims across sources: statements, stances, alignment, contradictions and headline checks.

- :func:`extract_statements` — per article (pure): who says what, and how the outlet presents it.
- :func:`analyze_claims` — over the collection: one Claim per claim made in several articles,
  Contradiction records, and article flags (headline_body_mismatch, unconfirmed_claim,
  contested_claim, clickbait_title, old_story).
- :func:`agreement` — whether two reports agree, disagree or are unrelated.
"""

from __future__ import annotations

from khabar.claims.agreement import agreement
from khabar.claims.analyze import ClaimsResult, analyze_claims
from khabar.claims.statements import extract_statements

__all__ = ["ClaimsResult", "agreement", "analyze_claims", "extract_statements"]
