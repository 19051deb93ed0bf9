"""Page views, one module per area; thin: they call selectors and services and render."""
