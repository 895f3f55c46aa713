//! Clusters.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::CLUSTER_ID;
use serde_json::json;

#[tokio::test]
async fn clusters_change_owner() {
    let t = setup("clusters.changeOwner").await;
    let body = models::ChangeClusterOwner::new(CLUSTER_ID, "etl-service@example.com");
    let ack = ok(t.case.operation, t.client.clusters().change_owner(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_create() {
    let t = setup("clusters.create").await;
    let body = models::CreateCluster {
        cluster_name: Some("nightly-etl".into()),
        node_type_id: Some("i3.xlarge".into()),
        num_workers: Some(2),
        autotermination_minutes: Some(60),
        runtime_engine: Some(models::RuntimeEngine::Photon),
        data_security_mode: Some(models::DataSecurityMode::SingleUser),
        single_user_name: Some("jane.doe@example.com".into()),
        enable_elastic_disk: Some(true),
        spark_conf: Some([("spark.sql.shuffle.partitions".to_owned(), "200".to_owned())].into()),
        aws_attributes: Some(models::AwsAttributes {
            availability: Some(models::AwsAvailability::SpotWithFallback),
            first_on_demand: Some(1),
            zone_id: Some("auto".into()),
            ..Default::default()
        }),
        custom_tags: Some([("team".to_owned(), "data-eng".to_owned())].into()),
        ..models::CreateCluster::new("13.3.x-scala2.12")
    };
    let created = ok(t.case.operation, t.client.clusters().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.cluster_id.as_deref(), Some(CLUSTER_ID));
}

#[tokio::test]
async fn clusters_delete() {
    let t = setup("clusters.delete").await;
    let ack = ok(
        t.case.operation,
        t.client
            .clusters()
            .delete(&models::DeleteCluster::new(CLUSTER_ID))
            .await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn clusters_edit() {
    let t = setup("clusters.edit").await;
    let body = models::EditCluster {
        cluster_name: Some("nightly-etl".into()),
        node_type_id: Some("i3.2xlarge".into()),
        autotermination_minutes: Some(120),
        autoscale: Some(models::AutoScale {
            min_workers: Some(2),
            max_workers: Some(12),
            ..Default::default()
        }),
        spark_conf: Some([("spark.sql.shuffle.partitions".to_owned(), "400".to_owned())].into()),
        ..models::EditCluster::new(CLUSTER_ID, "14.3.x-scala2.12")
    };
    let ack = ok(t.case.operation, t.client.clusters().edit(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_events() {
    let t = setup("clusters.events").await;
    let body = models::GetEvents {
        start_time: Some(1_705_276_800_000),
        end_time: Some(1_705_363_200_000),
        event_types: Some(vec![
            models::ClusterEventType::Resizing,
            models::ClusterEventType::UpsizeCompleted,
            models::ClusterEventType::Terminating,
        ]),
        order: Some(models::ClusterEventsOrder::Desc),
        page_size: Some(50),
        ..models::GetEvents::new(CLUSTER_ID)
    };
    let page = ok(t.case.operation, t.client.clusters().events(&body).await);
    t.verify(&page).await;

    let events = page.events.as_deref().expect("events");
    let types: Vec<_> = events.iter().map(|event| event.type_.clone()).collect();
    assert_eq!(
        types,
        [
            Some(models::ClusterEventType::Unrecognized("HIBERNATION_STARTED".into())),
            Some(models::ClusterEventType::Terminating),
            Some(models::ClusterEventType::UpsizeCompleted),
            Some(models::ClusterEventType::Resizing),
        ]
    );
    let hibernation = events[0].details.as_ref().expect("details");
    assert_eq!(hibernation.unknown_fields["hibernation_policy"], "IDLE_60_MIN");
    let reason = events[1]
        .details
        .as_ref()
        .and_then(|details| details.reason.as_ref())
        .expect("reason");
    assert_eq!(reason.code, Some(models::TerminationReasonCode::Inactivity));
    let resize = events[3].details.as_ref().expect("details");
    assert_eq!(
        (resize.current_num_workers, resize.target_num_workers),
        (Some(2), Some(4))
    );
    assert_eq!(resize.cause, Some(models::ClusterEventDetailsCause::Autoscale));
    assert_eq!(events[3].timestamp, Some(1_705_311_300_000));
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("CAEQ1IuI-r4xGhQwMTE1LTA5MzAxNy1rOHJxM3gydw==")
    );
    assert_eq!(page.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn clusters_get() {
    let t = setup("clusters.get").await;
    let details = ok(t.case.operation, t.client.clusters().get(CLUSTER_ID).await);
    t.verify(&details).await;

    assert_eq!(
        details.state,
        Some(models::ClusterState::Unrecognized("HIBERNATING".into()))
    );
    assert_eq!(details.cluster_id.as_deref(), Some(CLUSTER_ID));
    assert_eq!(details.spark_context_id, Some(5_394_234_943_045_964_788));
    assert_eq!(details.start_time, Some(1_705_311_017_421));
    assert_eq!(details.cluster_cores, Some(12.0));
    assert_eq!(details.runtime_engine, Some(models::RuntimeEngine::Photon));
    assert_eq!(details.cluster_source, Some(models::ClusterSource::Ui));
    let autoscale = details.autoscale.as_ref().expect("autoscale");
    assert_eq!((autoscale.min_workers, autoscale.max_workers), (Some(2), Some(8)));
    assert_eq!(autoscale.unknown_fields["target_workers"], 2);
    let aws = details.aws_attributes.as_ref().expect("aws_attributes");
    assert_eq!(aws.availability, Some(models::AwsAvailability::SpotWithFallback));
    let tags = details.custom_tags.as_ref().expect("custom_tags");
    assert_eq!(tags.get("cost-center").map(String::as_str), Some("cc-1042"));
    let reason = details.termination_reason.as_ref().expect("termination_reason");
    assert_eq!(reason.code, Some(models::TerminationReasonCode::Inactivity));
    assert_eq!(reason.type_, Some(models::TerminationReasonType::Success));
    let executors = details.executors.as_deref().expect("executors");
    assert_eq!(executors.len(), 2);
    assert_eq!(
        executors[0].node_aws_attributes.as_ref().and_then(|aws| aws.is_spot),
        Some(true)
    );
    assert_eq!(
        details.driver.as_ref().and_then(|driver| driver.private_ip.as_deref()),
        Some("10.0.142.17")
    );
    assert_eq!(details.unknown_fields["future_field"], future_field());
    assert_eq!(
        details.unknown_fields["effective_spark_version"],
        "13.3.x-photon-scala2.12"
    );
}

#[tokio::test]
async fn clusters_list() {
    let t = setup("clusters.list").await;
    let params = models::ClustersListParams {
        filter_by: Some(models::ListClustersFilterBy {
            cluster_states: Some(vec![models::ClusterState::Running, models::ClusterState::Pending]),
            is_pinned: Some(true),
            ..Default::default()
        }),
        page_size: Some(20),
        page_token: Some("CAEaFDAxMTUtMDkzMDE3LWs4cnEzeDJ3".into()),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.clusters().list(&params).await);
    t.verify(&page).await;

    let clusters = page.clusters.as_deref().expect("clusters");
    let states: Vec<_> = clusters.iter().map(|cluster| cluster.state.clone()).collect();
    assert_eq!(
        states,
        [
            Some(models::ClusterState::Running),
            Some(models::ClusterState::Unrecognized("HIBERNATING".into()))
        ]
    );
    assert_eq!(
        clusters[1].cluster_source,
        Some(models::ClusterSource::Unrecognized("NOTEBOOK_SCHEDULER".into()))
    );
    assert_eq!(clusters[1].spark_version.as_deref(), Some("7.6.x-gpu-ml-scala2.12"));
    assert_eq!(clusters[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("CAEaFDAxMTYtMTIwNTQ0LXAyenR3eDlx")
    );
    assert_eq!(page.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn clusters_list_node_types() {
    let t = setup("clusters.listNodeTypes").await;
    let list = ok(t.case.operation, t.client.clusters().list_node_types().await);
    t.verify(&list).await;

    let node_types = list.node_types.as_deref().expect("node_types");
    let ids: Vec<_> = node_types.iter().map(|node| node.node_type_id.as_str()).collect();
    assert_eq!(ids, ["i3.xlarge", "g4dn.xlarge"]);
    assert_eq!(node_types[0].num_cores, Some(4.0));
    assert_eq!(node_types[0].memory_mb, Some(31_232));
    let instance = node_types[0].node_instance_type.as_ref().expect("node_instance_type");
    assert_eq!(instance.local_disk_size_gb, Some(950));
    assert_eq!(instance.unknown_fields["swap_size"], "10g");
    assert_eq!(node_types[1].num_gpus, Some(1));
    let status = node_types[1].node_info.as_ref().and_then(|info| info.status.clone());
    assert_eq!(
        status,
        Some(vec![
            models::CloudProviderNodeStatus::NotAvailableInRegion,
            models::CloudProviderNodeStatus::Unrecognized("NotEnabledForWorkspace".into()),
        ])
    );
    assert_eq!(list.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn clusters_list_zones() {
    let t = setup("clusters.listZones").await;
    let zones = ok(t.case.operation, t.client.clusters().list_zones().await);
    t.verify(&zones).await;
    assert_eq!(zones.default_zone.as_deref(), Some("us-west-2b"));
    assert_eq!(zones.zones.as_ref().map(Vec::len), Some(4));
}

#[tokio::test]
async fn clusters_permanent_delete() {
    let t = setup("clusters.permanentDelete").await;
    let body = models::PermanentDeleteCluster::new(CLUSTER_ID);
    let ack = ok(t.case.operation, t.client.clusters().permanent_delete(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_pin() {
    let t = setup("clusters.pin").await;
    let ack = ok(
        t.case.operation,
        t.client.clusters().pin(&models::PinCluster::new(CLUSTER_ID)).await,
    );
    t.verify(&ack).await;
    // The case answers with a field no version of the spec lists: it must be kept, not dropped.
    assert_eq!(ack.unknown_fields.get("some_new_ack"), Some(&json!(true)));
}

#[tokio::test]
async fn clusters_resize() {
    let t = setup("clusters.resize").await;
    let body = models::ResizeCluster {
        num_workers: Some(8),
        ..models::ResizeCluster::new(CLUSTER_ID)
    };
    let ack = ok(t.case.operation, t.client.clusters().resize(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_restart() {
    let t = setup("clusters.restart").await;
    let body = models::RestartCluster {
        restart_user: Some("jane.doe@example.com".into()),
        ..models::RestartCluster::new(CLUSTER_ID)
    };
    let ack = ok(t.case.operation, t.client.clusters().restart(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_spark_versions() {
    let t = setup("clusters.sparkVersions").await;
    let versions = ok(t.case.operation, t.client.clusters().spark_versions().await);
    t.verify(&versions).await;

    let versions = versions.versions.expect("versions");
    let keys: Vec<_> = versions.iter().filter_map(|version| version.key.as_deref()).collect();
    assert_eq!(
        keys,
        [
            "13.3.x-scala2.12",
            "13.3.x-photon-scala2.12",
            "14.3.x-scala2.12",
            "7.6.x-gpu-ml-scala2.12",
            "15.4.x-cpu-ml-scala2.12"
        ]
    );
    assert_eq!(
        versions[3].name.as_deref(),
        Some("7.6 ML (includes Apache Spark 3.0.1, GPU, Scala 2.12)")
    );
}

#[tokio::test]
async fn clusters_start() {
    let t = setup("clusters.start").await;
    let ack = ok(
        t.case.operation,
        t.client.clusters().start(&models::StartCluster::new(CLUSTER_ID)).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_unpin() {
    let t = setup("clusters.unpin").await;
    let ack = ok(
        t.case.operation,
        t.client.clusters().unpin(&models::UnpinCluster::new(CLUSTER_ID)).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_update() {
    let t = setup("clusters.update").await;
    let body = models::UpdateCluster {
        cluster: Some(models::UpdateClusterResource {
            num_workers: Some(4),
            autotermination_minutes: Some(30),
            ..Default::default()
        }),
        ..models::UpdateCluster::new(CLUSTER_ID, "num_workers,autotermination_minutes")
    };
    let ack = ok(t.case.operation, t.client.clusters().update(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn clusters_get_permission_levels() {
    let t = setup("clusters.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .clusters()
            .get_permission_levels(databricks_tests::cases::CLUSTER_ID)
            .await,
    );
    t.verify(&levels).await;
    let levels: Vec<_> = levels
        .permission_levels
        .expect("permission_levels")
        .into_iter()
        .map(|level| level.permission_level.expect("permission_level"))
        .collect();
    assert_eq!(
        levels,
        [
            models::ClusterPermissionLevel::CanAttachTo,
            models::ClusterPermissionLevel::CanRestart,
            models::ClusterPermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn clusters_get_permissions() {
    let t = setup("clusters.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .clusters()
            .get_permissions(databricks_tests::cases::CLUSTER_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("/clusters/0115-093017-k8rq3x2w"));
    assert_eq!(permissions.object_type.as_deref(), Some("cluster"));
    assert_eq!(
        acl_levels::<models::ClusterPermissionLevel>(&permissions),
        [
            models::ClusterPermissionLevel::CanManage,
            models::ClusterPermissionLevel::Unrecognized("CAN_VIEW_SPARK_UI".into()),
            models::ClusterPermissionLevel::CanAttachTo,
            models::ClusterPermissionLevel::CanAttachTo
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/clusters/".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn clusters_set_permissions() {
    let t = setup("clusters.setPermissions").await;
    let body = models::ClusterPermissionsRequest {
        access_control_list: Some(vec![
            models::ClusterAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::ClusterPermissionLevel::CanAttachTo),
                ..Default::default()
            },
            models::ClusterAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::ClusterPermissionLevel::CanAttachTo),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .clusters()
            .set_permissions(databricks_tests::cases::CLUSTER_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(acl_levels::<models::ClusterPermissionLevel>(&permissions).len(), 4);
}

#[tokio::test]
async fn clusters_update_permissions() {
    let t = setup("clusters.updatePermissions").await;
    let body = models::ClusterPermissionsRequest {
        access_control_list: Some(vec![models::ClusterAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::ClusterPermissionLevel::CanRestart),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .clusters()
            .update_permissions(databricks_tests::cases::CLUSTER_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::ClusterPermissionLevel>(&permissions),
        [
            models::ClusterPermissionLevel::CanManage,
            models::ClusterPermissionLevel::CanRestart
        ]
    );
}
