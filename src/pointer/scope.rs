//! A scope's prefixes matched against many paths at once (hostile audit, thirty-second session:
//! 4,000 pointers against 12,000 missing values, each against each, took 8 s; 16,000 of each
//! took minutes). Past a few thousand comparisons, the prefixes are put in a tree of their
//! segments (a `*` its own branch), and each path walks it: the work is the scope's length
//! once, and each path's segments, not the product of the two.

use std::collections::BTreeMap;

use super::covers;

/// Comparisons of every path with every prefix allowed before a tree is built (a form's scope
/// of a few dozen pointers against its few missing values stays a plain loop: no allocation
/// on a keystroke).
const PLAIN_COMPARISONS: usize = 4096;

/// The prefixes of a scope (or none: everything is in it), ready for `uses` paths.
#[derive(Debug)]
pub(crate) enum Scope<'s> {
    /// No scope: every path is in it.
    All,
    /// Few enough to compare each path with each.
    Plain(&'s [String]),
    /// The prefixes as a tree.
    Tree(Vec<Node>),
}

/// A node of the tree: a prefix ends here, the branch of `*`, and the others by segment (owned
/// keys: the map of the indicators' unit index, one B-tree in the .wasm).
#[derive(Debug, Default)]
pub(crate) struct Node {
    end: bool,
    star: Option<usize>,
    kids: BTreeMap<String, usize>,
}

impl<'s> Scope<'s> {
    /// The scope `prefixes`, to be asked about some `uses` paths.
    pub(crate) fn new(prefixes: Option<&'s [String]>, uses: usize) -> Self {
        let Some(prefixes) = prefixes else { return Scope::All };
        if prefixes.len().saturating_mul(uses) <= PLAIN_COMPARISONS {
            return Scope::Plain(prefixes);
        }
        let mut nodes = vec![Node::default()];
        for p in prefixes {
            let mut at = 0;
            // Segment by segment, as `covers` compares them (a trailing `/` left out).
            for seg in p.strip_suffix('/').unwrap_or(p).split('/') {
                let next = nodes.len();
                let Some(node) = nodes.get_mut(at) else { break };
                let child = if seg == "*" { node.star } else { node.kids.get(seg).copied() };
                at = match child {
                    Some(c) => c,
                    None => {
                        if seg == "*" {
                            node.star = Some(next);
                        } else {
                            node.kids.insert(seg.to_owned(), next);
                        }
                        nodes.push(Node::default());
                        next
                    }
                };
            }
            if let Some(node) = nodes.get_mut(at) {
                node.end = true;
            }
        }
        Scope::Tree(nodes)
    }

    /// Whether a prefix covers `path`: `path` lies inside it, or (`above`) holds it — what
    /// [`covers`] says of some prefix.
    pub(crate) fn covers(&self, path: &str, above: bool) -> bool {
        let nodes = match self {
            Scope::All => return true,
            Scope::Plain(prefixes) => return prefixes.iter().any(|p| covers(p, path, above)),
            Scope::Tree(nodes) => nodes,
        };
        let end = |n: &usize| nodes.get(*n).is_some_and(|x| x.end);
        let (mut active, mut next) = (vec![0], Vec::new());
        for seg in path.split('/') {
            // A prefix ends above this segment: the path is inside it.
            if active.iter().any(end) {
                return true;
            }
            next.clear();
            for node in active.iter().filter_map(|&n| nodes.get(n)) {
                next.extend(node.kids.get(seg).copied());
                next.extend(node.star);
            }
            if next.is_empty() {
                return false;
            }
            std::mem::swap(&mut active, &mut next);
        }
        // The path ends here: a prefix ends with it, or goes on below it.
        above || active.iter().any(end)
    }
}

/// Keep the items `kept` keeps anyway, and the others whose `path` lies in `scope`
/// ([`crate::Options::in_scope`]).
pub(crate) fn retain_in_scope<T>(
    scope: Option<&[String]>,
    items: &mut Vec<T>,
    kept: impl Fn(&T) -> bool,
    path: impl Fn(&T) -> &str,
) {
    let scope = Scope::new(scope, items.len());
    if !matches!(scope, Scope::All) {
        items.retain(|x| kept(x) || scope.covers(path(x), true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree answers as the plain comparison does, for every prefix and path of a set that
    /// has `*`, a trailing `/`, the document's own pointer, escapes and prefixes of each other.
    #[test]
    fn the_tree_answers_as_each_prefix_does() {
        let prefixes: Vec<String> = [
            "/staff",
            "/roster/*/phone",
            "/*/0",
            "",
            "/a~1b/",
            "/units/*/counts",
            "/x/*/*/y",
            "/staff/keyArea/returned",
        ]
        .map(String::from)
        .to_vec();
        let paths = [
            "",
            "/staff",
            "/staffing",
            "/staff/total",
            "/roster",
            "/roster/3",
            "/roster/3/phone",
            "/roster/3/phone/x",
            "/roster/3/name",
            "/q/0",
            "/q/1",
            "/a~1b",
            "/a~1b/c",
            "/a/b",
            "/units/7/counts/x",
            "/units",
            "/x/1/2/y",
            "/x/1/2",
            "/x/1/2/z",
            "/staff/keyArea",
            "/*",
            "/roster/*/phone",
        ];
        let empty: &[String] = &[];
        for k in 1..=prefixes.len() {
            for set in prefixes.windows(k).chain([empty]) {
                let tree = Scope::new(Some(set), usize::MAX);
                assert!(set.is_empty() || matches!(tree, Scope::Tree(_)));
                for path in paths {
                    for above in [false, true] {
                        let plain = set.iter().any(|p| covers(p, path, above));
                        assert_eq!(tree.covers(path, above), plain, "{set:?} {path:?} above={above}");
                    }
                }
            }
        }
    }
}
