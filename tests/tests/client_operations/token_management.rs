//! Token management.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::token_management::{ADMIN_TOKEN_ID, APPLICATION_ID};

const JANE: i64 = 4_390_826_917_432_511;
const SERVICE_PRINCIPAL: i64 = 7_716_022_918_353_924;
const WORKSPACE: i64 = 1_234_567_890_123_456;

fn grant(level: models::TokenPermissionLevel) -> models::TokenAccessControlRequest {
    models::TokenAccessControlRequest {
        permission_level: Some(level),
        ..Default::default()
    }
}

#[tokio::test]
async fn token_management_create_obo_token() {
    let t = setup("tokenManagement.createOboToken").await;
    let body = models::CreateOboTokenRequest {
        comment: Some("nightly-etl service principal".into()),
        lifetime_seconds: Some(3600),
        ..models::CreateOboTokenRequest::new(APPLICATION_ID)
    };
    let created = ok(
        t.case.operation,
        t.client.token_management().create_obo_token(&body).await,
    );
    t.verify(&created).await;
    assert_eq!(
        created.token_value.as_deref(),
        Some("dapi8e1b4d7a0c3f6e9b2d5a8c1f4e7b0d3a")
    );
    assert!(!format!("{created:?}").contains("dapi8e1b"));
    let info = created.token_info.expect("token_info");
    assert_eq!(info.token_id.as_deref(), Some(ADMIN_TOKEN_ID));
    assert_eq!(info.created_by_id, Some(JANE));
    assert_eq!(info.owner_id, Some(SERVICE_PRINCIPAL));
    assert_eq!(info.workspace_id, Some(WORKSPACE));
    assert_eq!(info.expiry_time, Some(1_705_314_617_000));
}

#[tokio::test]
async fn token_management_delete() {
    let t = setup("tokenManagement.delete").await;
    let ack = ok(
        t.case.operation,
        t.client.token_management().delete(ADMIN_TOKEN_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn token_management_get() {
    let t = setup("tokenManagement.get").await;
    let got = ok(t.case.operation, t.client.token_management().get(ADMIN_TOKEN_ID).await);
    t.verify(&got).await;
    let info = got.token_info.expect("token_info");
    assert_eq!(info.created_by_username.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(info.owner_id, Some(SERVICE_PRINCIPAL));
    assert_eq!(info.last_used_day, Some(1_705_276_800_000));
    assert_eq!(
        info.autoscope_state,
        Some(models::AutoscopeState::Unrecognized("AUTOSCOPE_STATE_PAUSED".into()))
    );
    assert_eq!(info.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn token_management_get_permission_levels() {
    let t = setup("tokenManagement.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client.token_management().get_permission_levels().await,
    );
    t.verify(&levels).await;
    let levels = levels.permission_levels.expect("permission_levels");
    assert_eq!(levels.len(), 1);
    assert_eq!(levels[0].permission_level, Some(models::TokenPermissionLevel::CanUse));
}

#[tokio::test]
async fn token_management_get_permissions() {
    let t = setup("tokenManagement.getPermissions").await;
    let permissions = ok(t.case.operation, t.client.token_management().get_permissions().await);
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("authorization/tokens"));
    assert_eq!(
        acl_levels::<models::TokenPermissionLevel>(&permissions),
        [
            models::TokenPermissionLevel::Unrecognized("CAN_MANAGE".into()),
            models::TokenPermissionLevel::CanUse,
            models::TokenPermissionLevel::CanUse,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[0].group_name.as_deref(), Some("admins"));
    assert_eq!(acl[2].service_principal_name.as_deref(), Some(APPLICATION_ID));
    assert_eq!(acl[2].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn token_management_list() {
    let t = setup("tokenManagement.list").await;
    let params = models::TokenManagementListParams {
        created_by_id: Some(JANE),
        created_by_username: Some("jane.doe@example.com".into()),
    };
    let listing = ok(t.case.operation, t.client.token_management().list(&params).await);
    t.verify(&listing).await;

    let tokens = listing.token_infos.as_deref().expect("token_infos");
    assert_eq!(tokens.len(), 2);
    assert_eq!(tokens[0].expiry_time, Some(-1));
    assert_eq!(tokens[0].owner_id, Some(JANE));
    assert_eq!(tokens[1].owner_id, Some(SERVICE_PRINCIPAL));
    assert_eq!(tokens[1].scopes.as_deref(), Some(&["jobs".to_owned()][..]));
    assert_eq!(tokens[1].unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn token_management_set_permissions() {
    let t = setup("tokenManagement.setPermissions").await;
    let body = models::TokenPermissionsRequest {
        access_control_list: Some(vec![
            models::TokenAccessControlRequest {
                group_name: Some("data-engineers".into()),
                ..grant(models::TokenPermissionLevel::CanUse)
            },
            models::TokenAccessControlRequest {
                service_principal_name: Some(APPLICATION_ID.into()),
                ..grant(models::TokenPermissionLevel::CanUse)
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.token_management().set_permissions(&body).await,
    );
    t.verify(&permissions).await;
    assert_eq!(permissions.object_type.as_deref(), Some("tokens"));
    assert_eq!(acl_levels::<models::TokenPermissionLevel>(&permissions).len(), 3);
}

#[tokio::test]
async fn token_management_update_permissions() {
    let t = setup("tokenManagement.updatePermissions").await;
    let body = models::TokenPermissionsRequest {
        access_control_list: Some(vec![models::TokenAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            ..grant(models::TokenPermissionLevel::CanUse)
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.token_management().update_permissions(&body).await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::TokenPermissionLevel>(&permissions),
        [
            models::TokenPermissionLevel::Unrecognized("CAN_MANAGE".into()),
            models::TokenPermissionLevel::CanUse,
        ]
    );
}

#[tokio::test]
async fn token_management_update() {
    let t = setup("tokenManagement.update").await;
    let token = models::TokenInfo {
        comment: Some("nightly-etl (rotated 2024-01)".into()),
        ..Default::default()
    };
    let body = models::UpdateTokenManagementRequest::new(token, "comment");
    let updated = ok(
        t.case.operation,
        t.client.token_management().update(ADMIN_TOKEN_ID, &body).await,
    );
    t.verify(&updated).await;
    assert_eq!(updated.token_id.as_deref(), Some(ADMIN_TOKEN_ID));
    assert_eq!(updated.comment.as_deref(), Some("nightly-etl (rotated 2024-01)"));
    assert_eq!(updated.owner_id, Some(SERVICE_PRINCIPAL));
}
