//! Route writes of the operator actions: publish / withdraw a VPN route and change its
//! weight, then a re-crawl of the (account, region) so the store catches up.

use super::*;

/// Runs one route write: find the connection and route, call the cloud, audit, refresh.
async fn write<F, Fut>(
    ctx: &Ctx,
    action: &str,
    connection_id: &str,
    key: &str,
    describe: impl Fn(&RouteRef) -> String,
    call: F,
) -> Result<String, AppError>
where
    F: FnOnce(Arc<sync::Engine>, Target, RouteRef, Option<u32>) -> Fut,
    Fut: std::future::Future<Output = Result<actions::Answer<()>, ActionError>>,
{
    let target_name = format!("{connection_id} {key}");
    let (found, engine) = prepare(ctx, action, &target_name, connection_id).await?;
    let engine = engine.clone();
    let route = find_route(&ctx.pool, &found.target, connection_id, key).await;
    let (route, weight) = match route {
        Ok(r) => r,
        Err(e) => return Err(refused(ctx, action, &target_name, Some(&found), e).await),
    };
    let what = describe(&route);
    match call(engine.clone(), found.target.clone(), route, weight).await {
        Ok(a) => {
            let detail = json!({ "request_id": a.request_id, "route": what });
            audit(ctx, action, &target_name, Some(&found), Ok(detail)).await;
            // The write is done; a failed refresh only delays what the pages show.
            if let Err(e) = engine
                .refresh_region(found.target.account, &found.target.region)
                .await
            {
                tracing::warn!(error = %e, "could not schedule a refresh after an operator write");
            }
            Ok(format!(
                "{what}: done (request {})",
                a.request_id.as_deref().unwrap_or("without id")
            ))
        }
        Err(e) => {
            let what = format!("route {what}");
            Err(failed(ctx, action, &target_name, &found, &e, &what).await)
        }
    }
}

fn name(r: &RouteRef) -> String {
    match &r.source_cidr {
        Some(src) => format!("{src} → {} via {}", r.destination, r.next_hop),
        None => format!("{} via {}", r.destination, r.next_hop),
    }
}

/// Publishes the route `key` of `connection_id` into the VPC (or withdraws it).
pub async fn publish(
    ctx: &Ctx,
    connection_id: &str,
    key: &str,
    publish: bool,
) -> Result<String, AppError> {
    let verb = if publish { "publish" } else { "withdraw" };
    write(
        ctx,
        publish_action(publish),
        connection_id,
        key,
        |r| format!("{verb} {}", name(r)),
        |engine, target, route, _| async move {
            actions::publish_route(&engine, &target, &route, publish).await
        },
    )
    .await
}

/// Sets the weight of the route `key` of `connection_id` to `new_weight` (0 or 100).
pub async fn set_weight(
    ctx: &Ctx,
    connection_id: &str,
    key: &str,
    new_weight: u32,
) -> Result<String, AppError> {
    const ACTION: &str = "vpn_route_weight_changed";
    if new_weight != 0 && new_weight != 100 {
        let e = AppError::InvalidInput(format!("weight: 0 or 100, not {new_weight}"));
        return Err(refused(ctx, ACTION, &format!("{connection_id} {key}"), None, e).await);
    }
    write(
        ctx,
        ACTION,
        connection_id,
        key,
        |r| format!("weight {new_weight} for {}", name(r)),
        |engine, target, route, weight| async move {
            let Some(weight) = weight else {
                return Err(ActionError::Cloud {
                    code: "NoWeight".into(),
                    message:
                        "the store has no current weight for this route; wait for the next sync"
                            .into(),
                    request_id: None,
                    not_found: false,
                });
            };
            actions::modify_route_weight(&engine, &target, &route, weight, new_weight).await
        },
    )
    .await
}
