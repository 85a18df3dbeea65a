"""Print the current second-factor code of a demo account (demo data only)."""

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from proefdata.demo.accounts import DEMO_TOTP_KEY_HEX


class Command(BaseCommand):
    help = "Toon de huidige inlogcode (TOTP) van een demo-account."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, gebruikersnaam, **options):
        device = TOTPDevice.objects.filter(user__username=gebruikersnaam, confirmed=True).first()
        if device is None:
            raise CommandError(f"{gebruikersnaam} heeft geen authenticator.")
        if device.key != DEMO_TOTP_KEY_HEX:
            raise CommandError("Dit is geen demo-account: de code wordt niet getoond.")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        self.stdout.write(f"{code:0{device.digits}d}")
