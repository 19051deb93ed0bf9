"""Signals of the claims app: what the core announces, for the parts that follow it.

``documents_stored`` is sent once the transaction that stored new documents has committed,
with ``document_ids``. The attribution suggestions listen (``claims.tasks``): services never
import the suggestions, the suggestions never import the tasks.
"""

from __future__ import annotations

from django.dispatch import Signal

__all__ = ["documents_stored"]

documents_stored = Signal()  # kwargs: document_ids (list[int])
