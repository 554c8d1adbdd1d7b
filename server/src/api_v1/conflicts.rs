//! The route conflict report (the Routes page's analysis, `routes_sql::conflicts`). A scoped
//! token sees a finding only when every object it names is a resource inside its scope, so a
//! finding never reveals an object the token may not see.

use super::caller::Caller;
use super::error::{ApiError, ErrorBody};
use super::resource_sql;
use app::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Finding {
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The rule (`on_prem_conflict`, `shadowed_route`, …).
    pub kind: String,
    pub message: String,
    /// Cloud ids (or route keys) of the objects involved.
    pub objects: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConflictReport {
    /// Worst first.
    pub findings: Vec<Finding>,
}

/// Route conflicts and other routing findings, worst first (not paginated: the report is
/// computed whole).
#[utoipa::path(get, path = "/api/v1/conflicts", security(("bearer" = [])),
    responses((status = 200, body = ConflictReport), (status = 401, body = ErrorBody)))]
pub async fn report(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<ConflictReport>, ApiError> {
    let report = app::api::routes_sql::conflicts(&state.pool)
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "api v1: conflict report failed");
            ApiError::Unavailable
        })?;
    let unrestricted = caller.scope == auth::Scope::default();
    let visible = if unrestricted {
        Default::default()
    } else {
        let ids: Vec<String> = report
            .findings
            .iter()
            .flat_map(|f| f.objects.iter().cloned())
            .collect();
        resource_sql::visible_ids(&state.pool, &caller.scope, &ids).await?
    };
    let findings = report
        .findings
        .into_iter()
        .filter(|f| {
            unrestricted || (!f.objects.is_empty() && f.objects.iter().all(|o| visible.contains(o)))
        })
        .map(|f| Finding {
            severity: f.severity,
            kind: f.kind,
            message: f.message,
            objects: f.objects,
        })
        .collect();
    Ok(Json(ConflictReport { findings }))
}
