//! SQL warehouses.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::warehouses::{CONFIG, WAREHOUSE_ID};

fn channel(name: models::WarehouseChannelName, version: Option<&str>) -> Option<models::WarehouseChannel> {
    Some(models::WarehouseChannel {
        name: Some(name),
        dbsql_version: version.map(Into::into),
        ..Default::default()
    })
}

fn grant(
    user: Option<&str>,
    group: Option<&str>,
    level: models::WarehousePermissionLevel,
) -> models::WarehouseAccessControlRequest {
    models::WarehouseAccessControlRequest {
        user_name: user.map(Into::into),
        group_name: group.map(Into::into),
        permission_level: Some(level),
        ..Default::default()
    }
}

fn check_permissions(permissions: &models::WarehousePermissions) {
    assert_eq!(permissions.object_type.as_deref(), Some("warehouses"));
    assert_eq!(
        acl_levels::<models::WarehousePermissionLevel>(permissions),
        [
            models::WarehousePermissionLevel::IsOwner,
            models::WarehousePermissionLevel::CanUse,
            models::WarehousePermissionLevel::Unrecognized("CAN_QUERY_HISTORY".into()),
            models::WarehousePermissionLevel::CanManage,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[3];
    assert_eq!(
        admins.all_permissions.as_deref().expect("all_permissions")[0].inherited,
        Some(true)
    );
    assert_eq!(admins.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn warehouses_create() {
    let t = setup("warehouses.create").await;
    let body = models::CreateWarehouseRequest {
        name: Some("analytics-bi".into()),
        cluster_size: Some("Small".into()),
        min_num_clusters: Some(1),
        max_num_clusters: Some(4),
        auto_stop_mins: Some(45),
        enable_photon: Some(true),
        enable_serverless_compute: Some(true),
        warehouse_type: Some(models::WarehouseType::Pro),
        spot_instance_policy: Some(models::WarehouseSpotInstancePolicy::CostOptimized),
        statement_timeout: Some(3600),
        channel: channel(models::WarehouseChannelName::ChannelNameCurrent, None),
        tags: Some(models::WarehouseTags {
            custom_tags: Some(vec![models::WarehouseTagPair {
                key: Some("cost-center".into()),
                value: Some("cc-1042".into()),
                ..Default::default()
            }]),
            ..Default::default()
        }),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.warehouses().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some(WAREHOUSE_ID));
}

#[tokio::test]
async fn warehouses_delete() {
    let t = setup("warehouses.delete").await;
    let ack = ok(t.case.operation, t.client.warehouses().delete(WAREHOUSE_ID).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn warehouses_edit() {
    let t = setup("warehouses.edit").await;
    let body = models::EditWarehouseRequest {
        name: Some("analytics-bi".into()),
        cluster_size: Some("Medium".into()),
        max_num_clusters: Some(6),
        // 0 never stops the warehouse: it must be sent, not dropped as a default.
        auto_stop_mins: Some(0),
        channel: channel(models::WarehouseChannelName::ChannelNameCustom, Some("2025.35")),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.warehouses().edit(WAREHOUSE_ID, &body).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn warehouses_get() {
    let t = setup("warehouses.get").await;
    let warehouse = ok(t.case.operation, t.client.warehouses().get(WAREHOUSE_ID).await);
    t.verify(&warehouse).await;
    assert_eq!(warehouse.id.as_deref(), Some(WAREHOUSE_ID));
    assert_eq!(
        warehouse.state,
        Some(models::WarehouseState::Unrecognized("UPGRADING".into()))
    );
    assert_eq!(warehouse.warehouse_type, Some(models::WarehouseType::Pro));
    assert_eq!(
        warehouse.spot_instance_policy,
        Some(models::WarehouseSpotInstancePolicy::CostOptimized)
    );
    assert_eq!(warehouse.num_clusters, Some(2));
    assert_eq!(warehouse.num_active_sessions, Some(7));
    assert_eq!(warehouse.statement_timeout, Some(3600));
    let odbc = warehouse.odbc_params.as_ref().expect("odbc_params");
    assert_eq!(odbc.port, Some(443));
    assert_eq!(odbc.path.as_deref(), Some("/sql/1.0/warehouses/4b9d5c2a7e1f3068"));
    let health = warehouse.health.as_ref().expect("health");
    assert_eq!(health.status, Some(models::WarehouseHealthStatus::Degraded));
    assert_eq!(health.summary.as_deref(), Some("Could not acquire enough instances."));
    let reason = health.failure_reason.as_ref().expect("failure_reason");
    assert_eq!(
        reason.code,
        Some(models::TerminationReasonCode::AwsInsufficientInstanceCapacityFailure)
    );
    assert_eq!(reason.type_, Some(models::TerminationReasonType::CloudFailure));
    let tags = warehouse
        .tags
        .as_ref()
        .and_then(|tags| tags.custom_tags.as_deref())
        .expect("tags");
    assert_eq!(tags[0].value.as_deref(), Some("cc-1042"));
    assert_eq!(warehouse.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn warehouses_get_permission_levels() {
    let t = setup("warehouses.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client.warehouses().get_permission_levels(WAREHOUSE_ID).await,
    );
    t.verify(&levels).await;
    let levels = levels.permission_levels.expect("permission_levels");
    assert_eq!(levels.len(), 5);
    assert_eq!(
        levels[2].permission_level,
        Some(models::WarehousePermissionLevel::CanMonitor)
    );
    assert_eq!(
        levels[4].permission_level,
        Some(models::WarehousePermissionLevel::IsOwner)
    );
}

#[tokio::test]
async fn warehouses_get_permissions() {
    let t = setup("warehouses.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client.warehouses().get_permissions(WAREHOUSE_ID).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn warehouses_get_workspace_warehouse_config() {
    let t = setup("warehouses.getWorkspaceWarehouseConfig").await;
    let config = ok(
        t.case.operation,
        t.client.warehouses().get_workspace_warehouse_config().await,
    );
    t.verify(&config).await;
    assert_eq!(
        config.security_policy,
        Some(models::WarehouseSecurityPolicy::Unrecognized(
            "UNITY_CATALOG_ONLY".into()
        ))
    );
    let types = config
        .enabled_warehouse_types
        .as_deref()
        .expect("enabled_warehouse_types");
    assert_eq!(types[1].warehouse_type, Some(models::WarehouseType::Classic));
    assert_eq!(types[1].enabled, Some(false));
    let parameters = config
        .sql_configuration_parameters
        .as_ref()
        .and_then(|pairs| pairs.configuration_pairs.as_deref())
        .expect("sql_configuration_parameters");
    assert_eq!(parameters[0].key.as_deref(), Some("ANSI_MODE"));
    assert_eq!(config.data_access_config.as_ref().map(Vec::len), Some(2));
    assert_eq!(config.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn warehouses_list() {
    let t = setup("warehouses.list").await;
    let params = models::WarehousesListParams {
        page_size: Some(2),
        page_token: Some("CAISEDRiOWQ1YzJhN2UxZjMwNjg=".into()),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.warehouses().list(&params).await);
    t.verify(&page).await;
    let warehouses = page.warehouses.as_deref().expect("warehouses");
    assert_eq!(warehouses.len(), 2);
    assert_eq!(warehouses[0].state, Some(models::WarehouseState::Running));
    assert_eq!(warehouses[1].state, Some(models::WarehouseState::Stopped));
    assert_eq!(warehouses[1].warehouse_type, Some(models::WarehouseType::Classic));
    assert_eq!(warehouses[1].unknown_fields["future_field"], future_field());
    assert_eq!(page.next_page_token.as_deref(), Some("CAISEDllM2E2MWYwYzRkMjhiNTc="));
}

#[tokio::test]
async fn warehouses_set_permissions() {
    let t = setup("warehouses.setPermissions").await;
    let body = models::WarehousePermissionsRequest {
        access_control_list: Some(vec![
            grant(
                Some("jane.doe@example.com"),
                None,
                models::WarehousePermissionLevel::IsOwner,
            ),
            grant(None, Some("analysts"), models::WarehousePermissionLevel::CanUse),
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.warehouses().set_permissions(WAREHOUSE_ID, &body).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn warehouses_set_workspace_warehouse_config() {
    let t = setup("warehouses.setWorkspaceWarehouseConfig").await;
    // The configuration is replaced whole: what was read is sent back as it was.
    let body: models::WorkspaceWarehouseConfig = serde_json::from_str(CONFIG).expect("the configuration");
    assert_eq!(
        body.security_policy,
        Some(models::WarehouseSecurityPolicy::DataAccessControl)
    );
    let ack = ok(
        t.case.operation,
        t.client.warehouses().set_workspace_warehouse_config(&body).await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn warehouses_start() {
    let t = setup("warehouses.start").await;
    let ack = ok(t.case.operation, t.client.warehouses().start(WAREHOUSE_ID).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn warehouses_stop() {
    let t = setup("warehouses.stop").await;
    let ack = ok(t.case.operation, t.client.warehouses().stop(WAREHOUSE_ID).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn warehouses_update_permissions() {
    let t = setup("warehouses.updatePermissions").await;
    let body = models::WarehousePermissionsRequest {
        access_control_list: Some(vec![grant(
            None,
            Some("analysts"),
            models::WarehousePermissionLevel::CanMonitor,
        )]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.warehouses().update_permissions(WAREHOUSE_ID, &body).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}
