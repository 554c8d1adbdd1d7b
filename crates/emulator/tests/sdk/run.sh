#!/usr/bin/env bash
# Lists the emulator's demo estate with the OFFICIAL Alibaba and Huawei Python SDKs.
#
#   tests/sdk/run.sh --setup   # once: create tests/sdk/.venv and pip-install the SDKs (git-ignored)
#   tests/sdk/run.sh           # run; needs the EMU_* variables (the Rust test `official_sdks` sets them)
#
# Variables: EMU_ALIYUN_HOST (host:port serving Alibaba RPC at /), EMU_ALIYUN_AK, EMU_ALIYUN_SK,
# EMU_ALIYUN_REGION, EMU_HUAWEI_ENDPOINT (http://host:port), EMU_HUAWEI_AK, EMU_HUAWEI_SK,
# EMU_HUAWEI_PROJECT. Prints one JSON line of counts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ "${1:-}" == "--setup" ]]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install -q aliyun-python-sdk-core aliyun-python-sdk-vpc huaweicloudsdkcore huaweicloudsdkvpn
  exit 0
fi
exec "$here/.venv/bin/python" "$here/list_estate.py"
