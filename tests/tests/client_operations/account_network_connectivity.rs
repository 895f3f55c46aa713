//! Account network connectivity configurations and their private endpoint rules.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_network_connectivity::{NCC_ID, RULE_ID};

#[tokio::test]
async fn account_network_connectivity_create_network_connectivity_configuration() {
    let t = setup("accountNetworkConnectivity.createNetworkConnectivityConfiguration").await;
    let body = models::CreateNetworkConnectivityConfiguration::new("us-west-2-serverless", "us-west-2");
    let created = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .create_network_connectivity_configuration(&body)
            .await,
    );
    t.verify(&created).await;
    assert_eq!(created.network_connectivity_config_id.as_deref(), Some(NCC_ID));
    let egress = created.egress_config.as_ref().expect("egress_config");
    let stable = egress
        .default_rules
        .as_ref()
        .and_then(|rules| rules.aws_stable_ip_rule.as_ref());
    assert_eq!(stable.and_then(|rule| rule.cidr_blocks.as_ref()).map(Vec::len), Some(2));
    let targets = egress
        .target_rules
        .as_ref()
        .and_then(|rules| rules.aws_private_endpoint_rules.as_deref());
    assert_eq!(
        targets.map(|rules| rules[0].connection_state.clone()),
        Some(Some(
            models::CustomerFacingNetworkConnectivityConfigAwsPrivateEndpointRulePrivateLinkConnectionState::Established
        ))
    );
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_network_connectivity_create_private_endpoint_rule() {
    let t = setup("accountNetworkConnectivity.createPrivateEndpointRule").await;
    let body = models::CreatePrivateEndpointRule {
        endpoint_service: Some("com.amazonaws.us-west-2.s3".into()),
        resource_names: Some(vec!["acme-lakehouse-prod".into()]),
        ..Default::default()
    };
    let rule = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .create_private_endpoint_rule(NCC_ID, &body)
            .await,
    );
    t.verify(&rule).await;
    assert_eq!(rule.rule_id.as_deref(), Some(RULE_ID));
    assert_eq!(
        rule.connection_state,
        Some(models::NccPrivateEndpointRulePrivateLinkConnectionState::Creating)
    );
    assert_eq!(rule.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_network_connectivity_delete_network_connectivity_configuration() {
    let t = setup("accountNetworkConnectivity.deleteNetworkConnectivityConfiguration").await;
    let ack = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .delete_network_connectivity_configuration(NCC_ID)
            .await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn account_network_connectivity_delete_private_endpoint_rule() {
    let t = setup("accountNetworkConnectivity.deletePrivateEndpointRule").await;
    let rule = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .delete_private_endpoint_rule(NCC_ID, RULE_ID)
            .await,
    );
    t.verify(&rule).await;
    assert_eq!(rule.deactivated, Some(true));
    assert_eq!(rule.deactivated_at, Some(1_718_206_200_000));
}

#[tokio::test]
async fn account_network_connectivity_get_network_connectivity_configuration() {
    let t = setup("accountNetworkConnectivity.getNetworkConnectivityConfiguration").await;
    let ncc = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .get_network_connectivity_configuration(NCC_ID)
            .await,
    );
    t.verify(&ncc).await;
    assert_eq!(ncc.region.as_deref(), Some("us-west-2"));
    assert_eq!(ncc.updated_time, Some(1_718_119_800_000));
}

#[tokio::test]
async fn account_network_connectivity_get_private_endpoint_rule() {
    let t = setup("accountNetworkConnectivity.getPrivateEndpointRule").await;
    let rule = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .get_private_endpoint_rule(NCC_ID, RULE_ID)
            .await,
    );
    t.verify(&rule).await;
    assert_eq!(
        rule.resource_names.as_deref(),
        Some(&["acme-lakehouse-prod".to_owned()][..])
    );
    assert_eq!(rule.enabled, Some(true));
}

#[tokio::test]
async fn account_network_connectivity_list_network_connectivity_configurations() {
    let t = setup("accountNetworkConnectivity.listNetworkConnectivityConfigurations").await;
    let page = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .list_network_connectivity_configurations(
                &models::AccountNetworkConnectivityListConfigurationsParams::default(),
            )
            .await,
    );
    t.verify(&page).await;
    let nccs = page.items.as_deref().expect("items");
    assert_eq!(nccs.len(), 2);
    let azure = nccs[1].egress_config.as_ref().expect("egress_config");
    let endpoint_rule = azure
        .default_rules
        .as_ref()
        .and_then(|rules| rules.azure_service_endpoint_rule.as_ref())
        .expect("azure_service_endpoint_rule");
    assert_eq!(
        endpoint_rule.target_services.as_deref(),
        Some(
            &[
                models::EgressResourceType::AzureBlobStorage,
                models::EgressResourceType::Unrecognized("AZURE_DATA_LAKE_STORAGE".into()),
            ][..]
        )
    );
    let private = azure
        .target_rules
        .as_ref()
        .and_then(|rules| rules.azure_private_endpoint_rules.as_deref())
        .expect("azure_private_endpoint_rules");
    assert_eq!(private[0].group_id.as_deref(), Some("dfs"));
    assert_eq!(
        private[0].connection_state,
        Some(models::NccAzurePrivateEndpointRuleConnectionState::Init)
    );
    assert_eq!(nccs[1].unknown_fields["future_field"], future_field());
    assert_eq!(page.next_page_token, None);
}

#[tokio::test]
async fn account_network_connectivity_list_private_endpoint_rules() {
    let t = setup("accountNetworkConnectivity.listPrivateEndpointRules").await;
    let page = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .list_private_endpoint_rules(
                NCC_ID,
                &models::AccountNetworkConnectivityListPrivateEndpointRulesParams::default(),
            )
            .await,
    );
    t.verify(&page).await;
    let rules = page.items.as_deref().expect("items");
    assert_eq!(rules.len(), 2);
    assert_eq!(
        rules[1].connection_state,
        Some(models::NccPrivateEndpointRulePrivateLinkConnectionState::Unrecognized(
            "QUARANTINED".into()
        ))
    );
    assert_eq!(rules[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_network_connectivity_update_network_connectivity_config() {
    let t = setup("accountNetworkConnectivity.updateNetworkConnectivityConfig").await;
    let body = models::NetworkConnectivityConfiguration {
        name: Some("us-west-2-analytics".into()),
        billing_workspace_id: Some(1_234_567_890_123_456),
        ..Default::default()
    };
    let ncc = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .update_network_connectivity_config(NCC_ID, "name,billing_workspace_id", &body)
            .await,
    );
    t.verify(&ncc).await;
    assert_eq!(ncc.billing_workspace_id, Some(1_234_567_890_123_456));
    assert_eq!(ncc.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_network_connectivity_update_private_endpoint_rule() {
    let t = setup("accountNetworkConnectivity.updatePrivateEndpointRule").await;
    let body = models::UpdatePrivateEndpointRule {
        resource_names: Some(vec!["acme-lakehouse-prod".into(), "acme-lakehouse-archive".into()]),
        enabled: Some(false),
        ..Default::default()
    };
    let rule = ok(
        t.case.operation,
        t.account
            .network_connectivity()
            .update_private_endpoint_rule(NCC_ID, RULE_ID, "resource_names,enabled", &body)
            .await,
    );
    t.verify(&rule).await;
    assert_eq!(rule.enabled, Some(false));
    assert_eq!(rule.unknown_fields["future_field"], future_field());
}
