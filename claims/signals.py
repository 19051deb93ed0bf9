"""Signals of the claims app: what the core announces, for the parts that follow it.

``documents_stored`` is sent once the transaction that stored new documents has committed,
with ``document_ids``, and ``prepared=False`` when they were stored without their sentences (a
large import). The tasks listen (``claims.tasks``) and queue the sentences and suggestions:
services never import the suggestions or the tasks, the suggestions never import the tasks.
"""

from __future__ import annotations

from django.dispatch import Signal

__all__ = ["documents_stored"]

documents_stored = Signal()  # kwargs: document_ids (list[int]), prepared (bool, default True)
