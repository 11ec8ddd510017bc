use crate::{Error, RawDocument};

pub(crate) fn read(_bytes: &[u8], _options: &crate::ReadOptions) -> Result<RawDocument, Error> {
    Err(Error::Empty)
}
