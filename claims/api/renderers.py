"""JSON rendering that cannot fail on the text it echoes.

An error message may repeat what the client sent; a lone surrogate in it has no UTF-8 form, so
DRF's renderer (``ensure_ascii=False``, then ``.encode()``) would raise while answering a 400.
This renderer falls back to ``\\uXXXX`` escapes for such an answer (still valid JSON).
"""

from __future__ import annotations

import json

from rest_framework.renderers import JSONRenderer


class SafeJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            text = json.dumps(data, cls=self.encoder_class, ensure_ascii=True, allow_nan=not self.strict)
            return text.encode("ascii")
