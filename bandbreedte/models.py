"""Products (maatwerkvoorzieningen) as reference data.

Minimal for now: enough for an assignment (toewijzing) to name its product. The
contract-management issue adds units, frequencies, delivery variants and validity.
"""

from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel


class Product(DomainModel):
    code = models.CharField(
        "code",
        max_length=10,
        unique=True,
        help_text="Korte code in het portaal, bijvoorbeeld HO of IB.",
    )
    naam = models.CharField("naam", max_length=200)
    productcategorie = models.CharField(
        "iWmo-productcategorie",
        max_length=2,
        validators=[RegexValidator(r"^[0-9]{2}$", "Een productcategorie bestaat uit 2 cijfers.")],
    )
    productcode = models.CharField(
        "iWmo-productcode",
        max_length=5,
        validators=[
            RegexValidator(
                r"^[0-9A-Z]{1,5}$", "Een productcode is 1 tot 5 cijfers of hoofdletters."
            )
        ],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.naam}"
