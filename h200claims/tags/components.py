"""Tag-stage components: importing the modules registers them."""
from h200claims.tags import entities, quantities  # noqa: F401
