"""Pages of the consultation tables: meetings (with their minutes, the PDF and search),
action items and the public pages of published minutes. Every page reads through
``visible_to`` (or ``gepubliceerd`` for the public pages) and writes through services."""
