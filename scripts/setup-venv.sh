#!/usr/bin/env bash
# The Python venv with the reference models (PySAM's PVWatts v8, pvlib), cached in .venv/.
# Idempotent: installs only when the pinned versions are not already there.
set -euo pipefail
cd "$(dirname "$0")/.."
want="nrel-pysam==7.1.1.post1 pvlib==0.16.1 numpy-financial==1.0.0"
stamp=.venv/.installed
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then  # Debian splits venv into python3-venv
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3-venv
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check $want
echo "$want" > "$stamp"
