//! Evaluation: time (scaffolding; its issue fills this module).
