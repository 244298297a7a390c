//! Name blocking keys come from the name engine, so a new jisr may derive
//! other keys for the same name (a rule or a lexicon word added). Names
//! indexed under the old keys would then never meet names written since.
//! The instance records which derivation its index follows
//! ([`keys::NAME_KEYS_VERSION`]); when it opens with another, the index is
//! built again, once, before anything else writes (the binary's
//! `upgrade_name_keys`). Names indexed again in place would not do: each
//! would meet every name already under its key, and a key held by more
//! than `jisr.correlation.name_block_limit` names gives no candidates,
//! where the first names written under it had met each other; a rebuild
//! meets them in the order they were written, as writing them did.
//!
//! Invariant: the record says current only if no stored name has keys of
//! another derivation. A fresh instance and an emptied index (a rebuild)
//! are current; an index from before the record existed is not.

use jisr_store::Tx;

use super::keys;
use crate::error::Result;

/// The setting that records the derivation (kept out of MISP's listing,
/// as every `jisr.` setting).
pub const NAME_KEYS_SETTING: &str = "jisr.correlation.name_keys_version";

/// Whether the stored name keys follow this build's derivation; an empty
/// index does, and is recorded so.
pub fn name_keys_current(tx: &mut dyn Tx) -> Result<bool> {
    let current = keys::NAME_KEYS_VERSION.to_string();
    if tx.setting_get(NAME_KEYS_SETTING)?.as_deref() == Some(current.as_str()) {
        return Ok(true);
    }
    if tx.correlation_stats()?.keys == 0 {
        mark_name_keys_current(tx)?;
        return Ok(true);
    }
    Ok(false)
}

/// Records that every stored name follows this build's derivation.
pub fn mark_name_keys_current(tx: &mut dyn Tx) -> Result<()> {
    Ok(tx.setting_set(NAME_KEYS_SETTING, &keys::NAME_KEYS_VERSION.to_string())?)
}
