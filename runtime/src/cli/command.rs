//! The clap command tree, built from the generated table.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, Command};

use super::{App, ArgSpec, CommandSpec, JsonInput, ValueKind};

pub(super) const HOST: &str = "host";
pub(super) const TOKEN: &str = "token";
pub(super) const PROFILE: &str = "profile";
pub(super) const PROFILE_VALUE: &str = "PROFILE";
pub(super) const JSON: &str = "json";
pub(super) const DEBUG: &str = "debug";
pub(super) const OUTPUT: &str = "output";
pub(super) const JQ: &str = "jq";
/// `--limit`: the most items a list command prints. Extensions with lists use the same id.
pub const LIMIT: &str = "limit";
pub(super) const NO_WAIT: &str = "no-wait";
pub(super) const TIMEOUT: &str = "timeout";
pub(super) const COMPLETION: &str = "completion";
pub(super) const SHELL: &str = "shell";
pub(super) const VERSION: &str = "version";

/// The heading of the commands that are not API services.
pub(super) const TOOLS: &str = "Tools";
/// The command grouping the account-level services, and its heading.
pub(super) const ACCOUNT: &str = "account";
pub(super) const ACCOUNT_HEADING: &str = "Account";
const OTHER_COMMANDS: &str = "Other commands";

/// Replaces clap's one list of subcommands in the root help by one list per heading, in the order the
/// headings first appear in `groups` (command name, heading); commands without one come last.
pub(super) fn list_by_group(root: Command, groups: &[(&str, &str)]) -> Command {
    let mut headings: Vec<(&str, Vec<(&str, String)>)> = Vec::new();
    for (_, heading) in groups {
        if !headings.iter().any(|(existing, _)| existing == heading) {
            headings.push((heading, Vec::new()));
        }
    }
    headings.push((OTHER_COMMANDS, Vec::new()));
    let mut width = 0;
    for command in root.get_subcommands().filter(|command| !command.is_hide_set()) {
        let name = command.get_name();
        let heading = groups
            .iter()
            .find(|(command, _)| *command == name)
            .map_or(OTHER_COMMANDS, |(_, heading)| heading);
        let about = command.get_about().map(ToString::to_string).unwrap_or_default();
        width = width.max(name.len());
        if let Some((_, commands)) = headings.iter_mut().find(|(existing, _)| *existing == heading) {
            commands.push((name, about));
        }
    }
    let mut listing = String::new();
    for (heading, commands) in headings.iter().filter(|(_, commands)| !commands.is_empty()) {
        listing.push_str(&format!("{heading}:\n"));
        for (name, about) in commands {
            listing.push_str(&format!("  {name:width$}  {about}\n"));
        }
        listing.push('\n');
    }
    // Braces in the listing would be read as template placeholders.
    let listing = listing.replace('{', "{{").replace('}', "}}");
    root.help_template(format!(
        "{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{listing}Options:\n{{options}}{{after-help}}"
    ))
}

/// Options every command takes, shown apart from the command's own.
const GLOBAL_OPTIONS: &str = "Global Options";

pub(super) fn build(app: &App) -> Command {
    let mut root = Command::new(app.binary)
        .about(app.about)
        .version(app.version)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(EXIT_CODES)
        .arg(
            Arg::new(HOST)
                .help_heading(GLOBAL_OPTIONS)
                .long(HOST)
                .global(true)
                .value_name("URL")
                .help("Workspace URL [default: $DATABRICKS_HOST]"),
        )
        .arg(
            Arg::new(TOKEN)
                .help_heading(GLOBAL_OPTIONS)
                .long(TOKEN)
                .global(true)
                .value_name("TOKEN")
                .help("Personal access token [default: $DATABRICKS_TOKEN]; prefer the variable, arguments are visible to other users"),
        )
        .arg(
            Arg::new(PROFILE)
                .help_heading(GLOBAL_OPTIONS)
                .short('p')
                .long(PROFILE)
                .global(true)
                .value_name(PROFILE_VALUE)
                .add(clap_complete::engine::ArgValueCompleter::new(profile_names))
                .help("Profile of ~/.databrickscfg to use [default: $DATABRICKS_CONFIG_PROFILE, else the default_profile of [__settings__], else DEFAULT]"),
        )
        .arg(
            Arg::new(OUTPUT)
                .help_heading(GLOBAL_OPTIONS)
                .short('o')
                .long(OUTPUT)
                .global(true)
                .value_name("FORMAT")
                .value_parser(PossibleValuesParser::new(["json", "table", "text"]))
                .help("json: the response as the API sent it; table: aligned columns and fields; text: plain values and tab-separated rows, no JSON [default: $DATABRICKS_OUTPUT_FORMAT, else table on a terminal without --jq, else json]"),
        )
        .arg(
            Arg::new(JQ)
                .help_heading(GLOBAL_OPTIONS)
                .long(JQ)
                .global(true)
                .value_name("EXPR")
                .help("Filter the output with a jq expression (built in, no jq needed); a list is filtered as one array"),
        )
        .arg(
            Arg::new(DEBUG)
                .help_heading(GLOBAL_OPTIONS)
                .long(DEBUG)
                .global(true)
                .action(ArgAction::SetTrue)
                .help("Print each HTTP round trip, retry and wait to standard error, secrets redacted"),
        );
    root = root.subcommand(
        Command::new(COMPLETION)
            .about("Print a shell completion script")
            .long_about(
                "Print a shell completion script: a few lines that ask dbr for candidates at each TAB (commands, \
                 flags, values, profile names), so loading it costs nothing. dbr must be on PATH. For example:\n  \
                 bash: dbr completion bash > ~/.local/share/bash-completion/completions/dbr\n  \
                 zsh: dbr completion zsh > \"${fpath[1]}/_dbr\"\n  \
                 fish: dbr completion fish > ~/.config/fish/completions/dbr.fish\n  \
                 PowerShell: dbr completion powershell | Out-String | Invoke-Expression",
            )
            .arg(
                Arg::new(SHELL)
                    .required(true)
                    .value_name("SHELL")
                    .value_parser(PossibleValuesParser::new([
                        "bash",
                        "zsh",
                        "fish",
                        "powershell",
                        "elvish",
                    ]))
                    .help("The shell to complete for"),
            ),
    );
    let mut account = Command::new(ACCOUNT)
        .about("Services of the Databricks account: workspaces, account users and groups, ... (needs account_id)")
        .subcommand_required(true)
        .arg_required_else_help(true);
    for service in app.services {
        let mut group = Command::new(service.name)
            .about(service.about)
            .subcommand_required(true)
            .arg_required_else_help(true);
        for command in service.commands {
            group = group.subcommand(operation_command(command));
        }
        if service.account {
            account = account.subcommand(group);
        } else {
            root = root.subcommand(group);
        }
    }
    if app.services.iter().any(|service| service.account) {
        root = root.subcommand(account);
    }
    root
}

/// Completion candidates of `--profile`: the profiles of the configuration file commands read.
fn profile_names(current: &std::ffi::OsStr) -> Vec<clap_complete::engine::CompletionCandidate> {
    let prefix = current.to_string_lossy();
    let Some(path) = crate::Config::builder().with_default_sources().config_file_path() else {
        return Vec::new();
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    crate::config::profile::ProfileFile::parse(&text)
        .profiles()
        .into_iter()
        .filter(|name| name.starts_with(prefix.as_ref()))
        .map(clap_complete::engine::CompletionCandidate::new)
        .collect()
}

/// `dbr version`, as the official CLI has it beside `--version`.
pub(super) fn version(binary: &str) -> Command {
    Command::new(VERSION).about(format!("Print the version of {binary}"))
}

const EXIT_CODES: &str = "Exit codes: 0 success, 1 the API answered with an error, 2 usage error, \
3 configuration or auth error (no host or credentials, or credentials refused), 4 the request failed (network, wait failed or timed out, local file), 130 interrupted (Ctrl-C): a file transfer, which removed its partial files, or `dbr sql`, whose statement was cancelled.";

/// `--limit N` of list commands.
pub fn limit_arg() -> Arg {
    Arg::new(LIMIT)
        .long(LIMIT)
        .value_name("N")
        .value_parser(clap::value_parser!(u64))
        .help("Print at most N items (every page is read by default; further pages are fetched only as needed)")
}

fn operation_command(spec: &CommandSpec) -> Command {
    let mut command = Command::new(spec.name).about(spec.about);
    let mut long_about = spec.long_about.to_owned();
    if let Some(stdin) = &spec.stdin {
        let flags: Vec<String> = std::iter::once(stdin.field)
            .chain(stdin.unless.iter().copied())
            .map(|field| match spec.args.iter().find(|arg| arg.field == field) {
                Some(arg) if !arg.positional => format!("--{}", arg.name),
                _ => format!("`{field}`"),
            })
            .collect();
        let sent = if stdin.base64 { "byte for byte" } else { "as UTF-8 text" };
        long_about = format!(
            "{long_about}\n\nWithout {} (or --json), the value is read from standard input: typed without echo \
             on a terminal, or piped in whole and sent {sent}, so it never appears in the command line.",
            flags.join(" or ")
        );
    }
    if !long_about.is_empty() {
        command = command.long_about(format!("{}\n\n{}", spec.about, long_about.trim_start()));
    }
    for arg in spec.args {
        command = command.arg(argument(arg));
    }
    let json_help = match spec.json {
        JsonInput::None => None,
        JsonInput::Body => {
            Some("The request body as JSON: inline, @FILE, or - for standard input; flags override its fields")
        }
        JsonInput::Params => Some(
            "The query parameters as a JSON object: inline, @FILE, or - for standard input; flags override its fields",
        ),
    };
    if let Some(help) = json_help {
        command = command.arg(Arg::new(JSON).long(JSON).value_name("JSON").help(help));
    }
    for upload in spec.uploads {
        command = command.arg(
            Arg::new(upload.name)
                .long(upload.name)
                .value_name("@FILE|-|TEXT")
                .help(format!(
                    "{} (@FILE: streamed from the file; -: read from standard input; otherwise the text itself)",
                    upload.help
                )),
        );
    }
    if spec.list {
        command = command.arg(limit_arg());
    }
    if spec.waits {
        command = command
            .arg(
                Arg::new(NO_WAIT)
                    .long(NO_WAIT)
                    .action(ArgAction::SetTrue)
                    .help("Print the first answer instead of waiting for the operation to finish"),
            )
            .arg(
                Arg::new(TIMEOUT)
                    .long(TIMEOUT)
                    .value_name("DURATION")
                    .conflicts_with(NO_WAIT)
                    .help("How long to wait for the operation to finish, e.g. 90s, 20m, 1h [default: 20m]"),
            );
    }
    command
}

fn argument(spec: &ArgSpec) -> Arg {
    // Positional arguments are optional for clap: a value may come from --json instead. Missing
    // required fields are reported after the two are merged.
    let mut arg = Arg::new(spec.name).help(spec.help);
    arg = if spec.positional {
        arg.value_name(spec.name)
    } else {
        arg.long(spec.name)
    };
    if spec.repeated {
        arg = arg
            .action(ArgAction::Append)
            .help(format!("{} [repeat the flag for each item]", spec.help));
    }
    match spec.value {
        ValueKind::String => arg,
        // `--offset -1` is a value, not an unknown flag.
        ValueKind::Integer => arg.value_parser(clap::value_parser!(i64)).allow_negative_numbers(true),
        ValueKind::Number => arg.value_parser(clap::value_parser!(f64)).allow_negative_numbers(true),
        ValueKind::Boolean if spec.positional => arg.value_parser(clap::value_parser!(bool)),
        // `--flag` alone means true; `--flag=false` sends an explicit false.
        ValueKind::Boolean => arg
            .value_parser(clap::value_parser!(bool))
            .num_args(0..=1)
            .require_equals(true)
            .default_missing_value("true")
            .action(ArgAction::Set),
        ValueKind::Enum(values) => arg.value_parser(PossibleValuesParser::new(values.iter().copied())),
    }
}
