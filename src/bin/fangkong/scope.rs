//! `--scope`: its JSON Pointers, read as the npm package reads `scope`.

/// The JSON Pointers of one `--scope`, as the npm package's `scope` reads them (twenty-sixth
/// session audits: `--scope ""` meant "nothing reached" here and everything in npm, where `""` is
/// the whole submission's pointer). A JSON array (`[]`: nothing reached yet; `["", …]`), or
/// pointers separated by commas, where an empty piece beside others adds nothing (a trailing
/// comma never widens the scope to everything: audit) and `""` alone is the root pointer.
pub fn pointers(v: &str) -> Result<Vec<String>, String> {
    let pointers: Vec<String> = if v.trim_start().starts_with('[') {
        serde_json::from_str(v).map_err(|e| {
            super::usage::t(
                // Where, not serde's English (server audit, thirty-eighth session).
                format!("--scope 若为 JSON，须是 JSON 指针的数组，如 [\"/enterprise\"]（问题在第 {} 列）", e.column()),
                format!("--scope as JSON must be an array of JSON Pointers such as [\"/enterprise\"]: {e}"),
            )
        })?
    } else if v.is_empty() {
        vec![String::new()]
    } else {
        v.split(',').filter(|p| !p.is_empty()).map(str::to_owned).collect()
    };
    // JSON Pointers, as the npm package's `scope` (twelfth session: `staff` matched nothing).
    // A `~` not followed by `0` or `1` escapes nothing (sixteenth session audit).
    let bad_tilde = |p: &str| p.split('~').skip(1).any(|t| !t.starts_with(['0', '1']));
    if let Some(bad) = pointers.iter().find(|p| !p.is_empty() && (!p.starts_with('/') || bad_tilde(p))) {
        return Err(super::usage::t(
            format!("--scope 须为 JSON 指针，如 `/enterprise/name`，实际为 `{bad}`"),
            format!("--scope must hold JSON Pointers such as `/enterprise/name`, got `{bad}`"),
        ));
    }
    Ok(pointers)
}
