"""The former module of the HO services, kept only for ``indicaties/demo.py`` (moving to
the proefdata app) and ``manage.py synthetic_ho``, which import ``definitieve_beschikking``
from here. Everything else imports from ``indicaties.ho.services``; remove this module
once those two do too."""

from ..ho.services import definitieve_beschikking

__all__ = ["definitieve_beschikking"]
