#!/usr/bin/env bash
# Offline validation of the deploy files, run by .ci/run before the tests (and by hand):
#   - compose.yaml and compose.production.yaml against the Compose specification's schema (dclint,
#     style rules off: deploy/.dclintrc);
#   - each Kubernetes overlay rendered by `kubectl kustomize`, every object checked against the
#     Kubernetes schemas (kubernetes-models); the rendered files are left in artifacts/deploy/ for
#     TaskChat.DeployTests, which adds the unknown-field check and the invariants.
# render.yaml has no public schema reachable here: TaskChat.DeployTests checks its structure.
# Exits non-zero with a message naming the file on the first invalid one.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=artifacts/deploy
mkdir -p "$OUT"

fail() { printf 'deploy validation: %s\n' "$*" >&2; exit 1; }

if ! command -v npm >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing npm (apt-get install npm)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null; }
fi
command -v npm >/dev/null || fail "npm is needed (apt-get install npm)."
if [ ! -d deploy/node_modules/dclint ] || [ deploy/package-lock.json -nt deploy/node_modules/.package-lock.json ]; then
    (cd deploy && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci in deploy/ failed."
fi

echo "compose: dclint compose.yaml compose.production.yaml deploy/compose/*.yaml"
deploy/node_modules/.bin/dclint -c deploy/.dclintrc compose.yaml compose.production.yaml deploy/compose/*.yaml \
    || fail "compose.yaml or compose.production.yaml does not follow the Compose specification (see above)."

KUBECTL=$(command -v kubectl || true)
[ -n "$KUBECTL" ] || fail "kubectl is needed for \`kubectl kustomize\` (it is at /usr/bin/kubectl on the project's machines)."
for overlay in deploy/kubernetes/overlays/*/; do
    name=$(basename "$overlay")
    echo "kubernetes: kubectl kustomize $overlay"
    "$KUBECTL" kustomize "$overlay" >"$OUT/kubernetes-$name.yaml" || fail "kustomize could not render $overlay."
    node deploy/validate-kubernetes.mjs <"$OUT/kubernetes-$name.yaml" | sed 's/^/  /' \
        || fail "an object of $overlay does not match the Kubernetes schema (see above)."
done
echo "deploy files valid"
