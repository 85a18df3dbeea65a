"""iWmo 3.2: the schemas shipped with the project, message builders and validation."""
