"""List the emulator's estate with the official SDKs; print counts as JSON (see run.sh)."""
import json
import os

from aliyunsdkcore.client import AcsClient
from aliyunsdkvpc.request.v20160428.DescribeVpcsRequest import DescribeVpcsRequest
from aliyunsdkvpc.request.v20160428.DescribeVpnConnectionsRequest import DescribeVpnConnectionsRequest
from aliyunsdkvpc.request.v20160428.DescribeVpnGatewaysRequest import DescribeVpnGatewaysRequest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkvpn.v5 import ListCgwsRequest, ListVgwsRequest, ListVpnConnectionsRequest, VpnClient

env = os.environ
out = {}

ali = AcsClient(env["EMU_ALIYUN_AK"], env["EMU_ALIYUN_SK"], env["EMU_ALIYUN_REGION"])
for name, cls, key, item in [
    ("aliyun_vpn_gateways", DescribeVpnGatewaysRequest, "VpnGateways", "VpnGateway"),
    ("aliyun_vpn_connections", DescribeVpnConnectionsRequest, "VpnConnections", "VpnConnection"),
    ("aliyun_vpcs", DescribeVpcsRequest, "Vpcs", "Vpc"),
]:
    req = cls()
    req.set_endpoint(env["EMU_ALIYUN_HOST"])
    req.set_protocol_type("http")
    req.set_accept_format("json")
    req.set_PageSize(50)
    body = json.loads(ali.do_action_with_exception(req))
    out[name] = len(body[key][item])

cfg = HttpConfig.get_default_config()
creds = BasicCredentials(env["EMU_HUAWEI_AK"], env["EMU_HUAWEI_SK"], env["EMU_HUAWEI_PROJECT"])
hw = (
    VpnClient.new_builder()
    .with_http_config(cfg)
    .with_credentials(creds)
    .with_endpoints([env["EMU_HUAWEI_ENDPOINT"]])
    .build()
)
out["huawei_vpn_gateways"] = len(hw.list_vgws(ListVgwsRequest()).vpn_gateways)
out["huawei_customer_gateways"] = len(hw.list_cgws(ListCgwsRequest(limit=200)).customer_gateways)
conns = hw.list_vpn_connections(ListVpnConnectionsRequest(limit=200))
out["huawei_vpn_connections"] = len(conns.vpn_connections)
print(json.dumps(out))
