#!/usr/bin/env bash
# Installs what building and testing akslint needs on Debian 12, skipping what is present:
# compilers and libraries from Debian, and the pinned npm packages (tree-sitter sources,
# the SARIF validator, HashiCorp's HCL parser) from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build clang libclang-rt-14-dev
          nlohmann-json3-dev libboost-graph-dev libfmt-dev catch2 libcli11-dev libjemalloc-dev)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm runs no install scripts (--ignore-scripts): CMake compiles the grammar sources itself.
stamp=node_modules/.akslint-lock
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  echo "setup: npm ci --ignore-scripts"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
# The validator's own install script would set this bit; we skipped it above.
chmod u+x node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
