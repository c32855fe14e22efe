//! The crate's layering, held by reading its source: every `crate::…` path in a file (in
//! `use` lines and in code) is an edge from that file to the file of the module it names.
//!
//! - the floor (every file outside a feature folder) never reaches into a feature; only
//!   `router.rs`, the one list of addresses, and `lib.rs`, which declares the modules, may;
//! - a feature never reaches into another feature: what two features share lives on the
//!   floor or in `domain`;
//! - no file reaches, through any chain of edges, back to itself.
//!
//! Run it alone with `cargo test -p web --test layers`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const FEATURES: &[&str] = &[
    "public",
    "account",
    "school",
    "scan",
    "plan",
    "team",
    "vision",
    "framework",
    "tasks",
    "survey",
    "network",
    "api",
    "sso",
];
/// The files that assemble the features.
const TOP: &[&str] = &["lib.rs", "router.rs"];

/// A source file: its path below `src/` and its module path (`scan::area`).
#[derive(Debug)]
struct File {
    path: String,
    module: Vec<String>,
    text: String,
}

fn files(dir: &Path, root: &Path, out: &mut Vec<File>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path
                .strip_prefix(root)
                .expect("below src")
                .to_string_lossy()
                .replace('\\', "/");
            let mut module: Vec<String> = relative
                .trim_end_matches(".rs")
                .split('/')
                .map(str::to_owned)
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("a readable file");
            out.push(File {
                path: relative,
                module,
                text,
            });
        }
    }
}

/// The code of a file without its comments and without its unit tests.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let line = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every module path a piece of code names with `crate::`, braces of `use` lines expanded.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        // `$crate::` in a macro is the crate too.
        rest = &rest[at + "crate::".len()..];
        let end = tree_end(rest);
        expand(&rest[..end], &mut Vec::new(), &mut found);
        rest = &rest[end..];
    }
    found
}

/// Where a path (with any braces) ends.
fn tree_end(s: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => return i,
            _ => {}
        }
    }
    s.len()
}

fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    match tree.find('{') {
        Some(open) => {
            let head: Vec<String> = tree[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0usize;
            let mut start = 0;
            let mut parts = Vec::new();
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(&inner[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            parts.push(&inner[start..]);
            let len = prefix.len();
            prefix.extend(head);
            for part in parts.into_iter().filter(|p| !p.is_empty()) {
                expand(part, prefix, out);
            }
            prefix.truncate(len);
        }
        None => {
            let mut path = prefix.clone();
            path.extend(
                tree.split("::")
                    .filter(|s| !s.is_empty() && *s != "self")
                    .map(str::to_owned),
            );
            out.push(path);
        }
    }
}

fn feature(file: &File) -> Option<&str> {
    file.module
        .first()
        .map(String::as_str)
        .filter(|first| FEATURES.contains(first))
}

/// The edges of the crate: for each file, the files its `crate::` paths lead to.
fn graph(files: &[File]) -> BTreeMap<usize, BTreeSet<usize>> {
    let by_module: BTreeMap<&[String], usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.module.as_slice(), i))
        .collect();
    let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        let targets = edges.entry(i).or_default();
        for path in paths(&code(&file.text)) {
            // The deepest module the path names is the file it leads to.
            let target = (0..=path.len())
                .rev()
                .find_map(|n| by_module.get(&path[..n]).copied());
            if let Some(target) = target
                && target != i
            {
                targets.insert(target);
            }
        }
    }
    edges
}

fn source() -> Vec<File> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    files(&root, &root, &mut out);
    out
}

#[test]
fn the_floor_never_reaches_into_a_feature_and_features_not_into_each_other() {
    let files = source();
    assert!(files.len() > 40, "found only {} files", files.len());
    let edges = graph(&files);
    let mut wrong = Vec::new();
    for (&from, targets) in &edges {
        let source = &files[from];
        if TOP.contains(&source.path.as_str()) {
            continue;
        }
        for &to in targets {
            let target = &files[to];
            match (feature(source), feature(target)) {
                (None, Some(_)) => wrong.push(format!(
                    "{} (floor) uses {} (a feature)",
                    source.path, target.path
                )),
                (Some(a), Some(b)) if a != b => {
                    wrong.push(format!("{} ({a}) uses {} ({b})", source.path, target.path))
                }
                _ => {}
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn no_file_reaches_back_to_itself() {
    let files = source();
    let edges = graph(&files);
    // Depth-first search for a back edge; the cycle found is reported by its files.
    fn visit(
        node: usize,
        edges: &BTreeMap<usize, BTreeSet<usize>>,
        state: &mut BTreeMap<usize, bool>,
        stack: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state.insert(node, false);
        stack.push(node);
        for &next in edges.get(&node).into_iter().flatten() {
            match state.get(&next) {
                Some(false) => {
                    let at = stack.iter().position(|&n| n == next).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(next);
                    return Some(cycle);
                }
                Some(true) => {}
                None => {
                    if let Some(cycle) = visit(next, edges, state, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node, true);
        None
    }
    let mut state = BTreeMap::new();
    for node in 0..files.len() {
        if !state.contains_key(&node)
            && let Some(cycle) = visit(node, &edges, &mut state, &mut Vec::new())
        {
            let names: Vec<&str> = cycle.iter().map(|&n| files[n].path.as_str()).collect();
            panic!("an import circle: {}", names.join(" -> "));
        }
    }
}

#[test]
fn the_reader_finds_paths_in_use_lines_and_code() {
    let found = paths(
        "use crate::ui::{Chrome, dates::{day, today}};\nlet x = crate::scan::round::load(a);\n",
    );
    let found: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        found,
        [
            "ui::Chrome",
            "ui::dates::day",
            "ui::dates::today",
            "scan::round::load"
        ]
    );
    assert_eq!(
        code("use a; // crate::x\n#[cfg(test)]\nuse crate::y;"),
        "use a; \n"
    );
}

#[test]
fn a_feature_reaching_into_another_is_caught() {
    let files = vec![
        File {
            path: "scan/area.rs".into(),
            module: vec!["scan".into(), "area".into()],
            text: "use crate::tasks::hours::calculation;".into(),
        },
        File {
            path: "tasks/hours.rs".into(),
            module: vec!["tasks".into(), "hours".into()],
            text: "use crate::scan::area::show;".into(),
        },
    ];
    let edges = graph(&files);
    assert_eq!(edges[&0], BTreeSet::from([1]));
    assert_eq!(edges[&1], BTreeSet::from([0]));
    assert_eq!(feature(&files[0]), Some("scan"));
}

#[test]
fn templates_keep_to_their_feature_and_the_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut wrong = Vec::new();
    let mut seen = 0;
    for folder in std::fs::read_dir(&root).expect("templates are readable") {
        let folder = folder.expect("an entry").path();
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(
            folder.is_dir() && (name == "ui" || FEATURES.contains(&name.as_str())),
            "templates/{name}: a template lives in ui/ or in a feature's folder"
        );
        for file in std::fs::read_dir(&folder).expect("a readable folder") {
            let file = file.expect("an entry").path();
            let text = std::fs::read_to_string(&file).expect("a readable template");
            seen += 1;
            for piece in text.split("{%").skip(1) {
                let piece = piece.trim_start_matches('-').trim_start();
                let Some(rest) = ["include", "extends", "import"]
                    .iter()
                    .find_map(|tag| piece.strip_prefix(tag))
                else {
                    continue;
                };
                let used = rest.trim_start().trim_start_matches('"');
                let used_folder = used.split('/').next().unwrap_or_default();
                if used_folder != "ui" && used_folder != name {
                    wrong.push(format!("{} uses {used_folder}/", file.display()));
                }
            }
        }
    }
    assert!(seen > 30, "found only {seen} templates");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
