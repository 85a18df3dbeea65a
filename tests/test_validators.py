import pytest
from django.core.exceptions import ValidationError

from sdd_portal.validators import is_valid_bsn, normalize_postcode, validate_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999996770"])
def test_elfproef_accepts_the_domain_brief_valid_vectors(bsn):
    assert is_valid_bsn(bsn)
    validate_bsn(bsn)


@pytest.mark.parametrize("bsn", ["111252333", "123456789", "000000000"])
def test_elfproef_rejects_the_domain_brief_invalid_vectors(bsn):
    assert not is_valid_bsn(bsn)
    with pytest.raises(ValidationError) as exc:
        validate_bsn(bsn)
    assert "elfproef" in str(exc.value) or "bestaat niet" in str(exc.value)


@pytest.mark.parametrize("bsn", ["12345678", "1234567890", "12345678a", ""])
def test_bsn_must_be_exactly_nine_digits(bsn):
    with pytest.raises(ValidationError, match="9 cijfers"):
        validate_bsn(bsn)


def test_postcode_is_normalised_to_four_digits_two_capitals():
    assert normalize_postcode(" 3311 ab ") == "3311AB"
