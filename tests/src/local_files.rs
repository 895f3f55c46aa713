//! Local files for transfer tests: content that shows a lost or reordered block, and folder trees written
//! and read back whole.

use std::collections::BTreeMap;
use std::path::Path;

/// `len` pseudo-random bytes (xorshift), so a block lost, repeated or out of order changes the result.
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_add(0x2545_F491_4F6C_DD1D);
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// Writes `files` (relative path → content) below `root`, creating folders; a path ending in `/` is an
/// empty folder.
pub fn write_tree(root: &Path, files: &[(&str, &[u8])]) {
    for (relative, content) in files {
        let path = root.join(relative);
        if relative.ends_with('/') {
            std::fs::create_dir_all(&path).expect("create a folder");
        } else {
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("create a folder");
            std::fs::write(&path, content).expect("write a file");
        }
    }
}

/// Everything below `root`: relative path → file content, `None` for a folder.
pub fn local_tree(root: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    fn walk(root: &Path, folder: &Path, found: &mut BTreeMap<String, Option<Vec<u8>>>) {
        for entry in std::fs::read_dir(folder).expect("read a folder") {
            let path = entry.expect("an entry").path();
            let relative = path
                .strip_prefix(root)
                .expect("below the root")
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                found.insert(relative, None);
                walk(root, &path, found);
            } else {
                found.insert(relative, Some(std::fs::read(&path).expect("read a file")));
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(root, root, &mut found);
    found
}
