//! Gazetteers: lists of known entities with their aliases.
