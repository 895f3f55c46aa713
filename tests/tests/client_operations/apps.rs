//! Apps.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::apps::{APP_NAME, DEPLOYMENT_ID, SERVICE_PRINCIPAL_ID};

const JANE: &str = "jane.doe@example.com";
const WAREHOUSE_ID: &str = "4b9a6f2c1d3e5a7b";
const REPOSITORY: &str = "https://github.com/example-org/dashboards.git";

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| (*value).to_owned()).collect()
}

fn warehouse() -> models::AppResource {
    models::AppResource {
        sql_warehouse: Some(models::AppResourceSqlWarehouse::new(
            WAREHOUSE_ID,
            models::AppResourceSqlWarehousePermission::CanUse,
        )),
        ..models::AppResource::new("warehouse")
    }
}

/// The app of the shared response, read back field by field.
fn check_app(app: &models::App) {
    assert_eq!(app.name, APP_NAME);
    assert_eq!(app.compute_size, Some(models::AppComputeSize::Medium));
    let compute = app.compute_status.as_ref().expect("compute_status");
    assert_eq!(compute.state, Some(models::AppComputeState::Active));
    assert_eq!(compute.active_instances, Some(1));
    let status = app.app_status.as_ref().expect("app_status");
    assert_eq!(status.state, Some(models::AppApplicationState::Running));
    assert_eq!(app.service_principal_id, Some(SERVICE_PRINCIPAL_ID));
    let resources = app.resources.as_deref().expect("resources");
    assert_eq!(
        resources[0],
        models::AppResource {
            description: Some("Runs the dashboard's queries".into()),
            ..warehouse()
        }
    );
    let secret = resources[1].secret.as_ref().expect("secret resource");
    assert_eq!((secret.scope.as_str(), secret.key.as_str()), ("sales", "maps-api-key"));
    assert_eq!(
        secret.permission,
        models::AppResourceSecretPermission::Unrecognized("READ_WRITE".into())
    );
    let active = app.active_deployment.as_ref().expect("active_deployment");
    assert_eq!(active.deployment_id.as_deref(), Some(DEPLOYMENT_ID));
    assert_eq!(active.mode, Some(models::AppDeploymentMode::Snapshot));
    assert_eq!(
        active.status.as_ref().and_then(|status| status.state.clone()),
        Some(models::AppDeploymentState::Succeeded)
    );
    assert_eq!(app.unknown_fields["future_field"], future_field());
}

/// The deployment of the shared response.
fn check_deployment(deployment: &models::AppDeployment) {
    assert_eq!(deployment.deployment_id.as_deref(), Some(DEPLOYMENT_ID));
    assert_eq!(
        deployment.mode,
        Some(models::AppDeploymentMode::Unrecognized("GIT_SYNC".into()))
    );
    let git = deployment.git_source.as_ref().expect("git_source");
    assert_eq!(git.branch.as_deref(), Some("main"));
    assert_eq!(
        git.git_repository.as_ref().map(|repository| repository.url.as_str()),
        Some(REPOSITORY)
    );
    let env = deployment.env_vars.as_deref().expect("env_vars");
    assert_eq!(env[1].value_from.as_deref(), Some("api-key"));
    assert_eq!(
        deployment.status.as_ref().and_then(|status| status.state.clone()),
        Some(models::AppDeploymentState::InProgress)
    );
}

fn check_permissions(permissions: &models::AppPermissions) {
    assert_eq!(permissions.object_type.as_deref(), Some("apps"));
    assert_eq!(
        acl_levels::<models::AppPermissionLevel>(permissions),
        [
            models::AppPermissionLevel::CanManage,
            models::AppPermissionLevel::CanUse,
            models::AppPermissionLevel::Unrecognized("CAN_DEPLOY".into()),
            models::AppPermissionLevel::CanManage,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let inherited = &acl[3].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(inherited.inherited, Some(true));
    assert_eq!(inherited.inherited_from_object, Some(strings(&["/apps/"])));
    assert_eq!(acl[3].unknown_fields["future_field"], future_field());
}

fn grant() -> models::AppPermissionsRequest {
    models::AppPermissionsRequest {
        access_control_list: Some(vec![models::AppAccessControlRequest {
            group_name: Some("sales-analysts".into()),
            permission_level: Some(models::AppPermissionLevel::CanUse),
            ..Default::default()
        }]),
        ..Default::default()
    }
}

#[tokio::test]
async fn apps_create() {
    let t = setup("apps.create").await;
    let params = models::AppsCreateParams {
        no_compute: Some(false),
    };
    let body = models::App {
        description: Some("Daily sales by region".into()),
        compute_size: Some(models::AppComputeSize::Medium),
        resources: Some(vec![
            warehouse(),
            models::AppResource {
                uc_securable: Some(models::AppResourceUcSecurable::new(
                    "main.sales.raw_files",
                    models::AppResourceUcSecurableSecurableType::Volume,
                    models::AppResourceUcSecurablePermission::ReadVolume,
                )),
                ..models::AppResource::new("sales-files")
            },
        ]),
        user_api_scopes: Some(strings(&["sql"])),
        ..models::App::new(APP_NAME)
    };
    let app = ok(t.case.operation, t.client.apps().create(&params, &body).await);
    t.verify(&app).await;
    check_app(&app);
}

#[tokio::test]
async fn apps_delete() {
    let t = setup("apps.delete").await;
    let app = ok(t.case.operation, t.client.apps().delete(APP_NAME).await);
    t.verify(&app).await;
    check_app(&app);
}

#[tokio::test]
async fn apps_deploy() {
    let t = setup("apps.deploy").await;
    let body = models::AppDeployment {
        git_source: Some(models::AppGitSource {
            branch: Some("main".into()),
            source_code_path: Some("apps/sales-dashboard".into()),
            ..Default::default()
        }),
        command: Some(strings(&["streamlit", "run", "app.py"])),
        env_vars: Some(vec![
            models::AppEnvVar {
                name: Some("REGION".into()),
                value: Some("emea".into()),
                ..Default::default()
            },
            models::AppEnvVar {
                name: Some("MAPS_API_KEY".into()),
                value_from: Some("api-key".into()),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let deployment = ok(t.case.operation, t.client.apps().deploy(APP_NAME, &body).await);
    t.verify(&deployment).await;
    check_deployment(&deployment);
}

#[tokio::test]
async fn apps_get() {
    let t = setup("apps.get").await;
    let app = ok(t.case.operation, t.client.apps().get(APP_NAME).await);
    t.verify(&app).await;
    check_app(&app);
    assert_eq!(app.creator.as_deref(), Some(JANE));
    assert_eq!(
        app.effective_user_api_scopes,
        Some(strings(&["sql", "iam.current-user:read"]))
    );
}

#[tokio::test]
async fn apps_get_deployment() {
    let t = setup("apps.getDeployment").await;
    let deployment = ok(
        t.case.operation,
        t.client.apps().get_deployment(APP_NAME, DEPLOYMENT_ID).await,
    );
    t.verify(&deployment).await;
    check_deployment(&deployment);
}

#[tokio::test]
async fn apps_get_permission_levels() {
    let t = setup("apps.getPermissionLevels").await;
    let levels = ok(t.case.operation, t.client.apps().get_permission_levels(APP_NAME).await);
    t.verify(&levels).await;
    let levels = levels.permission_levels.expect("permission_levels");
    let levels: Vec<_> = levels.into_iter().map(|level| level.permission_level).collect();
    assert_eq!(
        levels,
        [
            Some(models::AppPermissionLevel::CanUse),
            Some(models::AppPermissionLevel::CanManage),
            Some(models::AppPermissionLevel::Unrecognized("CAN_DEPLOY".into())),
        ]
    );
}

#[tokio::test]
async fn apps_get_permissions() {
    let t = setup("apps.getPermissions").await;
    let permissions = ok(t.case.operation, t.client.apps().get_permissions(APP_NAME).await);
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn apps_list() {
    let t = setup("apps.list").await;
    let params = models::AppsListParams {
        page_size: Some(2),
        page_token: Some("CAESEHNhbGVzLWRhc2hib2FyZA".into()),
        space: Some("sales".into()),
    };
    let page = ok(t.case.operation, t.client.apps().list(&params).await);
    t.verify(&page).await;
    let apps = page.apps.as_deref().expect("apps");
    assert_eq!(apps.len(), 2);
    assert_eq!(
        apps[1].compute_status.as_ref().and_then(|status| status.state.clone()),
        Some(models::AppComputeState::Unrecognized("HIBERNATING".into()))
    );
    assert_eq!(page.next_page_token.as_deref(), Some("CAESDnNhbGVzLWZvcmVjYXN0"));
}

#[tokio::test]
async fn apps_list_deployments() {
    let t = setup("apps.listDeployments").await;
    let params = models::AppsListDeploymentsParams {
        page_size: Some(20),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.apps().list_deployments(APP_NAME, &params).await,
    );
    t.verify(&page).await;
    let deployments = page.app_deployments.as_deref().expect("app_deployments");
    assert_eq!(deployments[0].deployment_id.as_deref(), Some(DEPLOYMENT_ID));
    assert_eq!(
        deployments[1]
            .status
            .as_ref()
            .and_then(|status| status.message.as_deref()),
        Some("App started successfully")
    );
    assert!(page.next_page_token.is_none());
}

#[tokio::test]
async fn apps_set_permissions() {
    let t = setup("apps.setPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client.apps().set_permissions(APP_NAME, &grant()).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn apps_start() {
    let t = setup("apps.start").await;
    let app = ok(t.case.operation, t.client.apps().start(APP_NAME).await);
    t.verify(&app).await;
    assert_eq!(
        app.compute_status.and_then(|status| status.state),
        Some(models::AppComputeState::Starting)
    );
}

#[tokio::test]
async fn apps_stop() {
    let t = setup("apps.stop").await;
    let app = ok(t.case.operation, t.client.apps().stop(APP_NAME).await);
    t.verify(&app).await;
    assert_eq!(
        app.compute_status.and_then(|status| status.state),
        Some(models::AppComputeState::Stopping)
    );
}

#[tokio::test]
async fn apps_update() {
    let t = setup("apps.update").await;
    let body = models::App {
        description: Some("Daily and weekly sales by region".into()),
        compute_size: Some(models::AppComputeSize::Large),
        git_repository: Some(models::AppGitRepository {
            auto_deploy: Some(true),
            ..models::AppGitRepository::new("gitHub", REPOSITORY)
        }),
        ..models::App::new(APP_NAME)
    };
    let app = ok(t.case.operation, t.client.apps().update(APP_NAME, &body).await);
    t.verify(&app).await;
    check_app(&app);
}

#[tokio::test]
async fn apps_update_permissions() {
    let t = setup("apps.updatePermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client.apps().update_permissions(APP_NAME, &grant()).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}
