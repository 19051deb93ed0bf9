"""The Django project of the claim-and-attribution annotator."""
