//! The core's module graph: which module imports which, that no module imports from a layer above
//! its own, that no two modules import each other (directly or round a cycle), and the longest
//! functions. Print them with
//!
//! ```text
//! cargo test --test layers -- --nocapture
//! ROOFTOP_SRC=/other/checkout/src cargo test --test layers print -- --nocapture   # another tree
//! ```
//!
//! The source is read as text: comments, strings and `#[cfg(test)]` modules are dropped, then every
//! `crate::…` / `super::…` path (also inside `use crate::{…}` groups) is resolved to the longest
//! module path that exists as a file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers from the bottom up: a module may import from its own layer and from those below. An
/// entry names a module and everything under it, unless a longer entry names a part of it (the
/// sun path of a weather file sits above the weather readers, the rest of `solar` below them).
/// A module in no layer fails [`layers_point_down`].
const LAYERS: &[&[&str]] = &[
    // errors, warnings, bilingual text, numbers in messages, range checks, the strict JSON reader,
    // input caps, min/max by compare-and-select, JSON text of results
    &[
        "diag",
        "check",
        "decimal",
        "error",
        "json",
        "finite",
        "caps",
        "minmax",
        "json_text",
    ],
    // the only place for dates
    &["calendar"],
    // models of the sun and of yields and emissions, on plain numbers; the 2025 rules' project
    // categories, export-price rules (Document 136), provincial facts and VAT
    &[
        "solar",
        "energy",
        "shape",
        "emissions",
        "sizing",
        "rules::benchmarks",
        "rules::category",
        "rules::export_price",
        "rules::provinces",
        "rules::vat",
    ],
    // the weather file readers (io)
    &["weather"],
    // the sun path of a weather file and the PV chain
    &["solar::sunpath", "pv"],
    // the input types (a battery's fields among them)
    &["scenario", "storage::spec"],
    // the battery resolved and dispatched hour by hour (PV + storage)
    &[
        "storage",
        "storage::battery",
        "storage::flow",
        "storage::health",
        "storage::optimal",
        "storage::rules",
        "storage::dispatch",
    ],
    // built-in climate, loads and tariffs read from their inputs
    &["climate", "load", "tariff"],
    // the other provinces' time-of-use tariffs, beside Shanxi's
    &["rules::tou_presets"],
    // every default of a scenario
    &["resolve::defaults"],
    // the scenario checked and resolved; the report's types
    // (and the scenario's `project` checked against the 2025 rules)
    &["resolve", "ownership", "report", "rules"],
    // the resource loaded: weather file, station or monthly values to hourly weather
    &["resource"],
    // first-year production; presets and example scenarios
    &["production", "presets"],
    // usage and finance formulas
    &["usage", "finance"],
    // the money of a lifetime
    &["money"],
    // the report's numeric tables apart from its JSON text (for the JavaScript binding)
    &["handoff"],
    // the pipeline (`calculate`) and the JavaScript binding
    &["crate", "wasm"],
];

fn src_dir() -> PathBuf {
    std::env::var_os("ROOFTOP_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// `src/a/b.rs` and `src/a/b/mod.rs` → `a::b`; `src/lib.rs` → `crate`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    if parts.is_empty() {
        "crate".into()
    } else {
        parts.join("::")
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The text without comments, string and char literals (each replaced by a space), keeping newlines.
fn strip(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if b[i] == '\n' {
                        out.push('\n');
                    }
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('#') || next == Some('"'))
            && !ident_char(b.get(i.wrapping_sub(1)))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if b[j] == '\n' {
                    out.push('\n');
                }
                j += 1;
            }
            out.push(' ');
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                if b.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' && b.get(i + 2) == Some(&'\'') {
            out.push(' ');
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            i += 2;
            while i < b.len() && b[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Byte range of the block that opens at the first `{` at or after `from`.
fn block(text: &str, from: usize) -> Option<(usize, usize)> {
    let open = from + text[from..].find('{')?;
    let mut depth = 0;
    for (k, ch) in text[open..].char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((open, open + k + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// The text with every `#[cfg(test)]` item blanked (newlines kept).
fn without_tests(text: &str) -> String {
    let mut out = text.to_string();
    let mut from = 0;
    while let Some(k) = out[from..].find("#[cfg(test)]") {
        let start = from + k;
        let Some((_, end)) = block(&out, start) else {
            break;
        };
        let blank: String = out[start..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(start..end, &blank);
        from = start + blank.len();
    }
    out
}

/// Every path of a `use` tree, e.g. `a::{b, c::{d}}` → `a::b`, `a::c::d`.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(k) = tree.find('{') {
        let head = tree[..k].trim_end_matches(':').trim();
        let inner = &tree[k + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut part = String::new();
        for ch in inner.chars() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&part, &base, out);
                    part.clear();
                    continue;
                }
                _ => {}
            }
            part.push(ch);
        }
        expand(&part, &base, out);
    } else if !tree.is_empty() {
        let name = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(join(prefix, name));
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    }
}

/// The paths (relative to the crate root) that `code` of module `module` refers to.
fn references(code: &str, module: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let here = if module == "crate" { "" } else { module };
    // `use` trees first (they may hold groups), then every other qualified path.
    let mut rest = String::new();
    let mut from = 0;
    for (k, _) in code.match_indices("use ") {
        if k < from || ident_char(code[..k].chars().last().as_ref()) {
            continue;
        }
        let end = k + code[k..].find(';').unwrap_or(code.len() - k);
        let tree = code[k + 4..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut found = Vec::new();
        expand(&tree, "", &mut found);
        // `use child::…` (and at the root `use module::…`) is relative to this module.
        paths.extend(found.into_iter().map(|p| {
            if ["crate", "super", "self"]
                .iter()
                .any(|r| p == *r || p.starts_with(&format!("{r}::")))
            {
                p
            } else {
                format!("self::{p}")
            }
        }));
        rest.push_str(&code[from..k]);
        from = end;
    }
    rest.push_str(&code[from..]);
    let chars: Vec<char> = rest.chars().collect();
    let text: String = chars.iter().collect();
    // A bare path from here: a child module (`monthly::f` in `climate`), or any module at the root.
    for (k, _) in text.match_indices("::") {
        let head: String = text[..k]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let before = &text[..k - head.len()];
        if !head.is_empty()
            && !before.ends_with("::")
            && !["crate", "super", "self"].contains(&head.as_str())
        {
            let tail: String = text[k - head.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(format!("self::{}", tail.trim_end_matches(':')));
        }
    }
    for root in ["crate::", "super::", "self::"] {
        for (k, _) in text.match_indices(root) {
            if ident_char(text[..k].chars().last().as_ref()) || text[..k].ends_with("::") {
                continue;
            }
            let tail: String = text[k..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(tail.trim_end_matches(':').to_string());
        }
    }
    paths
        .into_iter()
        .filter_map(|p| {
            let mut segs: Vec<&str> = p.split("::").collect();
            let base: Vec<String> = match segs.first().copied() {
                Some("crate") => {
                    segs.remove(0);
                    Vec::new()
                }
                Some("super") => {
                    let mut b: Vec<String> = parent
                        .split("::")
                        .filter(|s| !s.is_empty() && *s != "crate")
                        .map(String::from)
                        .collect();
                    while segs.first() == Some(&"super") {
                        segs.remove(0);
                        if segs.first() == Some(&"super") {
                            b.pop();
                        }
                    }
                    b
                }
                Some("self") => {
                    segs.remove(0);
                    here.split("::")
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                }
                _ => return None,
            };
            let mut all = base;
            all.extend(segs.iter().map(|s| s.to_string()));
            Some(all.join("::"))
        })
        .collect()
}

/// The longest prefix of `path` that is a module of `modules`.
fn resolve(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let segs: Vec<&str> = path.split("::").collect();
    (1..=segs.len())
        .rev()
        .map(|n| segs[..n].join("::"))
        .find(|m| modules.contains(m))
}

struct Tree {
    /// Module → the modules it refers to (other than itself, its ancestors and descendants).
    graph: BTreeMap<String, BTreeSet<String>>,
    /// (lines, module, function) of every non-test function.
    functions: Vec<(usize, String, String)>,
}

fn read_tree(src: &Path) -> Tree {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(src, f)).collect();
    let mut graph = BTreeMap::new();
    let mut functions = Vec::new();
    for f in &files {
        let module = module_of(src, f);
        let code = without_tests(&strip(&std::fs::read_to_string(f).unwrap()));
        let mut deps = BTreeSet::new();
        for p in references(&code, &module) {
            if let Some(m) = resolve(&p, &modules) {
                let related = m == module
                    || module.starts_with(&format!("{m}::"))
                    || m.starts_with(&format!("{module}::"));
                if !related {
                    deps.insert(m);
                }
            }
        }
        graph.insert(module.clone(), deps);
        for (k, _) in code.match_indices("fn ") {
            if ident_char(code[..k].chars().last().as_ref()) {
                continue;
            }
            let name: String = code[k + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let semi = code[k..].find(';').map(|s| k + s);
            let Some((open, close)) = block(&code, k) else {
                continue;
            };
            if semi.is_some_and(|s| s < open) || name.is_empty() {
                continue;
            }
            let lines = code[k..close].lines().count();
            let _ = open;
            functions.push((lines, module.clone(), name));
        }
    }
    functions.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Tree { graph, functions }
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

/// The layer of the longest entry of [`LAYERS`] that is `module` or an ancestor of it.
fn layer_of(module: &str) -> Option<usize> {
    let covers = |e: &str| module == e || module.starts_with(&format!("{e}::"));
    LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.iter().filter(|e| covers(e)).map(move |e| (e.len(), i)))
        .max()
        .map(|(_, i)| i)
}

/// Strongly connected components with more than one module (Tarjan's algorithm, iteratively small).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let names: Vec<&String> = graph.keys().collect();
    let index_of: BTreeMap<&String, usize> =
        names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let reach = |from: usize| {
        let mut seen = vec![false; names.len()];
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for d in &graph[names[n]] {
                if let Some(&j) = index_of.get(d) {
                    if !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        seen
    };
    let reachable: Vec<Vec<bool>> = (0..names.len()).map(reach).collect();
    let mut done = vec![false; names.len()];
    let mut out = Vec::new();
    for i in 0..names.len() {
        if done[i] || !reachable[i][i] {
            continue;
        }
        let comp: Vec<String> = (0..names.len())
            .filter(|&j| reachable[i][j] && reachable[j][i])
            .map(|j| {
                done[j] = true;
                names[j].clone()
            })
            .collect();
        out.push(comp);
    }
    out
}

/// The entry of [`LAYERS`] that a module belongs to (`climate::monthly` → `climate`,
/// `solar::sunpath` → itself), or its top-level module when none does.
fn unit(module: &str) -> String {
    LAYERS
        .iter()
        .flat_map(|l| l.iter())
        .filter(|e| module == **e || module.starts_with(&format!("{e}::")))
        .max_by_key(|e| e.len())
        .map_or_else(|| top(module).to_string(), |e| e.to_string())
}

/// The graph with each module folded into its [`unit`].
fn top_level(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, deps) in graph {
        let own = unit(m);
        let entry = out.entry(own.clone()).or_default();
        entry.extend(deps.iter().map(|d| unit(d)).filter(|d| *d != own));
    }
    out
}

fn print(tree: &Tree, src: &Path) {
    println!(
        "module graph of {} (module -> modules it imports):",
        src.display()
    );
    for (m, deps) in &tree.graph {
        let layer = layer_of(m).map_or("?".to_string(), |l| l.to_string());
        let deps: Vec<&str> = deps.iter().map(String::as_str).collect();
        println!("  [{layer}] {m} -> {}", deps.join(", "));
    }
    let cyc = cycles(&tree.graph);
    println!("cycles: {}", cyc.len());
    for c in &cyc {
        println!("  {} modules: {}", c.len(), c.join(", "));
    }
    let tops = top_level(&tree.graph);
    let cyc = cycles(&tops);
    println!(
        "cycles between the units of LAYERS (top-level modules): {}",
        cyc.len()
    );
    for c in &cyc {
        println!("  {} modules: {}", c.len(), c.join(", "));
    }
    println!("longest functions (lines, tests excluded):");
    for (lines, m, f) in tree.functions.iter().take(12) {
        println!("  {lines:4}  {m}::{f}");
    }
}

#[test]
fn print_graph_and_longest_functions() {
    let src = src_dir();
    let tree = read_tree(&src);
    assert!(
        tree.graph.len() > 10,
        "no modules read from {}",
        src.display()
    );
    assert!(
        tree.graph["crate"].contains("scenario"),
        "the reader misses lib.rs's imports"
    );
    print(&tree, &src);
}

#[test]
fn layers_point_down() {
    let tree = read_tree(&src_dir());
    let mut wrong = Vec::new();
    for (m, deps) in &tree.graph {
        let Some(own) = layer_of(m) else {
            wrong.push(format!("{m} is in no layer of LAYERS"));
            continue;
        };
        for d in deps {
            if layer_of(d).is_some_and(|l| l > own) {
                wrong.push(format!(
                    "{m} (layer {own}) imports {d} (layer {:?})",
                    layer_of(d).unwrap()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_cycles() {
    let tree = read_tree(&src_dir());
    let cyc = cycles(&tree.graph);
    assert!(cyc.is_empty(), "module cycles: {cyc:?}");
    let cyc = cycles(&top_level(&tree.graph));
    assert!(
        cyc.is_empty(),
        "cycles between the units of LAYERS: {cyc:?}"
    );
}
