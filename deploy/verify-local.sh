#!/usr/bin/env bash
# Builds the three images from the unmodified Dockerfile, runs compose.yaml, and smoke-tests the
# running system: sign-up, token, chat "add buy milk", the task row in PostgreSQL, tools/list on the
# mcp, and `doctor` for the deployed system. On demand, not in CI (it needs root and ~10 minutes).
#
#   bash deploy/verify-local.sh            # everything; stand-in base images are reused when present
#   bash deploy/verify-local.sh --rebuild  # also rebuild the stand-in base images
#   KEEP=1 bash deploy/verify-local.sh     # leave the system running afterwards
#   STANDINS_ONLY=1 bash deploy/verify-local.sh  # only prepare the stand-in base images
#
# On a machine with Docker and access to mcr.microsoft.com none of the stand-ins are needed:
# `docker compose up --build` is the whole story (docs/deploy.md). This script is for a machine
# like the project's own (see ../shared/STACK.md): no Docker engine and no access to the base
# images' registry, so it
#   - installs podman, runc and podman-compose from Debian when missing and configures podman
#     (runc, ulimits; container-name DNS needs the dnsname plugin);
#   - builds stand-in base images from Debian (mmdebstrap) and the host's .NET, tagged with the names
#     the Dockerfile uses (mcr.microsoft.com/dotnet/aspnet:10.0 and .../sdk:10.0), and a stand-in
#     PostgreSQL image; nothing of this is in the Dockerfile;
#   - starts the compose services in depends_on order itself: podman-compose 1.0 ignores depends_on
#     conditions and podman runs no HEALTHCHECK without systemd, so the script waits where the
#     conditions would (db healthy, migrate completed, mcp/api/web healthy, by their own `probe`).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
REBUILD=0
[ "${1:-}" = "--rebuild" ] && REBUILD=1

WORK=${VERIFY_WORK:-/var/tmp/taskchat-verify}
PROJECT=taskchat-verify
# The mcp is private in compose.yaml; the documented override publishes it on loopback for the checks.
COMPOSE=(podman-compose -p "$PROJECT" -f compose.yaml -f deploy/compose/mcp-on-localhost.yaml)
export TASKCHAT_TAG=verify
export POSTGRES_IMAGE=localhost/taskchat-standin-postgres:15
START=$SECONDS
STEP_START=$SECONDS

log() { printf '\n==> [%4ss] %s\n' "$((SECONDS - START))" "$*"; }
step_done() { printf '    done in %ss\n' "$((SECONDS - STEP_START))"; STEP_START=$SECONDS; }
die() { printf 'verify-local: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (podman and apt-get)."

# --- podman ------------------------------------------------------------------------------------------
log "podman"
missing=()
for tool in podman runc podman-compose mmdebstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -e /usr/lib/cni/dnsname ] || missing+=(golang-github-containernetworking-plugin-dnsname)
command -v dnsmasq >/dev/null || [ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" uidmap >/dev/null
fi
mkdir -p /etc/containers
if ! grep -q 'runtime = "runc"' /etc/containers/containers.conf 2>/dev/null; then
    # crun fails on this VM's hybrid cgroups; the default nofile limit is refused.
    cat >>/etc/containers/containers.conf <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1000:1000"]

[engine]
runtime = "runc"
CONF
fi
podman --version
step_done

# --- stand-in base images ----------------------------------------------------------------------------
build_standins() {
    mkdir -p "$WORK/standin"
    local ctx="$WORK/standin"
    if [ "$REBUILD" = 1 ] || [ ! -s "$ctx/rootfs.tar" ]; then
        log "mmdebstrap: Debian bookworm root file system (ca-certificates, ICU, OpenSSL, tzdata, PostgreSQL)"
        mmdebstrap --variant=apt --include=ca-certificates,libicu72,libssl3,tzdata,postgresql-15 bookworm "$ctx/rootfs.tar" >"$ctx/mmdebstrap.log" 2>&1 \
            || { tail -n 20 "$ctx/mmdebstrap.log"; die "mmdebstrap failed."; }
        step_done
    fi
    log "stand-in images"
    podman import -q "$ctx/rootfs.tar" localhost/taskchat-standin-debian:bookworm >/dev/null
    # The host's .NET (runtime and SDK) goes into the stand-ins; hard links keep the copy cheap.
    rm -rf "$ctx/dotnet" && cp -al /usr/share/dotnet "$ctx/dotnet" 2>/dev/null || cp -a /usr/share/dotnet "$ctx/dotnet"
    cp /usr/local/share/ca-certificates/*.crt "$ctx/" 2>/dev/null || true
    cat >"$ctx/aspnet.Containerfile" <<'CF'
FROM localhost/taskchat-standin-debian:bookworm
COPY dotnet/dotnet /usr/share/dotnet/dotnet
COPY dotnet/host /usr/share/dotnet/host
COPY dotnet/shared /usr/share/dotnet/shared
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && useradd --uid 1654 --user-group --no-create-home --home-dir /app app
ENV APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true
CF
    cat >"$ctx/sdk.Containerfile" <<'CF'
FROM localhost/taskchat-standin-debian:bookworm
COPY dotnet /usr/share/dotnet
COPY *.crt /usr/local/share/ca-certificates/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && update-ca-certificates >/dev/null && useradd --uid 1654 --user-group app
ENV APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
CF
    # The official image's interface as compose.yaml uses it: POSTGRES_USER/PASSWORD/DB, data in
    # /var/lib/postgresql/data, pg_isready on the path.
    cat >"$ctx/postgres-entrypoint.sh" <<'SH'
#!/bin/sh
set -e
export PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
mkdir -p "$PGDATA" /run/postgresql && chown -R postgres:postgres "$PGDATA" /run/postgresql && chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s' "${POSTGRES_PASSWORD:?}" > /tmp/pwfile && chown postgres /tmp/pwfile
  su postgres -c "initdb -D $PGDATA -U ${POSTGRES_USER:-postgres} --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 >/dev/null"
  rm /tmp/pwfile
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
  su postgres -c "pg_ctl -D $PGDATA -o '-c listen_addresses=' -w start >/dev/null"
  [ "${POSTGRES_DB:-postgres}" = postgres ] || su postgres -c "createdb -U ${POSTGRES_USER:-postgres} ${POSTGRES_DB}"
  su postgres -c "pg_ctl -D $PGDATA -m fast -w stop >/dev/null"
fi
exec su postgres -c "postgres -D $PGDATA -c listen_addresses=*"
SH
    cat >"$ctx/postgres.Containerfile" <<'CF'
FROM localhost/taskchat-standin-debian:bookworm
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh && ln -s /usr/lib/postgresql/15/bin/pg_isready /usr/local/bin/pg_isready
EXPOSE 5432
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CF
    podman build -q -f "$ctx/aspnet.Containerfile" -t mcr.microsoft.com/dotnet/aspnet:10.0 "$ctx" >/dev/null
    podman build -q -f "$ctx/sdk.Containerfile" -t mcr.microsoft.com/dotnet/sdk:10.0 "$ctx" >/dev/null
    podman build -q -f "$ctx/postgres.Containerfile" -t "$POSTGRES_IMAGE" "$ctx" >/dev/null
    rm -rf "$ctx/dotnet"
    step_done
}
if [ "$REBUILD" = 1 ] || ! podman image exists mcr.microsoft.com/dotnet/aspnet:10.0 || ! podman image exists mcr.microsoft.com/dotnet/sdk:10.0 || ! podman image exists "$POSTGRES_IMAGE"; then
    build_standins
else
    log "stand-in base images present (--rebuild to rebuild them)"
fi
# STANDINS_ONLY=1: prepare the base images ahead of time and stop.
[ "${STANDINS_ONLY:-0}" = 1 ] && exit 0

# --- the three images, from the Dockerfile as it is -------------------------------------------------
for target in mcp api web; do
    log "podman build --target $target -t taskchat-$target:$TASKCHAT_TAG ."
    # The host's package cache only saves downloads; restore still runs inside the build.
    podman build -q --format docker --target "$target" -t "localhost/taskchat-$target:$TASKCHAT_TAG" \
        -v "$HOME/.nuget/packages:/root/.nuget/packages" . >/dev/null
    podman image inspect "localhost/taskchat-$target:$TASKCHAT_TAG" --format '    user={{.Config.User}} env={{.Config.Env}}'
    step_done
done

# --- compose.yaml, in depends_on order ---------------------------------------------------------------
REGISTRY_PID=""
cleanup() {
    [ -n "$REGISTRY_PID" ] && kill "$REGISTRY_PID" 2>/dev/null
    if [ "${KEEP:-0}" != 1 ]; then
        "${COMPOSE[@]}" down -v >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
"${COMPOSE[@]}" down -v >/dev/null 2>&1 || true
mkdir -p "$WORK" && : >"$WORK/compose.log"

container() { echo "${PROJECT}_$1_1"; }

wait_healthy() { # service, probe command...
    local service=$1; shift
    for _ in $(seq 1 90); do
        if podman exec "$(container "$service")" "$@" >/dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    podman logs --tail 30 "$(container "$service")" || true
    die "$service is not healthy after 90 s."
}

log "compose: db"
"${COMPOSE[@]}" up -d db >>"$WORK/compose.log" 2>&1
wait_healthy db pg_isready -U taskchat -d taskchat
step_done

log "compose: migrate (the one-shot service), and a second migrator at the same time"
# podman-compose 1.0 returns 0 from `run` whatever the command did: judge the second by its output.
"${COMPOSE[@]}" run --rm migrate >"$WORK/migrate-2.log" 2>&1 &
second=$!
"${COMPOSE[@]}" up -d --no-deps migrate >>"$WORK/compose.log" 2>&1
code=$(podman wait "$(container migrate)")
wait "$second" || true
podman logs "$(container migrate)" >"$WORK/migrate-1.log" 2>&1
[ "$code" = 0 ] || die "the migrate service exited with $code: $(cat "$WORK/migrate-1.log")"
grep -qE 'Database is up to date|Applied [0-9]+ migration' "$WORK/migrate-2.log" || die "the second migrator failed: $(cat "$WORK/migrate-2.log")"
for f in "$WORK"/migrate-1.log "$WORK"/migrate-2.log; do
    echo "    $(basename "$f" .log): $(tr -d '\r\033' <"$f" | grep -E 'applied|up to date|Applied|waiting' | tr '\n' ' ')"
done
step_done

for service in mcp api web; do
    log "compose: $service"
    # podman-compose 1.0 tries to create the dependencies again (they exist: logged, harmless).
    "${COMPOSE[@]}" up -d --no-deps "$service" >>"$WORK/compose.log" 2>&1
done
declare -A PORTS=([mcp]=8001 [api]=8000 [web]=3000)
for service in mcp api web; do
    dll="TaskChat.${service^}.dll"
    wait_healthy "$service" dotnet "$dll" probe "http://127.0.0.1:${PORTS[$service]}/health/ready"
    echo "    $service healthy ($(podman exec "$(container "$service")" id -u) is its uid)"
done
step_done

# --- smoke test ----------------------------------------------------------------------------------------
log "smoke test"
WEB=http://localhost:3000 API=http://localhost:8000 MCP=http://localhost:8001
jar="$WORK/cookies.txt"; rm -f "$jar"
email="verify-$(date +%s)@example.com"
curl -fsS -c "$jar" -H 'Content-Type: application/json' -H "Origin: $WEB" \
    -d "{\"email\":\"$email\",\"password\":\"verify-pass-1\",\"name\":\"Verify\"}" "$WEB/api/auth/sign-up/email" >/dev/null
echo "    sign-up $email: ok"
TOKEN=$(curl -fsS -b "$jar" "$WEB/api/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
[ -n "$TOKEN" ] || die "no token from $WEB/api/auth/token"
echo "    token: ${#TOKEN} characters"
reply=$(curl -fsS "$API/api/chat" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"message":"add buy milk"}')
echo "    chat \"add buy milk\": $reply"
echo "$reply" | grep -q '"add_task"' || die "the chat did not call add_task"
row=$(podman exec "$(container db)" psql -U taskchat -d taskchat -tAc "SELECT id, title, completed FROM tasks ORDER BY id DESC LIMIT 1")
echo "    tasks row in PostgreSQL: $row"
echo "$row" | grep -qi 'buy milk' || die "no 'Buy milk' row in PostgreSQL"
tools=$(curl -fsS "$MCP/mcp" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-11-25' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' | grep -oE '"name":"[a-z_]+_task[s]?"' | sort -u | tr '\n' ' ')
echo "    tools/list on mcp: $tools"
[ "$(echo "$tools" | wc -w)" -eq 5 ] || die "tools/list did not list the five tools"
step_done

log "doctor (the deployed system, from the host)"
dotnet build -v q -nologo src/TaskChat.Launcher >/dev/null
podman exec "$(container api)" printenv | grep -E '^(ENVIRONMENT|AUTH_[A-Z_]+|MCP_SERVER_URL|CORS_ORIGINS)=' >"$WORK/api.env"
podman exec "$(container web)" printenv | grep -E '^(API_URL)=' >>"$WORK/api.env"
dotnet src/TaskChat.Launcher/bin/Debug/net10.0/TaskChat.Launcher.dll doctor \
    --web "$WEB" --api "$API" --mcp "$MCP" --env "$WORK/api.env" --email "$email" --password verify-pass-1
step_done

# --- PublishContainer: the SDK's image of a service agrees with the Dockerfile's -------------------------
log "dotnet publish src/TaskChat.Mcp -t:PublishContainer (base: the stand-in, through a registry on 127.0.0.1:5000)"
command -v docker-registry >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
mkdir -p "$WORK/registry"
printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:5000\n' "$WORK/registry" >"$WORK/registry.yml"
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
sleep 2
podman tag mcr.microsoft.com/dotnet/aspnet:10.0 localhost:5000/dotnet/aspnet:10.0
podman push -q --tls-verify=false localhost:5000/dotnet/aspnet:10.0
dotnet publish src/TaskChat.Mcp -c Release -v q -nologo -t:PublishContainer -p:ContainerBaseImage=localhost:5000/dotnet/aspnet:10.0 \
    -p:ContainerRegistry=localhost:5000 -p:ContainerImageTag="$TASKCHAT_TAG" >"$WORK/publish-container.log" 2>&1 \
    || { tail -n 20 "$WORK/publish-container.log"; die "PublishContainer failed."; }
podman pull -q --tls-verify=false "localhost:5000/taskchat-mcp:$TASKCHAT_TAG" >/dev/null
sdk=$(podman image inspect "localhost:5000/taskchat-mcp:$TASKCHAT_TAG" --format '{{.Config.User}} {{.Config.Entrypoint}} {{.Config.ExposedPorts}}')
dockerfile=$(podman image inspect "localhost/taskchat-mcp:$TASKCHAT_TAG" --format '{{.Config.User}} {{.Config.Entrypoint}} {{.Config.ExposedPorts}}')
echo "    PublishContainer: $sdk"
echo "    Dockerfile:       $dockerfile"
[ "$sdk" = "$dockerfile" ] || die "the SDK's image and the Dockerfile's differ in user, entry point or port."
podman run --rm -e DATABASE_URL=sqlite:/tmp/check.db "localhost:5000/taskchat-mcp:$TASKCHAT_TAG" migrate 2>/dev/null | tail -n 1 | sed 's/^/    migrate: /'
step_done

log "verified in $((SECONDS - START))s"
