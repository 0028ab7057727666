#!/usr/bin/env bash
# Refreshes the pictures of the user guides (docs/guide/img) from the demo district: run after changing a
# page the guides show, then look at the pictures before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f docs/guide/img/*.png
mvn -B -q -pl engine,platform -Dtest=UserGuideScreenshotsBrowserIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpoints.guide.images="$PWD/docs/guide/img" verify
ls -l docs/guide/img
