use crate::{Error, RawDocument};

pub(crate) fn read(_bytes: &[u8]) -> Result<RawDocument, Error> {
    Err(Error::Empty)
}
