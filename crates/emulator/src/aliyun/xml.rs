//! JSON → XML for `Format=XML` (alibaba.md §1.10, §5.3): the mapping is mechanical — an
//! object becomes child elements, an array under key `K` becomes repeated `<K>` elements
//! (so `{"VpnGateways":{"VpnGateway":[a,b]}}` ↔ `<VpnGateways><VpnGateway>a</VpnGateway>…`).

use serde_json::Value;

/// The document `<?xml …?><root>…</root>`.
pub fn to_xml(root: &str, body: &Value) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    element(&mut out, root, body);
    out
}

fn element(out: &mut String, name: &str, v: &Value) {
    match v {
        Value::Array(items) => {
            for item in items {
                element(out, name, item);
            }
        }
        Value::Object(map) => {
            out.push_str(&format!("<{name}>"));
            for (k, child) in map {
                element(out, k, child);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::Null => out.push_str(&format!("<{name}/>")),
        Value::String(s) => out.push_str(&format!("<{name}>{}</{name}>", escape(s))),
        other => out.push_str(&format!("<{name}>{other}</{name}>")),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_repeat_their_item_element_and_text_is_escaped() {
        let v = serde_json::json!({"RequestId": "R", "VpnGateways": {"VpnGateway": [{"Name": "a&b"}, {"Name": "c"}]}, "TotalCount": 2});
        let x = to_xml("DescribeVpnGatewaysResponse", &v);
        assert!(x.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeVpnGatewaysResponse>"
        ));
        assert!(x.contains("<VpnGateways><VpnGateway><Name>a&amp;b</Name></VpnGateway><VpnGateway><Name>c</Name></VpnGateway></VpnGateways>"));
        assert!(x.contains("<TotalCount>2</TotalCount>"));
    }
}
