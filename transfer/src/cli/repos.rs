//! `dbr repos get|update|delete REPO_ID_OR_PATH` and `dbr repos create URL [PROVIDER]`: the spec's commands
//! as users of the official CLI know them. A Git folder is named by its id or by its workspace path, which
//! `workspace get-status` turns into the id; a path that is not a Git folder is refused before anything is
//! changed. `create` without a provider finds it from the URL's host.

use databricks_client::models::{CreateRepoRequest, UpdateRepoRequest, WorkspaceObjectType};
use databricks_client::{Client, Error, ErrorKind, ErrorKindOf as _};
use databricks_runtime::cli::clap::{ArgMatches, Command, value_parser};
use databricks_runtime::cli::{CliError, Output, Session, json_argument, respond};
use serde_json::{Map, Value};

use super::client;

/// Ids of the spec's arguments: the Git folder, `--json`, and the flags copied into the body.
const REPO: &str = "REPO_ID";
const URL: &str = "URL";
const PROVIDER: &str = "PROVIDER";
const JSON: &str = "json";
const BRANCH: &str = "branch";
const TAG: &str = "tag";

/// The flags of `update` and `create` beside the positional arguments, with how clap holds their values.
const UPDATE_FLAGS: &[(&str, Kind)] = &[
    (BRANCH, Kind::Text),
    (TAG, Kind::Text),
    ("git-credential-id", Kind::Integer),
    ("dangerously-force-discard-all", Kind::Boolean),
];
const CREATE_FLAGS: &[(&str, Kind)] = &[("path", Kind::Text), ("git-credential-id", Kind::Integer)];

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Integer,
    Boolean,
}

/// Lets the spec's `repos get|update|delete` take a path as well as an id, makes `--branch` and `--tag`
/// exclusive, and makes the provider of `repos create` optional.
pub(super) fn accept_paths(root: Command) -> Command {
    if root.find_subcommand("repos").is_none() {
        return root;
    }
    root.mut_subcommand("repos", |mut repos| {
        for name in ["get", "update", "delete"] {
            if repos.find_subcommand(name).is_some() {
                repos = repos.mut_subcommand(name, |command| {
                    command.mut_arg(REPO, |arg| {
                        arg.value_parser(value_parser!(String))
                            .value_name("REPO_ID_OR_PATH")
                            .help("Id of the Git folder, or its workspace path (such as /Repos/me@example.com/project)")
                    })
                });
            }
        }
        if repos.find_subcommand("update").is_some() {
            repos = repos.mut_subcommand("update", |update| {
                update
                    .mut_arg(BRANCH, |arg| arg.conflicts_with(TAG))
                    .after_help("Without --branch or --tag, pulls the latest commit of the checked-out branch.")
            });
        }
        if repos.find_subcommand("create").is_some() {
            repos = repos.mut_subcommand("create", |create| {
                create.mut_arg(PROVIDER, |arg| {
                    arg.help(
                        "Git provider of the remote; found from the URL for github.com, gitlab.com, bitbucket.org, \
                         dev.azure.com and AWS CodeCommit when left out",
                    )
                })
            });
        }
        repos
    })
}

pub(super) fn get(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let target = repo_argument(matches)?;
    let client = client(session)?;
    session.block_on(async {
        let id = resolve(&client, &target, "").await?;
        respond(client.repos().get(id).await)
    })
}

pub(super) fn delete(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let target = repo_argument(matches)?;
    let client = client(session)?;
    session.block_on(async {
        let id = resolve(&client, &target, "; nothing was deleted").await?;
        respond(client.repos().delete(id).await)
    })
}

pub(super) fn update(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let target = repo_argument(matches)?;
    let body: UpdateRepoRequest =
        serde_json::from_value(body(matches, UPDATE_FLAGS, Map::new())?).map_err(invalid_body)?;
    if body.branch.is_some() && body.tag.is_some() {
        return Err(CliError::Usage(
            "give a branch or a tag, not both: a tag is checked out on a detached HEAD".to_owned(),
        ));
    }
    let client = client(session)?;
    session.block_on(async {
        let id = resolve(&client, &target, "; nothing was updated").await?;
        respond(client.repos().update(id, &body).await)
    })
}

/// `dbr repos create URL` without a provider; `None` when one is given (as an argument or in `--json`),
/// which the spec's command answers.
pub(super) fn create_command(matches: &ArgMatches, session: &mut Session<'_>) -> Option<Result<Output, CliError>> {
    if matches.get_one::<String>(PROVIDER).is_some() || matches.get_one::<String>(JSON).is_some() {
        return None;
    }
    let url = matches.get_one::<String>(URL)?;
    Some(create(matches, url, session))
}

fn create(matches: &ArgMatches, url: &str, session: &mut Session<'_>) -> Result<Output, CliError> {
    let provider = detect_provider(url).ok_or_else(|| {
        CliError::Usage(format!(
            "cannot tell the Git provider from {url}; give it after the URL, such as `gitHub` or \
             `gitLabEnterpriseEdition`"
        ))
    })?;
    let fields = Map::from_iter([
        ("url".to_owned(), Value::from(url)),
        ("provider".to_owned(), Value::from(provider)),
    ]);
    let body: CreateRepoRequest = serde_json::from_value(body(matches, CREATE_FLAGS, fields)?).map_err(invalid_body)?;
    let client = client(session)?;
    session.block_on(async { respond(client.repos().create(&body).await) })
}

/// The provider of a remote on a host whose provider is certain, as the official CLI finds it.
fn detect_provider(url: &str) -> Option<&'static str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_and_port = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = host_and_port.split(':').next().unwrap_or_default().to_ascii_lowercase();
    match host.as_str() {
        "github.com" => Some("gitHub"),
        "gitlab.com" => Some("gitLab"),
        "bitbucket.org" => Some("bitbucketCloud"),
        "dev.azure.com" => Some("azureDevOpsServices"),
        _ => {
            let region = host.strip_prefix("git-codecommit.")?.strip_suffix(".amazonaws.com")?;
            (!region.is_empty() && !region.contains('.')).then_some("awsCodeCommit")
        }
    }
}

/// A Git folder as the command line names it.
enum Target {
    Id(i64),
    Path(String),
}

fn repo_argument(matches: &ArgMatches) -> Result<Target, CliError> {
    let text = matches
        .get_one::<String>(REPO)
        .ok_or_else(|| CliError::Usage("give the id or the workspace path of the Git folder".to_owned()))?;
    if let Ok(id) = text.parse::<i64>() {
        Ok(Target::Id(id))
    } else if text.starts_with('/') {
        Ok(Target::Path(text.clone()))
    } else {
        Err(CliError::Usage(format!(
            "`{text}` is neither the id of a Git folder nor a workspace path (which starts with /)"
        )))
    }
}

/// The id of the Git folder `target` names. A path must be a Git folder: `get-status` says `REPO`, or, for a
/// folder whose Git CLI is enabled (reported as a `DIRECTORY`), the repos API knows its id.
async fn resolve(client: &Client, target: &Target, consequence: &str) -> Result<i64, CliError> {
    let path = match target {
        Target::Id(id) => return Ok(*id),
        Target::Path(path) => path,
    };
    let object = client.workspace().get_status(path).await?;
    let id = object
        .object_id
        .ok_or_else(|| CliError::Failed(format!("the workspace did not say the id of {path}")))?;
    let not_a_repo = |kind: &str| CliError::Usage(format!("{path} is {kind}, not a Git folder{consequence}"));
    match object.object_type {
        Some(WorkspaceObjectType::Repo) => Ok(id),
        Some(WorkspaceObjectType::Directory) => match client.repos().get(id).await {
            Ok(_) => Ok(id),
            Err(error) if is_not_a_repo(&error) => Err(not_a_repo("a folder")),
            Err(error) => Err(error.into()),
        },
        Some(other) => Err(not_a_repo(&format!("a {}", other.as_str().to_ascii_lowercase()))),
        None => Err(not_a_repo("an object of unknown type")),
    }
}

/// The repos API's answer for the id of a folder that is not a Git folder.
fn is_not_a_repo(error: &Error) -> bool {
    error
        .as_api()
        .is_some_and(|api| api.kind().is(ErrorKind::NotFound) || api.kind().is(ErrorKind::BadRequest))
}

/// The request body: `--json` (an object), with `fields` and then the flags given set over it, as the spec's
/// commands merge them.
fn body(matches: &ArgMatches, flags: &[(&str, Kind)], fields: Map<String, Value>) -> Result<Value, CliError> {
    let mut body = match matches.get_one::<String>(JSON) {
        Some(source) => match json_argument(source)? {
            Value::Object(body) => body,
            _ => return Err(CliError::Usage("--json must be a JSON object".to_owned())),
        },
        None => Map::new(),
    };
    body.extend(fields);
    for &(id, kind) in flags {
        let value = match kind {
            Kind::Text => matches.get_one::<String>(id).map(|text| Value::from(text.as_str())),
            Kind::Integer => matches.get_one::<i64>(id).map(|number| Value::from(*number)),
            Kind::Boolean => matches.get_one::<bool>(id).map(|flag| Value::from(*flag)),
        };
        if let Some(value) = value {
            body.insert(id.replace('-', "_"), value);
        }
    }
    Ok(Value::Object(body))
}

fn invalid_body(error: serde_json::Error) -> CliError {
    CliError::Usage(format!("invalid request body: {error}"))
}

#[cfg(test)]
mod tests {
    use super::detect_provider;

    #[test]
    fn providers_come_from_well_known_hosts_only() {
        assert_eq!(
            detect_provider("https://github.com/example-org/etl.git"),
            Some("gitHub")
        );
        assert_eq!(detect_provider("https://GitLab.com/group/project"), Some("gitLab"));
        assert_eq!(
            detect_provider("https://jdoe@bitbucket.org/team/repo.git"),
            Some("bitbucketCloud")
        );
        assert_eq!(
            detect_provider("https://dev.azure.com/org/project/_git/repo"),
            Some("azureDevOpsServices")
        );
        assert_eq!(
            detect_provider("https://git-codecommit.us-west-2.amazonaws.com/v1/repos/etl"),
            Some("awsCodeCommit")
        );
        assert_eq!(detect_provider("https://github.example.com/org/repo.git"), None);
        assert_eq!(
            detect_provider("https://git-codecommit.a.b.amazonaws.com/v1/repos/etl"),
            None
        );
        assert_eq!(detect_provider("not a url"), None);
    }
}
