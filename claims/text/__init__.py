"""Pure-Python text processing for articles (segmentation, no Django imports)."""
