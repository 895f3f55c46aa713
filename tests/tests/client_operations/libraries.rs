//! Libraries.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::CLUSTER_ID;

#[tokio::test]
async fn libraries_all_cluster_statuses() {
    let t = setup("libraries.allClusterStatuses").await;
    let all = ok(t.case.operation, t.client.libraries().all_cluster_statuses().await);
    t.verify(&all).await;

    let statuses = all.statuses.as_deref().expect("statuses");
    assert_eq!(statuses.len(), 2);
    assert_eq!(statuses[0].cluster_id.as_deref(), Some(CLUSTER_ID));
    let first = statuses[0].library_statuses.as_deref().expect("library_statuses");
    assert_eq!(
        first[0]
            .library
            .as_ref()
            .and_then(|library| library.pypi.as_ref())
            .map(|pypi| pypi.package.as_str()),
        Some("requests==2.31.0")
    );
    assert_eq!(first[0].status, Some(models::LibraryInstallStatus::Installed));
    assert_eq!(first[1].status, Some(models::LibraryInstallStatus::UninstallOnRestart));

    let second = &statuses[1];
    assert_eq!(second.cluster_id.as_deref(), Some("0212-141552-m3vx9q1d"));
    let waiting = &second.library_statuses.as_deref().expect("library_statuses")[0];
    assert_eq!(
        waiting.status,
        Some(models::LibraryInstallStatus::Unrecognized("WAITING_FOR_CLUSTER".into()))
    );
    assert_eq!(waiting.unknown_fields["future_field"], future_field());
    assert_eq!(second.unknown_fields["future_field"], future_field());
    assert!(all.unknown_fields.is_empty());
}

#[tokio::test]
async fn libraries_cluster_status() {
    let t = setup("libraries.clusterStatus").await;
    let cluster = ok(t.case.operation, t.client.libraries().cluster_status(CLUSTER_ID).await);
    t.verify(&cluster).await;

    assert_eq!(cluster.cluster_id.as_deref(), Some(CLUSTER_ID));
    let libraries = cluster.library_statuses.as_deref().expect("library_statuses");
    assert_eq!(libraries.len(), 4);
    assert_eq!(
        libraries[0].library.as_ref().and_then(|library| library.jar.as_deref()),
        Some("/Volumes/main/default/libs/etl-utils-2.3.1.jar")
    );

    let failed = &libraries[1];
    assert_eq!(failed.status, Some(models::LibraryInstallStatus::Failed));
    assert_eq!(failed.messages.as_ref().map(Vec::len), Some(1));
    let pypi = failed
        .library
        .as_ref()
        .and_then(|library| library.pypi.as_ref())
        .expect("pypi");
    assert_eq!(pypi.repo.as_deref(), Some("https://pypi.internal.example.com/simple"));

    let downloading = &libraries[2];
    assert_eq!(
        downloading.status,
        Some(models::LibraryInstallStatus::Unrecognized("DOWNLOADING".into()))
    );
    assert_eq!(downloading.unknown_fields["future_field"], future_field());

    let maven = libraries[3]
        .library
        .as_ref()
        .and_then(|library| library.maven.as_ref())
        .expect("maven");
    assert_eq!(maven.coordinates, "com.databricks:spark-xml_2.12:0.17.0");
    assert_eq!(maven.exclusions.as_ref().map(Vec::len), Some(2));
    assert_eq!(cluster.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn libraries_install() {
    let t = setup("libraries.install").await;
    let libraries = vec![
        models::Library {
            pypi: Some(models::PythonPyPiLibrary::new("requests==2.31.0")),
            ..Default::default()
        },
        models::Library {
            whl: Some("/Workspace/Shared/libs/ingest-1.4.0-py3-none-any.whl".into()),
            ..Default::default()
        },
        models::Library {
            maven: Some(models::MavenLibrary {
                exclusions: Some(vec!["*:hadoop-client".into()]),
                ..models::MavenLibrary::new("com.databricks:spark-xml_2.12:0.17.0")
            }),
            ..Default::default()
        },
        models::Library {
            requirements: Some("/Workspace/Shared/project/requirements.txt".into()),
            ..Default::default()
        },
    ];
    let body = models::InstallLibraries::new(CLUSTER_ID, libraries);
    let ack = ok(t.case.operation, t.client.libraries().install(&body).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn libraries_uninstall() {
    let t = setup("libraries.uninstall").await;
    let libraries = vec![
        models::Library {
            jar: Some("/Volumes/main/default/libs/etl-utils-2.3.1.jar".into()),
            ..Default::default()
        },
        models::Library {
            cran: Some(models::RCranLibrary {
                repo: Some("https://cran.r-project.org".into()),
                ..models::RCranLibrary::new("forecast")
            }),
            ..Default::default()
        },
    ];
    let body = models::UninstallLibraries::new(CLUSTER_ID, libraries);
    let ack = ok(t.case.operation, t.client.libraries().uninstall(&body).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}
