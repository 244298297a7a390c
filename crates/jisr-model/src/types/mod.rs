//! Attribute types and categories (being written).
