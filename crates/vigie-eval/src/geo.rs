//! Evaluation: geo (scaffolding; its issue fills this module).
