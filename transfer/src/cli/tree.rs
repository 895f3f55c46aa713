//! The files below a folder, on this computer, in DBFS or in a volume, listed before a transfer starts.

use std::path::Path;

use databricks_client::Client;
use databricks_client::models::FilesListDirectoryContentsParams;
use databricks_runtime::cli::CliError;

use super::paths::{Remote, RemotePath, local_join};

/// What a folder holds, as paths relative to it (segments separated by `/`).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Tree {
    /// Every file with its size, sorted by path.
    pub(super) files: Vec<(String, u64)>,
    /// The folders without subfolders (`""` for the folder itself when it has none), sorted: creating
    /// them with their parents recreates every folder, empty ones included.
    pub(super) leaf_folders: Vec<String>,
    /// Entries that are neither files nor folders, with the reason they are left out.
    pub(super) skipped: Vec<(String, String)>,
}

impl Tree {
    fn sort(&mut self) {
        self.files.sort();
        self.leaf_folders.sort();
        self.skipped.sort();
    }
}

/// `folder/name`, or `name` at the top.
pub(super) fn join_relative(folder: &str, name: &str) -> String {
    if folder.is_empty() {
        name.to_owned()
    } else {
        format!("{folder}/{name}")
    }
}

/// The tree below the local folder `root`. A symbolic link to a file counts as the file; links to folders
/// are not followed (one pointing above itself would be walked forever).
pub(super) fn walk_local(root: &Path) -> Result<Tree, CliError> {
    let mut tree = Tree::default();
    let mut folders = vec![String::new()];
    while let Some(folder) = folders.pop() {
        let path = local_join(root, &folder);
        let cannot_read = |error: std::io::Error| CliError::Failed(format!("cannot read {}: {error}", path.display()));
        let mut entries = std::fs::read_dir(&path)
            .and_then(|entries| entries.collect::<Result<Vec<_>, _>>())
            .map_err(cannot_read)?;
        entries.sort_by_key(|entry| entry.file_name());
        let mut has_subfolders = false;
        for entry in entries {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                return Err(CliError::Failed(format!(
                    "cannot copy {}: its name is not valid UTF-8, which DBFS and workspace paths must be",
                    entry.path().display()
                )));
            };
            let relative = join_relative(&folder, &name);
            if entry.file_type().map_err(cannot_read)?.is_dir() {
                has_subfolders = true;
                folders.push(relative);
                continue;
            }
            // Follows a symbolic link to what it points at.
            match std::fs::metadata(entry.path()) {
                Ok(metadata) if metadata.is_file() => tree.files.push((relative, metadata.len())),
                Ok(metadata) if metadata.is_dir() => tree
                    .skipped
                    .push((relative, "symbolic links to folders are not followed".to_owned())),
                Ok(_) => tree.skipped.push((relative, "not a regular file".to_owned())),
                Err(error) => tree.skipped.push((relative, format!("cannot be read: {error}"))),
            }
        }
        if !has_subfolders {
            tree.leaf_folders.push(folder);
        }
    }
    tree.sort();
    Ok(tree)
}

/// The tree below the remote folder `root`, listed folder by folder.
pub(super) async fn walk_remote(client: &Client, root: &Remote) -> Result<Tree, CliError> {
    let mut tree = Tree::default();
    let mut folders = vec![String::new()];
    while let Some(folder) = folders.pop() {
        let entries = match root {
            Remote::Dbfs(root) => list_dbfs(client, &root.join(&folder)).await?,
            Remote::Volume(root) => list_volume(client, &root.join(&folder)).await?,
        };
        let mut has_subfolders = false;
        for entry in entries {
            let relative = join_relative(&folder, &entry.name);
            if entry.is_folder {
                has_subfolders = true;
                folders.push(relative);
            } else {
                tree.files.push((relative, entry.size));
            }
        }
        if !has_subfolders {
            tree.leaf_folders.push(folder);
        }
    }
    tree.sort();
    Ok(tree)
}

/// One entry of a remote folder.
struct Listed {
    name: String,
    is_folder: bool,
    size: u64,
}

/// The entries of the volume folder `path`, every page of `files.listDirectoryContents`.
async fn list_volume(client: &Client, path: &RemotePath) -> Result<Vec<Listed>, CliError> {
    let mut entries = client
        .files()
        .list_directory_contents_all(path.api(), &FilesListDirectoryContentsParams::default());
    let mut listed = Vec::new();
    while let Some(entry) = entries.next().await {
        let entry = entry?;
        let Some(name) = entry
            .name
            .clone()
            .filter(|name| !name.is_empty() && !name.contains('/'))
        else {
            return Err(CliError::Failed(format!(
                "listing {} returned an entry without a usable name: {entry:?}",
                path.api()
            )));
        };
        let size = entry.file_size.and_then(|size| u64::try_from(size).ok()).unwrap_or(0);
        listed.push(Listed {
            name,
            is_folder: entry.is_directory == Some(true),
            size,
        });
    }
    Ok(listed)
}

/// The entries of the DBFS folder `path`, one `dbfs.list` call.
async fn list_dbfs(client: &Client, path: &RemotePath) -> Result<Vec<Listed>, CliError> {
    let listed = client.dbfs().list(path.api()).await?;
    let mut entries = Vec::new();
    for entry in listed.files.unwrap_or_default() {
        let Some(name) = entry
            .path
            .as_deref()
            .map(RemotePath::from_api)
            .and_then(|entry| entry.name().map(str::to_owned))
        else {
            return Err(CliError::Failed(format!(
                "listing dbfs:{} returned an entry without a usable path: {entry:?}",
                path.api()
            )));
        };
        let size = entry.file_size.and_then(|size| u64::try_from(size).ok()).unwrap_or(0);
        entries.push(Listed {
            name,
            is_folder: entry.is_dir == Some(true),
            size,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_tree_lists_files_and_leaf_folders() {
        let root = std::env::temp_dir().join(format!("dbr-tree-test-{}", crate::random_suffix()));
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join("empty")).unwrap();
        std::fs::write(root.join("top.txt"), b"12345").unwrap();
        std::fs::write(root.join("a/b/deep.bin"), b"1").unwrap();
        std::fs::write(root.join("a/mid.txt"), b"").unwrap();
        let tree = walk_local(&root);
        std::fs::remove_dir_all(&root).unwrap();
        let expected = Tree {
            files: vec![
                ("a/b/deep.bin".to_owned(), 1),
                ("a/mid.txt".to_owned(), 0),
                ("top.txt".to_owned(), 5),
            ],
            leaf_folders: vec!["a/b".to_owned(), "empty".to_owned()],
            skipped: vec![],
        };
        assert_eq!(tree.unwrap(), expected);
    }

    #[test]
    fn an_empty_folder_is_its_own_leaf() {
        let root = std::env::temp_dir().join(format!("dbr-tree-test-{}", crate::random_suffix()));
        std::fs::create_dir_all(&root).unwrap();
        let tree = walk_local(&root);
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(tree.unwrap().leaf_folders, vec![String::new()]);
    }
}
