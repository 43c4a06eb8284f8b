"""Language resources of entity recognition and resolution."""
