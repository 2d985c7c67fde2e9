//! Every golden file records the full command that made it and the versions of the tools that
//! computed it (finance_scenarios.json is an input table, not a golden file).

use std::path::Path;

#[test]
fn every_golden_file_records_its_command_and_versions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files: Vec<_> = std::fs::read_dir(root.join("reference"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.ends_with("finance_scenarios.json"))
        .collect();
    files.push(root.join("weather/pvlib_reference.json"));
    assert!(files.len() >= 5, "{files:?}");
    for f in files {
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let name = f.display();
        let command = g["command"].as_str().unwrap_or_default();
        assert!(
            command.starts_with(".venv/bin/python scripts/"),
            "{name}: no command ({command:?})"
        );
        // Versions recorded either in one object or at the top level (pvlib_reference.json).
        let versions = if g["versions"].is_object() {
            &g["versions"]
        } else {
            &g
        };
        for tool in ["python", "numpy"] {
            assert!(versions[tool].is_string(), "{name}: no {tool} version");
        }
    }
}
