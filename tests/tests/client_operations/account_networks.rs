//! Account network configurations.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_networks::NETWORK_ID;

#[tokio::test]
async fn account_networks_create() {
    let t = setup("accountNetworks.create").await;
    let body = models::CreateNetworkRequest {
        network_name: Some("sales-analytics-vpc".into()),
        vpc_id: Some("vpc-0a1b2c3d4e5f67890".into()),
        subnet_ids: Some(vec![
            "subnet-0123456789abcdef0".into(),
            "subnet-0fedcba9876543210".into(),
        ]),
        security_group_ids: Some(vec!["sg-0a1b2c3d4e5f6a7b8".into()]),
        vpc_endpoints: Some(models::NetworkVpcEndpoints {
            rest_api: Some(vec!["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54".into()]),
            dataplane_relay: Some(vec!["e2d7a1f9-3c58-4b06-8e4d-7a9c0b1f2e36".into()]),
            ..Default::default()
        }),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.account.networks().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.network_id.as_deref(), Some(NETWORK_ID));
    assert_eq!(created.vpc_status, Some(models::VpcStatus::Unattached));
}

#[tokio::test]
async fn account_networks_delete() {
    let t = setup("accountNetworks.delete").await;
    let deleted = ok(t.case.operation, t.account.networks().delete(NETWORK_ID).await);
    t.verify(&deleted).await;
    assert_eq!(deleted.workspace_id, Some(1_234_567_890_123_456));
}

#[tokio::test]
async fn account_networks_get() {
    let t = setup("accountNetworks.get").await;
    let network = ok(t.case.operation, t.account.networks().get(NETWORK_ID).await);
    t.verify(&network).await;
    assert_eq!(network.vpc_status, Some(models::VpcStatus::Warned));
    let warnings = network.warning_messages.as_deref().expect("warning_messages");
    assert_eq!(warnings[0].warning_type, Some(models::WarningType::SecurityGroup));
    assert_eq!(network.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_networks_list() {
    let t = setup("accountNetworks.list").await;
    let networks = ok(t.case.operation, t.account.networks().list().await);
    t.verify(&networks).await;
    assert_eq!(networks.len(), 2);
    let gcp = &networks[1];
    let info = gcp.gcp_network_info.as_ref().expect("gcp_network_info");
    assert_eq!(info.network_project_id, "acme-shared-vpc");
    assert_eq!(info.pod_ip_range_name, "databricks-pods");
    assert_eq!(gcp.vpc_status, Some(models::VpcStatus::Broken));
    let errors = gcp.error_messages.as_deref().expect("error_messages");
    assert_eq!(errors[0].error_type, Some(models::ErrorType::Subnet));
    assert_eq!(
        errors[1].error_type,
        Some(models::ErrorType::Unrecognized("firewallRule".into()))
    );
    assert_eq!(gcp.unknown_fields["future_field"], future_field());
}
