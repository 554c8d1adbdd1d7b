//! Overlap detection in O(n log n + pairs) using the fact that two CIDRs either nest or are
//! disjoint: after sorting by (network address, prefix length), every prefix that contains
//! the current one is on a stack of open prefixes, so no all-pairs comparison is needed.

use ipnet::IpNet;

/// Sorts `items` by their prefix (truncated) and returns the permutation, for use with
/// [`for_each_nested_pair`] / [`parents`].
pub fn sorted_order<T>(items: &[T], net_of: impl Fn(&T) -> IpNet) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| net_of(&items[i]).trunc());
    order
}

/// Calls `f(outer, inner)` for every pair of positions in `nets` (which must be sorted) where
/// `nets[outer]` contains `nets[inner]` and `outer < inner`. Equal prefixes form a pair.
pub fn for_each_nested_pair(nets: &[IpNet], mut f: impl FnMut(usize, usize)) {
    let mut stack: Vec<usize> = Vec::new();
    for (i, net) in nets.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if nets[top].contains(net) {
                break;
            }
            stack.pop();
        }
        for &outer in &stack {
            f(outer, i);
        }
        stack.push(i);
    }
}

/// For sorted `nets`, the closest earlier position whose prefix contains each one.
pub fn parents(nets: &[IpNet]) -> Vec<Option<usize>> {
    let mut out = vec![None; nets.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, net) in nets.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if nets[top].contains(net) {
                break;
            }
            stack.pop();
        }
        out[i] = stack.last().copied();
        stack.push(i);
    }
    out
}

/// Number of addresses in a prefix as a fraction-free count relative to its family size:
/// `2^(max_len - len)`, saturating at `u128::MAX` for `::/0`.
pub fn size(net: &IpNet) -> u128 {
    let host_bits = u32::from(net.max_prefix_len() - net.prefix_len());
    1u128.checked_shl(host_bits).unwrap_or(u128::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        let mut v: Vec<IpNet> = list.iter().map(|s| s.parse().unwrap()).collect();
        v.sort();
        v
    }

    #[test]
    fn finds_every_nested_pair_and_no_disjoint_one() {
        let n = nets(&[
            "10.0.0.0/8",
            "10.1.0.0/16",
            "10.1.2.0/24",
            "10.2.0.0/16",
            "11.0.0.0/8",
        ]);
        let mut pairs = Vec::new();
        for_each_nested_pair(&n, |a, b| pairs.push((n[a].to_string(), n[b].to_string())));
        pairs.sort();
        let expect = [
            ("10.0.0.0/8", "10.1.0.0/16"),
            ("10.0.0.0/8", "10.1.2.0/24"),
            ("10.0.0.0/8", "10.2.0.0/16"),
            ("10.1.0.0/16", "10.1.2.0/24"),
        ];
        let expect: Vec<_> = expect
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(pairs, expect);
    }

    #[test]
    fn equal_prefixes_pair_and_families_are_separate() {
        let n = nets(&["10.0.0.0/8", "10.0.0.0/8", "::/0"]);
        let mut count = 0;
        for_each_nested_pair(&n, |_, _| count += 1);
        assert_eq!(count, 1);
    }

    #[test]
    fn parents_are_closest_container() {
        let n = nets(&["10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.2.0.0/16"]);
        assert_eq!(parents(&n), vec![None, Some(0), Some(1), Some(0)]);
    }

    #[test]
    fn sizes() {
        assert_eq!(size(&"10.0.0.0/24".parse().unwrap()), 256);
        assert_eq!(size(&"0.0.0.0/0".parse().unwrap()), 1 << 32);
        assert_eq!(size(&"::/0".parse().unwrap()), u128::MAX);
    }
}
