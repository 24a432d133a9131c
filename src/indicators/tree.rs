//! The units' parent links as a forest.

/// Cuts every link of every cycle in `parent` (unit → its parent's index) in linear time, walking
/// up from each unvisited unit and marking the path; the units whose link was cut, in the order
/// met. No unit of a cycle is then read as another's parent, whichever unit the walk met first.
pub(super) fn cut_cycles(parent: &mut [Option<usize>]) -> Vec<usize> {
    let mut cut = Vec::new();
    let mut state = vec![0u8; parent.len()]; // 0 unvisited, 1 on the current path, 2 done
    for k in 0..parent.len() {
        let mut path = Vec::new();
        let mut at = Some(k);
        while let Some(j) = at {
            match state.get(j).copied() {
                Some(0) => {
                    if let Some(st) = state.get_mut(j) {
                        *st = 1;
                    }
                    path.push(j);
                    at = parent.get(j).copied().flatten();
                }
                Some(1) => {
                    // `j` is on the current path: the cycle is the path from it on.
                    let from = path.iter().position(|&x| x == j).unwrap_or(0);
                    for &c in path.iter().skip(from) {
                        if let Some(slot) = parent.get_mut(c) {
                            *slot = None;
                        }
                        cut.push(c);
                    }
                    break;
                }
                _ => break,
            }
        }
        for j in path {
            if let Some(st) = state.get_mut(j) {
                *st = 2;
            }
        }
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::cut_cycles;

    /// The same cycle gives the same forest whichever unit comes first; links into it stay.
    #[test]
    fn every_link_of_a_cycle_is_cut_in_any_order() {
        // A → B → C → A, and G → B (into the cycle); then the same units listed from B.
        let mut p = vec![Some(1), Some(2), Some(0), Some(1)];
        assert_eq!(cut_cycles(&mut p), [0, 1, 2]);
        assert_eq!(p, [None, None, None, Some(1)]);
        // B, C, A, G: B → C (1), C → A (2), A → B (0), G → B (0).
        let mut q = vec![Some(1), Some(2), Some(0), Some(0)];
        assert_eq!(cut_cycles(&mut q), [0, 1, 2]);
        assert_eq!(q, [None, None, None, Some(0)]);
        // Its own parent, and a chain with no cycle.
        let mut own = vec![Some(0), None];
        assert_eq!(cut_cycles(&mut own), [0]);
        let mut chain = vec![None, Some(0), Some(1)];
        assert!(cut_cycles(&mut chain).is_empty());
        assert_eq!(chain, [None, Some(0), Some(1)]);
    }
}
