"""``make run``: the whole portal on one machine, stopped together with Ctrl-C.

Starts the embedded PostgreSQL and Redis when DATABASE_URL / REDIS_URL are not set,
migrates as the owner role (DATABASE_OWNER_URL), loads the demo data and prints the demo
logins (``demo_data``), then runs the web server, a Celery worker and Celery beat as child
processes connected as the runtime role of DATABASE_URL (docs/adr/0012-database-roles.md).
Ctrl-C (or SIGTERM) stops the children first and the embedded servers last.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sdd_portal import embedded

HOST = os.environ.get("PORTAL_HOST", "127.0.0.1")
PORT = os.environ.get("PORTAL_PORT", "8000")


def _manage(*args: str, eigenaar: bool = False) -> None:
    env = {**os.environ, "SDD_DATABASE_EIGENAAR": "true" if eigenaar else "false"}
    subprocess.run([sys.executable, "manage.py", *args], check=True, env=env)  # noqa: S603


def main() -> int:
    os.environ.setdefault("DJANGO_DEBUG", "true")
    os.environ.setdefault("SDD_PROEFDATA", "true")  # demo_data below
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sdd_portal.settings")
    embedded.database_url()
    embedded.redis_url()
    # Everything from here on (demo data, web, worker, beat) is the runtime role.
    os.environ["SDD_DATABASE_EIGENAAR"] = "false"
    _manage("migrate", "--no-input", eigenaar=True)
    # demo_data (app proefdata) loads the demo and prints the address and the demo accounts.
    _manage("demo_data", f"--toon-aanmeldingen=http://{HOST}:{PORT}")

    python = sys.executable
    commands = {
        "web": [python, "manage.py", "runserver", f"{HOST}:{PORT}", "--noreload"],
        "worker": [
            python,
            "-m",
            "celery",
            "-A",
            "sdd_portal",
            "worker",
            "-Q",
            "default,pdf",
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
        ],
        "beat": [python, "-m", "celery", "-A", "sdd_portal", "beat", "--loglevel", "INFO"],
    }
    children = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}  # noqa: S603

    stopping = False

    def stop(_signum=None, _frame=None):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for name, proc in children.items():
            if proc.poll() is not None:
                print(f"{name} stopped with exit code {proc.returncode}; stopping the portal.")
                exit_code = proc.returncode or 1
                stopping = True
        time.sleep(0.5)
    for proc in children.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for proc in children.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
    print("Portal stopped.")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
