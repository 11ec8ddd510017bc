//! Contract-level confusion counts and the figures derived from them.

use serde::Serialize;

/// A contract-level confusion matrix for one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Labelled, and the check found it.
    pub tp: usize,
    /// Not labelled, but the check found it.
    pub fp: usize,
    /// Labelled, but the check did not find it.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Neither labelled nor found.
    pub tn: usize,
}

impl Counts {
    /// Adds one contract's outcome.
    pub fn add(&mut self, labelled: bool, predicted: bool) {
        match (labelled, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Adds another matrix's counts to this one.
    pub fn merge(&mut self, other: &Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }

    /// Contracts counted.
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }

    /// Contracts labelled positive.
    pub fn labelled(&self) -> usize {
        self.tp + self.fn_
    }

    /// TP / (TP + FP); `None` when the check found nothing.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN); `None` when nothing is labelled.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall, 2·TP / (2·TP + FP + FN); `None` only when
    /// there is nothing to find and nothing was found (then no error was made, but there is
    /// nothing to score either).
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

/// `num / den`, `None` for an empty denominator.
pub fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Mean and sample standard deviation (n − 1) of the defined values; the deviation is `None`
/// with fewer than two values, the mean with none.
pub fn mean_sd(values: &[Option<f64>]) -> (Option<f64>, Option<f64>) {
    let v: Vec<f64> = values.iter().flatten().copied().collect();
    if v.is_empty() {
        return (None, None);
    }
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    if v.len() < 2 {
        return (Some(mean), None);
    }
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (Some(mean), Some(var.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_the_counts() {
        let mut c = Counts::default();
        for (l, p, n) in [
            (true, true, 8),
            (false, true, 2),
            (true, false, 2),
            (false, false, 5),
        ] {
            for _ in 0..n {
                c.add(l, p);
            }
        }
        assert_eq!(
            (c.tp, c.fp, c.fn_, c.tn, c.total(), c.labelled()),
            (8, 2, 2, 5, 17, 10)
        );
        assert_eq!(c.precision(), Some(0.8));
        assert_eq!(c.recall(), Some(0.8));
        assert!((c.f1().unwrap() - 0.8).abs() < 1e-12);
    }

    #[test]
    fn empty_denominators_are_undefined_not_zero() {
        let mut c = Counts::default();
        c.add(false, false);
        assert_eq!((c.precision(), c.recall(), c.f1()), (None, None, None));
        c.add(true, false);
        assert_eq!(
            (c.precision(), c.recall(), c.f1()),
            (None, Some(0.0), Some(0.0))
        );
    }

    #[test]
    fn mean_and_sample_deviation_skip_undefined_values() {
        assert_eq!(mean_sd(&[]), (None, None));
        assert_eq!(mean_sd(&[Some(0.5), None]), (Some(0.5), None));
        let (m, sd) = mean_sd(&[Some(1.0), Some(3.0), None]);
        assert_eq!(m, Some(2.0));
        assert!((sd.unwrap() - 2f64.sqrt()).abs() < 1e-12);
        let json = serde_json::to_string(&Counts {
            tp: 1,
            fp: 0,
            fn_: 2,
            tn: 3,
        })
        .unwrap();
        assert_eq!(json, r#"{"tp":1,"fp":0,"fn":2,"tn":3}"#);
    }
}
