#!/usr/bin/env bash
# Install headless Chromium for the UI tests and print the browser path.
#
#   bash infra/chromium/install.sh
#
# Debian's packages, not `playwright install`: browser downloads fail on our
# build machines, and Microsoft.Playwright drives a system Chromium via
# ExecutablePath. fonts-wqy-microhei (5 MB) is needed because without a CJK
# font Chinese text renders as empty boxes in screenshots.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

ensure_packages \
  /usr/bin/chromium=chromium \
  /usr/bin/chromedriver=chromium-driver \
  /usr/share/fonts/truetype/wqy/wqy-microhei.ttc=fonts-wqy-microhei
[ -x /usr/bin/chromium ] || die "chromium is not installed"
echo /usr/bin/chromium
