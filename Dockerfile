# Production image for web (gunicorn), Celery worker and Celery beat.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
COPY scripts/build_assets.sh scripts/
RUN mkdir -p static && bash scripts/build_assets.sh

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DOCUMENTS_ROOT=/data/documents
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 portal \
 && mkdir -p /data/documents && chown portal /data/documents
WORKDIR /app
# Runtime dependencies exactly as locked (hashes checked), in a layer of their own.
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-cache-dir --require-hashes -r requirements/base.txt
COPY . .
RUN pip install --no-cache-dir --no-deps .
COPY --from=assets /build/static/vendor static/vendor
RUN DJANGO_DEBUG=true DATABASE_URL=postgres://unused/unused REDIS_URL=redis://unused:6379/0 \
    python manage.py collectstatic --no-input
USER portal
EXPOSE 8000
CMD ["gunicorn", "sdd_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--forwarded-allow-ips", "*"]
