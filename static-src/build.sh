#!/usr/bin/env bash
# Rebuilds the vendored GOV.UK Frontend CSS/JS in kentplan/static/govuk/.
# Needs Node.js and npm; the output is committed, so running the app never needs them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${GOVUK_FRONTEND_VERSION:-6.6.0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent "govuk-frontend@$version" "sass@1" >/dev/null
out="$here/../kentplan/static/govuk"
mkdir -p "$out/assets/images"
cp "$here/kentplan.scss" "$here/_urls.scss" .
npx sass --pkg-importer=node --style=compressed --no-source-map --quiet-deps kentplan.scss "$out/govuk-frontend.min.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/"
cp node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico node_modules/govuk-frontend/dist/govuk/assets/images/favicon.svg "$out/assets/images/"
# The npm package declares "license": "MIT" but ships no licence file; this is the
# project's own LICENSE.txt from its source repository.
cat > "$out/LICENSE.txt" <<'LICENCE'
The MIT License (MIT)

Copyright (c) 2018 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
LICENCE
echo "govuk-frontend $version" > "$out/VERSION"
