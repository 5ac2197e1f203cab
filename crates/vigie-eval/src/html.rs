//! Evaluation: html (scaffolding; its issue fills this module).
