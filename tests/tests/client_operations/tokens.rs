//! Tokens.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::tokens::TOKEN_ID;

#[tokio::test]
async fn tokens_create() {
    let t = setup("tokens.create").await;
    let body = models::CreateTokenRequest {
        comment: Some("CI deploy pipeline".into()),
        lifetime_seconds: Some(7_776_000),
        autoscope_enabled: Some(false),
        scopes: Some(vec!["clusters".into(), "jobs".into()]),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.tokens().create(&body).await);
    t.verify(&created).await;
    assert_eq!(
        created.token_value.as_deref(),
        Some("dapi3f9c2b7e8a1d4c6f0b5e9a2d7c4f1e8b")
    );
    // The secret never shows up in debug output.
    let debug = format!("{created:?}");
    assert!(!debug.contains("dapi3f9c"), "token value leaked into {debug}");
    assert!(debug.contains("<redacted>"));
    let info = created.token_info.expect("token_info");
    assert_eq!(info.token_id.as_deref(), Some(TOKEN_ID));
    assert_eq!(info.creation_time, Some(1_705_311_017_000));
    assert_eq!(info.expiry_time, Some(1_713_087_017_000));
}

#[tokio::test]
async fn tokens_delete() {
    let t = setup("tokens.delete").await;
    let ack = ok(
        t.case.operation,
        t.client
            .tokens()
            .delete(&models::RevokeTokenRequest::new(TOKEN_ID))
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn tokens_list() {
    let t = setup("tokens.list").await;
    let listing = ok(t.case.operation, t.client.tokens().list().await);
    t.verify(&listing).await;

    let tokens = listing.token_infos.as_deref().expect("token_infos");
    assert_eq!(tokens.len(), 3);
    assert_eq!(
        tokens[0].scopes.as_deref(),
        Some(&["clusters".to_owned(), "jobs".to_owned()][..])
    );
    // A token that never expires.
    assert_eq!(tokens[1].expiry_time, Some(-1));
    assert_eq!(tokens[1].autoscope_state, None);
    assert_eq!(
        tokens[2].autoscope_state,
        Some(models::AutoscopeState::Unrecognized("AUTOSCOPE_STATE_PAUSED".into()))
    );
    assert_eq!(tokens[2].inferred_scopes.as_deref(), Some(&["sql".to_owned()][..]));
    assert_eq!(tokens[2].unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn tokens_update() {
    let t = setup("tokens.update").await;
    let token = models::PublicTokenInfo {
        comment: Some("CI deploy pipeline (prod)".into()),
        scopes: Some(vec!["clusters".into(), "jobs".into(), "workspace".into()]),
        ..Default::default()
    };
    let body = models::UpdateTokenRequest::new(token, "comment,scopes");
    let ack = ok(t.case.operation, t.client.tokens().update(TOKEN_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
