"""A sequential crawl of the emulator's Alibaba estate with the OFFICIAL Python SDK
(aliyun-python-sdk-core), one call after another, the way a network engineer's script would:
for every account and region, list what the sync engine lists (VPN gateways, customer
gateways, SSL-VPN servers, connections, BGP groups / peers / networks, VPCs, vSwitches, route
tables, VBRs, router interfaces, physical connections, and per VPN gateway its destination and
policy routes), paginating with PageSize 50. Run by `sync_bench`; prints {"calls": n, "items": n}.

Environment: EMU_HOST (host:port), EMU_ACCOUNTS (JSON list of {"ak", "sk", "regions"}).
"""
import json
import os

from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import CommonRequest

HOST = os.environ["EMU_HOST"]
calls = 0
items = 0


def paged(client, region, action, container, item, **params):
    """Every item of a paged Describe* list."""
    global calls
    out, page = [], 1
    while True:
        req = CommonRequest()
        req.set_domain(HOST)
        req.set_protocol_type("http")
        req.set_accept_format("json")
        req.set_version("2016-04-28")
        req.set_action_name(action)
        req.add_query_param("RegionId", region)
        req.add_query_param("PageSize", "50")
        req.add_query_param("PageNumber", str(page))
        for k, v in params.items():
            req.add_query_param(k, v)
        body = json.loads(client.do_action_with_exception(req))
        calls += 1
        got = body.get(container) or {}
        got = got.get(item, []) if isinstance(got, dict) else got
        if isinstance(got, dict):
            got = [got]
        out.extend(got)
        total = int(body.get("TotalCount", len(out)) or 0)
        if not got or len(out) >= total:
            return out
        page += 1


for account in json.loads(os.environ["EMU_ACCOUNTS"]):
    for region in account["regions"]:
        c = AcsClient(account["ak"], account["sk"], region)
        gateways = paged(c, region, "DescribeVpnGateways", "VpnGateways", "VpnGateway")
        lists = [
            paged(c, region, "DescribeCustomerGateways", "CustomerGateways", "CustomerGateway"),
            paged(c, region, "DescribeSslVpnServers", "SslVpnServers", "SslVpnServer"),
            paged(c, region, "DescribeVpnConnections", "VpnConnections", "VpnConnection"),
            paged(c, region, "DescribeBgpGroups", "BgpGroups", "BgpGroup"),
            paged(c, region, "DescribeBgpPeers", "BgpPeers", "BgpPeer"),
            paged(c, region, "DescribeBgpNetworks", "BgpNetworks", "BgpNetwork"),
            paged(c, region, "DescribeVpcs", "Vpcs", "Vpc"),
            paged(c, region, "DescribeVSwitches", "VSwitches", "VSwitch"),
            paged(c, region, "DescribeRouteTables", "RouteTables", "RouteTable"),
            paged(c, region, "DescribeVirtualBorderRouters", "VirtualBorderRouterSet", "VirtualBorderRouterType"),
            paged(c, region, "DescribeRouterInterfaces", "RouterInterfaceSet", "RouterInterfaceType"),
            paged(c, region, "DescribePhysicalConnections", "PhysicalConnectionSet", "PhysicalConnectionType"),
        ]
        for gw in gateways:
            gid = gw["VpnGatewayId"]
            lists.append(paged(c, region, "DescribeVpnRouteEntries", "VpnRouteEntries", "VpnRouteEntry", VpnGatewayId=gid))
            lists.append(paged(c, region, "DescribeVpnPbrRouteEntries", "VpnPbrRouteEntries", "VpnPbrRouteEntry", VpnGatewayId=gid))
        items += len(gateways) + sum(len(x) for x in lists)

print(json.dumps({"calls": calls, "items": items}))
