//! The embedded cluster: created once, reused (not re-initialised) with its data on
//! the next start, and refused — untouched — when the directory is not what it should be.

use pgembed::testing::scratch_dir;
use pgembed::{EmbeddedOptions, EmbeddedPostgres, PgError};
use sqlx::{Connection, PgConnection};

fn options(root: std::path::PathBuf) -> EmbeddedOptions {
    EmbeddedOptions {
        root,
        bin_dir: None,
        port: 0,
        ephemeral: true,
        root_fallback: false,
    }
}

#[tokio::test]
async fn a_restart_reuses_the_cluster_and_keeps_its_data() {
    // Arrange: a first start creates the cluster and some data.
    let root = scratch_dir("reuse");
    let pg = EmbeddedPostgres::start(options(root.clone()))
        .await
        .unwrap();
    let mut conn = PgConnection::connect_with(&pg.connect_options("gatewatch"))
        .await
        .unwrap();
    sqlx::query("CREATE TABLE kept (v text)")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query("INSERT INTO kept VALUES ('still here')")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let created = std::fs::metadata(root.join("cluster/PG_VERSION"))
        .unwrap()
        .modified()
        .unwrap();
    pg.stop().await;
    // Act: start again on the same directory.
    let pg = EmbeddedPostgres::start(options(root.clone()))
        .await
        .unwrap();
    // Assert: same cluster (not re-initialised), same data.
    let again = std::fs::metadata(root.join("cluster/PG_VERSION"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(created, again, "initdb ran again");
    let mut conn = PgConnection::connect_with(&pg.connect_options("gatewatch"))
        .await
        .unwrap();
    let v: String = sqlx::query_scalar("SELECT v FROM kept")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(v, "still here");
    conn.close().await.unwrap();
    pg.stop().await;
}

#[tokio::test]
async fn stopping_leaves_no_server_process() {
    let root = scratch_dir("stop");
    let pg = EmbeddedPostgres::start(options(root.clone()))
        .await
        .unwrap();
    let pid_file = root.join("cluster/postmaster.pid");
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(std::path::Path::new(&format!("/proc/{pid}")).exists());
    pg.stop().await;
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        "postgres {pid} still runs"
    );
    assert!(
        !pid_file.exists(),
        "a clean shutdown removes postmaster.pid"
    );
}

#[tokio::test]
async fn a_cluster_from_another_major_version_is_refused_and_left_alone() {
    let root = scratch_dir("newer");
    std::fs::create_dir_all(root.join("cluster")).unwrap();
    std::fs::write(root.join("cluster/PG_VERSION"), "99\n").unwrap();
    std::fs::write(root.join("cluster/precious"), "data").unwrap();
    let err = EmbeddedPostgres::start(options(root.clone()))
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, PgError::VersionMismatch { .. }), "{err}");
    assert!(err.to_string().contains("PostgreSQL 99"), "{err}");
    assert_eq!(
        std::fs::read_to_string(root.join("cluster/precious")).unwrap(),
        "data"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("cluster/PG_VERSION")).unwrap(),
        "99\n"
    );
}

#[tokio::test]
async fn a_lost_password_file_is_named_not_papered_over() {
    let root = scratch_dir("nopw");
    let pg = EmbeddedPostgres::start(options(root.clone()))
        .await
        .unwrap();
    pg.stop().await;
    std::fs::rename(root.join("password"), root.join("password.bak")).unwrap();
    let err = EmbeddedPostgres::start(options(root.clone()))
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, PgError::MissingPassword { .. }), "{err}");
    assert!(
        root.join("cluster/PG_VERSION").exists(),
        "the cluster is untouched"
    );
}

#[tokio::test]
async fn the_generated_password_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let root = scratch_dir("perm");
    let pg = EmbeddedPostgres::start(options(root.clone()))
        .await
        .unwrap();
    let mode = std::fs::metadata(root.join("password"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(
        std::fs::read_to_string(root.join("password"))
            .unwrap()
            .trim()
            .len(),
        32
    );
    pg.stop().await;
}
