//! [`Header`] for [`httparse::Header`] (feature `httparse`): the parsed header array of an
//! httparse request is a header list as it is, so a server decides over the bytes of its own
//! read buffer without copying a name or a value.
//!
//! ```
//! use cors_core::http::BoundedHeaders;
//!
//! let mut storage = [httparse::EMPTY_HEADER; 16];
//! let mut request = httparse::Request::new(&mut storage);
//! let bytes = b"GET / HTTP/1.1\r\nHost: api.example\r\nOrigin: https://app.example\r\n\r\n";
//! assert!(request.parse(bytes).is_ok_and(|status| status.is_complete()));
//! let headers = BoundedHeaders::new(&*request.headers)?;
//! assert_eq!(headers.values(b"origin").next(), Some(&b"https://app.example"[..]));
//! # Ok::<(), cors_core::http::HeaderLimitError>(())
//! ```

use super::header::Header;

impl<'a, 'b: 'a> Header<'a> for &'a httparse::Header<'b> {
    fn name(&self) -> &'a [u8] {
        self.name.as_bytes()
    }
    fn value(&self) -> &'a [u8] {
        self.value
    }
}

#[cfg(test)]
mod tests {
    use crate::http::BoundedHeaders;

    #[test]
    fn a_parsed_request_is_a_header_list() {
        let mut storage = [httparse::EMPTY_HEADER; 8];
        let mut request = httparse::Request::new(&mut storage);
        let bytes = b"OPTIONS /x HTTP/1.1\r\nOrigin: https://a.example\r\n\
            Access-Control-Request-Headers: x-a\r\naccess-control-request-headers:  x-b \r\n\r\n";
        let parsed = request.parse(bytes);
        assert!(matches!(parsed, Ok(httparse::Status::Complete(n)) if n == bytes.len()));
        let headers = BoundedHeaders::within_limits(&*request.headers);
        let values: [&[u8]; 2] = [b"x-a", b"x-b"];
        assert!(headers.values(b"Access-Control-Request-Headers").eq(values));
        // The values are the request buffer's own bytes.
        let origin = headers.values(b"origin").next();
        assert!(origin.is_some_and(|origin| bytes.as_ptr_range().contains(&origin.as_ptr())));
    }
}
