//! [`RouteIndex`]: the inventory plus its lookups and one LPM index per table, built once and
//! shared by [`RouteIndex::analyse`] and [`RouteIndex::trace`] (building is the expensive part;
//! the free functions [`crate::analyse`] / [`crate::trace`] build a fresh one per call).

use std::collections::HashMap;
use std::net::IpAddr;

use crate::finding::Finding;
use crate::lpm::LpmIndex;
use crate::model::catalog::Catalog;
use crate::model::inventory::Inventory;
use crate::trace::{Trace, TraceQuery};

/// Prepared inventory: id lookups and per-table LPM indices.
#[derive(Debug)]
pub struct RouteIndex<'a> {
    /// Id lookups.
    pub catalog: Catalog<'a>,
    /// LPM index per table id; items are indices into `inventory.routes`.
    pub tables: HashMap<&'a str, LpmIndex>,
}

impl<'a> RouteIndex<'a> {
    /// Builds lookups and LPM indices.
    pub fn new(inv: &'a Inventory) -> Self {
        let catalog = Catalog::new(inv);
        let tables = catalog
            .routes_by_table
            .iter()
            .map(|(table, idxs)| {
                let index = LpmIndex::build(idxs.iter().map(|&i| (inv.routes[i].destination, i)));
                (*table, index)
            })
            .collect();
        Self { catalog, tables }
    }

    /// The LPM index of a table (an empty table has none).
    pub fn table(&self, id: &str) -> Option<&LpmIndex> {
        self.tables.get(id)
    }

    /// Runs every rule; see [`crate::analyse`].
    pub fn analyse(&self) -> Vec<Finding> {
        crate::rules::run_all(self)
    }

    /// Traces one destination; see [`crate::trace`].
    pub fn trace(&self, ip: IpAddr, from: Option<&str>) -> Trace {
        self.trace_query(&TraceQuery {
            destination: ip,
            source: None,
            from_vpc: from.map(str::to_owned),
        })
    }

    /// Traces with a full query (source address for pbr).
    pub fn trace_query(&self, query: &TraceQuery) -> Trace {
        crate::trace::walk::run(self, query)
    }
}
