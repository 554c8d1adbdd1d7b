//! The WHERE clause of the connections query: each filter in use becomes one condition with
//! a bound parameter, and the clause says which joins and which cache key a count needs.

use super::super::connections::ConnectionQuery;
use crate::error::AppError;

/// The normalised states a resource can have (store::model::State), for validating filters.
pub const STATES: [&str; 5] = ["up", "partial", "down", "pending", "unknown"];

/// The WHERE clause of `query` with `$1..$n` placeholders, and the values to bind in order.
/// Blank filters are left out.
pub(crate) struct Filter {
    pub sql: String,
    pub values: Vec<String>,
    /// Whether the conditions name the account (`a.`) or the customer gateway (`cg.`): a
    /// count needs those joins only then (each connection has one account and at most one
    /// customer gateway, so they never change how many rows match).
    pub uses_account: bool,
    pub uses_customer_gateway: bool,
    /// Whether which rows match depends only on which connections exist (cloud, account and
    /// region filters), not on their states, names or customer gateways.
    pub by_membership: bool,
    /// Whether the free-text search is in use: no index can stop its scan early, so every
    /// connection is read whatever the page, and the total comes with the page's rows.
    pub uses_text: bool,
}

impl Filter {
    /// The smallest FROM clause the conditions need (a connection `c`, its account `a`, its
    /// customer gateway `cg`), with the account also when `account` asks for it.
    pub fn from(&self, account: bool) -> String {
        match (self.uses_account || account, self.uses_customer_gateway) {
            (_, true) => format!("{} {}", super::ACCOUNT_FROM, super::CUSTOMER_GATEWAY_JOIN),
            (true, false) => super::ACCOUNT_FROM.to_string(),
            (false, false) => "FROM resource_current c".to_string(),
        }
    }
}

/// Which joined tables a condition names: the account (`a.`), the customer gateway (`cg.`).
#[derive(Clone, Copy)]
struct Joins {
    account: bool,
    customer_gateway: bool,
}

impl Joins {
    const NONE: Joins = Joins {
        account: false,
        customer_gateway: false,
    };
    const ACCOUNT: Joins = Joins {
        account: true,
        customer_gateway: false,
    };
    const CUSTOMER_GATEWAY: Joins = Joins {
        account: false,
        customer_gateway: true,
    };
    const BOTH: Joins = Joins {
        account: true,
        customer_gateway: true,
    };
}

/// One filter of the page: the SQL around its placeholder, the tables it names, and whether
/// it depends only on which connections exist (see [`Filter::by_membership`]).
struct Condition<'a> {
    value: &'a Option<String>,
    before: &'static str,
    after: &'static str,
    joins: Joins,
    membership: bool,
}

pub(super) fn filter(query: &ConnectionQuery) -> Result<Filter, AppError> {
    if let Some(s) = query.state.as_deref().filter(|s| !s.is_empty()) {
        if !STATES.contains(&s) {
            return Err(AppError::InvalidInput(format!(
                "state must be one of {}, not {s:?}",
                STATES.join(", ")
            )));
        }
    }
    let mut sql = String::from("WHERE c.kind = 'connection'");
    let mut values = Vec::new();
    let text = query.q.as_ref().filter(|q| !q.trim().is_empty()).map(|q| {
        q.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    });
    let eq = |value, before, joins: Joins, membership| Condition {
        value,
        before,
        after: "",
        joins,
        membership,
    };
    let conditions = [
        eq(&query.cloud, "a.cloud = ", Joins::ACCOUNT, true),
        eq(&query.account, "a.name = ", Joins::ACCOUNT, true),
        eq(&query.region, "c.region = ", Joins::NONE, true),
        eq(&query.state, "c.state = ", Joins::NONE, false),
        eq(&query.site, "cg.name = ", Joins::CUSTOMER_GATEWAY, false),
        Condition {
            value: &text,
            before:
                "concat_ws(' ', c.name, c.cloud_id, cg.name, cg.attrs ->> 'ip_address', a.name) \
                     ILIKE '%' || ",
            after: " || '%'",
            joins: Joins::BOTH,
            membership: false,
        },
    ];
    let (mut uses_account, mut uses_customer_gateway, mut by_membership) = (false, false, true);
    for c in conditions {
        if let Some(v) = c.value.as_ref().filter(|v| !v.trim().is_empty()) {
            values.push(v.clone());
            sql.push_str(&format!(" AND {}${}{}", c.before, values.len(), c.after));
            uses_account |= c.joins.account;
            uses_customer_gateway |= c.joins.customer_gateway;
            by_membership &= c.membership;
        }
    }
    Ok(Filter {
        sql,
        values,
        uses_account,
        uses_customer_gateway,
        by_membership,
        uses_text: text.is_some(),
    })
}
