# The Tether relay image: `python -m server` only. Supervisors never run here:
# they run on developers' own machines and dial out to this relay.
#
#   docker build -t tether-relay .
#   docker run -p 8765:8765 -v tether-data:/data tether-relay   (or deploy/compose.yaml, with TLS)
#
# The install step is deploy/install-relay.sh, the same script
# tests/test_packaging.py runs into a fresh venv: that test is how this
# image's install is proven where no Docker engine runs.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/opt/tether/bin:$PATH

WORKDIR /src
COPY requirements.txt pyproject.toml README.md ./
COPY deploy/install-relay.sh deploy/install-relay.sh
COPY shared/ shared/
COPY server/ server/
COPY supervisor/ supervisor/
RUN PYTHON=python3 bash deploy/install-relay.sh /opt/tether \
    && rm -rf /src \
    && groupadd --system --gid 10001 tether \
    && useradd --system --uid 10001 --gid tether --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin tether \
    && mkdir -p /data \
    && chown tether:tether /data \
    && chmod 700 /data

# Numeric, so orchestrators that enforce "run as non-root" can verify it.
USER 10001:10001
WORKDIR /data
# The relay's database, audit log and key live here, owner-only (0700; the relay checks).
VOLUME ["/data"]
EXPOSE 8765

# /healthz is open (no token); it only says the relay is up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8765/healthz', timeout=4)"]

ENTRYPOINT ["python", "-m", "server"]
# Add --public-url https://your.host when the relay sits behind TLS (compose does).
CMD ["--host", "0.0.0.0", "--port", "8765", "--data-dir", "/data"]
