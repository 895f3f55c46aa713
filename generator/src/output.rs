//! Writing generated files, or checking that they are already written. One function does both, so
//! `cargo xtask generate`, `--check` and the freshness test can never disagree about what "fresh" means.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::emit::GeneratedFile;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Rewrite files whose contents changed, create new ones, delete ones no longer generated.
    Write,
    /// Change nothing; report what `Write` would do as a unified diff.
    Check,
}

/// What differed between the generated files and the output directory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub created: Vec<PathBuf>,
    pub updated: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
    pub unchanged: usize,
    /// Unified diff of every difference (filled in both modes).
    pub diff: String,
}

impl SyncReport {
    pub fn is_fresh(&self) -> bool {
        self.created.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// Makes `out` hold exactly `files` below the directories they live in (`Write`), or reports the difference
/// (`Check`). Build output (`target/`) and lock files are left alone.
pub fn sync(out: &Path, files: &[GeneratedFile], mode: Mode) -> io::Result<SyncReport> {
    let mut report = SyncReport::default();
    let generated: BTreeSet<&Path> = files.iter().map(|file| file.path.as_path()).collect();
    for file in files {
        let target = out.join(&file.path);
        let current = match fs::read_to_string(&target) {
            Ok(text) => Some(text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return Err(error),
        };
        if current.as_deref() == Some(file.contents.as_str()) {
            report.unchanged += 1;
            continue;
        }
        append_diff(
            &mut report.diff,
            &target,
            current.as_deref().unwrap_or(""),
            &file.contents,
        );
        if current.is_some() {
            report.updated.push(file.path.clone());
        } else {
            report.created.push(file.path.clone());
        }
        if mode == Mode::Write {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&target, &file.contents)?;
        }
    }

    // Files under the generated directories that are no longer generated (a removed service, say).
    let roots: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|file| file.path.components().next())
        .map(|first| PathBuf::from(first.as_os_str()))
        .filter(|root| out.join(root).is_dir())
        .collect();
    for root in roots {
        let mut existing = Vec::new();
        list_files(&out.join(&root), &mut existing)?;
        for path in existing {
            let relative = path.strip_prefix(out).unwrap_or(&path).to_path_buf();
            if generated.contains(relative.as_path()) {
                continue;
            }
            let old = fs::read_to_string(&path).unwrap_or_default();
            append_diff(&mut report.diff, &path, &old, "");
            report.removed.push(relative);
            if mode == Mode::Write {
                fs::remove_file(&path)?;
            }
        }
    }
    Ok(report)
}

fn list_files(dir: &Path, into: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|name| name.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "target" {
                list_files(&path, into)?;
            }
        } else if name != "Cargo.lock" {
            into.push(path);
        }
    }
    into.sort();
    Ok(())
}

fn append_diff(diff: &mut String, path: &Path, old: &str, new: &str) {
    let shown = path.display().to_string();
    let text = TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string();
    diff.push_str(&text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile {
            path: PathBuf::from(path),
            contents: contents.to_owned(),
        }
    }

    #[test]
    fn check_reports_and_write_repairs() {
        let dir = std::env::temp_dir().join(format!("generator-sync-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("models/src")).unwrap();
        fs::write(dir.join("models/src/lib.rs"), "old\n").unwrap();
        fs::write(dir.join("models/src/stale.rs"), "stale\n").unwrap();
        fs::create_dir_all(dir.join("models/target")).unwrap();
        fs::write(dir.join("models/target/ignored"), "build output\n").unwrap();
        let files = [
            file("models/src/lib.rs", "new\n"),
            file("models/Cargo.toml", "[package]\n"),
        ];

        let report = sync(&dir, &files, Mode::Check).unwrap();
        assert!(!report.is_fresh());
        assert_eq!(report.updated, vec![PathBuf::from("models/src/lib.rs")]);
        assert_eq!(report.created, vec![PathBuf::from("models/Cargo.toml")]);
        assert_eq!(report.removed, vec![PathBuf::from("models/src/stale.rs")]);
        assert!(report.diff.contains("-old\n+new\n"), "{}", report.diff);
        assert_eq!(fs::read_to_string(dir.join("models/src/lib.rs")).unwrap(), "old\n");

        sync(&dir, &files, Mode::Write).unwrap();
        let again = sync(&dir, &files, Mode::Check).unwrap();
        assert!(again.is_fresh(), "{}", again.diff);
        assert_eq!(again.unchanged, 2);
        assert!(dir.join("models/target/ignored").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
