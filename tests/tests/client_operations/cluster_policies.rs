//! Cluster policies.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::cluster_policies::{EDITED_POLICY_DEFINITION, POLICY_DEFINITION, POLICY_ID};

#[tokio::test]
async fn cluster_policies_create() {
    let t = setup("clusterPolicies.create").await;
    let body = models::CreatePolicy {
        name: Some("data-eng-small".into()),
        // The definition is a JSON document, but the API takes it as a string.
        definition: Some(POLICY_DEFINITION.into()),
        description: Some("Small auto-terminating clusters for the data engineering team.".into()),
        max_clusters_per_user: Some(2),
        libraries: Some(vec![
            models::Library {
                pypi: Some(models::PythonPyPiLibrary::new("simplejson==3.8.0")),
                ..Default::default()
            },
            models::Library {
                maven: Some(models::MavenLibrary {
                    exclusions: Some(vec!["slf4j:slf4j".into()]),
                    ..models::MavenLibrary::new("org.jsoup:jsoup:1.7.2")
                }),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.cluster_policies().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.policy_id.as_deref(), Some(POLICY_ID));
}

#[tokio::test]
async fn cluster_policies_delete() {
    let t = setup("clusterPolicies.delete").await;
    let ack = ok(
        t.case.operation,
        t.client
            .cluster_policies()
            .delete(&models::DeletePolicy::new(POLICY_ID))
            .await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn cluster_policies_edit() {
    let t = setup("clusterPolicies.edit").await;
    let body = models::EditPolicy {
        name: Some("data-eng-small".into()),
        definition: Some(EDITED_POLICY_DEFINITION.into()),
        max_clusters_per_user: Some(4),
        ..models::EditPolicy::new(POLICY_ID)
    };
    let ack = ok(t.case.operation, t.client.cluster_policies().edit(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn cluster_policies_get() {
    let t = setup("clusterPolicies.get").await;
    let policy = ok(t.case.operation, t.client.cluster_policies().get(POLICY_ID).await);
    t.verify(&policy).await;

    assert_eq!(policy.policy_id.as_deref(), Some(POLICY_ID));
    assert_eq!(policy.created_at_timestamp, Some(1_705_311_017_421));
    assert_eq!(policy.is_default, Some(false));
    // The definition arrives as a string holding a JSON document.
    let definition: serde_json::Value =
        serde_json::from_str(policy.definition.as_deref().expect("definition")).expect("definition is JSON");
    assert_eq!(definition["autotermination_minutes"]["maxValue"], 120);
    let libraries = policy.libraries.as_deref().expect("libraries");
    assert_eq!(libraries.len(), 3);
    assert_eq!(
        libraries[1].maven.as_ref().map(|maven| maven.coordinates.as_str()),
        Some("org.jsoup:jsoup:1.7.2")
    );
    assert_eq!(
        libraries[2].whl.as_deref(),
        Some("/Volumes/main/default/libs/etl_udfs-1.2.0-py3-none-any.whl")
    );
    assert_eq!(policy.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn cluster_policies_list() {
    let t = setup("clusterPolicies.list").await;
    let params = models::ClusterPoliciesListParams {
        sort_column: Some(models::PolicyListSortColumn::PolicyName),
        sort_order: Some(models::PolicyListSortOrder::Asc),
    };
    let listing = ok(t.case.operation, t.client.cluster_policies().list(&params).await);
    t.verify(&listing).await;

    let policies = listing.policies.as_deref().expect("policies");
    assert_eq!(policies.len(), 2);
    assert_eq!(policies[0].policy_id.as_deref(), Some(POLICY_ID));
    let personal = &policies[1];
    assert_eq!(personal.is_default, Some(true));
    assert_eq!(personal.policy_family_id.as_deref(), Some("personal-vm"));
    assert_eq!(personal.max_clusters_per_user, Some(1));
    assert_eq!(personal.unknown_fields["policy_family_version"], 4);
    assert_eq!(listing.unknown_fields["total_count"], 2);
}

#[tokio::test]
async fn cluster_policies_get_permission_levels() {
    let t = setup("clusterPolicies.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .cluster_policies()
            .get_permission_levels(databricks_tests::cases::cluster_policies::POLICY_ID)
            .await,
    );
    t.verify(&levels).await;
    let levels: Vec<_> = levels
        .permission_levels
        .expect("permission_levels")
        .into_iter()
        .map(|level| level.permission_level.expect("permission_level"))
        .collect();
    assert_eq!(levels, [models::ClusterPolicyPermissionLevel::CanUse]);
}

#[tokio::test]
async fn cluster_policies_get_permissions() {
    let t = setup("clusterPolicies.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .cluster_policies()
            .get_permissions(databricks_tests::cases::cluster_policies::POLICY_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        permissions.object_id.as_deref(),
        Some("/cluster-policies/ABC123DEF4567890")
    );
    assert_eq!(permissions.object_type.as_deref(), Some("cluster-policy"));
    assert_eq!(
        acl_levels::<models::ClusterPolicyPermissionLevel>(&permissions),
        [
            models::ClusterPolicyPermissionLevel::Unrecognized("CAN_MANAGE".into()),
            models::ClusterPolicyPermissionLevel::Unrecognized("CAN_MANAGE".into()),
            models::ClusterPolicyPermissionLevel::CanUse,
            models::ClusterPolicyPermissionLevel::CanUse
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/cluster-policies/".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn cluster_policies_set_permissions() {
    let t = setup("clusterPolicies.setPermissions").await;
    let body = models::ClusterPolicyPermissionsRequest {
        access_control_list: Some(vec![
            models::ClusterPolicyAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::ClusterPolicyPermissionLevel::CanUse),
                ..Default::default()
            },
            models::ClusterPolicyAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::ClusterPolicyPermissionLevel::CanUse),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .cluster_policies()
            .set_permissions(databricks_tests::cases::cluster_policies::POLICY_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        acl_levels::<models::ClusterPolicyPermissionLevel>(&permissions).len(),
        4
    );
}

#[tokio::test]
async fn cluster_policies_update_permissions() {
    let t = setup("clusterPolicies.updatePermissions").await;
    let body = models::ClusterPolicyPermissionsRequest {
        access_control_list: Some(vec![models::ClusterPolicyAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::ClusterPolicyPermissionLevel::CanUse),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .cluster_policies()
            .update_permissions(databricks_tests::cases::cluster_policies::POLICY_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::ClusterPolicyPermissionLevel>(&permissions),
        [
            models::ClusterPolicyPermissionLevel::Unrecognized("CAN_MANAGE".into()),
            models::ClusterPolicyPermissionLevel::CanUse
        ]
    );
}
