"""Tag-stage components: importing the modules registers them."""
from h200claims.tags import entities, quantities, quotes  # noqa: F401
