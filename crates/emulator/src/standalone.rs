//! `gatewatch emulator`: bind, print endpoints and demo credentials, serve until ctrl-c.

use std::net::SocketAddr;

use crate::config::EmulatorConfig;
use crate::server::spawn;

/// Binds `addr`, prints the endpoints and credentials to stdout, serves until ctrl-c.
pub async fn run_standalone(config: EmulatorConfig, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let handle = spawn(config, listener).await;
    println!("gatewatch cloud emulator listening on {}", handle.base_url);
    println!("  Alibaba endpoint override : {}", handle.aliyun_endpoint);
    println!("  Alibaba (official SDKs)   : {}/", handle.base_url);
    println!("  Huawei endpoint override  : {}", handle.huawei_endpoint);
    println!("  Admin API                 : {}/state", handle.admin_url);
    for c in &handle.credentials {
        println!("account {}:", c.name);
        println!(
            "  aliyun AccessKeyId={} AccessKeySecret={} regions={}",
            c.aliyun_access_key_id,
            c.aliyun_access_key_secret,
            c.aliyun_regions.join(",")
        );
        println!("  huawei AK={} SK={}", c.huawei_ak, c.huawei_sk);
        for (region, project) in &c.huawei_projects {
            println!("    {region}: project_id={project}");
        }
    }
    tokio::signal::ctrl_c().await?;
    handle.shutdown().await;
    Ok(())
}
