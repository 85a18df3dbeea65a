"""Logging helpers."""

import logging


class NoTracebackForClientErrors(logging.Filter):
    """403/404 are answers, not failures: log them in one line, without a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
