//! Top-level commands of the official Databricks CLI (`databricks`) that this CLI lacks: `dbr bundle deploy`
//! says it is not available and what to do instead, rather than clap's "did you mean" with the nearest name
//! (`version` used to suggest `permissions`). A typo of one of this CLI's commands keeps clap's suggestion.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};

/// The visible top-level commands of the official CLI v1.13 (`cmd/cmd.go` and `cmd/workspace/cmd.go`).
/// Those this CLI has are left alone; for the rest, the stub's message.
const OFFICIAL: &[&str] = &[
    "account",
    "ai-gateway",
    "ai-search",
    "aitools",
    "alerts",
    "alerts-legacy",
    "alerts-v2",
    "api",
    "apps",
    "artifact-allowlists",
    "auth",
    "bundle",
    "cache",
    "catalogs",
    "clean-room-asset-revisions",
    "clean-room-assets",
    "clean-room-auto-approval-rules",
    "clean-room-task-runs",
    "clean-rooms",
    "cluster-policies",
    "clusters",
    "completion",
    "configure",
    "connections",
    "consumer-fulfillments",
    "consumer-installations",
    "consumer-listings",
    "consumer-personalization-requests",
    "consumer-providers",
    "credentials",
    "current-user",
    "dashboards",
    "data-classification",
    "data-quality",
    "data-sources",
    "database",
    "entity-tag-assignments",
    "environments",
    "experiments",
    "external-lineage",
    "external-locations",
    "external-metadata",
    "fs",
    "functions",
    "genie",
    "git-credentials",
    "global-init-scripts",
    "grants",
    "groups",
    "groups-v2",
    "instance-pools",
    "instance-profiles",
    "ip-access-lists",
    "jobs",
    "knowledge-assistants",
    "labs",
    "lakeview",
    "lakeview-embedded",
    "libraries",
    "metastores",
    "model-registry",
    "model-versions",
    "notification-destinations",
    "online-tables",
    "permissions",
    "pipelines",
    "policies",
    "policy-compliance-for-clusters",
    "policy-compliance-for-jobs",
    "policy-families",
    "postgres",
    "provider-exchange-filters",
    "provider-exchanges",
    "provider-files",
    "provider-listings",
    "provider-personalization-requests",
    "provider-provider-analytics-dashboards",
    "provider-providers",
    "providers",
    "psql",
    "quality-monitor-v2",
    "quality-monitors",
    "queries",
    "queries-legacy",
    "query-history",
    "quickstart",
    "recipient-activation",
    "recipient-federation-policies",
    "recipients",
    "registered-models",
    "repos",
    "resource-quotas",
    "rfa",
    "schemas",
    "secrets",
    "secrets-uc",
    "service-principal-secrets-proxy",
    "service-principals",
    "service-principals-v2",
    "serving-endpoints",
    "settings",
    "shares",
    "storage-credentials",
    "supervisor-agents",
    "sync",
    "system-schemas",
    "table-constraints",
    "tables",
    "tag-policies",
    "temporary-path-credentials",
    "temporary-table-credentials",
    "temporary-volume-credentials",
    "token-management",
    "tokens",
    "users",
    "users-v2",
    "vector-search-endpoints",
    "vector-search-indexes",
    "version",
    "volumes",
    "warehouses",
    "workspace",
    "workspace-bindings",
    "workspace-conf",
    "workspace-entity-tag-assignments",
    "workspace-iam-v2",
    "workspace-settings-v2",
];

/// Those that are tools of the official CLI rather than a REST API's commands, so `dbr api` does not replace
/// them.
const TOOLS: &[&str] = &["aitools", "bundle", "cache", "labs", "psql", "quickstart", "sync"];

const ARGS: &str = "args";

/// What to say about `args`, which `tree` refused as an unknown subcommand, if they name a top-level command
/// of the official CLI. They are parsed again with a stub for each official command `tree` lacks: stubs in
/// the tree itself would show up in clap's suggestions for typos.
pub(super) fn unavailable(binary: &str, tree: &Command, args: &[OsString]) -> Option<String> {
    let matches = add_stubs(tree.clone()).try_get_matches_from(args).ok()?;
    let name = matches.subcommand_name()?;
    OFFICIAL.contains(&name).then(|| message(binary, name))
}

/// Adds a stub for each official command `root` does not have; it takes any arguments.
fn add_stubs(mut root: Command) -> Command {
    for name in OFFICIAL {
        if root.find_subcommand(name).is_none() {
            root = root.subcommand(
                Command::new(*name).disable_help_flag(true).arg(
                    Arg::new(ARGS)
                        .action(ArgAction::Append)
                        .num_args(0..)
                        .trailing_var_arg(true)
                        .allow_hyphen_values(true),
                ),
            );
        }
    }
    root
}

fn message(binary: &str, name: &str) -> String {
    if TOOLS.contains(&name) {
        format!(
            "`{binary} {name}` is not available in {binary}; it is a tool of the official Databricks CLI: `databricks {name}`"
        )
    } else {
        format!(
            "`{binary} {name}` is not available yet in {binary}; call its REST API directly with `{binary} api`, for \
             example `{binary} api get /api/2.0/...` with a path from https://docs.databricks.com/api/workspace/introduction"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_top_level_names_of_the_official_cli_are_reported() {
        let tree = Command::new("dbr").subcommand(Command::new("clusters").subcommand(Command::new("list")));
        let args = |line: &str| line.split(' ').map(OsString::from).collect::<Vec<_>>();
        let repos = unavailable("dbr", &tree, &args("dbr repos list --path /Repos")).unwrap();
        assert!(repos.starts_with("`dbr repos` is not available yet in dbr;"), "{repos}");
        let bundle = unavailable("dbr", &tree, &args("dbr bundle deploy")).unwrap();
        assert!(bundle.ends_with("`databricks bundle`"), "{bundle}");
        assert_eq!(unavailable("dbr", &tree, &args("dbr clusters repos")), None);
        assert_eq!(unavailable("dbr", &tree, &args("dbr clusterz")), None);
    }

    #[test]
    fn the_tools_are_official_commands() {
        assert!(TOOLS.iter().all(|tool| OFFICIAL.contains(tool)));
    }
}
