//! Diagnostics: why a spec was rejected, where, and what to do about it.

use std::fmt;
use std::path::PathBuf;

/// A position in a spec file (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// One problem found in a spec. `location` is filled in from the source map when the problem has a JSON
/// pointer into the merged document; a problem found while reading a file carries its own position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    /// JSON pointer into the merged document, e.g. `#/components/schemas/Cluster/properties/state`.
    pub pointer: Option<String>,
    pub location: Option<Location>,
    /// A file the problem concerns when no finer location is known.
    pub file: Option<PathBuf>,
    /// What the maintainer can do about it.
    pub hint: Option<String>,
    /// A second place involved (the other definition of a duplicate name, say).
    pub related: Option<Location>,
    /// Something left out rather than wrong: reported, and generation goes on.
    pub warning: bool,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            pointer: None,
            location: None,
            file: None,
            hint: None,
            related: None,
            warning: false,
        }
    }

    /// A problem at a JSON pointer of the merged document (without the leading `#`).
    pub fn at(pointer: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            pointer: Some(format!("#{pointer}")),
            ..Diagnostic::new(message)
        }
    }

    /// This diagnostic as a warning: reported, but generation goes on.
    pub fn as_warning(mut self) -> Self {
        self.warning = true;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_location(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn with_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn with_related(mut self, related: Location) -> Self {
        self.related = Some(related);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.warning { "warning: " } else { "error: " })?;
        match (&self.location, &self.file) {
            (Some(location), _) => write!(f, "{location}: ")?,
            (None, Some(file)) => write!(f, "{}: ", file.display())?,
            (None, None) => {}
        }
        f.write_str(&self.message)?;
        if let Some(pointer) = &self.pointer {
            write!(f, "\n  at: {pointer}")?;
        }
        if let Some(related) = &self.related {
            write!(f, "\n  see also: {related}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem found in one run, in the order found. Generation stops at the end of the stage that
/// found them, so a maintainer sees all problems of that stage at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds a problem; one already reported (a schema reached twice, say) is not repeated.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if !self.0.contains(&diagnostic) {
            self.0.push(diagnostic);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// `Ok(value)` when nothing was reported, otherwise the diagnostics.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() { Ok(value) } else { Err(self) }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The candidate nearest to `name`, if it is close enough to be a typo (for "did you mean" hints).
pub fn closest<'n>(name: &str, candidates: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    candidates
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len().max(name.len()) / 3).max(1))
        .min()
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
