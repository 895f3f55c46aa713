//! `azure-cli`: the Azure CLI's login (`az login`). Each token comes from
//! `az account get-access-token --resource <resource> --output json`, with the arguments the Go SDK adds:
//! `--tenant` with the workspace's tenant (unless az is logged in as a managed identity, and retried
//! without it for a service principal), and, when no tenant is known, `--subscription` from
//! `azure_workspace_resource_id`, retried without it when that subscription is not accessible. `az` is
//! looked up on the configuration's `PATH`; in the default chain the method applies to Azure workspaces
//! when `az` is there.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use serde::Deserialize;

use super::{AzureHeaders, Management, Tenant, require_azure};
use crate::auth::oauth::seconds;
use crate::auth::token::{Token, TokenSource};
use crate::auth::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable};
use crate::config::{Settings, Source};

/// How long `az` may take; it may have to refresh its own login over the network first.
const AZ_TIMEOUT: Duration = Duration::from_secs(60);
/// At most this much of what `az` printed on failure goes into the error.
const STDERR_LINES: usize = 5;
const STDERR_CHARS: usize = 1000;

#[cfg(windows)]
const AZ_NAMES: &[&str] = &["az.cmd", "az.exe"];
#[cfg(not(windows))]
const AZ_NAMES: &[&str] = &["az"];

pub(crate) struct AzureCli;

impl CredentialsProvider for AzureCli {
    fn method(&self) -> AuthMethod {
        AuthMethod::AzureCli
    }

    fn configure(&self, settings: &Settings, forced: bool) -> Result<Credentials, Unavailable> {
        require_azure(settings, forced)?;
        let path = settings.env().var("PATH").unwrap_or_default();
        let Some(program) = find_on_path(&path, AZ_NAMES) else {
            return Err(if forced {
                Unavailable::Broken(
                    "the Azure CLI (az) is not on PATH; install it (https://learn.microsoft.com/cli/azure/install-azure-cli) \
                     and run `az login`, or choose another auth type"
                        .to_owned(),
                )
            } else {
                Unavailable::NotConfigured("the Azure CLI (az) is not on PATH".to_owned())
            });
        };
        let login = Arc::new(AzLogin {
            az: Az { program, path },
            tenant: Tenant::of(settings),
            tenant_source: settings.source("azure_tenant_id").cloned(),
            subscription: settings.get("azure_workspace_resource_id").and_then(subscription_of),
        });
        let headers = AzureHeaders::new(settings, Management::IfAvailable, |resource| AzToken {
            login: login.clone(),
            resource,
        })?;
        Ok(Credentials::new(
            self.method(),
            Source::Ambient("the Azure CLI's login (az)".to_owned()),
            headers,
        ))
    }
}

/// The first of `names` that is an executable file in a directory of `path`.
fn find_on_path(path: &str, names: &[&str]) -> Option<PathBuf> {
    std::env::split_paths(path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        metadata.is_file() && metadata.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        metadata.is_file()
    }
}

/// The subscription of `/subscriptions/<id>/resourceGroups/...`.
fn subscription_of(resource_id: &str) -> Option<String> {
    let mut parts = resource_id.trim().split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(""), Some(kind), Some(id)) if kind.eq_ignore_ascii_case("subscriptions") && !id.is_empty() => {
            Some(id.to_owned())
        }
        _ => None,
    }
}

/// The `az` executable, run with the configuration's `PATH`.
struct Az {
    program: PathBuf,
    path: String,
}

/// Why a run of `az` gave nothing.
struct AzFailure {
    /// The command line, as a user could type it.
    command: String,
    why: String,
    /// What it printed on standard error, trimmed, for choosing the next step.
    stderr: String,
}

impl Az {
    async fn run(&self, args: &[&str]) -> Result<Vec<u8>, AzFailure> {
        let command = format!("az {}", args.join(" "));
        let failure = |why: String, stderr: String| AzFailure {
            command: command.clone(),
            why,
            stderr,
        };
        tracing::debug!("running {command}");
        let run = tokio::process::Command::new(&self.program)
            .args(args)
            .env("PATH", &self.path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .output();
        let output = match tokio::time::timeout(AZ_TIMEOUT, run).await {
            Err(_) => {
                let why = format!("gave no answer within {} s", AZ_TIMEOUT.as_secs());
                return Err(failure(why, String::new()));
            }
            Ok(Err(error)) => {
                let why = format!("could not be run ({}: {error})", self.program.display());
                return Err(failure(why, String::new()));
            }
            Ok(Ok(output)) => output,
        };
        if output.status.success() {
            return Ok(output.stdout);
        }
        let stderr = first_lines(&String::from_utf8_lossy(&output.stderr));
        let status = match output.status.code() {
            Some(code) => format!("exit status {code}"),
            None => "killed by a signal".to_owned(),
        };
        let why = if stderr.is_empty() {
            format!("failed ({status}) and printed nothing on standard error")
        } else {
            format!("failed ({status}): {stderr}")
        };
        Err(failure(why, stderr))
    }
}

/// The first few non-empty lines of `text`, on one line, at most [`STDERR_CHARS`] characters.
fn first_lines(text: &str) -> String {
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(STDERR_LINES)
        .collect::<Vec<_>>()
        .join(" ");
    match lines.char_indices().nth(STDERR_CHARS) {
        Some((at, _)) => format!("{}...", &lines[..at]),
        None => lines,
    }
}

/// What every token request shares: `az`, the tenant and the subscription.
struct AzLogin {
    az: Az,
    tenant: Tenant,
    /// Where a configured tenant came from, for the next step after a failure.
    tenant_source: Option<Source>,
    subscription: Option<String>,
}

/// Who `az` is logged in as (`az account show`: `user.type`, `user.name`).
enum Account {
    User,
    ServicePrincipal,
    /// A managed identity (`az login --identity`): `--tenant` must not be passed.
    ManagedIdentity,
}

impl AzLogin {
    async fn account(&self) -> Account {
        #[derive(Deserialize)]
        struct Shown {
            user: Option<User>,
        }
        #[derive(Deserialize)]
        struct User {
            #[serde(default)]
            name: String,
            #[serde(rename = "type", default)]
            kind: String,
        }
        // Unreadable, it is taken for a user's: the token request that follows reports the real problem.
        let shown = self.az.run(&["account", "show", "--output", "json"]).await.ok();
        let user = shown
            .and_then(|stdout| serde_json::from_slice::<Shown>(&stdout).ok())
            .and_then(|shown| shown.user);
        match user {
            Some(user) if user.kind == "servicePrincipal" => {
                if matches!(user.name.as_str(), "systemAssignedIdentity" | "userAssignedIdentity") {
                    Account::ManagedIdentity
                } else {
                    Account::ServicePrincipal
                }
            }
            _ => Account::User,
        }
    }

    /// A token for `resource`, with `--tenant` when the tenant is known and the login allows it.
    async fn token(&self, http: &reqwest::Client, resource: &str) -> Result<Token, AuthError> {
        let Ok(tenant) = self.tenant.get(http).await else {
            return self.token_with(resource, None, true).await;
        };
        match self.account().await {
            Account::ManagedIdentity => self.token_with(resource, None, false).await,
            Account::User => self.token_with(resource, Some(tenant), false).await,
            // A federated service principal's login cannot name a tenant: try again without.
            Account::ServicePrincipal => match self.token_with(resource, Some(tenant), false).await {
                Ok(token) => Ok(token),
                Err(first) => {
                    tracing::debug!("{first}; trying again without --tenant");
                    self.token_with(resource, None, false).await.map_err(|_| first)
                }
            },
        }
    }

    async fn token_with(
        &self,
        resource: &str,
        tenant: Option<&str>,
        by_subscription: bool,
    ) -> Result<Token, AuthError> {
        let mut args = vec![
            "account",
            "get-access-token",
            "--resource",
            resource,
            "--output",
            "json",
        ];
        if let Some(tenant) = tenant {
            args.extend(["--tenant", tenant]);
        }
        if let (true, Some(subscription)) = (by_subscription, &self.subscription) {
            let mut with_subscription = args.clone();
            with_subscription.extend(["--subscription", subscription.as_str()]);
            // Someone may use the workspace without access to its subscription.
            match self.az.run(&with_subscription).await {
                Ok(stdout) => return parse_token(&stdout, &with_subscription),
                Err(failure) => tracing::debug!("`{}` {}; trying without it", failure.command, failure.why),
            }
        }
        let stdout = self
            .az
            .run(&args)
            .await
            .map_err(|failure| self.explain(&failure, tenant))?;
        parse_token(&stdout, &args)
    }

    /// The failure with the next step.
    fn explain(&self, failure: &AzFailure, tenant: Option<&str>) -> AuthError {
        let next = if failure.stderr.contains("No subscription found") {
            "run `az login --allow-no-subscriptions`, or `az account set` a subscription".to_owned()
        } else if let Some(tenant) = tenant {
            let from = match &self.tenant_source {
                Some(source) => format!("azure_tenant_id from {source}"),
                None => "found at the workspace's login page".to_owned(),
            };
            format!("run `az login --tenant {tenant}` to log in to the workspace's tenant ({from})")
        } else {
            "run `az login`".to_owned()
        };
        AuthError::new(format!(
            "Azure CLI token request failed: `{}` {}; {next}",
            failure.command, failure.why
        ))
    }
}

/// Tokens of the Azure CLI's login for one resource.
struct AzToken {
    login: Arc<AzLogin>,
    resource: String,
}

impl TokenSource for AzToken {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        Box::pin(self.login.token(http, &self.resource))
    }
}

/// `az account get-access-token --output json`. `expires_on` (seconds since the epoch) is printed by az
/// 2.54 and later; older ones print only `expiresOn` in local time, which cannot be read without the time
/// zone database, so the token's own `exp` claim is used instead.
fn parse_token(stdout: &[u8], args: &[&str]) -> Result<Token, AuthError> {
    #[derive(Deserialize)]
    struct AccessToken {
        #[serde(rename = "accessToken")]
        access_token: String,
        #[serde(rename = "tokenType", default)]
        token_type: Option<String>,
        #[serde(default, deserialize_with = "seconds")]
        expires_on: Option<u64>,
    }
    let answer: AccessToken = serde_json::from_slice(stdout).map_err(|_| {
        AuthError::new(format!(
            "`az {}` printed no access token (no `accessToken` in a JSON object); update the Azure CLI",
            args.join(" ")
        ))
    })?;
    let expires_at = answer
        .expires_on
        .map(|epoch| SystemTime::UNIX_EPOCH + Duration::from_secs(epoch))
        .or_else(|| jwt_expiry(&answer.access_token));
    Ok(Token {
        access_token: crate::config::Secret::new(answer.access_token),
        token_type: answer.token_type.unwrap_or_else(|| "Bearer".to_owned()),
        expires_at,
    })
}

/// The `exp` claim of a JWT, unverified: only to know when to ask for a new one.
fn jwt_expiry(token: &str) -> Option<SystemTime> {
    let payload = token.split('.').nth(1)?;
    let claims = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let exp = serde_json::from_slice::<serde_json::Value>(&claims)
        .ok()?
        .get("exp")?
        .as_u64()?;
    Some(SystemTime::UNIX_EPOCH + Duration::from_secs(exp))
}

#[cfg(all(test, unix))]
mod tests {

    use wiremock::MockServer;

    use super::*;
    use crate::auth::azure::tests::{builder, headers_received, workspace};

    const APP: &str = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";
    const MANAGEMENT: &str = "https://management.core.windows.net/";

    /// A fake `az` in a temporary directory: it logs its arguments, one run a line, to `args.log`, answers
    /// `account show` with `account_type`/`account_name`, and runs `body` for everything else.
    struct FakeAz {
        dir: tempfile::TempDir,
    }

    impl FakeAz {
        fn new(account: (&str, &str), body: &str) -> FakeAz {
            let dir = tempfile::tempdir().unwrap();
            let log = dir.path().join("args.log");
            let (kind, name) = account;
            let script = format!(
                "#!/bin/sh\n\
                 echo \"$*\" >> '{log}'\n\
                 if [ \"$1 $2\" = 'account show' ]; then\n\
                 echo '{{\"user\": {{\"type\": \"{kind}\", \"name\": \"{name}\"}}}}'\n\
                 exit 0\n\
                 fi\n\
                 {body}\n",
                log = log.display()
            );
            let path = dir.path().join("az");
            std::fs::write(&path, script).unwrap();
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
            FakeAz { dir }
        }

        /// Answers every token request with a token named after its resource, valid for `lifetime`.
        fn issuing(lifetime: u64) -> FakeAz {
            FakeAz::new(("user", "someone@example.com"), &token_body(lifetime))
        }

        /// `PATH` with the fake first.
        fn path(&self) -> String {
            format!("{}:/usr/bin:/bin", self.dir.path().display())
        }

        /// The argument lists it was run with.
        fn runs(&self) -> Vec<String> {
            std::fs::read_to_string(self.dir.path().join("args.log"))
                .unwrap_or_default()
                .lines()
                .map(str::to_owned)
                .collect()
        }
    }

    /// Shell that prints a token `az-<resource>` expiring in `lifetime` seconds, for `--resource <r>`.
    fn token_body(lifetime: u64) -> String {
        let expires_on = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + lifetime;
        format!(
            "case \"$*\" in\n\
             *'--resource {MANAGEMENT}'*) token=az-management ;;\n\
             *) token=az-databricks ;;\n\
             esac\n\
             echo \"{{\\\"accessToken\\\": \\\"$token\\\", \\\"expiresOn\\\": \\\"2020-01-01 00:00:00.000000\\\", \
             \\\"expires_on\\\": {expires_on}, \\\"tokenType\\\": \\\"Bearer\\\", \\\"tenant\\\": \\\"t\\\"}}\""
        )
    }

    fn config(fake: &FakeAz, workspace: &MockServer, extra: &[(&str, &str)]) -> crate::Config {
        let path = fake.path();
        let mut vars = vec![("PATH", path.as_str()), ("DATABRICKS_CLOUD", "Azure")];
        vars.extend_from_slice(extra);
        builder(&vars).host(workspace.uri()).build().unwrap()
    }

    fn get_token(resource: &str, rest: &str) -> String {
        format!("account get-access-token --resource {resource} --output json{rest}")
    }

    #[tokio::test]
    async fn the_logins_tokens_are_sent_with_the_tenant_named() {
        let fake = FakeAz::issuing(3600);
        let workspace = workspace().await;
        let resource_id = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w";
        let config = config(
            &fake,
            &workspace,
            &[
                ("ARM_TENANT_ID", "tenant-1"),
                ("DATABRICKS_AZURE_RESOURCE_ID", resource_id),
            ],
        );
        assert_eq!(config.auth_method(), AuthMethod::AzureCli);
        assert_eq!(config.credentials_source().to_string(), "the Azure CLI's login (az)");
        let headers = headers_received(config, &workspace).await;
        assert_eq!(headers["authorization"], "Bearer az-databricks");
        assert_eq!(headers["x-databricks-azure-sp-management-token"], "az-management");
        assert_eq!(headers["x-databricks-azure-workspace-resource-id"], resource_id);
        // A known tenant is named; the subscription is used only when it is not.
        assert_eq!(
            fake.runs(),
            [
                "account show --output json".to_owned(),
                get_token(APP, " --tenant tenant-1"),
                "account show --output json".to_owned(),
                get_token(MANAGEMENT, " --tenant tenant-1"),
            ]
        );
    }

    #[tokio::test]
    async fn without_a_tenant_the_subscription_is_tried_first() {
        let body = format!(
            "case \"$*\" in\n*--subscription*) echo 'ERROR: Subscription sub-1 not found.' >&2; exit 1 ;;\nesac\n{}",
            token_body(3600)
        );
        let fake = FakeAz::new(("user", "someone@example.com"), &body);
        let workspace = workspace().await;
        let resource_id = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w";
        let config = config(&fake, &workspace, &[("DATABRICKS_AZURE_RESOURCE_ID", resource_id)]);
        let headers = headers_received(config, &workspace).await;
        assert_eq!(headers["authorization"], "Bearer az-databricks");
        // The fake workspace does not redirect /aad/auth, so no tenant is known.
        assert_eq!(
            fake.runs()[..2],
            [get_token(APP, " --subscription sub-1"), get_token(APP, "")]
        );
    }

    #[tokio::test]
    async fn a_managed_identity_login_names_no_tenant() {
        let fake = FakeAz::new(("servicePrincipal", "systemAssignedIdentity"), &token_body(3600));
        let workspace = workspace().await;
        let config = config(&fake, &workspace, &[("ARM_TENANT_ID", "tenant-1")]);
        headers_received(config, &workspace).await;
        assert_eq!(fake.runs()[1], get_token(APP, ""));
    }

    #[tokio::test]
    async fn a_login_without_rights_on_the_management_endpoint_goes_without_its_token() {
        let body = format!(
            "case \"$*\" in\n*management*) echo 'ERROR: AADSTS65001: consent required' >&2; exit 1 ;;\nesac\n{}",
            token_body(3600)
        );
        let fake = FakeAz::new(("user", "someone@example.com"), &body);
        let workspace = workspace().await;
        let client = crate::connect(config(&fake, &workspace, &[])).unwrap();
        for _ in 0..2 {
            client
                .raw(crate::Method::Get, "/api/2.0/x")
                .send::<serde_json::Value>()
                .await
                .unwrap();
        }
        let requests = workspace.received_requests().await.unwrap();
        let api_calls: Vec<_> = requests.iter().filter(|r| r.url.path() == "/api/2.0/x").collect();
        assert_eq!(api_calls.len(), 2);
        for request in api_calls {
            assert_eq!(request.headers["authorization"], "Bearer az-databricks");
            assert!(!request.headers.contains_key("x-databricks-azure-sp-management-token"));
        }
        // Tried once, not on every request.
        let management_runs = fake.runs().iter().filter(|run| run.contains("management")).count();
        assert_eq!(management_runs, 1);
    }

    #[tokio::test]
    async fn not_logged_in_shows_what_az_said_and_the_next_step() {
        let fake = FakeAz::new(
            ("user", ""),
            "echo 'WARNING: something first' >&2\necho \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1",
        );
        let workspace = workspace().await;
        let client = crate::connect(config(&fake, &workspace, &[])).unwrap();
        let error = client
            .raw(crate::Method::Get, "/api/2.0/x")
            .send::<serde_json::Value>()
            .await
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!(
                "Azure CLI token request failed: `{}` failed (exit status 1): WARNING: something first \
                 ERROR: Please run 'az login' to setup account.; run `az login`",
                format_args!("az {}", get_token(APP, ""))
            )),
            "{error}"
        );
        // Only the login page was asked, for the tenant.
        let requests = workspace.received_requests().await.unwrap();
        assert!(requests.iter().all(|request| request.url.path() == "/aad/auth"));
    }

    #[tokio::test]
    async fn a_wrong_tenant_asks_for_a_login_to_it() {
        let fake = FakeAz::new(
            ("user", "someone@example.com"),
            "echo \"ERROR: AADSTS90002: Tenant 'tenant-9' not found. Check to make sure you have the correct \
             tenant ID and are signing into the correct cloud.\" >&2\nexit 1",
        );
        let settings = builder(&[("PATH", &fake.path()), ("ARM_TENANT_ID", "tenant-9")])
            .host("adb-1.2.azuredatabricks.net")
            .settings()
            .unwrap();
        let credentials = AzureCli.configure(&settings, false).unwrap();
        let error = credentials
            .headers
            .headers(&crate::auth::test_http())
            .await
            .unwrap_err()
            .message;
        assert!(error.contains("AADSTS90002: Tenant 'tenant-9' not found."), "{error}");
        assert!(
            error.ends_with(
                "; run `az login --tenant tenant-9` to log in to the workspace's tenant (azure_tenant_id from \
                 ARM_TENANT_ID)"
            ),
            "{error}"
        );
    }

    #[tokio::test]
    async fn tokens_are_refreshed_before_expiry_by_running_az_once_under_concurrency() {
        // 10 s is within the refresh margin: every use runs az again.
        let fake = FakeAz::issuing(10);
        let settings = builder(&[("PATH", &fake.path()), ("DATABRICKS_CLOUD", "azure")])
            .host("https://127.0.0.1:9")
            .settings()
            .unwrap();
        let credentials = AzureCli.configure(&settings, false).unwrap();
        let http = crate::auth::test_http();
        credentials.headers.headers(&http).await.unwrap();
        credentials.headers.headers(&http).await.unwrap();
        let databricks_runs = |fake: &FakeAz| fake.runs().iter().filter(|run| run.contains(APP)).count();
        assert_eq!(databricks_runs(&fake), 2);

        let fake = FakeAz::issuing(3600);
        let settings = builder(&[("PATH", &fake.path()), ("DATABRICKS_CLOUD", "azure")])
            .host("https://127.0.0.1:9")
            .settings()
            .unwrap();
        let headers = AzureCli.configure(&settings, false).unwrap().headers;
        for headers in crate::auth::headers_at_once(headers, 8).await {
            assert_eq!(headers["x-databricks-azure-sp-management-token"], "az-management");
        }
        assert_eq!(fake.runs().len(), 2, "{:?}", fake.runs());
    }

    #[test]
    fn it_applies_on_azure_when_az_is_on_path() {
        let fake = FakeAz::issuing(3600);
        let settings = |path: &str, host: &str| builder(&[("PATH", path)]).host(host).settings().unwrap();
        let azure = "adb-1.2.azuredatabricks.net";
        assert!(AzureCli.configure(&settings(&fake.path(), azure), false).is_ok());
        assert!(matches!(
            AzureCli.configure(&settings(&fake.path(), "dbc-1.cloud.databricks.com"), false),
            Err(Unavailable::NotConfigured(_))
        ));
        let empty = tempfile::tempdir().unwrap();
        let no_az = empty.path().display().to_string();
        assert_eq!(
            AzureCli.configure(&settings(&no_az, azure), false).err(),
            Some(Unavailable::NotConfigured(
                "the Azure CLI (az) is not on PATH".to_owned()
            ))
        );
        let Err(Unavailable::Broken(why)) = AzureCli.configure(&settings(&no_az, azure), true) else {
            panic!("forced without az must be broken");
        };
        assert!(
            why.starts_with("the Azure CLI (az) is not on PATH; install it"),
            "{why}"
        );
    }

    #[test]
    fn the_default_chain_tries_the_managed_identity_then_the_secret_then_the_cli() {
        let fake = FakeAz::issuing(3600);
        let path = fake.path();
        let chosen = |vars: &[(&str, &str)]| {
            let mut all = vec![("PATH", path.as_str())];
            all.extend_from_slice(vars);
            builder(&all)
                .host("adb-1.2.azuredatabricks.net")
                .build()
                .unwrap()
                .auth_method()
        };
        let secret = [
            ("ARM_CLIENT_ID", "robot"),
            ("ARM_CLIENT_SECRET", "s"),
            ("ARM_TENANT_ID", "t"),
        ];
        assert_eq!(chosen(&[]), AuthMethod::AzureCli);
        assert_eq!(chosen(&secret), AuthMethod::AzureClientSecret);
        assert_eq!(
            chosen(&[secret.as_slice(), &[("ARM_USE_MSI", "true")]].concat()),
            AuthMethod::AzureMsi
        );
    }

    #[test]
    fn old_az_output_expires_with_the_tokens_own_claim() {
        let claims = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(r#"{"exp": 1700000000, "upn": "u"}"#);
        let stdout = format!(
            r#"{{"accessToken": "h.{claims}.s", "expiresOn": "2023-11-14 22:13:20.000000", "tokenType": "Bearer"}}"#
        );
        let token = parse_token(stdout.as_bytes(), &[]).unwrap();
        assert_eq!(
            token.expires_at,
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        );
        let newer = parse_token(br#"{"accessToken": "opaque", "expires_on": 1700000060}"#, &[]).unwrap();
        assert_eq!(
            newer.expires_at,
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_060))
        );
        let error = parse_token(b"{accessToken: ..corrupt", &["account", "show"]).unwrap_err();
        assert_eq!(
            error.message,
            "`az account show` printed no access token (no `accessToken` in a JSON object); update the Azure CLI"
        );
    }

    #[test]
    fn the_subscription_comes_from_the_resource_id() {
        assert_eq!(
            subscription_of("/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w"),
            Some("sub-1".to_owned())
        );
        assert_eq!(subscription_of("invalid"), None);
    }
}
