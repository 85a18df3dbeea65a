"""The signal's lifecycle: open -> gesloten, and a closed signal stays closed."""

import pytest
from django.core.exceptions import ValidationError

from signalen.models import Signaal
from signalen.states import SIGNAAL_OVERGANGEN, signaal_naar

STATUSSEN = [Signaal.Status.OPEN, Signaal.Status.GESLOTEN]


def test_the_table_knows_every_status_of_the_model():
    assert set(SIGNAAL_OVERGANGEN) == set(Signaal.Status.values)


@pytest.mark.parametrize("van", STATUSSEN)
@pytest.mark.parametrize("naar", STATUSSEN)
def test_every_move_is_allowed_or_refused_in_dutch(van, naar):
    signaal = Signaal(status=van)
    toegestaan = (van, naar) == (Signaal.Status.OPEN, Signaal.Status.GESLOTEN)
    if toegestaan:
        signaal_naar(signaal, naar)
        assert signaal.status == naar
    else:
        with pytest.raises(ValidationError, match=f"Dit signaal kan niet van '{van}' naar"):
            signaal_naar(signaal, naar)
        assert signaal.status == van
