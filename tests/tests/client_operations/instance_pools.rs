//! Instance pools.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::instance_pools::INSTANCE_POOL_ID;

#[tokio::test]
async fn instance_pools_create() {
    let t = setup("instancePools.create").await;
    let body = models::CreateInstancePool {
        min_idle_instances: Some(2),
        max_capacity: Some(20),
        idle_instance_autotermination_minutes: Some(30),
        enable_elastic_disk: Some(true),
        aws_attributes: Some(models::InstancePoolAwsAttributes {
            availability: Some(models::InstancePoolAwsAttributesAvailability::Spot),
            zone_id: Some("us-west-2a".into()),
            spot_bid_price_percent: Some(100),
            ..Default::default()
        }),
        custom_tags: Some([("team".to_owned(), "data-eng".to_owned())].into()),
        disk_spec: Some(models::DiskSpec {
            disk_type: Some(models::DiskType {
                ebs_volume_type: Some(models::DiskTypeEbsVolumeType::GeneralPurposeSsd),
                ..Default::default()
            }),
            disk_count: Some(1),
            disk_size: Some(100),
            ..Default::default()
        }),
        preloaded_spark_versions: Some(vec!["14.3.x-scala2.12".into()]),
        ..models::CreateInstancePool::new("etl-pool-i3", "i3.xlarge")
    };
    let created = ok(t.case.operation, t.client.instance_pools().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.instance_pool_id.as_deref(), Some(INSTANCE_POOL_ID));
}

#[tokio::test]
async fn instance_pools_delete() {
    let t = setup("instancePools.delete").await;
    let ack = ok(
        t.case.operation,
        t.client
            .instance_pools()
            .delete(&models::DeleteInstancePool::new(INSTANCE_POOL_ID))
            .await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn instance_pools_edit() {
    let t = setup("instancePools.edit").await;
    let body = models::EditInstancePool {
        min_idle_instances: Some(4),
        max_capacity: Some(40),
        idle_instance_autotermination_minutes: Some(15),
        custom_tags: Some(
            [
                ("team".to_owned(), "data-eng".to_owned()),
                ("cost-center".to_owned(), "cc-1042".to_owned()),
            ]
            .into(),
        ),
        ..models::EditInstancePool::new(INSTANCE_POOL_ID, "etl-pool-i3-large", "i3.xlarge")
    };
    let ack = ok(t.case.operation, t.client.instance_pools().edit(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn instance_pools_get() {
    let t = setup("instancePools.get").await;
    let pool = ok(t.case.operation, t.client.instance_pools().get(INSTANCE_POOL_ID).await);
    t.verify(&pool).await;

    assert_eq!(pool.instance_pool_id, INSTANCE_POOL_ID);
    assert_eq!(pool.state, Some(models::InstancePoolState::Active));
    let stats = pool.stats.as_ref().expect("stats");
    assert_eq!(
        (
            stats.used_count,
            stats.idle_count,
            stats.pending_used_count,
            stats.pending_idle_count
        ),
        (Some(3), Some(2), Some(1), Some(0))
    );
    let errors = pool
        .status
        .as_ref()
        .and_then(|status| status.pending_instance_errors.as_deref())
        .expect("pending instance errors");
    assert_eq!(errors[0].instance_id.as_deref(), Some("i-0c1d2e3f4a5b6c7d8"));
    let default_tags = pool.default_tags.as_ref().expect("default tags");
    assert_eq!(default_tags["InstancePoolId"], INSTANCE_POOL_ID);
    assert_eq!(
        pool.aws_attributes.as_ref().and_then(|aws| aws.availability.clone()),
        Some(models::InstancePoolAwsAttributesAvailability::Spot)
    );
    assert_eq!(pool.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn instance_pools_list() {
    let t = setup("instancePools.list").await;
    let listing = ok(t.case.operation, t.client.instance_pools().list().await);
    t.verify(&listing).await;

    let pools = listing.instance_pools.as_deref().expect("instance pools");
    assert_eq!(pools.len(), 2);
    assert_eq!(pools[0].instance_pool_id.as_deref(), Some(INSTANCE_POOL_ID));
    assert_eq!(pools[0].state, Some(models::InstancePoolState::Active));
    let gpu = &pools[1];
    assert_eq!(
        gpu.state,
        Some(models::InstancePoolState::Unrecognized("STOPPING".into()))
    );
    let disk_type = gpu
        .disk_spec
        .as_ref()
        .and_then(|disk_spec| disk_spec.disk_type.as_ref())
        .expect("disk type");
    assert_eq!(
        disk_type.ebs_volume_type,
        Some(models::DiskTypeEbsVolumeType::Unrecognized(
            "GENERAL_PURPOSE_SSD_GP3".into()
        ))
    );
    assert_eq!(
        gpu.aws_attributes.as_ref().and_then(|aws| aws.availability.clone()),
        Some(models::InstancePoolAwsAttributesAvailability::OnDemand)
    );
    assert_eq!(gpu.unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn instance_pools_get_permission_levels() {
    let t = setup("instancePools.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .instance_pools()
            .get_permission_levels(databricks_tests::cases::instance_pools::INSTANCE_POOL_ID)
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
            models::InstancePoolPermissionLevel::CanAttachTo,
            models::InstancePoolPermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn instance_pools_get_permissions() {
    let t = setup("instancePools.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .instance_pools()
            .get_permissions(databricks_tests::cases::instance_pools::INSTANCE_POOL_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        permissions.object_id.as_deref(),
        Some("/instance-pools/0101-120000-brick1-pool-ABCD1234")
    );
    assert_eq!(permissions.object_type.as_deref(), Some("instance-pool"));
    assert_eq!(
        acl_levels::<models::InstancePoolPermissionLevel>(&permissions),
        [
            models::InstancePoolPermissionLevel::CanManage,
            models::InstancePoolPermissionLevel::Unrecognized("CAN_VIEW".into()),
            models::InstancePoolPermissionLevel::CanAttachTo,
            models::InstancePoolPermissionLevel::CanAttachTo
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/instance-pools/".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn instance_pools_set_permissions() {
    let t = setup("instancePools.setPermissions").await;
    let body = models::InstancePoolPermissionsRequest {
        access_control_list: Some(vec![
            models::InstancePoolAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::InstancePoolPermissionLevel::CanAttachTo),
                ..Default::default()
            },
            models::InstancePoolAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::InstancePoolPermissionLevel::CanAttachTo),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .instance_pools()
            .set_permissions(databricks_tests::cases::instance_pools::INSTANCE_POOL_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(acl_levels::<models::InstancePoolPermissionLevel>(&permissions).len(), 4);
}

#[tokio::test]
async fn instance_pools_update_permissions() {
    let t = setup("instancePools.updatePermissions").await;
    let body = models::InstancePoolPermissionsRequest {
        access_control_list: Some(vec![models::InstancePoolAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::InstancePoolPermissionLevel::CanManage),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .instance_pools()
            .update_permissions(databricks_tests::cases::instance_pools::INSTANCE_POOL_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::InstancePoolPermissionLevel>(&permissions),
        [
            models::InstancePoolPermissionLevel::CanManage,
            models::InstancePoolPermissionLevel::CanManage
        ]
    );
}
