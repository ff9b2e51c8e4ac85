//! The interactive questionnaire: a pure state machine ([`machine`]) that decides what to ask,
//! and a thin inquire front end ([`prompt`]) that asks it. [`draft`] keeps every answer on disk
//! as it is given.

pub mod draft;
pub mod machine;
pub mod prompt;
pub mod validate;

#[cfg(test)]
pub(crate) mod testing {
    //! Packs for unit tests.

    use std::path::PathBuf;

    use crate::lang::Lang;
    use crate::pack::Pack;
    use crate::pack::load::load;

    fn pack(id: &str) -> Pack {
        let mini = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/mini");
        let catalog = load(&[mini], Lang::En);
        catalog.pack(id).unwrap().clone()
    }

    /// The small fixture pack of `tests/fixtures/packs/mini`.
    pub fn mini() -> Pack {
        pack("mini")
    }

    /// The built-in community-dependence pack.
    pub fn builtin() -> Pack {
        pack("community-dependence")
    }
}
