//! Current user.

use super::{future_field, ok, setup};
use databricks_client::models;

#[tokio::test]
async fn current_user_me() {
    let t = setup("currentUser.me").await;
    let params = models::CurrentUserMeParams {
        attributes: Some("id,userName,displayName,groups,schemas".into()),
        ..Default::default()
    };
    let me = ok(t.case.operation, t.client.current_user().me(&params).await);
    t.verify(&me).await;
    assert_eq!(me.id.as_deref(), Some("6340712365443129"));
    assert_eq!(me.user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(me.display_name.as_deref(), Some("Jane Doe"));
    let groups = me.groups.as_deref().expect("groups");
    assert_eq!(groups[0].display.as_deref(), Some("admins"));
    assert_eq!(groups[1].type_.as_deref(), Some("indirect"));
    assert_eq!(groups[1].ref_.as_deref(), Some("Groups/7820185474398402"));
    assert_eq!(
        me.schemas,
        Some(vec![
            models::UserSchema::UrnIetfParamsScimSchemasCore20User,
            models::UserSchema::Unrecognized("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".into()),
        ])
    );
    assert_eq!(me.unknown_fields["future_field"], future_field());
}
