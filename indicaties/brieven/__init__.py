"""Decision letters: versioned texts, rendering to tagged PDF, mailing runs."""
