//! Git folders (repos).

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::repos::{HEAD_COMMIT, REPO_ID, REPO_ID_TEXT, REPO_PATH, REPO_URL};

const CREDENTIAL_ID: i64 = 94_810_352_917_843;

fn patterns(values: &[&str]) -> Option<models::RepoSparseCheckout> {
    Some(models::RepoSparseCheckout {
        patterns: Some(values.iter().map(|value| (*value).to_owned()).collect()),
        ..Default::default()
    })
}

fn grant(
    user: Option<&str>,
    group: Option<&str>,
    level: models::RepoPermissionLevel,
) -> models::RepoAccessControlRequest {
    models::RepoAccessControlRequest {
        user_name: user.map(Into::into),
        group_name: group.map(Into::into),
        permission_level: Some(level),
        ..Default::default()
    }
}

fn check_permissions(permissions: &models::RepoPermissions) {
    assert_eq!(permissions.object_id.as_deref(), Some("/repos/1064217325418807"));
    assert_eq!(
        acl_levels::<models::RepoPermissionLevel>(permissions),
        [
            models::RepoPermissionLevel::CanManage,
            models::RepoPermissionLevel::Unrecognized("CAN_COMMIT".into()),
            models::RepoPermissionLevel::CanManage,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let inherited = &acl[2].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(inherited.inherited, Some(true));
    assert_eq!(
        inherited.inherited_from_object.as_deref(),
        Some(&["/directories/2390481762937481".to_owned()][..])
    );
    assert_eq!(acl[2].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn repos_create() {
    let t = setup("repos.create").await;
    let body = models::CreateRepoRequest {
        path: Some(REPO_PATH.into()),
        git_credential_id: Some(CREDENTIAL_ID),
        sparse_checkout: patterns(&["pipelines/", "shared/utils/"]),
        ..models::CreateRepoRequest::new(REPO_URL, "gitHub")
    };
    let created = ok(t.case.operation, t.client.repos().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id, Some(REPO_ID));
    assert_eq!(created.branch.as_deref(), Some("main"));
    assert_eq!(created.head_commit_id.as_deref(), Some(HEAD_COMMIT));
}

#[tokio::test]
async fn repos_delete() {
    let t = setup("repos.delete").await;
    let ack = ok(t.case.operation, t.client.repos().delete(REPO_ID).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn repos_get() {
    let t = setup("repos.get").await;
    let repo = ok(t.case.operation, t.client.repos().get(REPO_ID).await);
    t.verify(&repo).await;
    assert_eq!(repo.id, Some(REPO_ID));
    assert_eq!(repo.path.as_deref(), Some(REPO_PATH));
    assert_eq!(repo.url.as_deref(), Some(REPO_URL));
    assert_eq!(repo.provider.as_deref(), Some("gitHub"));
    assert_eq!(repo.git_cli_enabled, Some(false));
    assert_eq!(repo.sparse_checkout, patterns(&["pipelines/", "shared/utils/"]));
    assert_eq!(repo.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn repos_get_permission_levels() {
    let t = setup("repos.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client.repos().get_permission_levels(REPO_ID_TEXT).await,
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
            models::RepoPermissionLevel::CanRead,
            models::RepoPermissionLevel::CanRun,
            models::RepoPermissionLevel::CanEdit,
            models::RepoPermissionLevel::CanManage,
        ]
    );
}

#[tokio::test]
async fn repos_get_permissions() {
    let t = setup("repos.getPermissions").await;
    let permissions = ok(t.case.operation, t.client.repos().get_permissions(REPO_ID_TEXT).await);
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn repos_list() {
    let t = setup("repos.list").await;
    let params = models::ReposListParams {
        path_prefix: Some("/Repos/jane.doe@example.com".into()),
        next_page_token: Some("eyJyZXBvX2lkIjoxMDY0MjE3MzI1NDE4ODA3fQ==".into()),
    };
    let page = ok(t.case.operation, t.client.repos().list(&params).await);
    t.verify(&page).await;
    let repos = page.repos.as_deref().expect("repos");
    assert_eq!(repos.len(), 2);
    assert_eq!(repos[0].id, Some(REPO_ID));
    assert_eq!(repos[1].id, Some(2_291_847_305_127_764));
    assert_eq!(repos[1].provider.as_deref(), Some("gitLabEnterpriseEdition"));
    assert_eq!(repos[1].branch, None, "a detached HEAD has no branch");
    assert_eq!(repos[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("eyJyZXBvX2lkIjoyMjkxODQ3MzA1MTI3NzY0fQ==")
    );
}

#[tokio::test]
async fn repos_set_permissions() {
    let t = setup("repos.setPermissions").await;
    let body = models::RepoPermissionsRequest {
        access_control_list: Some(vec![
            grant(
                Some("jane.doe@example.com"),
                None,
                models::RepoPermissionLevel::CanManage,
            ),
            grant(None, Some("data-engineers"), models::RepoPermissionLevel::CanEdit),
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.repos().set_permissions(REPO_ID_TEXT, &body).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn repos_update() {
    let t = setup("repos.update").await;
    let body = models::UpdateRepoRequest {
        branch: Some("release-2024.06".into()),
        git_credential_id: Some(CREDENTIAL_ID),
        sparse_checkout: patterns(&["pipelines/"]),
        dangerously_force_discard_all: Some(false),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.repos().update(REPO_ID, &body).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn repos_update_permissions() {
    let t = setup("repos.updatePermissions").await;
    let body = models::RepoPermissionsRequest {
        access_control_list: Some(vec![grant(
            None,
            Some("data-engineers"),
            models::RepoPermissionLevel::CanRun,
        )]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.repos().update_permissions(REPO_ID_TEXT, &body).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}
