#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 with a Node extension host) into an ignored cache
# folder, following ../shared/recipes/vscode-host.md as facts copied into this script: code-server's
# own postinstall cannot run here (root, node-gyp via npx, a ripgrep download from GitHub), so the
# steps are done one by one. Idempotent: a finished install is detected by a stamp file.
#
# Usage: scripts/install-host.sh            (installs Debian packages too when running as root)
# Env:   CODE_SERVER_CACHE  cache folder (default: <repo>/.vscode-test/code-server-4.100.3)
set -euo pipefail

VERSION=4.100.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CODE_SERVER_CACHE:-$ROOT/.vscode-test/code-server-$VERSION}
STAMP=$CACHE/.installed
CS=$CACHE/node_modules/code-server
DEBS=(libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config ripgrep chromium zsh)

if [ -f "$STAMP" ] && [ -f "$CS/out/node/entry.js" ]; then
  echo "code-server $VERSION already installed in $CACHE"
  exit 0
fi

missing=()
for p in "${DEBS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

export npm_config_yes=true npm_config_audit=false npm_config_fund=false
mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || echo '{"name":"code-server-cache","private":true}' > package.json
echo "[1/7] npm install code-server@$VERSION (scripts off)"
npm install --ignore-scripts --no-save "code-server@$VERSION" >/dev/null
echo "[2/7] rebuild argon2"
npm rebuild argon2 >/dev/null
cd "$CS/lib/vscode"
echo "[3/7] install VS Code's own dependencies"
npm install --omit=dev --ignore-scripts >/dev/null
echo "[4/7] rebuild native modules"
npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty >/dev/null
echo "[5/7] ripgrep from Debian"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
echo "[6/7] links"
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
echo "[7/7] built-in extensions' dependencies"
(cd extensions && npm install --omit=dev >/dev/null)
node "$CS/out/node/entry.js" --version
touch "$STAMP"
echo "code-server $VERSION installed in $CACHE"
