#!/usr/bin/env bash
# Vendors axe-core, the accessibility engine the browser tests run in each page, into
# this folder: axe.min.js with its licences (MPL-2.0; the third-party notices it carries).
# Needs Node.js and npm; the files are committed, so running the tests never needs them.
# npm checks the package against the registry's integrity hash as it downloads it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${AXE_CORE_VERSION:-4.14.1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "axe-core@$version" >/dev/null
tar xzf "axe-core-$version.tgz"
cp package/axe.min.js package/LICENSE package/LICENSE-3RD-PARTY.txt "$here/"
echo "axe-core $version vendored in $here"
