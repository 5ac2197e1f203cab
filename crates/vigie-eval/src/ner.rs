//! Evaluation: ner (scaffolding; its issue fills this module).
