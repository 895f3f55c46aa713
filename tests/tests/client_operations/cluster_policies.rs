//! Cluster policies.

use super::{future_field, ok, setup};
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
    assert_eq!(created.policy_id, POLICY_ID);
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
    let policy = ok(
        t.case.operation,
        t.client
            .cluster_policies()
            .get(&models::ClusterPoliciesGetParams::new(POLICY_ID))
            .await,
    );
    t.verify(&policy).await;

    assert_eq!(policy.policy_id, POLICY_ID);
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
    assert_eq!(policies[0].policy_id, POLICY_ID);
    let personal = &policies[1];
    assert_eq!(personal.is_default, Some(true));
    assert_eq!(personal.policy_family_id.as_deref(), Some("personal-vm"));
    assert_eq!(personal.max_clusters_per_user, Some(1));
    assert_eq!(personal.unknown_fields["policy_family_version"], 4);
    assert_eq!(listing.unknown_fields["total_count"], 2);
}
