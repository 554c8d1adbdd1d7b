//! Compressed sparse row adjacency: one flat `Vec` of neighbours plus offsets, the
//! cache-friendly index-based structure every hot loop of the layout walks.

pub struct Csr {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Csr {
    /// Builds `n` rows from `(row, item)` pairs; within a row items keep pair order.
    pub fn build(n: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Csr {
        let mut start = vec![0u32; n + 1];
        for (r, _) in pairs.clone() {
            start[r as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; start[n] as usize];
        for (r, it) in pairs {
            items[fill[r as usize] as usize] = it;
            fill[r as usize] += 1;
        }
        Csr { start, items }
    }

    pub fn row(&self, r: usize) -> &[u32] {
        &self.items[self.start[r] as usize..self.start[r + 1] as usize]
    }

    pub fn degree(&self, r: usize) -> usize {
        (self.start[r + 1] - self.start[r]) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::Csr;

    #[test]
    fn rows_keep_order() {
        let pairs = [(2u32, 7u32), (0, 1), (2, 3), (0, 9)];
        let c = Csr::build(3, pairs.iter().copied());
        assert_eq!(c.row(0), &[1, 9]);
        assert_eq!(c.row(1), &[] as &[u32]);
        assert_eq!(c.row(2), &[7, 3]);
        assert_eq!(c.degree(2), 2);
    }
}
