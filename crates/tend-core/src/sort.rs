//! One small stable sort shared by every list Tend orders.
//!
//! The standard library's sorts are excellent, but every call site compiles
//! its own few kilobytes of sorting code into the WebAssembly download.
//! Tend's lists are small (check-ins, pulses, loaded questionnaires, chart
//! points: hundreds, at most a few thousand), so one merge sort over
//! positions, compiled once, is plenty fast and keeps the first load small.
//! Only a thin generic wrapper is compiled per element type.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their original order.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let view: &[T] = items;
        sorted_positions(view.len(), &mut |a, b| compare(&view[a], &view[b]))
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their
/// original order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// A stable bottom-up merge sort of the positions `0..len`, comparing
/// positions with `compare`. Not generic, so it is compiled exactly once.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut into = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, mid);
            for slot in &mut into[start..end] {
                // Take from the right run only when it is strictly smaller:
                // that is what keeps the sort stable.
                let take_right = right < end
                    && (left >= mid || compare(from[right], from[left]) == Ordering::Less);
                if take_right {
                    *slot = from[right];
                    right += 1;
                } else {
                    *slot = from[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut into);
        width *= 2;
    }
    from
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_small_and_empty_lists() {
        let mut empty: Vec<u8> = vec![];
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort_by_key(&mut one, |x| *x);
        assert_eq!(one, vec![7]);
        let mut some = vec![5, 1, 4, 1, 3, 9, 2, 6];
        sort_by_key(&mut some, |x| *x);
        assert_eq!(some, vec![1, 1, 2, 3, 4, 5, 6, 9]);
    }

    #[test]
    fn keeps_equal_items_in_their_original_order() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(
            pairs,
            vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]
        );
    }

    #[test]
    fn sorts_descending_with_a_reversed_key() {
        let mut v = vec![3, 10, 1];
        sort_by_key(&mut v, |x| std::cmp::Reverse(*x));
        assert_eq!(v, vec![10, 3, 1]);
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..200)) {
            // Tag each key with its position so stability is visible.
            let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = tagged.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = tagged;
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
