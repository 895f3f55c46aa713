//! The account client: made of a configuration with an account id and an auth method the account API accepts.

use databricks_client::{AccountClient, Config, ConfigError, Error};
use databricks_tests::TOKEN;
use databricks_tests::mock::{self, ACCOUNT_ID};

fn config_error(error: &Error) -> &ConfigError {
    match error {
        Error::Config(boxed) => boxed.downcast_ref().expect("a configuration error"),
        other => panic!("not a configuration error: {other:?}"),
    }
}

#[test]
fn an_account_client_needs_the_account_id() {
    let config = Config::builder()
        .host("https://accounts.cloud.databricks.com")
        .set("username", "admin@example.com")
        .set("password", TOKEN)
        .build()
        .unwrap();
    let error = AccountClient::new(config).unwrap_err();
    assert_eq!(config_error(&error), &ConfigError::MissingAccountId);
    assert!(error.to_string().contains("DATABRICKS_ACCOUNT_ID"), "{error}");
}

#[test]
fn an_account_client_refuses_a_personal_access_token_without_showing_it() {
    let config = Config::builder()
        .host("https://accounts.cloud.databricks.com")
        .token(TOKEN)
        .set("account_id", ACCOUNT_ID)
        .build()
        .unwrap();
    let error = AccountClient::new(config).unwrap_err();
    assert!(
        matches!(config_error(&error), ConfigError::AccountAuthMethod { method, .. } if method == "pat"),
        "{error:?}"
    );
    let shown = format!("{error} {error:?}");
    assert!(shown.contains("does not accept a personal access token"), "{shown}");
    assert!(!shown.contains(TOKEN), "{shown}");
}

#[tokio::test]
async fn an_account_client_keeps_its_account_and_authenticates_as_configured() {
    let server = mock::serve(200, "{}").await;
    let account = mock::account_client(&server);
    assert_eq!(account.account_id(), ACCOUNT_ID);
    let _: serde_json::Value = account
        .runtime()
        .raw(
            databricks_runtime::Method::Get,
            format!("/api/2.0/accounts/{ACCOUNT_ID}/workspaces"),
        )
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.path(),
        format!("/api/2.0/accounts/{ACCOUNT_ID}/workspaces")
    );
    let basic = requests[0].headers["authorization"].to_str().unwrap();
    assert!(basic.starts_with("Basic "), "{basic}");
}
