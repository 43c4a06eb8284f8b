"""Writing the dossier: JSON (with a JSON Schema in docs/) and a self-contained HTML file."""
